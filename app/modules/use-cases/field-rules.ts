// Which questions apply to a use case, and which must be answered, following the "Required" column
// of OMB's 2025 inventory dictionary stage by stage, plus the answers the tracker's checks need.
// Pure: the form, the server, the checks and the export share it.
import { type DatasetSensitivity } from './vocabulary.ts'
import { type UseCaseDocument } from './use-case-document.ts'

export type FieldPath =
	| 'trackingId'
	| 'name'
	| 'orgUnit'
	| 'contactEmail'
	| 'isWithheld'
	| 'stage'
	| 'highImpact.determination'
	| 'highImpact.justification'
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
	| 'aiScreen.ruleBasedOnly'
	| 'aiScreen.notAiRationale'
	| 'practices.testing'
	| 'practices.impactAssessment'
	| 'practices.potentialImpacts'
	| 'practices.independentReview'
	| 'practices.monitoring'
	| 'practices.training'
	| 'practices.failsafe'
	| 'practices.appeal'
	| 'practices.publicConsultation'
	| 'highImpact.principalBasisRationale'
	| 'safeguards.piaCompleted'
	| 'safeguards.retrievedByPersonalIdentifier'
	| 'safeguards.sornNumber'
	| 'safeguards.computerMatching'
	| 'safeguards.businessAssociateAgreement'
	| 'safeguards.part2ConsentBasis'
	| 'safeguards.sudRecordsExcluded'
	| 'safeguards.fedrampAuthorized'
	| 'safeguards.generativeOutputsReviewed'
	| 'safeguards.generativeAiPolicyAcknowledged'
	| 'safeguards.generativeToolApproved'
	| 'safeguards.publicFeedbackChannel'
	| 'safeguards.codeSharingDecision'
	| 'safeguards.vendorAiContractTerms'

/**
 * Who gives the answer. Submission only waits for the submitter's answers: the tracking id is
 * allocated by the tracker, and the high-impact determination is the governance lead's to record
 * during review. The inventory needs all of them.
 */
export type AnsweredBy = 'SUBMITTER' | 'GOVERNANCE_LEAD' | 'TRACKER'

type Rule = {
	/** Whether the question is shown at all for these answers. */
	appliesWhen: (doc: UseCaseDocument) => boolean
	/** Whether it must be answered (only ever asked when it applies). */
	requiredWhen: (doc: UseCaseDocument) => boolean
	answeredBy: AnsweredBy
	/** The column of OMB's 2025 inventory it fills; absent for the tracker's own questions. */
	ombColumn?: string
	/** What to tell the person when a required answer is missing. */
	message: string
}

const always = () => true
const never = () => false
const isActive = (doc: UseCaseDocument) =>
	doc.stage === 'PRE_DEPLOYMENT' || doc.stage === 'PILOT' || doc.stage === 'DEPLOYED'
const isPilotOrDeployed = (doc: UseCaseDocument) => doc.stage === 'PILOT' || doc.stage === 'DEPLOYED'
// OMB asks for the vendor only of pilots and deployed cases; the tracker shows it as soon as a vendor
// is involved, because the BAA, FedRAMP and contract-terms checks need it during acquisition too.
const involvesVendor = (doc: UseCaseDocument) =>
	doc.contractingUsage === 'PURCHASED' || doc.contractingUsage === 'CONTRACT_AND_IN_HOUSE'
/** OMB asks the hi_* questions only of high-impact use cases that are deployed. */
export const asksMinimumPractices = (doc: UseCaseDocument) =>
	doc.highImpact.determination === 'HIGH_IMPACT' && doc.stage === 'DEPLOYED'

const submitter = (
	ombColumn: string | undefined,
	appliesWhen: Rule['appliesWhen'],
	requiredWhen: Rule['requiredWhen'],
	message: string,
): Rule => ({ appliesWhen, requiredWhen, answeredBy: 'SUBMITTER', ombColumn, message })

