// Review lanes: the governance lead assigns them, reviewers claim the ones they hold, and the
// reviewer on a lane approves it, rejects it, or asks the submitters for changes.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { isInvolvedIn, listedIds } from '#app/modules/use-cases/use-case-record.server.ts'
import { refreshStoredEvaluation } from '#app/modules/policies/stored-checks.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type ReviewLaneName, reviewLaneLabels } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { decideLaneAction, isLaneOpen, type LaneDecision, type LaneFacts } from './lane-rules.ts'
import {
	loadReviewCase,
	moveStatus,
	type ReviewCase,
	workflowActor,
	workflowFacts,
} from './review-case.server.ts'
import { decideTransition } from './state-machine.ts'
import { recordStatusChange } from './status-history.server.ts'
import { activeLeadIds } from './submission.server.ts'

const DAY = 24 * 60 * 60 * 1000

type LaneRow = {
	status: 'OPEN' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED'
	lane: ReviewLaneName
	assigneeId: string | null
	revision: number
}

/** What the lane rules need to know about this lane of this case, as this person sees it. */
function laneFacts(
	actorId: string,
	useCase: ReviewCase,
	lane: LaneRow,
	read: { version?: number; revision?: number },
): LaneFacts {
	return {
		caseStatus: useCase.status,
		laneStatus: lane.status,
		lane: lane.lane,
		assigned: lane.assigneeId !== null,
		assignedToActor: lane.assigneeId === actorId,
		// Recorded by the CAIO's office in the tracker; an answer carried in from an OMB file is not one.
		determinationRecorded: useCase.determinedById !== null,
		versionIsCurrent: read.version === undefined || read.version === useCase.version,
		revisionIsCurrent: read.revision === undefined || read.revision === lane.revision,
	}
}

async function personWithRoles(tx: Tx, userId: string) {
	return tx.user.findUnique({
		where: { id: userId },
		select: { id: true, name: true, active: true, roles: { select: { role: true, lanes: true } } },
	})
}

/** Starts the review when the first lane is taken: submitted → in review. */
async function startReviewIfSubmitted(
	tx: Tx,
	actor: Pick<SessionUser, 'id' | 'roles'>,
	useCase: ReviewCase,
) {
	if (useCase.status !== 'SUBMITTED') return
	const verdict = decideTransition(
		'start_review',
		workflowActor(actor, useCase),
		workflowFacts(useCase, []),
	)
	if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
	await moveStatus(tx, useCase, verdict.to)
	await recordStatusChange(tx, {
		useCaseId: useCase.id,
		from: useCase.status,
		to: verdict.to,
		actorId: actor.id,
	})
}

/** Assigns inside the caller's transaction (the inventory assigns many cases at once). */
export async function assignLaneIn(
	tx: Tx,
	actor: SessionUser,
	input: {
		useCaseId: string
		lane: ReviewLaneName
		assigneeId: string
		dueOn: Date
		revision?: number
	},
	request: RequestInfo,
) {
	const useCase = await loadReviewCase(tx, input.useCaseId)
	const round = Math.max(useCase.reviewRound, 1)
	// The lead may add a lane the checks did not ask for (legal, say); two leads adding it at once
	// create it once, then race on its revision below.
	await tx.laneReview.createMany({
		data: [{ useCaseId: useCase.id, round, lane: input.lane, origin: 'LEAD' }],
		skipDuplicates: true,
	})
	const existing = await tx.laneReview.findUniqueOrThrow({
		where: { useCaseId_round_lane: { useCaseId: useCase.id, round, lane: input.lane } },
	})
	const assignee = await personWithRoles(tx, input.assigneeId)
	if (!assignee) throw new AppError('INVALID', 'Choose a reviewer from the list.')
	const verdict = decideLaneAction(
		'assign',
		{ roles: actor.roles, involved: isInvolvedIn(actor, useCase) },
		laneFacts(actor.id, useCase, existing, { revision: input.revision }),
		{ roles: assignee.roles, active: assignee.active, involved: isInvolvedIn(assignee, useCase) },
	)
	if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
	const written = await tx.laneReview.updateMany({
		where: { id: existing.id, revision: existing.revision },
		data: {
			assigneeId: assignee.id,
			assignedById: actor.id,
			assignedAt: new Date(),
			dueOn: input.dueOn,
			revision: { increment: 1 },
		},
	})
	if (written.count === 0)
		throw new AppError(
			'CONFLICT',
			'Someone else changed this lane at the same moment; reload and assign again.',
		)
	await startReviewIfSubmitted(tx, actor, useCase)
	await refreshStoredEvaluation(tx, useCase.id)
	await recordEvent(tx, {
		actorId: actor.id,
		action: 'review.lane_assigned',
		entityType: 'UseCase',
		entityId: useCase.id,
		before: existing.assigneeId ? { lane: input.lane, assigneeId: existing.assigneeId } : null,
		after: {
			lane: input.lane,
			round,
			laneReviewId: existing.id,
			assigneeId: assignee.id,
			assignee: assignee.name,
			dueOn: input.dueOn.toISOString().slice(0, 10),
		},
		request,
	})
	await notify(
		tx,
		[assignee.id],
		{
			kind: 'ASSIGNED',
			title: `${useCase.trackingId}: you review ${reviewLaneLabels[input.lane]}`,
			body: `${actor.name} assigned you the ${reviewLaneLabels[input.lane]} lane of ${useCase.trackingId} “${useCase.name}”, due ${input.dueOn.toISOString().slice(0, 10)}.`,
			link: `/use-cases/${useCase.id}/lanes/${existing.id}`,
			useCaseId: useCase.id,
		},
		{ actorId: actor.id },
	)
	return { laneReviewId: existing.id }
}

