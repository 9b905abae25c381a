// What the REST API answers, as Zod schemas: the OpenAPI document is generated from these and from
// the request schemas the pages' forms use, and the tests validate every response against it.
import { z } from 'zod'
import { datasetCategories, datasetSensitivities } from '#app/modules/datasets/schemas.ts'
import { determinationFilterValues } from '#app/modules/inventory/inventory-filters.ts'
import { CHECK_STATUSES } from '#app/modules/policies/checks/check-types.ts'
import { PRESUMED_CATEGORIES } from '#app/modules/policies/checks/high-impact.ts'
import {
	CHECK_SEVERITIES,
	laneRouteSchema,
	policyCheckDefinitionSchema,
	policyReferenceSchema,
} from '#app/modules/policies/policy-pack.ts'
import { UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import {
	highImpactDeterminations,
	minimumPracticeKeys,
	reviewLanes,
	stages,
	topicAreas,
	classifications,
	useCaseStatuses,
} from '#app/modules/use-cases/vocabulary.ts'
import { roleNames } from '#app/utils/permissions.ts'
import { schemaId } from '../define.ts'

const dateTime = z.iso.datetime({ offset: true })
const day = z.iso.date()

export const ProblemSchema = z
	.object({
		type: z.string().describe('A link to this kind of problem on the API reference page.'),
		title: z.string(),
		status: z.number().int(),
		detail: z.string().describe('What went wrong, in plain words.'),
		errors: z
			.array(
				z.object({
					path: z.string().describe('The field, as a dotted path such as `datasets.0.usages`.'),
					pointer: z.string().describe('The same field as a JSON Pointer (RFC 6901).'),
					detail: z.string(),
				}),
			)
			.optional()
			.describe('One entry per invalid field.'),
	})
	.catchall(z.unknown())
	.meta(schemaId('Problem', 'RFC 9457 problem details.'))

export const UseCaseIdParams = z.object({
	useCaseId: z
		.string()
		.min(1)
		.max(40)
		.describe('The use case’s id, or its tracking id such as `CMS-2026-0001`.'),
})

const UseCaseSummarySchema = z
	.object({
		id: z.string(),
		trackingId: z.string(),
		name: z.string(),
		status: z.enum(useCaseStatuses),
		stage: z.enum(stages).nullable(),
		determination: z
			.enum(determinationFilterValues)
			.describe(
				'The high-impact determination, or whether the checks presume it high-impact while undetermined.',
			),
		orgUnit: z.object({ code: z.string(), shortName: z.string() }),
		sensitivities: z.array(z.enum(datasetSensitivities)),
		datasetCategories: z.array(z.enum(datasetCategories)),
		topicArea: z.enum(topicAreas).nullable(),
		classification: z.enum(classifications).nullable(),
		vendorNames: z.array(z.string()),
		tags: z.array(z.string()),
		updatedAt: dateTime,
		nextReviewDue: dateTime.nullable(),
		reviewRound: z.number().int(),
		lanes: z.object({ total: z.number().int(), open: z.number().int() }),
		overdue: z.boolean(),
		checks: z
			.object({ blocked: z.boolean(), failing: z.number().int() })
			.nullable()
			.describe('The latest stored check run against the current pack; null before the first.'),
	})
	.meta(schemaId('UseCaseSummary'))

export const UseCaseListSchema = z
	.object({
		data: z.array(UseCaseSummarySchema),
		next: z
			.string()
			.nullable()
			.describe('The cursor of the next page (pass it as `cursor`), or null on the last page.'),
	})
	.meta(schemaId('UseCaseList'))

const CheckResultSchema = z
	.object({
		checkId: z.string(),
		title: z.string(),
		clauseIds: z
			.array(z.string())
			.describe('The policy clauses behind the finding (see /policy-references/{referenceId}).'),
		status: z.enum(CHECK_STATUSES),
		severity: z.enum(CHECK_SEVERITIES),
		reason: z.string(),
		drivingFields: z.array(z.string()),
		nextStep: z.string().nullable(),
		nextQuestion: z
			.string()
			.optional()
			.describe(
				'The question of the use-case document (a field path, as in drivingFields) the next step asks to answer; absent when the step is not an answer (a reviewer’s or the CAIO’s work).',
			),
		lane: z.enum(reviewLanes),
	})
	.meta(schemaId('CheckResult'))

export const EvaluationSchema = z
	.object({
		packId: z.string(),
		packVersion: z.string(),
		asOf: z.string(),
		presumedHighImpact: z.boolean(),
		presumedCategories: z.array(z.enum(PRESUMED_CATEGORIES)),
		screenedOutAsNotAi: z
			.boolean()
			.describe(
				'True when the case is screened out as rule-based only (not AI under the definition the pack cites).',
			),
		requiredLanes: z.array(z.enum(reviewLanes)),
		routes: z
			.array(
				z.object({
					routeId: z.string(),
					title: z.string(),
					clauseIds: z.array(z.string()),
					lanes: z.array(z.enum(reviewLanes)),
					reason: z.string().describe('Why the routing rule applies, in plain words.'),
				}),
			)
			.describe(
				'The routing rules of the pack that send this case to review lanes, each with its clauses.',
			),
		blocked: z
			.boolean()
			.describe('True when an enabled blocking check fails: the final decision must wait.'),
		results: z.array(CheckResultSchema),
	})
	.meta(schemaId('Evaluation'))

const person = z.object({ name: z.string() })

export const UseCaseDetailSchema = z
	.object({
		id: z.string(),
		trackingId: z.string(),
		status: z.enum(useCaseStatuses),
		version: z
			.number()
			.int()
			.describe(
				'The version to name in `If-Match` (as its ETag) or `version` when changing the case.',
			),
		name: z.string(),
		orgUnit: z.object({ code: z.string(), name: z.string(), shortName: z.string() }),
		owner: z.object({ name: z.string(), email: z.string() }),
		createdAt: dateTime,
		updatedAt: dateTime,
		submittedAt: dateTime.nullable(),
		highImpactDetermination: z.enum(highImpactDeterminations).nullable(),
		determinedAt: dateTime.nullable(),
		decidedAt: dateTime.nullable(),
		nextReviewDue: dateTime.nullable(),
		document: UseCaseDocumentSchema.describe(
			'Every answer, with the datasets inline (the format of `POST /evaluate`).',
		),
		findings: EvaluationSchema,
		review: z.object({
			round: z.number().int(),
			lanes: z.array(
				z.object({
					lane: z.enum(reviewLanes),
					status: z.string(),
					origin: z.string(),
					dueOn: dateTime.nullable(),
					assignee: person.nullable(),
					decidedAt: dateTime.nullable(),
					decidedBy: person.nullable(),
				}),
			),
			decisions: z.array(
				z.object({
					round: z.number().int(),
					outcome: z.string(),
					note: z.string().nullable(),
					decidedAt: dateTime,
					decidedBy: person,
					useCaseVersion: z.number().int(),
					conditions: z.array(
						z.object({
							text: z.string(),
							dueOn: dateTime,
							metAt: dateTime.nullable(),
							owner: person,
						}),
					),
				}),
			),
		}),
		versions: z.array(z.lazy(() => VersionSummarySchema)),
	})
	.meta(schemaId('UseCase'))

const VersionSummarySchema = z
	.object({
		number: z.number().int(),
		reason: z.string(),
		createdAt: dateTime,
		createdBy: person,
	})
	.meta(schemaId('UseCaseVersionSummary'))

export const VersionListSchema = z
	.object({ data: z.array(VersionSummarySchema) })
	.meta(schemaId('UseCaseVersionList'))

export const VersionSchema = VersionSummarySchema.extend({ document: UseCaseDocumentSchema }).meta(
	schemaId('UseCaseVersion'),
)

export const VersionDiffSchema = z
	.object({
		from: z.number().int().describe('0 is the current working copy.'),
		to: z.number().int(),
		changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
	})
	.meta(schemaId('UseCaseVersionDiff'))

export const SaveResultSchema = z
	.object({
		status: z.enum(['saved', 'submitted', 'reopened']),
		version: z.number().int(),
		changed: z
			.array(z.string())
			.optional()
			.describe('For a reopened review: the material changes that reopened it.'),
	})
	.meta(schemaId('SaveResult'))

export const CreatedUseCaseSchema = z
	.object({ id: z.string(), trackingId: z.string(), version: z.number().int() })
	.meta(schemaId('CreatedUseCase'))

export const WithdrawnSchema = z
	.object({ status: z.literal('WITHDRAWN'), version: z.number().int() })
	.meta(schemaId('Withdrawn'))

export const CommentCreatedSchema = z.object({ id: z.string() }).meta(schemaId('CommentCreated'))

const DatasetSummarySchema = z
	.object({
		id: z.string(),
		name: z.string(),
		category: z.enum(datasetCategories),
		sensitivities: z.array(z.enum(datasetSensitivities)),
		sornNumber: z.string().nullable(),
		orgUnit: z.object({ shortName: z.string() }).nullable(),
		steward: person.nullable(),
	})
	.meta(schemaId('DatasetSummary'))

export const DatasetListSchema = z
	.object({
		data: z.array(DatasetSummarySchema),
		page: z.number().int(),
		pageCount: z.number().int(),
		total: z.number().int(),
	})
	.meta(schemaId('DatasetList'))

export const DatasetSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		description: z.string().nullable(),
		category: z.enum(datasetCategories),
		sensitivities: z.array(z.enum(datasetSensitivities)),
		sornNumber: z.string().nullable(),
		piaUrl: z.string().nullable(),
		dataUseAgreementRequired: z.boolean(),
		fismaSystem: z.string().nullable(),
		federalDataCatalogUrl: z.string().nullable(),
		version: z.number().int(),
		updatedAt: dateTime,
		orgUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
		steward: z.object({ name: z.string(), email: z.string() }).nullable(),
	})
	.meta(schemaId('Dataset'))