const practice = (ombColumn: string, message: string): Rule => submitter(ombColumn, asksMinimumPractices, always, message)

// The safeguards a privacy, security or legal reviewer asks about, shown when the case's answers make
// them relevant. None blocks a submission: an unanswered safeguard is the matching check's finding.
const PERSONAL_KINDS: ReadonlyArray<DatasetSensitivity> = ['PII', 'PHI', 'PART2', 'FTI']
const SUD_PRONE = ['MEDICARE_CLAIMS', 'MEDICAID_CHIP_CLAIMS', 'MEDICAL_RECORDS_CLINICAL']
const holds = (doc: UseCaseDocument, kinds: ReadonlyArray<DatasetSensitivity>) => doc.datasets.some((d) => d.sensitivities.some((s) => kinds.includes(s)))
const involvesPersonalData = (doc: UseCaseDocument) => doc.hasPii === true || holds(doc, PERSONAL_KINDS)
/** Someone other than CMS runs the model or holds the data it reads (cloud, vendor API, contractor data centre). */
const hostedOutsideCms = (doc: UseCaseDocument) => doc.hosting !== undefined && doc.hosting !== 'CMS_DATA_CENTER'
const vendorInvolved = (doc: UseCaseDocument) => involvesVendor(doc) || hostedOutsideCms(doc) || doc.vendorNames.length > 0
const informsBenefitDecisions = (doc: UseCaseDocument) =>
	doc.informedDecisions.some((d) => d === 'ELIGIBILITY_ENROLLMENT' || d === 'FRAUD_IMPROPER_PAYMENT' || d === 'COVERAGE_PAYMENT')
const safeguard = (appliesWhen: Rule['appliesWhen']): Rule => submitter(undefined, appliesWhen, never, '')

