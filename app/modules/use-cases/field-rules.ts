// Which questions apply to a use case, and which must be answered before it can be submitted,
// following the "Required" column of OMB's 2025 inventory dictionary stage by stage, plus the
// answers the tracker's checks need. Pure: the form, the server and the checks share it.
import { type UseCaseDocument } from './use-case-document.ts'

export type FieldPath =
	| 'name'
	| 'orgUnit'
	| 'contactEmail'
	| 'isWithheld'
	| 'stage'
	| 'topicArea'
	| 'classification'
	| 'problemSolved'
	| 'benefits'
	| 'systemOutputs'
	| 'operationalDate'
	| 'contractingUsage'
	| 'vendorNames'
	| 'hasAto'
	| 'atoSystemName'
	| 'dataDescription'
	| 'linkToData'
	| 'hasPii'
	| 'piaUrl'
	| 'demographicFeatures'
	| 'hasCustomCode'
	| 'codeUrl'
	| 'decisionRole'
	| 'affectedParties'
	| 'informedDecisions'
	| 'publicFacing'
	| 'generativeAi'
	| 'hosting'
	| 'practices.testing'
	| 'practices.impactAssessment'
	| 'practices.potentialImpacts'
	| 'practices.independentReview'
	| 'practices.monitoring'
	| 'practices.training'
	| 'practices.failsafe'
	| 'practices.appeal'
	| 'practices.publicConsultation'

type Rule = {
	/** Whether the question is shown at all for these answers. */
	appliesWhen: (doc: UseCaseDocument) => boolean
	/** Whether it must be answered before submission (only asked when it applies). */
	requiredWhen: (doc: UseCaseDocument) => boolean
	message: string
}

const always = () => true
const never = () => false
const isActive = (doc: UseCaseDocument) =>
	doc.stage === 'PRE_DEPLOYMENT' || doc.stage === 'PILOT' || doc.stage === 'DEPLOYED'
const isPilotOrDeployed = (doc: UseCaseDocument) => doc.stage === 'PILOT' || doc.stage === 'DEPLOYED'
const involvesVendor = (doc: UseCaseDocument) =>
	doc.contractingUsage === 'PURCHASED' || doc.contractingUsage === 'CONTRACT_AND_IN_HOUSE'
/** OMB asks the hi_* questions only of high-impact use cases that are deployed. */
export const asksMinimumPractices = (doc: UseCaseDocument) =>
	doc.highImpact.determination === 'HIGH_IMPACT' && doc.stage === 'DEPLOYED'

const practice = (message: string): Rule => ({ appliesWhen: asksMinimumPractices, requiredWhen: always, message })

export const fieldRules: Record<FieldPath, Rule> = {
	name: { appliesWhen: always, requiredWhen: always, message: 'Give the use case a name.' },
	orgUnit: { appliesWhen: always, requiredWhen: always, message: 'Choose the org unit responsible for it.' },
	contactEmail: { appliesWhen: always, requiredWhen: always, message: 'Enter the contact e-mail for the inventory.' },
	isWithheld: { appliesWhen: always, requiredWhen: always, message: 'Say whether it should be withheld from the public inventory.' },
	stage: { appliesWhen: always, requiredWhen: always, message: 'Choose the stage of development.' },
	topicArea: { appliesWhen: always, requiredWhen: isActive, message: 'Choose the topic area.' },
	classification: { appliesWhen: always, requiredWhen: isActive, message: 'Choose the AI classification closest to it.' },
	problemSolved: { appliesWhen: always, requiredWhen: isActive, message: 'Describe the problem the AI is meant to solve.' },
	benefits: { appliesWhen: always, requiredWhen: isActive, message: 'Describe the expected benefits for the mission or the public.' },
	systemOutputs: { appliesWhen: always, requiredWhen: isActive, message: 'Describe what the AI outputs.' },
	operationalDate: {
		appliesWhen: isPilotOrDeployed,
		requiredWhen: always,
		message: 'Enter the date it became operational (or the pilot’s start date).',
	},
	contractingUsage: {
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Say whether it was purchased, built in-house, or both.',
	},
	vendorNames: { appliesWhen: involvesVendor, requiredWhen: isPilotOrDeployed, message: 'Name the vendor or vendors.' },
	hasAto: {
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Say whether it has (or is part of a system with) an Authorization to Operate.',
	},
	atoSystemName: {
		appliesWhen: (doc) => doc.hasAto === true,
		requiredWhen: isPilotOrDeployed,
		message: 'Name the system in the ATO.',
	},
	dataDescription: {
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Describe the data used to train, fine-tune or evaluate it.',
	},
	linkToData: { appliesWhen: always, requiredWhen: never, message: '' },
	hasPii: { appliesWhen: always, requiredWhen: isPilotOrDeployed, message: 'Say whether it involves PII the agency maintains.' },
	piaUrl: { appliesWhen: (doc) => doc.hasPii === true, requiredWhen: never, message: '' },
	demographicFeatures: {
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Choose the demographic features the model uses, or “None of the above”.',
	},
	hasCustomCode: {
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Say whether the project includes custom-developed code.',
	},
	codeUrl: { appliesWhen: (doc) => doc.hasCustomCode === true, requiredWhen: never, message: '' },
	decisionRole: { appliesWhen: always, requiredWhen: isActive, message: 'Say what role the AI plays in decisions.' },
	affectedParties: { appliesWhen: always, requiredWhen: isActive, message: 'Choose whose outcomes it affects.' },
	informedDecisions: {
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Choose the decisions it informs, or “None of these”.',
	},
	publicFacing: { appliesWhen: always, requiredWhen: isActive, message: 'Say whether the public interacts with it directly.' },
	generativeAi: { appliesWhen: always, requiredWhen: isActive, message: 'Say whether it uses generative AI or a large language model.' },
	hosting: { appliesWhen: always, requiredWhen: isActive, message: 'Say where it runs.' },
	'practices.testing': practice('Say whether pre-deployment testing was done (§4(b)(i)).'),
	'practices.impactAssessment': practice('Say whether an AI impact assessment was completed (§4(b)(ii)).'),
	'practices.potentialImpacts': practice('Describe the potential impacts, including on privacy, civil rights and civil liberties.'),
	'practices.independentReview': practice('Say whether an independent review was done.'),
	'practices.monitoring': practice('Say whether ongoing monitoring is in place (§4(b)(iii)).'),
	'practices.training': practice('Say whether operators are trained (§4(b)(iv)).'),
	'practices.failsafe': practice('Say whether there is a fail-safe (§4(b)(v)).'),
	'practices.appeal': practice('Say whether there is an appeal process (§4(b)(vi)).'),
	'practices.publicConsultation': practice('Say how end users and the public were consulted (§4(b)(vii)).'),
}