const PolicyReferenceSchema = policyReferenceSchema.meta(schemaId('PolicyReference'))
const PolicyCheckSchema = policyCheckDefinitionSchema.meta(schemaId('PolicyCheck'))
const LaneRouteSchema = laneRouteSchema.meta(schemaId('LaneRoute'))

export const PolicyReferenceListSchema = z
	.object({ data: z.array(PolicyReferenceSchema.safeExtend({ checkCount: z.number().int() })) })
	.meta(schemaId('PolicyReferenceList'))

export const PolicyReferenceDetailSchema = z
	.object({
		reference: PolicyReferenceSchema,
		supersededBy: PolicyReferenceSchema.nullable(),
		supersedes: z.array(PolicyReferenceSchema),
		checks: z.array(PolicyCheckSchema),
		routes: z
			.array(LaneRouteSchema)
			.describe('The routing rules that cite this reference and the lanes they send a case to.'),
	})
	.meta(schemaId('PolicyReferenceDetail'))

export const PolicyCheckListSchema = z
	.object({ data: z.array(PolicyCheckSchema) })
	.meta(schemaId('PolicyCheckList'))

export const PolicyPackSummarySchema = z
	.object({
		id: z.string(),
		version: z.string(),
		title: z.string(),
		publishedDate: day,
		description: z.string().optional(),
		referenceCount: z.number().int(),
		checkCount: z.number().int(),
	})
	.meta(schemaId('PolicyPack'))

