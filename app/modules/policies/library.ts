// Reading the policy library: search, one reference with the checks that cite it.
import { type PolicyPack } from './policy-pack.ts'

export function searchReferences(pack: PolicyPack, query: string) {
	const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
	const matches = pack.references.filter((reference) => {
		const text =
			`${reference.id} ${reference.instrument} ${reference.title} ${reference.citation} ${reference.summary}`.toLowerCase()
		return terms.every((term) => text.includes(term))
	})
	return matches.map((reference) => ({
		...reference,
		checkCount: pack.checks.filter((check) => check.clauseIds.includes(reference.id)).length,
	}))
}

export function referenceWithChecks(pack: PolicyPack, referenceId: string) {
	const reference = pack.references.find((r) => r.id === referenceId)
	if (!reference) return null
	const supersededBy = reference.supersededBy
		? (pack.references.find((r) => r.id === reference.supersededBy) ?? null)
		: null
	const supersedes = pack.references.filter((r) => r.supersededBy === reference.id)
	const checks = pack.checks.filter((check) => check.clauseIds.includes(reference.id))
	const routes = pack.routes.filter((route) => route.clauseIds.includes(reference.id))
	return { reference, supersededBy, supersedes, checks, routes }
}
