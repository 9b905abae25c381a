// The answers a use case can give, as UPPER_SNAKE keys used identically in TypeScript, the JSON
// contract (docs/use-case-json.md) and the database enums. For each OMB 2025 inventory field the
// key maps to OMB's exact valid selection (what the Excel template accepts) and to the shorthand
// code OMB's consolidated CSV stores (reference/omb-2025-data-dictionary.md).

import { keysOf } from '#app/utils/keys-of.ts'

export type OmbChoice = { selection: string; code: string }

const CAIO_WAIVED: OmbChoice = {
	selection: 'Agency CAIO has waived this minimum practice and reported such waiver to OMB',
	code: 'CAIO Waived',
}

// 7) is_withheld
export const withholdingChoices = {
	NO: { selection: 'a) No', code: 'No' },
	YES_DISCLOSURE_RISK: {
		selection:
			'b) Yes – agency has determined that there’s a risk to disclosure, such as a harm to an interest protected by a FOIA exemption',
		code: 'Yes - Disclosure Risk',
	},
	YES_PROHIBITED_BY_LAW: {
		selection: 'c) Yes – disclosure is prohibited by law',
		code: 'Yes - Prohibited by Law',
	},
	OTHER: { selection: 'd) Other', code: 'Other' },
} as const satisfies Record<string, OmbChoice>

// 8) development_stage
export const stageChoices = {
	PRE_DEPLOYMENT: {
		selection: 'a) Pre-deployment – The use case is in a development or acquisition status.',
		code: 'Pre-deployment',
	},
	PILOT: {
		selection: 'b) Pilot – The use case has been deployed in a limited test or pilot capacity.',
		code: 'Pilot',
	},
	DEPLOYED: {
		selection:
			'c) Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.',
		code: 'Deployed',
	},
	RETIRED: {
		selection:
			'd) Retired – The use case was reported in the agency’s prior year’s inventory, but its development and/or use has since been discontinued.',
		code: 'Retired',
	},
} as const satisfies Record<string, OmbChoice>
export const stages = keysOf(stageChoices)
export type Stage = (typeof stages)[number]

// 9) is_high_impact
export const highImpactChoices = {
	HIGH_IMPACT: { selection: 'a) High-impact', code: 'High-impact' },
	PRESUMED_NOT_HIGH_IMPACT: {
		selection: 'b) Presumed high-impact, but determined not high impact',
		code: 'Presumed High-Impact, but Not High-impact',
	},
	NOT_HIGH_IMPACT: { selection: 'c) Not high-impact', code: 'Not High-impact' },
} as const satisfies Record<string, OmbChoice>
export const highImpactDeterminations = keysOf(highImpactChoices)
export type HighImpactDetermination = (typeof highImpactDeterminations)[number]

// 11) topic_area
export const topicAreaChoices = {
	ADMINISTRATIVE_FUNCTIONS: { selection: 'Administrative Functions', code: 'Admin Functions' },
	CYBERSECURITY: { selection: 'Cybersecurity', code: 'Cybersecurity' },
	EMERGENCY_MANAGEMENT: { selection: 'Emergency Management', code: 'Emergency Mgmt' },
	ENERGY_ENVIRONMENT: { selection: 'Energy and the Environment', code: 'Energy and Environment' },
	GOVERNMENT_BENEFITS_PROCESSING: {
		selection: 'Government Benefits Processing',
		code: 'Benefits Processing',
	},
	HEALTH_MEDICAL: { selection: 'Health and Medical', code: 'Health and Medical' },
	HUMAN_RESOURCES: { selection: 'Human Resources', code: 'HR' },
	INFORMATION_TECHNOLOGY: { selection: 'Information Technology', code: 'IT' },
	INTERNATIONAL_AFFAIRS: { selection: 'International Affairs', code: 'International Affairs' },
	LAW_ENFORCEMENT: { selection: 'Law Enforcement', code: 'Law Enforcement' },
	OTHER: { selection: 'Other', code: 'Other' },
	PROCUREMENT_FINANCIAL_MANAGEMENT: {
		selection: 'Procurement and Financial Management',
		code: 'Procurement and Finance Mgmt',
	},
	SCIENCE: { selection: 'Science', code: 'Science' },
	SERVICE_DELIVERY: { selection: 'Service Delivery', code: 'Service Delivery' },
	TRANSPORTATION: { selection: 'Transportation', code: 'Transportation' },
} as const satisfies Record<string, OmbChoice>
export const topicAreas = keysOf(topicAreaChoices)
export type TopicArea = (typeof topicAreas)[number]

