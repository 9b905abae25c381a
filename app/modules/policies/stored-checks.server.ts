// The stored check results of use cases as they now stand: refreshed after a change the document
// reflects, and re-run for many cases after a pack is published.
import { toDocument, useCaseSelect } from '#app/modules/use-cases/use-case-record.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { evaluateUseCase } from './evaluate.ts'
import { evaluateWithCurrentPack, storeCheckRun } from './packs.server.ts'
import { type PolicyPack } from './policy-pack.ts'

/**
 * Re-runs the checks on one case as it now stands, inside the caller's transaction, and stores them
 * against its current version: after a change the document reflects (review facts feed
 * hi_independent_review, CAIO records feed the practice checks).
 */
export async function refreshStoredEvaluation(tx: Tx, useCaseId: string) {
	const loaded = await tx.useCase.findUniqueOrThrow({
		where: { id: useCaseId },
		select: useCaseSelect,
	})
	const document = toDocument(loaded)
	const evaluation = await evaluateWithCurrentPack(document, tx)
	await storeCheckRun(tx, useCaseId, loaded.version, evaluation)
	return { evaluation, loaded, document }
}

/** Evaluates these use cases as they stand against a pack and stores the results (re-run after publishing). */
export async function evaluateStoredUseCases(useCaseIds: Array<string>, pack: PolicyPack) {
	const useCases = await prisma.useCase.findMany({
		where: { id: { in: useCaseIds } },
		select: useCaseSelect,
	})
	const asOf = new Date()
	await prisma.$transaction(async (tx) => {
		for (const useCase of useCases) {
			await storeCheckRun(
				tx,
				useCase.id,
				useCase.version,
				evaluateUseCase(toDocument(useCase), { pack, asOf }),
			)
		}
	})
}
