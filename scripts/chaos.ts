// `npm run chaos` (and, shorter, `npm test` with --quick): a fault campaign against the production
// build on a throwaway PostgreSQL with two app instances on one database. People write comments
// through both instances the whole time, retrying what was not acknowledged with the same form
// (as a person pressing submit again would), while the campaign restarts, hangs and crashes the
// database and kill -9s the instance running a policy re-check. Afterwards it counts acknowledged
// writes against stored rows. It also checks, across the two instances: start-up together on an
// empty database, sign-out / deactivation / role removal taking effect everywhere within 100 ms,
// one winner among concurrent determinations, a 503 "temporarily unavailable" page while the
// database is down, and /healthz answering within 2 s while it hangs.
// Prints `acknowledged=… lost=0 duplicated=0` last; exits 1 if any check failed.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import {
	type AppInstance,
	loadDemoData,
	startAppInstance,
	waitUntilHealthy,
} from '#tests/chaos/app-instance.ts'
import { Browser, hiddenField } from '#tests/chaos/browser.ts'
import { crash, hang, restart } from '#tests/chaos/postgres-faults.ts'
import {
	createScratchDatabase,
	type PostgresCluster,
	startPostgresCluster,
} from '#tests/postgres-cluster.ts'
import { DEMO_PASSWORD } from '#prisma/seed/demo-accounts.ts'

const quick = process.argv.includes('--quick')
const BURST_SECONDS = quick ? 24 : 90
const WRITERS = quick ? 6 : 10
const JOB_DEADLINE_MS = 150_000

type Check = { name: string; ok: boolean; detail: string }
const checks: Array<Check> = []
function check(name: string, ok: boolean, detail = '') {
	checks.push({ name, ok, detail })
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.on('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
		})
	})
}

function ensureBuild() {
	if (existsSync('build/server/index.js')) return
	console.log('Building the app…')
	const result = spawnSync('npx', ['react-router', 'build'], {
		stdio: 'inherit',
		env: { ...process.env, NODE_ENV: 'production' },
	})
	if (result.status !== 0) process.exit(result.status ?? 1)
}

/** A plain connection for the campaign's own reads and set-up, outside the app. */
async function connect(url: string) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
	client.on('error', () => {})
	await client.connect()
	return client
}

async function query<Row>(
	url: string,
	sql: string,
	params: Array<unknown> = [],
): Promise<Array<Row>> {
	const client = await connect(url)
	try {
		return (await client.query(sql, params)).rows as Array<Row>
	} finally {
		await client.end().catch(() => {})
	}
}

/** Waits until `condition` holds, polling; returns the milliseconds it took, or null after `timeoutMs`. */
async function within(timeoutMs: number, condition: () => Promise<boolean>) {
	const started = performance.now()
	while (performance.now() - started < timeoutMs) {
		if (await condition().catch(() => false)) return performance.now() - started
		await sleep(2)
	}
	return null
}

// ── Start-up race (two instances, one empty database) ──

async function startTwoInstances(databaseUrl: string) {
	const [portA, portB] = [await freePort(), await freePort()]
	const env = { DATABASE_URL: databaseUrl }
	const started = await Promise.allSettled([
		startAppInstance({ name: 'A', port: portA, env }),
		startAppInstance({ name: 'B', port: portB, env }),
	])
	const failed = started.filter(
		(result) => result.status === 'rejected',
	) as Array<PromiseRejectedResult>
	check(
		'two instances starting together on an empty database both start',
		failed.length === 0,
		failed.map((f) => String(f.reason).slice(0, 400)).join('; '),
	)
	if (failed.length) throw new Error('Cannot go on without both instances.')
	await loadDemoData(databaseUrl)
	return started.map((result) => (result as PromiseFulfilledResult<AppInstance>).value) as [
		AppInstance,
		AppInstance,
	]
}

// ── Sessions and access across instances ──