export const fieldPaths = Object.keys(fieldRules) as Array<FieldPath>

function valueAt(doc: UseCaseDocument, path: FieldPath): unknown {
	if (path.startsWith('practices.')) return doc.practices[path.slice('practices.'.length) as keyof UseCaseDocument['practices']]
	return doc[path as keyof UseCaseDocument]
}

function isAnswered(value: unknown) {
	if (value === undefined || value === null) return false
	if (typeof value === 'string') return value.trim().length > 0
	if (Array.isArray(value)) return value.length > 0
	return true
}

/** The questions to show for these answers. */
export function visibleFields(doc: UseCaseDocument): Set<FieldPath> {
	return new Set(fieldPaths.filter((path) => fieldRules[path].appliesWhen(doc)))
}

/** The questions that must be answered before submission, for this stage and these answers. */
export function requiredFields(doc: UseCaseDocument): Array<FieldPath> {
	return fieldPaths.filter((path) => fieldRules[path].appliesWhen(doc) && fieldRules[path].requiredWhen(doc))
}

/** Questions OMB requires for the stage that are still unanswered. */
export function missingRequiredFields(doc: UseCaseDocument): Array<FieldPath> {
	return requiredFields(doc).filter((path) => !isAnswered(valueAt(doc, path)))
}

export type SubmissionCheck = { ok: boolean; fieldErrors: Record<string, Array<string>> }

/** Everything that stops a submission, as messages keyed by field path (datasets as `datasets.N.…`). */
export function validateForSubmission(doc: UseCaseDocument): SubmissionCheck {
	const fieldErrors: Record<string, Array<string>> = {}
	for (const path of missingRequiredFields(doc)) fieldErrors[path] = [fieldRules[path].message]

	if (isActive(doc) && doc.datasets.length === 0 && doc.stage !== 'PRE_DEPLOYMENT') {
		fieldErrors.datasets = ['Link the datasets it uses from the catalogue.']
	}
	doc.datasets.forEach((dataset, index) => {
		const sensitive = dataset.sensitivities.includes('PHI') || dataset.sensitivities.includes('PII')
		if (sensitive && !isAnswered(dataset.minimumNecessaryJustification)) {
			fieldErrors[`datasets.${index}.minimumNecessaryJustification`] = [
				`${dataset.name} holds ${dataset.sensitivities.includes('PHI') ? 'PHI' : 'PII'}: explain why the use case needs it (minimum necessary).`,
			]
		}
	})
	if (doc.informedDecisions.includes('NONE') && doc.informedDecisions.length > 1) {
		fieldErrors.informedDecisions = ['“None of these” cannot be combined with other decisions.']
	}
	if (doc.demographicFeatures.includes('NONE_OF_THE_ABOVE') && doc.demographicFeatures.length > 1) {
		fieldErrors.demographicFeatures = ['“None of the above” cannot be combined with other features.']
	}
	return { ok: Object.keys(fieldErrors).length === 0, fieldErrors }
}
