// The MCP server: tools, resources and a prompt over the same module functions as the REST API
// and the pages, for one caller (a personal access token's user). Built afresh for each request
// (the transport is stateless), so every result is exactly what that person may see.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv'
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { evaluateDocument, findPolicyReference } from '#app/api/v1/catalogue.server.ts'
import {
	DashboardSchema,
	DuplicateListSchema,
	EvaluationSchema,
	PolicyReferenceDetailSchema,
	PolicyReferenceListSchema,
	UseCaseDetailSchema,
	UseCaseListSchema,
} from '#app/api/v1/schemas.ts'
import {
	searchUseCases,
	useCaseDetail,
	UseCaseListQuerySchema,
} from '#app/api/v1/use-cases.server.ts'
import { type ApiRoute } from '#app/api/define.ts'
import { refusal } from '#app/api/router.server.ts'
import { type TokenCaller } from '#app/modules/api-tokens/api-tokens.server.ts'
import { datasetCategories, datasetSensitivities } from '#app/modules/datasets/schemas.ts'
import { currentDashboard } from '#app/modules/dashboards/dashboard.server.ts'
import {
	determinationFilterValues,
	inventorySortKeys,
} from '#app/modules/inventory/inventory-filters.ts'
import { listOrgUnits } from '#app/modules/inventory/inventory-query.server.ts'
import { searchReferences } from '#app/modules/policies/library.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { NewUseCaseSchema } from '#app/modules/use-cases/schemas.ts'
import { StrictUseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import {
	createDraft,
	findDuplicatesFor,
	getUseCaseForUser,
	resolveUseCaseId,
} from '#app/modules/use-cases/use-cases.server.ts'
import { stages, topicAreas, useCaseStatuses } from '#app/modules/use-cases/vocabulary.ts'
import { CommentFormSchema } from '#app/modules/workflow/comment-schema.ts'
import { addComment } from '#app/modules/workflow/comments.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

type Access = Pick<ApiRoute, 'scope' | 'permission'>

/** Who may call each tool: the same scope and role permission as the matching REST operation and page. */
const toolAccess = {
	search_use_cases: { scope: 'read', permission: 'read:inventory:any' },
	get_use_case: { scope: 'read', permission: 'read:use-case:any' },
	find_similar_use_cases: { scope: 'read', permission: 'read:use-case:any' },
	evaluate_use_case: { scope: 'read', permission: 'read:policy:any' },
	list_policy_references: { scope: 'read', permission: 'read:policy:any' },
	get_policy_reference: { scope: 'read', permission: 'read:policy:any' },
	inventory_summary: { scope: 'read', permission: 'read:dashboard:any' },
	create_draft_use_case: { scope: 'write', permission: 'create:use-case:own' },
	add_comment: { scope: 'write', permission: ['comment:use-case:own', 'comment:use-case:any'] },
} as const satisfies Record<string, Access>

type ToolName = keyof typeof toolAccess

/** JSON as it travels: dates become ISO strings, so structured content matches its schema. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

function failure(text: string): CallToolResult {
	return { isError: true, content: [{ type: 'text', text }] }
}

function success(text: string, structured: Record<string, unknown>): CallToolResult {
	return { content: [{ type: 'text', text }], structuredContent: plain(structured) }
}

/** Runs a tool body for the caller: refused when the token or roles do not allow it; module errors become tool errors the model can read. */
async function guarded(
	caller: TokenCaller,
	tool: ToolName,
	run: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
	const refused = refusal(toolAccess[tool], caller)
	if (refused) return failure(`Refused: ${refused}`)
	try {
		return await run()
	} catch (error) {
		if (error instanceof AppError) return failure(error.message)
		throw error
	}
}

const objectOf = <S extends z.ZodObject>(schema: S) => z.object(schema.shape)

const useCaseRef = z
	.string()
	.min(1)
	.max(40)
	.describe('The use case’s tracking id (such as CMS-2026-0001) or its id.')

const SimilarInput = z.object({
	name: z.string().min(1).max(200).describe('The proposed use case’s name.'),
	problem: z.string().max(2000).optional().describe('The problem it solves, in a sentence or two.'),
})

const DraftInput = z.object({
	name: z.string().min(3).max(200).describe('A short name for what the AI does.'),
	orgUnit: z
		.string()
		.min(1)
		.max(120)
		.describe('The responsible org unit’s code, such as HHS/CMS/OIT.'),
	problemSolved: z.string().max(10_000).optional().describe('The problem it solves.'),
})

const SearchInput = z.object({
	q: z
		.string()
		.max(200)
		.optional()
		.describe('Words to search for in names, problems, outputs and vendors, or a tracking id.'),
	status: z.array(z.enum(useCaseStatuses)).optional().describe('Only these review statuses.'),
	stage: z.array(z.enum(stages)).optional().describe('Only these development stages.'),
	determination: z
		.array(z.enum(determinationFilterValues))
		.optional()
		.describe('High-impact determination, or presumed/undetermined.'),
	orgUnit: z
		.array(z.string().max(120))
		.optional()
		.describe('Org unit codes such as HHS/CMS/CCSQ (units below them included).'),
	datasetCategory: z.array(z.enum(datasetCategories)).optional(),
	sensitivity: z
		.array(z.enum(datasetSensitivities))
		.optional()
		.describe('Cases touching data with these sensitivities.'),
	topicArea: z.array(z.enum(topicAreas)).optional(),
	vendor: z.array(z.string().max(200)).optional(),
	overdue: z.boolean().optional().describe('Only cases whose review is overdue.'),
	sort: z.enum(inventorySortKeys).optional(),
	dir: z.enum(['asc', 'desc']).optional(),
	cursor: z
		.string()
		.max(1000)
		.optional()
		.describe('The `next` value of a previous result, for the following page (same filters).'),
	limit: z.number().int().min(1).max(50).optional().describe('How many cases (default 10).'),
})

function listLine(row: {
	trackingId: string
	name: string
	status: string
	stage: string | null
	orgUnit: { shortName: string }
	determination: string
}) {
	return `- ${row.trackingId} “${row.name}” — ${row.status.toLowerCase().replace(/_/g, ' ')}${row.stage ? `, ${row.stage.toLowerCase().replace(/_/g, ' ')}` : ''}, ${row.orgUnit.shortName}${row.determination === 'HIGH_IMPACT' ? ', high-impact' : ''}`
}

function findingsText(
	evaluation: z.output<typeof EvaluationSchema>,
	pack: { references: ReadonlyArray<{ id: string; title: string }> },
) {
	const titleOf = new Map(pack.references.map((reference) => [reference.id, reference.title]))
	const notPassing = evaluation.results.filter(
		(result) => result.status === 'FAIL' || result.status === 'NEEDS_ATTENTION',
	)
	const lines = [
		`Evaluated against policy pack ${evaluation.packVersion} as of ${evaluation.asOf.slice(0, 10)}.`,
		evaluation.presumedHighImpact
			? `Presumed high-impact under M-25-21 §6 (categories ${evaluation.presumedCategories.join(', ')}).`
			: 'Not presumed high-impact.',
		evaluation.blocked
			? 'A blocking check fails: a final decision would be refused until it is fixed or waived.'
			: 'No blocking check fails.',
		`Review lanes needed: ${evaluation.requiredLanes.length ? evaluation.requiredLanes.join(', ') : 'none'}.`,
		notPassing.length
			? `${notPassing.length} findings need attention:`
			: 'Every applicable check passes.',
		...notPassing.map(
			(result) =>
				`- [${result.status}] ${result.title}: ${result.reason}${result.nextStep ? ` Next step: ${result.nextStep}` : ''} (clauses: ${result.clauseIds
					.map((id) => `${id} ${titleOf.get(id) ?? ''}`.trim())
					.join('; ')}; fields: ${result.drivingFields.join(', ') || '—'})`,
		),
	]
	return lines.join('\n')
}

const promptArgs = {
	useCase: z.string().min(1).max(40).describe('The draft’s tracking id, such as CMS-2026-0042.'),
}

// Tool schemas and descriptions are the same for every caller: built once, not per request.
const toolConfigs = new Map<string, unknown>()
function toolConfig<T>(name: ToolName, build: () => T): T {
	if (!toolConfigs.has(name)) toolConfigs.set(name, build())
	return toolConfigs.get(name) as T
}

// One JSON Schema validator for every request's server: the SDK would otherwise build a new Ajv
// instance (a millisecond of CPU) for each stateless request.
const jsonSchemaValidator = new AjvJsonSchemaValidator()

export function createMcpServer(caller: TokenCaller, requestInfo: RequestInfo) {
	const server = new McpServer(
		{ name: 'ai-governance-tracker', title: 'CMS AI Governance Tracker', version: '1.0.0' },
		{
			jsonSchemaValidator,
			instructions:
				'The CMS inventory of AI use cases: what each does, the data it touches, whether it is high-impact under OMB M-25-21, its policy findings (each citing a clause) and its review. Results are limited to what the token’s owner may see. Cite tracking ids (CMS-YYYY-NNNN) and clause ids (such as M2521-4B-II) in answers.',
		},
	)
	const user = caller.user

	server.registerTool(
		'search_use_cases',
		toolConfig('search_use_cases', () => ({
			title: 'Search the AI use case inventory',
			description:
				'Search and filter CMS’s inventory of AI use cases (the inventory page’s filters). Returns up to `limit` cases with their status, stage, org unit, high-impact determination and data sensitivity, and a `next` cursor for more. Drafts appear only if the user is listed on them.',
			inputSchema: SearchInput,
			outputSchema: objectOf(UseCaseListSchema),
			annotations: { readOnlyHint: true, openWorldHint: false },
		})),
		(input) =>
			guarded(caller, 'search_use_cases', async () => {
				const query = UseCaseListQuerySchema.parse({
					...input,
					q: input.q ?? '',
					overdue: input.overdue === undefined ? undefined : String(input.overdue),
					limit: input.limit ?? 10,
				})
				const result = await searchUseCases(user, query)
				const text = result.data.length
					? [
							`${result.data.length} use cases${result.next ? ' (more with the `next` cursor)' : ''}:`,
							...result.data.map(listLine),
						].join('\n')
					: 'No use case matches.'
				return success(text, result)
			}),
	)

	server.registerTool(
		'get_use_case',
		toolConfig('get_use_case', () => ({
			title: 'Read one AI use case',
			description:
				'Everything recorded about one use case: every answer (OMB inventory fields, safeguards, minimum practices), the datasets it uses, its policy findings with the clauses they cite, its review lanes and decisions, and its versions.',
			inputSchema: z.object({ useCase: useCaseRef }),
			outputSchema: objectOf(UseCaseDetailSchema),
			annotations: { readOnlyHint: true, openWorldHint: false },
		})),
		({ useCase }) =>
			guarded(caller, 'get_use_case', async () => {
				const detail = await useCaseDetail(
					await getUseCaseForUser(user, await resolveUseCaseId(useCase)),
				)
				const pack = await currentPolicyPack()
				const text = [
					`${detail.trackingId} “${detail.name}” (${detail.status}, version ${detail.version}, ${detail.orgUnit.code}).`,
					findingsText(plain(detail.findings), pack),
				].join('\n')
				return success(text, detail)
			}),
	)

	server.registerTool(
		'find_similar_use_cases',
		toolConfig('find_similar_use_cases', () => ({
			title: 'Find similar (possibly duplicate) use cases',
			description:
				'Before proposing a new AI use case, check whether CMS already registered a similar one (the duplicate detector of the new-case page: similar name, problem, datasets, vendors).',
			inputSchema: SimilarInput,
			outputSchema: objectOf(DuplicateListSchema),
			annotations: { readOnlyHint: true, openWorldHint: false },
		})),
		({ name, problem }) =>
			guarded(caller, 'find_similar_use_cases', async () => {
				const data = await findDuplicatesFor(user, { name, problemSolved: problem || undefined })
				const text = data.length
					? [
							`${data.length} similar use cases:`,
							...data.map(
								(match) => `- ${match.trackingId} “${match.name}” (${match.reasons.join('; ')})`,
							),
						].join('\n')
					: 'No registered use case looks similar.'
				return success(text, { data })
			}),
	)

	server.registerTool(
		'evaluate_use_case',
		toolConfig('evaluate_use_case', () => ({
			title: 'Check a proposed use case against federal AI policy',
			description:
				'Runs the current policy pack’s checks (EO 14179, OMB M-25-21 and M-25-22, the Privacy Act, HIPAA, 42 CFR Part 2, FISMA, FedRAMP…) on a use case document and explains each finding with the clause behind it. Nothing is stored. The document has the fields of docs/use-case-json.md: name is required; add stage, decisionRole, affectedParties, informedDecisions, datasets (each with name, category, sensitivities, usage) and the answers you know.',
			inputSchema: z.object({
				document: StrictUseCaseDocumentSchema,
				asOf: z.iso
					.date()
					.optional()
					.describe('Evaluate as on this day (YYYY-MM-DD); today by default.'),
			}),
			outputSchema: objectOf(EvaluationSchema),
			annotations: { readOnlyHint: true, openWorldHint: false },
		})),
		({ document, asOf }) =>
			guarded(caller, 'evaluate_use_case', async () => {
				const evaluation = await evaluateDocument(document, asOf)
				return success(findingsText(plain(evaluation), await currentPolicyPack()), evaluation)
			}),
	)

	server.registerTool(
		'list_policy_references',
		toolConfig('list_policy_references', () => ({
			title: 'Search the policy library',
			description:
				'The clauses of federal AI policy the checks cite (id, instrument, title, status, summary); `q` narrows to references containing every word.',
			inputSchema: z.object({ q: z.string().max(200).optional() }),
			outputSchema: objectOf(PolicyReferenceListSchema),
			annotations: { readOnlyHint: true, openWorldHint: false },
		})),
		({ q }) =>
			guarded(caller, 'list_policy_references', async () => {
				const data = searchReferences(await currentPolicyPack(), q ?? '')
				const text = data.length
					? data
							.map(
								(r) =>
									`- ${r.id}: ${r.title} (${r.instrument}, ${r.status === 'SUPERSEDED' ? `superseded by ${r.supersededBy}` : 'in force'})`,
							)
							.join('\n')
					: 'No reference matches.'
				return success(text, { data })
			}),
	)

	server.registerTool(
		'get_policy_reference',
		toolConfig('get_policy_reference', () => ({
			title: 'Read one policy clause',
			description:
				'One clause (e.g. M2521-4B-II) with its citation, summary, link, what superseded it, and the checks that cite it.',
			inputSchema: z.object({
				referenceId: z.string().min(1).max(60).describe('A clause id such as M2521-4B-II.'),
			}),
			outputSchema: objectOf(PolicyReferenceDetailSchema),
			annotations: { readOnlyHint: true, openWorldHint: false },
		})),
		({ referenceId }) =>
			guarded(caller, 'get_policy_reference', async () => {
				const found = await findPolicyReference(referenceId)
				const { reference } = found
				const text = [
					`${reference.id}: ${reference.title} — ${reference.citation}`,
					reference.summary,
					`Source: ${reference.link}`,
					`Checks citing it: ${found.checks.map((c) => c.title).join('; ') || 'none'}`,
				].join('\n')
				return success(text, found)
			}),
	)

	server.registerTool(
		'inventory_summary',
		toolConfig('inventory_summary', () => ({
			title: 'Inventory dashboard figures',
			description:
				'Counts of submitted use cases by stage, high-impact determination, CMS component, dataset category and sensitivity; decisions per month; overdue reviews and minimum practices. For governance leads and leadership, as the dashboards page.',
			inputSchema: z.object({}),
			outputSchema: objectOf(DashboardSchema),
			annotations: { readOnlyHint: true, openWorldHint: false },
		})),
		() =>
			guarded(caller, 'inventory_summary', async () => {
				const dashboard = await currentDashboard()
				const bars = (list: ReadonlyArray<{ label: string; count: number }>) =>
					list.map((b) => `${b.label} ${b.count}`).join(', ')
				const text = [
					`${dashboard.total} submitted use cases as of ${dashboard.asOf.slice(0, 10)}.`,
					`By stage: ${bars(dashboard.byStage)}.`,
					`By determination: ${bars(dashboard.byDetermination)}.`,
					`By component: ${bars(dashboard.byComponent)}.`,
					`High-impact cases with minimum practices late: ${dashboard.practicesLateTotal}; conditions overdue: ${dashboard.overdueConditionsTotal}.`,
				].join('\n')
				return success(text, dashboard)
			}),
	)

	server.registerTool(
		'create_draft_use_case',
		toolConfig('create_draft_use_case', () => ({
			title: 'Register a draft AI use case',
			description:
				'Creates a draft owned by the user (needs a token with the write scope). Check find_similar_use_cases first. The draft is private to the user until they submit it in the tracker.',
			inputSchema: DraftInput,
			outputSchema: z.object({ id: z.string(), trackingId: z.string(), link: z.string() }),
			annotations: {
				readOnlyHint: false,
				destructiveHint: false,
				idempotentHint: false,
				openWorldHint: false,
			},
		})),
		({ name, orgUnit, problemSolved }) =>
			guarded(caller, 'create_draft_use_case', async () => {
				const unit = (await listOrgUnits()).find((u) => u.code === orgUnit.trim().toUpperCase())
				if (!unit)
					throw new AppError(
						'INVALID',
						`No org unit has the code ${orgUnit}; codes look like HHS/CMS/OIT.`,
					)
				const values = NewUseCaseSchema.safeParse({ name, orgUnitId: unit.id, problemSolved })
				if (!values.success)
					return failure(
						values.error.issues
							.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
							.join('\n'),
					)
				const created = await createDraft(user, values.data, requestInfo)
				const link = `/use-cases/${created.id}/edit`
				return success(
					`Created the draft ${created.trackingId} “${name}”. The user can complete and submit it at ${link}.`,
					{ ...created, link },
				)
			}),
	)

	server.registerTool(
		'add_comment',
		toolConfig('add_comment', () => ({
			title: 'Comment on a use case',
			description:
				'Adds a comment as the user (needs a token with the write scope); only the people listed on the case and reviewers may comment.',
			inputSchema: z.object({
				useCase: useCaseRef,
				body: CommentFormSchema.shape.body,
				fieldPath: CommentFormSchema.shape.fieldPath,
			}),
			outputSchema: z.object({ id: z.string() }),
			annotations: {
				readOnlyHint: false,
				destructiveHint: false,
				idempotentHint: false,
				openWorldHint: false,
			},
		})),
		({ useCase, body, fieldPath }) =>
			guarded(caller, 'add_comment', async () => {
				const comment = await addComment(
					user,
					{ useCaseId: await resolveUseCaseId(useCase), body, fieldPath },
					requestInfo,
				)
				return success(`Comment added to ${useCase}.`, { id: comment.id })
			}),
	)

	server.registerResource(
		'policy-clause',
		new ResourceTemplate('policy://{referenceId}', {
			list: async () =>
				refusal(toolAccess.get_policy_reference, caller)
					? { resources: [] }
					: {
							resources: (await currentPolicyPack()).references.map((r) => ({
								uri: `policy://${r.id}`,
								name: r.id,
								title: r.title,
								mimeType: 'application/json',
							})),
						},
		}),
		{
			title: 'Policy clause',
			description: 'A clause of the current policy pack with the checks citing it.',
			mimeType: 'application/json',
		},
		async (uri, { referenceId }) => {
			const refused = refusal(toolAccess.get_policy_reference, caller)
			if (refused) throw new Error(refused)
			return {
				contents: [
					{
						uri: uri.href,
						mimeType: 'application/json',
						text: JSON.stringify(await findPolicyReference(String(referenceId)), null, 2),
					},
				],
			}
		},
	)

	server.registerResource(
		'use-case',
		new ResourceTemplate('usecase://{trackingId}', { list: undefined }),
		{
			title: 'AI use case',
			description: 'One use case of the inventory, by tracking id (e.g. usecase://CMS-2026-0001).',
			mimeType: 'application/json',
		},
		async (uri, { trackingId }) => {
			const refused = refusal(toolAccess.get_use_case, caller)
			if (refused) throw new Error(refused)
			const detail = await useCaseDetail(
				await getUseCaseForUser(user, await resolveUseCaseId(String(trackingId))),
			).catch((error: unknown) => {
				throw error instanceof AppError ? new Error(error.message) : error
			})
			return {
				contents: [
					{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(detail, null, 2) },
				],
			}
		},
	)

	server.registerPrompt(
		'prepare_use_case_for_submission',
		{
			title: 'Prepare my AI use case for submission',
			description:
				'Walks through a draft: what OMB requires for its stage, each policy finding with its clause, and what to answer or attach before submitting.',
			argsSchema: promptArgs,
		},
		({ useCase }) => ({
			messages: [
				{
					role: 'user',
					content: {
						type: 'text',
						text: [
							`Help me prepare my AI use case ${useCase} for submission to CMS's AI governance review.`,
							`1. Read it with get_use_case (useCase: "${useCase}").`,
							'2. List every question still unanswered that OMB requires for its development stage, and every finding that fails or needs attention, citing each finding’s clause (use get_policy_reference for the wording).',
							'3. For each, say what I should answer or which evidence (PIA, SORN, ATO, BAA, testing results…) I should attach, and why the clause asks for it.',
							'4. Check find_similar_use_cases for an existing case I should join instead.',
							'5. End with a short checklist in order of importance. Do not invent facts about the system: ask me where you need them.',
						].join('\n'),
					},
				},
			],
		}),
	)

	return server
}
