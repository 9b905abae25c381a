import { expect, test } from 'vitest'
import { addMonths } from '#app/modules/policies/checks/case-facts.ts'
import {
	agencyToday,
	conditionReminders,
	dayOf,
	laneReminders,
	type WaiverFacts,
	waiverReminders,
} from './reminder-rules.ts'

const useCase = { id: 'uc1', trackingId: 'CMS-2026-0007', name: 'Claims anomaly triage' }
const day = (value: string) => new Date(`${value}T00:00:00Z`)
const today = '2026-11-23'

test('"today" is the date in Washington, and a stored due date stands for its UTC day', () => {
	expect(agencyToday(new Date('2026-11-24T03:00:00Z'))).toBe('2026-11-23')
	expect(agencyToday(new Date('2026-11-24T06:00:00Z'))).toBe('2026-11-24')
	expect(dayOf(day('2026-11-25'))).toBe('2026-11-25')
	expect(addMonths('2025-11-23', 12)).toBe('2026-11-23')
	expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
	expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
})

test('an open review lane: nothing until 2 days before it is due, then DUE_SOON to its reviewer, then OVERDUE to the reviewer and the leads', () => {
	const lane = { id: 'l1', lane: 'PRIVACY' as const, assigneeId: 'reviewer', useCase }
	expect(laneReminders({ ...lane, dueOn: day('2026-11-26') }, today)).toEqual([])

	const soon = laneReminders({ ...lane, dueOn: day('2026-11-25') }, today)
	expect(soon).toEqual([
		{
			userIds: ['reviewer'],
			governanceLeads: false,
			kind: 'DUE_SOON',
			title: 'CMS-2026-0007: Privacy review due on November 25, 2026',
			body: 'Your privacy review of CMS-2026-0007 “Claims anomaly triage” is due on November 25, 2026.',
			link: '/use-cases/uc1',
			useCaseId: 'uc1',
			dedupeKey: 'lane-review:l1:due-soon:2026-11-25',
		},
	])
	expect(laneReminders({ ...lane, dueOn: day('2026-11-24') }, today)[0]?.title).toBe(
		'CMS-2026-0007: Privacy review due tomorrow',
	)
	expect(laneReminders({ ...lane, dueOn: day('2026-11-23') }, today)[0]).toMatchObject({
		title: 'CMS-2026-0007: Privacy review due today',
		body: 'Your privacy review of CMS-2026-0007 “Claims anomaly triage” is due today (November 23, 2026).',
	})

	const overdue = laneReminders({ ...lane, dueOn: day('2026-11-22') }, today)
	expect(overdue).toHaveLength(1)
	expect(overdue[0]).toMatchObject({
		userIds: ['reviewer'],
		governanceLeads: true,
		kind: 'OVERDUE',
		title: 'CMS-2026-0007: Privacy review overdue',
		dedupeKey: 'lane-review:l1:overdue:2026-11-22',
	})
	expect(overdue[0]?.body).toBe(
		'The privacy review of CMS-2026-0007 “Claims anomaly triage” was due on November 22, 2026 and is still open.',
	)
})

test('a new due date is a new reminder; the same due date keeps the same key', () => {
	const lane = { id: 'l1', lane: 'SECURITY' as const, assigneeId: 'reviewer', useCase }
	const first = laneReminders({ ...lane, dueOn: day('2026-11-24') }, today)[0]?.dedupeKey
	expect(laneReminders({ ...lane, dueOn: day('2026-11-24') }, '2026-11-22')[0]?.dedupeKey).toBe(
		first,
	)
	expect(laneReminders({ ...lane, dueOn: day('2026-11-25') }, today)[0]?.dedupeKey).not.toBe(first)
})

test('an unmet condition: DUE_SOON to its owner within 7 days; OVERDUE to the owner and the leads after', () => {
	const condition = { id: 'c1', text: 'Publish the model card.', ownerId: 'owner', useCase }
	expect(conditionReminders({ ...condition, dueOn: day('2026-12-01') }, today)).toEqual([])
	expect(conditionReminders({ ...condition, dueOn: day('2026-11-30') }, today)).toEqual([
		{
			userIds: ['owner'],
			governanceLeads: false,
			kind: 'DUE_SOON',
			title: 'CMS-2026-0007: condition due on November 30, 2026',
			body: 'A condition of the decision on CMS-2026-0007 “Claims anomaly triage” that you own is due on November 30, 2026: “Publish the model card.”',
			link: '/use-cases/uc1',
			useCaseId: 'uc1',
			dedupeKey: 'condition:c1:due-soon:2026-11-30',
		},
	])
	expect(conditionReminders({ ...condition, dueOn: day('2026-11-20') }, today)).toEqual([
		expect.objectContaining({
			userIds: ['owner'],
			governanceLeads: true,
			kind: 'OVERDUE',
			dedupeKey: 'condition:c1:overdue:2026-11-20',
		}),
	])
})

