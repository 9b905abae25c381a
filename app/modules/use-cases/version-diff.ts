// Two versions of a case side by side, field by field: the history page and the REST API both
// compare with this. Version 0 is the current working copy.
import { valueAt } from './question-kinds.ts'
import { type UseCaseDocument, UseCaseDocumentSchema } from './use-case-document.ts'
import { changedFields } from './use-case-mapping.ts'

export { changedFields }

export const CURRENT_VERSION = 0

/**
 * The diff between two versions (by default the latest frozen version's predecessor, or the latest,
 * against the current copy); null when either number names no version.
 */
export function versionDiff(
	current: UseCaseDocument,
	versions: ReadonlyArray<{ number: number; snapshot: unknown }>,
	query: { from?: number; to?: number },
) {
	const snapshots = new Map<number, UseCaseDocument>(
		versions.map((v) => [v.number, UseCaseDocumentSchema.parse(v.snapshot)]),
	)
	snapshots.set(CURRENT_VERSION, current)
	const latest = versions.at(-1)?.number
	const from =
		query.from ??
		(latest !== undefined ? (versions.length > 1 ? latest - 1 : latest) : CURRENT_VERSION)
	const to = query.to ?? CURRENT_VERSION
	const before = snapshots.get(from)
	const after = snapshots.get(to)
	const changes =
		before && after
			? changedFields(before, after).map((field) => ({
					field,
					before: valueAt(before, field) ?? null,
					after: valueAt(after, field) ?? null,
				}))
			: null
	return { from, to, changes }
}
