// The registry of the questions a use case answers: one entry per question, with its words, its kind
// and choices (OMB's selections and codes), where it is stored, its OMB 2025 column, when it is asked
// and when it must be answered (following the "Required" column of OMB's dictionary stage by stage,
// plus the answers the tracker's checks need), and the section of the intake form it sits in. The
// document schema, the form, the form's sections, the labels people read and docs/use-case-json.md
// all follow from it. Pure: the form, the server, the checks and the export share it.
import { SORN_PATTERN } from '#app/modules/datasets/schemas.ts'
import {
	answerText,
	ask,
	type Condition,
	isAnswered,
	kinds,
	type Question,
	type QuestionRegistry,
	valueAt,
	when,
} from './question-kinds.ts'
import type { UseCaseDocument } from './use-case-document.ts'
import {
	affectedPartyLabels,
	appealChoices,
	classificationChoices,
	codeSharingDecisionLabels,
	contractingChoices,
	cotsCommonTaskLabels,
	type DatasetSensitivity,
	contactRoleLabels,
	type ContactRole,
	datasetUsageLabels,
	type DatasetUsage,
	decisionRoleLabels,
	demographicFeatureChoices,
	failsafeChoices,
	highImpactChoices,
	hostingLabels,
	independentReviewChoices,
	informedDecisionLabels,
	type MinimumPractice,
	minimumPractices,
	monitoringChoices,
	part2ConsentBasisLabels,
	practiceProgressChoices,
	publicConsultationChoices,
	stageChoices,
	topicAreaChoices,
	trainingChoices,
	withholdingChoices,
} from './vocabulary.ts'

export const TRACKING_ID_PATTERN = /^CMS-\d{4}-\d{4,}$/
/** The ATO system names of one use case, several of them as OMB allows. */
export const MAX_SYSTEM_NAMES_LENGTH = 1_000

// ── When questions apply and when they are required ──

const always: Condition = when('always', () => true)
const never: Condition = when('never', () => false)
const isActive: Condition = when(
	'pre-deployment, pilot, deployed',
	(doc) => doc.stage === 'PRE_DEPLOYMENT' || doc.stage === 'PILOT' || doc.stage === 'DEPLOYED',
)
const isPilotOrDeployed: Condition = when(
	'pilot, deployed',
	(doc) => doc.stage === 'PILOT' || doc.stage === 'DEPLOYED',
)
// OMB asks for the vendor only of pilots and deployed cases; the tracker shows it as soon as a vendor
// is involved, because the BAA, FedRAMP and contract-terms checks need it during acquisition too.
const involvesVendor: Condition = when(
	'`contractingUsage` is `PURCHASED` or `CONTRACT_AND_IN_HOUSE`',
	(doc) => doc.contractingUsage === 'PURCHASED' || doc.contractingUsage === 'CONTRACT_AND_IN_HOUSE',
)
const isPurchased: Condition = when(
	'`contractingUsage` is `PURCHASED`',
	(doc) => doc.contractingUsage === 'PURCHASED',
)
/** OMB asks the hi_* questions only of high-impact use cases that are deployed. */
export const asksMinimumPractices: Condition = when(
	'`highImpact.determination` is `HIGH_IMPACT` and `stage` is `DEPLOYED`',
	(doc) => doc.highImpact.determination === 'HIGH_IMPACT' && doc.stage === 'DEPLOYED',
)
const presumedButNot: Condition = when(
	'`highImpact.determination` is `PRESUMED_NOT_HIGH_IMPACT`',
	(doc) => doc.highImpact.determination === 'PRESUMED_NOT_HIGH_IMPACT',
)
const hasAto: Condition = when('`hasAto` is `true`', (doc) => doc.hasAto === true)
const hasPii: Condition = when('`hasPii` is `true`', (doc) => doc.hasPii === true)
const hasCustomCode: Condition = when(
	'`hasCustomCode` is `true`',
	(doc) => doc.hasCustomCode === true,
)
const ruleBasedOnly: Condition = when(
	'`aiScreen.ruleBasedOnly` is `true`',
	(doc) => doc.aiScreen.ruleBasedOnly === true,
)
const informsDecisions: Condition = when(
	'`decisionRole` is `ASSISTIVE` or `PRINCIPAL_BASIS` and it informs a decision',
	(doc) =>
		(doc.decisionRole === 'ASSISTIVE' || doc.decisionRole === 'PRINCIPAL_BASIS') &&
		doc.informedDecisions.some((d) => d !== 'NONE'),
)

// The safeguards a privacy, security or legal reviewer asks about, shown when the case's answers make
// them relevant. None blocks a submission: an unanswered safeguard is the matching check's finding.
const PERSONAL_KINDS: ReadonlyArray<DatasetSensitivity> = ['PII', 'PHI', 'PART2', 'FTI']
const SUD_PRONE = ['MEDICARE_CLAIMS', 'MEDICAID_CHIP_CLAIMS', 'MEDICAL_RECORDS_CLINICAL']
const holds = (doc: UseCaseDocument, kinds: ReadonlyArray<DatasetSensitivity>) =>
	doc.datasets.some((d) => d.sensitivities.some((s) => kinds.includes(s)))
const involvesPersonalData: Condition = when(
	'`hasPii` is `true` or a dataset holds PII, PHI, Part 2 records or FTI',
	(doc) => doc.hasPii === true || holds(doc, PERSONAL_KINDS),
)
/** Someone other than CMS runs the model or holds the data it reads (cloud, vendor API, contractor data centre). */
const hostedOutsideCms = (doc: UseCaseDocument) =>
	doc.hosting !== undefined && doc.hosting !== 'CMS_DATA_CENTER'
