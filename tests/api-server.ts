// The REST API and the MCP server on a test database, listening on a free loopback port, and a
// personal access token for any demo account: what the API and MCP tests call over HTTP.
import { createServer } from 'node:http'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import express from 'express'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, testRequest } from './app-database.ts'
import { type DatabaseTarget } from './db-targets.ts'

export type ApiTestServer = {
	database: Database
	base: string
	/** A new token for a demo account (`access` READ or READ_WRITE); returns the secret. */
	tokenFor(
		email: string,
		access?: 'READ' | 'READ_WRITE',
		expiresInDays?: number,
	): Promise<{ secret: string; id: string }>
	/** A request; a JSON answer is checked against the OpenAPI document (operation, status, media type, schema) before it is returned. */
	call(
		token: string | null,
		method: string,
		path: string,
		options?: { body?: unknown; headers?: Record<string, string> },
	): Promise<Response>
	/** Operations answered so far, as `get /use-cases/{useCaseId} 200`. */
	answered: Set<string>
	close(): Promise<void>
}

type OpenApi = {
	paths: Record<
		string,
		Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
	>
}

/** Checks answers against the OpenAPI document the server publishes. */
async function responseValidator(base: string) {
	const document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as OpenApi
	const ajv = new Ajv2020({ strict: false, allErrors: true })
	addFormats.default(ajv)
	ajv.addSchema({ ...document, $id: 'openapi' })
	const templates = Object.keys(document.paths).map((template) => ({
		template,
		pattern: new RegExp(`^/api/v1${template.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
	}))
	const pointer = (...parts: Array<string>) =>
		parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
	return async function validate(method: string, url: URL, response: Response): Promise<string> {
		const matches = templates.filter((t) => t.pattern.test(url.pathname))
		// A fixed segment (`/use-cases/similar`) wins over a parameter (`/use-cases/{useCaseId}`).
		const template = matches.find((t) => !t.template.includes('{')) ?? matches[0]
		// An address no operation has (answered 404): nothing to check it against.
		if (!template) return `${method.toLowerCase()} ${url.pathname} ${response.status}`
		const operation = document.paths[template.template]![method.toLowerCase()]
		if (!operation) throw new Error(`${method} ${template.template} is not in the OpenAPI document`)
		const spec = operation.responses[String(response.status)]
		if (!spec)
			throw new Error(
				`${method} ${template.template} answered ${response.status}, which the OpenAPI document does not list`,
			)
		const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
		const key = `${method.toLowerCase()} ${template.template} ${response.status}`
		if (!spec.content) return key
		const content = spec.content[mediaType]
		if (!content)
			throw new Error(`${key}: ${mediaType} is not among ${Object.keys(spec.content).join(', ')}`)
		if (mediaType.endsWith('json')) {
			const body: unknown = await response.clone().json()
			const check = ajv.getSchema(
				`openapi#/${pointer('paths', template.template, method.toLowerCase(), 'responses', String(response.status), 'content', mediaType, 'schema')}`,
			)!
			if (!check(body))
				throw new Error(
					`${key}: the body does not match the OpenAPI document: ${ajv.errorsText(check.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
				)
		}
		return key
	}
}

/** Opens a migrated database with the demo data and serves /api/v1 and /mcp on it. */
export async function startApiTestServer(
	target: DatabaseTarget,
	options: { requestsPerMinute?: number } = {},
): Promise<ApiTestServer> {
	const database = await openAppDatabase(target)
	const { ensureShippedPackLoaded } = await import('#app/modules/policies/pack-admin.server.ts')
	const { seedDemoData } = await import('#prisma/seed/seed.server.ts')
	await ensureShippedPackLoaded(database.prisma)
	await seedDemoData(database.prisma)
	const { apiServer } = await import('#app/api/router.server.ts')
	const { mcpRouter } = await import('#app/mcp/mcp-router.server.ts')
	const { createApiToken } = await import('#app/modules/api-tokens/api-tokens.server.ts')
	const { ApiTokenFormSchema } = await import('#app/modules/api-tokens/api-tokens.ts')

	const http = createServer()
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
	const address = http.address()
	const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
	const app = express()
	app.use(
		apiServer({
			appUrl: base,
			requestsPerMinute: options.requestsPerMinute ?? 100_000,
			mcp: mcpRouter,
		}),
	)
	http.on('request', app)
	const validate = await responseValidator(base)
	const answered = new Set<string>()

	return {
		answered,
		database,
		base,
		async tokenFor(email, access = 'READ', expiresInDays = 90) {
			const user = await database.prisma.user.findUniqueOrThrow({
				where: { email },
				select: { id: true },
			})
			const values = ApiTokenFormSchema.parse({
				name: `${email} ${access}`,
				access,
				expiresInDays: String(expiresInDays),
			})
			const { token, secret } = await createApiToken(user, values, testRequest)
			return { secret, id: token.id }
		},
		async call(token, method, path, { body, headers = {} } = {}) {
			const response = await fetch(`${base}${path}`, {
				method,
				headers: {
					...(token ? { Authorization: `Bearer ${token}` } : {}),
					...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
					...headers,
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			})
			if (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/openapi.json'))
				answered.add(await validate(method, new URL(path, base), response))
			return response
		},
		async close() {
			http.closeAllConnections()
			await new Promise((resolve) => http.close(resolve))
			await database.close()
		},
	}
}