// 12) classification
export const classificationChoices = {
	AGENTIC_AI: {
		selection:
			'Agentic AI: AI systems that perform tasks or make decisions autonomously with minimal human intervention.',
		code: 'Agentic AI',
	},
	CLASSICAL_ML: {
		selection:
			'Classical/Predictive Machine Learning: Models trained on data to make predictions or classifications based on identified patterns or relationships.',
		code: 'Classical ML',
	},
	COMPUTER_VISION: {
		selection:
			'Computer Vision: AI that processes and interprets visual data (e.g., images and videos).',
		code: 'Computer Vision',
	},
	GENERATIVE_AI: {
		selection:
			'Generative AI: AI that generates new or synthetic content (e.g., images, videos, audio, text, code).',
		code: 'Generative AI',
	},
	NLP: {
		selection:
			'Natural Language Processing: AI that processes, interprets, and shares information in human language.',
		code: 'NLP',
	},
	REINFORCEMENT_LEARNING: {
		selection:
			'Reinforcement Learning: AI trained through trial and error using rewards and penalties to optimize decision-making policies.',
		code: 'Reinforcement Learning',
	},
} as const satisfies Record<string, OmbChoice>
export const classifications = keysOf(classificationChoices)
export type Classification = (typeof classifications)[number]

// 17) contracting_usage
export const contractingChoices = {
	PURCHASED: { selection: 'a) Purchased from a vendor', code: 'Vendor Purchased' },
	IN_HOUSE: { selection: 'b) Developed in-house', code: 'In-house Development' },
	CONTRACT_AND_IN_HOUSE: {
		selection: 'c) Developed with both contracting and in-house resources',
		code: 'Contracting and In House',
	},
} as const satisfies Record<string, OmbChoice>
export const contractingUsages = keysOf(contractingChoices)

// 19) have_ato, 23) has_pii, 26) has_custom_code are Yes/No: booleans here.
export const yesNoChoices = {
	YES: { selection: 'Yes', code: 'Yes' },
	NO: { selection: 'No', code: 'No' },
} as const satisfies Record<string, OmbChoice>

// 25) demographic_features. OMB gives no shorthand for this column: its consolidated CSV keeps the
// lettered selection itself (e.g. "k) None of the above"), so the code is the selection.
const demographic = (selection: string): OmbChoice => ({ selection, code: selection })
export const demographicFeatureChoices = {
	RACE_ETHNICITY: demographic('a) Race/Ethnicity'),
	SEX: demographic('b) Sex'),
	AGE: demographic('c) Age'),
	RELIGIOUS_AFFILIATION: demographic('d) Religious Affiliation'),
	SOCIOECONOMIC_STATUS: demographic('e) Socioeconomic Status'),
	ABILITY_STATUS: demographic('f) Ability Status'),
	RESIDENCY_STATUS: demographic('g) Residency Status'),
	MARITAL_STATUS: demographic('h) Marital Status'),
	INCOME: demographic('i) Income'),
	EMPLOYMENT_STATUS: demographic('j) Employment Status'),
	NONE_OF_THE_ABOVE: demographic('k) None of the above'),
	OTHER: demographic('l) Other'),
} as const satisfies Record<string, OmbChoice>

// 28) hi_testing_conducted and 29) hi_assessment_completed
export const practiceProgressChoices = {
	YES: { selection: 'a) Yes', code: 'Yes' },
	IN_PROGRESS: { selection: 'b) In-progress', code: 'In-progress' },
	CAIO_WAIVED: { selection: `c) ${CAIO_WAIVED.selection}`, code: CAIO_WAIVED.code },
} as const satisfies Record<string, OmbChoice>
export const practiceProgressAnswers = keysOf(practiceProgressChoices)

