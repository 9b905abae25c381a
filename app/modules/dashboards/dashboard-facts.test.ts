import { describe, expect, test } from 'vitest'
import { useCaseStatuses } from '#app/modules/use-cases/vocabulary.ts'
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
			useCaseStatuses.indexOf('SUBMITTED'),
			2 * DAY,
			useCaseStatuses.indexOf('IN_REVIEW'),
			5 * DAY,
		])
		expect(staysOf([{ status: 'SUBMITTED', at: 0 }])).toEqual([])
	})

	test('the median is the middle stay, or halfway between the two middle ones (percentile_cont)', () => {
		const [submitted, inReview] = [
			useCaseStatuses.indexOf('SUBMITTED'),
			useCaseStatuses.indexOf('IN_REVIEW'),
		]
		const rows = medianTimeInState([
			[submitted, 1 * DAY, inReview, 10 * DAY],
			[submitted, 4 * DAY, inReview, 2 * DAY],
			[submitted, 3 * DAY],
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
