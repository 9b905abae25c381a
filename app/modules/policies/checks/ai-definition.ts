// NAIIA §5002(3) (adopted by EO 14179 §3) and M-25-21 §5: is this AI at all?
import { classificationChoices } from '#app/modules/use-cases/vocabulary.ts'
import { type PolicyCheck } from './check-types.ts'
import { hasText } from './case-facts.ts'

export const aiDefinitionScreen: PolicyCheck = (doc) => {
	const { ruleBasedOnly, notAiRationale } = doc.aiScreen
	if (ruleBasedOnly === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: 'The AI-definition screen is not answered: nothing says whether the system learns from data or only follows fixed rules.',
			drivingFields: ['aiScreen.ruleBasedOnly'],
			nextStep: 'Answer whether the system only applies fixed, human-written rules or robotic process automation.',
		}
	}
	if (!ruleBasedOnly) {
		return {
			status: 'PASS',
			reason:
				"The screen answers that the system is not rule-based only, so it is AI under NAIIA §5002(3) and M-25-21 §5 and in scope for AI governance.",
			drivingFields: ['aiScreen.ruleBasedOnly'],
			nextStep: null,
		}
	}
	// A learned classification contradicts "rule-based only"; M-25-21 §5 says no system is too simple to count.
	if (doc.classification !== undefined || doc.generativeAi === true) {
		const claimed = doc.classification ? `'${classificationChoices[doc.classification].code}'` : 'generative AI'
		return {
			status: 'NEEDS_ATTENTION',
			reason: `The screen answers 'rule-based only', yet the case is classified as ${claimed}; M-25-21 §5 excludes only fixed-rule systems and RPA.`,
			drivingFields: ['aiScreen.ruleBasedOnly', doc.classification ? 'classification' : 'generativeAi'],
			nextStep: 'Correct one of the two answers: either the system learns from data (AI) or it does not (out of scope).',
		}
	}
	if (!hasText(notAiRationale)) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: "The screen answers 'rule-based only' but no rationale records why the system falls outside the AI definition.",
			drivingFields: ['aiScreen.ruleBasedOnly', 'aiScreen.notAiRationale'],
			nextStep: 'Record why it is not AI (e.g. fixed business rules or RPA with nothing learned from data) so the decision can be audited.',
		}
	}
	return {
		status: 'PASS',
		reason:
			"The screen answers 'rule-based only' with a recorded rationale: not AI under M-25-21 §5, so AI-specific requirements do not attach; the record is kept.",
		drivingFields: ['aiScreen.ruleBasedOnly', 'aiScreen.notAiRationale'],
		nextStep: null,
	}
}
