// M-25-21 §3(b)(iv) generative AI, §2(b) code sharing, §4(b)(vii) and §8 public feedback.
import { type PolicyCheck } from './check-types.ts'
import { datasetNames, datasetsWith, hasText, hostingPhrases, isLive, PII_KINDS, stageLabels } from './case-facts.ts'
import { assessPractice } from './minimum-practices.ts'
import { piiFacts } from './privacy.ts'

export function isGenerative(doc: Parameters<PolicyCheck>[0]): boolean {
	return doc.generativeAi === true || doc.classification === 'GENERATIVE_AI'
}

export const generativeAiPolicy: PolicyCheck = (doc) => {
	const fields = ['generativeAi', 'classification']
	if (!isGenerative(doc)) {
		if (doc.generativeAi === undefined && doc.classification === undefined) {
			return {
				status: 'NEEDS_ATTENTION',
				reason: "'Uses generative AI' and the AI classification are both unanswered.",
				drivingFields: fields,
				nextStep: 'Say whether it uses generative AI or a large language model.',
			}
		}
		return { status: 'NOT_APPLICABLE', reason: 'It is not recorded as generative AI.', drivingFields: fields, nextStep: null }
	}
	const why = doc.generativeAi === true ? "'Uses generative AI' is 'yes'" : "the classification is 'Generative AI'"
	const pii = piiFacts(doc)
	// The HHS/CMS acceptable-use rules allow personal data only in approved (FedRAMP-authorized) tools.
	if (pii.present && doc.hosting === 'VENDOR_API' && doc.safeguards.fedrampAuthorized !== true) {
		return {
			status: 'FAIL',
			reason: `${why}, ${pii.because.charAt(0).toLowerCase()}${pii.because.slice(1)}, and it runs on ${hostingPhrases.VENDOR_API} that is not recorded as FedRAMP authorized: personal data must stay out of unapproved generative tools.`,
			drivingFields: [...fields, ...pii.fields, 'hosting', 'safeguards.fedrampAuthorized'],
			nextStep: 'Move to an approved, FedRAMP-authorized generative AI service or keep PII and PHI out of the prompts.',
		}
	}
	const reviewed = doc.safeguards.generativeOutputsReviewed
	if (reviewed === true) {
		return {
			status: 'PASS',
			reason: `${why} and a person reviews its outputs before they are relied on or sent, as the acceptable-use policy expects.`,
			drivingFields: [...fields, 'safeguards.generativeOutputsReviewed'],
			nextStep: null,
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason:
			reviewed === false
				? `${why} and its outputs are relied on or sent without a person reviewing them.`
				: `${why} and nothing says whether a person reviews its outputs.`,
		drivingFields: [...fields, 'safeguards.generativeOutputsReviewed'],
		nextStep: 'Add human review of generated content, or record the CAIO-approved exception under the generative AI policy.',
	}
}

const sharingPhrases = {
	SHARED_PUBLICLY: 'released publicly',
	SHARED_GOVERNMENT: 'shared across government',
	EXEMPT: 'exempt from sharing under a recorded §2(b) exception',
} as const

export const customCodeSharing: PolicyCheck = (doc) => {
	const fields = ['hasCustomCode', 'safeguards.codeSharingDecision', 'codeUrl']
	if (doc.hasCustomCode !== true) {
		return {
			status: 'NOT_APPLICABLE',
			reason: doc.hasCustomCode === false ? "'Custom-developed code' is answered 'no'." : "'Custom-developed code' is not answered.",
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (!isLive(doc)) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `It has custom-developed code but the stage is '${doc.stage ? stageLabels[doc.stage] : 'not answered'}': §2(b) covers code in active use.`,
			drivingFields: [...fields, 'stage'],
			nextStep: doc.stage === 'RETIRED' ? null : 'Decide before the pilot whether the code and model will be shared or are exempt.',
		}
	}
	const decision = doc.safeguards.codeSharingDecision
	if (decision === undefined && doc.codeUrl === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: "It has custom-developed code in use, and neither a sharing decision nor a code link is recorded.",
			drivingFields: fields,
			nextStep: 'Share the code and model across government (open source where practicable), or record which §2(b) exception applies.',
		}
	}
	const trainedOnPersonalData = datasetsWith(doc, PII_KINDS).filter((ref) => ref.dataset.usage.includes('TRAINING'))
	if (decision === 'SHARED_PUBLICLY' && trainedOnPersonalData.length > 0) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `The code and model are released publicly, and the model was trained on personal data from ${datasetNames(trainedOnPersonalData)}.`,
			drivingFields: [...fields, ...trainedOnPersonalData.map((ref) => `datasets.${ref.index}.usage`)],
			nextStep: 'Assess whether the released model could disclose its training data before (further) release (§2(b)(iii)).',
		}
	}
	return {
		status: 'PASS',
		reason: decision
			? `It has custom-developed code, ${sharingPhrases[decision]}.`
			: `It has custom-developed code, published at ${doc.codeUrl}.`,
		drivingFields: fields,
		nextStep: null,
	}
}

export const publicFeedback: PolicyCheck = (doc) => {
	const fields = ['publicFacing', 'safeguards.publicFeedbackChannel']
	if (doc.publicFacing !== true) {
		return {
			status: 'NOT_APPLICABLE',
			reason: doc.publicFacing === false ? "'Public-facing' is answered 'no'." : "'Public-facing' is not answered.",
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (hasText(doc.safeguards.publicFeedbackChannel)) {
		return {
			status: 'PASS',
			reason: `It is public-facing and the public can give feedback through: ${doc.safeguards.publicFeedbackChannel}.`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	const consultation = assessPractice(doc, 'PUBLIC_CONSULTATION')
	if (consultation.met) {
		return {
			status: 'PASS',
			reason: `It is public-facing and ${consultation.answer.charAt(0).toLowerCase()}${consultation.answer.slice(1)}.`,
			drivingFields: [...fields, ...consultation.fields],
			nextStep: 'Record the ongoing feedback channel the public can use.',
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: 'It is public-facing and no feedback channel for the public is recorded.',
		drivingFields: fields,
		nextStep: 'Offer a way for the public to give feedback (survey, comment form, usability testing), minding Paperwork Reduction Act clearance.',
	}
}