const bar = z.object({
	key: z.string(),
	label: z.string(),
	count: z.number().int(),
	href: z.string(),
})

export const DashboardSchema = z
	.object({
		asOf: z.string(),
		total: z.number().int(),
		byStage: z.array(bar),
		byDetermination: z.array(bar),
		byComponent: z.array(bar),
		byDatasetCategory: z.array(bar),
		bySensitivity: z.array(bar),
		throughput: z.array(
			z.object({
				month: z.string(),
				label: z.string(),
				total: z.number().int(),
				APPROVED: z.number().int(),
				APPROVED_WITH_CONDITIONS: z.number().int(),
				REJECTED: z.number().int(),
			}),
		),
		timeInState: z.array(
			z.object({
				status: z.enum(useCaseStatuses),
				label: z.string(),
				medianDays: z.number(),
				stays: z.number().int(),
				href: z.string(),
			}),
		),
		overdueLanes: z.array(z.object({ lane: z.enum(reviewLanes), count: z.number().int() })),
		overdueLaneCases: z.array(
			z.object({
				useCaseId: z.string(),
				trackingId: z.string(),
				name: z.string(),
				lane: z.enum(reviewLanes),
				dueOn: dateTime,
				assignee: z.string().nullable(),
			}),
		),
		overdueConditions: z.array(
			z.object({
				useCaseId: z.string(),
				trackingId: z.string(),
				name: z.string(),
				text: z.string(),
				dueOn: dateTime,
				owner: z.string(),
			}),
		),
		practicesLate: z.array(
			z.object({
				useCaseId: z.string(),
				trackingId: z.string(),
				name: z.string(),
				stage: z.enum(stages).nullable(),
				failing: z.array(z.string()),
			}),
		),
		practicesLateTotal: z.number().int(),
		overdueConditionsTotal: z.number().int(),
		waiversExpiringTotal: z.number().int(),
		waiversExpiring: z.array(
			z.object({
				useCaseId: z.string(),
				trackingId: z.string(),
				name: z.string(),
				practice: z.enum(minimumPracticeKeys),
				validUntil: dateTime,
				reportedToOmbOn: dateTime.nullable(),
			}),
		),
	})
	.meta(schemaId('Dashboard'))

export const MeSchema = z
	.object({
		user: z.object({
			id: z.string(),
			name: z.string(),
			email: z.string(),
			roles: z.array(z.enum(roleNames)),
		}),
		token: z.object({
			id: z.string(),
			scopes: z.array(z.enum(['read', 'write'])),
			expiresAt: dateTime,
		}),
	})
	.meta(schemaId('Me'))

export const DuplicateListSchema = z
	.object({
		data: z.array(
			z.object({
				id: z.string(),
				trackingId: z.string(),
				name: z.string(),
				score: z.number(),
				reasons: z.array(z.string()),
			}),
		),
	})
	.meta(schemaId('SimilarUseCases'))
