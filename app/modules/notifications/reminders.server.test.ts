import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import { createPeople, createUseCase, type People } from '#tests/notification-fixtures.ts'
import { sendDueReminders } from './reminders.server.ts'

// Noon in Washington on 23 November 2026.
const now = new Date('2026-11-23T17:00:00Z')
const day = (value: string) => new Date(`${value}T00:00:00Z`)

for (const target of databaseTargets()) {
	describe(`${target.name}: reminders`, () => {
		let database: Database
		let people: People

		beforeAll(async () => {
			database = await openMigratedDatabase(target)
			people = await createPeople(database.prisma)
		})
		afterAll(async () => {
			await database?.close()
		})

		const received = async () =>
			(
				await database.prisma.notification.findMany({
					select: { user: { select: { email: true } }, kind: true, title: true, emailStatus: true },
				})
			)
				.map((row) => `${row.user.email} ${row.kind} ${row.title} [${row.emailStatus}]`)
				.sort()

		test('due and overdue lanes, conditions and waivers are announced to the right people, each once', async () => {
			const db = database.prisma
			const inReview = await createUseCase(db, people)
			const approved = await createUseCase(db, people, { status: 'APPROVED_WITH_CONDITIONS' })
			const withdrawn = await createUseCase(db, people, { status: 'WITHDRAWN' })

			await db.laneReview.createMany({
				data: [
					{
						useCaseId: inReview.id,
						round: 1,
						lane: 'PRIVACY',
						assigneeId: people.reviewer.id,
						dueOn: day('2026-11-25'),
					},
					{
						useCaseId: inReview.id,
						round: 1,
						lane: 'SECURITY',
						assigneeId: people.reviewer.id,
						dueOn: day('2026-11-20'),
					},
					// Not yet due, decided, unassigned, or on a withdrawn case: nothing.
					{
						useCaseId: inReview.id,
						round: 1,
						lane: 'LEGAL',
						assigneeId: people.reviewer.id,
						dueOn: day('2026-12-20'),
					},
					{
						useCaseId: inReview.id,
						round: 1,
						lane: 'DATA_GOVERNANCE',
						status: 'APPROVED',
						assigneeId: people.reviewer.id,
						dueOn: day('2026-11-20'),
					},
					{
						useCaseId: inReview.id,
						round: 1,
						lane: 'CAIO_DETERMINATION',
						dueOn: day('2026-11-20'),
					},
					{
						useCaseId: withdrawn.id,
						round: 1,
						lane: 'PRIVACY',
						assigneeId: people.reviewer.id,
						dueOn: day('2026-11-20'),
					},
				],
			})
			const decision = await db.decision.create({
				data: {
					useCaseId: approved.id,
					round: 1,
					outcome: 'APPROVED_WITH_CONDITIONS',
					note: 'Approved with conditions.',
					decidedById: people.lead.id,
					useCaseVersion: 2,
					snapshotNumber: 2,
				},
			})
			await db.decisionCondition.createMany({
				data: [
					{
						decisionId: decision.id,
						useCaseId: approved.id,
						text: 'Publish the model card.',
						ownerId: people.submitter.id,
						dueOn: day('2026-11-28'),
					},
					{
						decisionId: decision.id,
						useCaseId: approved.id,
						text: 'Run the bias test.',
						ownerId: people.submitter.id,
						dueOn: day('2026-11-01'),
					},
					{
						decisionId: decision.id,
						useCaseId: approved.id,
						text: 'Already met.',
						ownerId: people.submitter.id,
						dueOn: day('2026-11-01'),
						metAt: day('2026-10-30'),
						metById: people.submitter.id,
					},
				],
			})
			await db.waiver.createMany({
				data: [
					// Re-certification due 2026-12-10; reported to OMB long ago.
					{
						useCaseId: approved.id,
						practice: 'TESTING',
						riskAssessment: 'Low risk.',
						grantedById: people.lead.id,
						grantedOn: day('2025-12-10'),
						reportedToOmbOn: day('2025-12-15'),
					},
					// Granted 27 days ago, not yet reported to OMB.
					{
						useCaseId: approved.id,
						practice: 'APPEAL',
						riskAssessment: 'Low risk.',
						grantedById: people.lead.id,
						grantedOn: day('2026-10-27'),
					},
					// Revoked: no re-certification reminder (its revocation was reported).
					{
						useCaseId: approved.id,
						practice: 'MONITORING',
						riskAssessment: 'Low risk.',
						grantedById: people.lead.id,
						grantedOn: day('2025-12-01'),
						reportedToOmbOn: day('2025-12-02'),
						revokedOn: day('2026-06-01'),
						revokedById: people.lead.id,
						revocationReportedOn: day('2026-06-02'),
					},
				],
			})

			const first = await sendDueReminders(db, { now, email: true })
			const t = inReview.trackingId
			const a = approved.trackingId
			expect(await received()).toEqual(
				[
					`reviewer@cms.example DUE_SOON ${t}: Privacy review due on November 25, 2026 [PENDING]`,
					`reviewer@cms.example OVERDUE ${t}: Security review overdue [PENDING]`,
					`lead@cms.example OVERDUE ${t}: Security review overdue [PENDING]`,
					`quiet-lead@cms.example OVERDUE ${t}: Security review overdue [SKIPPED]`,
					`submitter@cms.example DUE_SOON ${a}: condition due on November 28, 2026 [PENDING]`,
					`submitter@cms.example OVERDUE ${a}: condition overdue [PENDING]`,
					`lead@cms.example OVERDUE ${a}: condition overdue [PENDING]`,
					`quiet-lead@cms.example OVERDUE ${a}: condition overdue [SKIPPED]`,
					`lead@cms.example DUE_SOON ${a}: waiver re-certification due on December 10, 2026 [PENDING]`,
					`quiet-lead@cms.example DUE_SOON ${a}: waiver re-certification due on December 10, 2026 [SKIPPED]`,
					`lead@cms.example DUE_SOON ${a}: report the waiver to OMB by November 26, 2026 [PENDING]`,
					`quiet-lead@cms.example DUE_SOON ${a}: report the waiver to OMB by November 26, 2026 [SKIPPED]`,
				].sort(),
			)
			expect(first.written).toBe(12)

			// Every minute afterwards: nothing new, the same day or the next.
			expect((await sendDueReminders(db, { now, email: true })).written).toBe(0)
			expect(
				(await sendDueReminders(db, { now: new Date(now.getTime() + 86_400_000), email: true }))
					.written,
			).toBe(0)
			expect(await db.notification.count()).toBe(12)

			// A new due date is a new reminder.
			await db.laneReview.updateMany({
				where: { lane: 'PRIVACY', useCaseId: inReview.id },
				data: { dueOn: day('2026-11-24') },
			})
			expect((await sendDueReminders(db, { now, email: true })).written).toBe(1)
		})
	})
}
