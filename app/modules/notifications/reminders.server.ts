import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { addDays } from '#app/modules/policies/checks/case-facts.ts'
import { notifyEach } from './notify.server.ts'
import {
	agencyToday,
	CONDITION_DUE_SOON_DAYS,
	conditionReminders,
	LANE_DUE_SOON_DAYS,
	laneReminders,
	type Reminder,
	waiverReminders,
} from './reminder-rules.ts'

const REMINDERS_PER_TRANSACTION = 100

const caseRef = { select: { id: true, trackingId: true, name: true, status: true } } as const

// A review is worked on only while the case is with the reviewers; a condition or a waiver stops
// mattering once the case is withdrawn or retired.
const UNDER_REVIEW = ['SUBMITTED', 'IN_REVIEW'] as const
const OUT_OF_USE = ['WITHDRAWN', 'RETIRED'] as const

/**
 * Writes the reminders that are due today (DUE_SOON, OVERDUE) for review lanes, decision
 * conditions and CAIO waivers. Safe to run every minute and from several processes: each
 * reminder carries a dedupe key per item, due date and recipient, so it is written once.
 */
export async function sendDueReminders(
	db: PrismaClient,
	options: { now?: Date; email?: boolean } = {},
) {
	const today = agencyToday(options.now ?? new Date())
	// Stored due dates stand for the UTC day (see dayOf); anything before this instant is due within the window.
	const before = (days: number) => new Date(`${addDays(today, days + 1)}T00:00:00Z`)

	const [lanes, conditions, waivers] = await Promise.all([
		db.laneReview.findMany({
			where: {
				status: 'OPEN',
				assigneeId: { not: null },
				dueOn: { lt: before(LANE_DUE_SOON_DAYS) },
				useCase: { status: { in: [...UNDER_REVIEW] } },
			},
			select: { id: true, lane: true, assigneeId: true, dueOn: true, useCase: caseRef },
		}),
		db.decisionCondition.findMany({
			where: {
				metAt: null,
				dueOn: { lt: before(CONDITION_DUE_SOON_DAYS) },
				useCase: { status: { notIn: [...OUT_OF_USE] } },
			},
			select: { id: true, text: true, ownerId: true, dueOn: true, useCase: caseRef },
		}),
		db.waiver.findMany({
			where: { OR: [{ revokedOn: null }, { revocationReportedOn: null }] },
			select: {
				id: true,
				practice: true,
				grantedOn: true,
				expiresOn: true,
				recertifiedOn: true,
				reportedToOmbOn: true,
				revokedOn: true,
				revocationReportedOn: true,
				useCase: caseRef,
			},
		}),
	])

	const reminders: Array<Reminder> = [
		...lanes.flatMap((lane) =>
			lane.assigneeId && lane.dueOn
				? laneReminders({ ...lane, assigneeId: lane.assigneeId, dueOn: lane.dueOn }, today)
				: [],
		),
		...conditions.flatMap((condition) => conditionReminders(condition, today)),
		...waivers.flatMap((waiver) =>
			waiverReminders(
				{
					...waiver,
					useCase: {
						...waiver.useCase,
						active: !(OUT_OF_USE as ReadonlyArray<string>).includes(waiver.useCase.status),
					},
				},
				today,
			),
		),
	]
	if (reminders.length === 0) return { written: 0 }

	const leads = reminders.some((reminder) => reminder.governanceLeads)
		? (
				await db.user.findMany({
					where: { active: true, roles: { some: { role: 'GOVERNANCE_LEAD' } } },
					select: { id: true },
				})
			).map((lead) => lead.id)
		: []
	const addressed = reminders.map((reminder) => ({
		reminder,
		recipients: [...new Set([...reminder.userIds, ...(reminder.governanceLeads ? leads : [])])],
	}))

	// Most reminders were written on an earlier pass: skip those instead of re-inserting them each minute.
	const keys = addressed.flatMap(({ reminder, recipients }) =>
		recipients.map((userId) => `${reminder.dedupeKey}:${userId}`),
	)
	const existing = new Set(
		(
			await db.notification.findMany({
				where: { dedupeKey: { in: keys } },
				select: { dedupeKey: true },
			})
		).map((row) => row.dedupeKey),
	)
	const outstanding = addressed
		.map(({ reminder, recipients }) => ({
			reminder,
			recipients: recipients.filter((userId) => !existing.has(`${reminder.dedupeKey}:${userId}`)),
		}))
		.filter(({ recipients }) => recipients.length > 0)
	if (outstanding.length === 0) return { written: 0 }

	// In short transactions: a first pass over a large inventory writes thousands of reminders, and
	// each is idempotent on its own (dedupe key), so nothing needs them all-or-nothing.
	let written = 0
	for (let start = 0; start < outstanding.length; start += REMINDERS_PER_TRANSACTION) {
		const batch = outstanding
			.slice(start, start + REMINDERS_PER_TRANSACTION)
			.map(
				({ reminder: { userIds: _userIds, governanceLeads: _leads, ...message }, recipients }) => ({
					recipientIds: recipients,
					message,
				}),
			)
		written += await db.$transaction((tx) =>
			notifyEach(tx, batch, { actorId: null, email: options.email }),
		)
	}
	return { written }
}
