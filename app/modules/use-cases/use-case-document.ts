// One AI use case with its datasets inline: the input of `npm run evaluate`, the body of the REST
// API, and what every policy check reads. Its answers come from the question registry
// (field-rules.ts); the rest (datasets, contacts, waivers) is defined here. Drafts may be
// incomplete, so nearly everything is optional; what a stage requires lives in the registry too.
// Documented in docs/use-case-json.md.
import { z } from 'zod'
import {
	datasetCategories,
	datasetSensitivities,
	sensitivityStrictness,
	SORN_PATTERN,
} from '#app/modules/datasets/schemas.ts'
import { questions } from './field-rules.ts'
import {
	groupShape,
	NO_NUL,
	NUL_MESSAGE,
	type QuestionRegistry,
	topLevelShape,
} from './question-kinds.ts'
import { contactRoles, datasetUsages, minimumPracticeKeys } from './vocabulary.ts'

export { TRACKING_ID_PATTERN } from './field-rules.ts'
export { MAX_NAME_LENGTH } from './question-kinds.ts'
export { isPartialDate } from './partial-date.ts'

// A NUL can never be stored (PostgreSQL refuses it in text and JSON), so a document holding one is
// refused here; other control characters are left to the forms, so that answers stored before
// stay readable.
const shortText = (max: number) =>
	z
		.string()
		.trim()
		.regex(NO_NUL, NUL_MESSAGE)
		.min(1, 'Enter an answer or leave it out.')
		.max(max, `At most ${max} characters.`)
const isoDate = z.iso.date({ error: 'Use a date such as 2026-04-03.' })

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

const webLink = z
	.url({ protocol: /^https?$/, error: 'Enter a web address that starts with https:// or http://.' })
	.regex(NO_NUL, NUL_MESSAGE)
	.max(500, 'Links are at most 500 characters.')

// Stored answers are read leniently (a key dropped from the contract must not make old versions
// unreadable); documents from outside (the evaluate CLI, the REST API) are read strictly, so that a
// misspelt field is reported instead of silently ignored.
type ObjectFactory = typeof z.object

/** A group of answers (`safeguards`, `practices`…): an empty object when left out, with its lists defaulted. */
const answeredGroup = <T extends z.ZodObject>(group: T) => group.prefault({} as z.input<T>)

