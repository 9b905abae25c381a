// Independence cannot be escaped: a person who was listed on any version of a case (and took
// themselves off it, or was taken off) may still never take any review or decision on it, whatever
// roles they hold. Every workflow action, on each database. And nobody changes their own roles.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'

type SessionUser = Awaited<ReturnType<typeof sessionUserByEmail>>

async function loadModules() {
	return {
		seed: await import('#prisma/seed/seed.server.ts'),
		useCases: await import('#app/modules/use-cases/use-cases.server.ts'),
		schemas: await import('#app/modules/use-cases/schemas.ts'),
		lanes: await import('./lanes.server.ts'),
		decisions: await import('./decisions.server.ts'),
		governance: await import('#app/modules/governance/governance.server.ts'),
		queries: await import('./review-queries.server.ts'),
		users: await import('#app/modules/users/users.server.ts'),
	}
}

const ALL_LANES = ['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE'] as const
const DAY = 86_400_000

for (const target of databaseTargets()) {
	describe(`independence on ${target.name}`, () => {
		let database: Database
		let m: Awaited<ReturnType<typeof loadModules>>
		let submitter: SessionUser
		let reviewer: SessionUser
		let lead: SessionUser
		let orgUnitId: string
		let datasetId: string

		beforeAll(async () => {
			database = await openAppDatabase(target)
			m = await loadModules()
			await m.seed.seedDemoData(database.prisma)
			for (const email of ['left-the-team@cms.example', 'taken-off@cms.example']) {
				await m.seed.createUser(database.prisma, {
					email,
					name: email.split('@')[0]!,
					password: m.seed.DEMO_PASSWORD,
					orgUnitCode: 'HHS/CMS/OIT',
					roles: [
						{ role: 'SUBMITTER' },
						{ role: 'REVIEWER', lanes: [...ALL_LANES] },
						{ role: 'GOVERNANCE_LEAD' },
					],
				})
			}
			submitter = await sessionUserByEmail(database, 'submitter@cms.example')
			reviewer = await sessionUserByEmail(database, 'reviewer@cms.example')
			lead = await sessionUserByEmail(database, 'governance@cms.example')
			orgUnitId = (
				await database.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })
			).id
			datasetId = (
				await database.prisma.dataset.findFirstOrThrow({
					where: { slug: 'medicare-ffs-part-b-claims' },
				})
			).id
		}, 180_000)

		afterAll(async () => {
			await database?.close()
		})

		const current = async (useCaseId: string) =>
			database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })
		const lanesOf = async (useCaseId: string) =>
			database.prisma.laneReview.findMany({
				where: { useCaseId, round: (await current(useCaseId)).reviewRound },
				orderBy: { lane: 'asc' },
			})

		function answers(teamEmails: string) {
			return {
				name: 'Part B claims outlier review assistant',
				orgUnit: 'HHS/CMS/CPI',
				contactEmail: 'cpi-analytics@cms.hhs.gov',
				teamEmails,
				isWithheld: 'NO',
				stage: 'PRE_DEPLOYMENT',
				topicArea: 'HEALTH_MEDICAL',
				classification: 'CLASSICAL_ML',
				problemSolved: 'Reviewers cannot read every unusual Part B claim before payment.',
				benefits: 'Reviewers look first at the claims most likely to be billed in error.',
				systemOutputs: 'A ranked list of claims for a medical reviewer to look at.',
				decisionRole: 'ASSISTIVE',
				affectedParties: ['PROVIDERS'],
				informedDecisions: ['NONE'],
				publicFacing: 'NO',
				generativeAi: 'NO',
				hosting: 'CMS_DATA_CENTER',
				contractingUsage: 'IN_HOUSE',
				aiScreen: { ruleBasedOnly: 'NO' },
				datasets: [
					{
						datasetId,
						usages: ['TRAINING', 'OPERATION'],
						minimumNecessaryJustification: 'Claim lines, codes and amounts only.',
					},
				],
			}
		}

		async function save(
			user: SessionUser,
			useCaseId: string,
			intent: 'save' | 'submit',
			teamEmails: string,
		) {
			const values = m.schemas.UseCaseFormSchema.parse({
				...answers(teamEmails),
				intent,
				version: (await current(useCaseId)).version,
			})
			return m.useCases.saveUseCase(user, useCaseId, values, testRequest)
		}

		/** A case the submitter registered and submitted with nobody else on it. */
		async function submittedCase() {
			const draft = await m.useCases.createDraft(
				submitter,
				{ name: 'Part B claims outlier review assistant', orgUnitId },
				testRequest,
			)
			await save(submitter, draft.id, 'submit', '')
			return draft
		}

		/** A submitted case that listed `person` on its first version and no longer lists them. */
		async function caseThatOnceListed(person: SessionUser, removedBy: 'themselves' | 'the owner') {
			const draft = await m.useCases.createDraft(
				submitter,
				{ name: 'Part B claims outlier review assistant', orgUnitId },
				testRequest,
			)
			expect(await save(submitter, draft.id, 'submit', person.email)).toMatchObject({
				status: 'submitted',
			})
			// The amendment that takes them off: the exploit used their own edit of the team list.
			expect(
				await save(removedBy === 'themselves' ? person : submitter, draft.id, 'save', ''),
			).toMatchObject({ status: 'submitted' })
			const loaded = await m.useCases.getUseCaseForUser(lead, draft.id)
			expect(m.useCases.isListedOn(person, loaded)).toBe(false)
			return draft.id
		}

		for (const removedBy of ['themselves', 'the owner'] as const) {
			test(`a reviewer and governance lead taken off a case by ${removedBy} can take no review or decision on it`, async () => {
				const person = await sessionUserByEmail(
					database,
					removedBy === 'themselves' ? 'left-the-team@cms.example' : 'taken-off@cms.example',
				)
				const useCaseId = await caseThatOnceListed(person, removedBy)
				const refusedForIndependence = {
					code: 'FORBIDDEN',
					message: expect.stringMatching(/were listed on this use case/),
				}
				const version = async () => (await current(useCaseId)).version

				// What the pages offer them: nothing to claim, decide or be assigned.
				const loaded = await m.useCases.getUseCaseForUser(person, useCaseId)
				expect(m.useCases.isInvolvedIn(person, loaded)).toBe(true)
				expect(m.decisions.decisionAccess(person, loaded)).toMatchObject({ canDecide: false })
				expect((await m.lanes.eligibleReviewers(loaded)).map((p) => p.id)).not.toContain(person.id)
				expect(
					(await m.queries.reviewQueue(person)).claimable.map((lane) => lane.useCase.id),
				).not.toContain(useCaseId)

				// Claim a lane; assign one (as the lead); be assigned one.
				const [first] = await lanesOf(useCaseId)
				await expect(
					m.lanes.claimLane(
						person,
						{ laneReviewId: first!.id, revision: first!.revision },
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				await expect(
					m.lanes.assignLane(
						person,
						{
							useCaseId,
							lane: first!.lane,
							assigneeId: reviewer.id,
							dueOn: new Date(Date.now() + 7 * DAY),
						},
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				await expect(
					m.lanes.assignLane(
						lead,
						{
							useCaseId,
							lane: first!.lane,
							assigneeId: person.id,
							dueOn: new Date(Date.now() + 7 * DAY),
						},
						testRequest,
					),
				).rejects.toMatchObject({
					code: 'INVALID',
					message: expect.stringMatching(/was listed on this use case/),
				})

				// The high-impact determination, a request for changes, the CAIO's waiver and pilot certification.
				await expect(
					m.useCases.recordDetermination(
						person,
						useCaseId,
						{ determination: 'HIGH_IMPACT', rationale: 'Mine to call.', version: await version() },
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				await expect(
					m.decisions.requestChanges(
						person,
						{ useCaseId, note: 'Changes.', version: await version() },
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				const waiver = {
					practice: 'TESTING' as const,
					riskAssessment: 'Testing would expose live claims data to the vendor.',
					grantedOn: new Date(),
				}
				await expect(
					m.governance.grantWaiver(
						person,
						{ useCaseId, ...waiver, version: await version() },
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				await expect(
					m.governance.certifyPilot(
						person,
						{
							useCaseId,
							certifiedOn: new Date(),
							endsOn: new Date(Date.now() + 90 * DAY),
							scaleLimit: 'Two contractors',
							version: await version(),
						},
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)

				// An independent lead records the determination, a waiver and a pilot; the person may change none of them.
				expect(
					await m.useCases.recordDetermination(
						lead,
						useCaseId,
						{
							determination: 'HIGH_IMPACT',
							rationale: 'Claims it ranks highest are held, which delays providers’ payments.',
							version: await version(),
						},
						testRequest,
					),
				).toEqual({ status: 'recorded' })
				const granted = await m.governance.grantWaiver(
					lead,
					{ useCaseId, ...waiver, version: await version() },
					testRequest,
				)
				const pilot = await m.governance.certifyPilot(
					lead,
					{
						useCaseId,
						certifiedOn: new Date(),
						endsOn: new Date(Date.now() + 90 * DAY),
						scaleLimit: 'Two contractors',
						version: await version(),
					},
					testRequest,
				)
				await expect(
					m.governance.changeWaiver(
						person,
						{
							waiverId: granted.id,
							revision: 1,
							change: { kind: 'revoke', revokedOn: new Date(), reason: 'Mine to revoke.' },
						},
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				await expect(
					m.governance.revokePilotCertification(
						person,
						{ certificationId: pilot.id, revokedOn: new Date() },
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)

				// Deciding a lane (the lead may step in on any lane) and the case.
				for (const lane of await lanesOf(useCaseId)) {
					const assignee = reviewer.roles.some((r) => r.lanes.includes(lane.lane)) ? reviewer : lead
					await m.lanes.assignLane(
						lead,
						{
							useCaseId,
							lane: lane.lane,
							assigneeId: assignee.id,
							dueOn: new Date(Date.now() + 7 * DAY),
						},
						testRequest,
					)
				}
				const [assigned] = await lanesOf(useCaseId)
				await expect(
					m.lanes.decideLane(
						person,
						{
							laneReviewId: assigned!.id,
							decision: 'approve',
							note: 'Fine by me.',
							version: await version(),
							revision: assigned!.revision,
						},
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				for (const lane of await lanesOf(useCaseId)) {
					const decider = lane.assigneeId === reviewer.id ? reviewer : lead
					await m.lanes.decideLane(
						decider,
						{
							laneReviewId: lane.id,
							decision: 'approve',
							note: 'Reviewed.',
							version: await version(),
							revision: lane.revision,
						},
						testRequest,
					)
				}
				await expect(
					m.decisions.decideCase(
						person,
						{
							useCaseId,
							outcome: 'APPROVED',
							note: 'Mine.',
							version: await version(),
							conditions: [],
							nextReviewMonths: 12,
						},
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)

				// The decision's condition: its owner marks it met; the person, a lead but not its owner, may not.
				await m.decisions.decideCase(
					lead,
					{
						useCaseId,
						outcome: 'APPROVED_WITH_CONDITIONS',
						note: 'Approved for pre-deployment work.',
						version: await version(),
						conditions: [
							{
								text: 'Share the model card with the privacy office.',
								ownerEmail: submitter.email,
								dueOn: new Date(Date.now() + 30 * DAY),
							},
						],
						nextReviewMonths: 12,
					},
					testRequest,
				)
				const condition = await database.prisma.decisionCondition.findFirstOrThrow({
					where: { useCaseId },
				})
				await expect(
					m.decisions.meetCondition(
						person,
						{ conditionId: condition.id, note: 'Done.', revision: condition.revision },
						testRequest,
					),
				).rejects.toMatchObject(refusedForIndependence)
				await m.decisions.meetCondition(
					submitter,
					{ conditionId: condition.id, note: 'Model card sent.', revision: condition.revision },
					testRequest,
				)

				// Nothing the person tried is on the record as theirs.
				const theirs = await database.prisma.auditEvent.findMany({
					where: { entityId: useCaseId, actorId: person.id },
					select: { action: true },
				})
				expect(
					theirs
						.map((event) => event.action)
						.every((action) => action === 'use_case.updated' || action === 'use_case.resubmitted'),
				).toBe(true)
				expect(
					await database.prisma.decision.count({ where: { useCaseId, decidedById: person.id } }),
				).toBe(0)
			})
		}

		test('submitters may not list a case’s reviewer; listed all the same, her approved lane opens again, and the final decision cannot count it', async () => {
			const draft = await submittedCase()
			const version = async () => (await current(draft.id)).version
			const privacy = (await lanesOf(draft.id)).find((lane) => lane.lane === 'PRIVACY')!
			await m.lanes.assignLane(
				lead,
				{
					useCaseId: draft.id,
					lane: 'PRIVACY',
					assigneeId: reviewer.id,
					dueOn: new Date(Date.now() + 7 * DAY),
				},
				testRequest,
			)
			const assigned = (await lanesOf(draft.id)).find((lane) => lane.id === privacy.id)!
			await m.lanes.decideLane(
				reviewer,
				{
					laneReviewId: assigned.id,
					decision: 'approve',
					note: 'Minimum necessary shown.',
					version: await version(),
					revision: assigned.revision,
				},
				testRequest,
			)
			await m.decisions.requestChanges(
				lead,
				{ useCaseId: draft.id, note: 'Say who answers for it.', version: await version() },
				testRequest,
			)

			// The submitters may not take the reviewer off the case by listing her: the lead reassigns first.
			const withVersion = async (contactEmail: string) =>
				m.useCases.saveUseCase(
					submitter,
					draft.id,
					m.schemas.UseCaseFormSchema.parse({
						...answers(''),
						contactEmail,
						intent: 'submit',
						version: await version(),
					}),
					testRequest,
				)
			await expect(withVersion(reviewer.email.toUpperCase())).rejects.toMatchObject({
				code: 'INVALID',
				field: 'contactEmail',
				message: expect.stringMatching(
					/reviews this use case’s Privacy lane, .* Ask the governance lead to reassign the lane first/,
				),
			})
			expect(
				await database.prisma.laneReview.findUniqueOrThrow({ where: { id: privacy.id } }),
			).toMatchObject({ status: 'APPROVED', decidedById: reviewer.id })

			// Listed another way all the same (here, straight into the table), the next save re-opens her lane.
			await database.prisma.useCaseContact.create({
				data: { useCaseId: draft.id, userId: reviewer.id, role: 'PROGRAM_CONTACT' },
			})
			await withVersion(reviewer.email)

			const loaded = await m.useCases.getUseCaseForUser(lead, draft.id)
			expect(m.useCases.isListedOn(reviewer, loaded)).toBe(true)
			expect(
				await database.prisma.useCaseContact.findMany({
					where: { useCaseId: draft.id, userId: reviewer.id },
					select: { role: true },
				}),
			).toEqual([{ role: 'PROGRAM_CONTACT' }])
			expect(
				await database.prisma.laneReview.findUniqueOrThrow({ where: { id: privacy.id } }),
			).toMatchObject({
				status: 'OPEN',
				decidedById: null,
				assigneeId: null,
			})
			expect(
				await database.prisma.auditEvent.findFirst({
					where: { entityId: draft.id, action: 'review.lane_reopened' },
					select: { actorId: true, before: true },
				}),
			).toEqual({
				actorId: submitter.id,
				before: { lane: 'PRIVACY', status: 'APPROVED', decidedById: reviewer.id },
			})
			const decide = async () =>
				m.decisions.decideCase(
					lead,
					{
						useCaseId: draft.id,
						outcome: 'APPROVED',
						note: 'All lanes done.',
						version: await version(),
						conditions: [],
						nextReviewMonths: 12,
					},
					testRequest,
				)
			await expect(decide()).rejects.toMatchObject({ message: expect.stringMatching(/still open/) })

			// Even a decision written before the listing was saved is no decision once they are listed.
			for (const lane of await lanesOf(draft.id))
				await database.prisma.laneReview.update({
					where: { id: lane.id },
					data: {
						status: 'APPROVED',
						decidedById: lane.lane === 'PRIVACY' ? reviewer.id : lead.id,
						decidedAt: new Date(),
					},
				})
			await expect(decide()).rejects.toMatchObject({
				message: expect.stringMatching(/^A required review lane is still open/),
			})
			expect((await current(draft.id)).status).not.toMatch(/^APPROVED/)
		})

		test('submitters may not list the last governance lead able to decide their case', async () => {
			const draft = await submittedCase()
			const leads = await database.prisma.user.findMany({
				where: { active: true, roles: { some: { role: 'GOVERNANCE_LEAD' } } },
				select: { email: true },
				orderBy: { email: 'asc' },
			})
			const others = leads.map((person) => person.email).filter((email) => email !== lead.email)
			expect(others.length).toBeGreaterThan(0)
			// Every other lead may be listed: one is left to decide.
			await save(submitter, draft.id, 'save', others.join('; '))
			await expect(
				save(submitter, draft.id, 'save', [...others, lead.email].join('; ')),
			).rejects.toMatchObject({
				code: 'INVALID',
				field: 'teamEmails',
				message: expect.stringMatching(
					/is the last governance lead not involved in this use case; once listed, nobody could decide it/,
				),
			})
			const loaded = await m.useCases.getUseCaseForUser(lead, draft.id)
			expect(m.useCases.isInvolvedIn(lead, loaded)).toBe(false)
		})

		test('the record of who was involved cannot be edited away', async () => {
			const person = await sessionUserByEmail(database, 'taken-off@cms.example')
			const useCaseId = await caseThatOnceListed(person, 'the owner')
			await expect(
				database.prisma.useCaseParticipant.deleteMany({ where: { useCaseId, userId: person.id } }),
			).rejects.toThrow(/UseCaseParticipant is kept/)
			await expect(
				database.prisma.useCaseParticipant.updateMany({
					where: { useCaseId },
					data: { userId: lead.id },
				}),
			).rejects.toThrow(/UseCaseParticipant is kept/)
			expect(
				await database.prisma.useCaseParticipant.count({ where: { useCaseId, userId: person.id } }),
			).toBe(1)
			// An empty draft may still be deleted, and its record with it.
			const draft = await m.useCases.createDraft(
				person,
				{ name: 'Scratch idea', orgUnitId },
				testRequest,
			)
			await m.useCases.deleteEmptyDraft(person, draft.id, testRequest)
			expect(
				await database.prisma.useCaseParticipant.count({ where: { useCaseId: draft.id } }),
			).toBe(0)
		})

		test('nobody changes their own roles: an administrator cannot make themselves governance lead', async () => {
			const admin = await sessionUserByEmail(database, 'admin@cms.example')
			const before = await database.prisma.user.findUniqueOrThrow({
				where: { id: admin.id },
				select: { updatedAt: true, orgUnitId: true },
			})
			const change = {
				active: true,
				orgUnitId: before.orgUnitId!,
				lanes: [],
				emailNotifications: true,
				expectedUpdatedAt: before.updatedAt,
			}
			await expect(
				m.users.updateUserAccess(
					admin.id,
					admin.id,
					{ ...change, roles: ['ADMIN', 'GOVERNANCE_LEAD'] },
					testRequest,
				),
			).rejects.toMatchObject({
				code: 'FORBIDDEN',
				message: expect.stringMatching(/Nobody changes their own roles/),
			})
			await expect(
				m.users.updateUserAccess(admin.id, admin.id, { ...change, roles: [] }, testRequest),
			).rejects.toMatchObject({ code: 'FORBIDDEN' })
			await expect(
				m.users.updateUserAccess(
					admin.id,
					admin.id,
					{ ...change, roles: ['ADMIN'], active: false },
					testRequest,
				),
			).rejects.toMatchObject({ code: 'FORBIDDEN' })
			expect(
				(await sessionUserByEmail(database, 'admin@cms.example')).roles.map((r) => r.role),
			).toEqual(['ADMIN'])
			// The same person may still change what is not access: their e-mail notifications.
			await m.users.updateUserAccess(
				admin.id,
				admin.id,
				{ ...change, roles: ['ADMIN'], emailNotifications: false },
				testRequest,
			)
			// Another administrator may grant the role.
			await m.seed.createUser(database.prisma, {
				email: 'second-admin@cms.example',
				name: 'Second Admin',
				password: m.seed.DEMO_PASSWORD,
				orgUnitCode: 'HHS/CMS/OIT',
				roles: [{ role: 'ADMIN' }],
			})
			const other = await sessionUserByEmail(database, 'second-admin@cms.example')
			const now = await database.prisma.user.findUniqueOrThrow({
				where: { id: admin.id },
				select: { updatedAt: true },
			})
			await m.users.updateUserAccess(
				other.id,
				admin.id,
				{ ...change, roles: ['ADMIN', 'GOVERNANCE_LEAD'], expectedUpdatedAt: now.updatedAt },
				testRequest,
			)
			expect(
				(await sessionUserByEmail(database, 'admin@cms.example')).roles.map((r) => r.role).sort(),
			).toEqual(['ADMIN', 'GOVERNANCE_LEAD'])
		})
	})
}
