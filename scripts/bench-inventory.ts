// `npm run bench:inventory [-- --cases N]`: the inventory, the dashboards, the case pages and the OMB
// export at 20,000 use cases (or N), against a bare route as the ceiling. Starts a throwaway PostgreSQL
// cluster, seeds the demo accounts and data plus the generated cases with their workflow records
// (scripts/bench-support.ts), builds the app when the build is older than the sources, starts it in
// production on 127.0.0.1, signs in as leadership and drives each group at 20 concurrent connections
// for a fixed number of requests. Prints p50/p95/p99, throughput and the app's CPU time per request
// for each group, the server's own timing of each page (loaders, then React's render), the event
// loop's delay meanwhile, first views (a page just after a change, by someone who has not seen it,
// where nothing is kept), and the export's time and memory; stops everything it started and ends
// with the machine-read line:
//   inventory_p95_ms=… data_p95_ms=… dashboard_p95_ms=… case_p95_ms=… bare_ratio=… export_s=… loop_p99_ms=…
//
// Options: --cases N; --database-url URL (an already seeded database: no cluster, no seeding);
// --cpu-prof DIR (the app writes a V8 CPU profile there when it stops). Variables such as
// WEB_CONCURRENCY reach the app as they are.
import { type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { type PostgresCluster, startPostgresCluster } from '#tests/postgres-cluster.ts'
import {
	appCpuMeter,
	type BenchRequest,
	buildIfNeeded,
	CASES,
	CONNECTIONS,
	drive,
	type GroupResult,
	percentile,
	processTree,
	report,
	seedBenchDatabase,
	signIn,
	startApp,
	stopApp,
	watchEventLoop,
} from './bench-support.ts'

const inventoryViews = [
	'/inventory',
	'/inventory?page=2',
	'/inventory?page=17',
	'/inventory?q=claims',
	'/inventory?q=fraud%20screening',
	'/inventory?q=chatbot&sort=name',
	'/inventory?q=CMS-2024-01234',
	'/inventory?status=APPROVED',
	'/inventory?status=IN_REVIEW&status=SUBMITTED',
	'/inventory?stage=DEPLOYED&sort=name',
	'/inventory?determination=HIGH_IMPACT',
	'/inventory?determination=PRESUMED_UNDETERMINED&determination=UNDETERMINED',
	'/inventory?orgUnit=HHS%2FCMS%2FCCIIO',
	'/inventory?orgUnit=HHS%2FCMS%2FCPI&datasetCategory=MEDICARE_CLAIMS',
	'/inventory?sensitivity=PHI&stage=PILOT',
	'/inventory?datasetCategory=MARKETPLACE&dir=asc',
	'/inventory?overdue=true',
	'/inventory?tag=omb-2025',
	'/inventory?vendor=ServiceNow',
	'/inventory?sort=trackingId&page=3',
	'/inventory?sort=sensitivity',
	'/inventory?topicArea=HEALTH_MEDICAL&classification=GENERATIVE_AI&sort=status&dir=desc',
]

const { values: options } = parseArgs({
	options: {
		cases: { type: 'string' },
		'database-url': { type: 'string' },
		'cpu-prof': { type: 'string' },
	},
})
const cases = options.cases ? Number(options.cases.replace(/[_,]/g, '')) : CASES
if (!Number.isInteger(cases) || cases < 100) {
	console.error('--cases takes a whole number of at least 100.')
	process.exit(2)
}

/** Resident memory of the app's processes (its workers too), in kB. */
function rssKb(rootPid: number) {
	return processTree(rootPid).reduce((sum, pid) => {
		try {
			return (
				sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
			)
		} catch {
			return sum
		}
	}, 0)
}

/** The OMB export, three times: the median time, and how much the app's memory grew while it streamed. */
async function timeExport(base: string, cookie: string, appPid: number) {
	const times: Array<number> = []
	let peakGrowthMb = 0
	for (let run = 0; run < 3; run++) {
		const before = rssKb(appPid)
		let peak = before
		const sampler = setInterval(() => (peak = Math.max(peak, rssKb(appPid))), 100)
		const started = performance.now()
		const response = await fetch(`${base}/inventory/export/omb.csv`, { headers: { cookie } })
		if (response.status === 404) {
			clearInterval(sampler)
			return { skipped: true as const }
		}
		if (!response.ok) throw new Error(`The OMB export answered ${response.status}`)
		// Counted as it arrives, never held: the client must not be what runs out of memory.
		let bytes = 0
		let lines = 0
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
			bytes += chunk.byteLength
			for (const byte of chunk) if (byte === 10) lines++
		}
		times.push((performance.now() - started) / 1000)
		clearInterval(sampler)
		peakGrowthMb = Math.max(peakGrowthMb, (peak - before) / 1024)
		if (run === 0)
			console.log(
				`OMB export: ${lines.toLocaleString('en-US')} lines, ${(bytes / 1e6).toFixed(1)} MB`,
			)
	}
	times.sort((a, b) => a - b)
	return { skipped: false as const, seconds: times[1]!, all: times, peakGrowthMb }
}

