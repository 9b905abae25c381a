// The review workflow end to end through its modules, on each database: submission to decision,
// independence, stale versions, concurrent lane decisions, and CAIO waivers against blocking checks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'

type SessionUser = Awaited<ReturnType<typeof sessionUserByEmail>>

/** Form fields as the browser names them (`safeguards.sornNumber`), laid out as the form schema reads them. */
function nested(fields: Record<string, unknown>) {
	const values: Record<string, Record<string, unknown> | unknown> = {}
	for (const [name, value] of Object.entries(fields)) {
		const [group, key] = name.split('.')
		if (key === undefined) values[name] = value
		else
			values[group!] = { ...(values[group!] as Record<string, unknown> | undefined), [key]: value }
	}
	return values
}

async function loadModules() {
	return {
		seed: await import('#prisma/seed/seed.server.ts'),
		useCases: await import('#app/modules/use-cases/use-cases.server.ts'),
		schemas: await import('#app/modules/use-cases/schemas.ts'),
		lanes: await import('./lanes.server.ts'),
		decisions: await import('./decisions.server.ts'),
		comments: await import('./comments.server.ts'),
		governance: await import('#app/modules/governance/governance.server.ts'),
		queries: await import('./review-queries.server.ts'),
	}
}

for (const target of databaseTargets()) {
	describe(`the review workflow on ${target.name}`, () => {
		let database: Database
		let m: Awaited<ReturnType<typeof loadModules>>
		let submitter: SessionUser
		let reviewer: SessionUser
		let lead: SessionUser
		let everything: SessionUser
		let datasetIds: Record<string, string>
		let orgUnitId: string

		beforeAll(async () => {
			database = await openAppDatabase(target)
			m = await loadModules()
			await m.seed.seedDemoData(database.prisma)
			const password = m.seed.DEMO_PASSWORD
			await m.seed.createUser(database.prisma, {
				email: 'all-roles@cms.example',
				name: 'Sam Everything',
				password,
				orgUnitCode: 'HHS/CMS/OIT',
				roles: [
					{ role: 'SUBMITTER' },
					{ role: 'REVIEWER', lanes: ['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE'] },
					{ role: 'GOVERNANCE_LEAD' },
				],
			})
			submitter = await sessionUserByEmail(database, 'submitter@cms.example')
			reviewer = await sessionUserByEmail(database, 'reviewer@cms.example')
			lead = await sessionUserByEmail(database, 'governance@cms.example')
			everything = await sessionUserByEmail(database, 'all-roles@cms.example')
			const datasets = await database.prisma.dataset.findMany({ select: { id: true, slug: true } })
			datasetIds = Object.fromEntries(datasets.map((d) => [d.slug, d.id]))
			orgUnitId = (
				await database.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })
			).id
		}, 180_000)

		afterAll(async () => {
			await database?.close()
		})

		const version = async (useCaseId: string) =>
			(await database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })).version
		const status = async (useCaseId: string) =>
			(await database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })).status

		function answers(overrides: Record<string, unknown> = {}) {
			return {
				name: 'Part B claims outlier review assistant',
				orgUnit: 'HHS/CMS/CPI',
				contactEmail: 'cpi-analytics@cms.hhs.gov',
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
				'aiScreen.ruleBasedOnly': 'NO',
				datasets: [
					{
						datasetId: datasetIds['medicare-ffs-part-b-claims'],
						usages: ['TRAINING', 'OPERATION'],
						minimumNecessaryJustification:
							'Claim lines, codes and amounts; beneficiary identifiers are hashed.',
					},
				],
				...overrides,
			}
		}

		async function save(
			user: SessionUser,
			useCaseId: string,
			intent: 'save' | 'submit',
			overrides: Record<string, unknown> = {},
		) {
			const values = m.schemas.UseCaseFormSchema.parse(
				nested({ ...answers(overrides), intent, version: await version(useCaseId) }),
			)
			return m.useCases.saveUseCase(user, useCaseId, values, testRequest)
		}

		async function submittedCase(owner: SessionUser, overrides: Record<string, unknown> = {}) {
			const draft = await m.useCases.createDraft(
				owner,
				{ name: 'Part B claims outlier review assistant', orgUnitId },
				testRequest,
			)
			expect(await save(owner, draft.id, 'submit', overrides)).toMatchObject({
				status: 'submitted',
			})
			return draft.id
		}

		// The safeguards that leave the claims case with no finding to settle before approval.
		const settledSafeguards = {
			'safeguards.piaCompleted': 'YES',
			'safeguards.retrievedByPersonalIdentifier': 'NO',
			'safeguards.sudRecordsExcluded': 'YES',
		}

		/** A claims case submitted, every lane approved, and approved by the lead. */
		async function approvedCase() {
			const useCaseId = await submittedCase(submitter, settledSafeguards)
			await assignAll(useCaseId)
			await approveAll(useCaseId)
			await approveByLead(useCaseId)
			return useCaseId
		}

		/** The lead's approval of a case whose lanes are done, over its current version. */
		async function approveByLead(useCaseId: string, nextReviewMonths = 12) {
			return m.decisions.decideCase(
				lead,
				{
					useCaseId,
					outcome: 'APPROVED',
					note: 'Approved.',
					version: await version(useCaseId),
					conditions: [],
					nextReviewMonths,
				},
				testRequest,
			)
		}

		async function lanesOf(useCaseId: string) {
			const useCase = await database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })
			return database.prisma.laneReview.findMany({
				where: { useCaseId, round: useCase.reviewRound },
				orderBy: { lane: 'asc' },
			})
		}

		/** Gives every open lane to the reviewer when they hold it, otherwise to the lead. */
		async function assignAll(useCaseId: string) {
			for (const lane of await lanesOf(useCaseId)) {
				const assignee = reviewer.roles.some((r) => r.lanes.includes(lane.lane)) ? reviewer : lead
				await m.lanes.assignLane(
					lead,
					{
						useCaseId,
						lane: lane.lane,
						assigneeId: assignee.id,
						dueOn: new Date(Date.now() + 7 * 86_400_000),
					},
					testRequest,
				)
			}
		}

		async function approveAll(useCaseId: string) {
			for (const lane of await lanesOf(useCaseId)) {
				if (lane.status !== 'OPEN') continue
				const assignee = lane.assigneeId === reviewer.id ? reviewer : lead
				await m.lanes.decideLane(
					assignee,
					{
						laneReviewId: lane.id,
						decision: 'approve',
						note: 'Reviewed and fine.',
						version: await version(useCaseId),
						revision: lane.revision,
					},
					testRequest,
				)
			}
		}

		test('submit → assign → changes requested → answered → lanes approved → approved with a condition, every step audited and notified', async () => {
			const useCaseId = await submittedCase(submitter)
			expect(await status(useCaseId)).toBe('SUBMITTED')
			const run = await database.prisma.checkRun.findFirstOrThrow({
				where: { useCaseId },
				orderBy: { evaluatedAt: 'desc' },
			})
			const opened = await lanesOf(useCaseId)
			expect(opened.map((lane) => lane.lane).sort()).toEqual([...run.requiredLanes].sort())
			expect(opened.map((lane) => lane.lane)).toContain('PRIVACY')
			expect(
				await database.prisma.notification.count({
					where: { userId: lead.id, useCaseId, kind: 'SUBMITTED' },
				}),
			).toBe(1)

			await assignAll(useCaseId)
			expect(await status(useCaseId)).toBe('IN_REVIEW')
			expect(
				await database.prisma.notification.count({
					where: { userId: reviewer.id, useCaseId, kind: 'ASSIGNED' },
				}),
			).toBeGreaterThan(0)

			const privacy = (await lanesOf(useCaseId)).find((lane) => lane.lane === 'PRIVACY')!
			await m.lanes.decideLane(
				reviewer,
				{
					laneReviewId: privacy.id,
					decision: 'request_changes',
					note: 'Say whether a PIA covers this use.',
					version: await version(useCaseId),
					revision: privacy.revision,
				},
				testRequest,
			)
			expect(await status(useCaseId)).toBe('CHANGES_REQUESTED')
			expect(
				await database.prisma.notification.count({
					where: { userId: submitter.id, useCaseId, kind: 'CHANGES_REQUESTED' },
				}),
			).toBe(1)
			expect(
				await database.prisma.comment.count({
					where: { useCaseId, body: 'Say whether a PIA covers this use.' },
				}),
			).toBe(1)
			// While changes are requested, nobody decides.
			await expect(
				m.decisions.decideCase(
					lead,
					{
						useCaseId,
						outcome: 'APPROVED',
						note: 'Fine.',
						version: await version(useCaseId),
						conditions: [],
						nextReviewMonths: 12,
					},
					testRequest,
				),
			).rejects.toMatchObject({ code: 'CONFLICT' })

			expect(
				await save(submitter, useCaseId, 'submit', {
					'safeguards.piaCompleted': 'YES',
					'safeguards.retrievedByPersonalIdentifier': 'NO',
					'safeguards.sudRecordsExcluded': 'YES',
				}),
			).toMatchObject({
				status: 'submitted',
			})
			expect(await status(useCaseId)).toBe('IN_REVIEW')
			expect((await lanesOf(useCaseId)).find((lane) => lane.lane === 'PRIVACY')?.status).toBe(
				'OPEN',
			)
			expect(
				await database.prisma.notification.count({
					where: { userId: reviewer.id, useCaseId, kind: 'RESUBMITTED' },
				}),
			).toBe(1)

			// The final decision waits for every lane.
			await expect(
				m.decisions.decideCase(
					lead,
					{
						useCaseId,
						outcome: 'APPROVED',
						note: 'Fine.',
						version: await version(useCaseId),
						conditions: [],
						nextReviewMonths: 12,
					},
					testRequest,
				),
			).rejects.toMatchObject({ code: 'INVALID', message: expect.stringMatching(/still open/) })

			await approveAll(useCaseId)
			// Every lane decided: the governance desk lists it as ready for a decision.
			const desk = await m.queries.governanceDesk()
			expect(desk.awaitingDecision.map((c) => c.id)).toContain(useCaseId)
			expect(desk.totals.awaitingDecision).toBeGreaterThanOrEqual(1)
			expect(desk.awaitingAssignment.map((c) => c.id)).not.toContain(useCaseId)
			const decidedOn = await version(useCaseId)
			expect(
				await m.decisions.decideCase(
					lead,
					{
						useCaseId,
						outcome: 'APPROVED_WITH_CONDITIONS',
						note: 'Approved for pre-deployment work.',
						version: decidedOn,
						conditions: [
							{
								text: 'Share the model card with the privacy office.',
								ownerEmail: 'submitter@cms.example',
								dueOn: new Date('2027-01-15'),
							},
						],
						nextReviewMonths: 12,
					},
					testRequest,
				),
			).toEqual({ status: 'decided' })
			const decided = await database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })
			expect(decided.status).toBe('APPROVED_WITH_CONDITIONS')
			expect(decided.nextReviewDue?.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 1)
			const decision = await database.prisma.decision.findFirstOrThrow({
				where: { useCaseId },
				include: { conditions: true },
			})
			expect(decision).toMatchObject({
				outcome: 'APPROVED_WITH_CONDITIONS',
				useCaseVersion: decidedOn,
				decidedById: lead.id,
			})
			const frozen = await database.prisma.useCaseVersion.findUniqueOrThrow({
				where: { useCaseId_number: { useCaseId, number: decision.snapshotNumber } },
			})
			expect(frozen.reason).toBe('DECIDED_APPROVED_WITH_CONDITIONS')
			expect(decision.conditions).toMatchObject([{ ownerId: submitter.id, metAt: null }])
			expect(
				await database.prisma.notification.count({
					where: { userId: submitter.id, useCaseId, kind: 'DECIDED' },
				}),
			).toBe(1)
			expect(
				await database.prisma.notification.count({
					where: { userId: reviewer.id, useCaseId, kind: 'DECIDED' },
				}),
			).toBe(1)

			const transitions = await database.prisma.useCaseStatusChange.findMany({
				where: { useCaseId },
				orderBy: { changedAt: 'asc' },
			})
			expect(transitions.map((t) => `${t.fromStatus}→${t.toStatus}`)).toEqual([
				'DRAFT→SUBMITTED',
				'SUBMITTED→IN_REVIEW',
				'IN_REVIEW→CHANGES_REQUESTED',
				'CHANGES_REQUESTED→IN_REVIEW',
				'IN_REVIEW→APPROVED_WITH_CONDITIONS',
			])
			const actions = (
				await database.prisma.auditEvent.findMany({
					where: { entityType: 'UseCase', entityId: useCaseId },
					orderBy: { createdAt: 'asc' },
				})
			).map((e) => e.action)
			for (const action of [
				'use_case.created',
				'use_case.submitted',
				'review.lane_assigned',
				'review.lane_decided',
				'use_case.changes_answered',
				'use_case.decided',
			]) {
				expect(actions).toContain(action)
			}

			// The condition's owner marks it met; nobody else but the lead may.
			const condition = decision.conditions[0]!
			await expect(
				m.decisions.meetCondition(
					reviewer,
					{ conditionId: condition.id, note: 'Done.', revision: condition.revision },
					testRequest,
				),
			).rejects.toMatchObject({
				code: 'FORBIDDEN',
			})
			await m.decisions.meetCondition(
				submitter,
				{
					conditionId: condition.id,
					note: 'Model card sent on 2 Dec.',
					revision: condition.revision,
				},
				testRequest,
			)
			expect(
				(await database.prisma.decisionCondition.findUniqueOrThrow({ where: { id: condition.id } }))
					.metById,
			).toBe(submitter.id)

			// hi_independent_review comes from who reviewed it.
			const loaded = await m.useCases.getUseCaseForUser(lead, useCaseId)
			expect(m.useCases.toDocument(loaded).practices.independentReview).toBe(
				(await lanesOf(useCaseId)).some((lane) => lane.lane === 'CAIO_DETERMINATION')
					? 'YES_CAIO'
					: 'YES_INTERNAL_REVIEWER',
			)
		})

		test('a material edit to an approved case re-opens its review in a new round; a cosmetic edit does not', async () => {
			const useCaseId = await approvedCase()

			const cosmetic = await save(submitter, useCaseId, 'save', {
				...settledSafeguards,
				benefits:
					'Reviewers look first at the claims most likely to be billed in error, and finish sooner.',
			})
			expect(cosmetic).toMatchObject({ status: 'saved' })
			expect(await status(useCaseId)).toBe('APPROVED')

			const material = await save(submitter, useCaseId, 'save', {
				...settledSafeguards,
				decisionRole: 'PRINCIPAL_BASIS',
				'highImpact.principalBasisRationale': 'Claims it ranks highest are held for review.',
			})
			expect(material).toMatchObject({ status: 'reopened', changed: ['decisionRole'] })
			const reopened = await database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })
			expect(reopened).toMatchObject({ status: 'IN_REVIEW', reviewRound: 2 })
			expect(
				(await lanesOf(useCaseId)).every((lane) => lane.round === 2 && lane.status === 'OPEN'),
			).toBe(true)
		})

		test('an edit that weakens the approval re-opens its review, whichever answer it changes', async () => {
			const useCaseId = await approvedCase()
			const approvedLanes = (await lanesOf(useCaseId)).map((lane) => lane.lane)

			// Claims sent to a vendor's hosted model: reviews the approval never had (the vendor's
			// FedRAMP authorization, its business associate agreement, its contract's clauses).
			const moved = await save(submitter, useCaseId, 'save', {
				...settledSafeguards,
				hosting: 'VENDOR_API',
			})
			expect(moved).toMatchObject({ status: 'reopened', changed: ['hosting'] })
			expect(await status(useCaseId)).toBe('IN_REVIEW')
			const lanes = (await lanesOf(useCaseId)).map((lane) => lane.lane)
			expect(lanes.some((lane) => !approvedLanes.includes(lane))).toBe(true)
		})

		test('a lane assigned to a reviewer who is then listed on the case leaves their queue, named for the lead to reassign', async () => {
			const useCaseId = await submittedCase(submitter, settledSafeguards)
			await assignAll(useCaseId)
			const theirs = (await lanesOf(useCaseId)).filter((lane) => lane.assigneeId === reviewer.id)
			expect(theirs.length).toBeGreaterThan(0)
			const queued = await m.queries.reviewQueue(reviewer)
			expect(queued.assigned.map((lane) => lane.id)).toEqual(
				expect.arrayContaining(theirs.map((lane) => lane.id)),
			)

			// Listed on it afterwards (the record of who was involved is kept by the database).
			await database.prisma.useCaseParticipant.create({ data: { useCaseId, userId: reviewer.id } })
			const after = await m.queries.reviewQueue(reviewer)
			expect(after.assigned.map((lane) => lane.useCase.id)).not.toContain(useCaseId)
			expect(after.noLongerMine.map((lane) => lane.id).sort()).toEqual(
				theirs.map((lane) => lane.id).sort(),
			)
		})

		test('nobody reviews or decides a case they are listed on, whatever their roles', async () => {
			const useCaseId = await submittedCase(everything)
			const [lane] = await lanesOf(useCaseId)
			await expect(
				m.lanes.assignLane(
					everything,
					{ useCaseId, lane: lane!.lane, assigneeId: reviewer.id, dueOn: new Date() },
					testRequest,
				),
			).rejects.toMatchObject({ code: 'FORBIDDEN' })
			await expect(
				m.lanes.claimLane(
					everything,
					{ laneReviewId: lane!.id, revision: lane!.revision },
					testRequest,
				),
			).rejects.toMatchObject({ code: 'FORBIDDEN' })
			await expect(
				m.lanes.assignLane(
					lead,
					{ useCaseId, lane: lane!.lane, assigneeId: everything.id, dueOn: new Date() },
					testRequest,
				),
			).rejects.toMatchObject({
				code: 'INVALID',
				message: expect.stringMatching(/listed on this use case/),
			})
			await assignAll(useCaseId)
			const assigned = (await lanesOf(useCaseId))[0]!
			await expect(
				m.lanes.decideLane(
					everything,
					{
						laneReviewId: assigned.id,
						decision: 'approve',
						note: 'Mine.',
						version: await version(useCaseId),
						revision: assigned.revision,
					},
					testRequest,
				),
			).rejects.toMatchObject({ code: 'FORBIDDEN' })
			await approveAll(useCaseId)
			await expect(
				m.decisions.decideCase(
					everything,
					{
						useCaseId,
						outcome: 'APPROVED',
						note: 'Mine.',
						version: await version(useCaseId),
						conditions: [],
						nextReviewMonths: 12,
					},
					testRequest,
				),
			).rejects.toMatchObject({
				code: 'FORBIDDEN',
				message: expect.stringMatching(/listed on this use case/),
			})
			await expect(
				m.decisions.requestChanges(
					everything,
					{ useCaseId, note: 'x', version: await version(useCaseId) },
					testRequest,
				),
			).rejects.toMatchObject({
				code: 'FORBIDDEN',
			})
			expect(await status(useCaseId)).toBe('IN_REVIEW')
			expect(await database.prisma.decision.count({ where: { useCaseId } })).toBe(0)
		})

		test('a decision on a stale version is refused and nothing is recorded', async () => {
			const useCaseId = await submittedCase(submitter)
			await assignAll(useCaseId)
			await approveAll(useCaseId)
			const read = await version(useCaseId)
			await m.comments.addComment(
				reviewer,
				{ useCaseId, body: 'FYI @submitter@cms.example the PIA link is broken.' },
				testRequest,
			)
			await m.useCases.recordDetermination(
				lead,
				useCaseId,
				{ determination: 'NOT_HIGH_IMPACT', version: read },
				testRequest,
			)
			await expect(
				m.decisions.decideCase(
					lead,
					{
						useCaseId,
						outcome: 'REJECTED',
						note: 'No.',
						version: read,
						conditions: [],
						nextReviewMonths: 12,
					},
					testRequest,
				),
			).rejects.toMatchObject({ code: 'CONFLICT' })
			expect(await status(useCaseId)).toBe('IN_REVIEW')
			expect(await database.prisma.decision.count({ where: { useCaseId } })).toBe(0)
			expect(
				await database.prisma.notification.count({
					where: { userId: submitter.id, useCaseId, kind: 'MENTIONED' },
				}),
			).toBe(1)
		})

		test('two people deciding the same lane at the same moment: exactly one decision is kept', async () => {
			const useCaseId = await submittedCase(submitter)
			await assignAll(useCaseId)
			const privacy = (await lanesOf(useCaseId)).find((lane) => lane.lane === 'PRIVACY')!
			const current = await version(useCaseId)
			const results = await Promise.allSettled([
				m.lanes.decideLane(
					reviewer,
					{
						laneReviewId: privacy.id,
						decision: 'approve',
						note: 'Fine.',
						version: current,
						revision: privacy.revision,
					},
					testRequest,
				),
				m.lanes.decideLane(
					lead,
					{
						laneReviewId: privacy.id,
						decision: 'reject',
						note: 'Not fine.',
						version: current,
						revision: privacy.revision,
					},
					testRequest,
				),
			])
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
			const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
			expect(refused.reason).toMatchObject({
				code: 'CONFLICT',
				message: expect.stringMatching(/already decided|same moment/),
			})
			const decided = await database.prisma.laneReview.findUniqueOrThrow({
				where: { id: privacy.id },
			})
			expect(['APPROVED', 'REJECTED']).toContain(decided.status)
			const events = await database.prisma.auditEvent.findMany({
				where: { entityId: useCaseId, action: 'review.lane_decided' },
			})
			expect(
				events.filter((e) => (e.after as { laneReviewId?: string }).laneReviewId === privacy.id),
			).toHaveLength(1)
		})

		test('a CAIO waiver covers a missing practice and approval goes through; an expired waiver still blocks', async () => {
			const deployed = {
				stage: 'DEPLOYED',
				operationalDate: '2025-09-01',
				hasAto: 'YES',
				atoSystemName: 'Federally Facilitated Marketplaces (FFM)',
				dataDescription: 'Three years of resolved Marketplace inconsistencies.',
				hasPii: 'YES',
				demographicFeatures: ['INCOME'],
				hasCustomCode: 'NO',
				decisionRole: 'PRINCIPAL_BASIS',
				affectedParties: ['BENEFICIARIES'],
				informedDecisions: ['ELIGIBILITY_ENROLLMENT'],
				'highImpact.principalBasisRationale':
					'Resolved inconsistencies close without a caseworker.',
				topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
				'safeguards.piaCompleted': 'YES',
				'safeguards.retrievedByPersonalIdentifier': 'YES',
				'safeguards.sornNumber': '09-70-0560',
				'safeguards.computerMatching': 'NO',
				datasets: [
					{
						datasetId: datasetIds['ffe-marketplace-eligibility-enrollment'],
						usages: ['OPERATION'],
						minimumNecessaryJustification: 'Household income fields only.',
					},
				],
			}
			const useCaseId = await submittedCase(submitter, deployed)
			await m.useCases.recordDetermination(
				lead,
				useCaseId,
				{ determination: 'HIGH_IMPACT', version: await version(useCaseId) },
				testRequest,
			)
			await m.decisions.requestChanges(
				lead,
				{
					useCaseId,
					note: 'Document the seven minimum practices.',
					version: await version(useCaseId),
				},
				testRequest,
			)
			const practices = {
				'practices.testing': 'YES',
				'practices.impactAssessment': 'YES',
				'practices.potentialImpacts': 'Wrongly unresolved cases could end coverage.',
				'practices.monitoring': 'YES',
				'practices.training': 'YES',
				'practices.failsafe': 'YES',
				'practices.publicConsultation': ['USABILITY_TESTING'],
			}
			// The appeal process is still missing.
			expect(
				await save(submitter, useCaseId, 'submit', {
					...deployed,
					...practices,
					'practices.appeal': 'IN_PROGRESS',
				}),
			).toMatchObject({ status: 'submitted' })
			await assignAll(useCaseId)
			await approveAll(useCaseId)
			const approve = () => approveByLead(useCaseId, 6)
			await expect(approve()).rejects.toMatchObject({
				code: 'INVALID',
				message: expect.stringMatching(/blocking check/),
			})

			const expired = {
				practice: 'APPEAL' as const,
				riskAssessment: 'Appeals run through the existing Marketplace appeals process.',
				grantedOn: new Date('2025-06-01'),
				expiresOn: new Date('2025-12-31'),
			}
			await m.governance.grantWaiver(
				lead,
				{ useCaseId, ...expired, version: await version(useCaseId) },
				testRequest,
			)
			await expect(approve()).rejects.toMatchObject({
				code: 'INVALID',
				message: expect.stringMatching(/blocking check/),
			})

			await expect(
				m.governance.grantWaiver(
					everything,
					{ useCaseId, ...expired, version: await version(useCaseId) },
					testRequest,
				),
			).resolves.toBeTruthy() // independent of this case, and a governance lead: allowed
			const current = {
				practice: 'APPEAL' as const,
				riskAssessment:
					'Marketplace appeals cover AI-informed decisions until the new process is live.',
				grantedOn: new Date(),
				reportedToOmbOn: new Date(),
			}
			await m.governance.grantWaiver(
				lead,
				{ useCaseId, ...current, version: await version(useCaseId) },
				testRequest,
			)
			await expect(approve()).resolves.toEqual({ status: 'decided' })
			expect(await status(useCaseId)).toBe('APPROVED')
			const decided = await database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })
			expect(decided.nextReviewDue!.getTime() - Date.now()).toBeLessThan(190 * 86_400_000)
		})

		test('only the CAIO’s office grants waivers, never for a case they are on, and only for high-impact cases', async () => {
			const useCaseId = await submittedCase(everything)
			const waiver = {
				practice: 'TESTING' as const,
				riskAssessment: 'Testing would expose live data.',
				grantedOn: new Date(),
			}
			await expect(
				m.governance.grantWaiver(
					reviewer,
					{ useCaseId, ...waiver, version: await version(useCaseId) },
					testRequest,
				),
			).rejects.toMatchObject({ code: 'FORBIDDEN' })
			await expect(
				m.governance.grantWaiver(
					everything,
					{ useCaseId, ...waiver, version: await version(useCaseId) },
					testRequest,
				),
			).rejects.toMatchObject({
				code: 'FORBIDDEN',
			})
			await expect(
				m.governance.grantWaiver(
					lead,
					{ useCaseId, ...waiver, version: await version(useCaseId) },
					testRequest,
				),
			).rejects.toMatchObject({
				code: 'INVALID',
				message: expect.stringMatching(/high-impact/),
			})
		})
	})
}