function documentSchemas<R extends QuestionRegistry>(object: ObjectFactory, registry: R) {
	const DatasetInUse = object({
		/** The catalogue id when the dataset comes from the tracker's catalogue. */
		id: z.string().max(40).regex(NO_NUL, NUL_MESSAGE).optional(),
		name: shortText(200),
		category: z.enum(datasetCategories),
		sensitivities: z
			.array(z.enum(datasetSensitivities))
			.max(datasetSensitivities.length)
			.default([]),
		sornNumber: z.string().regex(SORN_PATTERN, 'A SORN number looks like 09-70-0558.').optional(),
		piaUrl: webLink.optional(),
		dataUseAgreementRequired: z.boolean().default(false),
		fismaSystem: shortText(200).optional(),
		usage: z
			.array(z.enum(datasetUsages))
			.min(1, 'Say how the dataset is used.')
			.max(datasetUsages.length),
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

	/** Where a minimum practice is documented, as recorded on the practices page: a link, a date, or both. */
	const PracticeEvidence = object({
		practice: z.enum(minimumPracticeKeys),
		evidenceUrl: webLink.optional(),
		documentedOn: isoDate.optional(),
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
		// Every question of the registry (field-rules.ts) at the top level: OMB's columns and the
		// tracker's own, e.g. `stage` (OMB development_stage) or `hasPii` (OMB has_pii).
		...topLevelShape(registry),
		/** The Use Case ID an earlier inventory gave this case (e.g. from an imported file): OMB asks for the same id every year. */
		previousOmbId: shortText(60).optional(),
		/** Ids earlier inventories gave the case before `previousOmbId`, so a file from any of those years finds it. */
		formerOmbIds: z.array(shortText(60)).max(20).optional(),
		ownerEmail: z.email('Enter an e-mail address.').max(254).optional(),
		/** Everyone listed on the case (owner, developers, program contacts): none may review or decide it. */
		contacts: z.array(Contact).max(20).optional(),
		/** Answers an imported file gave in words the tracker could not read as its own values, by OMB column, exactly as written. */
		asWritten: z
			.partialRecord(z.enum(keptAsWrittenColumns), z.string().min(1).max(10_000))
			.optional(),

		// OMB 9) is_high_impact and 10) HI_justification: the governance lead's determination.
		highImpact: answeredGroup(
			object({
				...groupShape(registry, 'highImpact'),
				determinedBy: shortText(200).optional(),
				determinedOn: isoDate.optional(),
			}),
		),

		// OMB 28)–36): the minimum practices for high-impact deployed use cases.
		practices: answeredGroup(object(groupShape(registry, 'practices'))),

		/** The AI-definition screen (NAIIA §5002(3), M-25-21 §5). */
		aiScreen: answeredGroup(object(groupShape(registry, 'aiScreen'))),

		/** Evidence a privacy, security or legal reviewer asks for. */
		safeguards: answeredGroup(object(groupShape(registry, 'safeguards'))),

		/** CAIO waivers of single minimum practices (M-25-21 §4(a)(ii)). */
		waivers: z.array(Waiver).max(20).default([]),
		/** The CAIO's certification that exempts a high-impact pilot from the practices (M-25-21 §4(a)(i)). */
		pilotCertification: PilotCertification.optional(),
		/** Evidence recorded for minimum practices: a practice with evidence is documented, whatever its answer says. */
		practiceEvidence: z.array(PracticeEvidence).max(minimumPracticeKeys.length).default([]),

		datasets: z.array(DatasetInUse).max(100).default([]),
	})

	return { UseCaseDocument, DatasetInUse, Waiver, Contact, PilotCertification, PracticeEvidence }
}

const lenient = documentSchemas(z.object, questions)
// z.strictObject has z.object's shape and output; only unknown keys are treated differently.
const strict = documentSchemas(z.strictObject as unknown as ObjectFactory, questions)

/**
 * The lenient and strict document schemas another registry gives: what a registry with one more
 * question makes of the document (the registry test adds one this way).
 */
export function documentSchemasFor(registry: QuestionRegistry) {
	return {
		lenient: documentSchemas(z.object, registry).UseCaseDocument as z.ZodType<
			Record<string, unknown>
		>,
		strict: documentSchemas(z.strictObject as unknown as ObjectFactory, registry)
			.UseCaseDocument as z.ZodType<Record<string, unknown>>,
	}
}

/** Reads stored answers and fixtures; unknown keys are dropped. */
export const UseCaseDocumentSchema = lenient.UseCaseDocument
/** Reads documents from outside the app (CLI input, API bodies); unknown keys are errors. */
export const StrictUseCaseDocumentSchema = strict.UseCaseDocument
export const DatasetInUseSchema = lenient.DatasetInUse
export const WaiverSchema = lenient.Waiver

// An interface, so that the registry's conditions can name it while the schema is built from the registry.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a type alias here would be circular
export interface UseCaseDocument extends z.infer<typeof UseCaseDocumentSchema> {}
export type UseCaseDocumentInput = z.input<typeof UseCaseDocumentSchema>
export type DatasetInUse = z.infer<typeof DatasetInUseSchema>
export type Waiver = z.infer<typeof WaiverSchema>

/** Every sensitivity the case inherits from its datasets, strictest first. */
export function inheritedSensitivities(
	datasets: ReadonlyArray<Pick<DatasetInUse, 'sensitivities'>>,
) {
	const present = new Set(datasets.flatMap((d) => d.sensitivities))
	return sensitivityStrictness.filter((s) => present.has(s))
}

/** The strictest sensitivity the case inherits, or null when none of its data is sensitive. */
export function strictestSensitivity(datasets: ReadonlyArray<Pick<DatasetInUse, 'sensitivities'>>) {
	return inheritedSensitivities(datasets)[0] ?? null
}