/**
 * When the app said it had read the figures it keeps in memory (null: it does not say). Returns
 * once its first ten-second event-loop window has closed too, so that the load's windows leave out
 * start-up (loading the code, migrations, that first read), which holds the loop on its own.
 */
async function keptFiguresReadAt(base: string) {
	let readAt: number | null | undefined
	for (const deadline = performance.now() + 180_000; performance.now() < deadline;) {
		const health = (await (await fetch(`${base}/healthz?verbose`)).json()) as {
			keptFiguresRead?: boolean
			eventLoopDelay?: { recent: Array<unknown> }
		}
		if (readAt === undefined && health.keptFiguresRead !== false)
			readAt = health.keptFiguresRead === undefined ? null : performance.now()
		if (readAt !== undefined && (health.eventLoopDelay?.recent.length ?? 1) > 0) return readAt
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	throw new Error('The app had not read the figures it keeps in memory 180 s after its start')
}

const median = (values: Array<number>) =>
	values.length
		? percentile(
				[...values].sort((a, b) => a - b),
				50,
			)
		: Number.NaN

/** The app's Server-Timing figures of one response (`render` is absent when the page was not rendered). */
function serverTimingOf(response: Response) {
	const timing = response.headers.get('server-timing') ?? ''
	const of = (name: string) =>
		Number(new RegExp(`${name};dur=([\\d.]+)`).exec(timing)?.[1] ?? Number.NaN)
	return { app: of('app'), render: of('render') }
}

/**
 * The app's own timing of single requests (Server-Timing: `app` is everything before React renders,
 * loaders included; `render` is React's render of the page), one request at a time, so that load
 * does not blur them.
 */
async function serverTimings(
	base: string,
	paths: ReadonlyArray<string>,
	cookie: string,
	rounds = 3,
) {
	const app: Array<number> = []
	const render: Array<number> = []
	let bytes = 0
	for (let round = 0; round < rounds; round++) {
		for (const path of paths) {
			const response = await fetch(`${base}${path}`, {
				headers: { cookie, 'accept-encoding': 'identity' },
			})
			const body = await response.arrayBuffer()
			bytes += body.byteLength
			const timing = serverTimingOf(response)
			if (Number.isFinite(timing.app)) app.push(timing.app)
			if (Number.isFinite(timing.render)) render.push(timing.render)
		}
	}
	return {
		appMs: median(app),
		renderMs: median(render),
		kb: bytes / (rounds * paths.length) / 1024,
	}
}

/**
 * First views: each page asked for once, one at a time, by someone who has not seen it, just after
 * the data version moved (as every write moves it). Nothing is kept for them: the loaders count
 * afresh and React renders. The load groups above mostly measure repeat views by one person; this
 * is what a page costs the first time.
 */
async function firstViews(
	base: string,
	paths: ReadonlyArray<string>,
	cookie: string,
	databaseUrl: string,
) {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	const latencies: Array<number> = []
	const app: Array<number> = []
	const render: Array<number> = []
	try {
		for (const path of paths) {
			await client.query(
				`UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1`,
			)
			const started = performance.now()
			const response = await fetch(`${base}${path}`, {
				headers: { cookie, 'accept-encoding': 'identity' },
			})
			await response.arrayBuffer()
			latencies.push(performance.now() - started)
			const timing = serverTimingOf(response)
			if (Number.isFinite(timing.app)) app.push(timing.app)
			if (Number.isFinite(timing.render)) render.push(timing.render)
		}
	} finally {
		await client.end()
	}
	latencies.sort((a, b) => a - b)
	return {
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		appMs: median(app),
		renderMs: median(render),
		rendered: render.length,
	}
}

async function caseIds(databaseUrl: string, count: number) {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		// Spread over the inventory; drafts are private to their authors, so leadership opens submitted cases.
		const rows = await client.query<{ id: string }>(
			`SELECT "id" FROM (SELECT "id", row_number() OVER (ORDER BY "trackingId") AS n FROM "UseCase" WHERE "status" <> 'DRAFT') s
			 WHERE n % GREATEST(1, (SELECT count(*) FROM "UseCase") / $1) = 0 LIMIT $1`,
			[count],
		)
		return rows.rows.map((row) => row.id)
	} finally {
		await client.end()
	}
}

