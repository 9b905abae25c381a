import { Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma as defaultClient, type PrismaClient } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { retireUseCaseIn } from '#app/modules/workflow/decisions.server.ts'
import { assignLaneIn } from '#app/modules/workflow/lanes.server.ts'
import { type BulkAction, type BulkOutcome, selectedIds } from './inventory-bulk.ts'
import { visibleIds } from './inventory-query.server.ts'

/** A case carries at most this many tags. */
export const MAX_TAGS_PER_CASE = 20

/**
 * Applies one bulk action to the selected cases in ONE transaction, with an audit event per case
 * changed: either every case changes or none does. Cases the actor may not see (someone else's
 * draft) are treated as not there.
 */
export async function applyBulkAction(
	actor: SessionUser,
	action: BulkAction,
	request: RequestInfo,
	client: PrismaClient = defaultClient,
): Promise<BulkOutcome> {
	const ids = selectedIds(action)
	if (ids.length === 0) throw new AppError('INVALID', 'Select at least one use case first.')
	return client.$transaction(async (tx) => {
		const visible = await visibleIds(actor, ids, tx)
		if (visible.length !== ids.length)
			throw new AppError(
				'NOT_FOUND',
				'One of the selected use cases no longer exists or is not visible to you; reload the inventory.',
			)
		switch (action.intent) {
			case 'add-tag':
			case 'remove-tag':
				return changeTag(tx, actor, visible, action.intent, action.tag, request)
			// Each case goes through the workflow's own rules; one refusal refuses the whole selection.
			case 'assign-reviewer':
				for (const useCaseId of visible) {
					await withCaseNamed(tx, useCaseId, () =>
						assignLaneIn(
							tx,
							actor,
							{
								useCaseId,
								lane: action.lane,
								assigneeId: action.assigneeId,
								dueOn: new Date(`${action.dueOn}T12:00:00Z`),
							},
							request,
						),
					)
				}
				return { intent: action.intent, changed: visible.length, unchanged: 0 }
			case 'retire':
				for (const useCaseId of visible) {
					await withCaseNamed(tx, useCaseId, () =>
						retireUseCaseIn(tx, actor, { useCaseId, reason: action.reason }, request),
					)
				}
				return { intent: action.intent, changed: visible.length, unchanged: 0 }
		}
	})
}

/** A refusal about one case of a selection names that case. */
async function withCaseNamed<T>(tx: Tx, useCaseId: string, work: () => Promise<T>): Promise<T> {
	try {
		return await work()
	} catch (error) {
		if (!(error instanceof AppError)) throw error
		const useCase = await tx.useCase.findUnique({
			where: { id: useCaseId },
			select: { trackingId: true },
		})
		throw new AppError(
			error.code === 'NOT_FOUND' ? 'CONFLICT' : error.code,
			`${useCase?.trackingId ?? 'A selected use case'}: ${error.message} Nothing was changed.`,
		)
	}
}

async function changeTag(
	tx: Tx,
	actor: Pick<SessionUser, 'id'>,
	ids: Array<string>,
	intent: 'add-tag' | 'remove-tag',
	tag: string,
	request: RequestInfo,
): Promise<BulkOutcome> {
	// Locked in id order, so two bulk actions over overlapping selections cannot deadlock or lose a tag.
	const cases = await tx.$queryRaw<Array<{ id: string; trackingId: string; tags: Array<string> }>>`
		SELECT "id", "trackingId", "tags" FROM "UseCase" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`
	let changed = 0
	for (const useCase of cases) {
		const has = useCase.tags.includes(tag)
		if ((intent === 'add-tag') === has) continue
		const tags =
			intent === 'add-tag' ? [...useCase.tags, tag].sort() : useCase.tags.filter((t) => t !== tag)
		if (tags.length > MAX_TAGS_PER_CASE) {
			throw new AppError(
				'INVALID',
				`${useCase.trackingId} already has ${MAX_TAGS_PER_CASE} tags; remove one before adding another.`,
			)
		}
		await tx.useCase.update({ where: { id: useCase.id }, data: { tags } })
		await recordEvent(tx, {
			actorId: actor.id,
			action: intent === 'add-tag' ? 'use_case.tag_added' : 'use_case.tag_removed',
			entityType: 'UseCase',
			entityId: useCase.id,
			before: { tags: useCase.tags },
			after: { tags, bulk: true },
			request,
		})
		changed++
	}
	return { intent, tag, changed, unchanged: cases.length - changed }
}
