// M-25-21 §3(b)(iv) generative AI, §2(b) code sharing, §4(b)(vii) and §8 public feedback.
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { type PolicyCheck, type Reading } from './check-types.ts'
import {
	datasetNames,
	datasetsWith,
	hasText,
	hostingPhrases,
	isLive,
	isNotRetired,
	listPhrase,
	PII_KINDS,
	readsFrom,
	retiredCase,
	stagePhrase,
	stated,
} from './case-facts.ts'
import { assessPractice } from './minimum-practices.ts'
import { piiFacts } from './privacy.ts'

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1)
}

function isGenerative(doc: Parameters<PolicyCheck>[0]): boolean {
	return doc.generativeAi === true || doc.classification === 'GENERATIVE_AI'
}

type ToolStanding = {
	kind: 'cms' | 'approved' | 'unapproved' | 'unknown'
	text: string
	fields: Array<string>
}

/**
 * Whether the generative tool is an approved one: CMS's own model in a CMS data centre is approved by
 * this review and its ATO; any other tool must be FedRAMP-authorized or on the HHS/CMS approved list.
 * An explicit "no" to either, with neither approval shown, makes it unapproved.
 */
function toolStanding(doc: UseCaseDocument, reading: Reading): ToolStanding {
	const { fedrampAuthorized, generativeToolApproved } = doc.safeguards
	const fields = ['hosting', 'safeguards.fedrampAuthorized', 'safeguards.generativeToolApproved']
	if (doc.hosting === 'CMS_DATA_CENTER') {
		return {
			kind: 'cms',
			text: `it runs in ${hostingPhrases.CMS_DATA_CENTER}`,
			fields: ['hosting'],
		}
	}
	const where = doc.hosting
		? `it runs on ${hostingPhrases[doc.hosting]}`
		: stated('hosting', undefined)
	const fedramp =
		fedrampAuthorized === true || (doc.hosting === 'FEDRAMP_CLOUD' && fedrampAuthorized !== false)
	if (fedramp) return { kind: 'approved', text: `${where}, which is FedRAMP authorized`, fields }
	if (generativeToolApproved === true)
		return {
			kind: 'approved',
			text: `${where} and the tool is on the HHS/CMS approved list`,
			fields,
		}
	// Pack 2026.5: a contractor's data centre is not a cloud service, so FedRAMP does not apply there
	// (decision 018) and only the approved list can approve the tool; earlier packs asked for either.
	const listOnly = doc.hosting === 'CONTRACTOR_DATA_CENTER' && readsFrom(reading, '2026.5')
	const noes = [
		...(fedrampAuthorized === false && !listOnly
			? [stated('safeguards.fedrampAuthorized', false)]
			: []),
		...(generativeToolApproved === false
			? [stated('safeguards.generativeToolApproved', false)]
			: []),
	]
	if (noes.length > 0) return { kind: 'unapproved', text: `${where}; ${noes.join('; ')}`, fields }
	if (listOnly) {
		return {
			kind: 'unknown',
			text: `${where}, where FedRAMP does not apply, and nothing shows the tool is on the HHS/CMS approved list`,
			fields: ['hosting', 'safeguards.generativeToolApproved'],
		}
	}
	return {
		kind: 'unknown',
		text: `${where} and nothing shows the tool is FedRAMP authorized or on the HHS/CMS approved list`,
		fields,
	}
}

type Gap = {
	status: 'FAIL' | 'NEEDS_ATTENTION'
	text: string
	fields: Array<string>
	nextStep: string
	nextQuestion: string
}

/**
 * M2521-3B-IV-C1: the HHS/CMS acceptable-use rules for generative AI: approved tools only (so no PII or
 * PHI in an unapproved one, whatever review follows), the team's acknowledgement of the policy, and a
 * person reviewing outputs before they are relied on.
 */