// ── Main ──

async function main() {
	let cluster: PostgresCluster | null = null
	let app: { child: ChildProcess; base: string } | null = null
	let exitCode = 0
	try {
		let databaseUrl = options['database-url']
		if (!databaseUrl) {
			cluster = await startPostgresCluster()
			if (!cluster) {
				console.log('PostgreSQL server binaries not found: cannot run the inventory benchmark.')
				process.exit(1)
			}
			databaseUrl = (await seedBenchDatabase(cluster, 'bench_inventory', cases)).databaseUrl
		} else {
			process.env.DATABASE_URL = databaseUrl
		}

		// Single-request timings of the SQL behind the pages, before any load.
		const { database } = await import('#app/utils/db.server.ts')
		const { findInventoryPage } = await import('#app/modules/inventory/inventory-query.server.ts')
		const { computeDashboard } = await import('#app/modules/dashboards/dashboard.server.ts')
		const { InventoryQuerySchema, inventoryInput } =
			await import('#app/modules/inventory/inventory-filters.ts')
		const leadership = await database.prisma.user.findUniqueOrThrow({
			where: { email: 'leadership@cms.example' },
			select: { id: true },
		})
		for (const view of [
			'/inventory',
			'/inventory?q=claims&stage=DEPLOYED',
			'/inventory?determination=PRESUMED_UNDETERMINED&overdue=true',
		]) {
			const query = InventoryQuerySchema.parse(
				inventoryInput(new URL(view, 'http://x').searchParams),
			)
			await findInventoryPage(leadership, query, database.prisma)
			const started = performance.now()
			await findInventoryPage(leadership, query, database.prisma)
			console.log(
				`SQL for ${view}: ${(performance.now() - started).toFixed(1)} ms (rows and every facet counted afresh: a view's first request after a change)`,
			)
		}
		await computeDashboard()
		const dashboardStarted = performance.now()
		await computeDashboard()
		console.log(
			`SQL for the dashboards (uncached): ${(performance.now() - dashboardStarted).toFixed(1)} ms`,
		)
		await database.close()
		const caseList = await caseIds(databaseUrl, 60)

		buildIfNeeded()
		const nodeArgs = options['cpu-prof']
			? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options['cpu-prof'])}`]
			: []
		const startedAt = performance.now()
		app = await startApp(databaseUrl, { SERVER_TIMING: 'true' }, nodeArgs)
		console.log(
			`App on ${app.base} (healthy ${((performance.now() - startedAt) / 1000).toFixed(1)} s after its start); ${CONNECTIONS} concurrent connections per group.`,
		)
		const base = app.base
		const cookie = await signIn(base, 'leadership@cms.example')
		const pid = app.child.pid!
		// The groups measure the app as it runs, after start-up: its first read of the figures it
		// keeps in memory shares the machine with the requests for a few seconds.
		const keptRead = await keptFiguresReadAt(base)
		if (keptRead !== null)
			console.log(
				`Figures kept in memory read ${((keptRead - startedAt) / 1000).toFixed(1)} s after the app's start.`,
			)

		const casePaths = caseList.map((id) => `/use-cases/${id}`)
		const dataViews = inventoryViews.map((view) => view.replace('/inventory', '/inventory.data'))
		// Warm-up: code paths, query plans and connection pools. Each connection asks for the paths
		// in order from the first, so it asks for every one of them once.
		const warmUp = [
			...inventoryViews,
			...dataViews,
			'/dashboards',
			...casePaths.slice(0, 10),
			'/livez',
		]
		await drive('warm-up', base, warmUp, warmUp.length, { cookie })

		const measured = async (
			name: string,
			requests: Array<BenchRequest>,
			perConnection: number,
			withCookie = true,
		): Promise<GroupResult> => {
			const meter = appCpuMeter(pid)
			const group = await drive(name, base, requests, perConnection, withCookie ? { cookie } : {})
			return { ...group, cpuMsPerRequest: meter.stopMs() / group.requests }
		}
		const { result: groups, loop } = await watchEventLoop(base, async () => {
			const bare = await measured('bare route (/livez)', ['/livez'], 250, false)
			const inventory = await measured('inventory pages', inventoryViews, 40)
			// As browsers ask for them (compressed): for comparison, not in the machine-read line.
			const compressed = await measured(
				'inventory pages, compressed',
				inventoryViews.map((path) => ({ path, headers: { 'accept-encoding': 'br, gzip' } })),
				20,
			)
			const inventoryData = await measured('inventory data (client nav)', dataViews, 40)
			const dashboards = await measured('dashboards', ['/dashboards'], 25)
			const casePages = await measured('case pages', casePaths, 25)
			// For comparison: the cheapest signed-in page (session, layout, navigation), which every page pays for.
			const home = await measured('home page (reference)', ['/'], 25)
			return { bare, inventory, compressed, inventoryData, dashboards, casePages, home }
		})
		const { bare, inventory, compressed, inventoryData, dashboards, casePages, home } = groups
		const all = [bare, home, inventory, compressed, inventoryData, dashboards, casePages]
		for (const group of all) report(group)
		const eventLoop = loop()
		console.log(
			`Event loop delay during the load: worst p99 ${eventLoop.p99Ms.toFixed(1)} ms, longest ${eventLoop.maxMs.toFixed(1)} ms (${eventLoop.windows} ten-second windows)`,
		)

		console.log(
			'Server timing, one request at a time (median): before render (session, loaders) and React render, per page',
		)
		for (const [label, paths] of [
			['inventory pages', inventoryViews],
			['inventory data', dataViews],
			['dashboards', ['/dashboards']],
			['case pages', casePaths.slice(0, 20)],
			['home page', ['/']],
		] as const) {
			const timing = await serverTimings(base, paths, cookie)
			console.log(
				`  ${label.padEnd(16)} app ${timing.appMs.toFixed(1).padStart(6)} ms  render ${Number.isNaN(timing.renderMs) ? '     –' : timing.renderMs.toFixed(1).padStart(6)} ms  ${timing.kb.toFixed(1).padStart(6)} KB`,
			)
		}

		const firstViewer = await signIn(base, 'governance@cms.example')
		console.log(
			'First views (the data version just moved; someone who has not seen the page; one at a time):',
		)
		for (const [label, paths] of [
			['inventory pages', inventoryViews],
			['dashboards', ['/dashboards']],
			['case pages', casePaths.slice(20, 40)],
		] as const) {
			const first = await firstViews(base, paths, firstViewer, databaseUrl)
			console.log(
				`  ${label.padEnd(16)} p50 ${first.p50.toFixed(1).padStart(6)} ms  p95 ${first.p95.toFixed(1).padStart(6)} ms  app ${first.appMs.toFixed(1).padStart(6)} ms  render ${first.renderMs.toFixed(1).padStart(6)} ms  (${first.rendered} of ${paths.length} rendered)`,
			)
		}

		const exported = await timeExport(base, cookie, pid)
		if (exported.skipped)
			console.log('OMB export: /inventory/export/omb.csv is not in this build (404): skipped.')
		else {
			console.log(
				`OMB export of every case: median ${exported.seconds.toFixed(2)} s over ${exported.all.length} runs (${exported.all.map((s) => s.toFixed(2)).join(', ')}); the app's memory grew by at most ${exported.peakGrowthMb.toFixed(0)} MB while streaming`,
			)
		}
		const failed = all.filter((g) => g.errors > 0)
		if (failed.length) {
			console.log(`Requests failed in: ${failed.map((g) => g.name).join(', ')}`)
			exitCode = 1
		}
		console.log(
			[
				`inventory_p95_ms=${inventory.p95.toFixed(1)}`,
				`data_p95_ms=${inventoryData.p95.toFixed(1)}`,
				`dashboard_p95_ms=${dashboards.p95.toFixed(1)}`,
				`case_p95_ms=${casePages.p95.toFixed(1)}`,
				`bare_ratio=${(inventory.throughput / bare.throughput).toFixed(3)}`,
				`export_s=${exported.skipped ? 'skipped' : exported.seconds.toFixed(2)}`,
				`loop_p99_ms=${eventLoop.p99Ms.toFixed(1)}`,
			].join(' '),
		)
	} catch (error) {
		console.error(error)
		exitCode = 1
	} finally {
		if (app) await stopApp(app.child)
		cluster?.stop()
	}
	process.exit(exitCode)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
	await main()
