// The governance lead's final decision, conditions and their follow-up, sending a case back for
// changes, periodic re-review, and retirement.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { evaluateWithCurrentPack, storeCheckRun } from '#app/modules/policies/packs.server.ts'
import {
	freezeVersion,
	INVOLVED_MESSAGE,
	isInvolvedIn,
	listedIds,
	toDocument,
	useCaseSelect,
} from '#app/modules/use-cases/use-case-record.server.ts'
import { refreshStoredEvaluation } from '#app/modules/policies/stored-checks.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { openReviewLanes } from './review-round.server.ts'
import { loadReviewCase, moveStatus, workflowActor, workflowFacts } from './review-case.server.ts'
import { decideTransition } from './state-machine.ts'
import { recordStatusMove } from './status-history.server.ts'
import { activeLeadIds } from './submission.server.ts'

export const decisionOutcomes = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'] as const
export type DecisionOutcome = (typeof decisionOutcomes)[number]

const transitionFor = {
	APPROVED: 'approve',
	APPROVED_WITH_CONDITIONS: 'approve_with_conditions',
	REJECTED: 'reject',
} as const
const outcomeWords: Record<DecisionOutcome, string> = {
	APPROVED: 'approved',
	APPROVED_WITH_CONDITIONS: 'approved with conditions',
	REJECTED: 'rejected',
}

export type ConditionInput = { text: string; ownerEmail: string; dueOn: Date }

function addMonths(date: Date, months: number) {
	const next = new Date(date)
	next.setUTCMonth(next.getUTCMonth() + months)
	return next
}

/**
 * The governance lead decides the review round on the version they read. Refused while a required
 * lane is open or a blocking check fails without a waiver (for approvals), and for anyone listed
 * on the case. Freezes the decided version and records its number on the decision.
 */
export async function decideCase(
	actor: SessionUser,
	input: {
		useCaseId: string
		outcome: DecisionOutcome
		note: string
		version: number
		conditions: Array<ConditionInput>
		nextReviewMonths: number
	},
	request: RequestInfo,
): Promise<
	{ status: 'decided' } | { status: 'invalid'; fieldErrors: Record<string, Array<string>> }
