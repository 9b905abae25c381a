// The OpenAPI 3.1 document of the REST API, generated from the operations' definitions and their
// Zod schemas with Zod's own JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1). Named
// schemas (`.meta(schemaId(…))`) become components; a request and a response may read one schema
// differently (defaults, coercions), so each direction is converted in its own mode.
import { z } from 'zod'
import { type ApiRoute, API_BASE } from './define.ts'
import { problemTypes } from './problem.ts'
import { ProblemSchema } from './v1/schemas.ts'

type JsonSchema = Record<string, unknown>
type Mode = 'input' | 'output'

const PROBLEM_JSON = 'application/problem+json'

function componentCollector() {
	const components: Record<string, JsonSchema> = {}
	/** The JSON Schema of `schema`, its named parts moved to components (a different input form gets an `Input` name). */
	function convert(schema: z.ZodType, mode: Mode): JsonSchema {
		const {
			$schema: _dialect,
			$defs,
			...root
		} = z.toJSONSchema(schema, {
			io: mode,
			target: 'draft-2020-12',
			unrepresentable: 'any',
		}) as JsonSchema & {
			$defs?: Record<string, JsonSchema>
		}
		const names = new Map<string, string>()
		for (const [id, definition] of Object.entries($defs ?? {})) {
			const existing = components[id]
			const name =
				existing === undefined || JSON.stringify(existing) === JSON.stringify(definition)
					? id
					: `${id}Input`
			names.set(id, name)
		}
		const relink = (value: JsonSchema) =>
			JSON.parse(
				JSON.stringify(value).replace(
					/"#\/\$defs\/([^"]+)"/g,
					(_match, id: string) => `"#/components/schemas/${names.get(id) ?? id}"`,
				),
			) as JsonSchema
		for (const [id, definition] of Object.entries($defs ?? {}))
			components[names.get(id)!] = relink(definition)
		return relink(root)
	}
	return { components, convert }
}

function parametersOf(
	schema: z.ZodType | undefined,
	location: 'path' | 'query',
	convert: (s: z.ZodType, m: Mode) => JsonSchema,
) {
	if (!schema) return []
	const object = convert(schema, 'input') as {
		properties?: Record<string, JsonSchema>
		required?: Array<string>
	}
	return Object.entries(object.properties ?? {}).map(([name, property]) => {
		const { description, ...propertySchema } = property
		return {
			name,
			in: location,
			required: location === 'path' || (object.required ?? []).includes(name),
			...(typeof description === 'string' ? { description } : {}),
			schema: propertySchema,
			...(propertySchema.type === 'array' ? { style: 'form', explode: true } : {}),
		}
	})
}

const problemResponse = (description: string) => ({
	description,
	content: { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } },
})

const commonProblems: Record<number, string> = {
	400: 'The path, query or body is not valid; `errors` lists each field.',
	401: 'No token, or a token that is malformed, unknown, expired or revoked, or whose owner is deactivated.',
	403: 'The token’s scope or its owner’s roles do not allow this.',
	404: 'Nothing with this id, or someone else’s draft.',
	429: 'Too many requests for this token; wait for Retry-After seconds.',
}

export function openApiDocument(routes: ReadonlyArray<ApiRoute>, options: { serverUrl: string }) {
	const { components, convert } = componentCollector()
	convert(ProblemSchema, 'output')
	const paths: Record<string, Record<string, unknown>> = {}
	for (const route of routes) {
		const responses: Record<string, unknown> = {}
		for (const [status, spec] of Object.entries(route.responses)) {
			const headers = spec.headers
				? Object.fromEntries(
						Object.entries(spec.headers).map(([name, header]) => [
							name,
							{ description: header.description, schema: { type: 'string' } },
						]),
					)
				: undefined
			if (Number(status) >= 400) {
				responses[status] = {
					...problemResponse(spec.description),
					...(headers ? { headers } : {}),
				}
				continue
			}
			const content = spec.schema
				? { 'application/json': { schema: convert(spec.schema, 'output') } }
				: spec.file
					? {
							[spec.file]: {
								schema: spec.file.endsWith('json') ? { type: 'object' } : { type: 'string' },
							},
						}
					: undefined
			responses[status] = {
				description: spec.description,
				...(headers ? { headers } : {}),
				...(content ? { content } : {}),
			}
		}
		for (const [status, description] of Object.entries(commonProblems)) {
			if (route.scope === 'read' && Number(status) === 403 && route.permission === null) continue
			responses[status] ??= problemResponse(description)
		}
		const operation = {
			operationId: route.operationId,
			tags: [route.tag],
			summary: route.summary,
			...(route.description ? { description: route.description } : {}),
			security: [{ personalAccessToken: [route.scope] }],
			'x-required-scope': route.scope,
			'x-required-permission': route.permission,
			parameters: [
				...parametersOf(route.params, 'path', convert),
				...parametersOf(route.query, 'query', convert),
				...(route.conditional
					? [
							{
								name: 'If-Match',
								in: 'header',
								required: false,
								description: 'The ETag you read (the version), e.g. "3".',
								schema: { type: 'string' },
							},
						]
					: []),
			],
			...(route.body
				? {
						requestBody: {
							required: !route.bodyOptional,
							content: { 'application/json': { schema: convert(route.body, 'input') } },
						},
					}
				: {}),
			responses,
		}
		;(paths[route.path] ??= {})[route.method] = operation
	}
	paths['/openapi.json'] = {
		get: {
			operationId: 'getOpenApiDocument',
			tags: ['Reference'],
			summary: 'This document',
			description: 'Needs no token.',
			security: [],
			responses: {
				200: {
					description: 'The OpenAPI 3.1 document of this API.',
					content: { 'application/json': { schema: { type: 'object' } } },
				},
			},
		},
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'AI Governance Tracker API',
			version: '1',
			description:
				'The inventory of CMS AI use cases, its datasets, policy checks and reports, with the same permissions as the pages. Authenticate with a personal access token (Settings → API tokens) as `Authorization: Bearer <token>`. Errors are RFC 9457 problem details.',
		},
		servers: [{ url: `${options.serverUrl}${API_BASE}` }],
		security: [{ personalAccessToken: [] }],
		tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
		paths,
		components: {
			schemas: Object.fromEntries(
				Object.entries(components).sort(([a], [b]) => a.localeCompare(b)),
			),
			securitySchemes: {
				personalAccessToken: {
					type: 'http',
					scheme: 'bearer',
					description:
						'A personal access token (`aigt_pat_…`) from Settings → API tokens. Scope `read` reads and evaluates; `write` also changes your drafts and comments.',
				},
			},
		},
		'x-problem-types': problemTypes(),
	}
}