export async function assignLane(
	actor: SessionUser,
	input: {
		useCaseId: string
		lane: ReviewLaneName
		assigneeId: string
		dueOn: Date
		revision?: number
	},
	request: RequestInfo,
) {
	return prisma.$transaction((tx) => assignLaneIn(tx, actor, input, request))
}

async function loadLane(tx: Tx, laneReviewId: string) {
	const lane = await tx.laneReview.findUnique({ where: { id: laneReviewId } })
	if (!lane) throw new AppError('NOT_FOUND', 'No review lane has this id.')
	const useCase = await loadReviewCase(tx, lane.useCaseId)
	if (lane.round !== useCase.reviewRound)
		throw new AppError('CONFLICT', 'This lane belongs to an earlier review round; it is closed.')
	return { lane, useCase }
}

/** Takes an open lane for its reviewer; answers with the lane in words ("the Privacy lane of CMS-2026-0001"). */
export async function claimLane(
	actor: SessionUser,
	input: { laneReviewId: string; revision: number },
	request: RequestInfo,
): Promise<string> {
	return prisma.$transaction(async (tx) => {
		const { lane, useCase } = await loadLane(tx, input.laneReviewId)
		const verdict = decideLaneAction(
			'claim',
			{ roles: actor.roles, involved: isInvolvedIn(actor, useCase) },
			laneFacts(actor.id, useCase, lane, { revision: input.revision }),
		)
		if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
		const dueOn = new Date(Date.now() + 14 * DAY)
		const written = await tx.laneReview.updateMany({
			where: { id: lane.id, revision: lane.revision, assigneeId: null },
			data: {
				assigneeId: actor.id,
				assignedById: actor.id,
				assignedAt: new Date(),
				dueOn: lane.dueOn ?? dueOn,
				revision: { increment: 1 },
			},
		})
		if (written.count === 0)
			throw new AppError('CONFLICT', 'Another reviewer claimed this lane first.')
		await startReviewIfSubmitted(tx, actor, useCase)
		await refreshStoredEvaluation(tx, useCase.id)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'review.lane_claimed',
			entityType: 'UseCase',
			entityId: useCase.id,
			after: {
				lane: lane.lane,
				round: lane.round,
				laneReviewId: lane.id,
				assigneeId: actor.id,
				assignee: actor.name,
			},
			request,
		})
		await notify(
			tx,
			await activeLeadIds(tx),
			{
				kind: 'ASSIGNED',
				title: `${useCase.trackingId}: ${actor.name} took the ${reviewLaneLabels[lane.lane]} lane`,
				body: `${actor.name} claimed the ${reviewLaneLabels[lane.lane]} lane of ${useCase.trackingId} “${useCase.name}”.`,
				link: `/use-cases/${useCase.id}`,
				useCaseId: useCase.id,
			},
			{ actorId: actor.id },
		)
		return `the ${reviewLaneLabels[lane.lane]} lane of ${useCase.trackingId}`
	})
}

const decisionWords: Record<LaneDecision, string> = {
	approve: 'approved',
	reject: 'rejected',
	request_changes: 'asked for changes on',
}

const laneStatusFor = {
	approve: 'APPROVED',
	reject: 'REJECTED',
	request_changes: 'CHANGES_REQUESTED',
} as const

/**
 * The reviewer on a lane decides it, on the version they read. Of two decisions at the same
 * moment, exactly one is kept: the lane is updated only if its revision is the one both read.
 */