export const generativeAiPolicy: PolicyCheck = (doc, ctx) => {
	const fields = ['generativeAi', 'classification']
	if (!isGenerative(doc)) {
		if (doc.generativeAi === undefined && doc.classification === undefined) {
			return {
				status: 'NEEDS_ATTENTION',
				reason: `${stated('generativeAi', undefined)}; ${stated('classification', undefined)}.`,
				drivingFields: fields,
				nextStep: 'Say whether it uses generative AI or a large language model.',
				nextQuestion: 'generativeAi',
			}
		}
		return {
			status: 'NOT_APPLICABLE',
			reason: 'It is not recorded as generative AI.',
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (!isNotRetired(doc)) {
		return retiredCase('It is generative AI, but the case is retired.')
	}
	const why =
		doc.generativeAi === true
			? stated('generativeAi', true)
			: stated('classification', doc.classification)
	const pii = piiFacts(doc)
	const personal = pii.present ? `; ${pii.because}` : ''
	const tool = toolStanding(doc, ctx)
	const contractorDataCentre = doc.hosting === 'CONTRACTOR_DATA_CENTER' && readsFrom(ctx, '2026.5')
	const gaps: Array<Gap> = []
	if (tool.kind === 'unapproved') {
		gaps.push({
			status: 'FAIL',
			text: `${tool.text}; only approved tools may be used${pii.present ? ', and personal data must never reach an unapproved one' : ''}, whatever review its outputs get`,
			fields: [...tool.fields, ...(pii.present ? pii.fields : [])],
			nextStep:
				'Move to a FedRAMP-authorized or HHS/CMS-approved generative AI tool, or stop using this one.',
			nextQuestion: 'safeguards.generativeToolApproved',
		})
	} else if (tool.kind === 'unknown') {
		gaps.push({
			status: 'NEEDS_ATTENTION',
			text: tool.text,
			fields: tool.fields,
			nextStep: contractorDataCentre
				? 'Confirm the tool is on the HHS/CMS approved list before any use (and before any personal data reaches it); FedRAMP does not apply in a contractor’s data centre, whose FISMA authorization covers it.'
				: 'Confirm the tool is FedRAMP authorized or on the HHS/CMS approved list before any use (and before any personal data reaches it).',
			nextQuestion: 'safeguards.generativeToolApproved',
		})
	}
	const acknowledged = doc.safeguards.generativeAiPolicyAcknowledged
	if (acknowledged !== true) {
		gaps.push({
			status: acknowledged === false && isLive(doc) ? 'FAIL' : 'NEEDS_ATTENTION',
			text:
				acknowledged === false
					? "the team has not accepted CMS's generative-AI acceptable-use policy"
					: "nothing records that the team accepted CMS's generative-AI acceptable-use policy",
			fields: ['safeguards.generativeAiPolicyAcknowledged'],
			nextStep: 'Have the team read and accept the HHS/CMS generative-AI acceptable-use policy.',
			nextQuestion: 'safeguards.generativeAiPolicyAcknowledged',
		})
	}
	const reviewed = doc.safeguards.generativeOutputsReviewed
	if (reviewed !== true) {
		gaps.push({
			status: 'NEEDS_ATTENTION',
			text:
				reviewed === false
					? 'its outputs are relied on or sent without a person reviewing them'
					: 'nothing says whether a person reviews its outputs',
			fields: ['safeguards.generativeOutputsReviewed'],
			nextStep:
				'Add human review of generated content, or record the CAIO-approved exception under the generative AI policy.',
			nextQuestion: 'safeguards.generativeOutputsReviewed',
		})
	}
	const allFields = [
		...fields,
		...tool.fields,
		'safeguards.generativeAiPolicyAcknowledged',
		'safeguards.generativeOutputsReviewed',
	]
	if (gaps.length === 0) {
		return {
			status: 'PASS',
			reason: `${why}${personal}; ${tool.kind === 'cms' ? `${tool.text}, under CMS's own authorization` : tool.text}, the team accepted the acceptable-use policy and a person reviews outputs before they are relied on.`,
			drivingFields: allFields,
			nextStep: null,
		}
	}
	const worst = gaps.some((gap) => gap.status === 'FAIL') ? 'FAIL' : 'NEEDS_ATTENTION'
	const first = gaps.find((gap) => gap.status === worst)!
	return {
		status: worst,
		reason: `${why}${personal}. ${capitalised(listPhrase(gaps.map((gap) => gap.text)))}.`,
		drivingFields: [...fields, ...new Set(gaps.flatMap((gap) => gap.fields))],
		nextStep: first.nextStep,
		nextQuestion: first.nextQuestion,
	}
}

export const customCodeSharing: PolicyCheck = (doc, ctx) => {
	const fields = ['hasCustomCode', 'safeguards.codeSharingDecision', 'codeUrl']
	if (doc.hasCustomCode !== true) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `${stated('hasCustomCode', doc.hasCustomCode)}.`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (!isLive(doc)) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `It has custom-developed code; ${stagePhrase(doc)}. §2(b) covers code in active use.`,
			drivingFields: [...fields, 'stage'],
			nextStep:
				doc.stage === 'RETIRED'
					? null
					: 'Decide before the pilot whether the code and model will be shared or are exempt.',
		}
	}
	const decision = doc.safeguards.codeSharingDecision
	if (decision === undefined && doc.codeUrl === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason:
				'It has custom-developed code in use, and neither a sharing decision nor a code link is recorded.',
			drivingFields: fields,
			nextStep:
				'Share the code and model across government (open source where practicable), or record which §2(b) exception applies.',
			nextQuestion: 'safeguards.codeSharingDecision',
		}
	}
	const trainedOnPersonalData = datasetsWith(doc, PII_KINDS).filter((ref) =>
		ref.dataset.usage.includes('TRAINING'),
	)
	const assessed = doc.safeguards.trainingDataDisclosureAssessed
	// M2521-2B-C3 asks for the assessment "before any sharing or release": from pack 2026.4 sharing within
	// the government and a published code link count; earlier packs asked it of a public release only.
	const shared = readsFrom(ctx, '2026.4')
		? decision === 'SHARED_PUBLICLY' ||
			decision === 'SHARED_GOVERNMENT' ||
			(decision === undefined && doc.codeUrl !== undefined)
		: decision === 'SHARED_PUBLICLY'
	const how =
		decision !== undefined
			? stated('safeguards.codeSharingDecision', decision)
			: `The code is published at ${doc.codeUrl}`
	if (shared && trainedOnPersonalData.length > 0 && assessed !== true) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `${how}; the model was trained on personal data from ${datasetNames(trainedOnPersonalData)}; ${assessed === false ? stated('safeguards.trainingDataDisclosureAssessed', false) : 'nothing says the risk that it discloses that data was assessed'}.`,
			drivingFields: [
				...fields,
				...trainedOnPersonalData.map((ref) => `datasets.${ref.index}.usage`),
				'safeguards.trainingDataDisclosureAssessed',
			],
			nextStep:
				'Assess whether the shared model could disclose its training data before (further) sharing or release (§2(b)(iii)), or withhold it under the privacy exception.',
			nextQuestion: 'safeguards.trainingDataDisclosureAssessed',
		}
	}
	const assessment =
		shared && trainedOnPersonalData.length > 0
			? ` The risk that the model discloses its personal training data was assessed before ${decision === 'SHARED_PUBLICLY' ? 'release' : 'sharing'}.`
			: ''
	return {
		status: 'PASS',
		reason: decision
			? `It has custom-developed code; ${stated('safeguards.codeSharingDecision', decision)}.${assessment}`
			: `It has custom-developed code, published at ${doc.codeUrl}.${assessment}`,
		drivingFields: fields,
		nextStep: null,
	}
}

export const publicFeedback: PolicyCheck = (doc) => {
	const fields = ['publicFacing', 'safeguards.publicFeedbackChannel']
	if (doc.publicFacing !== true) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				doc.publicFacing === false
					? `${stated('publicFacing', false)}, so no public feedback channel is asked for.`
					: `${stated('publicFacing', undefined)}.`,
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
			reason: `It is public-facing; ${consultation.answer}.`,
			drivingFields: [...fields, ...consultation.fields],
			nextStep: 'Record the ongoing feedback channel the public can use.',
			nextQuestion: 'safeguards.publicFeedbackChannel',
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: 'It is public-facing and no feedback channel for the public is recorded.',
		drivingFields: fields,
		nextStep:
			'Offer a way for the public to give feedback (survey, comment form, usability testing), minding Paperwork Reduction Act clearance.',
		nextQuestion: 'safeguards.publicFeedbackChannel',
	}
}