const vendorInvolved: Condition = when(
	'a vendor is involved (sourcing, hosting outside CMS or vendor names)',
	(doc) => involvesVendor(doc) || hostedOutsideCms(doc) || doc.vendorNames.length > 0,
)
const matchesForBenefits: Condition = when(
	'personal data informs eligibility, coverage, payment or fraud decisions',
	(doc) =>
		involvesPersonalData(doc) &&
		doc.informedDecisions.some(
			(d) =>
				d === 'ELIGIBILITY_ENROLLMENT' ||
				d === 'FRAUD_IMPROPER_PAYMENT' ||
				d === 'COVERAGE_PAYMENT',
		),
)
const retrievedByIdentifier: Condition = when(
	'`safeguards.retrievedByPersonalIdentifier` is `true`',
	(doc) => doc.safeguards.retrievedByPersonalIdentifier === true,
)
const holdsPhi: Condition = when('a dataset holds PHI or Part 2 records', (doc) =>
	holds(doc, ['PHI', 'PART2']),
)
const phiWithVendor: Condition = when(
	'a dataset holds PHI or Part 2 records and a vendor is involved',
	(doc) => holdsPhi(doc) && vendorInvolved(doc),
)
const holdsPart2: Condition = when('a dataset holds Part 2 records', (doc) => holds(doc, ['PART2']))
// The Privacy Act binds a contractor through its contract (552a(m)) when it handles records of a
// system of records: records retrieved by identifier, or a dataset published with a SORN.
const systemOfRecordsWithVendor: Condition = when(
	'records come from a system of records (retrieved by identifier, or a dataset with a SORN) and a vendor is involved',
	(doc) =>
		(doc.safeguards.retrievedByPersonalIdentifier === true ||
			doc.datasets.some((d) => d.sornNumber !== undefined)) &&
		vendorInvolved(doc),
)
const dataUseAgreementWithVendor: Condition = when(
	'a dataset requires a data use agreement and a vendor is involved',
	(doc) => doc.datasets.some((d) => d.dataUseAgreementRequired) && vendorInvolved(doc),
)
// M-25-21 §2(b) asks for the assessment before any sharing or release: public, within the government,
// or a published code link with no decision recorded.
const sharesModelTrainedOnPersonalData: Condition = when(
	'the custom code is shared (`safeguards.codeSharingDecision` is `SHARED_PUBLICLY` or `SHARED_GOVERNMENT`, or `codeUrl` is given with no decision) and a dataset with PII, PHI, Part 2 records or FTI is used for training',
	(doc) =>
		hasCustomCode(doc) &&
		(doc.safeguards.codeSharingDecision === 'SHARED_PUBLICLY' ||
			doc.safeguards.codeSharingDecision === 'SHARED_GOVERNMENT' ||
			(doc.safeguards.codeSharingDecision === undefined && isAnswered(doc.codeUrl))) &&
		doc.datasets.some(
			(d) =>
				d.usage.includes('TRAINING') && d.sensitivities.some((s) => PERSONAL_KINDS.includes(s)),
		),
)
const decidesAboutPeopleWithPersonalData: Condition = when(
	'personal data and the output is the principal basis for, or makes, decisions about people',
	(doc) =>
		involvesPersonalData(doc) &&
		(doc.decisionRole === 'PRINCIPAL_BASIS' || doc.decisionRole === 'FULLY_AUTOMATED') &&
		doc.informedDecisions.some((d) => d !== 'NONE'),
)
const sudProne: Condition = when(
	'claims or clinical datasets without Part 2 records are linked',
	(doc) => !holds(doc, ['PART2']) && doc.datasets.some((d) => SUD_PRONE.includes(d.category)),
)
const cloudOrVendorApi: Condition = when(
	'`hosting` is `FEDRAMP_CLOUD` or `VENDOR_API`',
	(doc) => doc.hosting === 'FEDRAMP_CLOUD' || doc.hosting === 'VENDOR_API',
)
const generative: Condition = when('`generativeAi` is `true`', (doc) => doc.generativeAi === true)
const generativeHostedOutsideCms: Condition = when(
	'`generativeAi` is `true` and `hosting` is set and not `CMS_DATA_CENTER`',
	(doc) => doc.generativeAi === true && hostedOutsideCms(doc),
)
const activeAndNotRuleBased: Condition = when(
	'pre-deployment, pilot, deployed, unless `aiScreen.ruleBasedOnly` is `true`',
	(doc) => isActive(doc) && doc.aiScreen.ruleBasedOnly !== true,
)
const publicFacing: Condition = when('`publicFacing` is `true`', (doc) => doc.publicFacing === true)
// The Paperwork Reduction Act attaches to information collected from the public (surveys, forms).
const publicSurveys: Condition = when(
	'`publicFacing` is `true` and `safeguards.publicSurveysOrForms` is `true`',
	(doc) => doc.publicFacing === true && doc.safeguards.publicSurveysOrForms === true,
)
/** People, not organizations or CMS itself: whom an appeal or a fail-safe protects (M-25-21 §4(b)(v)–(vi)). */
export const affectsIndividuals = (doc: UseCaseDocument) =>
	doc.affectedParties.some(
		(party) =>
			party === 'BENEFICIARIES' ||
			party === 'PROVIDERS' ||
			party === 'EMPLOYEES' ||
			party === 'PUBLIC',
	)
const failsafeNotApplicableToIndividuals: Condition = when(
	'`practices.failsafe` is `NOT_APPLICABLE` and `affectedParties` names people (beneficiaries, providers, employees or the public)',
	(doc) => doc.practices.failsafe === 'NOT_APPLICABLE' && affectsIndividuals(doc),
)
const appealNotApplicableToIndividuals: Condition = when(
	'`practices.appeal` is `NOT_APPLICABLE` and `affectedParties` names people (beneficiaries, providers, employees or the public)',
	(doc) => doc.practices.appeal === 'NOT_APPLICABLE' && affectsIndividuals(doc),
)

// ── The intake form's sections, in the order the task list shows them ──

export const formSections = {
	about: {
		title: 'About the use case',
		summary: 'What it is, who is responsible for it, and how far along it is.',
	},
	decisions: {
		title: 'Decisions and people affected',
		summary:
			'What it informs and whose outcomes it touches: this decides whether it is presumed high-impact.',
	},
	technology: {
		title: 'Technology and sourcing',
		summary:
			'What kind of AI it is, where it runs, who supplies it, and its authorization to operate.',
	},
	data: {
		title: 'Data',
		summary: 'The data it learns from and works on, with the datasets from the catalogue.',
	},
	safeguards: {
		title: 'Safeguards',
		summary:
			'What privacy, security and legal reviewers ask, for the data and technology it involves.',
	},
	practices: {
		title: 'Minimum practices',
		summary: 'The seven practices M-25-21 §4(b) requires of high-impact AI in use.',
	},
	reporting: {
		title: 'Public reporting',
		summary: 'Whether it may appear in CMS’s public AI inventory.',
	},
} as const
export type FormSectionId = keyof typeof formSections

const PRACTICE_WAIVER_HINT =
	'A CAIO waiver is recorded by the Chief AI Officer’s office; choose it only when one is on record for this practice.'