async function sessionsAcrossInstances(a: AppInstance, b: AppInstance, databaseUrl: string) {
	const admin = await new Browser(a.url).signIn('admin@cms.example', DEMO_PASSWORD)

	// Sign-out on A: B refuses the session.
	const person = await new Browser(a.url).signIn('submitter@cms.example', DEMO_PASSWORD)
	const onB = person.on(b.url)
	await onB.get('/')
	await onB.get('/')
	await person.signOut()
	const signOut = await within(1_000, async () => (await onB.get('/')).status === 302)
	check(
		'a sign-out on one instance is honoured by the other within 100 ms',
		signOut !== null && signOut < 100,
		`${signOut?.toFixed(1) ?? '>1000'} ms`,
	)

	// Deactivation by an administrator on A: the person's session on B is refused.
	const leader = await new Browser(a.url).signIn('leadership@cms.example', DEMO_PASSWORD)
	const leaderOnB = leader.on(b.url)
	await leaderOnB.get('/inventory')
	const deactivation = await changeAccess(
		admin,
		databaseUrl,
		'leadership@cms.example',
		(access) => ({ ...access, active: false }),
	)
	const deactivated = await within(1_000, async () => (await leaderOnB.get('/')).status === 302)
	check(
		'a deactivation on one instance is honoured by the other within 100 ms',
		deactivation.status === 302 && deactivated !== null && deactivated < 100,
		`${deactivated?.toFixed(1) ?? '>1000'} ms${deactivation.status === 302 ? '' : `; the change was answered ${deactivation.status}: ${deactivation.text.slice(0, 200)}`}`,
	)

	// A role removed on A: B stops granting what it gave.
	await query(
		databaseUrl,
		`INSERT INTO "UserRole" ("userId", role, lanes) SELECT id, 'GOVERNANCE_LEAD', '{}' FROM "User" WHERE email = 'grace.liu@cms.example'`,
	)
	const lead = await new Browser(a.url).signIn('grace.liu@cms.example', DEMO_PASSWORD)
	const leadOnB = lead.on(b.url)
	const before = (await leadOnB.get('/governance')).status
	const removal = await changeAccess(admin, databaseUrl, 'grace.liu@cms.example', (access) => ({
		...access,
		roles: access.roles.filter((role) => role !== 'GOVERNANCE_LEAD'),
	}))
	const removed = await within(1_000, async () => (await leadOnB.get('/governance')).status === 403)
	check(
		'a role removed on one instance stops working on the other within 100 ms',
		before === 200 && removal.status === 302 && removed !== null && removed < 100,
		`${removed?.toFixed(1) ?? '>1000'} ms${before === 200 ? '' : `; before the removal the page was ${before}`}${removal.status === 302 ? '' : `; the change was answered ${removal.status}: ${removal.text.slice(0, 200)}`}`,
	)
}

type Access = {
	active: boolean
	orgUnitId: string
	roles: Array<string>
	lanes: Array<string>
	emailNotifications: boolean
	updatedAt: string
	id: string
}

async function changeAccess(
	admin: Browser,
	databaseUrl: string,
	email: string,
	change: (access: Access) => Access,
) {
	const [user] = await query<{
		id: string
		active: boolean
		orgUnitId: string
		emailNotifications: boolean
		updatedAt: Date
	}>(
		databaseUrl,
		`SELECT id, active, "orgUnitId", "emailNotifications", "updatedAt" FROM "User" WHERE email = $1`,
		[email],
	)
	const roles = await query<{ role: string; lanes: Array<string> }>(
		databaseUrl,
		`SELECT role::text, lanes::text[] AS lanes FROM "UserRole" WHERE "userId" = $1`,
		[user!.id],
	)
	const access = change({
		...user!,
		updatedAt: user!.updatedAt.toISOString(),
		roles: roles.map((r) => r.role),
		lanes: roles.flatMap((r) => r.lanes),
	})
	await admin.get(`/admin/users/${access.id}`)
	const reply = await admin.post(`/admin/users/${access.id}`, {
		intent: 'update-access',
		...(access.active ? { active: 'on' } : {}),
		orgUnitId: access.orgUnitId,
		roles: access.roles,
		lanes: access.lanes,
		...(access.emailNotifications ? { emailNotifications: 'on' } : {}),
		updatedAt: access.updatedAt,
	})
	return reply
}