const waiver: WaiverFacts = {
	id: 'w1',
	practice: 'TESTING',
	grantedOn: day('2026-06-01'),
	expiresOn: null,
	recertifiedOn: null,
	reportedToOmbOn: day('2026-06-10'),
	revokedOn: null,
	revocationReportedOn: null,
	useCase: { ...useCase, active: true },
}

test('a waiver reported to OMB and far from its anniversary needs nothing', () => {
	expect(waiverReminders(waiver, today)).toEqual([])
})

test('OMB must hear of a waiver within 30 days: from day 26 the leads are reminded until it is reported', () => {
	const unreported = { ...waiver, grantedOn: day('2026-10-29'), reportedToOmbOn: null }
	expect(waiverReminders(unreported, today)).toEqual([])
	const day26 = waiverReminders(unreported, '2026-11-24')
	expect(day26).toEqual([
		{
			userIds: [],
			governanceLeads: true,
			kind: 'DUE_SOON',
			title: 'CMS-2026-0007: report the waiver to OMB by November 28, 2026',
			body: 'The CAIO waiver of pre-deployment testing for CMS-2026-0007 “Claims anomaly triage” was granted on October 29, 2026 and has not been reported to OMB, which must hear of it within 30 days (by November 28, 2026).',
			link: '/use-cases/uc1',
			useCaseId: 'uc1',
			dedupeKey: 'waiver:w1:omb-report:2026-10-29',
		},
	])
	// One key per grant: later passes write nothing new.
	expect(waiverReminders(unreported, '2026-12-15').map((r) => r.dedupeKey)).toEqual([
		'waiver:w1:omb-report:2026-10-29',
	])
	expect(
		waiverReminders({ ...unreported, reportedToOmbOn: day('2026-11-20') }, '2026-11-24'),
	).toEqual([])
})

test('the yearly re-certification, 12 months after the grant or the last re-certification, is announced within 30 days', () => {
	const granted = { ...waiver, grantedOn: day('2025-12-20'), reportedToOmbOn: day('2025-12-22') }
	expect(waiverReminders(granted, '2026-11-19')).toEqual([])
	expect(waiverReminders(granted, '2026-11-20')).toEqual([
		expect.objectContaining({
			kind: 'DUE_SOON',
			governanceLeads: true,
			title: 'CMS-2026-0007: waiver re-certification due on December 20, 2026',
			dedupeKey: 'waiver:w1:recertification:2026-12-20',
		}),
	])
	const recertified = { ...granted, recertifiedOn: day('2026-11-25') }
	expect(waiverReminders(recertified, '2026-11-26')).toEqual([])
	expect(waiverReminders(recertified, '2027-10-26')[0]?.dedupeKey).toBe(
		'waiver:w1:recertification:2027-11-25',
	)
	// Passed without re-certification: the leads hear once more.
	expect(waiverReminders(granted, '2026-12-21')).toEqual([
		expect.objectContaining({
			kind: 'OVERDUE',
			dedupeKey: 'waiver:w1:recertification-overdue:2026-12-20',
		}),
	])
})

test('an expiry within 30 days is announced; once expired, only the expiry is', () => {
	const expiring = { ...waiver, expiresOn: day('2026-12-10') }
	expect(waiverReminders(expiring, today)).toEqual([
		expect.objectContaining({
			kind: 'DUE_SOON',
			title: 'CMS-2026-0007: waiver expires on December 10, 2026',
			dedupeKey: 'waiver:w1:expiry:2026-12-10',
		}),
	])
	const longExpired = {
		...expiring,
		grantedOn: day('2025-06-01'),
		reportedToOmbOn: day('2025-06-02'),
	}
	expect(waiverReminders(longExpired, '2026-12-11')).toEqual([
		expect.objectContaining({ kind: 'OVERDUE', dedupeKey: 'waiver:w1:expired:2026-12-10' }),
	])
})

test('a revoked waiver needs no re-certification, but its revocation must reach OMB within 30 days too', () => {
	const revoked = { ...waiver, grantedOn: day('2025-11-01'), revokedOn: day('2026-10-20') }
	expect(waiverReminders(revoked, '2026-11-14')).toEqual([])
	expect(waiverReminders(revoked, '2026-11-15')).toEqual([
		expect.objectContaining({
			kind: 'DUE_SOON',
			governanceLeads: true,
			dedupeKey: 'waiver:w1:omb-revocation-report:2026-10-20',
		}),
	])
	expect(
		waiverReminders({ ...revoked, revocationReportedOn: day('2026-11-01') }, '2026-11-15'),
	).toEqual([])
})

test('a retired case needs no re-certification or expiry reminders, but an unreported grant is still reported', () => {
	const retired = {
		...waiver,
		grantedOn: day('2025-11-01'),
		reportedToOmbOn: null,
		expiresOn: day('2026-11-30'),
		useCase: { ...useCase, active: false },
	}
	expect(waiverReminders(retired, today).map((r) => r.dedupeKey)).toEqual([
		'waiver:w1:omb-report:2025-11-01',
	])
})
