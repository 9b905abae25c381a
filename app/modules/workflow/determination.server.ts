import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { determinationProblems } from '#app/modules/policies/determination.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import {
	currentPolicyPack,
	evaluateWithCurrentPack,
	storeCheckRun,
} from '#app/modules/policies/packs.server.ts'
import {
	columnsOf,
	freezeVersion,
	INVOLVED_MESSAGE,
	isInvolvedIn,
	NOT_FOUND_MESSAGE,
	toDocument,
	useCaseSelect,
} from '#app/modules/use-cases/use-case-record.server.ts'
import { UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { type HighImpactDetermination } from '#app/modules/use-cases/vocabulary.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

/**
 * The governance lead records the high-impact determination on the exact version they read.
 * Nobody determines a case they are listed on; departing from the presumption needs a rationale.
 */
export async function recordDetermination(
	actor: SessionUser,
	useCaseId: string,
	input: { determination: HighImpactDetermination; rationale?: string; version: number },
	request: RequestInfo,
): Promise<
	{ status: 'recorded' } | { status: 'invalid'; fieldErrors: Record<string, Array<string>> }
> {
	return prisma.$transaction(async (tx) => {
		const current = await tx.useCase.findUnique({ where: { id: useCaseId }, select: useCaseSelect })
		if (!current || current.status === 'DRAFT') throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
		if (isInvolvedIn(actor, current)) {
			throw new AppError(
				'FORBIDDEN',
				`${INVOLVED_MESSAGE} someone independent of it must make the determination.`,
			)
		}
		if (current.status === 'WITHDRAWN' || current.status === 'RETIRED') {
			throw new AppError('CONFLICT', 'A withdrawn or retired use case takes no new determination.')
		}
		if (current.version !== input.version) {
			throw new AppError(
				'CONFLICT',
				'The use case changed after you opened it. Reload, read the new version, then record the determination.',
			)
		}
		const before = toDocument(current)
		const evaluation = await evaluateWithCurrentPack(before, tx)
		const fieldErrors = determinationProblems({
			presumedHighImpact: evaluation.presumedHighImpact,
			presumedCategories: evaluation.presumedCategories,
			determination: input.determination,
			rationale: input.rationale,
		})
		if (Object.keys(fieldErrors).length) return { status: 'invalid', fieldErrors }

		const now = new Date()
		const highImpact = {
			determination: input.determination,
			justification: input.rationale?.trim() || undefined,
			determinedBy: actor.name,
			determinedOn: now.toISOString().slice(0, 10),
		}
		const after = UseCaseDocumentSchema.parse({ ...before, highImpact })
		// Conditional on the version read: of two leads deciding at once, or a lead and an owner
		// saving the case at once, exactly one write is kept and the other is told.
		const written = await tx.useCase.updateMany({
			where: { id: useCaseId, version: current.version },
			data: {
				highImpactDetermination: input.determination,
				determinedById: actor.id,
				determinedAt: now,
				answers: columnsOf(after).answers,
				version: current.version + 1,
			},
		})
		if (written.count === 0) {
			throw new AppError(
				'CONFLICT',
				'The use case changed while you were recording the determination. Reload, read the new version, then record it again.',
			)
		}
		await freezeVersion(tx, actor.id, useCaseId, after, 'HIGH_IMPACT_DETERMINATION')
		await storeCheckRun(
			tx,
			useCaseId,
			current.version + 1,
			evaluateUseCase(after, { pack: await currentPolicyPack(tx), asOf: now }),
		)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'use_case.high_impact_determined',
			entityType: 'UseCase',
			entityId: useCaseId,
			before: { determination: before.highImpact.determination ?? null, version: current.version },
			after: {
				determination: input.determination,
				presumedCategories: evaluation.presumedCategories,
				rationale: highImpact.justification ?? null,
				version: current.version + 1,
			},
			request,
		})
		return { status: 'recorded' }
	})
}
