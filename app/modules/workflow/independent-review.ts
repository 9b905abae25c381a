import { type IndependentReview } from '#app/modules/use-cases/vocabulary.ts'
import { type ReviewLaneName } from '#app/utils/permissions.ts'

type LaneRecord = {
	lane: ReviewLaneName
	status: 'OPEN' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED'
	assigneeId: string | null
}

/**
 * OMB's hi_independent_review, from who actually reviewed the case: the tracker refuses a lane to
 * anyone listed on the case, so an approved lane is an independent review. The CAIO determination
 * lane is the CAIO's office's own review. Undefined when the tracker holds no review yet.
 */
export function independentReviewFromLanes(
	lanes: ReadonlyArray<LaneRecord>,
): IndependentReview | undefined {
	if (lanes.some((l) => l.status === 'APPROVED' && l.lane === 'CAIO_DETERMINATION'))
		return 'YES_CAIO'
	if (lanes.some((l) => l.status === 'APPROVED')) return 'YES_INTERNAL_REVIEWER'
	if (
		lanes.some(
			(l) => l.assigneeId !== null && (l.status === 'OPEN' || l.status === 'CHANGES_REQUESTED'),
		)
	)
		return 'IN_PROGRESS'
	return undefined
}