> {
	return prisma.$transaction(async (tx) => {
		const useCase = await loadReviewCase(tx, input.useCaseId)
		const involved = new Set(useCase.participants.map((participant) => participant.userId))
		// A lane decided by someone since listed on the case is no decision (saving the listing re-opens it).
		const lanes = (
			await tx.laneReview.findMany({
				where: { useCaseId: useCase.id, round: useCase.reviewRound },
				select: { status: true, assigneeId: true, decidedById: true },
			})
		).map((lane) =>
			lane.decidedById && involved.has(lane.decidedById)
				? { ...lane, status: 'OPEN' as const }
				: lane,
		)
		const loaded = await tx.useCase.findUniqueOrThrow({
			where: { id: useCase.id },
			select: useCaseSelect,
		})
		const document = toDocument(loaded)
		// Judged as of today: a waiver that lapsed since the last save blocks again.
		const evaluation = await evaluateWithCurrentPack(document, tx)

		const emails = [
			...new Set(input.conditions.map((condition) => condition.ownerEmail.trim().toLowerCase())),
		]
		const owners = await tx.user.findMany({
			where: { email: { in: emails }, active: true },
			select: { id: true, email: true },
		})
		const fieldErrors: Record<string, Array<string>> = {}
		input.conditions.forEach((condition, index) => {
			if (!owners.some((owner) => owner.email === condition.ownerEmail.trim().toLowerCase())) {
				fieldErrors[`conditions[${index}].ownerEmail`] = [
					`No active user has the e-mail ${condition.ownerEmail}.`,
				]
			}
		})
		if (Object.keys(fieldErrors).length) return { status: 'invalid', fieldErrors }

		const verdict = decideTransition(
			transitionFor[input.outcome],
			workflowActor(actor, useCase),
			workflowFacts(useCase, lanes, {
				blocked: evaluation.blocked,
				conditions: input.conditions.length,
				versionIsCurrent: input.version === useCase.version,
			}),
		)
		if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)

		const now = new Date()
		const nextVersion = useCase.version + 1
		const approved = input.outcome !== 'REJECTED'
		// The conditional write comes first: it locks the case's row, so a concurrent decision or save
		// waits here and then finds the version moved on, before either freezes a snapshot.
		const written = await tx.useCase.updateMany({
			where: { id: useCase.id, version: useCase.version, status: useCase.status },
			data: {
				status: verdict.to,
				version: nextVersion,
				decidedAt: now,
				nextReviewDue: approved ? addMonths(now, input.nextReviewMonths) : null,
			},
		})
		if (written.count === 0)
			throw new AppError(
				'CONFLICT',
				'The use case changed while you were deciding; reload, read the current version, then decide.',
			)
		const snapshot = await freezeVersion(
			tx,
			actor.id,
			useCase.id,
			document,
			`DECIDED_${input.outcome}`,
		)
		const decision = await tx.decision.create({
			data: {
				useCaseId: useCase.id,
				round: useCase.reviewRound,
				outcome: input.outcome,
				note: input.note,
				decidedById: actor.id,
				decidedAt: now,
				useCaseVersion: useCase.version,
				snapshotNumber: snapshot.number,
				conditions: {
					create: input.conditions.map((condition) => ({
						useCaseId: useCase.id,
						text: condition.text,
						ownerId: owners.find(
							(owner) => owner.email === condition.ownerEmail.trim().toLowerCase(),
						)!.id,
						dueOn: condition.dueOn,
					})),
				},
			},
			select: { id: true, conditions: { select: { ownerId: true, text: true, dueOn: true } } },
		})
		await storeCheckRun(tx, useCase.id, nextVersion, evaluation)
		await recordStatusMove(tx, {
			useCaseId: useCase.id,
			from: useCase.status,
			to: verdict.to,
			actorId: actor.id,
			at: now,
			action: 'use_case.decided',
			after: {
				decisionId: decision.id,
				round: useCase.reviewRound,
				note: input.note,
				decidedOnVersion: useCase.version,
				snapshotNumber: snapshot.number,
				conditions: decision.conditions.map((c) => ({
					text: c.text,
					ownerId: c.ownerId,
					dueOn: c.dueOn.toISOString().slice(0, 10),
				})),
				nextReviewDue: approved
					? addMonths(now, input.nextReviewMonths).toISOString().slice(0, 10)
					: null,
			},
			request,
		})
		const reviewers = lanes.flatMap((lane) => (lane.assigneeId ? [lane.assigneeId] : []))
		const conditionsNote = input.conditions.length
			? ` Conditions: ${input.conditions.map((c) => `${c.text} (due ${c.dueOn.toISOString().slice(0, 10)})`).join('; ')}.`
			: ''
		await notify(
			tx,
			[...listedIds(useCase), ...reviewers],
			{
				kind: 'DECIDED',
				title: `${useCase.trackingId} ${outcomeWords[input.outcome]}: ${useCase.name}`,
				body: `${actor.name} ${outcomeWords[input.outcome]} ${useCase.trackingId} (version ${snapshot.number}): ${input.note}${conditionsNote}`,
				link: `/use-cases/${useCase.id}`,
				useCaseId: useCase.id,
			},
			{ actorId: actor.id },
		)
		for (const condition of decision.conditions) {
			await notify(
				tx,
				[condition.ownerId],
				{
					kind: 'ASSIGNED',
					title: `${useCase.trackingId}: a condition of its approval is yours`,
					body: `${actor.name} made you the owner of this condition on ${useCase.trackingId}, due ${condition.dueOn.toISOString().slice(0, 10)}: ${condition.text}`,
					link: `/use-cases/${useCase.id}#conditions`,
					useCaseId: useCase.id,
				},
				{ actorId: actor.id },
			)
		}
		return { status: 'decided' }
	})
}

