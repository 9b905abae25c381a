// `npm run soak -- --users 50 --minutes 10`: signed-in people using two app instances on one
// throwaway PostgreSQL for a while — the inventory with filters and pages, cases, dashboards, their
// notifications, comments — with a short pause between clicks. Counts requests and errors (any 5xx,
// no answer, or an unexpected status), the 95th percentile of response times, and how much each
// instance's memory grew after the first minute (sampled along the way, to see it level off).
// Prints `requests=… errors=… p95_ms=… rss_growth_mb=…` last.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import net from 'node:net'
import { parseArgs } from 'node:util'
import { type AppInstance, loadDemoData, startAppInstance } from '#tests/chaos/app-instance.ts'
import { Browser, hiddenField } from '#tests/chaos/browser.ts'
import { createScratchDatabase, startPostgresCluster } from '#tests/postgres-cluster.ts'
import { DEMO_PASSWORD } from '#prisma/seed/demo-accounts.ts'

const { values } = parseArgs({
	options: {
		users: { type: 'string', default: '50' },
		minutes: { type: 'string', default: '10' },
		instances: { type: 'string', default: '2' },
	},
})
const USERS = Number(values.users)
const MINUTES = Number(values.minutes)
const INSTANCES = Number(values.instances)
const WARM_UP_MS = Math.min(60_000, (MINUTES * 60_000) / 5)

if (!existsSync('build/server/index.js')) {
	console.error('Build the app first: npx react-router build')
	process.exit(1)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer()
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
		})
	})
}

const accounts = [
	'submitter@cms.example',
	'reviewer@cms.example',
	'governance@cms.example',
	'leadership@cms.example',
	'admin@cms.example',
	'grace.liu@cms.example',
	'samuel.okafor@cms.example',
]
const inventoryViews = [
	'/inventory',
	'/inventory?status=IN_REVIEW',
	'/inventory?sort=name',
	'/inventory?page=2',
	'/inventory?q=claims',
	'/inventory?highImpact=HIGH_IMPACT',
	'/use-cases',
]

type Stats = { latencies: Array<number>; errors: number; errorSamples: Array<string> }

async function person(
	index: number,
	instance: AppInstance,
	cases: Array<string>,
	stats: Stats,
	until: number,
) {
	const account = accounts[index % accounts.length]!
	const browser = await new Browser(instance.url).signIn(account, DEMO_PASSWORD)
	const canComment = account !== 'leadership@cms.example' && account !== 'admin@cms.example'
	const canRegister = account === 'submitter@cms.example' || account.split('@')[0]!.includes('.')
	const record = (path: string, ms: number, ok: boolean, detail: string) => {
		stats.latencies.push(ms)
		if (!ok) {
			stats.errors++
			if (stats.errorSamples.length < 10) stats.errorSamples.push(`${account} ${path}: ${detail}`)
		}
	}
	const visit = async (path: string, expected = 200) => {
		const started = performance.now()
		try {
			const reply = await browser.get(path)
			record(path, performance.now() - started, reply.status === expected, String(reply.status))
			return reply
		} catch (error) {
			record(
				path,
				performance.now() - started,
				false,
				error instanceof Error ? error.message : String(error),
			)
			return null
		}
	}
	for (let click = 0; Date.now() < until; click++) {
		await sleep(500 + Math.random() * 2_000)
		const roll = Math.random()
		const useCaseId = cases[Math.floor(Math.random() * cases.length)]!
		if (roll < 0.4)
			await visit(
				canRegister && roll < 0.05
					? '/use-cases/mine'
					: inventoryViews[Math.floor(Math.random() * inventoryViews.length)]!,
			)
		else if (roll < 0.6) await visit(`/use-cases/${useCaseId}`)
		else if (roll < 0.7)
			await visit(
				account === 'leadership@cms.example' || account === 'governance@cms.example'
					? '/dashboards'
					: '/datasets',
			)
		else if (roll < 0.8) await visit('/notifications')
		else if (roll < 0.85) await visit('/policies')
		else if (canComment) {
			// The comment form is on the case's Review tab.
			const page = await visit(`/use-cases/${useCaseId}?tab=review`)
			const submissionKey = page ? hiddenField(page.text, 'submissionKey') : null
			if (!submissionKey) continue
			const started = performance.now()
			try {
				const reply = await browser.post(`/use-cases/${useCaseId}`, {
					intent: 'comment',
					body: `Soak comment ${index}-${click}-${randomBytes(2).toString('hex')}`,
					submissionKey,
				})
				// A submitter may only comment on their own cases: a 403 is the app answering correctly.
				record(
					'comment',
					performance.now() - started,
					reply.status === 302 || reply.status === 403,
					String(reply.status),
				)
			} catch (error) {
				record(
					'comment',
					performance.now() - started,
					false,
					error instanceof Error ? error.message : String(error),
				)
			}
		} else await visit('/inventory')
	}
}

