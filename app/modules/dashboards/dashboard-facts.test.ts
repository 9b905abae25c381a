import { describe, expect, test } from 'vitest'
import { firstLateCases, medianTimeInState, staysOf } from './dashboard-facts.ts'

const DAY = 86_400_000

describe('time in state from the kept stays', () => {
	test('a case stays in each status until its next change; the last status has not ended', () => {
		expect(
			staysOf([
				{ status: 'SUBMITTED', at: 0 },
				{ status: 'IN_REVIEW', at: 2 * DAY },
				{ status: 'APPROVED', at: 7 * DAY },
			]),
		).toEqual([
			{ status: 'SUBMITTED', ms: 2 * DAY },
			{ status: 'IN_REVIEW', ms: 5 * DAY },
		])
		expect(staysOf([{ status: 'SUBMITTED', at: 0 }])).toEqual([])
	})

	test('the median is the middle stay, or halfway between the two middle ones (percentile_cont)', () => {
		const rows = medianTimeInState([
			[
				{ status: 'SUBMITTED', ms: 1 * DAY },
				{ status: 'IN_REVIEW', ms: 10 * DAY },
			],
			[
				{ status: 'SUBMITTED', ms: 4 * DAY },
				{ status: 'IN_REVIEW', ms: 2 * DAY },
			],
			[{ status: 'SUBMITTED', ms: 3 * DAY }],
		])
		expect(rows).toEqual(
			expect.arrayContaining([
				{ status: 'SUBMITTED', medianDays: 3, stays: 3 },
				{ status: 'IN_REVIEW', medianDays: 6, stays: 2 },
			]),
		)
		expect(rows).toHaveLength(2)
	})
})

test('late practices: the first cases by tracking id, and how many in all', () => {
	const late = (trackingId: string) => ({
		useCaseId: trackingId,
		trackingId,
		name: trackingId,
		stage: null,
		failing: ['Impact assessment'],
	})
	const list = firstLateCases(['CMS-2025-0002', 'CMS-2024-0009', 'CMS-2025-0001'].map(late), 2)
	expect(list.items.map((item) => item.trackingId)).toEqual(['CMS-2024-0009', 'CMS-2025-0001'])
	expect(list.total).toBe(3)
})