// ── One winner across instances ──

async function determinationRace(a: AppInstance, b: AppInstance, databaseUrl: string) {
	const [target] = await query<{ id: string; version: number }>(
		databaseUrl,
		`SELECT id, version FROM "UseCase" WHERE status IN ('SUBMITTED', 'IN_REVIEW') AND "highImpactDetermination" IS NULL ORDER BY "trackingId" LIMIT 1`,
	)
	if (!target)
		return check(
			'concurrent determinations on two instances: one acknowledged, the rest 409 with the input kept',
			false,
			'no case awaits a determination',
		)
	const writers = await Promise.all(
		Array.from({ length: 6 }, async (_, index) => {
			const browser = await new Browser((index % 2 ? b : a).url).signIn(
				'governance@cms.example',
				DEMO_PASSWORD,
			)
			await browser.get(`/use-cases/${target.id}`)
			return browser
		}),
	)
	const rationale = (index: number) =>
		`Race ${index}: its output orders a reviewer's queue and decides nothing by itself.`
	const replies = await Promise.all(
		writers.map((browser, index) =>
			browser.post(`/use-cases/${target.id}`, {
				intent: 'determine',
				determination: 'HIGH_IMPACT',
				rationale: rationale(index),
				version: String(target.version),
			}),
		),
	)
	const acknowledged = replies.filter((reply) => reply.status === 302).length
	const refusedWithInput = replies.filter(
		(reply, index) =>
			reply.status === 409 && reply.text.includes(rationale(index).replace(/'/g, '&#x27;')),
	).length
	const [stored] = await query<{ version: number }>(
		databaseUrl,
		`SELECT version FROM "UseCase" WHERE id = $1`,
		[target.id],
	)
	check(
		'concurrent determinations on two instances: one acknowledged, the rest 409 with the input kept',
		acknowledged === 1 &&
			refusedWithInput === replies.length - 1 &&
			stored!.version === target.version + 1,
		`statuses ${replies.map((reply) => reply.status).join(',')}`,
	)
}

// ── The write burst under faults ──

type Ledger = { acknowledged: Set<string>; attempts: number; refusedAsUnavailable: number }

async function writer(
	index: number,
	instances: Array<AppInstance>,
	alive: () => Array<AppInstance>,
	cases: Array<string>,
	ledger: Ledger,
	until: () => boolean,
) {
	const account = index % 2 ? 'reviewer@cms.example' : 'governance@cms.example'
	let home = instances[index % instances.length]!
	let browser = await new Browser(home.url).signIn(account, DEMO_PASSWORD)
	const switchInstance = () => {
		const others = alive().filter((instance) => instance !== home)
		if (others.length) {
			home = others[Math.floor(Math.random() * others.length)]!
			browser = browser.on(home.url)
		}
	}
	for (let n = 0; !until(); n++) {
		const token = `chaos-${index}-${n}-${randomBytes(3).toString('hex')}`
		const useCaseId = cases[(index * 7 + n) % cases.length]!
		let submissionKey: string | null = null
		const giveUpAt = Date.now() + 60_000
		while (Date.now() < giveUpAt) {
			ledger.attempts++
			try {
				if (!submissionKey) {
					// The comment form is on the case's Review tab.
					const page = await browser.get(`/use-cases/${useCaseId}?tab=review`, 40_000)
					submissionKey = page.status === 200 ? hiddenField(page.text, 'submissionKey') : null
					if (!submissionKey) {
						if (page.status === 503) ledger.refusedAsUnavailable++
						await sleep(250)
						continue
					}
				}
				const reply = await browser.post(
					`/use-cases/${useCaseId}`,
					{ intent: 'comment', body: token, submissionKey },
					40_000,
				)
				if (reply.status === 302 && reply.location?.includes('#comment-')) {
					ledger.acknowledged.add(token)
					break
				}
				if (reply.status === 503) ledger.refusedAsUnavailable++
				await sleep(250)
			} catch {
				// No answer (the instance is gone, or the request timed out): try elsewhere with the same form.
				switchInstance()
				await sleep(250)
			}
		}
	}
}

async function faultCampaign(
	a: AppInstance,
	b: AppInstance,
	cluster: PostgresCluster,
	databaseUrl: string,
) {
	// Enough cases that a policy re-check takes a while: copies of the demo cases.
	const copies = quick ? 12 : 30
	for (let copy = 1; copy <= copies; copy++) {
		await query(
			databaseUrl,
			`CREATE TEMP TABLE copied AS SELECT * FROM "UseCase" WHERE id NOT LIKE '%-copy-%';
			 UPDATE copied SET "trackingId" = 'CMS-' || (2040 + ${copy}) || '-' || lpad(numbered.n::text, 4, '0'), "importKey" = NULL
				FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM copied) AS numbered WHERE numbered.id = copied.id;
			 UPDATE copied SET id = id || '-copy-${copy}';
			 INSERT INTO "UseCase" SELECT * FROM copied;`,
		)
	}
	const cases = (
		await query<{ id: string }>(
			databaseUrl,
			`SELECT id FROM "UseCase" WHERE status <> 'DRAFT' AND id NOT LIKE '%-copy-%'`,
		)
	).map((row) => row.id)

	const instances = [a, b]
	const dead = new Set<AppInstance>()
	const alive = () => instances.filter((instance) => !dead.has(instance))
	const ledger: Ledger = { acknowledged: new Set(), attempts: 0, refusedAsUnavailable: 0 }
	const burstEnds = Date.now() + BURST_SECONDS * 1000
	const writers = Promise.all(
		Array.from({ length: WRITERS }, (_, index) =>
			writer(index, instances, alive, cases, ledger, () => Date.now() > burstEnds),
		),
	)

	// A policy re-check, started on A: a long background job.
	const admin = await new Browser(a.url).signIn('admin@cms.example', DEMO_PASSWORD)
	const editor = await admin.get('/admin/policy-pack')
	// The editor opens the administrators' draft; its publication page asks for confirmation at the draft's revision.
	const draftVersion =
		/href="\/admin\/policy-pack\/publish\/([0-9.]+)"/.exec(editor.text)?.[1] ?? 'none'
	const confirmation = await admin.get(`/admin/policy-pack/publish/${draftVersion}`)
	const revision = /name="revision" value="(\d+)"/.exec(confirmation.text)?.[1] ?? '1'
	const published = await admin.post(`/admin/policy-pack/publish/${draftVersion}`, {
		intent: 'publish',
		revision,
	})
	const jobId = published.location?.split('/').pop() ?? null
	check(
		'a pack is published and its re-check starts as a background job',
		published.status === 302 && jobId !== null,
		`status ${published.status}`,
	)

	// kill -9 the instance running the re-check, in the middle of it and of the burst.
	const holderFound = await within(30_000, async () =>
		instances.some((instance) =>
			instance.output().includes(`policy-recheck attempt 1 started for ${jobId}`),
		),
	)
	const holder =
		instances.find((instance) =>
			instance.output().includes(`policy-recheck attempt 1 started for ${jobId}`),
		) ?? b
	// Killed once it has stored some of its work, so that the next attempt must resume, not restart.
	await within(
		30_000,
		async () =>
			(
				await query<{ done: number }>(
					databaseUrl,
					`SELECT done FROM "ReevaluationJob" WHERE id = $1`,
					[jobId],
				)
			)[0]!.done > 0,
	)
	const [progress] = await query<{ done: number; total: number }>(
		databaseUrl,
		`SELECT done, total FROM "ReevaluationJob" WHERE id = $1`,
		[jobId],
	)
	dead.add(holder)
	await holder.kill('SIGKILL')
	const survivor = alive()[0]!
	check(
		`instance ${holder.name}, running the re-check, killed with SIGKILL mid-run`,
		holderFound !== null && progress!.done < progress!.total,
		`${progress?.done} of ${progress?.total} checked`,
	)

	await sleep(2_000)
	restart(cluster)
	console.log('     database restarted')

	await sleep(3_000)
	const hung = hang(cluster)
	const timed = performance.now()
	const healthWhileHung = await fetch(`${survivor.url}/healthz`, {
		signal: AbortSignal.timeout(5_000),
	}).then(
		(response) => response.status,
		() => 0,
	)
	const healthMs = performance.now() - timed
	check(
		'/healthz answers 503 within 2 s while the database hangs',
		healthWhileHung === 503 && healthMs < 2_000,
		`${healthWhileHung} in ${healthMs.toFixed(0)} ms`,
	)
	await sleep(2_000)
	hung.resume()
	console.log('     database resumed')

	await sleep(3_000)
	const viewer = admin.on(survivor.url)
	// A script's token, made while the database is up, for the REST API's answer while it is down.
	const tokenPage = await viewer.post('/settings/api-tokens', {
		intent: 'create',
		name: 'Chaos outage check',
		access: 'READ',
		expiresInDays: '30',
	})
	const apiToken = /id="new-token-secret"[^>]*value="([^"]+)"/.exec(tokenPage.text)?.[1] ?? ''
	crash(cluster)
	const read = await viewer.get('/inventory', 40_000).catch(() => null)
	const apiRead = await fetch(`${survivor.url}/api/v1/use-cases`, {
		headers: { Authorization: `Bearer ${apiToken}` },
		signal: AbortSignal.timeout(40_000),
	}).catch(() => null)
	const write = await viewer
		.post(
			`/use-cases/${cases[0]}`,
			{ intent: 'comment', body: 'Written while the database is down.' },
			40_000,
		)
		.catch(() => null)
	check(
		'while the database is down a page is a 503 "temporarily unavailable" with Retry-After, not a 500',
		read?.status === 503 &&
			read.headers.get('Retry-After') !== null &&
			/temporarily unavailable/i.test(read.text),
		`status ${read?.status}, Retry-After ${read?.headers.get('Retry-After')}`,
	)
	check(
		'a form posted while the database is down is a 503 that says the work was not saved',
		write?.status === 503 && /not saved/i.test(write.text),
		`status ${write?.status}`,
	)
	check(
		'a REST API call while the database is down is a 503 problem with Retry-After, not a 500',
		apiToken !== '' &&
			apiRead?.status === 503 &&
			apiRead.headers.get('Retry-After') !== null &&
			apiRead.headers.get('Content-Type')?.startsWith('application/problem+json') === true,
		`token ${apiToken ? 'made' : 'not made'}, status ${apiRead?.status}`,
	)
	await sleep(2_000)
	cluster.startServer()
	console.log('     database started again after a crash')

	await writers
	const survivorHealthy = await within(
		30_000,
		async () => (await fetch(`${survivor.url}/healthz`)).status === 200,
	)
	check(
		`instance ${survivor.name} recovered from every fault without a restart`,
		survivorHealthy !== null && survivor.process.exitCode === null,
	)

	// The re-check: resumed by the survivor after the killed instance's heartbeat lapsed.
	let job: { status: string; done: number; total: number; error: string | null } | undefined
	const settled = await within(JOB_DEADLINE_MS, async () => {
		;[job] = await query<{ status: string; done: number; total: number; error: string | null }>(
			databaseUrl,
			`SELECT status, done, total, error FROM "ReevaluationJob" WHERE id = $1`,
			[jobId],
		)
		return job?.status !== 'RUNNING'
	})
	check(
		'the re-check interrupted by kill -9 and three database faults finished (or failed visibly)',
		settled !== null &&
			(job?.status === 'DONE'
				? job.done === job.total
				: job?.status === 'FAILED' && Boolean(job.error)),
		`${job?.status} ${job?.done} of ${job?.total}${job?.error ? `: ${job.error}` : ''} after ${((settled ?? JOB_DEADLINE_MS) / 1000).toFixed(0)} s`,
	)

	// Acknowledged writes against what is stored.
	const stored = await query<{ body: string; n: number }>(
		databaseUrl,
		`SELECT body, count(*)::int AS n FROM "Comment" WHERE body LIKE 'chaos-%' GROUP BY body`,
	)
	const counts = new Map(stored.map((row) => [row.body, row.n]))
	const lost = [...ledger.acknowledged].filter((token) => !counts.has(token)).length
	const duplicated = stored.filter((row) => row.n > 1).length
	check(
		'every acknowledged comment is stored, once',
		lost === 0 && duplicated === 0 && ledger.acknowledged.size > 0,
		`${ledger.acknowledged.size} acknowledged, ${stored.length} stored`,
	)
	console.log(
		`     ${ledger.attempts} posts and page loads, ${ledger.refusedAsUnavailable} answered 503 while the database was away`,
	)
	return { acknowledged: ledger.acknowledged.size, lost, duplicated }
}

