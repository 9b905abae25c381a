// `npm run bench:inventory`: the inventory, the dashboards and the OMB export at 20,000 use cases,
// against a bare route as the ceiling. Starts a throwaway PostgreSQL cluster, seeds the demo
// accounts and data plus 20,000 generated cases with their workflow records (scripts/bench-support.ts),
// builds the app when the build is older than the sources, starts it in production on 127.0.0.1,
// signs in as leadership and drives each group at 20 concurrent connections for a fixed number of
// requests. Prints p50/p95/p99 and throughput per group, stops everything it started, and ends
// with the machine-read line:
//   inventory_p95_ms=<n> bare_ratio=<n> dashboard_p95_ms=<n> export_s=<n>
import { type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { startPostgresCluster } from '#tests/postgres-cluster.ts'
import { buildIfNeeded, CONNECTIONS, drive, report, seedBenchDatabase, signIn, startApp, stopApp } from './bench-support.ts'

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

async function timeExport(base: string, cookie: string) {
	const times: Array<number> = []
	for (let run = 0; run < 3; run++) {
		const started = performance.now()
		const response = await fetch(`${base}/inventory/export/omb.csv`, { headers: { cookie } })
		if (response.status === 404) return { skipped: true as const }
		if (!response.ok) throw new Error(`The OMB export answered ${response.status}`)
		const body = await response.text()
		times.push((performance.now() - started) / 1000)
		if (run === 0) console.log(`OMB export: ${body.trim().split('\n').length.toLocaleString('en-US')} lines, ${(body.length / 1e6).toFixed(1)} MB`)
	}
	times.sort((a, b) => a - b)
	return { skipped: false as const, seconds: times[1]!, all: times }
}

// ── Main ──

async function main() {
	const cluster = await startPostgresCluster()
	if (!cluster) {
		console.log('PostgreSQL server binaries not found: cannot run the inventory benchmark.')
		process.exit(1)
	}
	let app: { child: ChildProcess; base: string } | null = null
	let exitCode = 0
	try {
		const { databaseUrl, database } = await seedBenchDatabase(cluster, 'bench_inventory')

		// Single-request timings of the SQL behind the pages, before any load.
		const { findInventoryPage, invalidateInventoryCounts } = await import('#app/modules/inventory/inventory-query.server.ts')
		const { computeDashboard } = await import('#app/modules/inventory/dashboard.server.ts')
		const { InventoryQuerySchema, inventoryInput } = await import('#app/modules/inventory/inventory-filters.ts')
		const leadership = await database.prisma.user.findUniqueOrThrow({ where: { email: 'leadership@cms.example' }, select: { id: true } })
		for (const view of ['/inventory', '/inventory?q=claims&stage=DEPLOYED', '/inventory?determination=PRESUMED_UNDETERMINED&overdue=true']) {
			const query = InventoryQuerySchema.parse(inventoryInput(new URL(view, 'http://x').searchParams))
			await findInventoryPage(leadership, query)
			invalidateInventoryCounts()
			const started = performance.now()
			await findInventoryPage(leadership, query)
			const fresh = performance.now() - started
			const again = performance.now()
			await findInventoryPage(leadership, query)
			console.log(
				`SQL for ${view}: ${fresh.toFixed(1)} ms with every facet counted afresh, ${(performance.now() - again).toFixed(1)} ms with the counts shared`,
			)
		}
		await computeDashboard()
		const dashboardStarted = performance.now()
		await computeDashboard()
		console.log(`SQL for the dashboards (uncached): ${(performance.now() - dashboardStarted).toFixed(1)} ms`)
		await database.close()

		buildIfNeeded()
		app = await startApp(databaseUrl)
		const cookie = await signIn(app.base, 'leadership@cms.example')
		console.log(`App on ${app.base}; ${CONNECTIONS} concurrent connections per group.`)

		// Warm-up: code paths, query plans and connection pools.
		await drive('warm-up', app.base, [...inventoryViews, '/dashboards', '/livez'], 3, { cookie })

		const bare = await drive('bare route (/livez)', app.base, ['/livez'], 250)
		const inventory = await drive('inventory pages', app.base, inventoryViews, 40, { cookie })
		const inventoryData = await drive('inventory data (client nav)', app.base, inventoryViews.map((v) => v.replace('/inventory', '/inventory.data')), 40, { cookie })
		const dashboards = await drive('dashboards', app.base, ['/dashboards'], 25, { cookie })
		// For comparison: the cheapest signed-in page (session, layout, navigation), which every page pays for.
		const home = await drive('home page (reference)', app.base, ['/'], 25, { cookie })
		for (const group of [bare, home, inventory, inventoryData, dashboards]) report(group)
		const exported = await timeExport(app.base, cookie)
		if (exported.skipped) console.log('OMB export: /inventory/export/omb.csv is not in this build (404): skipped.')
		else console.log(`OMB export of every case: median ${exported.seconds.toFixed(2)} s over ${exported.all.length} runs (${exported.all.map((s) => s.toFixed(2)).join(', ')})`)
		const failed = [bare, home, inventory, inventoryData, dashboards].filter((g) => g.errors > 0)
		if (failed.length) {
			console.log(`Requests failed in: ${failed.map((g) => g.name).join(', ')}`)
			exitCode = 1
		}
		console.log(
			`inventory_p95_ms=${inventory.p95.toFixed(1)} bare_ratio=${(inventory.throughput / bare.throughput).toFixed(3)} dashboard_p95_ms=${dashboards.p95.toFixed(1)} export_s=${exported.skipped ? 'skipped' : exported.seconds.toFixed(2)}`,
		)
	} catch (error) {
		console.error(error)
		exitCode = 1
	} finally {
		if (app) await stopApp(app.child)
		cluster.stop()
	}
	process.exit(exitCode)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main()
