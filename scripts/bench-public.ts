// `npm run bench:public`: the public transparency site at 20,000 use cases. Seeds a throwaway
// PostgreSQL like `bench:inventory` (scripts/bench-support.ts), times the public projection's
// build, starts the production build on 127.0.0.1 and drives the public inventory's list views at
// 20 concurrent connections: first as browsers revalidating what they hold (If-None-Match, answered
// 304 while the data version stands: the "with cache revalidation" figure), then as new visitors
// (full pages), as client-side navigations (.data), and use-case pages; then times how a write
// reaches the pages. Stops everything it started and ends with the machine-read line:
//   public_list_p95_ms=<p95 of the list views with cache revalidation>
import { type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { startPostgresCluster } from '#tests/postgres-cluster.ts'
import {
	type BenchRequest,
	buildIfNeeded,
	CONNECTIONS,
	drive,
	type GroupResult,
	report,
	seedBenchDatabase,
	startApp,
	stopApp,
} from './bench-support.ts'

const publicViews = [
	'/public/inventory',
	'/public/inventory?page=2',
	'/public/inventory?page=300',
	'/public/inventory?q=claims',
	'/public/inventory?q=fraud%20screening',
	'/public/inventory?q=chatbot&sort=id',
	'/public/inventory?q=CMS-2024-01234',
	'/public/inventory?q=improper%20payments&stage=DEPLOYED',
	'/public/inventory?stage=DEPLOYED',
	'/public/inventory?stage=PILOT&topicArea=HEALTH_MEDICAL',
	'/public/inventory?highImpact=HIGH_IMPACT',
	'/public/inventory?highImpact=UNDETERMINED&sort=operationalDate',
	'/public/inventory?component=HHS%2FCMS%2FCPI',
	'/public/inventory?component=HHS%2FCMS%2FOIT&classification=GENERATIVE_AI',
	'/public/inventory?classification=AGENTIC_AI&sort=stage&dir=desc',
	'/public/inventory?topicArea=GOVERNMENT_BENEFITS_PROCESSING&page=4',
	'/public/inventory?sort=component&page=12',
	'/public/inventory?sort=operationalDate&dir=asc&page=7',
]

async function etagsOf(base: string, paths: ReadonlyArray<string>) {
	const requests: Array<BenchRequest> = []
	for (const path of paths) {
		const response = await fetch(`${base}${path}`)
		await response.arrayBuffer()
		const etag = response.headers.get('etag')
		if (response.status !== 200 || !etag)
			throw new Error(`${path} answered ${response.status} without an ETag`)
		requests.push({ path, headers: { 'if-none-match': etag } })
	}
	return requests
}

async function firstRequest(base: string, path: string) {
	const started = performance.now()
	const response = await fetch(`${base}${path}`)
	await response.arrayBuffer()
	return {
		ms: performance.now() - started,
		status: response.status,
		etag: response.headers.get('etag'),
	}
}

async function main() {
	const cluster = await startPostgresCluster()
	if (!cluster) {
		console.log('PostgreSQL server binaries not found: cannot run the public site benchmark.')
		process.exit(1)
	}
	let app: { child: ChildProcess; base: string } | null = null
	let exitCode = 0
	try {
		const { databaseUrl, database } = await seedBenchDatabase(cluster, 'bench_public')

		// The projection the public pages read, built in this process: what each rebuild costs.
		const { buildPublicSnapshot } =
			await import('#app/modules/public-site/public-snapshot.server.ts')
		await buildPublicSnapshot()
		const buildStarted = performance.now()
		const snapshot = await buildPublicSnapshot()
		const seconds = (performance.now() - buildStarted) / 1000
		// The size of the rows a projection holds, as JSON (its cases add a lower-cased copy of their text for search).
		const megabytes = JSON.stringify(snapshot.rows).length / 1e6
		console.log(
			`Public projection: ${snapshot.cases.length.toLocaleString('en-US')} public use cases (${megabytes.toFixed(0)} MB as JSON) built in ${seconds.toFixed(2)} s`,
		)
		await database.close()

		buildIfNeeded()
		// Every request comes from 127.0.0.1: a limit no benchmark reaches, while the limiter still runs.
		app = await startApp(databaseUrl, { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' })
		const cold = await firstRequest(app.base, '/public/inventory')
		console.log(
			`App on ${app.base}; first public page after start (builds the projection): ${cold.ms.toFixed(0)} ms. ${CONNECTIONS} concurrent connections per group.`,
		)

		const caseIds = snapshot.cases
			.filter((_, index) => index % 500 === 0)
			.map((item) => `/public/inventory/${encodeURIComponent(item.id)}`)
		await drive('warm-up', app.base, [...publicViews, ...caseIds, '/public/summary', '/livez'], 3)

		const revalidating = await drive(
			'list, revalidating (304)',
			app.base,
			await etagsOf(app.base, publicViews),
			100,
			{ expect: (status) => status === 304 },
		)
		const full = await drive('list, new visitors (200)', app.base, publicViews, 40)
		const data = await drive(
			'list, client nav (.data)',
			app.base,
			publicViews.map((view) => view.replace('/public/inventory', '/public/inventory.data')),
			40,
		)
		const cases = await drive('use-case pages (200)', app.base, caseIds, 20)
		const summary = await drive('summary page (200)', app.base, ['/public/summary'], 10)
		const bare = await drive('bare route (/livez)', app.base, ['/livez'], 100)
		const groups: Array<GroupResult> = [bare, revalidating, full, data, cases, summary]
		for (const group of groups) report(group)

		// A write moves the data version: the next request starts a rebuild and, while it runs, is
		// answered from the previous projection; the new data follows within the rebuild time.
		const client = new pg.Client({ connectionString: databaseUrl })
		await client.connect()
		await client.query(
			`UPDATE "UseCase" SET "benefits" = 'Benchmark edit.' WHERE "id" = 'bench-uc-1'`,
		)
		await client.end()
		const written = performance.now()
		const afterWrite = await firstRequest(app.base, '/public/inventory')
		let fresh = afterWrite
		while (fresh.etag === cold.etag && performance.now() - written < 60_000) {
			await new Promise((resolve) => setTimeout(resolve, 100))
			fresh = await firstRequest(app.base, '/public/inventory')
		}
		console.log(
			`After a write: the first request took ${afterWrite.ms.toFixed(0)} ms (${afterWrite.etag === cold.etag ? 'the previous data, while the projection rebuilt' : 'the new data'}); the new data was served ${((performance.now() - written) / 1000).toFixed(2)} s after the write.`,
		)

		const failed = groups.filter((group) => group.errors > 0)
		if (failed.length) {
			console.log(`Requests failed in: ${failed.map((group) => group.name).join(', ')}`)
			exitCode = 1
		}
		console.log(`public_list_p95_ms=${revalidating.p95.toFixed(1)}`)
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