/** The questions, in the order of OMB's 2025 inventory columns, then the tracker's own. */
export const questions = {
	trackingId: ask(kinds.trackingId(TRACKING_ID_PATTERN), {
		label: 'Tracking id',
		name: 'Tracking id',
		answeredBy: 'TRACKER',
		storage: { column: 'trackingId' },
		ombColumn: 'id',
		appliesWhen: always,
		requiredWhen: always,
		message:
			'The use case has no tracking id yet; the tracker allocates one when the draft is saved.',
	}),
	name: ask(kinds.name(), {
		label: 'Use case name',
		name: 'Name',
		hint: 'A plain-language title people will recognise, such as “Hospice claims outlier finder”. OMB publishes it in the inventory.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'name' },
		ombColumn: 'use_case_name',
		appliesWhen: always,
		requiredWhen: always,
		message: 'Give the use case a name.',
	}),
	orgUnit: ask(kinds.orgUnit(), {
		label: 'Responsible org unit (Bureau/Component)',
		name: 'Org unit',
		hint: 'The CMS center or office responsible for it; OMB reports it as the bureau or component.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: 'record',
		ombColumn: 'agency_bureau',
		appliesWhen: always,
		requiredWhen: always,
		message: 'Choose the org unit responsible for it.',
	}),
	contactEmail: ask(kinds.email(), {
		label: 'Contact e-mail for the inventory',
		name: 'Contact e-mail',
		hint: 'The person or team who works with it or answers for it. The public inventory shows a public inbox instead.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'contactEmail' },
		ombColumn: 'contact_email',
		appliesWhen: always,
		requiredWhen: always,
		message: 'Enter the contact e-mail for the inventory.',
	}),
	isWithheld: ask(kinds.oneOf(withholdingChoices), {
		label: 'Should it be withheld from the public inventory?',
		name: 'Withheld from the public inventory',
		hint: 'Only where law or a FOIA-protected interest requires it; “not public-facing” is not a reason.',
		answeredBy: 'SUBMITTER',
		section: 'reporting',
		storage: { column: 'isWithheld' },
		ombColumn: 'is_withheld',
		appliesWhen: always,
		requiredWhen: always,
		message: 'Say whether it should be withheld from the public inventory.',
	}),
	stage: ask(kinds.oneOf(stageChoices), {
		label: 'Stage of development',
		name: 'Stage',
		hint: 'Pre-deployment: being developed or acquired. Pilot: in limited use or testing. Deployed: used in CMS’s work. Retired: in last year’s inventory, since discontinued. The stage decides which questions OMB requires.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'stage' },
		ombColumn: 'development_stage',
		appliesWhen: always,
		requiredWhen: always,
		message: 'Choose the stage of development.',
	}),
	'highImpact.determination': ask(kinds.oneOf(highImpactChoices), {
		label: 'Is the use case high-impact?',
		name: 'High-impact determination',
		hint: 'Recorded by the Chief AI Officer’s office under M-25-21 §5 and §6.',
		answeredBy: 'GOVERNANCE_LEAD',
		storage: { column: 'highImpactDetermination' },
		ombColumn: 'is_high_impact',
		appliesWhen: always,
		requiredWhen: always,
		message: 'Record whether the use case is high-impact under M-25-21 §5.',
	}),
	'highImpact.justification': ask(kinds.longText(), {
		label: 'Why is this presumed high-impact use case not high-impact?',
		name: 'Justification for “not high-impact”',
		answeredBy: 'GOVERNANCE_LEAD',
		storage: 'answers',
		ombColumn: 'HI_justification',
		appliesWhen: presumedButNot,
		requiredWhen: always,
		message: 'Explain why this presumed high-impact use case is not high-impact.',
	}),
	topicArea: ask(kinds.oneOf(topicAreaChoices), {
		label: 'Topic area',
		name: 'Topic area',
		hint: 'The area of CMS’s work it most closely serves.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'topicArea' },
		ombColumn: 'topic_area',
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Choose the topic area.',
	}),
	classification: ask(kinds.oneOf(classificationChoices), {
		label: 'AI classification (closest)',
		name: 'AI classification',
		hint: 'It may combine several kinds of AI; choose the one it relies on most.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'classification' },
		ombColumn: 'classification',
		appliesWhen: always,
		// A system screened out as rule-based only (not AI) has no AI classification to give.
		requiredWhen: activeAndNotRuleBased,
		message: 'Choose the AI classification closest to it.',
	}),
	problemSolved: ask(kinds.longText(), {
		label: 'What problem is the AI intended to solve?',
		name: 'Problem it solves',
		hint: 'The problem in CMS’s work, in the words of the people who have it.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'problemSolved' },
		ombColumn: 'problem_solved',
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Describe the problem the AI is meant to solve.',
	}),
	benefits: ask(kinds.longText(), {
		label: 'Expected benefits for the mission or the public',
		name: 'Expected benefits',
		hint: 'For example cost savings, shorter waits for beneficiaries, or better access to benefits. EO 14179 asks every use to show its benefit.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'benefits' },
		ombColumn: 'benefits',
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Describe the expected benefits for the mission or the public.',
	}),
	systemOutputs: ask(kinds.longText(), {
		label: 'What does the AI output?',
		name: 'Outputs',
		hint: 'A prediction, a recommendation, a decision, a draft text…',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: { column: 'systemOutputs' },
		ombColumn: 'system_outputs',
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Describe what the AI outputs.',
	}),
	operationalDate: ask(kinds.date(), {
		label: 'Date it became operational (or the pilot’s start date)',
		name: 'Operational date',
		hint: 'As precise as you know it: a day such as 7/14/2025, a month such as July 2025, or a year.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: 'answers',
		ombColumn: 'operational_date',
		appliesWhen: isPilotOrDeployed,
		requiredWhen: always,
		message: 'Enter the date it became operational (or the pilot’s start date).',
	}),
	contractingUsage: ask(kinds.oneOf(contractingChoices), {
		label: 'Was it purchased, developed in-house, or both?',
		name: 'Sourcing',
		hint: 'Bought from a vendor, built by CMS staff, or built with contractors and staff together. Purchases follow OMB M-25-22’s acquisition terms.',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: { column: 'contractingUsage' },
		ombColumn: 'contracting_usage',
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Say whether it was purchased, built in-house, or both.',
	}),
	vendorNames: ask(kinds.list(), {
		label: 'Vendor name(s)',
		name: 'Vendors',
		hint: 'The vendors that develop or maintain it. Separate several vendors with a semicolon.',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: { column: 'vendorNames' },
		ombColumn: 'vendor_name',
		appliesWhen: involvesVendor,
		requiredWhen: isPilotOrDeployed,
		message: 'Name the vendor or vendors.',
	}),
	cotsTask: ask(kinds.oneOf(cotsCommonTaskLabels), {
		label: 'Is it one of OMB’s 20 common commercial tasks?',
		name: 'OMB common commercial task',
		hint: 'Such a use, when not high-impact, may be reported in OMB’s consolidated form.',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: 'answers',
		appliesWhen: isPurchased,
		requiredWhen: never,
		message: '',
	}),
	estimatedUsers: ask(kinds.text(60), {
		label: 'Estimated number of licences or users',
		name: 'Estimated licences or users',
		hint: 'For example 1,000–5,000.',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: 'answers',
		appliesWhen: isPurchased,
		requiredWhen: never,
		message: '',
	}),
	hasAto: ask(kinds.yesNo(), {
		label: 'Does it have an Authorization to Operate (ATO), itself or as part of another system?',
		name: 'Authorization to Operate',
		hint: 'The FISMA authorization of the AI itself, or of the system it is part of.',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: 'answers',
		ombColumn: 'have_ato',
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Say whether it has (or is part of a system with) an Authorization to Operate.',
	}),
	// OMB asks for "the system(s)": a use case may run on several authorised systems.
	atoSystemName: ask(kinds.text(MAX_SYSTEM_NAMES_LENGTH), {
		label: 'System name in the ATO',
		name: 'System name in the ATO',
		hint: 'As the ATO names it, for example “Integrated Data Repository (IDR)”; several systems separated by semicolons.',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: 'answers',
		ombColumn: 'system_name_ato',
		appliesWhen: hasAto,
		requiredWhen: isPilotOrDeployed,
		message: 'Name the system in the ATO.',
	}),
	dataDescription: ask(kinds.longText(), {
		label: 'Describe the data used to train, fine-tune or evaluate the model',
		name: 'Data description',
		hint: 'Where the data comes from (CMS, research, public, external or the vendor) and what it covers, in design, training, testing and operation.',
		answeredBy: 'SUBMITTER',
		section: 'data',
		storage: 'answers',
		ombColumn: 'data_description',
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Describe the data used to train, fine-tune or evaluate it.',
	}),
	linkToData: ask(kinds.url(), {
		label: 'Federal Data Catalog link, if the data is an open data asset',
		name: 'Federal Data Catalog link',
		hint: 'Only when the data must be published as an open government data asset.',
		answeredBy: 'SUBMITTER',
		section: 'data',
		storage: 'answers',
		ombColumn: 'link_to_data',
		appliesWhen: always,
		requiredWhen: never,
		message: '',
	}),
	hasPii: ask(kinds.yesNo(), {
		label: 'Does it involve PII that the agency maintains?',
		name: 'Involves PII',
		hint: 'Personally identifiable information as OMB Circular A-130 defines it: anything that identifies a person, alone or combined with other data.',
		answeredBy: 'SUBMITTER',
		section: 'data',
		storage: 'answers',
		ombColumn: 'has_pii',
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Say whether it involves PII the agency maintains.',
	}),
	piaUrl: ask(kinds.url(), {
		label: 'Link to the Privacy Impact Assessment, if public',
		name: 'PIA link',
		answeredBy: 'SUBMITTER',
		section: 'data',
		storage: 'answers',
		ombColumn: 'pia_url',
		appliesWhen: hasPii,
		requiredWhen: never,
		message: '',
	}),
	demographicFeatures: ask(kinds.manyOf(demographicFeatureChoices), {
		label: 'Which demographic variables does the model use as features?',
		name: 'Demographic features',
		hint: 'Only variables the model uses explicitly as features; choose “None of the above” when it uses none.',
		answeredBy: 'SUBMITTER',
		section: 'data',
		storage: 'answers',
		ombColumn: 'demographic_features',
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Choose the demographic features the model uses, or “None of the above”.',
	}),
	hasCustomCode: ask(kinds.yesNo(), {
		label: 'Does the project include custom-developed code?',
		name: 'Custom-developed code',
		hint: 'Code written for CMS, by staff or under contract, rather than a product used as sold (M-25-21 asks that it be shared where it can be).',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: 'answers',
		ombColumn: 'has_custom_code',
		appliesWhen: always,
		requiredWhen: isPilotOrDeployed,
		message: 'Say whether the project includes custom-developed code.',
	}),
	codeUrl: ask(kinds.url(), {
		label: 'Link to the public source code, if open source',
		name: 'Source code link',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: 'answers',
		ombColumn: 'code_url',
		appliesWhen: hasCustomCode,
		requiredWhen: never,
		message: '',
	}),
	decisionRole: ask(kinds.oneOf(decisionRoleLabels), {
		label: 'What role does the AI play in decisions?',
		name: 'Role in decisions',
		hint: 'M-25-21 §5 treats AI as high-impact when its output is a principal basis for decisions with a legal, material or significant effect on people.',
		answeredBy: 'SUBMITTER',
		section: 'decisions',
		storage: { column: 'decisionRole' },
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Say what role the AI plays in decisions.',
	}),
	affectedParties: ask(kinds.manyOf(affectedPartyLabels), {
		label: 'Whose outcomes does it affect?',
		name: 'Whose outcomes it affects',
		answeredBy: 'SUBMITTER',
		section: 'decisions',
		storage: 'answers',
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Choose whose outcomes it affects.',
	}),
	informedDecisions: ask(kinds.manyOf(informedDecisionLabels), {
		label: 'Which decisions does it inform?',
		name: 'Decisions it informs',
		hint: 'Uses that inform eligibility, coverage, payment, fraud, identity or care decisions are presumed high-impact (M-25-21 §6).',
		answeredBy: 'SUBMITTER',
		section: 'decisions',
		storage: 'answers',
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Choose the decisions it informs, or “None of these”.',
	}),
	publicFacing: ask(kinds.yesNo(), {
		label: 'Does the public interact with it directly?',
		name: 'Public-facing',
		hint: 'People outside CMS use it themselves, or it gives them information.',
		answeredBy: 'SUBMITTER',
		section: 'decisions',
		storage: { column: 'publicFacing' },
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Say whether the public interacts with it directly.',
	}),
	generativeAi: ask(kinds.yesNo(), {
		label: 'Does it use generative AI or a large language model?',
		name: 'Generative AI',
		hint: 'AI that writes text or code, or makes images or audio. CMS’s generative-AI policy adds safeguards (M-25-21 §3(b)(iv)).',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: { column: 'generativeAi' },
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Say whether it uses generative AI or a large language model.',
	}),
	hosting: ask(kinds.oneOf(hostingLabels), {
		label: 'Where does it run?',
		name: 'Hosting',
		hint: 'A cloud service or a vendor’s model API needs a FedRAMP authorization.',
		answeredBy: 'SUBMITTER',
		section: 'technology',
		storage: { column: 'hosting' },
		appliesWhen: always,
		requiredWhen: isActive,
		message: 'Say where it runs.',
	}),
	// The AI-definition screen is asked of every case, but an unanswered screen is the ai-definition
	// check's finding, not a reason to refuse the submission.
	'aiScreen.ruleBasedOnly': ask(kinds.yesNo(), {
		label:
			'Does it only follow fixed rules or robotic process automation, learning nothing from data?',
		name: 'Rule-based only (not AI)',
		hint: 'Rule-based automation is not AI under NAIIA §5002(3) and M-25-21 §5; the checks will ask you to record why.',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: 'answers',
		appliesWhen: always,
		requiredWhen: never,
		message: '',
	}),
	'aiScreen.notAiRationale': ask(kinds.longText(), {
		label: 'Why is it not AI?',
		name: 'Why it is not AI',
		hint: 'Describe the fixed rules it follows; the governance lead confirms it falls outside NAIIA §5002(3).',
		answeredBy: 'SUBMITTER',
		section: 'about',
		storage: 'answers',
		appliesWhen: ruleBasedOnly,
		requiredWhen: never,
		message: '',
	}),
	'highImpact.principalBasisRationale': ask(kinds.longText(), {
		label: 'Why is its output, or is it not, a principal basis for those decisions?',
		name: 'Principal-basis rationale',
		hint: 'M-25-21 §4(a): say who decides, what else they weigh, and whether they can and do depart from the AI’s output.',
		answeredBy: 'SUBMITTER',
		section: 'decisions',
		storage: 'answers',
		appliesWhen: informsDecisions,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.piaCompleted': ask(kinds.yesNo(), {
		label: 'Is a Privacy Impact Assessment completed for it (E-Government Act §208)?',
		name: 'Privacy Impact Assessment completed',
		hint: 'A PIA must cover the AI functionality before it handles personal information.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: involvesPersonalData,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.retrievedByPersonalIdentifier': ask(kinds.yesNo(), {
		label: 'Are records about individuals retrieved by name or another personal identifier?',
		name: 'Records retrieved by personal identifier',
		hint: 'If so, a Privacy Act system of records notice (SORN) must cover them.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: involvesPersonalData,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.sornNumber': ask(
		kinds.text(40, { regex: SORN_PATTERN, message: 'A SORN number looks like 09-70-0558.' }),
		{
			label: 'SORN number that covers the records',
			name: 'SORN number',
			hint: 'For example 09-70-0558.',
			answeredBy: 'SUBMITTER',
			section: 'safeguards',
			storage: 'answers',
			appliesWhen: retrievedByIdentifier,
			requiredWhen: never,
			message: '',
		},
	),
	'safeguards.computerMatching': ask(kinds.yesNo(), {
		label: 'Are records matched with another agency’s to decide eligibility or recover payments?',
		name: 'Computer matching',
		hint: 'That is a Privacy Act computer matching program, which needs a matching agreement.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: matchesForBenefits,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.privacyActContractClauses': ask(kinds.yesNo(), {
		label: 'Does the vendor’s contract apply the Privacy Act to it (FAR 52.224-1 and 52.224-2)?',
		name: 'Privacy Act clauses in the contract',
		hint: 'A contractor that runs the system or holds its records for CMS is bound by the Privacy Act only through its contract (5 U.S.C. 552a(m)).',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: systemOfRecordsWithVendor,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.decisionRecordsAccurate': ask(kinds.yesNo(), {
		label:
			'Are the records behind its decisions checked to be accurate, relevant, timely and complete enough to be fair to the people decided about?',
		name: 'Records accurate enough for decisions',
		hint: 'Privacy Act (e)(5) and (e)(1): only the records relevant and necessary, kept accurate enough for a fair decision. Say how in the data description or the impact assessment.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: decidesAboutPeopleWithPersonalData,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.businessAssociateAgreement': ask(kinds.yesNo(), {
		label: 'Does a HIPAA business associate agreement cover the vendor’s access to PHI?',
		name: 'Business associate agreement',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: phiWithVendor,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.dataUseAgreement': ask(kinds.yesNo(), {
		label:
			'Does an executed CMS data use agreement, or the contract’s data terms, cover the vendor’s use of these datasets for this purpose?',
		name: 'Data use agreement',
		hint: 'CMS data that need a DUA leave CMS only under one (CMS-R-0235, or CMS-R-0235L for a limited data set) naming the purpose, files and years.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: dataUseAgreementWithVendor,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.ephiRiskAnalysis': ask(kinds.yesNo(), {
		label:
			'Does the HIPAA security risk analysis cover the AI, including its logs, prompt histories and any copies of the data it keeps?',
		name: 'HIPAA security risk analysis covers the AI',
		hint: 'Embeddings, vector stores, caches and prompt logs hold ePHI too: the risk analysis, access control, audit logging and encryption must reach them (45 CFR 164.308, 164.312).',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: holdsPhi,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.part2ConsentBasis': ask(kinds.oneOf(part2ConsentBasisLabels), {
		label: 'On what basis are 42 CFR Part 2 substance-use records used?',
		name: 'Part 2 consent basis',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: holdsPart2,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.sudRecordsExcluded': ask(kinds.yesNo(), {
		label:
			'Are substance-use-disorder records from Part 2 programs excluded or redacted from the claims or clinical data?',
		name: 'Part 2 records excluded',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: sudProne,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.fedrampAuthorized': ask(kinds.yesNo(), {
		label: 'Is the cloud service or model API FedRAMP authorized?',
		name: 'FedRAMP authorized',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: cloudOrVendorApi,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.generativeOutputsReviewed': ask(kinds.yesNo(), {
		label: 'Does a person review its generated output before it is relied on or sent?',
		name: 'Generated output reviewed',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: generative,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.generativeAiPolicyAcknowledged': ask(kinds.yesNo(), {
		label: 'Has the team read and accepted CMS’s generative-AI use policy (M-25-21 §3(b)(iv))?',
		name: 'Generative-AI policy accepted',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: generative,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.generativeToolApproved': ask(kinds.yesNo(), {
		label: 'Is the generative AI tool on the HHS/CMS list of approved tools?',
		name: 'On the approved tools list',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: generativeHostedOutsideCms,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.publicFeedbackChannel': ask(kinds.text(500), {
		label: 'How can the public give feedback on it?',
		name: 'Public feedback channel',
		hint: 'A web form, an e-mail inbox, a survey… (M-25-21 §4(b)(vii)).',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: publicFacing,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.informationQualityApplied': ask(kinds.yesNo(), {
		label:
			'Are CMS’s information-quality guidelines applied to the information it gives the public (Information Quality Act)?',
		name: 'Information-quality guidelines applied',
		hint: 'What AI disseminates to the public (answers, notices, published figures) falls under the agency’s information-quality guidelines (Information Quality Act; OMB M-19-15).',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: publicFacing,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.publicSurveysOrForms': ask(kinds.yesNo(), {
		label: 'Does it gather feedback or information from the public through surveys or forms?',
		name: 'Public surveys or forms',
		hint: 'A post-chat satisfaction survey, a feedback form, a questionnaire (M-25-21 §8).',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: publicFacing,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.paperworkClearanceConsidered': ask(kinds.yesNo(), {
		label:
			'Was OMB clearance under the Paperwork Reduction Act considered for those surveys or forms?',
		name: 'PRA clearance considered',
		hint: 'Collecting information from the public may need OMB clearance (44 U.S.C. 3507): answer yes once clearance is obtained or the agency’s PRA office found none is needed.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: publicSurveys,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.codeSharingDecision': ask(kinds.oneOf(codeSharingDecisionLabels), {
		label: 'Is the custom code shared (M-25-21 §2(b))?',
		name: 'Code sharing',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: hasCustomCode,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.trainingDataDisclosureAssessed': ask(kinds.yesNo(), {
		label:
			'Was the risk that the model discloses its personal training data assessed before it was shared?',
		name: 'Training-data disclosure assessed',
		hint: 'A model trained on PII or PHI can reveal it to whoever receives it, another agency as much as the public. M-25-21 §2(b) asks for that assessment before any sharing or release, or the privacy exception instead.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: sharesModelTrainedOnPersonalData,
		requiredWhen: never,
		message: '',
	}),
	'safeguards.vendorAiContractTerms': ask(kinds.yesNo(), {
		label:
			'Does the contract carry OMB M-25-22’s AI terms (data rights, testing access, no training on CMS data)?',
		name: 'M-25-22 contract terms',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		appliesWhen: vendorInvolved,
		requiredWhen: never,
		message: '',
	}),
	'practices.testing': ask(kinds.oneOf(practiceProgressChoices), {
		label: 'Pre-deployment testing (§4(b)(i))',
		name: 'Pre-deployment testing',
		hint: `Tests that reflect real-world outcomes and a risk-mitigation plan, done before use; for a vendor's closed model, by querying it and observing outputs. ${PRACTICE_WAIVER_HINT}`,
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_testing_conducted',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message: 'Say whether pre-deployment testing was done (§4(b)(i)).',
	}),
	'practices.impactAssessment': ask(kinds.oneOf(practiceProgressChoices), {
		label: 'AI impact assessment (§4(b)(ii))',
		name: 'AI impact assessment',
		hint: 'Purpose and benefit, data quality, impacts on privacy and civil rights, reassessment, costs, an independent review and a signed risk acceptance.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_assessment_completed',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message: 'Say whether an AI impact assessment was completed (§4(b)(ii)).',
	}),
	'practices.potentialImpacts': ask(kinds.longText(), {
		label:
			'Potential impacts, including on privacy, civil rights and civil liberties, and how they were identified',
		name: 'Potential impacts',
		hint: 'The reasonably foreseeable impacts of using it, as OMB asks for them in the inventory.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_potential_impacts',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message:
			'Describe the potential impacts, including on privacy, civil rights and civil liberties.',
	}),
	// Derived from who actually reviewed the case (its approved review lanes), not asked.
	'practices.independentReview': ask(kinds.oneOf(independentReviewChoices), {
		label: 'Independent review',
		name: 'Independent review',
		hint: 'The tracker records this from who reviewed the case: a reviewer independent of it approving a review lane.',
		answeredBy: 'TRACKER',
		storage: 'answers',
		ombColumn: 'hi_independent_review',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message:
			'No independent review is on record yet: it is recorded when a reviewer independent of the case approves a review lane.',
	}),
	'practices.monitoring': ask(kinds.oneOf(monitoringChoices), {
		label: 'Ongoing monitoring (§4(b)(iii))',
		name: 'Ongoing monitoring',
		hint: 'Monitoring of performance, security and effects on privacy and civil rights, with periodic human review and a check for drift.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_ongoing_monitoring',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message: 'Say whether ongoing monitoring is in place (§4(b)(iii)).',
	}),
	'practices.training': ask(kinds.oneOf(trainingChoices), {
		label: 'Operator training (§4(b)(iv))',
		name: 'Operator training',
		hint: 'Periodic training specific to this system, so operators can interpret and act on its output.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_training_established',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message: 'Say whether operators are trained (§4(b)(iv)).',
	}),
	'practices.failsafe': ask(kinds.oneOf(failsafeChoices), {
		label: 'Fail-safe (§4(b)(v))',
		name: 'Fail-safe',
		hint: 'A person able to intervene, with a named accountable owner, and where practicable a fail-safe that limits significant harm.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_failsafe_presence',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message: 'Say whether there is a fail-safe (§4(b)(v)).',
	}),
	'practices.failsafeNotApplicableReason': ask(kinds.longText(), {
		label: 'Why is a fail-safe not applicable, when the output affects people?',
		name: 'Why no fail-safe',
		hint: 'M-25-21 §4(b)(v) accepts “not applicable” with reasons: say why no person needs to be able to intervene or stop the system before it harms someone, such as a human decision that always follows the output.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		appliesWhen: failsafeNotApplicableToIndividuals,
		requiredWhen: never,
		message: '',
	}),
	'practices.appeal': ask(kinds.oneOf(appealChoices), {
		label: 'Appeal process (§4(b)(vi))',
		name: 'Appeal process',
		hint: 'Timely human review and a way to appeal for people an AI-informed decision affects; an existing appeal path (such as Medicare appeals) may cover it.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_appeal_process',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message: 'Say whether there is an appeal process (§4(b)(vi)).',
	}),
	'practices.appealNotApplicableReason': ask(kinds.longText(), {
		label: 'Why is an appeal process not applicable, when the output affects people?',
		name: 'Why no appeal process',
		hint: 'M-25-21 §4(b)(vi) asks for a way to appeal or get human review wherever an AI-informed decision affects people. Say why none is needed; if the law rules one out, answer “precluded by law” instead.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		appliesWhen: appealNotApplicableToIndividuals,
		requiredWhen: never,
		message: '',
	}),
	'practices.publicConsultation': ask(kinds.manyOf(publicConsultationChoices), {
		label: 'Consultation with end users and the public (§4(b)(vii))',
		name: 'Public consultation',
		hint: 'How end users and the public were consulted and their feedback used.',
		answeredBy: 'SUBMITTER',
		section: 'practices',
		storage: 'answers',
		ombColumn: 'hi_public_consultation',
		appliesWhen: asksMinimumPractices,
		requiredWhen: always,
		message: 'Say how end users and the public were consulted (§4(b)(vii)).',
	}),
} as const satisfies Record<string, Question & { section?: FormSectionId }>

export type Questions = typeof questions
export type FieldPath = keyof Questions
/**
 * The registry's entries widened to one type, so that any path reads the same fields.
 * @alias
 */
export const fieldRules: Readonly<Record<FieldPath, Question>> = questions
export const fieldPaths = Object.keys(questions) as Array<FieldPath>

/**
 * The registry's question at a path, its own entries only: a path such as "constructor" (a comment's
 * field, sent by anyone) is no question, not Object.prototype's.
 */
function questionAt(path: string, registry: QuestionRegistry): Question | undefined {
	return Object.hasOwn(registry, path) ? registry[path] : undefined
}

/** The section of the intake form a question sits in; none for the tracker's and the lead's. */
export function sectionOf(
	path: string,
	registry: QuestionRegistry = questions,
): FormSectionId | null {
	return (questionAt(path, registry)?.section as FormSectionId | undefined) ?? null
}

/** The questions of one section of the form, in the registry's order. */
export function questionsOfSection<R extends QuestionRegistry = Questions>(
	section: FormSectionId,
	registry: R = questions as QuestionRegistry as R,
): Array<keyof R & string> {
	return (Object.keys(registry) as Array<keyof R & string>).filter(
		(path) => sectionOf(path, registry) === section,
	)
}

// ── Labels people read: a question's short name, and an answer in words ──

// Parts of the document that are not questions, by the names the history and the activity page use.
const documentPartNames: Record<string, string> = {
	previousOmbId: 'Earlier OMB id',
	ownerEmail: 'Owner',
	contacts: 'People listed on the case',
	datasets: 'Datasets',
	waivers: 'CAIO waivers',
	pilotCertification: 'Pilot certification',
	highImpact: 'High-impact determination',
	'highImpact.determinedBy': 'Determined by',
	'highImpact.determinedOn': 'Determined on',
	practices: 'Minimum practices',
	safeguards: 'Safeguards',
	aiScreen: 'AI-definition screen',
}

const questionNamesByOmbColumn = new Map<string, string>()
for (const question of Object.values(fieldRules)) {
	if (question.ombColumn && !questionNamesByOmbColumn.has(question.ombColumn))
		questionNamesByOmbColumn.set(question.ombColumn, question.name)
}

/** The question that fills one of OMB's columns, in the form's words; null for a column none fills. */
export function questionNameOfOmbColumn(column: string): string | null {
	return questionNamesByOmbColumn.get(column) ?? null
}

/** A field path in words ("Involves PII", "Datasets", "Second dataset: why it is needed"). */
export function fieldLabel(path: string, registry: QuestionRegistry = questions): string {
	const question = questionAt(path, registry)
	if (question) return question.name
	const dataset = /^datasets\.(\d+)\.(\w+)$/.exec(path)
	if (dataset) {
		const part = {
			minimumNecessaryJustification: 'why it is needed',
			usages: 'how it is used',
			usage: 'how it is used',
			sensitivities: 'sensitivity',
		}[dataset[2]!]
		return `Dataset ${Number(dataset[1]) + 1}${part ? `: ${part}` : ''}`
	}
	return (Object.hasOwn(documentPartNames, path) ? documentPartNames[path] : undefined) ?? path
}

/** An answer in words, as the case page and the history show it. */
export function fieldAnswerText(
	path: string,
	value: unknown,
	registry: QuestionRegistry = questions,
): string {
	const question = questionAt(path, registry)
	if (question) return answerText(question, value)
	if (!Array.isArray(value)) {
		if (path === 'pilotCertification' && value && typeof value === 'object') {
			const pilot = value as { certifiedOn?: string; endsOn?: string; scaleLimit?: string }
			return `Certified ${pilot.certifiedOn ?? ''}, ends ${pilot.endsOn ?? ''}: ${pilot.scaleLimit ?? ''}`
		}
		return answerText({ kind: 'text' }, value)
	}
	const lines = value.map((entry: Record<string, unknown>) => {
		if (path === 'datasets') {
			const usage = Array.isArray(entry.usage)
				? entry.usage.map((use) => datasetUsageLabels[use as DatasetUsage] ?? use).join(', ')
				: ''
			return `${String(entry.name)}${usage ? ` (${usage.toLowerCase()})` : ''}`
		}
		if (path === 'waivers') {
			const practice =
				minimumPractices[entry.practice as MinimumPractice]?.label ?? String(entry.practice)
			return `${practice}: granted ${String(entry.grantedOn)}${entry.revokedOn ? `, revoked ${String(entry.revokedOn)}` : ''}`
		}
		if (path === 'contacts')
			return `${entry.name ? `${String(entry.name)} ` : ''}<${String(entry.email)}> (${contactRoleLabels[entry.role as ContactRole] ?? entry.role})`
		return JSON.stringify(entry)
	})
	return lines.join('\n')
}

/**
 * An answer in the words the form offers it, each choice by its headline: the sentence OMB explains
 * a choice with after a dash or a colon ("Pilot – The use case has been deployed…") and an aside in
 * brackets at the end ("… (one input among several)") are left out, so that a sentence can carry
 * the answer. Empty when unanswered.
 */
export function briefAnswerText(path: string, value: unknown): string {
	const question = questionAt(path, questions)
	if (!question?.choices) return fieldAnswerText(path, value)
	const values = Array.isArray(value) ? value : isAnswered(value) ? [value] : []
	return values
		.map((entry) =>
			answerText(question, entry)
				.replace(/(?: –|:) [^–:]*\.$/, '')
				.replace(/ \([^()]*\)$/, ''),
		)
		.join('; ')
}

// ── Which questions apply, and which must be answered ──

/** The questions to show for these answers. */
export function visibleFields<R extends QuestionRegistry = Questions>(
	doc: UseCaseDocument,
	registry: R = questions as QuestionRegistry as R,
): Set<keyof R & string> {
	return new Set(
		(Object.keys(registry) as Array<keyof R & string>).filter((path) =>
			registry[path]!.appliesWhen(doc),
		),
	)
}

/** The questions the form asks of each linked dataset, in the words it asks them. */
export const datasetQuestionLabels = {
	usage: 'How is it used?',
	minimumNecessaryJustification: 'Why is this data needed?',
} as const
type DatasetQuestion = keyof typeof datasetQuestionLabels

/** A dataset's own question by its path (`datasets.1.minimumNecessaryJustification`), else null. */
export function datasetQuestionAt(path: string): { index: number; part: DatasetQuestion } | null {
	const match = /^datasets\.(\d+)\.(\w+)$/.exec(path)
	if (!match || !Object.hasOwn(datasetQuestionLabels, match[2]!)) return null
	return { index: Number(match[1]), part: match[2] as DatasetQuestion }
}

/**
 * The question a finding's link goes to: the one its next step asks the submitter to answer, when
 * the form asks it of this case (a dataset's question while that dataset is linked). Only the check
 * that wrote the next step names it, so the link and the sentence beside it cannot disagree; a step
 * done elsewhere (by the CAIO, a reviewer, a contracting officer) has no link.
 */
export function questionToAnswer(
	finding: { nextStep: string | null; nextQuestion?: string },
	doc: UseCaseDocument,
): string | null {
	const path = finding.nextQuestion
	if (finding.nextStep === null || path === undefined) return null
	if (path === 'datasets') return path
	const dataset = datasetQuestionAt(path)
	if (dataset) return dataset.index < doc.datasets.length ? path : null
	const question = questionAt(path, questions)
	return question &&
		question.answeredBy === 'SUBMITTER' &&
		sectionOf(path) !== null &&
		question.appliesWhen(doc)
		? path
		: null
}

/**
 * A question as a finding's link names it: its short name, or a dataset's question in the form's
 * words with the dataset's name ("Why is this data needed? (Medicare claims)").
 */
export function questionLinkLabel(path: string, doc: UseCaseDocument): string {
	const dataset = datasetQuestionAt(path)
	if (!dataset) return fieldLabel(path)
	const name = doc.datasets[dataset.index]?.name
	return `${datasetQuestionLabels[dataset.part]}${name ? ` (${name})` : ''}`
}

const isRequired = (doc: UseCaseDocument, question: Question) =>
	question.appliesWhen(doc) && question.requiredWhen(doc)

/** The questions the submitter must answer before submission, for this stage and these answers. */
export function requiredFields<R extends QuestionRegistry = Questions>(
	doc: UseCaseDocument,
	registry: R = questions as QuestionRegistry as R,
): Array<keyof R & string> {
	return (Object.keys(registry) as Array<keyof R & string>).filter(
		(path) => registry[path]!.answeredBy === 'SUBMITTER' && isRequired(doc, registry[path]!),
	)
}

/** Exactly the OMB 2025 columns the dictionary's "Required" column demands for this case, by field path. */
export function ombRequiredFields(doc: UseCaseDocument): Array<FieldPath> {
	return fieldPaths.filter(
		(path) => fieldRules[path].ombColumn !== undefined && isRequired(doc, fieldRules[path]),
	)
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

function personalDataIn(dataset: Pick<UseCaseDocument['datasets'][number], 'sensitivities'>) {
	return personalData.find(([kind]) => dataset.sensitivities.includes(kind))?.[1] ?? null
}

/** Whether a dataset holds records about individuals (PII, PHI, Part 2 records, federal tax information). */
export function holdsRecordsAboutIndividuals(
	dataset: Pick<UseCaseDocument['datasets'][number], 'sensitivities'>,
) {
	return personalDataIn(dataset) !== null
}

/**
 * Whether a linked dataset needs its "why is this data needed?" answer before submission: HIPAA's
 * minimum-necessary standard (45 CFR 164.502(b)), which CMS applies to every kind of record about
 * individuals, not only PHI. A retired case no longer uses its data, so it owes no justification.
 */
export function owesMinimumNecessaryReason(
	stage: UseCaseDocument['stage'],
	dataset: Pick<UseCaseDocument['datasets'][number], 'sensitivities'>,
) {
	return stage !== 'RETIRED' && holdsRecordsAboutIndividuals(dataset)
}

function addError(fieldErrors: Record<string, Array<string>>, path: string, message: string) {
	;(fieldErrors[path] ??= []).push(message)
}

/** Answers that contradict each other, whatever the stage: OMB's export would carry the contradiction. */
function contradictions(doc: UseCaseDocument, fieldErrors: Record<string, Array<string>>) {
	if (doc.informedDecisions.includes('NONE') && doc.informedDecisions.length > 1) {
		addError(
			fieldErrors,
			'informedDecisions',
			'“None of these” cannot be combined with other decisions.',
		)
	}
	if (doc.demographicFeatures.includes('NONE_OF_THE_ABOVE') && doc.demographicFeatures.length > 1) {
		addError(
			fieldErrors,
			'demographicFeatures',
			'“None of the above” cannot be combined with other features.',
		)
	}
	if (doc.affectedParties.includes('INTERNAL_ONLY') && doc.affectedParties.length > 1) {
		addError(
			fieldErrors,
			'affectedParties',
			'“Internal operations only” cannot be combined with people it affects.',
		)
	}
	if (
		doc.decisionRole === 'NONE' &&
		doc.informedDecisions.some((decision) => decision !== 'NONE')
	) {
		addError(
			fieldErrors,
			'decisionRole',
			'It is said to inform no decisions, yet decisions it informs are chosen: correct one of the two answers.',
		)
	}
	if (doc.hasPii === false) {
		const holding = doc.datasets.filter(holdsRecordsAboutIndividuals).map((dataset) => dataset.name)
		if (holding.length > 0) {
			addError(
				fieldErrors,
				'hasPii',
				`It is said to involve no PII, but ${holding.join(' and ')} ${holding.length === 1 ? 'holds' : 'hold'} records about individuals: answer Yes.`,
			)
		}
	}
}

const linksDatasets: Condition = isPilotOrDeployed

/** Everything that stops a submission, as messages keyed by field path (datasets as `datasets.N.…`). */
export function validateForSubmission(doc: UseCaseDocument): SubmissionCheck {
	const fieldErrors: Record<string, Array<string>> = {}
	for (const path of missingRequiredFields(doc))
		addError(fieldErrors, path, fieldRules[path].message)

	if (linksDatasets(doc) && doc.datasets.length === 0) {
		addError(fieldErrors, 'datasets', 'Link the datasets it uses from the catalogue.')
	}
	doc.datasets.forEach((dataset, index) => {
		if (
			owesMinimumNecessaryReason(doc.stage, dataset) &&
			!isAnswered(dataset.minimumNecessaryJustification)
		) {
			// Said without the dataset's name: every place that shows it names the dataset already.
			addError(
				fieldErrors,
				`datasets.${index}.minimumNecessaryJustification`,
				`It holds ${personalDataIn(dataset)}, so explain why the use case needs it (minimum necessary).`,
			)
		}
	})
	contradictions(doc, fieldErrors)
	return { ok: Object.keys(fieldErrors).length === 0, fieldErrors }
}

/**
 * Everything Submit refuses: the document's problems, and each linked dataset's use, which the
 * submitter must choose (the document defaults it). The check step counts the same list.
 */
export function submissionProblems(
	doc: UseCaseDocument,
	chosenUsages: ReadonlyArray<ReadonlyArray<string>>,
): Record<string, Array<string>> {
	const { fieldErrors } = validateForSubmission(doc)
	chosenUsages.forEach((usages, index) => {
		if (usages.length === 0)
			fieldErrors[`datasets.${index}.usages`] = ['Say how this dataset is used.']
	})
	return fieldErrors
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

/**
 * What a comment can be about: the case as a whole, or any question of the intake form, by its
 * section and in its words (the datasets with the Data section).
 */
export const commentTopics: ReadonlyArray<{
	section: string
	topics: ReadonlyArray<{ path: string; name: string }>
}> = (Object.keys(formSections) as Array<FormSectionId>).map((section) => ({
	section: formSections[section].title,
	topics: [...(section === 'data' ? ['datasets'] : []), ...questionsOfSection(section)].map(
		(path) => ({ path, name: fieldLabel(path) }),
	),
}))
