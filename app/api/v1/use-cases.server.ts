// /api/v1/use-cases: the inventory with cursor paging, one case with everything the case page
// shows, drafts created and changed through the same schemas and module functions as the forms.
import { z } from 'zod'
import { freshDataVersion } from '#app/modules/data-version/versioned-cache.server.ts'
import {
	type InventoryPosition,
	type InventoryRow,
	inventorySliceAt,
} from '#app/modules/inventory/inventory-query.server.ts'
import {
	inventoryInput,
	InventoryQuerySchema,
	inventorySortKeys,
} from '#app/modules/inventory/inventory-filters.ts'
import { evaluateWithCurrentPack, storedEvaluation } from '#app/modules/policies/packs.server.ts'
import { fieldRules } from '#app/modules/use-cases/field-rules.ts'
import { formDefaults } from '#app/modules/use-cases/question-kinds.ts'
import {
	DuplicateQuerySchema,
	NewUseCaseSchema,
	UseCaseFormSchema,
	VersionDiffQuerySchema,
} from '#app/modules/use-cases/schemas.ts'
import { type LoadedUseCase, toDocument } from '#app/modules/use-cases/use-case-record.server.ts'
import {
	createDraft,
	findDuplicatesFor,
	getUseCaseForUser,
	listVersions,
	resolveUseCaseId,
	saveUseCase,
	withdrawUseCase,
} from '#app/modules/use-cases/use-cases.server.ts'
import { UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { versionDiff } from '#app/modules/use-cases/version-diff.ts'
import { CommentFormSchema } from '#app/modules/workflow/comment-schema.ts'
import { addComment } from '#app/modules/workflow/comments.server.ts'
import { lanesOfRound } from '#app/modules/workflow/lanes.server.ts'
import { decisionsOf } from '#app/modules/workflow/review-queries.server.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { fieldProblems, problem, type Problem } from '../problem.ts'
import { type ApiContext, API_BASE, defineRoute, etagOf, json, schemaId } from '../define.ts'
import {
	CommentCreatedSchema,
	CreatedUseCaseSchema,
	DuplicateListSchema,
	SaveResultSchema,
	UseCaseDetailSchema,
	UseCaseIdParams,
	UseCaseListSchema,
	VersionDiffSchema,
	VersionListSchema,
	VersionSchema,
	WithdrawnSchema,
} from './schemas.ts'

const TAG = 'Use cases'
const ETAG_HEADER = { ETag: { description: 'The version, for `If-Match` on the next change.' } }

// ── Cursors ──

const CursorSchema = z.object({
	s: z.enum(inventorySortKeys),
	d: z.enum(['asc', 'desc']),
	k: z.string().nullable(),
	i: z.string().min(1),
})

function encodeCursor(query: { sort: string; dir: 'asc' | 'desc' }, position: InventoryPosition) {
	return Buffer.from(
		JSON.stringify({ s: query.sort, d: query.dir, k: position.sortKey, i: position.id }),
	).toString('base64url')
}

function decodeCursor(
	cursor: string,
	query: { sort: string; dir: 'asc' | 'desc' },
): InventoryPosition {
	let parsed: z.infer<typeof CursorSchema>
	try {
		parsed = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
	} catch {
		throw new AppError(
			'INVALID',
			'cursor: this is not a cursor from a previous page; start again without it.',
		)
	}
	if (parsed.s !== query.sort || parsed.d !== query.dir) {
		throw new AppError(
			'INVALID',
			`cursor: it belongs to a list sorted by ${parsed.s} ${parsed.d}; keep the sort of the first page.`,
		)
	}
	return { sortKey: parsed.k, id: parsed.i }
}

export const UseCaseListQuerySchema = InventoryQuerySchema.omit({ page: true }).extend({
	cursor: z
		.string()
		.max(1000)
		.optional()
		.describe('From `next` of the previous page; keep the same filters and sort.'),
	limit: z.coerce.number().int().min(1).max(100).default(25),
})

function summaryOf(row: InventoryRow) {
	return {
		id: row.id,
		trackingId: row.trackingId,
		name: row.name,
		status: row.status,
		stage: row.stage,
		determination: row.determination,
		orgUnit: { code: row.orgUnitCode, shortName: row.orgUnitShortName },
		sensitivities: row.sensitivities,
		datasetCategories: row.datasetCategories,
		topicArea: row.topicArea,
		classification: row.classification,
		vendorNames: row.vendorNames,
		tags: row.tags,
		updatedAt: row.updatedAt,
		nextReviewDue: row.nextReviewDue,
		reviewRound: row.reviewRound,
		lanes: { total: row.lanes, open: row.openLanes },
		// NULL when nothing is due at all: not overdue.
		overdue: row.overdue === true,
		checks:
			row.checksBlocked === null
				? null
				: { blocked: row.checksBlocked, failing: row.checksFailing ?? 0 },
	}
}

/** A page of the inventory as the caller may see it (others' drafts never), with the next page's cursor. */
export async function searchUseCases(
	user: Pick<SessionUser, 'id'>,
	query: z.output<typeof UseCaseListQuerySchema>,
) {
	const { cursor, limit, ...filters } = query
	const inventoryQuery = { ...filters, page: 1 }
	const dir = filters.dir ?? (filters.sort === 'updated' ? 'desc' : 'asc')
	const after = cursor ? decodeCursor(cursor, { sort: filters.sort, dir }) : null
	const slice = await inventorySliceAt(
		user,
		inventoryQuery,
		{ after, limit },
		await freshDataVersion(),
	)
	return {
		data: slice.rows.map(summaryOf),
		next: slice.next ? encodeCursor({ sort: filters.sort, dir }, slice.next) : null,
	}
}

// ── One case ──

async function loadVisible(user: SessionUser, idOrTrackingId: string) {
	return getUseCaseForUser(user, await resolveUseCaseId(idOrTrackingId))
}

/** Everything the case page shows a reader: answers, datasets, findings with their clauses, the review, the versions. */
export async function useCaseDetail(useCase: LoadedUseCase) {
	const document = toDocument(useCase)
	const [findings, lanes, decisions, versions] = await Promise.all([
		storedEvaluation(useCase.id, useCase.version).then(
			(stored) => stored ?? evaluateWithCurrentPack(document),
		),
		lanesOfRound(useCase.id, useCase.reviewRound),
		decisionsOf(useCase.id),
		listVersions(useCase.id),
	])
	return {
		id: useCase.id,
		trackingId: useCase.trackingId,
		status: useCase.status,
		version: useCase.version,
		name: useCase.name,
		orgUnit: useCase.orgUnit,
		owner: useCase.owner,
		createdAt: useCase.createdAt,
		updatedAt: useCase.updatedAt,
		submittedAt: useCase.submittedAt,
		highImpactDetermination: useCase.highImpactDetermination,
		determinedAt: useCase.determinedAt,
		decidedAt: useCase.decidedAt,
		nextReviewDue: useCase.nextReviewDue,
		document,
		findings,
		review: {
			round: useCase.reviewRound,
			lanes: lanes.map((lane) => ({
				lane: lane.lane,
				status: lane.status,
				origin: lane.origin,
				dueOn: lane.dueOn,
				assignee: lane.assignee ? { name: lane.assignee.name } : null,
				decidedAt: lane.decidedAt,
				decidedBy: lane.decidedBy,
			})),
			decisions: decisions.map((decision) => ({
				round: decision.round,
				outcome: decision.outcome,
				note: decision.note,
				decidedAt: decision.decidedAt,
				decidedBy: decision.decidedBy,
				useCaseVersion: decision.useCaseVersion,
				conditions: decision.conditions.map((condition) => ({
					text: condition.text,
					dueOn: condition.dueOn,
					metAt: condition.metAt,
					owner: condition.owner,
				})),
			})),
		},
		versions: versions.map((version) => ({
			number: version.number,
			reason: version.reason,
			createdAt: version.createdAt,
			createdBy: version.createdBy,
		})),
	}
}

// ── Changes ──

/** The version a change is made against: `If-Match` first (412 when stale), else the body's `version` (409 when stale, from the module). */
function expectedVersion(
	context: ApiContext,
	current: { version: number },
	bodyVersion: number | undefined,
) {
	if (context.ifMatch === 'invalid')
		throw new ApiProblemError(
			problem(400, 'If-Match must be the ETag of the use case, such as "3".'),
		)
	if (context.ifMatch !== null) {
		if (context.ifMatch !== current.version) {
			throw new ApiProblemError(
				problem(
					412,
					`The use case is at version ${current.version}, not ${context.ifMatch}: read it again, then repeat your change.`,
					{ currentVersion: current.version },
				),
			)
		}
		return context.ifMatch
	}
	if (bodyVersion !== undefined) return bodyVersion
	throw new ApiProblemError(
		problem(
			428,
			'Send If-Match with the ETag you read (or a `version` field), so that a change made meanwhile is not overwritten.',
		),
	)
}

/** A problem the handler answers as it is (412, 422, 428…): AppErrors cover the module's own outcomes. */
export class ApiProblemError extends Error {
	constructor(readonly problem: Problem) {
		super(problem.detail)
	}
}

// What the edit page's form carries besides the answers (the post's intent, the version it read,
// a conflict's overwrite and the section to open next) is not part of a change.
const notAnswers = ['intent', 'version', 'overwriteVersion', 'next'] as const
const formKeys = Object.keys(UseCaseFormSchema.shape).filter(
	(key) => !(notAnswers as ReadonlyArray<string>).includes(key),
) as Array<Exclude<keyof typeof UseCaseFormSchema.shape, (typeof notAnswers)[number]>>

/** The form's fields, every one optional: the ones sent replace the case's answers, the rest stay. */
const UseCasePatchSchema = z
	.strictObject(
		Object.fromEntries(formKeys.map((key) => [key, UseCaseFormSchema.shape[key].optional()])) as {
			[K in (typeof formKeys)[number]]: z.ZodOptional<(typeof UseCaseFormSchema.shape)[K]>
		},
	)
	.extend({
		version: z
			.number()
			.int()
			.min(1)
			.optional()
			.describe('The version you read; or send `If-Match`.'),
	})
	.meta(
		schemaId(
			'UseCaseChange',
			'The intake form’s fields (the same names, values and rules as the edit page); only the fields sent change.',
		),
	)

const VersionBodySchema = z.strictObject({
	version: z.number().int().min(1).optional().describe('The version you read; or send `If-Match`.'),
})

/** The case's answers as the edit page's form holds them (the question registry's field names). */
function formValuesOf(useCase: LoadedUseCase): Record<string, unknown> {
	const document = toDocument(useCase)
	return {
		...formDefaults(fieldRules, document),
		orgUnit: document.orgUnit,
		teamEmails: useCase.contacts
			.filter((contact) => contact.role === 'DEVELOPER')
			.map((contact) => contact.user.email)
			.join('; '),
		datasets: useCase.datasets.map((link) => ({
			datasetId: link.dataset.id,
			usages: link.usages,
			minimumNecessaryJustification: link.minimumNecessaryJustification ?? undefined,
		})),
	}
}

const isGroup = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value)

