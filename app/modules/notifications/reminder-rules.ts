// Which reminders are due, as pure functions of the open items and today's date. The database
// side (reminders.server.ts) loads the items, resolves "the governance leads" and writes the
// notifications; each reminder carries a dedupe key, so it is sent once per item and due date.

import { type NotificationKind } from '#app/generated/prisma/enums.ts'
import { addDays, addMonths } from '#app/modules/policies/checks/case-facts.ts'
import { minimumPractices, type MinimumPractice } from '#app/modules/use-cases/vocabulary.ts'
import { reviewLaneLabels, type ReviewLaneName } from '#app/utils/permissions.ts'

/** Days are calendar days, YYYY-MM-DD. */
export type Day = string

export const LANE_DUE_SOON_DAYS = 2
export const CONDITION_DUE_SOON_DAYS = 7
const WAIVER_DUE_SOON_DAYS = 30
/** OMB must hear of a waiver's grant (or revocation) within 30 days; remind from day 26. */
const OMB_REPORT_REMIND_AFTER_DAYS = 25
const OMB_REPORT_DAYS = 30

/** The agency works on Eastern time: "today" is the date in Washington. */
const agencyDate = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'America/New_York',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

export function agencyToday(now: Date): Day {
	return agencyDate.format(now)
}

/**
 * The calendar day a stored due date stands for. Dates entered as days are stored at midnight
 * UTC (and `@db.Date` columns come back that way), so the UTC date is the day that was meant.
 */
export function dayOf(date: Date): Day {
	return date.toISOString().slice(0, 10)
}

