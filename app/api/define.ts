// One definition per REST API operation: its address, what it reads (path, query and body schemas,
// the same Zod schemas as the pages' forms), who may call it (token scope and role permission),
// what it answers, and the handler. The router serves these and the OpenAPI document is generated
// from them, so an operation cannot exist without being documented.
import { z } from 'zod'
import { type TokenCaller } from '#app/modules/api-tokens/api-tokens.server.ts'
import { type KnownPermission } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

export const API_BASE = '/api/v1'

/** `read` for anything that changes nothing (evaluating a document included); `write` for changes. */
type ApiScope = 'read' | 'write'

export type ApiContext = {
	caller: TokenCaller
	requestInfo: RequestInfo
	/** The version named by `If-Match: "<n>"`, null without the header; 'invalid' when it names no version. */
	ifMatch: number | null | 'invalid'
	url: URL
}

export type JsonResult = { status: number; body: unknown; headers?: Record<string, string> }
/** A streamed download (CSV or JSON) from the export modules, passed through as it is. */
export type ApiResult = JsonResult | Response

type ApiResponseSpec = {
	description: string
	/** JSON body schema; omitted for file downloads. */
	schema?: z.ZodType
	/** For downloads: the media type of the file. */
	file?: string
	headers?: Record<string, { description: string }>
}

type Maybe<S> = S extends z.ZodType ? z.output<S> : undefined

export type ApiRoute<
	P extends z.ZodType | undefined = z.ZodType | undefined,
	Q extends z.ZodType | undefined = z.ZodType | undefined,
	B extends z.ZodType | undefined = z.ZodType | undefined,
> = {
	operationId: string
	method: 'get' | 'post' | 'patch'
	/** OpenAPI style, relative to API_BASE: `/use-cases/{useCaseId}`. */
	path: string
	tag: string
	summary: string
	description?: string
	scope: ApiScope
	/** The role permission the pages require for the same thing (any one of a list); null: every signed-in person. */
	permission: KnownPermission | ReadonlyArray<KnownPermission> | null
	params?: P
	query?: Q
	/** How the query string becomes the query schema's input (repeated keys as lists); plain key → value by default. */
	queryInput?: (searchParams: URLSearchParams) => Record<string, unknown>
	body?: B
	/** Whether the body may be left out (then parsed as `{}`). */
	bodyOptional?: boolean
	/** Writes that accept `If-Match` (and answer 412 when it is stale, 428 without any version). */
	conditional?: boolean
	responses: Record<number, ApiResponseSpec>
	handle(input: {
		params: Maybe<P>
		query: Maybe<Q>
		body: Maybe<B>
		/** The body as sent, before its schema filled in defaults: what a partial update names. */
		sentBody: unknown
		context: ApiContext
	}): Promise<ApiResult>
}

export function defineRoute<
	P extends z.ZodType | undefined = undefined,
	Q extends z.ZodType | undefined = undefined,
	B extends z.ZodType | undefined = undefined,
>(route: ApiRoute<P, Q, B>): ApiRoute {
	return route as unknown as ApiRoute
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): JsonResult {
	return { status, body, headers }
}

/** `"3"` for version 3: the ETag of a use case is its version, the optimistic lock's counter. */
export function etagOf(version: number) {
	return `"${version}"`
}

/** Plain `key=value` query input; an empty value counts as absent, as on the pages. */
export function plainQueryInput(searchParams: URLSearchParams): Record<string, unknown> {
	const input: Record<string, unknown> = {}
	for (const key of new Set(searchParams.keys())) {
		const values = searchParams.getAll(key).filter((value) => value !== '')
		if (values.length) input[key] = values.length === 1 ? values[0] : values
	}
	return input
}

/**
 * The metadata that names a schema in the OpenAPI document's components: `.meta(schemaId('UseCase'))`.
 * Ids live in Zod's global registry, which outlives a reloaded module (dev server, tests), so the
 * previous holder of the id is forgotten first.
 */
export function schemaId(id: string, description?: string) {
	const previous = z.globalRegistry._idmap.get(id)
	if (previous) z.globalRegistry.remove(previous)
	return { id, ...(description ? { description } : {}) }
}