// 31) hi_independent_review
export const independentReviewChoices = {
	YES_INTERNAL_REVIEWER: {
		selection:
			'a) Yes – by another appropriate agency office or reviewer not directly involved in the AI’s development',
		code: 'Internal Independent Review',
	},
	YES_OVERSIGHT_BOARD: {
		selection:
			'b) Yes – by an agency AI oversight board not directly involved in the AI’s development',
		code: 'Oversight Board Review',
	},
	YES_CAIO: { selection: 'c) Yes – by the CAIO', code: 'CAIO Review' },
	IN_PROGRESS: { selection: 'd) In-progress', code: 'In-progress' },
	CAIO_WAIVED: { selection: `e) ${CAIO_WAIVED.selection}`, code: CAIO_WAIVED.code },
} as const satisfies Record<string, OmbChoice>
export const independentReviewAnswers = keysOf(independentReviewChoices)
export type IndependentReview = (typeof independentReviewAnswers)[number]

// 32) hi_ongoing_monitoring
export const monitoringChoices = {
	YES: {
		selection: 'a) Yes, sufficient monitoring protocols have been established',
		code: 'Yes - Monitoring Established',
	},
	// OMB's template spells this selection "in-progess"; its CSV code is the plain "In-progress".
	IN_PROGRESS: {
		selection: 'b) Development of monitoring protocols is in-progess',
		code: 'In-progress',
	},
	CAIO_WAIVED: { selection: `c) ${CAIO_WAIVED.selection}`, code: CAIO_WAIVED.code },
} as const satisfies Record<string, OmbChoice>
export const monitoringAnswers = keysOf(monitoringChoices)

// 33) hi_training_established
export const trainingChoices = {
	YES: {
		selection: 'a) Yes, sufficient and periodic training has been established',
		code: 'Training Established',
	},
	IN_PROGRESS: {
		selection: 'b) Establishment of sufficient and periodic training is in-progress',
		code: 'Training In-progress',
	},
	CAIO_WAIVED: { selection: `c) ${CAIO_WAIVED.selection}`, code: CAIO_WAIVED.code },
} as const satisfies Record<string, OmbChoice>
export const trainingAnswers = keysOf(trainingChoices)

// 34) hi_failsafe_presence
export const failsafeChoices = {
	YES: { selection: 'a) Yes', code: 'Yes' },
	NOT_APPLICABLE: { selection: 'b) Not applicable', code: 'Not Applicable' },
	IN_PROGRESS: { selection: 'c) In-progress', code: 'In-progress' },
	CAIO_WAIVED: { selection: `d) ${CAIO_WAIVED.selection}`, code: CAIO_WAIVED.code },
} as const satisfies Record<string, OmbChoice>
export const failsafeAnswers = keysOf(failsafeChoices)

// 35) hi_appeal_process
export const appealChoices = {
	YES: {
		selection: 'a) Yes, an appropriate appeal process has been established',
		code: 'Appeal Process Established',
	},
	NOT_APPLICABLE: { selection: 'b) Not applicable', code: 'Not Applicable' },
	IN_PROGRESS: {
		selection: 'c) Establishment of an appropriate appeal process is in-progress',
		code: 'Appeal Process In-progress',
	},
	PRECLUDED_BY_LAW: {
		selection:
			'd) Law, operational limitations, or governmentwide guidance precludes an opportunity for an individual to appeal',
		code: 'Appeal Precluded by Law',
	},
	CAIO_WAIVED: { selection: `e) ${CAIO_WAIVED.selection}`, code: CAIO_WAIVED.code },
} as const satisfies Record<string, OmbChoice>
export const appealAnswers = keysOf(appealChoices)

// 36) hi_public_consultation (select multiple)
export const publicConsultationChoices = {
	USABILITY_TESTING: { selection: 'a) Direct usability testing', code: 'Usability Testing' },
	PUBLIC_FEEDBACK: {
		selection: 'b) General solicitations of feedback and comments from the public',
		code: 'Public Feedback Solicitations',
	},
	// OMB's template carries a trailing space on this selection; an import trims before matching.
	PUBLIC_HEARINGS: { selection: 'c) Public hearings or meetings', code: 'Public Hearings' },
	OTHER: { selection: 'd) Other', code: 'Other' },
	IN_PROGRESS: { selection: 'e) In-progress', code: 'In-progress' },
	CAIO_WAIVED: { selection: `f) ${CAIO_WAIVED.selection}`, code: CAIO_WAIVED.code },
} as const satisfies Record<string, OmbChoice>
export const publicConsultationSteps = keysOf(publicConsultationChoices)

