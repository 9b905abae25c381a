// The intake form, as the browser posts it: flat fields, Yes/No radios, checkbox lists and one
// row per linked dataset. `formToDocumentAnswers` turns it into the use-case document's shape.
import { z } from 'zod'
import { SORN_PATTERN } from '#app/modules/datasets/schemas.ts'
import { MAX_NAME_LENGTH, partialDate } from './use-case-document.ts'
import {
	affectedParties,
	appealAnswers,
	classifications,
	codeSharingDecisions,
	contractingUsages,
	cotsCommonTasks,
	datasetUsages,
	decisionRoles,
	demographicFeatures,
	failsafeAnswers,
	hostingOptions,
	informedDecisions,
	monitoringAnswers,
	part2ConsentBases,
	practiceProgressAnswers,
	publicConsultationSteps,
	stages,
	topicAreas,
	trainingAnswers,
	withholdingStatuses,
} from './vocabulary.ts'

const text = (max: number) => z.string().trim().max(max, `At most ${max.toLocaleString('en-US')} characters.`).optional()
const yesNo = z.enum(['YES', 'NO'], { error: 'Choose Yes or No.' }).optional()
const isoDate = z.iso.date({ error: 'Use a date such as 2026-04-03.' }).optional()
const webLink = z
	.url({ protocol: /^https?$/, error: 'Enter a web address that starts with https:// or http://.' })
	.max(500, 'Links are at most 500 characters.')
	.optional()
const many = <T extends readonly [string, ...Array<string>]>(values: T) =>
	z.array(z.enum(values, { error: 'Choose from the list.' })).max(values.length).default([])

export const LinkedDatasetFormSchema = z.object({
	datasetId: z.string().min(1).max(40),
	usages: many(datasetUsages),
	minimumNecessaryJustification: text(4000),
	remove: z.boolean().default(false),
})

export const UseCaseFormSchema = z.object({
	intent: z.enum(['save', 'submit']).default('save'),
	version: z.coerce.number().int().min(1, 'The form is missing its version; reload the page.'),
	name: z
		.string({ error: 'Give the use case a name.' })
		.trim()
		.min(3, 'Names are at least 3 characters.')
		.max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters.`),
	orgUnitId: z.string({ error: 'Choose the org unit responsible for it.' }).min(1).max(40),
	contactEmail: z.email('Enter an e-mail address such as name@cms.hhs.gov.').max(254).optional(),
	/** Developers and program contacts, by e-mail: they are listed on the case and may not review it. */
	teamEmails: text(2000),
	isWithheld: z.enum(withholdingStatuses).optional(),
	stage: z.enum(stages).optional(),
	topicArea: z.enum(topicAreas).optional(),
	classification: z.enum(classifications).optional(),
	problemSolved: text(10_000),
	benefits: text(10_000),
	systemOutputs: text(10_000),
	// As precise as it is known: a day, a month (2025-07) or a year, as OMB's files give it.
	operationalDate: partialDate.optional(),
	contractingUsage: z.enum(contractingUsages).optional(),
	vendorNames: text(1000),
	hasAto: yesNo,
	atoSystemName: text(200),
	dataDescription: text(10_000),
	linkToData: webLink,
	hasPii: yesNo,
	piaUrl: webLink,
	demographicFeatures: many(demographicFeatures),
	hasCustomCode: yesNo,
	codeUrl: webLink,
	decisionRole: z.enum(decisionRoles).optional(),
	affectedParties: many(affectedParties),
	informedDecisions: many(informedDecisions),
	publicFacing: yesNo,
	generativeAi: yesNo,
	hosting: z.enum(hostingOptions).optional(),
	ruleBasedOnly: yesNo,
	notAiRationale: text(10_000),
	principalBasisRationale: text(10_000),
	cotsTask: z.enum(cotsCommonTasks).optional(),
	estimatedUsers: text(60),
	safeguardPiaCompleted: yesNo,
	safeguardRetrievedByIdentifier: yesNo,
	safeguardSornNumber: z.string().trim().regex(SORN_PATTERN, 'A SORN number looks like 09-70-0558.').optional(),
	safeguardComputerMatching: yesNo,
	safeguardBusinessAssociateAgreement: yesNo,
	safeguardPart2ConsentBasis: z.enum(part2ConsentBases).optional(),
	safeguardSudRecordsExcluded: yesNo,
	safeguardFedrampAuthorized: yesNo,
	safeguardGenerativeOutputsReviewed: yesNo,
	safeguardGenerativeAiPolicyAcknowledged: yesNo,
	safeguardPublicFeedbackChannel: text(500),
	safeguardCodeSharingDecision: z.enum(codeSharingDecisions).optional(),
	safeguardVendorAiContractTerms: yesNo,
	practiceTesting: z.enum(practiceProgressAnswers).optional(),
	practiceImpactAssessment: z.enum(practiceProgressAnswers).optional(),
	practicePotentialImpacts: text(10_000),
	practiceMonitoring: z.enum(monitoringAnswers).optional(),
	practiceTraining: z.enum(trainingAnswers).optional(),
	practiceFailsafe: z.enum(failsafeAnswers).optional(),
	practiceAppeal: z.enum(appealAnswers).optional(),
	practicePublicConsultation: many(publicConsultationSteps),
	datasets: z.array(LinkedDatasetFormSchema).max(100).default([]),
	addDatasetId: z.string().max(40).optional(),
})

export type UseCaseFormValues = z.infer<typeof UseCaseFormSchema>

export const NewUseCaseSchema = z.object({
	name: z
		.string({ error: 'Give the use case a name.' })
		.trim()
		.min(3, 'Names are at least 3 characters.')
		.max(200, 'Names are at most 200 characters.'),
	orgUnitId: z.string({ error: 'Choose the org unit responsible for it.' }).min(1).max(40),
	problemSolved: text(10_000),
})

export const UseCaseListQuerySchema = z.object({
	q: z.string().trim().max(200).default(''),
	status: z.enum(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'WITHDRAWN', 'RETIRED']).optional(),
	stage: z.enum(stages).optional(),
	page: z.coerce.number().int().min(1).max(100_000).default(1),
})

export const DuplicateQuerySchema = z.object({
	name: z.string().trim().max(200).default(''),
	problem: z.string().trim().max(2000).default(''),
	exclude: z.string().max(40).optional(),
})

/** Version numbers to compare; 0 is the current working copy. */
export const VersionDiffQuerySchema = z.object({
	from: z.coerce.number().int().min(0).max(100_000).optional(),
	to: z.coerce.number().int().min(0).max(100_000).optional(),
})
