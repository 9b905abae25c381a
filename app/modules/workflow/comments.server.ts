// Threaded discussion on a case or one of its fields, between its people and its reviewers.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { createOnce } from '#app/utils/form-submission.server.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { isListedOn, listedIds } from '#app/modules/use-cases/use-case-record.server.ts'

const MENTION = /@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g

/** The e-mail addresses written as @name@agency.gov in a comment. */
export function mentionedEmails(body: string) {
	return [
		...new Set(
			[...body.matchAll(MENTION)].map((match) => match[1]!.toLowerCase().replace(/\.$/, '')),
		),
	]
}

export async function addComment(
	actor: SessionUser,
	input: {
		useCaseId: string
		body: string
		fieldPath?: string
		parentId?: string
		submissionKey?: string
	},
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const useCase = await tx.useCase.findUnique({
			where: { id: input.useCaseId },
			select: {
				id: true,
				trackingId: true,
				name: true,
				status: true,
				reviewRound: true,
				createdById: true,
				ownerId: true,
				contacts: { select: { userId: true } },
			},
		})
		const listed = useCase ? isListedOn(actor, useCase) : false
		if (!useCase || (useCase.status === 'DRAFT' && !listed))
			throw new AppError(
				'NOT_FOUND',
				'No use case has this id, or it is a draft you are not listed on.',
			)
		const roles = actor.roles.map((r) => r.role)
		const mayComment = listed
			? rolesGrant(roles, 'comment:use-case:own') || rolesGrant(roles, 'comment:use-case:any')
			: rolesGrant(roles, 'comment:use-case:any')
		if (!mayComment)
			throw new AppError(
				'FORBIDDEN',
				'Only the people on this use case and its reviewers can comment on it.',
			)
		if (input.parentId) {
			const parent = await tx.comment.findUnique({
				where: { id: input.parentId },
				select: { useCaseId: true, parentId: true },
			})
			if (!parent || parent.useCaseId !== useCase.id)
				throw new AppError('INVALID', 'The comment you are replying to is not on this use case.')
			// Replies stay one level deep: a reply to a reply joins the same thread.
			if (parent.parentId) input.parentId = parent.parentId
		}
		const { id, repeated } = await createOnce(
			tx,
			{ key: input.submissionKey, userId: actor.id },
			async () => {
				const comment = await tx.comment.create({
					data: {
						useCaseId: useCase.id,
						authorId: actor.id,
						body: input.body,
						fieldPath: input.fieldPath,
						parentId: input.parentId,
					},
					select: { id: true },
				})
				await announceComment(tx, actor, useCase, comment.id, listed, input, request)
				return comment.id
			},
		)
		return { id, repeated }
	})
}

/** The comment's audit event and notifications: written once, with the comment. */
async function announceComment(
	tx: Tx,
	actor: SessionUser,
	useCase: {
		id: string
		trackingId: string
		name: string
		reviewRound: number
		createdById: string
		ownerId: string
		contacts: Array<{ userId: string }>
	},
	commentId: string,
	listed: boolean,
	input: { body: string; fieldPath?: string; parentId?: string },
	request: RequestInfo,
) {
	await recordEvent(tx, {
		actorId: actor.id,
		action: 'comment.added',
		entityType: 'UseCase',
		entityId: useCase.id,
		after: {
			commentId,
			fieldPath: input.fieldPath ?? null,
			parentId: input.parentId ?? null,
			body: input.body,
		},
		request,
	})
	const link = `/use-cases/${useCase.id}#comment-${commentId}`
	const mentioned = await tx.user.findMany({
		where: { email: { in: mentionedEmails(input.body) }, active: true },
		select: { id: true },
	})
	const mentionedIds = mentioned.map((user) => user.id)
	await notify(
		tx,
		mentionedIds,
		{
			kind: 'MENTIONED',
			title: `${actor.name} mentioned you on ${useCase.trackingId}`,
			body: `${actor.name} wrote on ${useCase.trackingId} “${useCase.name}”: ${input.body}`,
			link,
			useCaseId: useCase.id,
		},
		{ actorId: actor.id },
	)
	// The other side of the conversation hears of it: reviewers when the case's people write, and the reverse.
	const reviewers = await tx.laneReview.findMany({
		where: { useCaseId: useCase.id, round: useCase.reviewRound, assigneeId: { not: null } },
		select: { assigneeId: true },
	})
	const others = listed ? reviewers.map((lane) => lane.assigneeId!) : listedIds(useCase)
	await notify(
		tx,
		others.filter((id) => !mentionedIds.includes(id)),
		{
			kind: 'COMMENTED',
			title: `${actor.name} commented on ${useCase.trackingId}`,
			body: `${actor.name}${input.fieldPath ? ` (on ${input.fieldPath})` : ''}: ${input.body}`,
			link,
			useCaseId: useCase.id,
		},
		{ actorId: actor.id },
	)
}

export async function listComments(useCaseId: string) {
	const comments = await prisma.comment.findMany({
		where: { useCaseId },
		orderBy: { createdAt: 'asc' },
		select: {
			id: true,
			parentId: true,
			fieldPath: true,
			lane: true,
			body: true,
			createdAt: true,
			author: { select: { name: true } },
		},
	})
	const threads = comments.filter((comment) => comment.parentId === null)
	return threads.map((thread) => ({
		...thread,
		replies: comments.filter((comment) => comment.parentId === thread.id),
	}))
}