// ── What the tracker asks beyond OMB's template, for the checks and the review routing ──

export const decisionRoleLabels = {
	NONE: 'Informs no decisions',
	ASSISTIVE: 'Assists a person who decides (one input among several)',
	PRINCIPAL_BASIS: 'Principal basis for a decision or action',
	FULLY_AUTOMATED: 'Decides or acts without a person',
} as const
export const decisionRoles = keysOf(decisionRoleLabels)

export const affectedPartyLabels = {
	BENEFICIARIES: 'Medicare or Medicaid beneficiaries, or Marketplace consumers',
	PROVIDERS: 'Providers and suppliers',
	PLANS: 'Health plans and their sponsors',
	EMPLOYEES: 'CMS employees or contractors',
	PUBLIC: 'The general public',
	INTERNAL_ONLY: 'Internal operations only (no individual is affected)',
} as const
export const affectedParties = keysOf(affectedPartyLabels)

/**
 * The decisions or actions an AI output can drive. Each but NONE falls under one letter of M-25-21 §6
 * (high-impact/presumption.ts maps them); the first seven are the ones CMS meets, the rest complete §6.
 */
export const informedDecisionLabels = {
	ELIGIBILITY_ENROLLMENT: 'Eligibility or enrollment',
	COVERAGE_PAYMENT: 'Coverage or payment',
	FRAUD_IMPROPER_PAYMENT: 'Fraud or improper-payment detection',
	IDENTITY_ACCESS: 'Identity proofing or access to benefits systems',
	CARE_DIAGNOSIS_TREATMENT: 'Diagnosis, treatment or allocation of care',
	EMPLOYMENT: 'Employment decisions (hiring, promotion, discipline)',
	BINDING_TRANSLATION: 'Translation relied on as binding',
	SAFETY_CRITICAL_FUNCTIONS:
		'Safety-critical functions of infrastructure or government facilities (emergency services, fire and life safety)',
	PHYSICAL_MOVEMENT: 'Physical movement of robots, vehicles or industrial equipment',
	ATTACK_OR_DEFENCE: 'Kinetic or non-kinetic attack or active defence',
	HAZARDOUS_AGENTS: 'Handling of hazardous chemicals or biological agents',
	SAFETY_SIGNIFICANT_DESIGN:
		'Design or testing of equipment or infrastructure whose failure is a safety risk',
	FACILITY_ACCESS: 'Access to, or security of, government facilities',
	SANCTIONS_TRADE_CONTROLS: 'Sanctions, trade, export, investment or shipping controls',
	PROTECTED_SPEECH:
		'Blocking, removing or limiting the reach of protected speech (e.g. comment moderation)',
	LAW_ENFORCEMENT:
		'Law enforcement (suspect identification, forensics, individual risk assessments)',
	FOREIGN_NATIONAL_ENTRY: 'Risk assessment of foreign nationals seeking entry',
	PUBLIC_BIOMETRIC_IDENTIFICATION: 'One-to-many biometric identification in public spaces',
	NONE: 'None of these',
} as const
export const informedDecisions = keysOf(informedDecisionLabels)
export type InformedDecision = (typeof informedDecisions)[number]

export const hostingLabels = {
	CMS_DATA_CENTER: 'A CMS data centre or CMS-managed environment',
	CONTRACTOR_DATA_CENTER: 'A contractor’s data centre',
	FEDRAMP_CLOUD: 'A FedRAMP-authorized cloud service',
	VENDOR_API: 'A vendor’s hosted model or API',
} as const
export const hostingOptions = keysOf(hostingLabels)
export type Hosting = (typeof hostingOptions)[number]

// The dataset catalogue's vocabulary lives with the catalogue (it is also the Prisma enums'); it is
// re-exported here so the whole use-case vocabulary can be imported from one place.
export {
	datasetCategories,
	datasetCategoryLabels,
	datasetSensitivities,
	datasetSensitivityLabels,
	type DatasetSensitivityKey as DatasetSensitivity,
	sensitivityStrictness,
} from '#app/modules/datasets/schemas.ts'