export async function decideLane(
	actor: SessionUser,
	input: {
		laneReviewId: string
		decision: LaneDecision
		note: string
		version: number
		revision: number
	},
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const { lane, useCase } = await loadLane(tx, input.laneReviewId)
		const verdict = decideLaneAction(
			input.decision,
			{ roles: actor.roles, involved: isInvolvedIn(actor, useCase) },
			laneFacts(actor.id, useCase, lane, { version: input.version, revision: input.revision }),
		)
		if (!verdict.allowed) {
			if (verdict.code === 'CONFLICT' && lane.status !== 'OPEN' && lane.decidedById) {
				const by = await tx.user.findUnique({
					where: { id: lane.decidedById },
					select: { name: true },
				})
				throw new AppError(
					'CONFLICT',
					`${by?.name ?? 'Another reviewer'} already decided this lane; your decision was not recorded. Reload to see theirs.`,
				)
			}
			throw new AppError(verdict.code, verdict.reason)
		}
		const written = await tx.laneReview.updateMany({
			where: { id: lane.id, revision: lane.revision, status: 'OPEN' },
			data: {
				status: laneStatusFor[input.decision],
				decidedById: actor.id,
				decidedAt: new Date(),
				note: input.note,
				decidedOnVersion: input.version,
				revision: { increment: 1 },
			},
		})
		if (written.count === 0) {
			throw new AppError(
				'CONFLICT',
				'Another decision on this lane was recorded at the same moment; yours was not. Reload to see it.',
			)
		}
		if (input.decision === 'request_changes') {
			const lanes = await tx.laneReview.findMany({
				where: { useCaseId: useCase.id, round: useCase.reviewRound },
				select: { status: true },
			})
			const transition = decideTransition(
				'request_changes',
				workflowActor(actor, useCase, true),
				workflowFacts(useCase, lanes),
			)
			if (!transition.allowed) throw new AppError(transition.code, transition.reason)
			await moveStatus(tx, useCase, transition.to)
			await recordStatusChange(tx, {
				useCaseId: useCase.id,
				from: useCase.status,
				to: transition.to,
				actorId: actor.id,
			})
			await tx.comment.create({
				data: { useCaseId: useCase.id, authorId: actor.id, lane: lane.lane, body: input.note },
			})
		}
		await refreshStoredEvaluation(tx, useCase.id)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'review.lane_decided',
			entityType: 'UseCase',
			entityId: useCase.id,
			before: { lane: lane.lane, status: lane.status },
			after: {
				lane: lane.lane,
				round: lane.round,
				laneReviewId: lane.id,
				status: laneStatusFor[input.decision],
				note: input.note,
				decidedOnVersion: input.version,
			},
			request,
		})
		const laneName = reviewLaneLabels[lane.lane]
		const remaining = await tx.laneReview.count({
			where: {
				useCaseId: useCase.id,
				round: useCase.reviewRound,
				status: { in: ['OPEN', 'CHANGES_REQUESTED'] },
			},
		})
		if (input.decision === 'request_changes') {
			await notify(
				tx,
				listedIds(useCase),
				{
					kind: 'CHANGES_REQUESTED',
					title: `${useCase.trackingId}: changes requested (${laneName})`,
					body: `${actor.name} asked for changes on ${useCase.trackingId} “${useCase.name}”: ${input.note}`,
					link: `/use-cases/${useCase.id}`,
					useCaseId: useCase.id,
				},
				{ actorId: actor.id },
			)
		} else {
			await notify(
				tx,
				[...listedIds(useCase), ...(await activeLeadIds(tx))],
				{
					kind: 'LANE_DECIDED',
					title: `${useCase.trackingId}: ${laneName} lane ${laneStatusFor[input.decision].toLowerCase()}`,
					body: `${actor.name} ${decisionWords[input.decision]} the ${laneName} lane of ${useCase.trackingId}: ${input.note}${remaining === 0 ? ' Every lane of this round is now decided: the case awaits the final decision.' : ''}`,
					link: `/use-cases/${useCase.id}`,
					useCaseId: useCase.id,
				},
				{ actorId: actor.id },
			)
		}
		return { remainingLanes: remaining }
	})
}

/** The current round's lanes, for the pages that act on them. */
export async function lanesOfRound(useCaseId: string, round: number) {
	const lanes = await prisma.laneReview.findMany({
		where: { useCaseId, round },
		orderBy: { lane: 'asc' },
		select: {
			id: true,
			lane: true,
			origin: true,
			status: true,
			revision: true,
			dueOn: true,
			assignedAt: true,
			decidedAt: true,
			note: true,
			decidedOnVersion: true,
			assignee: { select: { id: true, name: true } },
			decidedBy: { select: { name: true } },
		},
	})
	return lanes.map((lane) => ({
		...lane,
		open: isLaneOpen(lane.status),
		overdue: isLaneOpen(lane.status) && lane.dueOn !== null && lane.dueOn < new Date(),
	}))
}

/** Everyone who can hold some lane, with the lanes they hold: reviewers and governance leads. */
export async function reviewerChoices() {
	return prisma.user.findMany({
		where: { active: true, roles: { some: { role: { in: ['REVIEWER', 'GOVERNANCE_LEAD'] } } } },
		orderBy: { name: 'asc' },
		select: { id: true, name: true, email: true, roles: { select: { role: true, lanes: true } } },
	})
}

/** People who may be given a lane of this case: independent of it, active, holding the lane. */
export async function eligibleReviewers(
	useCase: Pick<ReviewCase, 'createdById' | 'ownerId' | 'contacts' | 'participants'>,
) {
	return (await reviewerChoices()).filter((person) => !isInvolvedIn(person, useCase))
}