/** The answers with the sent fields replaced; within a group (`safeguards`, `practices`…) only the answers sent change. */
function withChanges(values: Record<string, unknown>, fields: Record<string, unknown>) {
	const merged = { ...values }
	for (const [key, value] of Object.entries(fields)) {
		const before = merged[key]
		merged[key] = isGroup(value) && isGroup(before) ? { ...before, ...value } : value
	}
	return merged
}

/** Saves the case's answers with the sent fields replaced, through the same schema and module function as the edit page. */
async function saveThroughForm(
	context: ApiContext,
	useCaseId: string,
	change: {
		fields: Record<string, unknown>
		bodyVersion: number | undefined
		intent: 'save' | 'submit'
	},
) {
	const current = await loadVisible(context.caller.user, useCaseId)
	const version = expectedVersion(context, current, change.bodyVersion)
	const parsed = UseCaseFormSchema.safeParse({
		...withChanges(formValuesOf(current), change.fields),
		intent: change.intent,
		version,
	})
	if (!parsed.success)
		throw new ApiProblemError(
			problem(400, 'Some answers need fixing.', { errors: fieldProblems(parsed.error.issues) }),
		)
	const result = await saveUseCase(
		context.caller.user,
		current.id,
		parsed.data,
		context.requestInfo,
	)
	if (result.status === 'incomplete') {
		const errors = Object.entries(result.fieldErrors).flatMap(([path, messages]) =>
			messages.map((detail) => ({ path, pointer: `/${path.split('.').join('/')}`, detail })),
		)
		throw new ApiProblemError(
			problem(
				422,
				result.saved
					? `The answers are saved as a draft (version ${result.version}), but ${errors.length === 1 ? '1 question needs' : `${errors.length} questions need`} an answer before it can be submitted.`
					: 'Nothing was saved: a submitted use case must stay complete.',
				{ errors, saved: result.saved, version: result.version },
			),
		)
	}
	return json(result, 200, { ETag: etagOf(result.version) })
}

