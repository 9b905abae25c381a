// `npm run bench:import`: imports a generated stand-in for OMB's consolidated 2025 inventory
// (3,600 rows from every agency, CMS's 73 among them, with the patterns of the real file) into the
// built app over HTTP, as a governance lead would, while a probe asks /livez every 25 ms. On the
// embedded database (the default) and on a throwaway PostgreSQL cluster when the server binaries
// are installed. A second file of CMS rows only (BENCH_CMS_ONLY_ROWS, 600 by default) shows the
// import's own cost per created case. For each run it prints the preview and import times, /livez
// latency during the import, and the event loop's longest stall (the app's /healthz?verbose);
// it stops everything it started and ends with the machine-read line for the embedded database:
//   preview_s=<n> import_s=<n> livez_p95_ms_during_import=<n>
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createScratchDatabase, startPostgresCluster } from '#tests/postgres-cluster.ts'
import { generateConsolidatedInventory } from '#tests/fixtures/omb-consolidated-file.ts'

const root = path.resolve(import.meta.dirname, '..')
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3341)
const CMS_ONLY_ROWS = Number(process.env.BENCH_CMS_ONLY_ROWS ?? 600)

function newestMtime(dir: string): number {
	let newest = 0
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'generated' || entry.name.startsWith('.')) continue
		const full = path.join(dir, entry.name)
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
	}
	return newest
}

function buildIfNeeded() {
	const built = path.join(root, 'build/server/index.js')
	const sources = Math.max(
		newestMtime(path.join(root, 'app')),
		newestMtime(path.join(root, 'server')),
		newestMtime(path.join(root, 'prisma')),
	)
	if (existsSync(built) && statSync(built).mtimeMs >= sources) return
	console.log('Building the app (the build is older than the sources)…')
	const result = spawnSync('npx', ['react-router', 'build'], { cwd: root, stdio: 'inherit' })
	if (result.status !== 0) throw new Error('The build failed.')
}

