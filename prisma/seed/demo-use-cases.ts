// About thirty CMS AI use cases for the demo, drawn from what CMS published in its 2024 and 2025
// AI use case inventories (names, components, stages, vendors where CMS named them; see
// reference/federal-ai-policy.md §5.6), with workflow records that agree with each other: review
// lanes, decisions on frozen versions, conditions, a CAIO waiver, status history spread over the
// past months, stored check runs and audit events. The narrative details (problems, benefits,
// review notes) are written for the demo. One case, the WISeR prior-authorization technology, is
// not in CMS's published inventory: it stands for a deployed high-impact use so that the
// minimum-practice and waiver dashboards have something real to show.
//
// None of these cases lists the demo submitter, reviewer or governance lead as owner or contact:
// the end-to-end journeys rely on those accounts being independent of every seeded case.
import { type Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { evaluateUseCase, type Evaluation } from '#app/modules/policies/evaluate.ts'
import { storeCheckRun } from '#app/modules/policies/packs.server.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { refreshDatasetCopies } from '#app/modules/use-cases/dataset-copies.server.ts'
import {
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import {
	columnsOf,
	toDocument,
	useCaseSelect,
} from '#app/modules/use-cases/use-case-record.server.ts'
import {
	type DatasetUsage,
	type HighImpactDetermination,
	type MinimumPractice,
	type ReviewLane,
	type UseCaseStatus,
} from '#app/modules/use-cases/vocabulary.ts'
import { type CmsDatasetSlug } from './cms-datasets.ts'
import { demoPerson, type UserSeed } from './demo-accounts.ts'
import { type OrgUnitCode } from './org-units.ts'

const submitter = <const Email extends string>(email: Email, name: string, orgUnitCode: string) =>
	demoPerson(email, name, orgUnitCode, { role: 'SUBMITTER' })

/** CMS staff who own the demo cases (none of them is one of the demo accounts the journeys sign in with). */
export const demoStaff = [
	submitter('ayesha.khan@cms.example', 'Ayesha Khan', 'HHS/CMS/CCIIO'),
	submitter('thomas.brennan@cms.example', 'Thomas Brennan', 'HHS/CMS/CM'),
	submitter('grace.liu@cms.example', 'Grace Liu', 'HHS/CMS/OIT'),
	submitter('samuel.okafor@cms.example', 'Samuel Okafor', 'HHS/CMS/CPI'),
	submitter('maria.delgado@cms.example', 'María Delgado', 'HHS/CMS/CMCS'),
	submitter('kevin.park@cms.example', 'Kevin Park', 'HHS/CMS/OFM'),
	submitter('nina.patel@cms.example', 'Nina Patel', 'HHS/CMS/CCSQ'),
	submitter('daniel.romero@cms.example', 'Daniel Romero', 'HHS/CMS/CMMI'),
] as const

type StaffEmail = (typeof demoStaff)[number]['email']

/** The accounts the demo's workflow records name as reviewer and governance lead. */
export const DEMO_REVIEWER_EMAIL = 'reviewer@cms.example'
export const DEMO_LEAD_EMAIL = 'governance@cms.example'

type DemoCase = {
	trackingId: string
	orgUnit: OrgUnitCode
	owner: StaffEmail
	developers?: ReadonlyArray<StaffEmail>
	status: UseCaseStatus
	/** Days between the draft's creation and today; the rest of the timeline follows from it. */
	ageDays: number
	/** Went through one round of "changes requested" before where it is now. */
	changesRequested?: boolean
	/** Lanes whose due date has passed while still open (the review is overdue). */
	overdueLanes?: boolean
	/** For approved cases: the periodic re-review is already past due. */
	reReviewOverdue?: boolean
	determination?: { value: HighImpactDetermination; justification?: string; rationale?: string }
	decisionNote?: string
	condition?: { text: string; dueInDays: number; met?: boolean }
	waiver?: { practice: MinimumPractice; grantedDaysAgo: number; riskAssessment: string }
	tags?: ReadonlyArray<string>
	datasets: ReadonlyArray<{
		slug: CmsDatasetSlug
		usages: ReadonlyArray<DatasetUsage>
		justification?: string
	}>
	doc: Omit<UseCaseDocumentInput, 'trackingId' | 'orgUnit' | 'datasets' | 'highImpact' | 'waivers'>
}

const notAi = { ruleBasedOnly: false }
/** Most of the demo's tools: staff use them, no generative AI, run in CMS's own data centre. */
const internalToolInCmsDataCenter = {
	publicFacing: false,
	generativeAi: false,
	hosting: 'CMS_DATA_CENTER' as const,
}
/**
 * The safeguards of a custom model CMS runs in its data centre on Medicare claims from the IDR
 * (SORN 09-70-0558), with Part 2 records filtered out and its code exempt from sharing.
 */
const idrClaimsToolSafeguards = {
	dataUseAgreement: true,
	privacyActContractClauses: true,
	ephiRiskAnalysis: true,
	businessAssociateAgreement: true,
	piaCompleted: true,
	retrievedByPersonalIdentifier: true,
	sornNumber: '09-70-0558',
	sudRecordsExcluded: true,
	codeSharingDecision: 'EXEMPT' as const,
}
const inventoryBasics = {
	isWithheld: 'NO' as const,
	demographicFeatures: ['NONE_OF_THE_ABOVE' as const],
	aiScreen: notAi,
}

export const demoUseCases: ReadonlyArray<DemoCase> = [
	// ── CCIIO: the Marketplace ──
	{
		trackingId: 'CMS-2025-0001',
		orgUnit: 'HHS/CMS/CCIIO',
		owner: 'ayesha.khan@cms.example',
		status: 'IN_REVIEW',
		ageDays: 40,
		determination: {
			value: 'HIGH_IMPACT',
			rationale:
				'Applicants the decision service fails cannot continue online; its answer is the principal basis for access to the Marketplace application.',
		},
		tags: ['omb-2025'],
		datasets: [
			{
				slug: 'marketplace-remote-identity-proofing-vendor',
				usages: ['OPERATION', 'EVALUATION'],
				justification:
					'The vendor’s proofing result is the input the decision service adjudicates.',
			},
			{
				slug: 'ffe-marketplace-eligibility-enrollment',
				usages: ['OPERATION'],
				justification:
					'Name, date of birth, address and SSN only: what identity proofing compares.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'iVeri-Fi (Test): remote identity proofing decision service',
			contactEmail: 'marketplace-ai@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Marketplace applicants whose identity cannot be proofed remotely wait days for manual document review before they can apply for coverage.',
			benefits:
				'A decision service adjudicates remote identity proofing in minutes, so most applicants can finish their application the same day.',
			systemOutputs:
				'An accept, refer-to-document-review or deny identity-proofing decision for each applicant, with the reasons.',
			contractingUsage: 'PURCHASED',
			vendorNames: ['Sapiens'],
			hasAto: true,
			atoSystemName: 'Federally Facilitated Marketplace (FFM)',
			dataDescription:
				'Applicant identity attributes and the commercial proofing vendor’s results; no training on CMS data.',
			hasPii: true,
			hasCustomCode: false,
			decisionRole: 'PRINCIPAL_BASIS',
			affectedParties: ['BENEFICIARIES'],
			informedDecisions: ['IDENTITY_ACCESS', 'ELIGIBILITY_ENROLLMENT'],
			publicFacing: true,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			practices: {
				testing: 'IN_PROGRESS',
				impactAssessment: 'IN_PROGRESS',
				independentReview: 'IN_PROGRESS',
				monitoring: 'IN_PROGRESS',
				training: 'IN_PROGRESS',
				failsafe: 'YES',
				appeal: 'YES',
				publicConsultation: ['IN_PROGRESS'],
			},
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				decisionRecordsAccurate: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0560',
				computerMatching: false,
				fedrampAuthorized: true,
				vendorAiContractTerms: true,
				publicFeedbackChannel: 'Post-application survey on HealthCare.gov',
				informationQualityApplied: true,
				publicSurveysOrForms: true,
				paperworkClearanceConsidered: true,
			},
		},
	},
	{
		trackingId: 'CMS-2025-0002',
		orgUnit: 'HHS/CMS/CCIIO',
		owner: 'ayesha.khan@cms.example',
		status: 'APPROVED',
		ageDays: 300,
		determination: {
			value: 'PRESUMED_NOT_HIGH_IMPACT',
			justification:
				'The model ranks agent and broker activity for investigators; no suspension, termination or penalty follows from the score. Investigators decide on the full case file, and agents and brokers keep the existing notice-and-appeal process.',
		},
		tags: ['omb-2025', 'program-integrity'],
		datasets: [
			{
				slug: 'ffe-marketplace-eligibility-enrollment',
				usages: ['TRAINING', 'OPERATION'],
				justification:
					'Enrollment transactions with the agent or broker of record; consumer identity fields are masked.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Agent/Broker Fraud Analysis (ABCQI)',
			contactEmail: 'marketplace-ai@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Unauthorized enrollments and plan switches by a small number of agents and brokers harm consumers and are found late, after complaints.',
			benefits:
				'Flags suspicious agent and broker patterns early, so investigators look at the riskiest activity first.',
			systemOutputs:
				'A ranked list of agents and brokers with the enrollment patterns that drove each ranking.',
			operationalDate: '2024-03-01',
			contractingUsage: 'PURCHASED',
			vendorNames: ['Marketplace program integrity contractor'],
			hasAto: true,
			atoSystemName: 'Federally Facilitated Marketplace (FFM)',
			dataDescription: 'Three years of enrollment transactions with the agent or broker of record.',
			hasPii: true,
			hasCustomCode: false,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PROVIDERS'],
			informedDecisions: ['FRAUD_IMPROPER_PAYMENT'],
			publicFacing: false,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0560',
				fedrampAuthorized: true,
				vendorAiContractTerms: true,
			},
		},
	},
	{
		trackingId: 'CMS-2025-0003',
		orgUnit: 'HHS/CMS/CCIIO',
		owner: 'ayesha.khan@cms.example',
		developers: ['grace.liu@cms.example'],
		status: 'APPROVED_WITH_CONDITIONS',
		ageDays: 220,
		determination: {
			value: 'PRESUMED_NOT_HIGH_IMPACT',
			justification:
				'Outliers go to analysts who review the partner’s transactions before any compliance action; the score alone changes nothing for a consumer or a partner.',
		},
		condition: {
			text: 'Document how an Enhanced Direct Enrollment partner is told about, and can answer, a compliance review that started from the model.',
			dueInDays: -20,
		},
		decisionNote: 'Approved on condition that the partner notice and response path is documented.',
		tags: ['omb-2025'],
		datasets: [
			{
				slug: 'ffe-marketplace-eligibility-enrollment',
				usages: ['TRAINING', 'OPERATION'],
				justification: 'Application transactions submitted through EDE partners.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Enhanced Direct Enrollment Outlier Detection',
			contactEmail: 'marketplace-ai@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Enhanced Direct Enrollment partners submit millions of applications; unusual submission patterns were found only in periodic audits.',
			benefits:
				'Finds unusual partner submission patterns within days instead of at the next audit.',
			systemOutputs: 'Outlier flags per partner and week, with the measures that deviate.',
			operationalDate: '2025-01-15',
			contractingUsage: 'CONTRACT_AND_IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Federally Facilitated Marketplace (FFM)',
			dataDescription: 'Application transaction metadata from EDE partners; no consumer free text.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PLANS'],
			informedDecisions: ['FRAUD_IMPROPER_PAYMENT'],
			publicFacing: false,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: false,
				fedrampAuthorized: true,
				codeSharingDecision: 'SHARED_GOVERNMENT',
				trainingDataDisclosureAssessed: true,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0001',
		orgUnit: 'HHS/CMS/CCIIO',
		owner: 'ayesha.khan@cms.example',
		status: 'SUBMITTED',
		ageDays: 9,
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'Marketplace Qualified Health Plan Benefit AI Assistant',
			contactEmail: 'marketplace-ai@cms.hhs.gov',
			stage: 'PILOT',
			topicArea: 'SERVICE_DELIVERY',
			classification: 'GENERATIVE_AI',
			problemSolved:
				'Consumers comparing plans struggle to find what a plan covers in long benefit documents.',
			benefits:
				'Plain-language answers about a plan’s benefits, with links to the plan documents, while consumers shop.',
			systemOutputs:
				'Answers to consumers’ questions about a plan’s covered benefits, citing the plan’s own documents.',
			contractingUsage: 'CONTRACT_AND_IN_HOUSE',
			vendorNames: ['Amazon Web Services'],
			hasAto: true,
			atoSystemName: 'HealthCare.gov',
			dataDescription:
				'Public QHP benefit and plan landscape files only; no consumer data is sent to the model.',
			hasPii: false,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['BENEFICIARIES'],
			informedDecisions: ['NONE'],
			publicFacing: true,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				fedrampAuthorized: true,
				generativeOutputsReviewed: false,
				generativeAiPolicyAcknowledged: true,
				publicFeedbackChannel: 'Thumbs up/down and comment on each answer',
				informationQualityApplied: true,
				publicSurveysOrForms: false,
			},
		},
	},
	{
		trackingId: 'CMS-2025-0004',
		orgUnit: 'HHS/CMS/CCIIO',
		owner: 'ayesha.khan@cms.example',
		status: 'APPROVED',
		ageDays: 330,
		reReviewOverdue: true,
		determination: { value: 'NOT_HIGH_IMPACT' },
		datasets: [
			{
				slug: 'ffe-marketplace-eligibility-enrollment',
				usages: ['TRAINING', 'OPERATION'],
				justification: 'Enrollment counts by plan and rating area; no consumer identities.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Risk Adjustment Outlier Analysis',
			contactEmail: 'marketplace-ai@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Issuers’ risk adjustment submissions hold errors that distort transfers between plans.',
			benefits:
				'Finds implausible risk scores before transfers are calculated, so auditors target the right issuers.',
			systemOutputs: 'Issuer-level outlier reports for the risk adjustment data validation team.',
			operationalDate: '2023-06-01',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Edge Server Management',
			dataDescription: 'Issuer enrollment and claims summaries submitted to the EDGE servers.',
			hasPii: false,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PLANS'],
			informedDecisions: ['COVERAGE_PAYMENT'],
			...internalToolInCmsDataCenter,
			safeguards: {
				codeSharingDecision: 'SHARED_GOVERNMENT',
				trainingDataDisclosureAssessed: true,
			},
		},
	},
	// ── OIT and enterprise tools ──
	{
		trackingId: 'CMS-2025-0005',
		orgUnit: 'HHS/CMS/OIT',
		owner: 'grace.liu@cms.example',
		status: 'APPROVED_WITH_CONDITIONS',
		ageDays: 180,
		determination: { value: 'NOT_HIGH_IMPACT' },
		condition: {
			text: 'Re-run the access review of analytic workspaces after the first 90 days of the pilot.',
			dueInDays: -60,
			met: true,
		},
		decisionNote: 'Approved for the pilot with a 90-day access review.',
		tags: ['omb-2025'],
		datasets: [
			{
				slug: 'medicare-ffs-part-a-claims',
				usages: ['OPERATION'],
				justification:
					'Analysts work with claims inside the environment; extracts are limited to approved projects.',
			},
			{
				slug: 'medicare-ffs-part-b-claims',
				usages: ['OPERATION'],
				justification: 'As for Part A.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Integrated Data Repository (IDR) Customer Analytic Environment',
			contactEmail: 'idr-support@cms.hhs.gov',
			stage: 'PILOT',
			topicArea: 'INFORMATION_TECHNOLOGY',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Analysts copy claims out of the IDR to build models on their desktops, which is slow and hard to secure.',
			benefits: 'Analysts build and run models next to the data, without extracts leaving the IDR.',
			systemOutputs: 'Model results and analytic datasets inside the environment.',
			operationalDate: '2025-09-01',
			contractingUsage: 'CONTRACT_AND_IN_HOUSE',
			vendorNames: ['GDIT'],
			hasAto: true,
			atoSystemName: 'Integrated Data Repository (IDR)',
			dataDescription: 'Medicare Part A and Part B claims already held in the IDR.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			...internalToolInCmsDataCenter,
			safeguards: idrClaimsToolSafeguards,
		},
	},
	{
		trackingId: 'CMS-2025-0006',
		orgUnit: 'HHS/CMS/OIT',
		owner: 'grace.liu@cms.example',
		status: 'APPROVED',
		ageDays: 260,
		determination: { value: 'NOT_HIGH_IMPACT' },
		tags: ['cots'],
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'Code assistant for CMS developers',
			contactEmail: 'ai-governance@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'INFORMATION_TECHNOLOGY',
			classification: 'GENERATIVE_AI',
			problemSolved:
				'Developers spend a large share of their time on boilerplate code and unit tests.',
			benefits: 'Routine coding tasks finish faster and the time saved goes to reviews and fixes.',
			systemOutputs: 'Code suggestions that the developer accepts, edits or rejects.',
			operationalDate: '2025-04-01',
			contractingUsage: 'PURCHASED',
			vendorNames: ['GitHub Copilot Business'],
			hasAto: true,
			atoSystemName: 'CMS Cloud SaaS Services',
			dataDescription: 'No CMS data trains the model; prompts contain source code only.',
			hasPii: false,
			hasCustomCode: false,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			cotsTask: 'L',
			estimatedUsers: '1,000–5,000',
			safeguards: {
				fedrampAuthorized: true,
				generativeOutputsReviewed: true,
				generativeAiPolicyAcknowledged: true,
				vendorAiContractTerms: true,
			},
		},
	},
	{
		trackingId: 'CMS-2025-0007',
		orgUnit: 'HHS/CMS/CCSQ',
		owner: 'nina.patel@cms.example',
		status: 'APPROVED',
		ageDays: 290,
		determination: { value: 'NOT_HIGH_IMPACT' },
		tags: ['cots', 'omb-2025'],
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'CCSQ ServiceNow AI Search',
			contactEmail: 'ccsq-support@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'SERVICE_DELIVERY',
			classification: 'NLP',
			problemSolved:
				'Quality program help-desk staff search several knowledge bases to answer providers’ questions.',
			benefits: 'One search finds the relevant knowledge article, so providers get answers sooner.',
			systemOutputs: 'Ranked knowledge articles and suggested answers for help-desk staff.',
			operationalDate: '2024-10-01',
			contractingUsage: 'PURCHASED',
			vendorNames: ['ServiceNow'],
			hasAto: true,
			atoSystemName: 'CCSQ ServiceNow',
			dataDescription: 'Published knowledge articles and resolved tickets without personal data.',
			hasPii: false,
			hasCustomCode: false,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			cotsTask: 'M',
			estimatedUsers: '100–500',
			safeguards: { fedrampAuthorized: true },
		},
	},
	{
		trackingId: 'CMS-2026-0002',
		orgUnit: 'HHS/CMS/OIT',
		owner: 'grace.liu@cms.example',
		status: 'CHANGES_REQUESTED',
		ageDays: 35,
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'Executive Order Gap Analysis Tool',
			contactEmail: 'ai-governance@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'ADMINISTRATIVE_FUNCTIONS',
			classification: 'GENERATIVE_AI',
			problemSolved:
				'Policy staff compare each new executive order against CMS policies and programs by hand.',
			benefits:
				'A first draft of the gaps between an order and CMS’s current policies within a day of its publication.',
			systemOutputs:
				'A draft gap analysis citing the order’s sections and the CMS policies concerned.',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: false,
			dataDescription: 'Published executive orders and CMS policy manuals.',
			hasPii: false,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'VENDOR_API',
			safeguards: { generativeOutputsReviewed: true },
		},
	},
	{
		trackingId: 'CMS-2025-0008',
		orgUnit: 'HHS/CMS/OIT',
		owner: 'grace.liu@cms.example',
		status: 'WITHDRAWN',
		ageDays: 120,
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'Meeting transcription and summaries in Microsoft 365 Copilot',
			contactEmail: 'ai-governance@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'ADMINISTRATIVE_FUNCTIONS',
			classification: 'GENERATIVE_AI',
			problemSolved: 'Staff who miss a meeting, or need captions, have no written record of it.',
			benefits: 'Transcripts and summaries make virtual meetings accessible and searchable.',
			systemOutputs: 'Meeting transcripts and summaries.',
			contractingUsage: 'PURCHASED',
			vendorNames: ['Microsoft'],
			hasAto: true,
			atoSystemName: 'Microsoft 365 GCC High',
			hasPii: false,
			hasCustomCode: false,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			cotsTask: 'C',
			estimatedUsers: '10,000–50,000',
			safeguards: { fedrampAuthorized: true, generativeOutputsReviewed: true },
		},
	},
	// ── CM: Medicare ──
	{
		trackingId: 'CMS-2025-0009',
		orgUnit: 'HHS/CMS/CM',
		owner: 'thomas.brennan@cms.example',
		status: 'APPROVED',
		ageDays: 420,
		reReviewOverdue: true,
		determination: { value: 'NOT_HIGH_IMPACT' },
		tags: ['omb-2025', 'public-facing'],
		datasets: [
			{
				slug: 'medicare-enrollment-database',
				usages: ['OPERATION'],
				justification: 'Looks up the signed-in person’s own enrollment to answer their questions.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Eligibility & Enrollment Medicare Online (ELMO) Chatbot',
			contactEmail: 'medicare-digital@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'SERVICE_DELIVERY',
			classification: 'NLP',
			problemSolved:
				'People with Medicare call 1-800-MEDICARE for routine enrollment questions that the website could answer.',
			benefits:
				'Routine enrollment questions are answered online at any hour, and calls go to harder cases.',
			systemOutputs: 'Answers to enrollment questions and hand-offs to a live agent.',
			operationalDate: '2024-09-01',
			contractingUsage: 'CONTRACT_AND_IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Medicare.gov',
			dataDescription: 'Enrollment status of the signed-in beneficiary, read at run time.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['BENEFICIARIES'],
			informedDecisions: ['NONE'],
			publicFacing: true,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				ephiRiskAnalysis: true,
				businessAssociateAgreement: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0502',
				fedrampAuthorized: true,
				publicFeedbackChannel: 'Rate-this-answer feedback in the chat',
				informationQualityApplied: true,
				publicSurveysOrForms: false,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0003',
		orgUnit: 'HHS/CMS/CM',
		owner: 'thomas.brennan@cms.example',
		status: 'IN_REVIEW',
		ageDays: 75,
		overdueLanes: true,
		datasets: [
			{
				slug: 'medicare-enrollment-database',
				usages: ['OPERATION'],
				justification: 'The signed-in person’s plan, to show their own drug costs.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Medicare AI Drug Search',
			contactEmail: 'medicare-digital@cms.hhs.gov',
			stage: 'PILOT',
			topicArea: 'SERVICE_DELIVERY',
			classification: 'GENERATIVE_AI',
			problemSolved:
				'People comparing Part D plans have to know exact drug names and strengths to find their costs.',
			benefits:
				'People describe their drugs in their own words and see the matching drugs and plan costs.',
			systemOutputs:
				'Matched drug names and strengths, for the person to confirm before costs are shown.',
			contractingUsage: 'PURCHASED',
			vendorNames: ['Oddball', 'Amazon Web Services'],
			hasAto: true,
			atoSystemName: 'Medicare.gov',
			dataDescription: 'Formulary reference files and, for signed-in users, their current plan.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['BENEFICIARIES'],
			informedDecisions: ['NONE'],
			publicFacing: true,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				ephiRiskAnalysis: true,
				piaCompleted: false,
				retrievedByPersonalIdentifier: true,
				fedrampAuthorized: true,
				generativeOutputsReviewed: false,
				publicFeedbackChannel: 'Feedback link on the search results',
				informationQualityApplied: true,
				publicSurveysOrForms: false,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0004',
		orgUnit: 'HHS/CMS/CM',
		owner: 'thomas.brennan@cms.example',
		status: 'SUBMITTED',
		ageDays: 6,
		datasets: [
			{
				slug: 'medicare-part-d-prescription-drug-events',
				usages: ['TRAINING', 'EVALUATION'],
				justification:
					'Drug, date and cost fields only; beneficiary identifiers are removed before training.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Drug Cost Increase Predictions',
			contactEmail: 'part-d-analytics@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'CLASSICAL_ML',
			problemSolved: 'Actuaries learn of steep drug price increases only when claims arrive.',
			benefits:
				'Earlier estimates of Part D cost growth for the bid review and the Trustees Report.',
			systemOutputs: 'Predicted price changes per drug and quarter, with confidence intervals.',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Integrated Data Repository (IDR)',
			dataDescription: 'Five years of Part D prescription drug events, de-identified.',
			hasPii: false,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			...internalToolInCmsDataCenter,
			safeguards: { ephiRiskAnalysis: true, codeSharingDecision: 'SHARED_GOVERNMENT' },
		},
	},
	{
		trackingId: 'CMS-2025-0010',
		orgUnit: 'HHS/CMS/CM',
		owner: 'thomas.brennan@cms.example',
		status: 'RETIRED',
		ageDays: 400,
		determination: { value: 'NOT_HIGH_IMPACT' },
		datasets: [
			{
				slug: 'medicare-part-d-prescription-drug-events',
				usages: ['TRAINING'],
				justification: 'Aggregated drug cost history.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Negotiated Drug Predictions',
			contactEmail: 'part-d-analytics@cms.hhs.gov',
			stage: 'RETIRED',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Estimating which drugs would be selected for price negotiation took weeks of manual analysis.',
			benefits: 'Quick estimates of candidate drugs for planning.',
			systemOutputs: 'A ranked list of drugs likely to qualify for negotiation.',
			operationalDate: '2024-02-01',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Integrated Data Repository (IDR)',
			dataDescription: 'Aggregated Part D cost history by drug.',
			hasPii: false,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			...internalToolInCmsDataCenter,
			safeguards: { codeSharingDecision: 'EXEMPT' },
		},
	},
	{
		trackingId: 'CMS-2026-0005',
		orgUnit: 'HHS/CMS/CM',
		owner: 'thomas.brennan@cms.example',
		status: 'DRAFT',
		ageDays: 12,
		datasets: [{ slug: 'medicare-advantage-encounter-data', usages: ['EVALUATION'] }],
		doc: {
			...inventoryBasics,
			name: 'Medicare Part C/D Plan Oversight of AI Used for Prior Authorization and Utilization Management',
			contactEmail: 'mapd-oversight@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'CMS cannot yet tell which Medicare Advantage plans rely on algorithms for prior authorization denials.',
			decisionRole: 'NONE',
			affectedParties: ['PLANS'],
			informedDecisions: ['NONE'],
		},
	},
	// ── CPI: program integrity ──
	{
		trackingId: 'CMS-2025-0011',
		orgUnit: 'HHS/CMS/CPI',
		owner: 'samuel.okafor@cms.example',
		status: 'APPROVED',
		ageDays: 350,
		determination: {
			value: 'PRESUMED_NOT_HIGH_IMPACT',
			justification:
				'The models open leads for investigators; no payment is suspended or denied on a score, and every administrative action follows an investigator’s review of the records.',
		},
		tags: ['program-integrity', 'omb-2025'],
		datasets: [
			{
				slug: 'fraud-prevention-system-alerts',
				usages: ['TRAINING', 'OPERATION'],
				justification: 'Past alerts and their outcomes train and calibrate the models.',
			},
			{
				slug: 'medicare-ffs-part-a-claims',
				usages: ['OPERATION'],
				justification: 'Claims are scored before payment.',
			},
			{
				slug: 'medicare-ffs-part-b-claims',
				usages: ['OPERATION'],
				justification: 'Claims are scored before payment.',
			},
			{
				slug: 'pecos-provider-enrollment',
				usages: ['OPERATION'],
				justification: 'Provider enrollment facts the models compare claims with.',
			},
		],
		doc: {
			...inventoryBasics,
			isWithheld: 'YES_DISCLOSURE_RISK',
			name: 'Fraud Prevention System predictive models',
			contactEmail: 'cpi-analytics@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'LAW_ENFORCEMENT',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Fraudulent billing was found months after payment, when the money was hard to recover.',
			benefits: 'Leads on likely fraud before payment, so investigators act before money goes out.',
			systemOutputs: 'Provider-level alerts with the claims and patterns that drove them.',
			operationalDate: '2023-01-01',
			contractingUsage: 'CONTRACT_AND_IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Fraud Prevention System (FPS)',
			dataDescription:
				'Medicare Part A and B claims, PECOS enrollment and past FPS alert outcomes.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PROVIDERS'],
			informedDecisions: ['FRAUD_IMPROPER_PAYMENT'],
			...internalToolInCmsDataCenter,
			safeguards: idrClaimsToolSafeguards,
		},
	},
	{
		trackingId: 'CMS-2025-0012',
		orgUnit: 'HHS/CMS/CPI',
		owner: 'samuel.okafor@cms.example',
		status: 'APPROVED',
		ageDays: 240,
		determination: { value: 'NOT_HIGH_IMPACT' },
		datasets: [
			{
				slug: 'pecos-provider-enrollment',
				usages: ['OPERATION'],
				justification: 'Matches bankruptcy notices to enrolled providers.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Bankruptcy BOT',
			contactEmail: 'cpi-analytics@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'PROCUREMENT_FINANCIAL_MANAGEMENT',
			classification: 'NLP',
			problemSolved:
				'Staff read bankruptcy court notices by hand to find Medicare providers with overpayment debts.',
			benefits: 'Notices concerning enrolled providers reach the debt team within a day.',
			systemOutputs:
				'Matched notices with the provider and the debt concerned, for staff to confirm.',
			operationalDate: '2024-05-01',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Provider Enrollment, Chain and Ownership System (PECOS)',
			dataDescription: 'PECOS enrollment records and public bankruptcy court notices.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PROVIDERS'],
			informedDecisions: ['NONE'],
			...internalToolInCmsDataCenter,
			safeguards: {
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0532',
				codeSharingDecision: 'SHARED_GOVERNMENT',
			},
		},
	},
	{
		trackingId: 'CMS-2026-0006',
		orgUnit: 'HHS/CMS/CPI',
		owner: 'samuel.okafor@cms.example',
		developers: ['nina.patel@cms.example'],
		status: 'IN_REVIEW',
		ageDays: 28,
		determination: {
			value: 'PRESUMED_NOT_HIGH_IMPACT',
			justification:
				'Certified coders review every record the tool highlights and make the finding; the tool only points to the pages that support or fail to support each diagnosis.',
		},
		tags: ['claims-review'],
		datasets: [
			{
				slug: 'medicare-advantage-encounter-data',
				usages: ['OPERATION', 'EVALUATION'],
				justification: 'The diagnoses submitted for the enrollees in the audit sample.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'RADV Medical Record Review',
			contactEmail: 'radv@cms.hhs.gov',
			stage: 'PILOT',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'NLP',
			problemSolved:
				'Risk Adjustment Data Validation audits need coders to read thousands of medical records page by page.',
			benefits:
				'Coders go straight to the pages that matter, so more contracts can be audited each year.',
			systemOutputs:
				'For each audited diagnosis, the medical-record pages that appear to support it, for a coder to confirm.',
			contractingUsage: 'PURCHASED',
			vendorNames: ['RADV medical record review contractor'],
			hasAto: true,
			atoSystemName: 'RADV Medical Record Review System',
			dataDescription:
				'Medical records submitted by Medicare Advantage organizations for sampled enrollees, and their encounter data.',
			hasPii: true,
			hasCustomCode: false,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PLANS'],
			informedDecisions: ['COVERAGE_PAYMENT', 'FRAUD_IMPROPER_PAYMENT'],
			publicFacing: false,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0506',
				businessAssociateAgreement: true,
				fedrampAuthorized: true,
				vendorAiContractTerms: true,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0007',
		orgUnit: 'HHS/CMS/CPI',
		owner: 'samuel.okafor@cms.example',
		status: 'SUBMITTED',
		ageDays: 4,
		datasets: [
			{
				slug: 'medicare-part-d-prescription-drug-events',
				usages: ['OPERATION'],
				justification: 'Prescription events checked for inconsistent prescriber and pharmacy data.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Rx Data Integrity Review',
			contactEmail: 'cpi-analytics@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Errors in prescriber and pharmacy identifiers on drug events are found only in yearly reviews.',
			benefits:
				'Inconsistent drug events are flagged for plan sponsors to correct in the same quarter.',
			systemOutputs: 'Flags on drug events whose prescriber or pharmacy data look inconsistent.',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Integrated Data Repository (IDR)',
			dataDescription: 'Part D prescription drug events and prescriber enrollment.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PLANS', 'PROVIDERS'],
			informedDecisions: ['FRAUD_IMPROPER_PAYMENT'],
			...internalToolInCmsDataCenter,
			safeguards: {
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0553',
			},
		},
	},
	// ── OFM and OAGM: money and contracts ──
	{
		trackingId: 'CMS-2025-0013',
		orgUnit: 'HHS/CMS/OFM',
		owner: 'kevin.park@cms.example',
		status: 'APPROVED_WITH_CONDITIONS',
		ageDays: 150,
		changesRequested: true,
		determination: {
			value: 'PRESUMED_NOT_HIGH_IMPACT',
			justification:
				'Medical reviewers make every payment determination in the improper payment sample; the model only orders and summarizes the record for them.',
		},
		condition: {
			text: 'Report the agreement rate between the model’s summaries and reviewers’ determinations after the first measurement cycle.',
			dueInDays: 45,
		},
		decisionNote: 'Approved for the pilot; report agreement rates before any expansion.',
		tags: ['claims-review', 'omb-2025'],
		datasets: [
			{
				slug: 'medicare-ffs-part-a-claims',
				usages: ['OPERATION'],
				justification: 'The sampled claims under review.',
			},
			{
				slug: 'medicare-ffs-part-b-claims',
				usages: ['OPERATION'],
				justification: 'The sampled claims under review.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'AI Use Case Pilot in Medical Review on Medicare FFS Improper Payment Measurement (CERT)',
			contactEmail: 'cert@cms.hhs.gov',
			stage: 'PILOT',
			topicArea: 'PROCUREMENT_FINANCIAL_MANAGEMENT',
			classification: 'GENERATIVE_AI',
			problemSolved:
				'CERT medical reviewers read long records to measure the Medicare fee-for-service improper payment rate.',
			benefits:
				'Reviewers see a structured summary of each record, so the sample is reviewed faster and more consistently.',
			systemOutputs:
				'A summary of the medical record against the coverage criteria, with page references, for the reviewer.',
			contractingUsage: 'PURCHASED',
			vendorNames: ['CERT review contractor'],
			hasAto: true,
			atoSystemName: 'Comprehensive Error Rate Testing (CERT)',
			dataDescription: 'Claims and medical records for the CERT sample.',
			hasPii: true,
			hasCustomCode: false,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PROVIDERS'],
			informedDecisions: ['COVERAGE_PAYMENT'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0558',
				businessAssociateAgreement: true,
				sudRecordsExcluded: true,
				fedrampAuthorized: true,
				generativeOutputsReviewed: true,
				generativeAiPolicyAcknowledged: true,
				vendorAiContractTerms: true,
			},
		},
	},
	{
		trackingId: 'CMS-2025-0014',
		orgUnit: 'HHS/CMS/OFM',
		owner: 'kevin.park@cms.example',
		status: 'APPROVED',
		ageDays: 200,
		determination: { value: 'NOT_HIGH_IMPACT' },
		datasets: [
			{
				slug: 'cms-acquisition-contract-records',
				usages: ['OPERATION'],
				justification: 'Contract terms the invoices are checked against.',
			},
			{
				slug: 'cms-budget-execution',
				usages: ['OPERATION'],
				justification: 'Obligations and payments per contract line.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Contract Invoice Analyzer Assistant',
			contactEmail: 'ofm-ai@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'PROCUREMENT_FINANCIAL_MANAGEMENT',
			classification: 'GENERATIVE_AI',
			problemSolved:
				'Contracting officer’s representatives check every invoice line against the contract by hand.',
			benefits:
				'Discrepancies between invoices and contract terms are highlighted before approval.',
			systemOutputs:
				'A list of invoice lines that do not match the contract, with the clause concerned.',
			operationalDate: '2025-07-01',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Healthcare Integrated General Ledger Accounting System (HIGLAS)',
			dataDescription: 'Contract documents, invoices and payment records.',
			hasPii: false,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				fedrampAuthorized: true,
				generativeOutputsReviewed: true,
				generativeAiPolicyAcknowledged: true,
				codeSharingDecision: 'SHARED_GOVERNMENT',
			},
		},
	},
	{
		trackingId: 'CMS-2025-0015',
		orgUnit: 'HHS/CMS/OAGM',
		owner: 'kevin.park@cms.example',
		status: 'APPROVED',
		ageDays: 310,
		determination: { value: 'NOT_HIGH_IMPACT' },
		tags: ['omb-2025'],
		datasets: [
			{
				slug: 'cms-acquisition-contract-records',
				usages: ['TRAINING', 'OPERATION'],
				justification: 'Labor categories and rates from awarded contracts.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'CMS Labor Analysis Wizard (CLAW)',
			contactEmail: 'oagm@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'PROCUREMENT_FINANCIAL_MANAGEMENT',
			classification: 'NLP',
			problemSolved:
				'Contract specialists compare proposed labor categories and rates with past awards by hand.',
			benefits: 'Price analyses start from comparable labor categories found in seconds.',
			systemOutputs: 'Comparable labor categories and rates from past CMS awards.',
			operationalDate: '2024-11-01',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'CMS Acquisition Lifecycle Management',
			dataDescription: 'Labor categories, descriptions and rates from awarded CMS contracts.',
			hasPii: false,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			...internalToolInCmsDataCenter,
			safeguards: { codeSharingDecision: 'SHARED_GOVERNMENT' },
		},
	},
	// ── CMCS: Medicaid and CHIP ──
	{
		trackingId: 'CMS-2026-0008',
		orgUnit: 'HHS/CMS/CMCS',
		owner: 'maria.delgado@cms.example',
		status: 'IN_REVIEW',
		ageDays: 21,
		datasets: [
			{
				slug: 't-msis-analytic-files',
				usages: ['OPERATION', 'EVALUATION'],
				justification: 'The states’ submissions whose data quality the agent checks.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'T-MSIS Prima',
			contactEmail: 'medicaid-data@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'AGENTIC_AI',
			problemSolved:
				'CMS and states spend weeks tracing T-MSIS data quality problems back to their source files.',
			benefits:
				'An agent runs the data quality checks, traces failures to their source and drafts the note to the state.',
			systemOutputs:
				'Data quality findings per state submission and draft technical-assistance notes for CMS staff to send.',
			contractingUsage: 'CONTRACT_AND_IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Transformed Medicaid Statistical Information System (T-MSIS)',
			dataDescription: 'T-MSIS submissions and the TAF built from them.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: false,
				fedrampAuthorized: true,
				generativeOutputsReviewed: true,
				sudRecordsExcluded: false,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0009',
		orgUnit: 'HHS/CMS/CMCS',
		owner: 'maria.delgado@cms.example',
		status: 'CHANGES_REQUESTED',
		ageDays: 50,
		datasets: [
			{
				slug: 't-msis-analytic-files',
				usages: ['TRAINING', 'EVALUATION'],
				justification: 'Enrollment spans and claims used to predict coverage loss at renewal.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Medicaid renewal coverage-loss forecasting for state technical assistance',
			contactEmail: 'medicaid-data@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'CMS learns which states will see large procedural disenrollments only after renewals are processed.',
			benefits:
				'CMS offers technical assistance to states before renewal backlogs cause procedural coverage loss.',
			systemOutputs:
				'Forecasts of procedural disenrollment by state and month; no individual-level outputs.',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Transformed Medicaid Statistical Information System (T-MSIS)',
			dataDescription: 'Three years of TAF enrollment and eligibility records.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			...internalToolInCmsDataCenter,
			safeguards: {
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: false,
			},
		},
	},
	// ── CCSQ: quality ──
	{
		trackingId: 'CMS-2026-0010',
		orgUnit: 'HHS/CMS/CCSQ',
		owner: 'nina.patel@cms.example',
		status: 'SUBMITTED',
		ageDays: 3,
		datasets: [
			{
				slug: 'mds-nursing-home-assessments',
				usages: ['TRAINING', 'OPERATION'],
				justification: 'Assessment items whose coding consistency is checked; names are not used.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'MDS assessment coding consistency review',
			contactEmail: 'ccsq-data@cms.hhs.gov',
			stage: 'PILOT',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Inconsistent MDS coding skews nursing home quality measures and is found only on survey.',
			benefits:
				'State survey agencies see facilities with improbable coding patterns before their next survey.',
			systemOutputs: 'Facility-level coding-consistency indicators for survey planning.',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Quality Improvement and Evaluation System (QIES)',
			dataDescription: 'Two years of MDS 3.0 assessments.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PROVIDERS'],
			informedDecisions: ['NONE'],
			...internalToolInCmsDataCenter,
			safeguards: {
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: false,
			},
		},
	},
	{
		trackingId: 'CMS-2025-0016',
		orgUnit: 'HHS/CMS/CCSQ',
		owner: 'nina.patel@cms.example',
		status: 'APPROVED',
		ageDays: 270,
		determination: { value: 'NOT_HIGH_IMPACT' },
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'Feedback Analysis Solution (public comment analysis)',
			contactEmail: 'ccsq-data@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'ADMINISTRATIVE_FUNCTIONS',
			classification: 'NLP',
			problemSolved:
				'Rules draw tens of thousands of public comments that staff sort and summarize by hand.',
			benefits:
				'Comments are grouped by topic and duplicate campaigns detected, so staff read every distinct argument sooner.',
			systemOutputs:
				'Comment clusters, duplicate-campaign groups and topic summaries for staff to verify.',
			operationalDate: '2024-08-01',
			contractingUsage: 'PURCHASED',
			vendorNames: ['Comment analysis vendor'],
			hasAto: true,
			atoSystemName: 'CMS Cloud SaaS Services',
			dataDescription: 'Public comments posted to Regulations.gov.',
			hasPii: false,
			hasCustomCode: false,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			safeguards: { fedrampAuthorized: true },
		},
	},
	// ── CMMI: models ──
	{
		trackingId: 'CMS-2026-0011',
		orgUnit: 'HHS/CMS/CMMI',
		owner: 'daniel.romero@cms.example',
		developers: ['thomas.brennan@cms.example'],
		status: 'APPROVED_WITH_CONDITIONS',
		ageDays: 330,
		determination: {
			value: 'HIGH_IMPACT',
			rationale:
				'The technology’s recommendation is the principal basis for prior-authorization decisions on the selected services, before a clinician reviews a denial.',
		},
		condition: {
			text: 'Complete the AI impact assessment, with its independent review, and set up ongoing monitoring of denial and appeal rates.',
			dueInDays: -30,
		},
		decisionNote:
			'Approved with conditions: the impact assessment and monitoring must be completed; public consultation is covered by a CAIO waiver for the first model year.',
		waiver: {
			practice: 'PUBLIC_CONSULTATION',
			grantedDaysAgo: 330,
			riskAssessment:
				'Consultation before the model year would have delayed a statutory start date; the model’s public listening sessions in its first year substitute, and the waiver lapses at the first re-certification.',
		},
		tags: ['high-impact', 'omb-2026'],
		datasets: [
			{
				slug: 'medicare-ffs-part-a-claims',
				usages: ['OPERATION', 'EVALUATION'],
				justification:
					'Claims history of the beneficiaries whose services need prior authorization.',
			},
			{
				slug: 'medicare-ffs-part-b-claims',
				usages: ['OPERATION', 'EVALUATION'],
				justification: 'As for Part A.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'WISeR Model prior-authorization technology',
			contactEmail: 'wiser@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'HEALTH_MEDICAL',
			classification: 'CLASSICAL_ML',
			problemSolved:
				'Some services in Original Medicare are prone to waste and inappropriate use that retrospective review finds too late.',
			benefits:
				'Prior authorization of selected services, supported by technology, reduces inappropriate services before they are paid for.',
			systemOutputs:
				'A recommendation to affirm or refer each prior-authorization request, with the clinical criteria it rests on.',
			operationalDate: '2026-01-01',
			contractingUsage: 'PURCHASED',
			vendorNames: ['WISeR Model participants'],
			hasAto: true,
			atoSystemName: 'WISeR Model Operations',
			dataDescription:
				'Prior-authorization requests, supporting medical documentation and the beneficiaries’ claims history.',
			hasPii: true,
			hasCustomCode: false,
			decisionRole: 'PRINCIPAL_BASIS',
			affectedParties: ['BENEFICIARIES', 'PROVIDERS'],
			informedDecisions: ['COVERAGE_PAYMENT', 'CARE_DIAGNOSIS_TREATMENT'],
			publicFacing: false,
			generativeAi: false,
			hosting: 'FEDRAMP_CLOUD',
			practices: {
				testing: 'YES',
				impactAssessment: 'IN_PROGRESS',
				potentialImpacts:
					'Wrongful denials could delay needed care; every denial is reviewed by a clinician and can be appealed through Medicare appeals.',
				independentReview: 'IN_PROGRESS',
				monitoring: 'IN_PROGRESS',
				training: 'YES',
				failsafe: 'YES',
				appeal: 'YES',
				publicConsultation: ['CAIO_WAIVED'],
			},
			safeguards: {
				dataUseAgreement: true,
				privacyActContractClauses: true,
				decisionRecordsAccurate: true,
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: true,
				sornNumber: '09-70-0558',
				businessAssociateAgreement: true,
				sudRecordsExcluded: true,
				fedrampAuthorized: true,
				vendorAiContractTerms: true,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0012',
		orgUnit: 'HHS/CMS/CMMI',
		owner: 'daniel.romero@cms.example',
		status: 'REJECTED',
		ageDays: 90,
		determination: { value: 'NOT_HIGH_IMPACT' },
		decisionNote:
			'Rejected: applicants’ personal data would be sent to a model API without a FedRAMP authorization or contract terms that forbid training on it. Resubmit with an authorized service.',
		datasets: [
			{
				slug: 'pecos-provider-enrollment',
				usages: ['OPERATION'],
				justification: 'Applicant organizations’ enrollment records.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Model participant application summarizer',
			contactEmail: 'cmmi-ai@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'ADMINISTRATIVE_FUNCTIONS',
			classification: 'GENERATIVE_AI',
			problemSolved: 'Reviewers read hundreds of long applications to CMMI models.',
			benefits: 'A first summary of each application against the model’s criteria.',
			systemOutputs: 'A summary of each application for the review panel.',
			contractingUsage: 'PURCHASED',
			vendorNames: ['Generative AI API provider'],
			hasAto: false,
			dataDescription: 'Applications, including key personnel and enrollment details.',
			hasPii: true,
			hasCustomCode: false,
			decisionRole: 'ASSISTIVE',
			affectedParties: ['PROVIDERS'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'VENDOR_API',
			safeguards: {
				piaCompleted: false,
				retrievedByPersonalIdentifier: true,
				fedrampAuthorized: false,
				vendorAiContractTerms: false,
				generativeOutputsReviewed: true,
			},
		},
	},
	// ── OEDA and OHC ──
	{
		trackingId: 'CMS-2026-0013',
		orgUnit: 'HHS/CMS/OEDA',
		owner: 'grace.liu@cms.example',
		status: 'IN_REVIEW',
		ageDays: 14,
		datasets: [
			{
				slug: 'medicare-beneficiary-summary-file',
				usages: ['TRAINING'],
				justification: 'Distributions the synthetic data must reproduce.',
			},
			{
				slug: 'medicare-ffs-sud-claims-part2',
				usages: ['EVALUATION'],
				justification:
					'Checks that synthetic records cannot be linked back to people in the Part 2 segment.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Synthetic Medicare claims for software testing',
			contactEmail: 'oeda@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'INFORMATION_TECHNOLOGY',
			classification: 'GENERATIVE_AI',
			problemSolved:
				'Developers test claims systems with hand-made data that misses real-world patterns.',
			benefits: 'Realistic synthetic claims for testing, with no real beneficiary in them.',
			systemOutputs: 'Synthetic beneficiary and claims files.',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'Chronic Conditions Data Warehouse (CCW)',
			dataDescription:
				'Beneficiary summary and claims distributions; Part 2 records only to test re-identification risk.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'NONE',
			affectedParties: ['INTERNAL_ONLY'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'CMS_DATA_CENTER',
			safeguards: {
				ephiRiskAnalysis: true,
				piaCompleted: true,
				retrievedByPersonalIdentifier: false,
				part2ConsentBasis: 'AUDIT_EVALUATION',
				generativeOutputsReviewed: true,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0014',
		orgUnit: 'HHS/CMS/OHC',
		owner: 'kevin.park@cms.example',
		status: 'APPROVED',
		ageDays: 120,
		determination: { value: 'NOT_HIGH_IMPACT' },
		tags: ['cots'],
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'Position description drafting in Microsoft 365 Copilot',
			contactEmail: 'ohc@cms.hhs.gov',
			stage: 'DEPLOYED',
			topicArea: 'HUMAN_RESOURCES',
			classification: 'GENERATIVE_AI',
			problemSolved: 'Hiring managers write position descriptions from scratch.',
			benefits: 'A first draft from the classification standard, which HR specialists then edit.',
			systemOutputs: 'Draft position descriptions.',
			operationalDate: '2025-08-01',
			contractingUsage: 'PURCHASED',
			vendorNames: ['Microsoft'],
			hasAto: true,
			atoSystemName: 'Microsoft 365 GCC High',
			dataDescription: 'OPM classification standards; no personnel records.',
			hasPii: false,
			hasCustomCode: false,
			decisionRole: 'NONE',
			affectedParties: ['EMPLOYEES'],
			informedDecisions: ['NONE'],
			publicFacing: false,
			generativeAi: true,
			hosting: 'FEDRAMP_CLOUD',
			cotsTask: 'G',
			estimatedUsers: '500–1,000',
			safeguards: {
				fedrampAuthorized: true,
				generativeOutputsReviewed: true,
				generativeAiPolicyAcknowledged: true,
			},
		},
	},
	{
		trackingId: 'CMS-2026-0015',
		orgUnit: 'HHS/CMS/OHC',
		owner: 'kevin.park@cms.example',
		status: 'SUBMITTED',
		ageDays: 2,
		datasets: [
			{
				slug: 'cms-personnel-records',
				usages: ['OPERATION'],
				justification: 'Applicants’ qualifications as entered in the hiring system.',
			},
		],
		doc: {
			...inventoryBasics,
			name: 'Applicant qualification pre-screening assistant',
			contactEmail: 'ohc@cms.hhs.gov',
			stage: 'PRE_DEPLOYMENT',
			topicArea: 'HUMAN_RESOURCES',
			classification: 'NLP',
			problemSolved:
				'HR specialists screen hundreds of applications per announcement against minimum qualifications.',
			benefits:
				'Applications are sorted by whether they appear to meet minimum qualifications, for the specialist to confirm.',
			systemOutputs:
				'A qualified / not-qualified recommendation per applicant with the evidence found.',
			contractingUsage: 'IN_HOUSE',
			vendorNames: [],
			hasAto: true,
			atoSystemName: 'USA Staffing',
			dataDescription: 'Applications and résumés submitted to CMS announcements.',
			hasPii: true,
			hasCustomCode: true,
			decisionRole: 'PRINCIPAL_BASIS',
			affectedParties: ['EMPLOYEES', 'PUBLIC'],
			informedDecisions: ['EMPLOYMENT'],
			...internalToolInCmsDataCenter,
			safeguards: {
				piaCompleted: false,
				retrievedByPersonalIdentifier: true,
				sornNumber: 'OPM/GOVT-5',
			},
		},
	},
	{
		trackingId: 'CMS-2026-0016',
		orgUnit: 'HHS/CMS/OEDA',
		owner: 'maria.delgado@cms.example',
		status: 'DRAFT',
		ageDays: 5,
		datasets: [],
		doc: {
			...inventoryBasics,
			name: 'Research data request triage',
			contactEmail: 'oeda@cms.hhs.gov',
			problemSolved: 'Research data requests wait in one queue whatever their complexity.',
		},
	},
]

// ── Building the records ──

const DAY = 86_400_000

type Timeline = {
	created: Date
	submitted?: Date
	inReview?: Date
	changesRequested?: Date
	resubmitted?: Date
	reviewAgain?: Date
	decided?: Date
	retired?: Date
	withdrawn?: Date
}

/** When each step happened, from the case's age: submission a few days after the draft, decisions weeks later. */
export function timelineOf(
	demo: Pick<DemoCase, 'status' | 'ageDays' | 'changesRequested'>,
	now: Date,
): Timeline {
	const at = (daysAgo: number) => new Date(now.getTime() - Math.max(daysAgo, 0.5) * DAY)
	const age = demo.ageDays
	const timeline: Timeline = { created: at(age) }
	if (demo.status === 'DRAFT') return timeline
	timeline.submitted = at(age - Math.min(4, age * 0.2))
	if (demo.status === 'SUBMITTED') return timeline
	if (demo.status === 'WITHDRAWN') {
		timeline.withdrawn = at(age * 0.6)
		return timeline
	}
	timeline.inReview = at(age - Math.min(7, age * 0.3))
	const loop = demo.changesRequested || demo.status === 'CHANGES_REQUESTED'
	if (loop) timeline.changesRequested = at(age * (demo.status === 'CHANGES_REQUESTED' ? 0.3 : 0.75))
	if (demo.status === 'CHANGES_REQUESTED' || demo.status === 'IN_REVIEW') return timeline
	if (loop) {
		timeline.resubmitted = at(age * 0.65)
		timeline.reviewAgain = at(age * 0.62)
	}
	timeline.decided = at(demo.status === 'RETIRED' ? age * 0.7 : age * 0.5)
	if (demo.status === 'RETIRED') timeline.retired = at(age * 0.15)
	return timeline
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10)

type People = {
	lead: { id: string; name: string }
	reviewer: { id: string; name: string }
	staff: Map<string, { id: string; name: string }>
}

const decisionOutcome = {
	APPROVED: 'APPROVED',
	APPROVED_WITH_CONDITIONS: 'APPROVED_WITH_CONDITIONS',
	REJECTED: 'REJECTED',
	RETIRED: 'APPROVED',
} as const

async function insertDemoCase(
	tx: Tx,
	demo: DemoCase,
	people: People,
	datasetIds: Map<string, string>,
	orgUnitIds: Map<string, string>,
	now: Date,
) {
	const owner = people.staff.get(demo.owner)!
	const t = timelineOf(demo, now)
	const waiverGranted = demo.waiver
		? new Date(now.getTime() - demo.waiver.grantedDaysAgo * DAY)
		: null
	const determinedAt = demo.determination ? (t.inReview ?? t.submitted ?? t.created) : null
	const doc = UseCaseDocumentSchema.parse({
		...demo.doc,
		trackingId: demo.trackingId,
		orgUnit: demo.orgUnit,
		highImpact: demo.determination
			? {
					determination: demo.determination.value,
					justification: demo.determination.justification,
					principalBasisRationale: demo.determination.rationale,
					determinedBy: people.lead.name,
					determinedOn: isoDay(determinedAt!),
				}
			: {},
		waivers:
			demo.waiver && waiverGranted
				? [
						{
							practice: demo.waiver.practice,
							grantedOn: isoDay(waiverGranted),
							reportedToOmbOn: isoDay(new Date(waiverGranted.getTime() + 21 * DAY)),
						},
					]
				: [],
	})

	// Versions: 1 when the draft was created, +1 at each (re)submission and at the determination.
	let version = 1
	if (t.submitted) version++
	if (t.resubmitted) version++
	if (demo.determination) version++
	const lastChange =
		t.retired ??
		t.withdrawn ??
		t.decided ??
		t.reviewAgain ??
		t.changesRequested ??
		t.inReview ??
		t.submitted ??
		t.created
	const decided = t.decided && demo.status !== 'IN_REVIEW' ? t.decided : null
	const created = await tx.useCase.create({
		data: {
			trackingId: demo.trackingId,
			status: demo.status,
			...columnsOf(doc),
			highImpactDetermination: demo.determination?.value ?? null,
			determinedById: demo.determination ? people.lead.id : null,
			determinedAt,
			orgUnitId: orgUnitIds.get(demo.orgUnit)!,
			createdById: owner.id,
			ownerId: owner.id,
			version,
			createdAt: t.created,
			updatedAt: lastChange,
			submittedAt: t.resubmitted ?? t.submitted ?? null,
			reviewRound: t.submitted && demo.status !== 'WITHDRAWN' ? 1 : 0,
			decidedAt: decided,
			nextReviewDue:
				decided && demo.status !== 'REJECTED' && demo.status !== 'RETIRED'
					? demo.reReviewOverdue
						? new Date(now.getTime() - 15 * DAY)
						: new Date(decided.getTime() + 365 * DAY)
					: null,
			retiredAt: t.retired ?? null,
			tags: [...(demo.tags ?? [])].sort(),
			contacts: {
				create: [
					{ userId: owner.id, role: 'OWNER' as const },
					...(demo.developers ?? []).map((email) => ({
						userId: people.staff.get(email)!.id,
						role: 'DEVELOPER' as const,
					})),
				],
			},
			datasets: {
				create: demo.datasets.map((link) => ({
					datasetId: datasetIds.get(link.slug)!,
					usages: [...link.usages],
					minimumNecessaryJustification: link.justification ?? null,
				})),
			},
		},
		select: { id: true },
	})
	const useCaseId = created.id
	await refreshDatasetCopies(tx, { useCaseIds: [useCaseId] })
	const loaded = await tx.useCase.findUniqueOrThrow({
		where: { id: useCaseId },
		select: useCaseSelect,
	})
	const document = toDocument(loaded)
	const evaluation: Evaluation = evaluateUseCase(document, { pack: shippedPolicyPack(), asOf: now })
	await storeCheckRun(tx, useCaseId, version, evaluation)

	const events: Array<Prisma.AuditEventCreateManyInput> = []
	const event = (actorId: string, action: string, at: Date, before: unknown, after: unknown) =>
		events.push({
			actorId,
			action,
			entityType: 'UseCase',
			entityId: useCaseId,
			before: (before ?? undefined) as Prisma.InputJsonValue | undefined,
			after: (after ?? undefined) as Prisma.InputJsonValue | undefined,
			createdAt: at,
			requestId: 'seed',
		})
	const changes: Array<Prisma.UseCaseStatusChangeCreateManyInput> = []
	const change = (from: UseCaseStatus, to: UseCaseStatus, at: Date, actorId: string) =>
		changes.push({ useCaseId, fromStatus: from, toStatus: to, actorId, changedAt: at })
	const snapshots: Array<Prisma.UseCaseVersionCreateManyInput> = []
	const snapshot = (reason: string, at: Date, actorId: string) => {
		snapshots.push({
			useCaseId,
			number: snapshots.length + 1,
			reason,
			snapshot: document as unknown as Prisma.InputJsonValue,
			createdById: actorId,
			createdAt: at,
		})
		return snapshots.length
	}

	event(owner.id, 'use_case.created', t.created, null, {
		trackingId: demo.trackingId,
		name: doc.name,
		orgUnitId: orgUnitIds.get(demo.orgUnit),
	})
	if (t.submitted) {
		snapshot('SUBMITTED', t.submitted, owner.id)
		change('DRAFT', 'SUBMITTED', t.submitted, owner.id)
		event(
			owner.id,
			'use_case.submitted',
			t.submitted,
			{ status: 'DRAFT' },
			{ status: 'SUBMITTED', version: 2 },
		)
	}
	if (t.withdrawn) {
		change('SUBMITTED', 'WITHDRAWN', t.withdrawn, owner.id)
		event(
			owner.id,
			'use_case.withdrawn',
			t.withdrawn,
			{ status: 'SUBMITTED' },
			{ status: 'WITHDRAWN' },
		)
	}

	// Review lanes of round 1: the lanes the checks require, assigned when review started.
	const lanes: Array<ReviewLane> =
		t.submitted && !t.withdrawn
			? evaluation.requiredLanes.length
				? evaluation.requiredLanes
				: ['DATA_GOVERNANCE']
			: []
	const assigneeOf = (lane: ReviewLane) =>
		lane === 'PRIVACY' || lane === 'SECURITY' ? people.reviewer : people.lead
	const laneRows: Array<Prisma.LaneReviewCreateManyInput> = []
	lanes.forEach((lane, index) => {
		const assignedAt = t.inReview
		const assignee = assignedAt ? assigneeOf(lane) : null
		const dueOn = new Date(
			(assignedAt ?? t.submitted!).getTime() + (demo.overdueLanes ? 21 : 14) * DAY,
		)
		let status: 'OPEN' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' = 'OPEN'
		let decidedAt: Date | null = null
		let note: string | null = null
		if (demo.status === 'IN_REVIEW' && index === 0 && lanes.length > 1) {
			status = 'APPROVED'
			decidedAt = new Date((assignedAt ?? now).getTime() + 3 * DAY)
			note = 'No concerns in this lane.'
		} else if (demo.status === 'CHANGES_REQUESTED' && index === 0) {
			status = 'CHANGES_REQUESTED'
			decidedAt = t.changesRequested!
			note = 'Say which fields the model reads, and justify each one as the minimum necessary.'
		} else if (t.decided) {
			status = demo.status === 'REJECTED' && lane === lanes.at(-1) ? 'REJECTED' : 'APPROVED'
			decidedAt = new Date(t.decided.getTime() - (lanes.length - index) * DAY)
			note =
				status === 'REJECTED'
					? 'The vendor service has no FedRAMP authorization and the contract does not forbid training on CMS data.'
					: 'Reviewed the findings and evidence; approved.'
		}
		laneRows.push({
			useCaseId,
			round: 1,
			lane,
			origin: 'CHECKS',
			status,
			assigneeId: assignee?.id ?? null,
			assignedById: assignee ? people.lead.id : null,
			assignedAt: assignedAt ?? null,
			dueOn: demo.overdueLanes ? new Date(now.getTime() - 9 * DAY) : dueOn,
			decidedById: decidedAt && assignee ? assignee.id : null,
			decidedAt,
			note,
			decidedOnVersion: decidedAt ? version : null,
			createdAt: t.submitted!,
		})
		if (assignee && assignedAt)
			event(people.lead.id, 'review.lane_assigned', assignedAt, null, {
				lane,
				round: 1,
				assigneeId: assignee.id,
			})
		if (decidedAt && assignee)
			event(
				assignee.id,
				'review.lane_decided',
				decidedAt,
				{ lane, status: 'OPEN' },
				{ lane, status, note },
			)
	})
	if (laneRows.length) await tx.laneReview.createMany({ data: laneRows })

	if (t.inReview) change('SUBMITTED', 'IN_REVIEW', t.inReview, people.lead.id)
	if (t.changesRequested) {
		change('IN_REVIEW', 'CHANGES_REQUESTED', t.changesRequested, people.reviewer.id)
	}
	if (t.resubmitted) {
		snapshot('RESUBMITTED', t.resubmitted, owner.id)
		change('CHANGES_REQUESTED', 'SUBMITTED', t.resubmitted, owner.id)
		event(
			owner.id,
			'use_case.resubmitted',
			t.resubmitted,
			{ status: 'CHANGES_REQUESTED' },
			{ status: 'SUBMITTED', version: 3 },
		)
		change('SUBMITTED', 'IN_REVIEW', t.reviewAgain!, people.lead.id)
	}
	if (demo.determination && determinedAt) {
		snapshot('HIGH_IMPACT_DETERMINATION', determinedAt, people.lead.id)
		event(
			people.lead.id,
			'use_case.high_impact_determined',
			determinedAt,
			{ determination: null },
			{
				determination: demo.determination.value,
				presumedCategories: evaluation.presumedCategories,
				rationale: demo.determination.justification ?? null,
			},
		)
	}

	if (t.decided && demo.status in decisionOutcome) {
		const outcome = decisionOutcome[demo.status as keyof typeof decisionOutcome]
		const snapshotNumber = snapshot('DECIDED', t.decided, people.lead.id)
		const decision = await tx.decision.create({
			data: {
				useCaseId,
				round: 1,
				outcome,
				note:
					demo.decisionNote ??
					(outcome === 'APPROVED'
						? 'All required lanes approved; the findings are addressed.'
						: outcome),
				decidedById: people.lead.id,
				decidedAt: t.decided,
				useCaseVersion: version,
				snapshotNumber,
			},
			select: { id: true },
		})
		change('IN_REVIEW', outcome, t.decided, people.lead.id)
		event(
			people.lead.id,
			'use_case.decided',
			t.decided,
			{ status: 'IN_REVIEW' },
			{ status: outcome, round: 1, version, snapshotNumber },
		)
		if (demo.condition) {
			await tx.decisionCondition.create({
				data: {
					decisionId: decision.id,
					useCaseId,
					text: demo.condition.text,
					ownerId: owner.id,
					dueOn: new Date(now.getTime() + demo.condition.dueInDays * DAY),
					metAt: demo.condition.met
						? new Date(now.getTime() + (demo.condition.dueInDays - 5) * DAY)
						: null,
					metById: demo.condition.met ? owner.id : null,
					metNote: demo.condition.met ? 'Access review completed; two workspaces closed.' : null,
				},
			})
		}
	}
	if (t.retired) {
		change('APPROVED', 'RETIRED', t.retired, owner.id)
		event(owner.id, 'use_case.retired', t.retired, { status: 'APPROVED' }, { status: 'RETIRED' })
	}
	if (demo.waiver && waiverGranted) {
		const waiver = await tx.waiver.create({
			data: {
				useCaseId,
				practice: demo.waiver.practice,
				riskAssessment: demo.waiver.riskAssessment,
				grantedById: people.lead.id,
				grantedOn: waiverGranted,
				reportedToOmbOn: new Date(waiverGranted.getTime() + 21 * DAY),
			},
			select: { id: true },
		})
		events.push({
			actorId: people.lead.id,
			action: 'waiver.granted',
			entityType: 'Waiver',
			entityId: waiver.id,
			after: { useCaseId, practice: demo.waiver.practice, grantedOn: isoDay(waiverGranted) },
			createdAt: waiverGranted,
			requestId: 'seed',
		})
	}
	if (snapshots.length) await tx.useCaseVersion.createMany({ data: snapshots })
	if (changes.length) await tx.useCaseStatusChange.createMany({ data: changes })
	await tx.auditEvent.createMany({ data: events })
}

/**
 * Loads the demo use cases that are not there yet (by tracking id), with their owners' accounts.
 * Running it again changes nothing. `createUser` comes from seed.server.ts (passed in to keep the
 * modules acyclic).
 */
export async function seedDemoUseCases(
	prisma: PrismaClient,
	createUser: (prisma: PrismaClient, seed: UserSeed) => Promise<{ id: string }>,
	now = new Date(),
) {
	for (const account of demoStaff) {
		const exists = await prisma.user.findUnique({
			where: { email: account.email },
			select: { id: true },
		})
		if (!exists) await createUser(prisma, account)
	}
	const existing = new Set(
		(
			await prisma.useCase.findMany({
				where: { trackingId: { in: demoUseCases.map((c) => c.trackingId) } },
				select: { trackingId: true },
			})
		).map((c) => c.trackingId),
	)
	const missing = demoUseCases.filter((demo) => !existing.has(demo.trackingId))
	if (missing.length === 0) return { created: 0 }

	const accounts = await prisma.user.findMany({
		where: {
			email: { in: [DEMO_LEAD_EMAIL, DEMO_REVIEWER_EMAIL, ...demoStaff.map((s) => s.email)] },
		},
		select: { id: true, email: true, name: true },
	})
	const byEmail = new Map(accounts.map((a) => [a.email, { id: a.id, name: a.name }]))
	const lead = byEmail.get(DEMO_LEAD_EMAIL)
	const reviewer = byEmail.get(DEMO_REVIEWER_EMAIL)
	if (!lead || !reviewer) throw new Error('Seed the demo accounts before the demo use cases.')
	const people: People = { lead, reviewer, staff: byEmail }
	const datasetIds = new Map(
		(await prisma.dataset.findMany({ select: { id: true, slug: true } })).map((d) => [
			d.slug,
			d.id,
		]),
	)
	const orgUnitIds = new Map(
		(await prisma.orgUnit.findMany({ select: { id: true, code: true } })).map((o) => [
			o.code,
			o.id,
		]),
	)

	await prisma.$transaction(
		async (tx) => {
			for (const demo of missing)
				await insertDemoCase(tx, demo, people, datasetIds, orgUnitIds, now)
			// New cases must never be given a tracking id the demo already uses.
			const highest = new Map<number, number>()
			for (const demo of demoUseCases) {
				const [, year, number] = demo.trackingId.split('-')
				highest.set(Number(year), Math.max(highest.get(Number(year)) ?? 0, Number(number)))
			}
			for (const [year, lastNumber] of highest) {
				await tx.$executeRaw`
					INSERT INTO "TrackingIdCounter" ("year", "lastNumber") VALUES (${year}, ${lastNumber})
					ON CONFLICT ("year") DO UPDATE SET "lastNumber" = GREATEST("TrackingIdCounter"."lastNumber", EXCLUDED."lastNumber")`
			}
		},
		{ timeout: 120_000, maxWait: 30_000 },
	)
	return { created: missing.length }
}