function daysFrom(from: Day, to: Day) {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

const longDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' })

function formatDay(day: Day) {
	return longDay.format(new Date(`${day}T00:00:00Z`))
}

function whenDue(today: Day, due: Day) {
	const days = daysFrom(today, due)
	if (days === 0) return 'today'
	if (days === 1) return 'tomorrow'
	return `on ${formatDay(due)}`
}

/** The same, with the date spelled out when it says "today" or "tomorrow". */
function whenDueInFull(today: Day, due: Day) {
	const when = whenDue(today, due)
	return when.startsWith('on ') ? when : `${when} (${formatDay(due)})`
}

type CaseRef = { id: string; trackingId: string; name: string }

export type Reminder = {
	/** People named on the item (assignee, owner). */
	userIds: Array<string>
	/** Whether the active governance leads are told too. */
	governanceLeads: boolean
	kind: Extract<NotificationKind, 'DUE_SOON' | 'OVERDUE'>
	title: string
	body: string
	link: string
	useCaseId: string
	dedupeKey: string
}

export type OpenLane = {
	id: string
	lane: ReviewLaneName
	assigneeId: string
	dueOn: Date
	useCase: CaseRef
}

/** An open, assigned lane: due soon → its reviewer; overdue → its reviewer and the leads. */
export function laneReminders(lane: OpenLane, today: Day): Array<Reminder> {
	const due = dayOf(lane.dueOn)
	const days = daysFrom(today, due)
	const label = reviewLaneLabels[lane.lane]
	const base = {
		userIds: [lane.assigneeId],
		link: `/use-cases/${lane.useCase.id}`,
		useCaseId: lane.useCase.id,
	}
	if (days < 0) {
		return [
			{
				...base,
				governanceLeads: true,
				kind: 'OVERDUE',
				title: `${lane.useCase.trackingId}: ${label} review overdue`,
				body: `The ${label.toLowerCase()} review of ${lane.useCase.trackingId} “${lane.useCase.name}” was due on ${formatDay(due)} and is still open.`,
				dedupeKey: `lane-review:${lane.id}:overdue:${due}`,
			},
		]
	}
	if (days <= LANE_DUE_SOON_DAYS) {
		return [
			{
				...base,
				governanceLeads: false,
				kind: 'DUE_SOON',
				title: `${lane.useCase.trackingId}: ${label} review due ${whenDue(today, due)}`,
				body: `Your ${label.toLowerCase()} review of ${lane.useCase.trackingId} “${lane.useCase.name}” is due ${whenDueInFull(today, due)}.`,
				dedupeKey: `lane-review:${lane.id}:due-soon:${due}`,
			},
		]
	}
	return []
}

export type OpenCondition = {
	id: string
	text: string
	ownerId: string
	dueOn: Date
	useCase: CaseRef
}

/** An unmet condition of a decision: due soon → its owner; overdue → its owner and the leads. */
export function conditionReminders(condition: OpenCondition, today: Day): Array<Reminder> {
	const due = dayOf(condition.dueOn)
	const days = daysFrom(today, due)
	const { trackingId, name } = condition.useCase
	const base = {
		userIds: [condition.ownerId],
		link: `/use-cases/${condition.useCase.id}`,
		useCaseId: condition.useCase.id,
	}
	if (days < 0) {
		return [
			{
				...base,
				governanceLeads: true,
				kind: 'OVERDUE',
				title: `${trackingId}: condition overdue`,
				body: `A condition of the decision on ${trackingId} “${name}” was due on ${formatDay(due)} and is not yet met: “${condition.text}”`,
				dedupeKey: `condition:${condition.id}:overdue:${due}`,
			},
		]
	}
	if (days <= CONDITION_DUE_SOON_DAYS) {
		return [
			{
				...base,
				governanceLeads: false,
				kind: 'DUE_SOON',
				title: `${trackingId}: condition due ${whenDue(today, due)}`,
				body: `A condition of the decision on ${trackingId} “${name}” that you own is due ${whenDueInFull(today, due)}: “${condition.text}”`,
				dedupeKey: `condition:${condition.id}:due-soon:${due}`,
			},
		]
	}
	return []
}

export type WaiverFacts = {
	id: string
	practice: MinimumPractice
	grantedOn: Date
	expiresOn: Date | null
	recertifiedOn: Date | null
	reportedToOmbOn: Date | null
	revokedOn: Date | null
	revocationReportedOn: Date | null
	useCase: CaseRef & { active: boolean }
}

/**
 * CAIO waivers (M-25-21 §4(a)(ii)–(iii)), all to the governance leads: the yearly
 * re-certification and the expiry when they fall within 30 days (and once more if they pass),
 * and OMB's 30-day reporting clock for a grant or a revocation not yet reported.
 */
export function waiverReminders(waiver: WaiverFacts, today: Day): Array<Reminder> {
	const { trackingId, name } = waiver.useCase
	const practice = minimumPractices[waiver.practice].label.toLowerCase()
	const subject = `The CAIO waiver of ${practice} for ${trackingId} “${name}”`
	const base = {
		userIds: [],
		governanceLeads: true,
		link: `/use-cases/${waiver.useCase.id}`,
		useCaseId: waiver.useCase.id,
	}
	const reminders: Array<Reminder> = []

	if (!waiver.revokedOn) {
		const granted = dayOf(waiver.grantedOn)
		if (!waiver.reportedToOmbOn && daysFrom(granted, today) > OMB_REPORT_REMIND_AFTER_DAYS) {
			const deadline = addDays(granted, OMB_REPORT_DAYS)
			reminders.push({
				...base,
				kind: 'DUE_SOON',
				title: `${trackingId}: report the waiver to OMB by ${formatDay(deadline)}`,
				body: `${subject} was granted on ${formatDay(granted)} and has not been reported to OMB, which must hear of it within 30 days (by ${formatDay(deadline)}).`,
				dedupeKey: `waiver:${waiver.id}:omb-report:${granted}`,
			})
		}
		// Re-certification and expiry matter only while the case is in use; an expired waiver needs no re-certification.
		if (waiver.useCase.active) {
			const expiry = waiver.expiresOn ? dayOf(waiver.expiresOn) : null
			const expiryDays = expiry ? daysFrom(today, expiry) : null
			if (expiry && expiryDays !== null && expiryDays < 0) {
				reminders.push({
					...base,
					kind: 'OVERDUE',
					title: `${trackingId}: waiver expired`,
					body: `${subject} expired on ${formatDay(expiry)}: the practice must now be met, or a new waiver granted.`,
					dedupeKey: `waiver:${waiver.id}:expired:${expiry}`,
				})
				return reminders
			}
			if (expiry && expiryDays !== null && expiryDays <= WAIVER_DUE_SOON_DAYS) {
				reminders.push({
					...base,
					kind: 'DUE_SOON',
					title: `${trackingId}: waiver expires ${whenDue(today, expiry)}`,
					body: `${subject} expires on ${formatDay(expiry)}.`,
					dedupeKey: `waiver:${waiver.id}:expiry:${expiry}`,
				})
			}
			const recertification = addMonths(dayOf(waiver.recertifiedOn ?? waiver.grantedOn), 12)
			const recertDays = daysFrom(today, recertification)
			if (recertDays < 0) {
				reminders.push({
					...base,
					kind: 'OVERDUE',
					title: `${trackingId}: waiver re-certification overdue`,
					body: `${subject} was due for its yearly re-certification on ${formatDay(recertification)} and has not been re-certified.`,
					dedupeKey: `waiver:${waiver.id}:recertification-overdue:${recertification}`,
				})
			} else if (recertDays <= WAIVER_DUE_SOON_DAYS) {
				reminders.push({
					...base,
					kind: 'DUE_SOON',
					title: `${trackingId}: waiver re-certification due ${whenDue(today, recertification)}`,
					body: `${subject} must be re-certified by ${formatDay(recertification)} (once a year).`,
					dedupeKey: `waiver:${waiver.id}:recertification:${recertification}`,
				})
			}
		}
	} else if (!waiver.revocationReportedOn) {
		const revoked = dayOf(waiver.revokedOn)
		if (daysFrom(revoked, today) > OMB_REPORT_REMIND_AFTER_DAYS) {
			const deadline = addDays(revoked, OMB_REPORT_DAYS)
			reminders.push({
				...base,
				kind: 'DUE_SOON',
				title: `${trackingId}: report the waiver's revocation to OMB by ${formatDay(deadline)}`,
				body: `${subject} was revoked on ${formatDay(revoked)} and the revocation has not been reported to OMB, which must hear of it within 30 days (by ${formatDay(deadline)}).`,
				dedupeKey: `waiver:${waiver.id}:omb-revocation-report:${revoked}`,
			})
		}
	}
	return reminders
}
