// A lane's decision stands only while its reviewer stays independent of the case. When the person
// who decided a lane of the open round is then listed on the case (as a developer, its contact, its
// owner) the lane opens again for another reviewer, in the transaction that listed them: otherwise
// their approval would still count towards the final decision they may no longer take part in.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { isDecided, type WorkflowStatus } from './state-machine.ts'

export async function reopenLanesOfInvolvedReviewers(
	tx: Tx,
	useCase: { id: string; status: WorkflowStatus; reviewRound: number },
	context: { actorId: string; request: RequestInfo },
) {
	// A decided case's round is closed: its decision is judged by the people who took it then.
	if (useCase.status === 'DRAFT' || isDecided(useCase.status)) return []
	const lanes = await tx.laneReview.findMany({
		where: {
			useCaseId: useCase.id,
			round: useCase.reviewRound,
			status: { not: 'OPEN' },
			// UseCaseParticipant: everyone listed on any version, kept by the database's triggers.
			decidedBy: { useCaseRoles: { some: { useCaseId: useCase.id } } },
		},
		select: { id: true, lane: true, status: true, revision: true, decidedById: true },
	})
	for (const lane of lanes) {
		await tx.laneReview.updateMany({
			where: { id: lane.id, revision: lane.revision },
			data: {
				status: 'OPEN',
				assigneeId: null,
				assignedById: null,
				assignedAt: null,
				decidedById: null,
				decidedAt: null,
				note: null,
				decidedOnVersion: null,
				revision: { increment: 1 },
			},
		})
		await recordEvent(tx, {
			actorId: context.actorId,
			action: 'review.lane_reopened',
			entityType: 'UseCase',
			entityId: useCase.id,
			before: { lane: lane.lane, status: lane.status, decidedById: lane.decidedById },
			after: {
				lane: lane.lane,
				round: useCase.reviewRound,
				laneReviewId: lane.id,
				status: 'OPEN',
				reason: 'REVIEWER_NOW_LISTED',
			},
			request: context.request,
		})
	}
	return lanes.map((lane) => lane.lane)
}
