// The HTTP side of the REST API (/api/v1) and the MCP server (/mcp), mounted in the Express server
// before React Router. Requests carry a personal access token in `Authorization: Bearer`, never a
// cookie, so the pages' cookie CSRF protection does not apply here; bodies are JSON only, parsed
// here under their own size limit. Cross-origin browser calls are not answered (no CORS headers).
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import express, { type NextFunction, type Request, type Response } from 'express'
import { type z } from 'zod'
import { scopeNames } from '#app/modules/api-tokens/api-tokens.ts'
import {
	authenticateApiToken,
	type TokenCaller,
} from '#app/modules/api-tokens/api-tokens.server.ts'
import { createTokenThrottle, type TokenThrottle } from '#app/modules/api-tokens/token-throttle.ts'
import {
	DATABASE_RETRY_AFTER_SECONDS,
	type OutageTracker,
	trackDatabaseOutage,
} from '#app/utils/db/outage.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	type ApiContext,
	type ApiRoute,
	API_BASE,
	type ApiResult,
	plainQueryInput,
} from './define.ts'
import { openApiDocument } from './openapi.ts'
import {
	invalidProblem,
	problem,
	type Problem,
	problemOfAppError,
	PROBLEM_CONTENT_TYPE,
} from './problem.ts'
import { catalogueRoutes } from './v1/catalogue.server.ts'
import { reportRoutes } from './v1/reports.server.ts'
import { ApiProblemError, useCaseRoutes } from './v1/use-cases.server.ts'

export const MCP_PATH = '/mcp'
/** Paths this router answers: the security middleware skips cookie CSRF for these and leaves their bodies to this router. */
const API_PATH_PREFIXES = [
	`${API_BASE}/`,
	MCP_PATH,
	'/.well-known/oauth-protected-resource',
] as const