export const datasetUsageLabels = {
	TRAINING: 'Training or fine-tuning',
	EVALUATION: 'Testing and evaluation',
	OPERATION: 'Operation (inputs at run time)',
} as const
export const datasetUsages = keysOf(datasetUsageLabels)
export type DatasetUsage = (typeof datasetUsages)[number]

export const useCaseStatusLabels = {
	DRAFT: 'Draft',
	SUBMITTED: 'Submitted',
	IN_REVIEW: 'In review',
	CHANGES_REQUESTED: 'Changes requested',
	APPROVED: 'Approved',
	APPROVED_WITH_CONDITIONS: 'Approved with conditions',
	REJECTED: 'Rejected',
	WITHDRAWN: 'Withdrawn',
	RETIRED: 'Retired',
} as const
export const useCaseStatuses = keysOf(useCaseStatusLabels)
export type UseCaseStatus = (typeof useCaseStatuses)[number]

export const reviewLaneLabels = {
	PRIVACY: 'Privacy (PIA, SORN, HIPAA)',
	SECURITY: 'Security (ATO, FedRAMP)',
	LEGAL: 'Legal and policy (Privacy Act matching, 42 CFR Part 2, contract terms)',
	CIVIL_RIGHTS: 'Civil rights and civil liberties (discrimination, protected classes, appeals)',
	DATA_GOVERNANCE: 'Data governance (data use agreements, minimum necessary)',
	CAIO_DETERMINATION: 'Chief AI Officer determination (high-impact, waivers, pilots)',
} as const
export const reviewLanes = keysOf(reviewLaneLabels)
export type ReviewLane = (typeof reviewLanes)[number]

/** The people listed on a case; none of them may review or decide it. Matches the Prisma enum. */
export const contactRoleLabels = {
	OWNER: 'Owner (accountable for the use case)',
	DEVELOPER: 'Developer or technical lead',
	PROGRAM_CONTACT: 'Program contact',
} as const
export const contactRoles = keysOf(contactRoleLabels)
export type ContactRole = (typeof contactRoles)[number]

/** The legal basis for using 42 CFR Part 2 substance-use-disorder records. */
export const part2ConsentBasisLabels = {
	PATIENT_CONSENT: 'Patients’ written consent',
	QSOA: 'Qualified service organization agreement (QSOA)',
	AUDIT_EVALUATION: 'Audit or evaluation exception (42 CFR 2.53)',
	NONE: 'No basis recorded',
} as const
export const part2ConsentBases = keysOf(part2ConsentBasisLabels)

/** What was decided about sharing custom-developed code (M-25-21 §2(b)). */
export const codeSharingDecisionLabels = {
	SHARED_PUBLICLY: 'Shared publicly as open source',
	SHARED_GOVERNMENT: 'Shared within the government only',
	EXEMPT: 'Not shared: an exemption is recorded',
} as const
export const codeSharingDecisions = keysOf(codeSharingDecisionLabels)

/** The seven minimum practices of M-25-21 §4(b)(i)–(vii), keyed to their OMB inventory field. */
export const minimumPractices = {
	TESTING: { clause: '§4(b)(i)', field: 'hi_testing_conducted', label: 'Pre-deployment testing' },
	IMPACT_ASSESSMENT: {
		clause: '§4(b)(ii)',
		field: 'hi_assessment_completed',
		label: 'AI impact assessment',
	},
	MONITORING: { clause: '§4(b)(iii)', field: 'hi_ongoing_monitoring', label: 'Ongoing monitoring' },
	TRAINING: {
		clause: '§4(b)(iv)',
		field: 'hi_training_established',
		label: 'Operator training and oversight',
	},
	FAILSAFE: {
		clause: '§4(b)(v)',
		field: 'hi_failsafe_presence',
		label: 'Fail-safe and human intervention',
	},
	APPEAL: { clause: '§4(b)(vi)', field: 'hi_appeal_process', label: 'Remedy and appeal' },
	PUBLIC_CONSULTATION: {
		clause: '§4(b)(vii)',
		field: 'hi_public_consultation',
		label: 'Consultation with end users and the public',
	},
} as const
export const minimumPracticeKeys = keysOf(minimumPractices)
export type MinimumPractice = (typeof minimumPracticeKeys)[number]

