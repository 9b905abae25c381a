// Listing someone on a case makes them involved for good (they may never review or decide it). So a
// submitter may not list, on their own, a person who reviews the case now, nor the last governance
// lead able to decide it: that would silently take reviewers off a case. And a lane's decision stands
// only while its reviewer stays independent: when the person who decided a lane of the open round is
// listed anyway (by an import, say) the lane opens again for another reviewer, in the same transaction.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { AppError } from '#app/utils/errors.ts'
import { reviewLaneLabels } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { isDecided, type WorkflowStatus } from './state-machine.ts'

export async function reopenLanesOfInvolvedReviewers(
	tx: Tx,
	useCase: { id: string; status: WorkflowStatus; reviewRound: number },
	context: { actorId: string; request: RequestInfo },
) {
	// A decided case's round is closed: its decision is judged by the people who took it then.
	if (useCase.status === 'DRAFT' || isDecided(useCase.status)) return
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
}

/**
 * Refuses a change that would list, for the first time, someone who holds a lane of the case's open
 * round, or the last governance lead not involved in it. The governance lead reassigns the lane (or
 * another lead is named) first; then the listing is an ordinary disclosure of who works on the case.
 */
export async function refuseListingReviewers(
	tx: Tx,
	useCase: { id: string; reviewRound: number },
	newlyListed: ReadonlyArray<{ id: string; name: string; field: 'teamEmails' | 'contactEmail' }>,
) {
	if (newlyListed.length === 0) return
	// Everyone listed now is a participant already (the database's triggers keep the record), so only
	// people new to the case are looked at.
	const ids = newlyListed.map((person) => person.id)
	const involved = await tx.useCaseParticipant.findMany({
		where: { useCaseId: useCase.id, userId: { in: ids } },
		select: { userId: true },
	})
	const first = newlyListed.filter(
		(person) => !involved.some((participant) => participant.userId === person.id),
	)
	if (first.length === 0) return
	const lanes = await tx.laneReview.findMany({
		where: {
			useCaseId: useCase.id,
			round: useCase.reviewRound,
			OR: [
				{ assigneeId: { in: first.map((person) => person.id) } },
				{ decidedById: { in: first.map((person) => person.id) } },
			],
		},
		select: { lane: true, assigneeId: true, decidedById: true },
	})
	for (const person of first) {
		const lane = lanes.find((row) => row.assigneeId === person.id || row.decidedById === person.id)
		if (lane)
			throw new AppError(
				'INVALID',
				`${person.name} reviews this use case’s ${reviewLaneLabels[lane.lane]} lane, and someone listed on a case may never review it. Ask the governance lead to reassign the lane first; then list them.`,
				person.field,
			)
	}
	const leadsListed = await tx.user.findMany({
		where: {
			id: { in: first.map((person) => person.id) },
			roles: { some: { role: 'GOVERNANCE_LEAD' } },
		},
		select: { id: true, name: true },
	})
	if (leadsListed.length === 0) return
	const otherLeads = await tx.user.count({
		where: {
			active: true,
			id: { notIn: leadsListed.map((lead) => lead.id) },
			roles: { some: { role: 'GOVERNANCE_LEAD' } },
			useCaseRoles: { none: { useCaseId: useCase.id } },
		},
	})
	if (otherLeads === 0) {
		const lead = newlyListed.find((person) => person.id === leadsListed[0]!.id)!
		throw new AppError(
			'INVALID',
			`${lead.name} is the last governance lead not involved in this use case; once listed, nobody could decide it. Ask an administrator to name another governance lead first.`,
			lead.field,
		)
	}
}
