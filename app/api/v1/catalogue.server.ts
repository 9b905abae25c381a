// /api/v1 datasets, policy library and evaluation: the catalogues the pages read, and the policy
// checks run on a document sent in (nothing stored), as `npm run evaluate` runs them.
import { z } from 'zod'
import { idParams } from '#app/utils/input-schemas.ts'
import {
	DATASETS_PAGE_SIZE,
	getDataset,
	listDatasets,
} from '#app/modules/datasets/datasets.server.ts'
import { DatasetListQuerySchema } from '#app/modules/datasets/schemas.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { referenceWithChecks, searchReferences } from '#app/modules/policies/library.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { StrictUseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { AppError } from '#app/utils/errors.ts'
import { defineRoute, json, schemaId } from '../define.ts'
import {
	DatasetListSchema,
	DatasetSchema,
	EvaluationSchema,
	PolicyCheckListSchema,
	PolicyPackSummarySchema,
	PolicyReferenceDetailSchema,
	PolicyReferenceListSchema,
} from './schemas.ts'

const EvaluateQuerySchema = z.object({
	asOf: z.iso
		.date({ error: 'asOf is a date written YYYY-MM-DD.' })
		.optional()
		.describe(
			'Evaluate as on this day (deadlines such as 3 April 2026 depend on it); today by default.',
		),
})

/** The current pack's checks run on a document sent in: nothing is stored. */
export async function evaluateDocument(
	document: z.output<typeof StrictUseCaseDocumentSchema>,
	asOf?: string,
) {
	return evaluateUseCase(document, {
		pack: await currentPolicyPack(),
		asOf: asOf ? new Date(`${asOf}T00:00:00Z`) : new Date(),
	})
}

export async function findPolicyReference(referenceId: string) {
	const found = referenceWithChecks(await currentPolicyPack(), referenceId)
	if (!found)
		throw new AppError(
			'NOT_FOUND',
			`The current policy pack has no reference ${referenceId}; list them at /api/v1/policy-references.`,
		)
	return found
}

export const catalogueRoutes = [
	defineRoute({
		operationId: 'listDatasets',
		method: 'get',
		path: '/datasets',
		tag: 'Datasets',
		summary: 'Search the dataset catalogue',
		scope: 'read',
		permission: 'read:dataset:any',
		query: DatasetListQuerySchema,
		responses: {
			200: { description: 'One page of datasets, by name.', schema: DatasetListSchema },
		},
		handle: async ({ query }) => {
			const { total, datasets } = await listDatasets(query)
			return json({
				data: datasets,
				page: query.page,
				pageCount: Math.max(1, Math.ceil(total / DATASETS_PAGE_SIZE)),
				total,
			})
		},
	}),
	defineRoute({
		operationId: 'getDataset',
		method: 'get',
		path: '/datasets/{datasetId}',
		tag: 'Datasets',
		summary: 'Read one dataset',
		scope: 'read',
		permission: 'read:dataset:any',
		params: idParams('datasetId'),
		responses: {
			200: {
				description: 'The dataset with its sensitivity, SORN, PIA and FISMA facts.',
				schema: DatasetSchema,
			},
		},
		handle: async ({ params }) => {
			const {
				orgUnitId: _orgUnitId,
				stewardId: _stewardId,
				...dataset
			} = await getDataset(params.datasetId)
			return json(dataset)
		},
	}),
	defineRoute({
		operationId: 'getPolicyPack',
		method: 'get',
		path: '/policy-pack',
		tag: 'Policy',
		summary: 'The current policy pack',
		scope: 'read',
		permission: 'read:policy:any',
		responses: {
			200: {
				description: 'The published pack every case is checked against.',
				schema: PolicyPackSummarySchema,
			},
		},
		handle: async () => {
			const pack = await currentPolicyPack()
			return json({
				id: pack.id,
				version: pack.version,
				title: pack.title,
				publishedDate: pack.publishedDate,
				...(pack.description ? { description: pack.description } : {}),
				referenceCount: pack.references.length,
				checkCount: pack.checks.length,
			})
		},
	}),
	defineRoute({
		operationId: 'listPolicyReferences',
		method: 'get',
		path: '/policy-references',
		tag: 'Policy',
		summary: 'Search the policy library',
		description:
			'Every reference of the current pack (superseded ones included), or those whose id, instrument, title, citation or summary contain every word of `q`.',
		scope: 'read',
		permission: 'read:policy:any',
		query: z.object({ q: z.string().trim().max(200).default('') }),
		responses: {
			200: { description: 'The matching references.', schema: PolicyReferenceListSchema },
		},
		handle: async ({ query }) =>
			json({ data: searchReferences(await currentPolicyPack(), query.q) }),
	}),
	defineRoute({
		operationId: 'getPolicyReference',
		method: 'get',
		path: '/policy-references/{referenceId}',
		tag: 'Policy',
		summary: 'Read one clause with the checks that cite it',
		scope: 'read',
		permission: 'read:policy:any',
		params: z.object({
			referenceId: z.string().min(1).max(60).describe('A clause id such as `M2521-4B-II`.'),
		}),
		responses: {
			200: {
				description: 'The reference, what superseded it or it supersedes, and its checks.',
				schema: PolicyReferenceDetailSchema,
			},
		},
		handle: async ({ params }) => json(await findPolicyReference(params.referenceId)),
	}),
	defineRoute({
		operationId: 'listPolicyChecks',
		method: 'get',
		path: '/policy-checks',
		tag: 'Policy',
		summary: 'The checks of the current pack',
		scope: 'read',
		permission: 'read:policy:any',
		responses: {
			200: {
				description: 'Each check with its clauses, severity and review lane.',
				schema: PolicyCheckListSchema,
			},
		},
		handle: async () => json({ data: (await currentPolicyPack()).checks }),
	}),
	defineRoute({
		operationId: 'evaluateUseCase',
		method: 'post',
		path: '/evaluate',
		tag: 'Policy',
		summary: 'Check a use case document against the current pack',
		description:
			'A use case with its datasets inline (the format of `npm run evaluate` and docs/use-case-json.md) in, every finding with its reason and clauses out. Nothing is stored; unknown fields are errors.',
		scope: 'read',
		permission: 'read:policy:any',
		query: EvaluateQuerySchema,
		body: StrictUseCaseDocumentSchema.meta(schemaId('UseCaseDocument')),
		responses: { 200: { description: 'The evaluation.', schema: EvaluationSchema } },
		handle: async ({ query, body }) => json(await evaluateDocument(body, query.asOf)),
	}),
]