export const fieldRules: Record<FieldPath, Rule> = {
	trackingId: {
		appliesWhen: always,
		requiredWhen: always,
		answeredBy: 'TRACKER',
		ombColumn: 'id',
		message: 'The use case has no tracking id yet; the tracker allocates one when the draft is saved.',
	},
	name: submitter('use_case_name', always, always, 'Give the use case a name.'),
	orgUnit: submitter('agency_bureau', always, always, 'Choose the org unit responsible for it.'),
	contactEmail: submitter('contact_email', always, always, 'Enter the contact e-mail for the inventory.'),
	isWithheld: submitter('is_withheld', always, always, 'Say whether it should be withheld from the public inventory.'),
	stage: submitter('development_stage', always, always, 'Choose the stage of development.'),
	'highImpact.determination': {
		appliesWhen: always,
		requiredWhen: always,
		answeredBy: 'GOVERNANCE_LEAD',
		ombColumn: 'is_high_impact',
		message: 'Record whether the use case is high-impact under M-25-21 §5.',
	},
	'highImpact.justification': {
		appliesWhen: (doc) => doc.highImpact.determination === 'PRESUMED_NOT_HIGH_IMPACT',
		requiredWhen: always,
		answeredBy: 'GOVERNANCE_LEAD',
		ombColumn: 'HI_justification',
		message: 'Explain why this presumed high-impact use case is not high-impact.',
	},
	topicArea: submitter('topic_area', always, isActive, 'Choose the topic area.'),
	// A system screened out as rule-based only (not AI) has no AI classification to give.
	classification: submitter(
		'classification',
		always,
		(doc) => isActive(doc) && doc.aiScreen.ruleBasedOnly !== true,
		'Choose the AI classification closest to it.',
	),
	problemSolved: submitter('problem_solved', always, isActive, 'Describe the problem the AI is meant to solve.'),
	benefits: submitter('benefits', always, isActive, 'Describe the expected benefits for the mission or the public.'),
	systemOutputs: submitter('system_outputs', always, isActive, 'Describe what the AI outputs.'),
	operationalDate: submitter(
		'operational_date',
		isPilotOrDeployed,
		always,
		'Enter the date it became operational (or the pilot’s start date).',
	),
	contractingUsage: submitter(
		'contracting_usage',
		always,
		isPilotOrDeployed,
		'Say whether it was purchased, built in-house, or both.',
	),
	vendorNames: submitter('vendor_name', involvesVendor, isPilotOrDeployed, 'Name the vendor or vendors.'),
	hasAto: submitter(
		'have_ato',
		always,
		isPilotOrDeployed,
		'Say whether it has (or is part of a system with) an Authorization to Operate.',
	),
	atoSystemName: submitter('system_name_ato', (doc) => doc.hasAto === true, isPilotOrDeployed, 'Name the system in the ATO.'),
	dataDescription: submitter(
		'data_description',
		always,
		isPilotOrDeployed,
		'Describe the data used to train, fine-tune or evaluate it.',
	),
	linkToData: submitter('link_to_data', always, never, ''),
	hasPii: submitter('has_pii', always, isPilotOrDeployed, 'Say whether it involves PII the agency maintains.'),
	piaUrl: submitter('pia_url', (doc) => doc.hasPii === true, never, ''),
	demographicFeatures: submitter(
		'demographic_features',
		always,
		isPilotOrDeployed,
		'Choose the demographic features the model uses, or “None of the above”.',
	),
	hasCustomCode: submitter(
		'has_custom_code',
		always,
		isPilotOrDeployed,
		'Say whether the project includes custom-developed code.',
	),
	codeUrl: submitter('code_url', (doc) => doc.hasCustomCode === true, never, ''),
	decisionRole: submitter(undefined, always, isActive, 'Say what role the AI plays in decisions.'),
	affectedParties: submitter(undefined, always, isActive, 'Choose whose outcomes it affects.'),
	informedDecisions: submitter(undefined, always, isActive, 'Choose the decisions it informs, or “None of these”.'),
	publicFacing: submitter(undefined, always, isActive, 'Say whether the public interacts with it directly.'),
	generativeAi: submitter(undefined, always, isActive, 'Say whether it uses generative AI or a large language model.'),
	hosting: submitter(undefined, always, isActive, 'Say where it runs.'),
	// The AI-definition screen is asked of every case, but an unanswered screen is the ai-definition
	// check's finding, not a reason to refuse the submission.
	'aiScreen.ruleBasedOnly': submitter(undefined, always, never, ''),
	'aiScreen.notAiRationale': submitter(undefined, (doc) => doc.aiScreen.ruleBasedOnly === true, never, ''),
	'highImpact.principalBasisRationale': submitter(
		undefined,
		(doc) => (doc.decisionRole === 'ASSISTIVE' || doc.decisionRole === 'PRINCIPAL_BASIS') && doc.informedDecisions.some((d) => d !== 'NONE'),
		never,
		'',
	),
	'safeguards.piaCompleted': safeguard(involvesPersonalData),
	'safeguards.retrievedByPersonalIdentifier': safeguard(involvesPersonalData),
	'safeguards.sornNumber': safeguard((doc) => doc.safeguards.retrievedByPersonalIdentifier === true),
	'safeguards.computerMatching': safeguard((doc) => involvesPersonalData(doc) && informsBenefitDecisions(doc)),
	'safeguards.businessAssociateAgreement': safeguard((doc) => holds(doc, ['PHI', 'PART2']) && vendorInvolved(doc)),
	'safeguards.part2ConsentBasis': safeguard((doc) => holds(doc, ['PART2'])),
	'safeguards.sudRecordsExcluded': safeguard((doc) => !holds(doc, ['PART2']) && doc.datasets.some((d) => SUD_PRONE.includes(d.category))),
	'safeguards.fedrampAuthorized': safeguard((doc) => doc.hosting === 'FEDRAMP_CLOUD' || doc.hosting === 'VENDOR_API'),
	'safeguards.generativeOutputsReviewed': safeguard((doc) => doc.generativeAi === true),
	'safeguards.generativeAiPolicyAcknowledged': safeguard((doc) => doc.generativeAi === true),
	'safeguards.generativeToolApproved': safeguard((doc) => doc.generativeAi === true && hostedOutsideCms(doc)),
	'safeguards.publicFeedbackChannel': safeguard((doc) => doc.publicFacing === true),
	'safeguards.codeSharingDecision': safeguard((doc) => doc.hasCustomCode === true),
	'safeguards.vendorAiContractTerms': safeguard(vendorInvolved),
	'practices.testing': practice('hi_testing_conducted', 'Say whether pre-deployment testing was done (§4(b)(i)).'),
	'practices.impactAssessment': practice(
		'hi_assessment_completed',
		'Say whether an AI impact assessment was completed (§4(b)(ii)).',
	),
	'practices.potentialImpacts': practice(
		'hi_potential_impacts',
		'Describe the potential impacts, including on privacy, civil rights and civil liberties.',
	),
	// Derived from who actually reviewed the case (its approved review lanes), not asked.
	'practices.independentReview': {
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		answeredBy: 'TRACKER',
		ombColumn: 'hi_independent_review',
		message: 'No independent review is on record yet: it is recorded when a reviewer independent of the case approves a review lane.',
	},
	'practices.monitoring': practice('hi_ongoing_monitoring', 'Say whether ongoing monitoring is in place (§4(b)(iii)).'),
	'practices.training': practice('hi_training_established', 'Say whether operators are trained (§4(b)(iv)).'),
	'practices.failsafe': practice('hi_failsafe_presence', 'Say whether there is a fail-safe (§4(b)(v)).'),
	'practices.appeal': practice('hi_appeal_process', 'Say whether there is an appeal process (§4(b)(vi)).'),
	'practices.publicConsultation': practice(
		'hi_public_consultation',
		'Say how end users and the public were consulted (§4(b)(vii)).',
	),
}

