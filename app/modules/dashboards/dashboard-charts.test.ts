import { expect, test } from 'vitest'
import {
	componentBars,
	determinationBars,
	sensitivityBars,
	stageBars,
	throughputSeries,
	timeInStateBars,
} from './dashboard-charts.ts'

const units = [
	{ code: 'HHS', shortName: 'HHS' },
	{ code: 'HHS/CMS', shortName: 'CMS' },
	{ code: 'HHS/CMS/CCIIO', shortName: 'CCIIO' },
	{ code: 'HHS/CMS/CM', shortName: 'CM' },
	{ code: 'HHS/CMS/CMCS', shortName: 'CMCS' },
	{ code: 'HHS/CMS/CM/DPAP', shortName: 'DPAP' },
]

test('components count the units below them; a prefix that is not a parent does not count', () => {
	const bars = componentBars(
		new Map([
			['HHS/CMS/CM', 2],
			['HHS/CMS/CM/DPAP', 3],
			['HHS/CMS/CMCS', 1],
			['HHS/CMS', 4],
		]),
		units,
	)
	expect(bars.map((bar) => [bar.label, bar.count, bar.href])).toEqual([
		['CM', 5, '/inventory?orgUnit=HHS%2FCMS%2FCM'],
		['CMS-wide', 4, '/inventory?orgUnit=HHS%2FCMS'],
		['CMCS', 1, '/inventory?orgUnit=HHS%2FCMS%2FCMCS'],
	])
})

test('stage and determination keep every value, in their own order, each linked to its inventory view', () => {
	expect(stageBars(new Map([['PILOT', 3]])).map((bar) => [bar.label, bar.count])).toEqual([
		['Pre-deployment', 0],
		['Pilot', 3],
		['Deployed', 0],
		['Retired', 0],
	])
	const determination = determinationBars(new Map([['PRESUMED_UNDETERMINED', 2]]))
	expect(determination.map((bar) => bar.key)).toEqual([
		'HIGH_IMPACT',
		'PRESUMED_NOT_HIGH_IMPACT',
		'NOT_HIGH_IMPACT',
		'PRESUMED_UNDETERMINED',
		'UNDETERMINED',
	])
	expect(determination[3]).toEqual({
		key: 'PRESUMED_UNDETERMINED',
		label: 'Presumed high-impact, not yet determined',
		count: 2,
		href: '/inventory?determination=PRESUMED_UNDETERMINED',
	})
})

test('sensitivities strictest first, then the cases with none', () => {
	expect(
		sensitivityBars(
			new Map([
				['PII', 7],
				['PART2', 1],
			]),
			4,
		).map((bar) => [bar.key, bar.count]),
	).toEqual([
		['PART2', 1],
		['FTI', 0],
		['PHI', 0],
		['PII', 7],
		['DEMOGRAPHIC', 0],
		['NONE', 4],
	])
})

test('throughput: twelve calendar months ending this month, gaps as zeros, unknown outcomes ignored', () => {
	const series = throughputSeries(
		[
			{ month: '2026-11', outcome: 'APPROVED', count: 2 },
			{ month: '2026-11', outcome: 'REJECTED', count: 1 },
			{ month: '2026-02', outcome: 'APPROVED_WITH_CONDITIONS', count: 4 },
			{ month: '2025-11', outcome: 'APPROVED', count: 9 },
			{ month: '2026-11', outcome: 'SOMETHING_ELSE', count: 5 },
		],
		new Date('2026-11-23T12:00:00Z'),
	)
	expect(series).toHaveLength(12)
	expect(series[0]).toMatchObject({ month: '2025-12', label: 'Dec 2025', total: 0 })
	expect(series[2]).toMatchObject({ month: '2026-02', APPROVED_WITH_CONDITIONS: 4, total: 4 })
	expect(series[11]).toMatchObject({
		month: '2026-11',
		APPROVED: 2,
		REJECTED: 1,
		APPROVED_WITH_CONDITIONS: 0,
		total: 3,
	})
})

test('time in state follows the workflow order and rounds to a tenth of a day', () => {
	expect(
		timeInStateBars([
			{ status: 'IN_REVIEW', medianDays: 12.345, stays: 8 },
			{ status: 'SUBMITTED', medianDays: 2.04, stays: 10 },
			{ status: 'APPROVED', medianDays: 0, stays: 0 },
		]),
	).toEqual([
		{
			status: 'SUBMITTED',
			label: 'Submitted',
			medianDays: 2,
			stays: 10,
			href: '/inventory?status=SUBMITTED',
		},
		{
			status: 'IN_REVIEW',
			label: 'In review',
			medianDays: 12.3,
			stays: 8,
			href: '/inventory?status=IN_REVIEW',
		},
	])
})
