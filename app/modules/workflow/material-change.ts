// Which edits to an approved case re-open its review: those that change what was judged — the
// data it touches, its part in decisions, its stage, who supplies it, and the decisions it informs.
// Wording, contacts and the like are recorded but leave the approval standing.
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'

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

/** The material facts that differ between two versions of a case (empty for a cosmetic edit). */
export function materialChanges(before: UseCaseDocument, after: UseCaseDocument): Array<string> {
	return Object.entries(materialFacts)
		.filter(([, read]) => JSON.stringify(read(before)) !== JSON.stringify(read(after)))
		.map(([name]) => name)
}
