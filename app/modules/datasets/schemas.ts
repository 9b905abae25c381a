import { z } from 'zod'
import {
	lockCounter,
	multiLineText,
	pageNumber,
	recordId,
	singleLineText,
	webAddress,
} from '#app/utils/input-schemas.ts'
import { keysOf } from '#app/utils/keys-of.ts'

export const datasetCategoryLabels = {
	MEDICARE_CLAIMS: 'Medicare claims',
	MEDICAID_CHIP_CLAIMS: 'Medicaid/CHIP claims (T-MSIS)',
	ENROLLMENT_ELIGIBILITY: 'Enrollment and eligibility',
	MARKETPLACE: 'Marketplace',
	MEDICAL_RECORDS_CLINICAL: 'Medical records and clinical data',
	PROVIDER_DATA: 'Provider data',
	QUALITY_MEASURES: 'Quality measures',
	CONTRACTS_ACQUISITION: 'Contracts and acquisition',
	BUDGET_FINANCIAL: 'Budget and financial',
	ADMINISTRATIVE_HR: 'Administrative and HR',
	PUBLIC_OPEN_DATA: 'Public or open data',
	VENDOR_EXTERNAL: 'Vendor or external data',
} as const
export const datasetCategories = keysOf(datasetCategoryLabels)
export type DatasetCategoryKey = (typeof datasetCategories)[number]

export const datasetSensitivityLabels = {
	PII: 'Personally identifiable information (PII)',
	PHI: 'Protected health information (HIPAA PHI)',
	PART2: 'Substance use disorder records (42 CFR Part 2)',
	FTI: 'Federal tax information (FTI)',
	DEMOGRAPHIC: 'Demographic or protected-class attributes',
} as const
export const datasetSensitivities = keysOf(datasetSensitivityLabels)
export type DatasetSensitivityKey = (typeof datasetSensitivities)[number]

/** Strictest first: the order in which a use case's inherited sensitivity is reported. */
export const sensitivityStrictness: Array<DatasetSensitivityKey> = [
	'PART2',
	'FTI',
	'PHI',
	'PII',
	'DEMOGRAPHIC',
]

// HHS notices are 09-<division>-NNNN (CMS is 09-70); government-wide ones are e.g. OPM/GOVT-1.
export const SORN_PATTERN = /^(09-\d{2}-\d{4}|[A-Z]{2,5}\/GOVT-\d{1,2})$/

const optionalUrl = webAddress().optional()

export const DatasetFormSchema = z.object({
	name: singleLineText({ error: 'Enter the dataset’s name.' })
		.min(3, 'Enter the dataset’s name (at least 3 characters).')
		.max(200, 'Names are at most 200 characters.'),
	description: multiLineText({ error: 'Describe what the dataset holds.' })
		.min(20, 'Describe what the dataset holds and who provides it (at least 20 characters).')
		.max(4000, 'Descriptions are at most 4,000 characters.'),
	category: z.enum(datasetCategories, { error: 'Choose a category.' }),
	sensitivities: z
		.array(z.enum(datasetSensitivities, { error: 'Choose sensitivities from the list.' }))
		.default([]),
	orgUnitId: recordId('org unit'),
	stewardEmail: z
		.email('Enter the steward’s e-mail address, e.g. name@cms.hhs.gov.')
		.max(254)
		.transform((value) => value.toLowerCase())
		.optional(),
	sornNumber: singleLineText()
		.regex(
			SORN_PATTERN,
			'A SORN number looks like 09-70-0558 (or OPM/GOVT-1 for a government-wide notice).',
		)
		.optional(),
	piaUrl: optionalUrl,
	dataUseAgreementRequired: z.boolean().default(false),
	fismaSystem: singleLineText().max(200, 'System names are at most 200 characters.').optional(),
	federalDataCatalogUrl: optionalUrl,
	version: lockCounter(0).optional(),
})

export type DatasetFormValues = z.infer<typeof DatasetFormSchema>

export const DatasetListQuerySchema = z.object({
	q: singleLineText().max(200, 'Searches are at most 200 characters.').default(''),
	category: z.enum(datasetCategories).optional(),
	sensitivity: z.enum(datasetSensitivities).optional(),
	page: pageNumber(),
})
