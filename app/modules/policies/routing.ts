// The conditions a pack's routing rules test. Each returns why it holds, in plain words, or null. The
// pack names the lanes; this code only decides whether the condition is true for a case.
import { screenedOutAsNotAi } from '#app/modules/policies/checks/ai-definition.ts'
import {
	datasetsVerb,
	datasetsWith,
	PHI_KINDS,
	stated,
} from '#app/modules/policies/checks/case-facts.ts'
import { type Reading } from '#app/modules/policies/checks/check-types.ts'
import { type PresumedCategory, sectionLetters } from '#app/modules/policies/checks/high-impact.ts'
import { systemOfRecordsFacts } from '#app/modules/policies/checks/privacy.ts'
import { type RouteCondition } from '#app/modules/policies/policy-pack.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'

// The reading is the pack's release, so a condition decides as that release's checks do.
type Condition = (
	doc: UseCaseDocument,
	presumed: ReadonlyArray<PresumedCategory>,
	reading: Reading,
) => string | null

/** A retired case is no longer in use: nothing is left for a reviewer to confirm about its data or its impact. */
const inUse =
	(condition: Condition): Condition =>
	(doc, presumed, reading) =>
		doc.stage === 'RETIRED' ? null : condition(doc, presumed, reading)

export const routeConditions: Record<RouteCondition, Condition> = {
	HIGH_IMPACT_OR_PRESUMED: inUse((doc, presumed) => {
		if (doc.highImpact.determination === 'HIGH_IMPACT')
			return 'the governance lead determined it high-impact'
		return presumed.length > 0
			? `it is presumed high-impact under M-25-21 ${sectionLetters(presumed)}`
			: null
	}),
	// The rule of packs before 2026.2, kept so that their evaluations keep their meaning.
	PRESUMED_HIGH_IMPACT: (_doc, presumed) =>
		presumed.length > 0
			? `it is presumed high-impact under M-25-21 ${sectionLetters(presumed)}`
			: null,
	PHI: inUse((doc) => {
		const phi = datasetsWith(doc, PHI_KINDS)
		return phi.length > 0 ? `${lower(datasetsVerb(phi, 'hold'))} PHI` : null
	}),
	PART2_RECORDS: inUse((doc) => {
		const part2 = datasetsWith(doc, ['PART2'])
		return part2.length > 0
			? `${lower(datasetsVerb(part2, 'hold'))} 42 CFR Part 2 substance-use records`
			: null
	}),
	SYSTEM_OF_RECORDS: inUse((doc) => {
		const { fromSystemOfRecords, sorns } = systemOfRecordsFacts(doc)
		if (!fromSystemOfRecords) return null
		return sorns.length > 0
			? `its records come from a Privacy Act system of records (SORN ${sorns.join(', ')})`
			: 'its records are retrieved by a personal identifier'
	}),
	SCREENED_OUT_AS_NOT_AI: inUse((doc, _presumed, reading) =>
		screenedOutAsNotAi(doc, reading)
			? `it is screened out as not AI (${stated('aiScreen.ruleBasedOnly', true)})`
			: null,
	),
}

function lower(text: string) {
	return text.charAt(0).toLowerCase() + text.slice(1)
}
