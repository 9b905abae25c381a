// One AI use case with its datasets inline: the input of `npm run evaluate`, the body of the REST
// API, and what every policy check reads. Drafts may be incomplete, so nearly everything is
// optional here; what a stage requires lives in field-rules.ts. Documented in docs/use-case-json.md.
import { z } from 'zod'
import { datasetCategories, datasetSensitivities, sensitivityStrictness, SORN_PATTERN } from '#app/modules/datasets/schemas.ts'
import {
	affectedParties,
	appealAnswers,
	classifications,
	codeSharingDecisions,
	contactRoles,
	contractingUsages,
	cotsCommonTasks,
	datasetUsages,
	decisionRoles,
	demographicFeatures,
	failsafeAnswers,
	highImpactDeterminations,
	hostingOptions,
	independentReviewAnswers,
	informedDecisions,
	minimumPracticeKeys,
	monitoringAnswers,
	part2ConsentBases,
	practiceProgressAnswers,
	publicConsultationSteps,
	stages,
	topicAreas,
	trainingAnswers,
	withholdingStatuses,
} from './vocabulary.ts'

export const TRACKING_ID_PATTERN = /^CMS-\d{4}-\d{4,}$/

// A NUL can never be stored (PostgreSQL refuses it in text and JSON), so a document holding one is
// refused here; other control characters are left to the forms, so that answers stored before
// stay readable.
const NO_NUL = /^[^\u0000]*$/
const NUL_MESSAGE = 'Remove the NUL characters from this text.'
const shortText = (max: number) => z.string().trim().regex(NO_NUL, NUL_MESSAGE).min(1, 'Enter an answer or leave it out.').max(max, `At most ${max} characters.`)
const longText = shortText(10_000)
const isoDate = z.iso.date({ error: 'Use a date such as 2026-04-03.' })

/**
 * A date as precise as it is known, in ISO 8601's reduced forms: "2025", "2025-07" or "2025-07-14".
 * OMB's inventories give some dates as a month ("Jul-25") or a year; the tracker keeps that
 * precision rather than inventing a day.
 */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?$/
export function isPartialDate(text: string) {
	const match = PARTIAL_DATE_PATTERN.exec(text)
	if (!match) return false
	// The years the app's other dates allow (input-schemas.ts): a year such as 0000 is a typing slip.
	const year = Number(match[1])
	if (year < 1900 || year > 2199) return false
	if (match[3] === undefined) return true
	const date = new Date(`${text}T00:00:00Z`)
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}
export const partialDate = z.string().trim().refine(isPartialDate, { error: 'Use a date such as 2026-04-03, a month such as 2026-04, or a year.' })

/**
 * OMB columns whose answer an imported file may give in words the tracker cannot read as one of its
 * values ("Not available" for a link, two e-mail addresses, "Other – …"): the text is kept as written.
 */
export const keptAsWrittenColumns = [
	'contact_email',
	'is_withheld',
	'development_stage',
	'is_high_impact',
	'topic_area',
	'classification',
	'operational_date',
	'contracting_usage',
	'vendor_name',
	'have_ato',
	'link_to_data',
	'has_pii',
	'pia_url',
	'demographic_features',
	'has_custom_code',
	'code_url',
	'hi_testing_conducted',
	'hi_assessment_completed',
	'hi_independent_review',
	'hi_ongoing_monitoring',
	'hi_training_established',
	'hi_failsafe_presence',
	'hi_appeal_process',
	'hi_public_consultation',
] as const
export type KeptAsWrittenColumn = (typeof keptAsWrittenColumns)[number]

/** Names run long in agencies' files (a programme, its acronym and a description); 500 holds OMB's longest. */
export const MAX_NAME_LENGTH = 500
const webLink = z
	.url({ protocol: /^https?$/, error: 'Enter a web address that starts with https:// or http://.' })
	.regex(NO_NUL, NUL_MESSAGE)
	.max(500, 'Links are at most 500 characters.')