/** The governance lead sends a case back to its submitters without deciding a lane. */
export async function requestChanges(
	actor: SessionUser,
	input: { useCaseId: string; note: string; version: number },
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const useCase = await loadReviewCase(tx, input.useCaseId)
		const lanes = await tx.laneReview.findMany({
			where: { useCaseId: useCase.id, round: useCase.reviewRound },
			select: { status: true },
		})
		const verdict = decideTransition(
			'request_changes',
			workflowActor(actor, useCase),
			workflowFacts(useCase, lanes),
		)
		if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
		if (input.version !== useCase.version)
			throw new AppError(
				'CONFLICT',
				'The use case changed after you opened it. Reload and read it before asking for changes.',
			)
		await moveStatus(tx, useCase, verdict.to, {}, input.version)
		await tx.comment.create({
			data: { useCaseId: useCase.id, authorId: actor.id, body: input.note },
		})
		await recordStatusMove(tx, {
			useCaseId: useCase.id,
			from: useCase.status,
			to: verdict.to,
			actorId: actor.id,
			action: 'use_case.changes_requested',
			after: { note: input.note, version: useCase.version },
			request,
		})
		await notify(
			tx,
			listedIds(useCase),
			{
				kind: 'CHANGES_REQUESTED',
				title: `${useCase.trackingId}: changes requested`,
				body: `${actor.name} asked for changes on ${useCase.trackingId} “${useCase.name}”: ${input.note}`,
				link: `/use-cases/${useCase.id}`,
				useCaseId: useCase.id,
			},
			{ actorId: actor.id },
		)
	})
}

/**
 * The owner of a condition records that it is met (the work is theirs, even when they are on the
 * case's team); otherwise a governance lead independent of the case.
 */
export async function meetCondition(
	actor: SessionUser,
	input: { conditionId: string; note: string; revision: number },
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const condition = await tx.decisionCondition.findUnique({ where: { id: input.conditionId } })
		if (!condition) throw new AppError('NOT_FOUND', 'No condition has this id.')
		if (condition.ownerId !== actor.id) {
			const isLead = rolesGrant(
				actor.roles.map((r) => r.role),
				'decide:use-case:any',
			)
			if (!isLead)
				throw new AppError(
					'FORBIDDEN',
					'Only the condition’s owner or the governance lead can mark it met.',
				)
			if (isInvolvedIn(actor, await loadReviewCase(tx, condition.useCaseId))) {
				throw new AppError(
					'FORBIDDEN',
					`${INVOLVED_MESSAGE} only the condition’s owner or a governance lead independent of it can mark it met.`,
				)
			}
		}
		if (condition.metAt) throw new AppError('CONFLICT', 'This condition is already marked met.')
		const written = await tx.decisionCondition.updateMany({
			where: { id: condition.id, revision: input.revision, metAt: null },
			data: {
				metAt: new Date(),
				metById: actor.id,
				metNote: input.note,
				revision: { increment: 1 },
			},
		})
		if (written.count === 0)
			throw new AppError(
				'CONFLICT',
				'Someone changed this condition at the same moment; reload to see it.',
			)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'condition.met',
			entityType: 'UseCase',
			entityId: condition.useCaseId,
			after: { conditionId: condition.id, text: condition.text, note: input.note },
			request,
		})
		const useCase = await loadReviewCase(tx, condition.useCaseId)
		await notify(
			tx,
			[...(await activeLeadIds(tx)), ...listedIds(useCase)],
			{
				kind: 'DECIDED',
				title: `${useCase.trackingId}: condition met`,
				body: `${actor.name} marked a condition of ${useCase.trackingId} met: ${condition.text}. ${input.note}`,
				link: `/use-cases/${useCase.id}#conditions`,
				useCaseId: useCase.id,
			},
			{ actorId: actor.id },
		)
	})
}

/**
 * The governance lead starts the periodic re-review of an approved case (yearly; high-impact cases
 * on their monitoring cadence): a new round with the lanes today's findings require.
 */
