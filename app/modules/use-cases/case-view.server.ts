// What a case's page shows of the case, the same for everyone who may open it: the record, its
// document, the current round's lanes, the decisions, the discussion and the findings. Kept under the
// data version (see docs/decisions/030-read-models-cached-by-data-version.md); what differs between
// people (may they see a draft, act on a lane, decide) is worked out from it on every request.
import { type DataVersion } from '#app/modules/data-version/data-version.server.ts'
import { createVersionedCache } from '#app/modules/data-version/versioned-cache.server.ts'
import { evaluateWithCurrentPack, storedEvaluation } from '#app/modules/policies/packs.server.ts'
import { listComments } from '#app/modules/workflow/comments.server.ts'
import { lanesOfRound } from '#app/modules/workflow/lanes.server.ts'
import { decisionsOf } from '#app/modules/workflow/review-queries.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type LoadedUseCase, toDocument, useCaseSelect } from './use-case-record.server.ts'

async function readCaseView(useCase: LoadedUseCase) {
	const document = toDocument(useCase)
	const [lanes, decisions, comments, stored] = await Promise.all([
		lanesOfRound(useCase.id, useCase.reviewRound),
		decisionsOf(useCase.id),
		listComments(useCase.id),
		storedEvaluation(useCase.id, useCase.version),
	])
	return {
		useCase,
		document,
		lanes,
		decisions,
		comments,
		stored,
		evaluation: stored ?? (await evaluateWithCurrentPack(document)),
	}
}

export type CaseView = Awaited<ReturnType<typeof readCaseView>>

const caseViews = createVersionedCache<CaseView | null>({ maxEntries: 2_000 })

/**
 * The case as of `version` (read by the caller first), or null when no case has this id. Kept until
 * the data change, or until the clock alone changes it: an open lane falling due, or (for a case
 * never checked against the current pack) whatever day the live evaluation depends on.
 */
export function caseViewAt(useCaseId: string, version: DataVersion): Promise<CaseView | null> {
	return caseViews.get(useCaseId, version, async () => {
		const useCase = await prisma.useCase.findUnique({
			where: { id: useCaseId },
			select: useCaseSelect,
		})
		if (!useCase) return { value: null }
		const view = await readCaseView(useCase)
		const now = Date.now()
		const dues = view.lanes
			.filter((lane) => lane.open && lane.dueOn && lane.dueOn.getTime() >= now)
			.map((lane) => lane.dueOn!.getTime())
		// An evaluation made now (no stored run) holds for this request only: its checks read the date.
		const validUntil = view.stored ? (dues.length ? Math.min(...dues) : null) : now
		return { value: view, validUntil }
	})
}
