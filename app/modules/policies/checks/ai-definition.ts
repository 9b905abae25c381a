// NAIIA §5002(3) (adopted by EO 14179 §3) and M-25-21 §5: is this AI at all?
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { type CheckOutcome, type PolicyCheck, type Reading } from './check-types.ts'
import { judgeWrittenReason, readsFrom, stated } from './case-facts.ts'

/**
 * The answers that contradict "rule-based only": a learned classification, generative AI, or the
 * CAIO's own high-impact determination (which only AI can receive). M-25-21 §5 says no system is too
 * simple to count, so a contradicted screen is no screen: the case stays in scope.
 *
 * From pack 2026.5, a dataset used to train the system contradicts it too: M2521-5-C1 screens out
 * only what has "no learned behaviour", and thresholds tuned on past outcomes are learned, not
 * written by a person (§5 excludes only purely human-defined rules). Earlier packs read the answers
 * above alone, so a case judged under them keeps its screen.
 */
function contradictions(
	doc: UseCaseDocument,
	reading: Reading,
): Array<{ claim: string; field: string }> {
	const found: Array<{ claim: string; field: string }> = []
	if (doc.classification !== undefined) {
		found.push({
			claim: stated('classification', doc.classification),
			field: 'classification',
		})
	}
	if (doc.generativeAi === true)
		found.push({ claim: stated('generativeAi', true), field: 'generativeAi' })
	if (doc.highImpact.determination === 'HIGH_IMPACT') {
		found.push({
			claim: stated('highImpact.determination', 'HIGH_IMPACT'),
			field: 'highImpact.determination',
		})
	}
	if (readsFrom(reading, '2026.5')) {
		doc.datasets.forEach((dataset, index) => {
			if (dataset.usage.includes('TRAINING'))
				found.push({
					claim: `trained on the dataset '${dataset.name}'`,
					field: `datasets.${index}.usage`,
				})
		})
	}
	return found
}

/**
 * Whether the AI screen takes the case out of AI governance: it answers "rule-based only" and nothing
 * else in the case says it learns from data. Such a case gets no §6 presumption and no AI-specific
 * findings; the screen's own record (M2521-5-C1) is checked separately.
 */
export function screenedOutAsNotAi(doc: UseCaseDocument, reading: Reading): boolean {
	return doc.aiScreen.ruleBasedOnly === true && contradictions(doc, reading).length === 0
}

/** The words the screen's "rule-based only" answer is named by in every reason. */
const RULE_BASED_ONLY = stated('aiScreen.ruleBasedOnly', true)

export const NOT_AI_REASON = `${RULE_BASED_ONLY} (M-25-21 §5 excludes fixed-rule systems and RPA), so this AI-specific requirement does not attach.`

/** NAIIA-C1: does the system meet the §5002(3) definition, and is the answer consistent? */
export const aiDefinitionScreen: PolicyCheck = (doc, ctx) => {
	const { ruleBasedOnly } = doc.aiScreen
	if (ruleBasedOnly === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${stated('aiScreen.ruleBasedOnly', undefined)}. Nothing says whether the system learns from data or only follows fixed rules.`,
			drivingFields: ['aiScreen.ruleBasedOnly'],
			nextStep:
				'Answer whether the system only applies fixed, human-written rules or robotic process automation.',
			nextQuestion: 'aiScreen.ruleBasedOnly',
		}
	}
	if (!ruleBasedOnly) {
		return {
			status: 'PASS',
			reason: `${stated('aiScreen.ruleBasedOnly', false)}, so it is AI under NAIIA §5002(3) and M-25-21 §5 and in scope for AI governance.`,
			drivingFields: ['aiScreen.ruleBasedOnly'],
			nextStep: null,
		}
	}
	const contradicted = contradictions(doc, ctx)
	if (contradicted.length > 0) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${RULE_BASED_ONLY}, yet other answers say it is AI (${contradicted.map((c) => c.claim).join('; ')}); M-25-21 §5 excludes only fixed-rule systems and RPA, so the case is treated as AI until the answers agree.`,
			drivingFields: ['aiScreen.ruleBasedOnly', ...contradicted.map((c) => c.field)],
			nextStep:
				'Correct the answers: either the system learns from data (AI) or it does not (out of scope).',
			nextQuestion: 'aiScreen.ruleBasedOnly',
		}
	}
	return {
		status: 'PASS',
		reason: `${RULE_BASED_ONLY}, so it is not AI under NAIIA §5002(3) and M-25-21 §5, so no §6 presumption and no AI-specific requirement attaches.`,
		drivingFields: ['aiScreen.ruleBasedOnly'],
		nextStep: null,
	}
}

/**
 * M2521-5-C1: a rule-based screen-out is a decision to leave a system outside AI governance, so its
 * reasons are recorded where the CAIO's office can audit them.
 */
export const notAiRationale: PolicyCheck = (doc, ctx): CheckOutcome => {
	if (!screenedOutAsNotAi(doc, ctx)) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				doc.aiScreen.ruleBasedOnly === true
					? `${RULE_BASED_ONLY}, but other answers say the system is AI, so nothing is screened out.`
					: 'The case is not screened out as rule-based only.',
			drivingFields: ['aiScreen.ruleBasedOnly'],
			nextStep: null,
		}
	}
	const rationale = doc.aiScreen.notAiRationale
	const fields = ['aiScreen.ruleBasedOnly', 'aiScreen.notAiRationale']
	const unwritten = judgeWrittenReason(rationale, fields, {
		missing: {
			reason: `The case is screened out as not AI (${RULE_BASED_ONLY}) and no rationale records why, so the exclusion cannot be audited.`,
			nextStep:
				'Record why it is not AI: the fixed business rules or RPA it runs, and that nothing in it is learned from data.',
			nextQuestion: 'aiScreen.notAiRationale',
		},
		tooShort: (length) => ({
			reason: `The case is screened out as not AI (${RULE_BASED_ONLY}) and the rationale is only ${length} characters, too short to show that nothing is learned from data.`,
			nextStep:
				'Say what rules the system applies, who wrote them, and that no model is trained or tuned on data.',
			nextQuestion: 'aiScreen.notAiRationale',
		}),
	})
	if (unwritten) return unwritten
	return {
		status: 'PASS',
		reason: `The case is screened out as not AI (${RULE_BASED_ONLY}) and the rationale is recorded for audit.`,
		drivingFields: fields,
		nextStep: null,
	}
}
