// Which edits to an approved case re-open its review: those that change what was judged — the
// data it touches, its part in decisions, its stage, who supplies it, and the decisions it informs —
// and those that weaken what was approved: an answer that makes a check block the decision, or
// brings in a review the approval never had. Wording, contacts and the like are recorded but leave
// the approval standing.
import { decisionImpact, type Evaluation } from '#app/modules/policies/evaluate.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { fieldRules, type FieldPath } from '#app/modules/use-cases/field-rules.ts'
import { changedFields } from '#app/modules/use-cases/use-case-mapping.ts'

const materialFacts: Record<string, (doc: UseCaseDocument) => unknown> = {
	datasets: (doc) =>
		doc.datasets
			.map((dataset) => `${dataset.id ?? dataset.name}:${[...dataset.usage].sort().join('+')}`)
			.sort(),
	decisionRole: (doc) => doc.decisionRole ?? null,
	stage: (doc) => doc.stage ?? null,
	contractingUsage: (doc) => doc.contractingUsage ?? null,
	vendorNames: (doc) => doc.vendorNames.map((name) => name.trim().toLowerCase()).sort(),
	informedDecisions: (doc) => [...doc.informedDecisions].sort(),
}

/** Whether the findings after an edit hold a blocking failure, or need a review lane, that those before did not. */
export function weakensApproval(before: Evaluation, after: Evaluation): boolean {
	const blockedBefore = new Set(
		before.results.filter((result) => decisionImpact(result) === 'blocks').map((r) => r.checkId),
	)
	return (
		after.results.some(
			(result) => decisionImpact(result) === 'blocks' && !blockedBefore.has(result.checkId),
		) || after.requiredLanes.some((lane) => !before.requiredLanes.includes(lane))
	)
}

/**
 * What makes an edit material (empty for a cosmetic edit): the material facts that differ, or, when
 * none does but the edit weakens the approval (both versions' findings under the same pack), every
 * answer it changed (not those the tracker works out itself).
 */
export function materialChanges(
	before: UseCaseDocument,
	after: UseCaseDocument,
	findings?: { before: Evaluation; after: Evaluation },
): Array<string> {
	const facts = Object.entries(materialFacts)
		.filter(([, read]) => JSON.stringify(read(before)) !== JSON.stringify(read(after)))
		.map(([name]) => name)
	if (facts.length || !findings || !weakensApproval(findings.before, findings.after)) return facts
	return changedFields(before, after).filter(
		(path) => fieldRules[path as FieldPath]?.answeredBy !== 'TRACKER',
	)
}