// Stored answers are read leniently (a key dropped from the contract must not make old versions
// unreadable); documents from outside (the evaluate CLI, the REST API) are read strictly, so that a
// misspelt field is reported instead of silently ignored.
type ObjectFactory = typeof z.object

function documentSchemas(object: ObjectFactory) {
	const DatasetInUse = object({
		/** The catalogue id when the dataset comes from the tracker's catalogue. */
		id: z.string().max(40).regex(NO_NUL, NUL_MESSAGE).optional(),
		name: shortText(200),
		category: z.enum(datasetCategories),
		sensitivities: z.array(z.enum(datasetSensitivities)).max(datasetSensitivities.length).default([]),
		sornNumber: z.string().regex(SORN_PATTERN, 'A SORN number looks like 09-70-0558.').optional(),
		piaUrl: webLink.optional(),
		dataUseAgreementRequired: z.boolean().default(false),
		fismaSystem: shortText(200).optional(),
		usage: z.array(z.enum(datasetUsages)).min(1, 'Say how the dataset is used.').max(datasetUsages.length),
		minimumNecessaryJustification: shortText(4000).optional(),
	})

	const Waiver = object({
		practice: z.enum(minimumPracticeKeys),
		grantedOn: isoDate,
		expiresOn: isoDate.optional(),
		revokedOn: isoDate.optional(),
		reportedToOmbOn: isoDate.optional(),
		/** The CAIO's latest yearly re-certification (M-25-21 §4(a)(ii)); a waiver lapses 12 months after it. */
		recertifiedOn: isoDate.optional(),
	})

	const Contact = object({
		role: z.enum(contactRoles),
		name: shortText(200).optional(),
		email: z.email('Enter an e-mail address.').max(254),
	})

	const PilotCertification = object({
		certifiedOn: isoDate,
		endsOn: isoDate,
		scaleLimit: shortText(500),
	})

	const UseCaseDocument = object({
		// OMB 3) id: the tracker's own stable id, never reused and kept across years
		trackingId: z.string().regex(TRACKING_ID_PATTERN, 'Tracking ids look like CMS-2026-0001.').optional(),
		/** The Use Case ID an earlier inventory gave this case (e.g. from an imported file): OMB asks for the same id every year. */
		previousOmbId: shortText(60).optional(),
		/** Ids earlier inventories gave the case before `previousOmbId`, so a file from any of those years finds it. */
		formerOmbIds: z.array(shortText(60)).max(20).optional(),
		// OMB 4) use_case_name
		name: shortText(MAX_NAME_LENGTH),
		// OMB 5) agency_bureau, as the org unit's slash path, e.g. "HHS/CMS/OIT"
		orgUnit: shortText(100).optional(),
		// OMB 6) contact_email
		contactEmail: z.email('Enter an e-mail address.').max(254).optional(),
		ownerEmail: z.email('Enter an e-mail address.').max(254).optional(),
		/** Everyone listed on the case (owner, developers, program contacts): none may review or decide it. */
		contacts: z.array(Contact).max(20).optional(),
		// OMB 7) is_withheld
		isWithheld: z.enum(withholdingStatuses).optional(),
		// OMB 8) development_stage
		stage: z.enum(stages).optional(),
		// OMB 11) topic_area, 12) classification
		topicArea: z.enum(topicAreas).optional(),
		classification: z.enum(classifications).optional(),
		// OMB 13) problem_solved, 14) benefits, 15) system_outputs
		problemSolved: longText.optional(),
		benefits: longText.optional(),
		systemOutputs: longText.optional(),
		// OMB 16) operational_date
		operationalDate: partialDate.optional(),
		// OMB 17) contracting_usage, 18) vendor_name (one entry per vendor; the export joins them)
		contractingUsage: z.enum(contractingUsages).optional(),
		vendorNames: z.array(shortText(200)).max(20).default([]),
		// OMB 19) have_ato, 20) system_name_ato
		hasAto: z.boolean().optional(),
		atoSystemName: shortText(200).optional(),
		// OMB 21) data_description, 22) link_to_data
		dataDescription: longText.optional(),
		linkToData: webLink.optional(),
		// OMB 23) has_pii, 24) pia_url
		hasPii: z.boolean().optional(),
		piaUrl: webLink.optional(),
		// OMB 25) demographic_features
		demographicFeatures: z.array(z.enum(demographicFeatures)).max(demographicFeatures.length).default([]),
		// OMB 26) has_custom_code, 27) code_url
		hasCustomCode: z.boolean().optional(),
		codeUrl: webLink.optional(),
		/** Answers an imported file gave in words the tracker could not read as its own values, by OMB column, exactly as written. */
		asWritten: z.partialRecord(z.enum(keptAsWrittenColumns), z.string().min(1).max(10_000)).optional(),

		// OMB 9) is_high_impact and 10) HI_justification: the governance lead's determination.
		highImpact: object({
			// OMB 9) is_high_impact
			determination: z.enum(highImpactDeterminations).optional(),
			// OMB 10) HI_justification, asked only when presumed high-impact but determined not
			justification: longText.optional(),
			determinedBy: shortText(200).optional(),
			determinedOn: isoDate.optional(),
			/** Why the AI output is, or is not, a principal basis for the decisions it informs (M-25-21 §4(a), fn 27). */
			principalBasisRationale: longText.optional(),
		}).default({}),

		// OMB 28)–36): the minimum practices for high-impact deployed use cases.
		practices: object({
			// OMB 28) hi_testing_conducted, §4(b)(i)
			testing: z.enum(practiceProgressAnswers).optional(),
			// OMB 29) hi_assessment_completed, §4(b)(ii)
			impactAssessment: z.enum(practiceProgressAnswers).optional(),
			// OMB 30) hi_potential_impacts
			potentialImpacts: longText.optional(),
			// OMB 31) hi_independent_review
			independentReview: z.enum(independentReviewAnswers).optional(),
			// OMB 32) hi_ongoing_monitoring, §4(b)(iii)
			monitoring: z.enum(monitoringAnswers).optional(),
			// OMB 33) hi_training_established, §4(b)(iv)
			training: z.enum(trainingAnswers).optional(),
			// OMB 34) hi_failsafe_presence, §4(b)(v)
			failsafe: z.enum(failsafeAnswers).optional(),
			// OMB 35) hi_appeal_process, §4(b)(vi)
			appeal: z.enum(appealAnswers).optional(),
			// OMB 36) hi_public_consultation (select multiple), §4(b)(vii)
			publicConsultation: z.array(z.enum(publicConsultationSteps)).max(publicConsultationSteps.length).default([]),
		}).default({ publicConsultation: [] }),

		// What the checks need beyond OMB's template.
		decisionRole: z.enum(decisionRoles).optional(),
		affectedParties: z.array(z.enum(affectedParties)).max(affectedParties.length).default([]),
		informedDecisions: z.array(z.enum(informedDecisions)).max(informedDecisions.length).default([]),
		publicFacing: z.boolean().optional(),
		generativeAi: z.boolean().optional(),
		hosting: z.enum(hostingOptions).optional(),
		/** One of OMB's 20 common commercial tasks, which may be reported in consolidated form when not high-impact. */
		cotsTask: z.enum(cotsCommonTasks).optional(),
		/** OMB's "Estimated # of Licenses/Users" for consolidated reporting, e.g. "1,000–5,000". */
		estimatedUsers: shortText(60).optional(),

		/** The AI-definition screen (NAIIA §5002(3), M-25-21 §5). */
		aiScreen: object({
			/** Only fixed rules or robotic process automation: nothing learned from data. */
			ruleBasedOnly: z.boolean().optional(),
			notAiRationale: longText.optional(),
		}).default({}),

		/** Evidence a privacy, security or legal reviewer asks for. */
		safeguards: object({
			piaCompleted: z.boolean().optional(),
			/** Records about individuals are retrieved by name or another personal identifier. */
			retrievedByPersonalIdentifier: z.boolean().optional(),
			sornNumber: z.string().regex(SORN_PATTERN, 'A SORN number looks like 09-70-0558.').optional(),
			/** Records are matched with another agency's for benefits decisions (Privacy Act matching). */
			computerMatching: z.boolean().optional(),
			businessAssociateAgreement: z.boolean().optional(),
			/** The legal basis for using 42 CFR Part 2 substance-use-disorder records. */
			part2ConsentBasis: z.enum(part2ConsentBases).optional(),
			/** Claims or clinical data were screened and 42 CFR Part 2 substance-use records excluded or redacted. */
			sudRecordsExcluded: z.boolean().optional(),
			fedrampAuthorized: z.boolean().optional(),
			/** For generative AI: a person reviews outputs before they are relied on or sent. */
			generativeOutputsReviewed: z.boolean().optional(),
			/** For generative AI: the team has read and accepted CMS's generative-AI use policy (M-25-21 §3(b)(iv)). */
			generativeAiPolicyAcknowledged: z.boolean().optional(),
			/** For generative AI: the tool is on the HHS/CMS list of approved generative AI tools. */
			generativeToolApproved: z.boolean().optional(),
			publicFeedbackChannel: shortText(500).optional(),
			/** Custom code is shared (or an exemption recorded), M-25-21 §2(b). */
			codeSharingDecision: z.enum(codeSharingDecisions).optional(),
			/** The contract carries M-25-22's AI terms (data rights, testing access, no training on agency data). */
			vendorAiContractTerms: z.boolean().optional(),
		}).default({}),

		/** CAIO waivers of single minimum practices (M-25-21 §4(a)(ii)). */
		waivers: z.array(Waiver).max(20).default([]),
		/** The CAIO's certification that exempts a high-impact pilot from the practices (M-25-21 §4(a)(i)). */
		pilotCertification: PilotCertification.optional(),

		datasets: z.array(DatasetInUse).max(100).default([]),
	})

	return { UseCaseDocument, DatasetInUse, Waiver, Contact, PilotCertification }
}

