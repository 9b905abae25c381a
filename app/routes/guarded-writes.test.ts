// Every form whose write a version or revision guards, posted by several people at once from the
// same page: exactly one is acknowledged, every other gets a 409 with what they typed still in
// the form, and what is stored is the winner's. On PostgreSQL the posts really overlap; on the
// embedded database they take turns, and the later ones find the version moved on.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'
import {
	type ActionOutcome,
	type FormValue,
	postAction,
	sessionCookieFor,
} from '#tests/route-actions.ts'

process.env.SESSION_SECRET ??= 'guarded-writes-test-secret-0123456789abcdef'

const WRITERS = 4

type SessionUser = Awaited<ReturnType<typeof sessionUserByEmail>>

async function loadModules() {
	return {
		seed: await import('#prisma/seed/seed.server.ts'),
		useCases: await import('#app/modules/use-cases/use-cases.server.ts'),
		schemas: await import('#app/modules/use-cases/schemas.ts'),
		lanes: await import('#app/modules/workflow/lanes.server.ts'),
		decisions: await import('#app/modules/workflow/decisions.server.ts'),
		governance: await import('#app/modules/governance/governance.server.ts'),
		caseRoute: await import('./_app/use-cases/$useCaseId/index.tsx'),
		decideRoute: await import('./_app/use-cases/$useCaseId/decide.tsx'),
		governanceRoute: await import('./_app/use-cases/$useCaseId/governance.tsx'),
		editRoute: await import('./_app/use-cases/$useCaseId/edit.tsx'),
		laneRoute: await import('./_app/use-cases/$useCaseId/lanes.$laneReviewId.tsx'),
		assignRoute: await import('./_app/use-cases/$useCaseId/assign.tsx'),
		datasetRoute: await import('./_app/datasets/$datasetId/edit.tsx'),
		userRoute: await import('./_app/admin/users/$userId.tsx'),
		newCaseRoute: await import('./_app/use-cases/new.tsx'),
	}
}

/** Exactly one post was acknowledged (a redirect); each other one is a 409 that kept its own input. */
function expectOneWinner(
	outcomes: Array<ActionOutcome>,
	keptInput: (outcome: ActionOutcome, writer: number) => void,
) {
	const statuses = outcomes.map((outcome) => outcome.status)
	expect(
		statuses.filter((status) => status === 302),
		`statuses ${statuses.join(', ')}`,
	).toHaveLength(1)
	outcomes.forEach((outcome, writer) => {
		if (outcome.status === 302) return
		expect(outcome.status, JSON.stringify(outcome.data)).toBe(409)
		expect(outcome.data.result.error[''][0]).toEqual(expect.any(String))
		keptInput(outcome, writer)
	})
	return statuses.indexOf(302)
}

const concurrently = (post: (writer: number) => Promise<ActionOutcome>) =>
	Promise.all(Array.from({ length: WRITERS }, (_, writer) => post(writer)))

