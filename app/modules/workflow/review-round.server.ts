import { type Tx } from '#app/utils/db/tx.ts'
import { type ReviewLaneName } from '#app/utils/permissions.ts'

/** Opens the lanes a review round needs; lanes already open in the round are left as they are. */
export async function openReviewLanes(
	tx: Tx,
	input: {
		useCaseId: string
		round: number
		lanes: ReadonlyArray<ReviewLaneName>
		origin?: 'CHECKS' | 'LEAD'
	},
) {
	if (input.lanes.length === 0) return
	await tx.laneReview.createMany({
		data: input.lanes.map((lane) => ({
			useCaseId: input.useCaseId,
			round: input.round,
			lane,
			origin: input.origin ?? 'CHECKS',
		})),
		skipDuplicates: true,
	})
}
