// Two versions of a case side by side, field by field: the history page and the REST API both
// compare with this. Version 0 is the current working copy.
import { type UseCaseDocument, UseCaseDocumentSchema } from './use-case-document.ts'

export const CURRENT_VERSION = 0

/** Names of the document fields that differ, for the audit trail and the version diff. */
export function changedFields(before: UseCaseDocument, after: UseCaseDocument) {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof UseCaseDocument>
	return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort()
}

/**
 * The diff between two versions (by default the latest frozen version's predecessor, or the latest,
 * against the current copy); null when either number names no version.
 */
export function versionDiff(
	current: UseCaseDocument,
	versions: ReadonlyArray<{ number: number; snapshot: unknown }>,
	query: { from?: number; to?: number },
) {
	const snapshots = new Map<number, UseCaseDocument>(versions.map((v) => [v.number, UseCaseDocumentSchema.parse(v.snapshot)]))
	snapshots.set(CURRENT_VERSION, current)
	const latest = versions.at(-1)?.number
	const from = query.from ?? (latest !== undefined ? (versions.length > 1 ? latest - 1 : latest) : CURRENT_VERSION)
	const to = query.to ?? CURRENT_VERSION
	const before = snapshots.get(from)
	const after = snapshots.get(to)
	const changes = before && after ? changedFields(before, after).map((field) => ({ field, before: before[field], after: after[field] })) : null
	return { from, to, changes }
}