async function startApp(port: number, env: Record<string, string>) {
	// The app loads the demo data itself only on the embedded database; on PostgreSQL it is seeded first.
	const childEnv: Record<string, string | undefined> = {
		...process.env,
		NODE_ENV: 'production',
		SEED_DEMO_DATA: env.DATABASE_URL ? 'false' : 'true',
		COOKIE_SECURE: 'false',
		HOST: '127.0.0.1',
		PORT: String(port),
		...env,
	}
	if (!env.DATABASE_URL) delete childEnv.DATABASE_URL
	else {
		const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts'], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...childEnv, NODE_ENV: 'development' },
		})
		if (seeded.status !== 0) throw new Error('Seeding the demo data failed.')
	}
	const child = spawn(process.execPath, ['server.js'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: childEnv,
	})
	const base = `http://127.0.0.1:${port}`
	for (let attempt = 0; attempt < 480; attempt++) {
		if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}`)
		const ok = await fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false,
		)
		if (ok) return { child, base }
		await new Promise((r) => setTimeout(r, 500))
	}
	throw new Error('The app did not become ready within four minutes.')
}

async function stopApp(child: ChildProcess) {
	if (child.exitCode !== null) return
	const exited = new Promise((resolve) => child.once('exit', resolve))
	child.kill('SIGTERM')
	await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
	if (child.exitCode === null) child.kill('SIGKILL')
}

const cookiesOf = (response: Response) =>
	response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ')
const csrfOf = (html: string) => {
	const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
	if (!token) throw new Error('No CSRF token on the page.')
	return token
}

async function signIn(base: string, email: string) {
	const form = await fetch(`${base}/login`)
	const csrfCookie = cookiesOf(form)
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
		body: new URLSearchParams({
			email,
			password: 'Governance-demo-2026',
			csrf: csrfOf(await form.text()),
		}),
	})
	if (response.status !== 302 && response.status !== 303)
		throw new Error(`Sign-in failed with ${response.status}`)
	return `${csrfCookie}; ${cookiesOf(response)}`
}

function percentile(sorted: Array<number>, p: number) {
	return sorted.length
		? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
		: 0
}

/** Asks /livez every 25 ms (one request at a time) until stopped; the latencies it saw. */
function probeLivez(base: string) {
	const latencies: Array<number> = []
	let running = true
	const done = (async () => {
		while (running) {
			const started = performance.now()
			await fetch(`${base}/livez`).then((r) => r.arrayBuffer())
			latencies.push(performance.now() - started)
			await new Promise((r) => setTimeout(r, 25))
		}
	})()
	return {
		async stop() {
			running = false
			await done
			return latencies.sort((a, b) => a - b)
		},
	}
}

type Run = {
	label: string
	previewSeconds: number
	importSeconds: number
	livezP95: number
	livezMax: number
	loopMaxMs: number
	result: string
	load: number
}

async function importOnce(base: string, cookie: string, label: string, csv: string): Promise<Run> {
	const page = await fetch(`${base}/inventory/import`, { headers: { Cookie: cookie } })
	const form = new FormData()
	form.set('csrf', csrfOf(await page.text()))
	form.set('file', new Blob([csv], { type: 'text/csv' }), `${label.replace(/\W+/g, '-')}.csv`)
	const previewStarted = performance.now()
	const uploaded = await fetch(`${base}/inventory/import`, {
		method: 'POST',
		body: form,
		headers: { Cookie: cookie },
		redirect: 'manual',
	})
	const location = uploaded.headers.get('Location')
	if (!location)
		throw new Error(
			`The upload answered ${uploaded.status}: ${(await uploaded.text()).slice(0, 300)}`,
		)
	const preview = await fetch(`${base}${location}`, { headers: { Cookie: cookie } })
	let previewHtml = await preview.text()
	const previewSeconds = (performance.now() - previewStarted) / 1000
	if (!preview.ok) throw new Error(`The preview answered ${preview.status}`)
	// Rows that look like cases already in the tracker wait for a decision: here each is a new one.
	if (previewHtml.includes('Each is a new use case')) {
		await fetch(`${base}${location}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ intent: 'decide-all', choice: 'NEW', csrf: csrfOf(previewHtml) }),
		})
		previewHtml = await (await fetch(`${base}${location}`, { headers: { Cookie: cookie } })).text()
	}

	// The app's histogram is kept in ten-second windows: start in a fresh one, so the import's windows hold nothing from before it.
	const before = (await (await fetch(`${base}/healthz?verbose`)).json()) as {
		eventLoopDelay: { current: { startedAt: string } }
	}
	await new Promise((r) =>
		setTimeout(
			r,
			Math.max(0, Date.parse(before.eventLoopDelay.current.startedAt) + 10_500 - Date.now()),
		),
	)
	const probe = probeLivez(base)
	const importStarted = performance.now()
	const started = await fetch(`${base}${location}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ intent: 'start', csrf: csrfOf(previewHtml) }),
	})
	if (started.status !== 302 && started.status !== 303)
		throw new Error(
			`Starting the import answered ${started.status}: ${(await started.text()).slice(0, 300)}`,
		)
	let result = ''
	for (;;) {
		const html = await (await fetch(`${base}${location}`, { headers: { Cookie: cookie } })).text()
		const status = /(Done: [^<]*|Stopped after [^<]*)/.exec(html)?.[1]
		if (status) {
			result = status
			break
		}
		await new Promise((r) => setTimeout(r, 250))
	}
	const importSeconds = (performance.now() - importStarted) / 1000
	const latencies = await probe.stop()
	// The app's own histogram, over the ten-second windows the import ran in.
	type Window = { startedAt: string; windowSeconds: number; maxMs: number }
	const health = (await (await fetch(`${base}/healthz?verbose`)).json()) as {
		eventLoopDelay: { current: Window; recent: Array<Window> }
	}
	const importEnd = Date.now()
	const importStart = importEnd - importSeconds * 1000
	const during = [...health.eventLoopDelay.recent, health.eventLoopDelay.current].filter(
		(window) => {
			const start = Date.parse(window.startedAt)
			return start <= importEnd && start + window.windowSeconds * 1000 >= importStart
		},
	)
	const loopMaxMs = Math.max(0, ...during.map((window) => window.maxMs))
	// The machine's load: on shared cores, time the app waited for a CPU shows as latency too.
	return {
		label,
		previewSeconds,
		importSeconds,
		livezP95: percentile(latencies, 95),
		livezMax: latencies.at(-1) ?? 0,
		loopMaxMs,
		result,
		load: loadavg()[0]!,
	}
}

function report(database: string, run: Run) {
	console.log(
		`${database.padEnd(10)} ${run.label.padEnd(44)} preview ${run.previewSeconds.toFixed(2)} s · import ${run.importSeconds.toFixed(2)} s · /livez p95 ${run.livezP95.toFixed(1)} ms, max ${run.livezMax.toFixed(1)} ms · event loop held at most ${run.loopMaxMs.toFixed(0)} ms while importing · ${run.result} · load average ${run.load.toFixed(1)} on ${availableParallelism()} cores`,
	)
}

async function benchDatabase(database: string, port: number, env: Record<string, string>) {
	const { child, base } = await startApp(port, env)
	try {
		const cookie = await signIn(base, 'governance@cms.example')
		const consolidated = generateConsolidatedInventory({ rows: 3600, cmsRows: 73, seed: 2025 })
		const first = await importOnce(
			base,
			cookie,
			`OMB consolidated file: ${consolidated.rows} rows, ${consolidated.cmsRows} CMS`,
			consolidated.csv,
		)
		report(database, first)
		const again = await importOnce(
			base,
			cookie,
			'the same file again (nothing to change)',
			consolidated.csv,
		)
		report(database, again)
		const cmsOnly = generateConsolidatedInventory({
			rows: CMS_ONLY_ROWS,
			cmsRows: CMS_ONLY_ROWS,
			seed: 7,
			namePrefix: 'Pilot',
		})
		const heavy = await importOnce(
			base,
			cookie,
			`CMS only: ${CMS_ONLY_ROWS} rows`,
			cmsOnly.csv.replace(/CMS\/Digital Service at CMS/g, 'CMS/OIT'),
		)
		report(database, heavy)
		return first
	} finally {
		await stopApp(child)
	}
}

async function main() {
	buildIfNeeded()
	const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-import-'))
	let embedded: Run
	try {
		embedded = await benchDatabase('PGlite', FIRST_PORT, { DATA_DIR: dataDir })
	} finally {
		rmSync(dataDir, { recursive: true, force: true })
	}
	const cluster = await startPostgresCluster()
	if (cluster) {
		try {
			const url = await createScratchDatabase(
				cluster.url,
				`bench_import_${randomBytes(4).toString('hex')}`,
			)
			await benchDatabase('PostgreSQL', FIRST_PORT + 1, {
				DATABASE_URL: url,
				SESSION_SECRET: randomBytes(32).toString('hex'),
			})
		} finally {
			await cluster.stop()
		}
	} else console.log('PostgreSQL server binaries not found: the embedded database only.')
	console.log(
		`preview_s=${embedded.previewSeconds.toFixed(2)} import_s=${embedded.importSeconds.toFixed(2)} livez_p95_ms_during_import=${embedded.livezP95.toFixed(1)}`,
	)
}

await main()