for (const target of databaseTargets()) {
	describe(`guarded writes under concurrent posts on ${target.name}`, () => {
		let database: Database
		let m: Awaited<ReturnType<typeof loadModules>>
		let submitter: SessionUser
		let reviewer: SessionUser
		let lead: SessionUser
		let admin: SessionUser
		let otherSubmitter: SessionUser
		const cookies: Record<string, string> = {}
		let datasetIds: Record<string, string>
		let orgUnitId: string

		beforeAll(async () => {
			database = await openAppDatabase(target)
			m = await loadModules()
			await m.seed.seedDemoData(database.prisma)
			submitter = await sessionUserByEmail(database, 'submitter@cms.example')
			reviewer = await sessionUserByEmail(database, 'reviewer@cms.example')
			lead = await sessionUserByEmail(database, 'governance@cms.example')
			admin = await sessionUserByEmail(database, 'admin@cms.example')
			await m.seed.createUser(database.prisma, {
				email: 'second-submitter@cms.example',
				name: 'Lee Second',
				password: m.seed.DEMO_PASSWORD,
				orgUnitCode: 'HHS/CMS/CPI',
				roles: [{ role: 'SUBMITTER' }],
			})
			otherSubmitter = await sessionUserByEmail(database, 'second-submitter@cms.example')
			for (const user of [submitter, reviewer, lead, admin, otherSubmitter])
				cookies[user.id] = await sessionCookieFor(user.id)
			const datasets = await database.prisma.dataset.findMany({ select: { id: true, slug: true } })
			datasetIds = Object.fromEntries(datasets.map((d) => [d.slug, d.id]))
			orgUnitId = (
				await database.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })
			).id
		}, 180_000)

		afterAll(async () => {
			await database?.close()
		})

		const caseRow = (useCaseId: string) =>
			database.prisma.useCase.findUniqueOrThrow({ where: { id: useCaseId } })
		const version = async (useCaseId: string) => (await caseRow(useCaseId)).version

		function answers(overrides: Record<string, FormValue> = {}): Record<string, FormValue> {
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
				aiScreen: { ruleBasedOnly: 'NO' },
				safeguards: {
					piaCompleted: 'YES',
					retrievedByPersonalIdentifier: 'NO',
					sudRecordsExcluded: 'YES',
				},
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

		async function submittedCase() {
			const draft = await m.useCases.createDraft(
				submitter,
				{ name: 'Part B claims outlier review assistant', orgUnitId },
				testRequest,
			)
			const values = m.schemas.UseCaseFormSchema.parse({
				...answers(),
				intent: 'submit',
				version: await version(draft.id),
			})
			expect(await m.useCases.saveUseCase(submitter, draft.id, values, testRequest)).toMatchObject({
				status: 'submitted',
			})
			return draft.id
		}

		async function lanesOf(useCaseId: string) {
			const useCase = await caseRow(useCaseId)
			return database.prisma.laneReview.findMany({
				where: { useCaseId, round: useCase.reviewRound },
				orderBy: { lane: 'asc' },
			})
		}

		async function assignedCase() {
			const useCaseId = await submittedCase()
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
			return useCaseId
		}

		async function readyForDecision() {
			const useCaseId = await assignedCase()
			for (const lane of await lanesOf(useCaseId)) {
				const assignee = lane.assigneeId === reviewer.id ? reviewer : lead
				await m.lanes.decideLane(
					assignee,
					{
						laneReviewId: lane.id,
						decision: 'approve',
						note: 'Reviewed.',
						version: await version(useCaseId),
						revision: lane.revision,
					},
					testRequest,
				)
			}
			return useCaseId
		}

		async function highImpactCase() {
			const useCaseId = await submittedCase()
			const recorded = await m.useCases.recordDetermination(
				lead,
				useCaseId,
				{
					determination: 'HIGH_IMPACT',
					rationale: 'Its ranking decides which providers are reviewed before payment.',
					version: await version(useCaseId),
				},
				testRequest,
			)
			expect(recorded).toEqual({ status: 'recorded' })
			return useCaseId
		}

		const post = (
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route's action takes its own generated argument type
			action: (args: any) => Promise<unknown>,
			path: string,
			params: Record<string, string>,
			user: SessionUser,
			values: Record<string, FormValue>,
		) => postAction(action, { path, params, cookie: cookies[user.id]!, values })

		test('the high-impact determination', async () => {
			const useCaseId = await submittedCase()
			const read = await version(useCaseId)
			const rationale = (writer: number) =>
				`Determination by writer ${writer}: the output only orders a reviewer's queue.`
			const outcomes = await concurrently((writer) =>
				post(m.caseRoute.action, `/use-cases/${useCaseId}`, { useCaseId }, lead, {
					intent: 'determine',
					determination: 'NOT_HIGH_IMPACT',
					rationale: rationale(writer),
					version: read,
				}),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.rationale).toBe(rationale(writer)),
			)
			const stored = await caseRow(useCaseId)
			expect(stored.version).toBe(read + 1)
			expect(
				(stored.answers as { highImpact?: { justification?: string } }).highImpact?.justification,
			).toBe(rationale(winner))
			expect(
				await database.prisma.auditEvent.count({
					where: { entityId: useCaseId, action: 'use_case.high_impact_determined' },
				}),
			).toBe(1)
		})

		test('a determination and the owner’s save of the same version', async () => {
			const useCaseId = await submittedCase()
			const read = await version(useCaseId)
			const [determination, save] = await Promise.all([
				post(m.caseRoute.action, `/use-cases/${useCaseId}`, { useCaseId }, lead, {
					intent: 'determine',
					determination: 'NOT_HIGH_IMPACT',
					rationale: 'Only orders a queue.',
					version: read,
				}),
				post(m.editRoute.action, `/use-cases/${useCaseId}/edit`, { useCaseId }, submitter, {
					...answers({
						benefits: 'Owner’s new wording of the benefits, saved at the same moment.',
					}),
					intent: 'save',
					version: read,
				}),
			])
			expect([determination.status, save.status].sort()).toEqual([302, 409])
			const stored = await caseRow(useCaseId)
			expect(stored.version).toBe(read + 1)
			if (save.status === 302) {
				expect(stored.benefits).toBe(
					'Owner’s new wording of the benefits, saved at the same moment.',
				)
				expect(stored.highImpactDetermination).toBeNull()
				expect(determination.data.result.initialValue.rationale).toBe('Only orders a queue.')
			} else {
				expect(stored.highImpactDetermination).toBe('NOT_HIGH_IMPACT')
				expect(stored.benefits).toBe(
					'Reviewers look first at the claims most likely to be billed in error.',
				)
				expect(save.data.result.initialValue.benefits).toBe(
					'Owner’s new wording of the benefits, saved at the same moment.',
				)
			}
		})

		test('the owner’s saves of the edit form', async () => {
			const useCaseId = await submittedCase()
			const read = await version(useCaseId)
			const benefits = (writer: number) =>
				`Benefits as worded by writer ${writer}, who saved at the same moment as the others.`
			const outcomes = await concurrently((writer) =>
				post(m.editRoute.action, `/use-cases/${useCaseId}/edit`, { useCaseId }, submitter, {
					...answers({ benefits: benefits(writer) }),
					intent: 'save',
					version: read,
				}),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.benefits).toBe(benefits(writer)),
			)
			expect((await caseRow(useCaseId)).benefits).toBe(benefits(winner))
		})

		test('the final decision', async () => {
			const useCaseId = await readyForDecision()
			const read = await version(useCaseId)
			const note = (writer: number) => `Approved by writer ${writer} after every lane approved.`
			const outcomes = await concurrently((writer) =>
				post(m.decideRoute.action, `/use-cases/${useCaseId}/decide`, { useCaseId }, lead, {
					outcome: 'APPROVED',
					note: note(writer),
					version: read,
					nextReviewMonths: '12',
				}),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.note).toBe(note(writer)),
			)
			const decisions = await database.prisma.decision.findMany({ where: { useCaseId } })
			expect(decisions.map((decision) => decision.note)).toEqual([note(winner)])
			expect(
				await database.prisma.useCaseVersion.count({
					where: { useCaseId, reason: 'DECIDED_APPROVED' },
				}),
			).toBe(1)
		})

		test('a decision condition marked met', async () => {
			const useCaseId = await readyForDecision()
			await m.decisions.decideCase(
				lead,
				{
					useCaseId,
					outcome: 'APPROVED_WITH_CONDITIONS',
					note: 'Approved.',
					version: await version(useCaseId),
					conditions: [
						{
							text: 'Publish the model card.',
							ownerEmail: 'submitter@cms.example',
							dueOn: new Date('2027-01-15'),
						},
					],
					nextReviewMonths: 12,
				},
				testRequest,
			)
			const condition = await database.prisma.decisionCondition.findFirstOrThrow({
				where: { useCaseId },
			})
			const note = (writer: number) =>
				`Met, as writer ${writer} records: the model card is on the intranet.`
			const outcomes = await concurrently((writer) =>
				post(m.caseRoute.action, `/use-cases/${useCaseId}`, { useCaseId }, submitter, {
					intent: 'condition-met',
					conditionId: condition.id,
					revision: condition.revision,
					note: note(writer),
				}),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.note).toBe(note(writer)),
			)
			expect(
				(await database.prisma.decisionCondition.findUniqueOrThrow({ where: { id: condition.id } }))
					.metNote,
			).toBe(note(winner))
			expect(
				await database.prisma.auditEvent.count({
					where: { entityId: useCaseId, action: 'condition.met' },
				}),
			).toBe(1)
		})

		test('a CAIO waiver granted, then revoked', async () => {
			const useCaseId = await highImpactCase()
			const read = await version(useCaseId)
			const assessment = (writer: number) =>
				`Risk assessment by writer ${writer}: appeals already run through the Marketplace appeals process.`
			const granted = await concurrently((writer) =>
				post(m.governanceRoute.action, `/use-cases/${useCaseId}/governance`, { useCaseId }, lead, {
					intent: 'grant-waiver',
					practice: 'APPEAL',
					riskAssessment: assessment(writer),
					grantedOn: '2026-06-01',
					version: read,
				}),
			)
			const winner = expectOneWinner(granted, (outcome, writer) =>
				expect(outcome.data.result.initialValue.riskAssessment).toBe(assessment(writer)),
			)
			const waivers = await database.prisma.waiver.findMany({ where: { useCaseId } })
			expect(waivers.map((waiver) => waiver.riskAssessment)).toEqual([assessment(winner)])

			const reason = (writer: number) =>
				`Revoked by writer ${writer}: the appeal process is now documented.`
			const revoked = await concurrently((writer) =>
				post(m.governanceRoute.action, `/use-cases/${useCaseId}/governance`, { useCaseId }, lead, {
					intent: 'waiver-revoke',
					waiverId: waivers[0]!.id,
					revision: waivers[0]!.revision,
					date: '2026-07-01',
					reason: reason(writer),
					// The post of the confirmation step: revoking asks first.
					confirmed: 'yes',
				}),
			)
			const revoker = expectOneWinner(revoked, (outcome, writer) =>
				expect(outcome.data.result.initialValue.reason).toBe(reason(writer)),
			)
			expect(
				(await database.prisma.waiver.findUniqueOrThrow({ where: { id: waivers[0]!.id } }))
					.revocationReason,
			).toBe(reason(revoker))
		})

		test('a pilot certification', async () => {
			const useCaseId = await highImpactCase()
			const read = await version(useCaseId)
			const limit = (writer: number) => `Writer ${writer}: two states and at most 500 cases.`
			const outcomes = await concurrently((writer) =>
				post(m.governanceRoute.action, `/use-cases/${useCaseId}/governance`, { useCaseId }, lead, {
					intent: 'certify-pilot',
					certifiedOn: '2026-06-01',
					endsOn: '2026-12-01',
					scaleLimit: limit(writer),
					version: read,
				}),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.scaleLimit).toBe(limit(writer)),
			)
			const certifications = await database.prisma.pilotCertification.findMany({
				where: { useCaseId },
			})
			expect(certifications.map((certification) => certification.scaleLimit)).toEqual([
				limit(winner),
			])
		})

		test('the first evidence recorded for a minimum practice', async () => {
			const useCaseId = await highImpactCase()
			const note = (writer: number) => `Evidence note by writer ${writer}.`
			const outcomes = await concurrently((writer) =>
				post(
					m.governanceRoute.action,
					`/use-cases/${useCaseId}/governance`,
					{ useCaseId },
					submitter,
					{
						intent: 'evidence',
						practice: 'TESTING',
						evidenceUrl: `https://confluence.cms.example/testing-${writer}`,
						note: note(writer),
						revision: 0,
					},
				),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.note).toBe(note(writer)),
			)
			const stored = await database.prisma.practiceRecord.findUniqueOrThrow({
				where: { useCaseId_practice: { useCaseId, practice: 'TESTING' } },
			})
			expect(stored.note).toBe(note(winner))
		})

		test('a review lane the lead adds and assigns, then its decision', async () => {
			const useCaseId = await submittedCase()
			const dueOn = (writer: number) => `2027-02-${String(10 + writer).padStart(2, '0')}`
			// The lane does not exist yet: every writer's post creates it (once) and then races to assign it.
			const assigned = await concurrently((writer) =>
				post(m.assignRoute.action, `/use-cases/${useCaseId}/assign`, { useCaseId }, lead, {
					lane: 'SECURITY',
					assigneeId: reviewer.id,
					dueOn: dueOn(writer),
					revision: 1,
				}),
			)
			const assigner = expectOneWinner(assigned, (outcome, writer) =>
				expect(outcome.data.result.initialValue.dueOn).toBe(dueOn(writer)),
			)
			const security = await database.prisma.laneReview.findFirstOrThrow({
				where: { useCaseId, lane: 'SECURITY' },
			})
			const lanes = await database.prisma.laneReview.count({
				where: { useCaseId, lane: 'SECURITY' },
			})
			expect(lanes).toBe(1)
			const lane = security
			expect(lane.dueOn?.toISOString().slice(0, 10)).toBe(dueOn(assigner))

			const read = await version(useCaseId)
			const note = (writer: number) =>
				`Privacy review by writer ${writer}: the minimum-necessary justification holds.`
			const decided = await concurrently((writer) =>
				post(
					m.laneRoute.action,
					`/use-cases/${useCaseId}/lanes/${lane.id}`,
					{ useCaseId, laneReviewId: lane.id },
					reviewer,
					{
						intent: 'decide',
						decision: 'approve',
						note: note(writer),
						version: read,
						revision: lane.revision,
					},
				),
			)
			const decider = expectOneWinner(decided, (outcome, writer) =>
				expect(outcome.data.result.initialValue.note).toBe(note(writer)),
			)
			expect(
				(await database.prisma.laneReview.findUniqueOrThrow({ where: { id: lane.id } })).note,
			).toBe(note(decider))
		})

		test('a dataset’s catalogue entry', async () => {
			const dataset = await database.prisma.dataset.findUniqueOrThrow({
				where: { id: datasetIds['medicare-ffs-part-b-claims']! },
			})
			const description = (writer: number) =>
				`Fee-for-service Part B claim lines, as described by writer ${writer} at the same moment.`
			const outcomes = await concurrently((writer) =>
				post(
					m.datasetRoute.action,
					`/datasets/${dataset.id}/edit`,
					{ datasetId: dataset.id },
					admin,
					{
						name: dataset.name,
						description: description(writer),
						category: dataset.category,
						sensitivities: dataset.sensitivities,
						orgUnitId: dataset.orgUnitId,
						sornNumber: dataset.sornNumber,
						version: dataset.version,
					},
				),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.description).toBe(description(writer)),
			)
			expect(
				(await database.prisma.dataset.findUniqueOrThrow({ where: { id: dataset.id } }))
					.description,
			).toBe(description(winner))
		})

		test('a comment posted several times with its form’s key (retries, a double click) is added once, and each post is answered with it', async () => {
			const useCaseId = await submittedCase()
			const submissionKey = crypto.randomUUID()
			const body = 'Retried comment: the PIA covers the outlier model.'
			const outcomes = await concurrently(() =>
				post(m.caseRoute.action, `/use-cases/${useCaseId}`, { useCaseId }, reviewer, {
					intent: 'comment',
					body,
					submissionKey,
				}),
			)
			const comments = await database.prisma.comment.findMany({ where: { useCaseId, body } })
			expect(comments).toHaveLength(1)
			expect(outcomes.map((outcome) => [outcome.status, outcome.location])).toEqual(
				Array.from({ length: WRITERS }, () => [
					302,
					`/use-cases/${useCaseId}?tab=review&commented=1#comment-${comments[0]!.id}`,
				]),
			)
			expect(
				await database.prisma.auditEvent.count({
					where: { entityId: useCaseId, action: 'comment.added' },
				}),
			).toBe(1)
			// Another page load, another key: a second comment with the same words is a new comment.
			await post(m.caseRoute.action, `/use-cases/${useCaseId}`, { useCaseId }, reviewer, {
				intent: 'comment',
				body,
				submissionKey: crypto.randomUUID(),
			})
			expect(await database.prisma.comment.count({ where: { useCaseId, body } })).toBe(2)
		})

		test('a new draft posted several times with its form’s key is created once', async () => {
			const submissionKey = crypto.randomUUID()
			const name = `Draft posted ${WRITERS} times`
			const outcomes = await concurrently(() =>
				post(m.newCaseRoute.action, '/use-cases/new', {}, submitter, {
					name,
					orgUnitId,
					submissionKey,
				}),
			)
			const drafts = await database.prisma.useCase.findMany({ where: { name } })
			expect(drafts).toHaveLength(1)
			expect(outcomes.map((outcome) => outcome.location)).toEqual(
				Array.from({ length: WRITERS }, () => `/use-cases/${drafts[0]!.id}/edit`),
			)
			// Someone else cannot reuse a key to reach another person's record.
			const stolen = await post(m.newCaseRoute.action, '/use-cases/new', {}, otherSubmitter, {
				name,
				orgUnitId,
				submissionKey,
			})
			expect(stolen.status).toBe(409)
		})

		test('a person’s roles and access', async () => {
			const target = await database.prisma.user.findUniqueOrThrow({ where: { id: reviewer.id } })
			const lanes = (writer: number) =>
				writer % 2 === 0 ? ['PRIVACY', 'LEGAL'] : ['SECURITY', 'DATA_GOVERNANCE']
			const outcomes = await concurrently((writer) =>
				post(m.userRoute.action, `/admin/users/${target.id}`, { userId: target.id }, admin, {
					intent: 'update-access',
					active: true,
					orgUnitId: target.orgUnitId,
					roles: ['REVIEWER'],
					lanes: lanes(writer),
					emailNotifications: writer % 2 === 0,
					updatedAt: target.updatedAt.toISOString(),
				}),
			)
			const winner = expectOneWinner(outcomes, (outcome, writer) =>
				expect(outcome.data.result.initialValue.lanes).toEqual(lanes(writer)),
			)
			const roles = await database.prisma.userRole.findMany({ where: { userId: target.id } })
			expect(roles).toMatchObject([{ role: 'REVIEWER', lanes: lanes(winner) }])
		})
	})
}