const lenient = documentSchemas(z.object)
// z.strictObject has z.object's shape and output; only unknown keys are treated differently.
const strict = documentSchemas(z.strictObject as unknown as ObjectFactory)

/** Reads stored answers and fixtures; unknown keys are dropped. */
export const UseCaseDocumentSchema = lenient.UseCaseDocument
/** Reads documents from outside the app (CLI input, API bodies); unknown keys are errors. */
export const StrictUseCaseDocumentSchema = strict.UseCaseDocument
export const DatasetInUseSchema = lenient.DatasetInUse
export const WaiverSchema = lenient.Waiver
export const ContactSchema = lenient.Contact
export const PilotCertificationSchema = lenient.PilotCertification

export type UseCaseDocument = z.infer<typeof UseCaseDocumentSchema>
export type UseCaseDocumentInput = z.input<typeof UseCaseDocumentSchema>
export type DatasetInUse = z.infer<typeof DatasetInUseSchema>
export type Waiver = z.infer<typeof WaiverSchema>
export type Contact = z.infer<typeof ContactSchema>
export type PilotCertification = z.infer<typeof PilotCertificationSchema>

/** Every sensitivity the case inherits from its datasets, strictest first. */
export function inheritedSensitivities(datasets: ReadonlyArray<Pick<DatasetInUse, 'sensitivities'>>) {
	const present = new Set(datasets.flatMap((d) => d.sensitivities))
	return sensitivityStrictness.filter((s) => present.has(s))
}

/** The strictest sensitivity the case inherits, or null when none of its data is sensitive. */
export function strictestSensitivity(datasets: ReadonlyArray<Pick<DatasetInUse, 'sensitivities'>>) {
	return inheritedSensitivities(datasets)[0] ?? null
}