const resolve = async (idOrTrackingId: string) => resolveUseCaseId(idOrTrackingId)

/** What a conditional write answers when its version precondition is wrong or missing. */
const PRECONDITION_RESPONSES = {
	412: { description: 'The `If-Match` version is not the current one.' },
	428: { description: 'Neither `If-Match` nor `version` was sent.' },
} as const

/** A state change on one case, conditional on the version named by `If-Match` or the body. */
const VERSIONED_CASE_ACTION = {
	params: UseCaseIdParams,
	body: VersionBodySchema,
	bodyOptional: true,
	conditional: true,
} as const

export const useCaseRoutes = [
	defineRoute({
		operationId: 'listUseCases',
		method: 'get',
		path: '/use-cases',
		tag: TAG,
		summary: 'Search and filter the inventory',
		description:
			'The inventory page’s search, filters and sorts, in the same query parameters (repeat a parameter for several values: `status=APPROVED&status=IN_REVIEW`), paged with a cursor. Drafts appear only to the people listed on them.',
		scope: 'read',
		permission: 'read:inventory:any',
		query: UseCaseListQuerySchema,
		queryInput: (searchParams) => {
			const input = inventoryInput(searchParams)
			for (const key of ['cursor', 'limit']) {
				const value = searchParams.get(key)
				if (value) input[key] = value
			}
			return input
		},
		responses: { 200: { description: 'One page of use cases.', schema: UseCaseListSchema } },
		handle: async ({ query, context }) => json(await searchUseCases(context.caller.user, query)),
	}),
	defineRoute({
		operationId: 'findSimilarUseCases',
		method: 'get',
		path: '/use-cases/similar',
		tag: TAG,
		summary: 'Find registered use cases like a proposed one',
		description:
			'The duplicate detector the new-case page runs: similar names, problems, datasets and vendors.',
		scope: 'read',
		permission: 'read:use-case:any',
		query: DuplicateQuerySchema,
		responses: {
			200: { description: 'Likely duplicates, most similar first.', schema: DuplicateListSchema },
		},
		handle: async ({ query, context }) =>
			json({
				data: await findDuplicatesFor(context.caller.user, {
					name: query.name,
					problemSolved: query.problem || undefined,
					excludeId: query.exclude ? await resolve(query.exclude) : undefined,
				}),
			}),
	}),
	defineRoute({
		operationId: 'createUseCase',
		method: 'post',
		path: '/use-cases',
		tag: TAG,
		summary: 'Register a new draft',
		description:
			'Creates a draft owned by the token’s user, as the new-case page does; fill it in with PATCH.',
		scope: 'write',
		permission: 'create:use-case:own',
		body: z.strictObject(NewUseCaseSchema.shape).meta(schemaId('NewUseCase')),
		responses: {
			201: {
				description: 'The draft, at version 1.',
				schema: CreatedUseCaseSchema,
				headers: { ...ETAG_HEADER, Location: { description: 'The draft’s address.' } },
			},
		},
		handle: async ({ body, context }) => {
			const created = await createDraft(context.caller.user, body, context.requestInfo)
			return json({ ...created, version: 1 }, 201, {
				ETag: etagOf(1),
				Location: `${API_BASE}/use-cases/${created.id}`,
			})
		},
	}),
	defineRoute({
		operationId: 'getUseCase',
		method: 'get',
		path: '/use-cases/{useCaseId}',
		tag: TAG,
		summary: 'Read one use case',
		description:
			'Every answer, the linked datasets, the policy findings with the clauses they cite, the review status and the frozen versions.',
		scope: 'read',
		permission: 'read:use-case:any',
		params: UseCaseIdParams,
		responses: {
			200: { description: 'The use case.', schema: UseCaseDetailSchema, headers: ETAG_HEADER },
		},
		handle: async ({ params, context }) => {
			const useCase = await loadVisible(context.caller.user, params.useCaseId)
			return json(await useCaseDetail(useCase), 200, { ETag: etagOf(useCase.version) })
		},
	}),
	defineRoute({
		operationId: 'updateUseCase',
		method: 'patch',
		path: '/use-cases/{useCaseId}',
		tag: TAG,
		summary: 'Change the answers of a case you are listed on',
		description:
			'Send only the fields that change, with the intake form’s names and values. A submitted case is amended; an approved case whose change is material goes back to review, exactly as when saved on the edit page.',
		scope: 'write',
		permission: 'update:use-case:own',
		params: UseCaseIdParams,
		body: UseCasePatchSchema,
		conditional: true,
		responses: {
			200: { description: 'Saved.', schema: SaveResultSchema, headers: ETAG_HEADER },
			409: { description: 'Someone saved the case after the version you name.' },
			...PRECONDITION_RESPONSES,
			422: { description: 'A case in review or approved must stay complete; nothing was saved.' },
		},
		handle: async ({ params, body, sentBody, context }) => {
			// The fields as sent (the schema has checked them): parsed, a list left out would read as
			// its default, empty, and replace the case's own.
			const { version: _version, ...fields } = sentBody as Record<string, unknown>
			return saveThroughForm(context, params.useCaseId, {
				fields,
				bodyVersion: body.version,
				intent: 'save',
			})
		},
	}),
	defineRoute({
		operationId: 'submitUseCase',
		method: 'post',
		path: '/use-cases/{useCaseId}/submit',
		tag: TAG,
		summary: 'Submit a draft (or answer requested changes)',
		description:
			'Checks that every question OMB requires for the stage is answered, freezes a version and opens the review.',
		scope: 'write',
		permission: 'submit:use-case:own',
		...VERSIONED_CASE_ACTION,
		responses: {
			200: { description: 'Submitted.', schema: SaveResultSchema, headers: ETAG_HEADER },
			409: { description: 'Stale version, or the case cannot be submitted in its state.' },
			...PRECONDITION_RESPONSES,
			422: { description: 'Questions still need answers (the draft is saved; see `errors`).' },
		},
		handle: async ({ params, body, context }) =>
			saveThroughForm(context, params.useCaseId, {
				fields: {},
				bodyVersion: body.version,
				intent: 'submit',
			}),
	}),
	defineRoute({
		operationId: 'withdrawUseCase',
		method: 'post',
		path: '/use-cases/{useCaseId}/withdraw',
		tag: TAG,
		summary: 'Withdraw a case before its decision',
		scope: 'write',
		permission: 'withdraw:use-case:own',
		...VERSIONED_CASE_ACTION,
		responses: {
			200: { description: 'Withdrawn.', schema: WithdrawnSchema, headers: ETAG_HEADER },
			409: { description: 'Stale version, or the case is already decided.' },
			...PRECONDITION_RESPONSES,
		},
		handle: async ({ params, body, context }) => {
			const current = await loadVisible(context.caller.user, params.useCaseId)
			const version = expectedVersion(context, current, body.version)
			const result = await withdrawUseCase(
				context.caller.user,
				current.id,
				context.requestInfo,
				version,
			)
			return json({ status: 'WITHDRAWN', version: result.version }, 200, {
				ETag: etagOf(result.version),
			})
		},
	}),
	defineRoute({
		operationId: 'addComment',
		method: 'post',
		path: '/use-cases/{useCaseId}/comments',
		tag: TAG,
		summary: 'Comment on a use case',
		description:
			'As on the case page: the people listed on the case and reviewers may comment; `@name@cms.hhs.gov` mentions notify.',
		scope: 'write',
		permission: ['comment:use-case:own', 'comment:use-case:any'],
		params: UseCaseIdParams,
		body: z.strictObject(CommentFormSchema.shape).meta(schemaId('NewComment')),
		responses: { 201: { description: 'The comment.', schema: CommentCreatedSchema } },
		handle: async ({ params, body, context }) => {
			const created = await addComment(
				context.caller.user,
				{ useCaseId: await resolve(params.useCaseId), ...body },
				context.requestInfo,
			)
			return json({ id: created.id }, 201)
		},
	}),
	defineRoute({
		operationId: 'listUseCaseVersions',
		method: 'get',
		path: '/use-cases/{useCaseId}/versions',
		tag: TAG,
		summary: 'List the frozen versions of a case',
		scope: 'read',
		permission: 'read:use-case:any',
		params: UseCaseIdParams,
		responses: { 200: { description: 'Oldest first.', schema: VersionListSchema } },
		handle: async ({ params, context }) => {
			const useCase = await loadVisible(context.caller.user, params.useCaseId)
			const versions = await listVersions(useCase.id)
			return json({
				data: versions.map((v) => ({
					number: v.number,
					reason: v.reason,
					createdAt: v.createdAt,
					createdBy: v.createdBy,
				})),
			})
		},
	}),
	defineRoute({
		operationId: 'getUseCaseVersion',
		method: 'get',
		path: '/use-cases/{useCaseId}/versions/{number}',
		tag: TAG,
		summary: 'Read one frozen version',
		scope: 'read',
		permission: 'read:use-case:any',
		params: UseCaseIdParams.extend({ number: z.coerce.number().int().min(1).max(100_000) }),
		responses: {
			200: { description: 'The version with its whole document.', schema: VersionSchema },
		},
		handle: async ({ params, context }) => {
			const useCase = await loadVisible(context.caller.user, params.useCaseId)
			const version = (await listVersions(useCase.id)).find((v) => v.number === params.number)
			if (!version)
				throw new AppError('NOT_FOUND', `${useCase.trackingId} has no version ${params.number}.`)
			return json({
				number: version.number,
				reason: version.reason,
				createdAt: version.createdAt,
				createdBy: version.createdBy,
				document: UseCaseDocumentSchema.parse(version.snapshot),
			})
		},
	}),
	defineRoute({
		operationId: 'diffUseCaseVersions',
		method: 'get',
		path: '/use-cases/{useCaseId}/diff',
		tag: TAG,
		summary: 'Compare two versions field by field',
		description:
			'`from` and `to` are version numbers; 0 (the default `to`) is the current working copy.',
		scope: 'read',
		permission: 'read:use-case:any',
		params: UseCaseIdParams,
		query: VersionDiffQuerySchema,
		responses: { 200: { description: 'The fields that differ.', schema: VersionDiffSchema } },
		handle: async ({ params, query, context }) => {
			const useCase = await loadVisible(context.caller.user, params.useCaseId)
			const diff = versionDiff(toDocument(useCase), await listVersions(useCase.id), query)
			if (!diff.changes)
				throw new AppError(
					'NOT_FOUND',
					`${useCase.trackingId} has no version ${diff.from === 0 ? diff.to : diff.from}.`,
				)
			return json({ from: diff.from, to: diff.to, changes: diff.changes })
		},
	}),
]