const cluster = await startPostgresCluster()
if (!cluster) {
	console.error(
		'PostgreSQL server binaries not found: the soak runs on a throwaway PostgreSQL cluster.',
	)
	process.exit(1)
}
const instances: Array<AppInstance> = []
try {
	const databaseUrl = await createScratchDatabase(
		cluster.url,
		`soak_${randomBytes(4).toString('hex')}`,
	)
	const env = { DATABASE_URL: databaseUrl }
	// One first (it migrates), the demo data, then the others.
	instances.push(await startAppInstance({ name: 'A', port: await freePort(), env }))
	await loadDemoData(databaseUrl)
	for (let n = 1; n < INSTANCES; n++)
		instances.push(
			await startAppInstance({ name: String.fromCharCode(65 + n), port: await freePort(), env }),
		)
	const { default: pg } = await import('pg')
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	const cases = (
		await client.query<{ id: string }>(`SELECT id FROM "UseCase" WHERE status <> 'DRAFT'`)
	).rows.map((row) => row.id)
	await client.end()

	console.log(`Soak: ${USERS} people on ${INSTANCES} instance(s) for ${MINUTES} min…`)
	const stats: Stats = { latencies: [], errors: 0, errorSamples: [] }
	const started = Date.now()
	const until = started + MINUTES * 60_000
	const samples: Array<Array<number>> = []
	let baseline: Array<number> | null = null
	const sampler = setInterval(() => {
		const rss = instances.map((instance) => instance.rssMb())
		samples.push(rss)
		if (!baseline && Date.now() - started >= WARM_UP_MS) baseline = rss
		console.log(
			`  ${((Date.now() - started) / 60_000).toFixed(1)} min: ${stats.latencies.length} requests, ${stats.errors} errors, RSS ${rss.map((mb) => `${mb.toFixed(0)} MB`).join(' / ')}`,
		)
	}, 30_000)
	// People arrive over the first few seconds rather than all at once.
	await Promise.all(
		Array.from({ length: USERS }, async (_, index) => {
			await sleep((index * 5_000) / USERS)
			await person(index, instances[index % instances.length]!, cases, stats, until)
		}),
	)
	clearInterval(sampler)
	const end = instances.map((instance) => instance.rssMb())
	const growth = Math.max(...end.map((mb, index) => mb - (baseline ?? samples[0] ?? end)[index]!))
	const sorted = [...stats.latencies].sort((a, b) => a - b)
	const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0
	if (stats.errorSamples.length)
		console.log(`Errors, first ${stats.errorSamples.length}:\n  ${stats.errorSamples.join('\n  ')}`)
	console.log(
		`RSS after warm-up ${(baseline ?? end).map((mb) => mb.toFixed(0)).join(' / ')} MB, at the end ${end.map((mb) => mb.toFixed(0)).join(' / ')} MB`,
	)
	console.log(
		`requests=${stats.latencies.length} errors=${stats.errors} p95_ms=${p95.toFixed(0)} rss_growth_mb=${growth.toFixed(1)}`,
	)
} finally {
	for (const instance of instances) await instance.kill('SIGTERM')
	cluster.stop()
}
