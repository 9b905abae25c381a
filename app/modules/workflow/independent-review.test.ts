import { expect, test } from 'vitest'
import { independentReviewFromLanes } from './independent-review.ts'

test('an approved CAIO determination lane is a review by the CAIO', () => {
	expect(
		independentReviewFromLanes([
			{ lane: 'PRIVACY', status: 'APPROVED', assigneeId: 'r1' },
			{ lane: 'CAIO_DETERMINATION', status: 'APPROVED', assigneeId: 'lead' },
		]),
	).toBe('YES_CAIO')
})

test('any other approved lane is a review by an office not involved in development', () => {
	expect(
		independentReviewFromLanes([{ lane: 'SECURITY', status: 'APPROVED', assigneeId: 'r1' }]),
	).toBe('YES_INTERNAL_REVIEWER')
})

test('a lane someone holds but has not approved is a review in progress; no lanes held is no answer', () => {
	expect(independentReviewFromLanes([{ lane: 'PRIVACY', status: 'OPEN', assigneeId: 'r1' }])).toBe(
		'IN_PROGRESS',
	)
	expect(
		independentReviewFromLanes([{ lane: 'PRIVACY', status: 'OPEN', assigneeId: null }]),
	).toBeUndefined()
	expect(
		independentReviewFromLanes([{ lane: 'PRIVACY', status: 'REJECTED', assigneeId: 'r1' }]),
	).toBeUndefined()
	expect(independentReviewFromLanes([])).toBeUndefined()
})