/** Plain-language labels for the UI: OMB's selection without its letter prefix. */
export function choiceLabel(choice: OmbChoice) {
	return choice.selection.replace(/^[a-l]\) /, '')
}

/**
 * OMB's multiple-choice inventory columns and the answers each accepts. Yes/No columns are
 * booleans in the use-case document; the others store the keys of their choices.
 */
export const ombMultipleChoiceColumns = {
	is_withheld: withholdingChoices,
	development_stage: stageChoices,
	is_high_impact: highImpactChoices,
	topic_area: topicAreaChoices,
	classification: classificationChoices,
	contracting_usage: contractingChoices,
	have_ato: yesNoChoices,
	has_pii: yesNoChoices,
	demographic_features: demographicFeatureChoices,
	has_custom_code: yesNoChoices,
	hi_testing_conducted: practiceProgressChoices,
	hi_assessment_completed: practiceProgressChoices,
	hi_independent_review: independentReviewChoices,
	hi_ongoing_monitoring: monitoringChoices,
	hi_training_established: trainingChoices,
	hi_failsafe_presence: failsafeChoices,
	hi_appeal_process: appealChoices,
	hi_public_consultation: publicConsultationChoices,
} as const satisfies Record<string, Record<string, OmbChoice>>

// Agencies typed OMB's answers by hand, so imports meet straight quotes for curly ones, hyphens for
// en dashes, non-breaking spaces, a missing letter, and OMB's own "in-progess"; none of that should
// change which answer was meant.
function comparable(text: string) {
	return text
		.normalize('NFKC')
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u2013\u2014]/g, '-')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase()
		.replace(/^[a-l]\) ?/, '')
		.replace(/\bin-progess\b/g, 'in-progress')
}

/**
 * The key of the choice that `text` names: OMB's exact selection, its CSV shorthand code, the
 * selection without its letter, a classification's title alone, or the key itself. Null when
 * nothing matches, so the import can report the value rather than guess.
 */
export function ombChoiceKey<Choices extends Record<string, OmbChoice>>(
	choices: Choices,
	text: string,
): Extract<keyof Choices, string> | null {
	type Key = Extract<keyof Choices, string>
	const wanted = comparable(text)
	if (wanted === '') return null
	for (const [key, choice] of Object.entries(choices) as Array<[Key, OmbChoice]>) {
		if (text.trim() === key) return key
		const selection = comparable(choice.selection)
		const title = selection.split(': ')[0]
		if (wanted === selection || wanted === comparable(choice.code) || wanted === title) return key
	}
	return null
}

/**
 * The 20 common tasks on commercial products that OMB's 2025 guidance (§1(a)(i)) lets an agency
 * report in consolidated form instead of one record each, keyed by OMB's letter. A high-impact
 * case is never consolidated.
 */
export const cotsCommonTaskLabels = {
	A: '(a) Scheduling internal meetings or reminders',
	B: '(b) Time logging and analysis',
	C: '(c) Transcription or summaries that make virtual meetings accessible',
	D: '(d) E-mail prioritization',
	E: '(e) Editing images, video or public-affairs material',
	F: '(f) Scheduling social-media posts',
	G: '(g) First drafts of documents or briefings',
	H: '(h) Improving writing quality',
	I: '(i) Summarizing long reports',
	J: '(j) Data visualizations',
	K: '(k) AI in word processors',
	L: '(l) Code generation',
	M: '(m) Searching agency information with a knowledge-retrieval system',
	N: '(n) Image-recognition cataloguing of a storage room',
	O: '(o) Managing security controls',
	P: '(p) Help-desk ticket triage',
	Q: '(q) News curation',
	R: '(r) Route planning',
	S: '(s) Travel booking',
	T: '(t) Biometric device unlock',
} as const
export const cotsCommonTasks = keysOf(cotsCommonTaskLabels)
export type CotsCommonTask = (typeof cotsCommonTasks)[number]
