// The intake form, as the browser posts it: flat fields, Yes/No radios, checkbox lists and one
// row per linked dataset. `formToDocumentAnswers` turns it into the use-case document's shape.
import { z } from 'zod'
import { submissionKeySchema } from '#app/utils/form-submission.ts'
import { SORN_PATTERN } from '#app/modules/datasets/schemas.ts'
import { lockCounter, multiLineText, pageNumber, recordId, singleLineText, webAddress, wholeNumber } from '#app/utils/input-schemas.ts'
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

const text = (max: number) => multiLineText().max(max, `At most ${max.toLocaleString('en-US')} characters.`).optional()
const line = (max: number) => singleLineText().max(max, `At most ${max.toLocaleString('en-US')} characters.`).optional()
const yesNo = z.enum(['YES', 'NO'], { error: 'Choose Yes or No.' }).optional()
const webLink = webAddress().optional()
const many = <T extends readonly [string, ...Array<string>]>(values: T) =>
	z.array(z.enum(values, { error: 'Choose from the list.' })).max(values.length).default([])

export const LinkedDatasetFormSchema = z.object({
	datasetId: recordId('dataset'),
	usages: many(datasetUsages),
	minimumNecessaryJustification: text(4000),
	remove: z.boolean().default(false),
})

export const UseCaseFormSchema = z.object({
	intent: z.enum(['save', 'submit']).default('save'),
	version: lockCounter(),
	name: singleLineText({ error: 'Give the use case a name.' })
		.min(3, 'Names are at least 3 characters.')
		.max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters.`),
	orgUnitId: recordId('org unit'),
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
	atoSystemName: line(200),
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
	estimatedUsers: line(60),
	safeguardPiaCompleted: yesNo,
	safeguardRetrievedByIdentifier: yesNo,
	safeguardSornNumber: singleLineText().regex(SORN_PATTERN, 'A SORN number looks like 09-70-0558.').optional(),
	safeguardComputerMatching: yesNo,
	safeguardBusinessAssociateAgreement: yesNo,
	safeguardPart2ConsentBasis: z.enum(part2ConsentBases).optional(),
	safeguardSudRecordsExcluded: yesNo,
	safeguardFedrampAuthorized: yesNo,
	safeguardGenerativeOutputsReviewed: yesNo,
	safeguardGenerativeAiPolicyAcknowledged: yesNo,
	safeguardGenerativeToolApproved: yesNo,
	safeguardPublicFeedbackChannel: line(500),
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
	addDatasetId: recordId('dataset').optional(),
})

export type UseCaseFormValues = z.infer<typeof UseCaseFormSchema>

export const NewUseCaseSchema = z.object({
	name: singleLineText({ error: 'Give the use case a name.' })
		.min(3, 'Names are at least 3 characters.')
		.max(200, 'Names are at most 200 characters.'),
	orgUnitId: recordId('org unit'),
	problemSolved: text(10_000),
	submissionKey: submissionKeySchema,
})

export const UseCaseListQuerySchema = z.object({
	q: singleLineText().max(200, 'Searches are at most 200 characters.').default(''),
	status: z.enum(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'WITHDRAWN', 'RETIRED']).optional(),
	stage: z.enum(stages).optional(),
	page: pageNumber(),
})

export const DuplicateQuerySchema = z.object({
	name: singleLineText().max(200, 'Names are at most 200 characters.').default(''),
	problem: multiLineText().max(2000, 'At most 2,000 characters.').default(''),
	exclude: recordId('use case').optional(),
})

/** Version numbers to compare; 0 is the current working copy. */
export const VersionDiffQuerySchema = z.object({
	from: wholeNumber({ min: 0, max: 100_000, error: 'Versions are numbered from 0 (the current copy).' }).optional(),
	to: wholeNumber({ min: 0, max: 100_000, error: 'Versions are numbered from 0 (the current copy).' }).optional(),
})
