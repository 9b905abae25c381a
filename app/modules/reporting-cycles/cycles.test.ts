import { expect, test } from 'vitest'
import {
	compareSnapshots,
	cycleYearProblem,
	droppedReason,
	missingColumn,
	type SnapshotEntry,
} from './cycles.ts'

const now = new Date('2026-11-23T12:00:00Z')

test('a year is opened once, in order, between 2025 and next year', () => {
	expect(cycleYearProblem(2025, [], now)).toBeNull()
	expect(cycleYearProblem(2027, [2025, 2026], now)).toBeNull()
	expect(cycleYearProblem(2026, [2025, 2026], now)).toBe(
		'The 2026 reporting year is already open; a year is opened once, and its snapshot is kept as it was.',
	)
	expect(cycleYearProblem(2025, [2026], now)).toMatch(
		/^Reporting years are opened in order: 2026 is already open, so 2025 can no longer be opened/,
	)
	expect(cycleYearProblem(2028, [], now)).toBe('Choose a reporting year from 2025 to 2027.')
	expect(cycleYearProblem(2024, [], now)).toBe('Choose a reporting year from 2025 to 2027.')
	expect(cycleYearProblem(2025.5, [], now)).toBe('Choose a reporting year from 2025 to 2027.')
})

const entry = (
	trackingId: string,
	stage: SnapshotEntry['stage'],
	extra: Partial<SnapshotEntry> = {},
): SnapshotEntry => ({
	useCaseId: `id-${trackingId}`,
	trackingId,
	name: `Case ${trackingId}`,
	status: 'APPROVED',
	stage,
	missing: [],
	...extra,
})

test('the difference from last year: added, retired, moved stage, dropped, and the rest unchanged', () => {
	const previous = [
		entry('CMS-2025-0001', 'PILOT'),
		entry('CMS-2025-0002', 'DEPLOYED'),
		entry('CMS-2025-0003', 'RETIRED'),
		entry('CMS-2025-0004', 'PILOT'),
		entry('CMS-2025-0005', 'DEPLOYED'),
	]
	const current = [
		entry('CMS-2026-0001', 'PRE_DEPLOYMENT'),
		entry('CMS-2025-0001', 'DEPLOYED'),
		entry('CMS-2025-0004', 'RETIRED'),
		entry('CMS-2025-0005', 'DEPLOYED'),
	]
	const difference = compareSnapshots(
		{ year: 2025, entries: previous },
		current,
		new Map([['id-CMS-2025-0002', { status: 'WITHDRAWN', stage: 'DEPLOYED' }]]),
	)
	expect(difference.previousYear).toBe(2025)
	expect(difference.added.map((e) => e.trackingId)).toEqual(['CMS-2026-0001'])
	expect(difference.retired.map((c) => [c.entry.trackingId, c.previousStage])).toEqual([
		['CMS-2025-0004', 'PILOT'],
	])
	expect(
		difference.stageChanged.map((c) => [c.entry.trackingId, c.previousStage, c.entry.stage]),
	).toEqual([['CMS-2025-0001', 'PILOT', 'DEPLOYED']])
	expect(difference.dropped.map((e) => [e.trackingId, e.status])).toEqual([
		['CMS-2025-0002', 'WITHDRAWN'],
		['CMS-2025-0003', 'APPROVED'],
	])
	expect(difference.unchangedCount).toBe(1)
})

test('a dropped case says why it left the inventory', () => {
	expect(
		droppedReason({ status: 'WITHDRAWN', stage: 'PILOT' }, { year: 2025, stage: 'PILOT' }),
	).toBe('Withdrawn')
	expect(
		droppedReason({ status: 'APPROVED', stage: 'RETIRED' }, { year: 2025, stage: 'RETIRED' }),
	).toBe('Retired; reported as retired in 2025, which is its one time')
	expect(
		droppedReason({ status: 'APPROVED', stage: 'DEPLOYED' }, { year: 2025, stage: 'DEPLOYED' }),
	).toBe('Now reported in consolidated COTS reporting')
})

test('missing fields read as OMB columns', () => {
	expect(missingColumn('operationalDate')).toBe('operational_date')
	expect(missingColumn('highImpact.determination')).toBe('is_high_impact')
})