export function isApiPath(path: string) {
	return (
		path === API_BASE ||
		API_PATH_PREFIXES.some(
			(prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
		)
	)
}

/** JSON bodies of the API and MCP: a use case document with 100 datasets is far below this. */
const API_BODY_LIMIT_BYTES = 1_000_000

/** Every operation of /api/v1, in the order the router tries them (fixed paths before `{param}` ones). */
export const apiRoutes: ReadonlyArray<ApiRoute> = [
	...useCaseRoutes,
	...catalogueRoutes,
	...reportRoutes,
]

export type ApiServerOptions = {
	/** The address people reach the app at (APP_URL): the OpenAPI servers entry and the MCP resource id. */
	appUrl: string
	requestsPerMinute: number
	/** Mounted at MCP_PATH; given by the MCP module (kept apart so the REST API does not load the SDK). */
	mcp?: (options: {
		appUrl: string
		authenticate: typeof authenticateBearer
		throttle: TokenThrottle
	}) => express.Router
}

export function sendProblem(res: Response, body: Problem, headers: Record<string, string> = {}) {
	res
		.status(body.status)
		.set({ 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers })
		.send(JSON.stringify(body))
}

export function requestInfoOf(req: Request, caller?: TokenCaller): RequestInfo {
	return {
		requestId: randomUUID(),
		ipAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
		userAgent: req.get('user-agent') ?? null,
		...(caller ? { apiTokenId: caller.tokenId } : {}),
	}
}

const rejectionDetails = {
	missing:
		'Send a personal access token as `Authorization: Bearer <token>`; create one under Settings → API tokens.',
	malformed: 'That is not a personal access token (they start with aigt_pat_).',
	unknown: 'This token is not known: it may have been mistyped or deleted.',
	revoked: 'This token was revoked.',
	expired: 'This token has expired; create a new one under Settings → API tokens.',
	inactive: 'The account this token belongs to is deactivated.',
} as const

/**
 * The caller of a request, or a 401 answered: the token is read on every request, so a revoked
 * token or a deactivated account is refused at once. `resourceMetadata` adds the MCP
 * authorization spec's pointer to the protected resource metadata.
 */
async function authenticateBearer(
	req: Request,
	res: Response,
	options: { resourceMetadata?: string } = {},
): Promise<TokenCaller | null> {
	const header = req.get('authorization') ?? ''
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
	const outcome = match
		? await authenticateApiToken(match[1]!, new Date(), {
				readOnly: req.method === 'GET' || req.method === 'HEAD',
			})
		: { rejected: 'missing' as const }
	if ('caller' in outcome) return outcome.caller
	const challenge = [
		'Bearer realm="ai-governance-tracker"',
		// Header values are ASCII: the description is the reason's name, the body says it in words.
		...(outcome.rejected === 'missing'
			? []
			: [`error="invalid_token", error_description="token ${outcome.rejected}"`]),
		...(options.resourceMetadata ? [`resource_metadata="${options.resourceMetadata}"`] : []),
	].join(', ')
	sendProblem(res, problem(401, rejectionDetails[outcome.rejected]), {
		'WWW-Authenticate': challenge,
	})
	return null
}

/** A token's request budget: 429 with Retry-After once it is spent. */
export function withinRate(throttle: TokenThrottle, caller: TokenCaller, res: Response) {
	const verdict = throttle.take(caller.tokenId)
	if (verdict.allowed) return true
	sendProblem(
		res,
		problem(
			429,
			`This token may make ${throttle.limitPerMinute} requests a minute; try again in ${verdict.retryAfterSeconds} s.`,
		),
		{
			'Retry-After': String(verdict.retryAfterSeconds),
		},
	)
	return false
}

/** Whether a token may call a route: its scope, then its owner's roles, exactly as the pages check them. */
export function refusal(
	route: Pick<ApiRoute, 'scope' | 'permission'>,
	caller: TokenCaller,
): string | null {
	if (!scopeNames(caller.scopes).includes(route.scope)) {
		return `This needs a token with the ${route.scope} scope; this token has ${scopeNames(caller.scopes).join(' and ')}.`
	}
	if (route.permission === null) return null
	const permissions = typeof route.permission === 'string' ? [route.permission] : route.permission
	const roles = caller.user.roles.map((r) => r.role)
	if (permissions.some((permission) => rolesGrant(roles, permission))) return null
	return `Your roles do not allow this (${permissions.join(' or ')}).`
}

function parseIfMatch(header: string | undefined): ApiContext['ifMatch'] {
	if (header === undefined) return null
	const match = /^\s*"(\d{1,9})"\s*$/.exec(header)
	return match ? Number(match[1]) : 'invalid'
}

function parsePart(
	schema: z.ZodType | undefined,
	input: unknown,
	where: 'body' | 'query' | 'path',
) {
	if (!schema) return { ok: true as const, value: undefined }
	const result = schema.safeParse(input)
	return result.success
		? { ok: true as const, value: result.data }
		: { ok: false as const, problem: invalidProblem(where, result.error.issues) }
}

async function send(res: Response, result: ApiResult) {
	if (result instanceof globalThis.Response) {
		res.status(result.status)
		result.headers.forEach((value, name) => res.setHeader(name, value))
		res.setHeader('Cache-Control', 'no-store')
		if (!result.body) return res.end()
		const stream = Readable.fromWeb(result.body as import('node:stream/web').ReadableStream)
		stream.on('error', () => res.destroy())
		stream.pipe(res)
		return
	}
	res.status(result.status).set({ 'Cache-Control': 'no-store', ...result.headers })
	if (result.status === 204) return res.end()
	res.json(result.body)
}

function handlerFor(route: ApiRoute, throttle: TokenThrottle) {
	return async (req: Request, res: Response, next: NextFunction) => {
		try {
			const caller = await authenticateBearer(req, res)
			if (!caller || !withinRate(throttle, caller, res)) return
			const refused = refusal(route, caller)
			if (refused) return sendProblem(res, problem(403, refused))
			const url = new URL(req.originalUrl, 'http://api.invalid')
			const params = parsePart(route.params, req.params, 'path')
			if (!params.ok) return sendProblem(res, params.problem)
			const query = parsePart(
				route.query,
				(route.queryInput ?? plainQueryInput)(url.searchParams),
				'query',
			)
			if (!query.ok) return sendProblem(res, query.problem)
			const rawBody: unknown = req.body === undefined && route.bodyOptional ? {} : req.body
			if (route.body && rawBody === undefined) {
				return sendProblem(
					res,
					problem(415, 'Send the body as JSON with Content-Type: application/json.'),
				)
			}
			const body = parsePart(route.body, rawBody, 'body')
			if (!body.ok) return sendProblem(res, body.problem)
			const context: ApiContext = {
				caller,
				requestInfo: requestInfoOf(req, caller),
				ifMatch: parseIfMatch(req.get('if-match')),
				url,
			}
			await send(
				res,
				await route.handle({
					params: params.value,
					query: query.value,
					body: body.value,
					sentBody: rawBody,
					context,
				}),
			)
		} catch (error) {
			if (error instanceof ApiProblemError) return sendProblem(res, error.problem)
			if (error instanceof AppError)
				return sendProblem(res, problemOfAppError(error.code, error.message))
			next(error)
		}
	}
}

/** `/use-cases/{useCaseId}` → `/use-cases/:useCaseId` */
export function expressPath(openApiPath: string) {
	return openApiPath.replace(/\{(\w+)\}/g, ':$1')
}

export function apiServer(options: ApiServerOptions) {
	const router = express.Router()
	const throttle = createTokenThrottle(options.requestsPerMinute)
	let document: ReturnType<typeof openApiDocument> | null = null

	// Each call remembers whether the database failed it: that is a 503 to retry, not a 500 (a bug).
	router.use((_req, res, next) => {
		void trackDatabaseOutage(async (tracker) => {
			res.locals.databaseOutage = tracker
			next()
		})
	})

	// JSON only: a form post or a text body is refused before any handler runs (no cookie, no CSRF surface).
	router.use(
		express.json({ limit: API_BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }),
	)
	router.use((req, res, next) => {
		const hasBody =
			Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined
		if (hasBody && req.method !== 'GET' && !req.is(['application/json', 'application/*+json'])) {
			return sendProblem(
				res,
				problem(415, 'Send the body as JSON with Content-Type: application/json.'),
			)
		}
		next()
	})

	router.get(`${API_BASE}/openapi.json`, (_req, res) => {
		document ??= openApiDocument(apiRoutes, { serverUrl: options.appUrl })
		res.set('Cache-Control', 'public, max-age=300').json(document)
	})
	for (const route of apiRoutes)
		router[route.method](`${API_BASE}${expressPath(route.path)}`, handlerFor(route, throttle))
	if (options.mcp)
		router.use(options.mcp({ appUrl: options.appUrl, authenticate: authenticateBearer, throttle }))

	router.all(`${API_BASE}/*rest`, (req, res) => {
		const known = apiRoutes.filter((route) =>
			new RegExp(`^${API_BASE}${route.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(req.path),
		)
		if (known.length) {
			return sendProblem(
				res,
				problem(
					405,
					`${req.method} is not allowed here; use ${known.map((r) => r.method.toUpperCase()).join(', ')}.`,
				),
				{
					Allow: known.map((r) => r.method.toUpperCase()).join(', '),
				},
			)
		}
		sendProblem(
			res,
			problem(
				404,
				`There is no ${req.path}; the operations are listed at ${API_BASE}/openapi.json.`,
			),
		)
	})

	// Malformed JSON, a body over the limit, or anything unexpected: a problem, never an HTML error page.
	router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
		if (!isApiPath(req.path)) return next(error)
		const status =
			typeof error === 'object' && error !== null && 'status' in error
				? Number((error as { status: unknown }).status)
				: 500
		const type =
			typeof error === 'object' && error !== null && 'type' in error
				? (error as { type: unknown }).type
				: null
		if (type === 'entity.too.large')
			return sendProblem(
				res,
				problem(
					413,
					`Request bodies are at most ${API_BODY_LIMIT_BYTES.toLocaleString('en-US')} bytes.`,
				),
			)
		if (type === 'entity.parse.failed')
			return sendProblem(res, problem(400, 'The body is not valid JSON.'))
		if (status >= 400 && status < 500)
			return sendProblem(
				res,
				problem(status, error instanceof Error ? error.message : 'The request is not valid.'),
			)
		const outage = res.locals.databaseOutage as OutageTracker | undefined
		if (outage?.unavailable)
			return sendProblem(
				res,
				problem(
					503,
					outage.diskFull
						? 'The database has run out of disk space, so nothing was changed. Try again once an administrator has freed space.'
						: 'The database is not answering, so nothing was read or changed. Try again in a minute.',
				),
				{ 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
			)
		console.error(error)
		sendProblem(res, problem(500, 'Something went wrong on our side; the error is logged.'))
	})
	return router
}
