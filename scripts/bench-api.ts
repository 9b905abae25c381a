// `npm run bench:api`: the REST API's inventory list and the MCP server's search at 20,000 use
// cases, 20 concurrent connections. Starts a throwaway PostgreSQL cluster, seeds it as
// bench:inventory does (scripts/bench-support.ts), creates a personal access token for the leadership demo
// account, starts the production build on 127.0.0.1 (the per-token limit raised so the load is
// not throttled), and drives each group for a fixed number of requests. Prints p50/p95/p99 and
// throughput per group, stops everything it started, and ends with the machine-read line:
//   api_list_p95_ms=<n> mcp_search_p95_ms=<n>
//
// Option: --cpu-prof DIR (the app writes a V8 CPU profile there when it stops).
import { type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startPostgresCluster } from '#tests/postgres-cluster.ts'
import {
	buildIfNeeded,
	CONNECTIONS,
	drive,
	report,
	seedBenchDatabase,
	startApp,
	stopApp,
} from './bench-support.ts'

const listViews = [
	'/api/v1/use-cases',
	'/api/v1/use-cases?q=claims',
	'/api/v1/use-cases?q=fraud%20screening',
	'/api/v1/use-cases?q=chatbot&sort=name',
	'/api/v1/use-cases?q=CMS-2024-01234',
	'/api/v1/use-cases?status=APPROVED',
	'/api/v1/use-cases?status=IN_REVIEW&status=SUBMITTED',
	'/api/v1/use-cases?stage=DEPLOYED&sort=name',
	'/api/v1/use-cases?determination=HIGH_IMPACT',
	'/api/v1/use-cases?determination=PRESUMED_UNDETERMINED&determination=UNDETERMINED',
	'/api/v1/use-cases?orgUnit=HHS%2FCMS%2FCCIIO',
	'/api/v1/use-cases?orgUnit=HHS%2FCMS%2FCPI&datasetCategory=MEDICARE_CLAIMS',
	'/api/v1/use-cases?sensitivity=PHI&stage=PILOT',
	'/api/v1/use-cases?overdue=true',
	'/api/v1/use-cases?vendor=ServiceNow',
	'/api/v1/use-cases?sort=trackingId&limit=100',
	'/api/v1/use-cases?sort=sensitivity',
	'/api/v1/use-cases?topicArea=HEALTH_MEDICAL&classification=GENERATIVE_AI&sort=status&dir=desc',
]

const searches: Array<Record<string, unknown>> = [
	{ q: 'claims' },
	{ q: 'fraud screening', status: ['APPROVED'] },
	{ q: 'chatbot', sort: 'name' },
	{ stage: ['DEPLOYED'], determination: ['HIGH_IMPACT'] },
	{ orgUnit: ['HHS/CMS/CPI'], datasetCategory: ['MEDICARE_CLAIMS'] },
	{ sensitivity: ['PHI'], limit: 25 },
	{ q: 'CMS-2024-01234' },
	{},
]

function mcpSearch(argumentsOf: Record<string, unknown>, id: number) {
	return {
		method: 'POST' as const,
		path: '/mcp',
		headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
		body: JSON.stringify({
			jsonrpc: '2.0',
			id,
			method: 'tools/call',
			params: { name: 'search_use_cases', arguments: argumentsOf },
		}),
	}
}

const { values: options } = parseArgs({ options: { 'cpu-prof': { type: 'string' } } })

async function main() {
	const cluster = await startPostgresCluster()
	if (!cluster) {
		console.log('PostgreSQL server binaries not found: cannot run the API benchmark.')
		process.exit(1)
	}
	let app: { child: ChildProcess; base: string } | null = null
	let exitCode = 0
	try {
		const { databaseUrl, database } = await seedBenchDatabase(cluster, 'bench_api')
		const { createApiToken } = await import('#app/modules/api-tokens/api-tokens.server.ts')
		const leadership = await database.prisma.user.findUniqueOrThrow({
			where: { email: 'leadership@cms.example' },
			select: { id: true },
		})
		const { secret } = await createApiToken(
			leadership,
			{ name: 'bench:api', access: 'READ', expiresInDays: 7 },
			{ requestId: 'bench', ipAddress: '127.0.0.1', userAgent: 'bench' },
		)
		await database.close()

		buildIfNeeded()
		const nodeArgs = options['cpu-prof']
			? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options['cpu-prof'])}`]
			: []
		app = await startApp(databaseUrl, { API_RATE_LIMIT_PER_MINUTE: '1000000' }, nodeArgs)
		const authorization = { authorization: `Bearer ${secret}` }
		const probe = await fetch(`${app.base}/mcp`, {
			method: 'POST',
			headers: { ...authorization, ...mcpSearch({}, 0).headers },
			body: mcpSearch({ q: 'claims' }, 0).body,
		})
		const answer = (await probe.json()) as {
			result?: { structuredContent?: { data: Array<unknown> } }
		}
		if (!probe.ok || !answer.result?.structuredContent?.data.length)
			throw new Error(
				`MCP search answered ${probe.status}: ${JSON.stringify(answer).slice(0, 500)}`,
			)
		console.log(`App on ${app.base}; ${CONNECTIONS} concurrent connections per group.`)

		const mcpRequests = searches.map((args, i) => mcpSearch(args, i + 1))
		await drive('warm-up', app.base, [...listViews, ...mcpRequests, '/livez'], 3, {
			headers: authorization,
		})
		const bare = await drive('bare route (/livez)', app.base, ['/livez'], 150)
		const me = await drive('API /me (token lookup)', app.base, ['/api/v1/me'], 40, {
			headers: authorization,
		})
		const list = await drive('API use-case list', app.base, listViews, 40, {
			headers: authorization,
		})
		const mcp = await drive('MCP search_use_cases', app.base, mcpRequests, 40, {
			headers: authorization,
		})
		for (const group of [bare, me, list, mcp]) report(group)
		const failed = [bare, me, list, mcp].filter((g) => g.errors > 0)
		if (failed.length) {
			console.log(`Requests failed in: ${failed.map((g) => g.name).join(', ')}`)
			exitCode = 1
		}
		console.log(`api_list_p95_ms=${list.p95.toFixed(1)} mcp_search_p95_ms=${mcp.p95.toFixed(1)}`)
	} catch (error) {
		console.error(error)
		exitCode = 1
	} finally {
		if (app) await stopApp(app.child)
		cluster.stop()
	}
	process.exit(exitCode)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
	await main()