// ── Two processes on one embedded database ──

async function embeddedLock() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aigt-chaos-embedded-'))
	try {
		const env = {
			DATABASE_URL: '',
			DATA_DIR: dataDir,
			SEED_DEMO_DATA: 'false',
			SESSION_SECRET: undefined,
		}
		const first = await startAppInstance({ name: 'embedded-1', port: await freePort(), env })
		const second = await startAppInstance({
			name: 'embedded-2',
			port: await freePort(),
			env,
			waitForHealth: false,
		})
		const code = await Promise.race([second.exited, sleep(120_000).then(() => 'still running')])
		check(
			'a second process on the same embedded database refuses to start and says why',
			code === 1 && /in use by process \d+/.test(second.output()),
			String(code),
		)
		await second.kill('SIGKILL')
		await first.kill('SIGTERM')
	} finally {
		rmSync(dataDir, { recursive: true, force: true })
	}
}

async function main() {
	ensureBuild()
	const cluster = await startPostgresCluster()
	if (!cluster) {
		console.log(
			'PostgreSQL server binaries not found: the fault campaign needs a throwaway PostgreSQL cluster.',
		)
		process.exit(1)
	}
	const instances: Array<AppInstance> = []
	let result = { acknowledged: 0, lost: -1, duplicated: -1 }
	try {
		const databaseUrl = await createScratchDatabase(
			cluster.url,
			`chaos_${randomBytes(4).toString('hex')}`,
		)
		const [a, b] = await startTwoInstances(databaseUrl)
		instances.push(a, b)
		await sessionsAcrossInstances(a, b, databaseUrl)
		await determinationRace(a, b, databaseUrl)
		result = await faultCampaign(a, b, cluster, databaseUrl)
		if (!quick) {
			await waitUntilHealthy(
				instances.find(
					(instance) => instance.process.exitCode === null && instance.process.signalCode === null,
				)!,
			)
			await embeddedLock()
		}
	} catch (error) {
		check(
			'the campaign ran to the end',
			false,
			error instanceof Error ? error.message : String(error),
		)
	} finally {
		for (const instance of instances) await instance.kill('SIGTERM')
		cluster.stop()
	}
	const failed = checks.filter((c) => !c.ok)
	if (failed.length) {
		for (const instance of instances)
			console.log(
				`\n── output of instance ${instance.name} (last 3000 characters) ──\n${instance.output().slice(-3000)}`,
			)
	}
	console.log(`${checks.length - failed.length} of ${checks.length} checks passed`)
	console.log(
		`acknowledged=${result.acknowledged} lost=${result.lost} duplicated=${result.duplicated}`,
	)
	process.exit(failed.length ? 1 : 0)
}

await main()