export async function startReReview(
	actor: SessionUser,
	input: { useCaseId: string; reason: string },
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const useCase = await loadReviewCase(tx, input.useCaseId)
		if (
			!rolesGrant(
				actor.roles.map((r) => r.role),
				'decide:use-case:any',
			)
		)
			throw new AppError('FORBIDDEN', 'Only the governance lead starts a re-review.')
		const verdict = decideTransition(
			'reopen',
			workflowActor(actor, useCase),
			workflowFacts(useCase, []),
		)
		if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
		const round = useCase.reviewRound + 1
		await moveStatus(tx, useCase, verdict.to, {
			reviewRound: round,
			decidedAt: null,
			version: { increment: 1 },
		})
		const { evaluation } = await refreshStoredEvaluation(tx, useCase.id)
		// A re-review always looks at the case afresh: the lanes its findings need, and at least the CAIO's.
		const lanes = evaluation.requiredLanes.length
			? evaluation.requiredLanes
			: (['CAIO_DETERMINATION'] as const)
		await openReviewLanes(tx, { useCaseId: useCase.id, round, lanes, origin: 'CHECKS' })
		await recordStatusMove(tx, {
			useCaseId: useCase.id,
			from: useCase.status,
			to: verdict.to,
			actorId: actor.id,
			action: 'use_case.re_review_started',
			before: { round: useCase.reviewRound },
			after: { round, reason: input.reason, lanes: [...lanes] },
			request,
		})
		await notify(
			tx,
			listedIds(useCase),
			{
				kind: 'REOPENED',
				title: `${useCase.trackingId}: periodic re-review started`,
				body: `${actor.name} started the re-review of ${useCase.trackingId} “${useCase.name}” (round ${round}): ${input.reason}`,
				link: `/use-cases/${useCase.id}`,
				useCaseId: useCase.id,
			},
			{ actorId: actor.id },
		)
	})
}

/** An approved case stops being used: the people on it or the governance lead retire it. */
export async function retireUseCaseIn(
	tx: Tx,
	actor: SessionUser,
	input: { useCaseId: string; reason: string },
	request: RequestInfo,
) {
	const useCase = await loadReviewCase(tx, input.useCaseId)
	const verdict = decideTransition(
		'retire',
		workflowActor(actor, useCase),
		workflowFacts(useCase, []),
	)
	if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason)
	const now = new Date()
	// OMB reports a retired case once, under development stage "Retired".
	await moveStatus(tx, useCase, verdict.to, {
		stage: 'RETIRED',
		retiredAt: now,
		nextReviewDue: null,
		version: { increment: 1 },
	})
	await recordStatusMove(tx, {
		useCaseId: useCase.id,
		from: useCase.status,
		to: verdict.to,
		actorId: actor.id,
		at: now,
		action: 'use_case.retired',
		after: { stage: 'RETIRED', reason: input.reason },
		request,
	})
	await notify(
		tx,
		[...listedIds(useCase), ...(await activeLeadIds(tx))],
		{
			kind: 'DECIDED',
			title: `${useCase.trackingId} retired: ${useCase.name}`,
			body: `${actor.name} retired ${useCase.trackingId}: ${input.reason}`,
			link: `/use-cases/${useCase.id}`,
			useCaseId: useCase.id,
		},
		{ actorId: actor.id },
	)
}

export async function retireUseCase(
	actor: SessionUser,
	input: { useCaseId: string; reason: string },
	request: RequestInfo,
) {
	return prisma.$transaction((tx) => retireUseCaseIn(tx, actor, input, request))
}

/** Whether this person may decide this case, and if not, why (for the UI; the server checks again). */
export function decisionAccess(
	user: SessionUser,
	useCase: Parameters<typeof isInvolvedIn>[1] & { status: string },
) {
	if (
		!rolesGrant(
			user.roles.map((r) => r.role),
			'decide:use-case:any',
		)
	)
		return { canDecide: false, whyNot: null }
	if (isInvolvedIn(user, useCase)) {
		return {
			canDecide: false,
			whyNot: `${INVOLVED_MESSAGE} you can neither review nor decide it; another governance lead must.`,
		}
	}
	return { canDecide: ['SUBMITTED', 'IN_REVIEW'].includes(useCase.status), whyNot: null }
}
