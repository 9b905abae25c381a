// Loading a case for a review action, inside the action's transaction, and the facts the state
// machine and lane rules need about it.
import { type Tx } from '#app/utils/db/tx.ts'
import { isInvolvedIn, isListedOn } from '#app/modules/use-cases/use-case-record.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { isLaneOpen } from './lane-rules.ts'
import { factsFor, type WorkflowActor, type WorkflowFacts } from './state-machine.ts'

const reviewCaseSelect = {
	id: true,
	trackingId: true,
	name: true,
	status: true,
	version: true,
	reviewRound: true,
	createdById: true,
	ownerId: true,
	highImpactDetermination: true,
	determinedById: true,
	contacts: { select: { userId: true } },
	participants: { select: { userId: true } },
} as const

export type ReviewCase = {
	id: string
	trackingId: string
	name: string
	status: WorkflowFacts['status']
	version: number
	reviewRound: number
	createdById: string
	ownerId: string
	highImpactDetermination: string | null
	determinedById: string | null
	contacts: Array<{ userId: string }>
	/** Everyone ever listed on the case or who created or edited it (see UseCaseParticipant). */
	participants: Array<{ userId: string }>
}

/** A submitted case for a review action; drafts are "not found" to everyone but their own people. */
export async function loadReviewCase(tx: Tx, useCaseId: string): Promise<ReviewCase> {
	const useCase = await tx.useCase.findUnique({
		where: { id: useCaseId },
		select: reviewCaseSelect,
	})
	if (!useCase || useCase.status === 'DRAFT')
		throw new AppError('NOT_FOUND', 'No submitted use case has this id.')
	return useCase
}

/** The same, for a page that shows the case before acting on it. */
export async function getReviewCase(useCaseId: string) {
	return loadReviewCase(prisma, useCaseId)
}

export function workflowActor(
	user: Pick<SessionUser, 'id' | 'roles'>,
	useCase: ReviewCase,
	holdsOpenLane = false,
): WorkflowActor {
	return {
		roles: user.roles.map((r) => r.role),
		listed: isListedOn(user, useCase),
		involved: isInvolvedIn(user, useCase),
		holdsOpenLane,
	}
}

type LaneRow = { status: 'OPEN' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' }

/** Facts for the state machine; guards that do not concern the action hold by default. */
export function workflowFacts(
	useCase: ReviewCase,
	lanes: ReadonlyArray<LaneRow>,
	facts: Partial<WorkflowFacts> = {},
): WorkflowFacts {
	return factsFor(useCase.status, {
		openLanes: lanes.filter((lane) => isLaneOpen(lane.status)).length,
		rejectedLanes: lanes.filter((lane) => lane.status === 'REJECTED').length,
		...facts,
	})
}

/**
 * Changes a case's status only if it is still the one read (and, when the person acted on a version
 * they read, still that version), so a concurrent change is a conflict.
 */
export async function moveStatus(
	tx: Tx,
	useCase: Pick<ReviewCase, 'id' | 'status'>,
	to: WorkflowFacts['status'],
	data: Record<string, unknown> = {},
	expectedVersion?: number,
) {
	const written = await tx.useCase.updateMany({
		where: {
			id: useCase.id,
			status: useCase.status,
			...(expectedVersion === undefined ? {} : { version: expectedVersion }),
		},
		data: { status: to, ...data },
	})
	if (written.count === 0)
		throw new AppError(
			'CONFLICT',
			'The use case changed while you were acting on it; reload and try again.',
		)
}