export const fieldPaths = Object.keys(fieldRules) as Array<FieldPath>

function valueAt(doc: UseCaseDocument, path: FieldPath): unknown {
	const [group, key] = path.split('.') as [string, string | undefined]
	if (key === undefined) return doc[group as keyof UseCaseDocument]
	const answers = doc[group as 'highImpact' | 'practices' | 'aiScreen' | 'safeguards'] as Record<string, unknown>
	return answers[key]
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

const isRequired = (doc: UseCaseDocument, path: FieldPath) =>
	fieldRules[path].appliesWhen(doc) && fieldRules[path].requiredWhen(doc)

/** The questions the submitter must answer before submission, for this stage and these answers. */
export function requiredFields(doc: UseCaseDocument): Array<FieldPath> {
	return fieldPaths.filter((path) => fieldRules[path].answeredBy === 'SUBMITTER' && isRequired(doc, path))
}

/** Exactly the OMB 2025 columns the dictionary's "Required" column demands for this case, by field path. */
export function ombRequiredFields(doc: UseCaseDocument): Array<FieldPath> {
	return fieldPaths.filter((path) => fieldRules[path].ombColumn !== undefined && isRequired(doc, path))
}

/** Submission questions still unanswered. */
export function missingRequiredFields(doc: UseCaseDocument): Array<FieldPath> {
	return requiredFields(doc).filter((path) => !isAnswered(valueAt(doc, path)))
}

/** OMB inventory columns still unanswered, whoever has to answer them. */
export function missingOmbFields(doc: UseCaseDocument): Array<FieldPath> {
	return ombRequiredFields(doc).filter((path) => !isAnswered(valueAt(doc, path)))
}

export type SubmissionCheck = { ok: boolean; fieldErrors: Record<string, Array<string>> }

// Records about individuals, worded as a reviewer would name them; the most protected kind first.
const personalData: ReadonlyArray<[DatasetSensitivity, string]> = [
	['PART2', 'Part 2 substance-use records'],
	['PHI', 'PHI'],
	['FTI', 'federal tax information'],
	['PII', 'PII'],
]

function personalDataIn(dataset: UseCaseDocument['datasets'][number]) {
	return personalData.find(([kind]) => dataset.sensitivities.includes(kind))?.[1] ?? null
}

function addError(fieldErrors: Record<string, Array<string>>, path: string, message: string) {
	;(fieldErrors[path] ??= []).push(message)
}

/** Answers that contradict each other, whatever the stage: OMB's export would carry the contradiction. */
function contradictions(doc: UseCaseDocument, fieldErrors: Record<string, Array<string>>) {
	if (doc.informedDecisions.includes('NONE') && doc.informedDecisions.length > 1) {
		addError(fieldErrors, 'informedDecisions', '“None of these” cannot be combined with other decisions.')
	}
	if (doc.demographicFeatures.includes('NONE_OF_THE_ABOVE') && doc.demographicFeatures.length > 1) {
		addError(fieldErrors, 'demographicFeatures', '“None of the above” cannot be combined with other features.')
	}
	if (doc.affectedParties.includes('INTERNAL_ONLY') && doc.affectedParties.length > 1) {
		addError(fieldErrors, 'affectedParties', '“Internal operations only” cannot be combined with people it affects.')
	}
	if (doc.decisionRole === 'NONE' && doc.informedDecisions.some((decision) => decision !== 'NONE')) {
		addError(
			fieldErrors,
			'decisionRole',
			'It is said to inform no decisions, yet decisions it informs are chosen: correct one of the two answers.',
		)
	}
	if (doc.hasPii === false) {
		const holding = doc.datasets.filter((dataset) => personalDataIn(dataset) !== null).map((dataset) => dataset.name)
		if (holding.length > 0) {
			addError(
				fieldErrors,
				'hasPii',
				`It is said to involve no PII, but ${holding.join(' and ')} ${holding.length === 1 ? 'holds' : 'hold'} records about individuals: answer Yes.`,
			)
		}
	}
}

/** Everything that stops a submission, as messages keyed by field path (datasets as `datasets.N.…`). */
export function validateForSubmission(doc: UseCaseDocument): SubmissionCheck {
	const fieldErrors: Record<string, Array<string>> = {}
	for (const path of missingRequiredFields(doc)) addError(fieldErrors, path, fieldRules[path].message)

	if (isPilotOrDeployed(doc) && doc.datasets.length === 0) {
		addError(fieldErrors, 'datasets', 'Link the datasets it uses from the catalogue.')
	}
	// HIPAA's minimum-necessary standard (45 CFR 164.502(b)), applied by CMS to every kind of record
	// about individuals, not only PHI. A retired case no longer uses its data, so it owes no justification.
	if (doc.stage !== 'RETIRED') doc.datasets.forEach((dataset, index) => {
		const kind = personalDataIn(dataset)
		if (kind !== null && !isAnswered(dataset.minimumNecessaryJustification)) {
			addError(
				fieldErrors,
				`datasets.${index}.minimumNecessaryJustification`,
				`${dataset.name} holds ${kind}: explain why the use case needs it (minimum necessary).`,
			)
		}
	})
	contradictions(doc, fieldErrors)
	return { ok: Object.keys(fieldErrors).length === 0, fieldErrors }
}

/**
 * Whether the case can go into OMB's annual inventory as it stands: every column OMB requires for
 * its stage, including the tracking id and the governance lead's high-impact determination, and no
 * contradictory answers.
 */
export function validateForInventory(doc: UseCaseDocument): SubmissionCheck {
	const fieldErrors: Record<string, Array<string>> = {}
	for (const path of missingOmbFields(doc)) addError(fieldErrors, path, fieldRules[path].message)
	contradictions(doc, fieldErrors)
	return { ok: Object.keys(fieldErrors).length === 0, fieldErrors }
}
