// What the benchmarks share: a throwaway PostgreSQL seeded with the demo data plus 20,000 (or
// `--cases N`) generated use cases and their workflow records (batched inserts, a deterministic generator), the
// production build started on 127.0.0.1, and load at 20 concurrent connections with latency
// percentiles. `npm run bench:inventory` and `npm run bench:public` use it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import pg from 'pg'
import { createScratchDatabase, type PostgresCluster } from '#tests/postgres-cluster.ts'

export const CASES = 20_000
export const CONNECTIONS = 20
const SEED = 2026
const root = path.resolve(import.meta.dirname, '..')

// ── Deterministic generator ──

function random(seed: number) {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}
const next = random(SEED)
const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(next() * items.length)] as T
const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
	const total = entries.reduce((sum, [, w]) => sum + w, 0)
	let roll = next() * total
	for (const [value, weight] of entries) {
		roll -= weight
		if (roll <= 0) return value
	}
	return entries[entries.length - 1]![0]
}
const some = <T>(items: ReadonlyArray<T>, max: number) => [
	...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(items))),
]
const DAY = 86_400_000

const subjects = [
	'Claims',
	'Enrollment',
	'Provider',
	'Marketplace',
	'Medicaid',
	'Part D',
	'Quality measure',
	'Contract',
	'Invoice',
	'Appeals',
	'Call centre',
	'Prior authorization',
	'Hospice',
	'Home health',
	'Eligibility',
	'Encounter data',
	'Beneficiary correspondence',
	'Budget',
]
const tasks = [
	'anomaly detection',
	'triage assistant',
	'summarizer',
	'chatbot',
	'fraud screening',
	'forecasting model',
	'document classifier',
	'search assistant',
	'data quality agent',
	'coding assistant',
	'risk scoring',
	'translation helper',
]
const problems = [
	'Staff review incoming records by hand, which takes several days per batch.',
	'Improper payments are found months after the claims are paid.',
	'Callers wait on hold for routine questions the website could answer.',
	'Analysts reconcile spreadsheets from several contractors every month.',
	'Reviewers read long medical records page by page to find supporting evidence.',
]
const outputs = [
	'A ranked work queue with the reasons for each rank.',
	'Draft summaries for staff to edit.',
	'Flags with the features that drove them.',
	'Answers with links to the source documents.',
	'Forecasts with confidence intervals.',
]
const vendors = [
	'ServiceNow',
	'Microsoft',
	'Amazon Web Services',
	'GDIT',
	'Palantir',
	'Salesforce',
	'Google',
	'Oddball',
	'Booz Allen Hamilton',
	'Accenture Federal Services',
	'Deloitte',
	'Leidos',
	'Maximus',
	'Optum',
	'Peraton',
]
const tagsPool = [
	'omb-2025',
	'omb-2026',
	'program-integrity',
	'claims-review',
	'cots',
	'public-facing',
	'exec-briefing',
	'high-impact',
]
const components = [
	'HHS/CMS/CM',
	'HHS/CMS/CMCS',
	'HHS/CMS/CCIIO',
	'HHS/CMS/CCSQ',
	'HHS/CMS/CPI',
	'HHS/CMS/CMMI',
	'HHS/CMS/OIT',
	'HHS/CMS/OFM',
	'HHS/CMS/OEDA',
	'HHS/CMS/OAGM',
	'HHS/CMS/OHC',
]
const statuses = [
	['DRAFT', 5],
	['SUBMITTED', 10],
	['IN_REVIEW', 15],
	['CHANGES_REQUESTED', 5],
	['APPROVED', 35],
	['APPROVED_WITH_CONDITIONS', 12],
	['REJECTED', 5],
	['WITHDRAWN', 5],
	['RETIRED', 8],
] as const
const decided = new Set(['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'RETIRED'])
const lanes = ['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE', 'CAIO_DETERMINATION'] as const

type Row = Record<string, unknown>

async function insertRows(client: pg.Client, table: string, rows: Array<Row>, batch = 1000) {
	if (rows.length === 0) return
	const columns = Object.keys(rows[0]!)
		.map((c) => `"${c}"`)
		.join(', ')
	for (let i = 0; i < rows.length; i += batch) {
		await client.query(
			`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
			[JSON.stringify(rows.slice(i, i + batch))],
		)
	}
}

/** Adds the generated cases and their records to a seeded database (also for ad-hoc query tuning). */
export async function generate(url: string, cases = CASES) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const units = new Map(
			(
				await client.query<{ id: string; code: string }>('SELECT "id", "code" FROM "OrgUnit"')
			).rows.map((r) => [r.code, r.id]),
		)
		const datasets = (await client.query<{ id: string }>('SELECT "id" FROM "Dataset"')).rows.map(
			(r) => r.id,
		)
		const people = new Map(
			(
				await client.query<{ id: string; email: string }>('SELECT "id", "email" FROM "User"')
			).rows.map((r) => [r.email, r.id]),
		)
		const lead = people.get('governance@cms.example')!
		const reviewer = people.get('reviewer@cms.example')!
		const templates = (
			await client.query<{ results: unknown; blocked: boolean; hi: boolean }>(
				`SELECT cr."results", cr."blocked", (u."highImpactDetermination" = 'HIGH_IMPACT' AND u."stage" = 'DEPLOYED') AS "hi"
				 FROM "CheckRun" cr JOIN "UseCase" u ON u."id" = cr."useCaseId"`,
			)
		).rows
		const failingTemplate = templates.find((t) => t.hi) ?? templates[0]!
		const otherTemplates = templates.filter((t) => !t.hi)
		const packVersion = (
			await client.query<{ version: string }>(
				`SELECT "version" FROM "PolicyPackVersion" WHERE "status" = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`,
			)
		).rows[0]!.version

		const now = Date.now()
		const staff: Array<Row> = Array.from({ length: 60 }, (_, i) => ({
			id: `bench-user-${i}`,
			email: `bench.staff.${i}@cms.example`,
			name: `Bench Staff ${i}`,
			active: true,
			orgUnitId: units.get(pick(components)),
			emailNotifications: false,
			createdAt: new Date(now - 800 * DAY).toISOString(),
			updatedAt: new Date(now - 800 * DAY).toISOString(),
		}))
		await insertRows(client, 'User', staff)

		const useCases: Array<Row> = []
		const links: Array<Row> = []
		const contacts: Array<Row> = []
		const laneRows: Array<Row> = []
		const decisions: Array<Row> = []
		const conditions: Array<Row> = []
		const changes: Array<Row> = []
		const checkRuns: Array<Row> = []
		const waivers: Array<Row> = []
		const events: Array<Row> = []
		for (let i = 0; i < cases; i++) {
			const id = `bench-uc-${i}`
			const status = weighted(statuses)
			const owner = staff[Math.floor(next() * staff.length)]!.id as string
			const age = 5 + Math.floor(next() * 700)
			const created = now - age * DAY
			const submitted = created + 3 * DAY
			const reviewStart = submitted + 4 * DAY
			const decidedAt = Math.min(now - DAY, reviewStart + (10 + Math.floor(next() * 60)) * DAY)
			const isDecided = decided.has(status)
			const stage =
				status === 'RETIRED'
					? 'RETIRED'
					: weighted([
							['PRE_DEPLOYMENT', 40],
							['PILOT', 20],
							['DEPLOYED', 35],
							[null, 5],
						] as const)
			const determination =
				status === 'DRAFT' || status === 'SUBMITTED'
					? null
					: weighted([
							['HIGH_IMPACT', 3],
							['PRESUMED_NOT_HIGH_IMPACT', 6],
							['NOT_HIGH_IMPACT', 70],
							[null, 21],
						] as const)
			const presumed =
				determination === 'HIGH_IMPACT' ||
				determination === 'PRESUMED_NOT_HIGH_IMPACT' ||
				next() < 0.1
			const version = status === 'DRAFT' ? 1 : 2 + Math.floor(next() * 3)
			const lastChange = status === 'DRAFT' ? created : isDecided ? decidedAt : reviewStart
			useCases.push({
				id,
				trackingId: `CMS-2024-${String(i + 1).padStart(5, '0')}`,
				status,
				name: `${pick(subjects)} ${pick(tasks)} ${i + 1}`,
				orgUnitId: units.get(pick(components)),
				createdById: owner,
				ownerId: owner,
				contactEmail: 'ai-governance@cms.hhs.gov',
				isWithheld: 'NO',
				stage,
				topicArea: pick([
					'HEALTH_MEDICAL',
					'GOVERNMENT_BENEFITS_PROCESSING',
					'ADMINISTRATIVE_FUNCTIONS',
					'INFORMATION_TECHNOLOGY',
					'SERVICE_DELIVERY',
					'PROCUREMENT_FINANCIAL_MANAGEMENT',
					'LAW_ENFORCEMENT',
				]),
				classification: pick([
					'CLASSICAL_ML',
					'GENERATIVE_AI',
					'NLP',
					'AGENTIC_AI',
					'COMPUTER_VISION',
				]),
				problemSolved: pick(problems),
				benefits: 'Staff spend their time on the cases that need judgement.',
				systemOutputs: pick(outputs),
				contractingUsage: pick(['PURCHASED', 'IN_HOUSE', 'CONTRACT_AND_IN_HOUSE']),
				vendorNames: next() < 0.4 ? some(vendors, 2) : [],
				decisionRole: pick(['NONE', 'ASSISTIVE', 'ASSISTIVE', 'PRINCIPAL_BASIS']),
				generativeAi: next() < 0.3,
				publicFacing: next() < 0.15,
				hosting: pick(['CMS_DATA_CENTER', 'FEDRAMP_CLOUD', 'VENDOR_API']),
				highImpactDetermination: determination,
				determinedById: determination ? lead : null,
				determinedAt: determination ? new Date(reviewStart).toISOString() : null,
				answers: { hasPii: next() < 0.5, hasAto: next() < 0.7 },
				version,
				createdAt: new Date(created).toISOString(),
				updatedAt: new Date(lastChange).toISOString(),
				submittedAt: status === 'DRAFT' ? null : new Date(submitted).toISOString(),
				reviewRound: status === 'DRAFT' || status === 'WITHDRAWN' ? 0 : 1,
				decidedAt: isDecided ? new Date(decidedAt).toISOString() : null,
				nextReviewDue:
					isDecided && status !== 'REJECTED' && status !== 'RETIRED'
						? new Date(decidedAt + 365 * DAY).toISOString()
						: null,
				retiredAt:
					status === 'RETIRED' ? new Date(now - DAY * Math.floor(next() * 30)).toISOString() : null,
				tags: next() < 0.2 ? some(tagsPool, 2) : [],
				source: 'TRACKER',
			})
			contacts.push({ useCaseId: id, userId: owner, role: 'OWNER' })
			for (const datasetId of some(datasets, 4))
				links.push({ useCaseId: id, datasetId, usages: ['OPERATION'] })
			events.push({
				id: `bench-ev-${i}-c`,
				createdAt: new Date(created).toISOString(),
				actorId: owner,
				action: 'use_case.created',
				entityType: 'UseCase',
				entityId: id,
				after: { name: `case ${i + 1}` },
				requestId: 'bench',
			})
			if (status === 'DRAFT') continue
			events.push({
				id: `bench-ev-${i}-s`,
				createdAt: new Date(submitted).toISOString(),
				actorId: owner,
				action: 'use_case.submitted',
				entityType: 'UseCase',
				entityId: id,
				after: { status: 'SUBMITTED', version: 2 },
				requestId: 'bench',
			})
			changes.push({
				id: `bench-sc-${i}-1`,
				useCaseId: id,
				fromStatus: 'DRAFT',
				toStatus: 'SUBMITTED',
				actorId: owner,
				changedAt: new Date(submitted).toISOString(),
			})
			const template =
				determination === 'HIGH_IMPACT' && stage === 'DEPLOYED'
					? failingTemplate
					: pick(otherTemplates)
			checkRuns.push({
				id: `bench-cr-${i}`,
				useCaseId: id,
				useCaseVersion: version,
				packVersion,
				presumedHighImpact: presumed,
				requiredLanes: ['PRIVACY'],
				blocked: template.blocked,
				results: template.results,
				evaluatedAt: new Date(lastChange).toISOString(),
			})
			if (status === 'WITHDRAWN') {
				changes.push({
					id: `bench-sc-${i}-w`,
					useCaseId: id,
					fromStatus: 'SUBMITTED',
					toStatus: 'WITHDRAWN',
					actorId: owner,
					changedAt: new Date(submitted + DAY).toISOString(),
				})
				continue
			}
			const caseLanes = some(lanes, 3)
			if (caseLanes.length === 0) caseLanes.push('PRIVACY')
			caseLanes.forEach((lane, n) => {
				const open = !isDecided && (status !== 'IN_REVIEW' || n > 0)
				laneRows.push({
					id: `bench-lr-${i}-${n}`,
					useCaseId: id,
					round: 1,
					lane,
					origin: 'CHECKS',
					status: open
						? 'OPEN'
						: status === 'CHANGES_REQUESTED' && n === 0
							? 'CHANGES_REQUESTED'
							: 'APPROVED',
					assigneeId:
						status === 'SUBMITTED'
							? null
							: lane === 'PRIVACY' || lane === 'SECURITY'
								? reviewer
								: lead,
					assignedById: status === 'SUBMITTED' ? null : lead,
					assignedAt: status === 'SUBMITTED' ? null : new Date(reviewStart).toISOString(),
					dueOn: new Date(reviewStart + 14 * DAY).toISOString(),
					decidedById: open ? null : lead,
					decidedAt: open
						? null
						: new Date(Math.min(decidedAt, reviewStart + 5 * DAY)).toISOString(),
					revision: 1,
					createdAt: new Date(submitted).toISOString(),
				})
			})
			if (status !== 'SUBMITTED')
				changes.push({
					id: `bench-sc-${i}-2`,
					useCaseId: id,
					fromStatus: 'SUBMITTED',
					toStatus: 'IN_REVIEW',
					actorId: lead,
					changedAt: new Date(reviewStart).toISOString(),
				})
			if (status === 'CHANGES_REQUESTED') {
				changes.push({
					id: `bench-sc-${i}-3`,
					useCaseId: id,
					fromStatus: 'IN_REVIEW',
					toStatus: 'CHANGES_REQUESTED',
					actorId: reviewer,
					changedAt: new Date(reviewStart + 6 * DAY).toISOString(),
				})
			}
			if (!isDecided) continue
			const outcome = status === 'RETIRED' ? 'APPROVED' : status
			decisions.push({
				id: `bench-dc-${i}`,
				useCaseId: id,
				round: 1,
				outcome,
				note: 'Decided on the lanes’ findings.',
				decidedById: lead,
				decidedAt: new Date(decidedAt).toISOString(),
				useCaseVersion: version,
				snapshotNumber: 1,
			})
			changes.push({
				id: `bench-sc-${i}-4`,
				useCaseId: id,
				fromStatus: 'IN_REVIEW',
				toStatus: outcome,
				actorId: lead,
				changedAt: new Date(decidedAt).toISOString(),
			})
			events.push({
				id: `bench-ev-${i}-d`,
				createdAt: new Date(decidedAt).toISOString(),
				actorId: lead,
				action: 'use_case.decided',
				entityType: 'UseCase',
				entityId: id,
				after: { status: outcome },
				requestId: 'bench',
			})
			if (status === 'RETIRED')
				changes.push({
					id: `bench-sc-${i}-5`,
					useCaseId: id,
					fromStatus: 'APPROVED',
					toStatus: 'RETIRED',
					actorId: owner,
					changedAt: new Date(now - DAY).toISOString(),
				})
			if (status === 'APPROVED_WITH_CONDITIONS') {
				conditions.push({
					id: `bench-cd-${i}`,
					decisionId: `bench-dc-${i}`,
					useCaseId: id,
					text: 'Report the first quarter’s monitoring results.',
					ownerId: owner,
					dueOn: new Date(decidedAt + 90 * DAY).toISOString(),
					metAt: next() < 0.6 ? new Date(decidedAt + 80 * DAY).toISOString() : null,
					revision: 1,
				})
			}
			if (determination === 'HIGH_IMPACT' && next() < 0.5) {
				const granted = now - Math.floor(next() * 360) * DAY
				waivers.push({
					id: `bench-wv-${i}`,
					useCaseId: id,
					practice: pick(['TESTING', 'MONITORING', 'PUBLIC_CONSULTATION']),
					riskAssessment: 'System-specific risk assessment on file.',
					grantedById: lead,
					grantedOn: new Date(granted).toISOString().slice(0, 10),
					reportedToOmbOn: new Date(granted + 20 * DAY).toISOString().slice(0, 10),
					revision: 1,
					createdAt: new Date(granted).toISOString(),
				})
			}
		}
		const started = performance.now()
		await client.query('BEGIN')
		await insertRows(client, 'UseCase', useCases)
		await insertRows(client, 'UseCaseContact', contacts)
		await insertRows(client, 'UseCaseDataset', links)
		await insertRows(client, 'LaneReview', laneRows)
		await insertRows(client, 'Decision', decisions)
		await insertRows(client, 'DecisionCondition', conditions)
		await insertRows(client, 'UseCaseStatusChange', changes)
		await insertRows(client, 'CheckRun', checkRuns, 250)
		await insertRows(client, 'Waiver', waivers)
		await insertRows(client, 'AuditEvent', events)
		// The same copies refreshDatasetCopies keeps: the inventory filters on them without joins.
		await client.query(`UPDATE "UseCase" u SET
			"datasetCategories" = COALESCE((SELECT array_agg(DISTINCT d."category" ORDER BY d."category") FROM "UseCaseDataset" l JOIN "Dataset" d ON d."id" = l."datasetId" WHERE l."useCaseId" = u."id"), ARRAY[]::"DatasetCategory"[]),
			"sensitivities" = COALESCE((SELECT array_agg(DISTINCT s ORDER BY s) FROM "UseCaseDataset" l JOIN "Dataset" d ON d."id" = l."datasetId" CROSS JOIN LATERAL unnest(d."sensitivities") AS s WHERE l."useCaseId" = u."id"), ARRAY[]::"DatasetSensitivity"[])
			WHERE u."id" LIKE 'bench-uc-%'`)
		await client.query('COMMIT')
		await client.query('ANALYZE')
		const counts = {
			useCases: useCases.length,
			lanes: laneRows.length,
			decisions: decisions.length,
			statusChanges: changes.length,
			checkRuns: checkRuns.length,
			auditEvents: events.length,
		}
		console.log(
			`Seeded ${Object.entries(counts)
				.map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
				.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
		)
	} finally {
		await client.end()
	}
}

// ── The seeded database ──

/**
 * A database on `cluster` with the migrations, the shipped policy pack, the demo data and the
 * generated cases. Returns its address; the app's modules imported here are closed again.
 */
export async function seedBenchDatabase(cluster: PostgresCluster, name: string, cases = CASES) {
	const databaseUrl = await createScratchDatabase(cluster.url, name)
	// The app's modules read DATABASE_URL when first imported: point them at the throwaway database.
	process.env.DATABASE_URL = databaseUrl
	const { database } = await import('#app/utils/db.server.ts')
	const { ensureShippedPackLoaded } = await import('#app/modules/policies/pack-admin.server.ts')
	const { seedDemoData } = await import('#prisma/seed/seed.server.ts')
	await database.migrate()
	await ensureShippedPackLoaded(database.prisma)
	await seedDemoData(database.prisma)
	await generate(databaseUrl, cases)
	return { databaseUrl, database }
}

// ── The app ──

function newestMtime(dir: string): number {
	let newest = 0
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'generated' || entry.name.startsWith('.')) continue
		const full = path.join(dir, entry.name)
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
	}
	return newest
}

/** Builds the app when the build is older than the sources. */
export function buildIfNeeded() {
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

async function freePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.on('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
		})
	})
}

/**
 * The built app in production on 127.0.0.1 and a free port, on `databaseUrl`; `env` adds or
 * overrides variables, `nodeArgs` go to Node before the script (such as `--cpu-prof`).
 */
export async function startApp(
	databaseUrl: string,
	env: Record<string, string> = {},
	nodeArgs: Array<string> = [],
) {
	const port = await freePort()
	const child = spawn(process.execPath, [...nodeArgs, 'server.js'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			SESSION_SECRET: randomBytes(32).toString('hex'),
			SEED_DEMO_DATA: 'false',
			COOKIE_SECURE: 'false',
			HOST: '127.0.0.1',
			PORT: String(port),
			...env,
		},
	})
	const base = `http://127.0.0.1:${port}`
	for (let attempt = 0; attempt < 240; attempt++) {
		if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}`)
		const ok = await fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false,
		)
		if (ok) return { child, base }
		await new Promise((r) => setTimeout(r, 500))
	}
	throw new Error('The app did not become ready within two minutes.')
}

export async function stopApp(child: ChildProcess) {
	if (child.exitCode !== null) return
	const exited = new Promise((resolve) => child.once('exit', resolve))
	child.kill('SIGTERM')
	await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
	if (child.exitCode === null) child.kill('SIGKILL')
}

function cookiesOf(response: Response) {
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ')
}

/** Signs a demo account in; returns the cookies to send. */
export async function signIn(base: string, email: string) {
	const form = await fetch(`${base}/login`)
	const csrfCookie = cookiesOf(form)
	const token = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1]
	if (!token) throw new Error('No CSRF token on the sign-in page.')
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
		body: new URLSearchParams({ email, password: 'Governance-demo-2026', csrf: token }),
	})
	if (response.status !== 302 && response.status !== 303)
		throw new Error(`Sign-in failed with ${response.status}`)
	return `${csrfCookie}; ${cookiesOf(response)}`
}

// ── Load ──

export type GroupResult = {
	name: string
	requests: number
	seconds: number
	throughput: number
	p50: number
	p95: number
	p99: number
	errors: number
	/** The app's CPU time per request (see appCpuMeter), when measured. */
	cpuMsPerRequest?: number
}

export function percentile(sorted: Array<number>, p: number) {
	if (sorted.length === 0) return 0
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export type BenchRequest =
	| string
	| { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }

/**
 * Sends `perConnection` requests on each of CONNECTIONS connections, cycling through `requests`, and
 * times each. A response with another status than `expect` (200 unless said) counts as an error.
 */
export async function drive(
	name: string,
	base: string,
	requests: Array<BenchRequest>,
	perConnection: number,
	options: {
		cookie?: string
		headers?: Record<string, string>
		expect?: (status: number) => boolean
	} = {},
): Promise<GroupResult> {
	const expected = options.expect ?? ((status: number) => status === 200)
	const latencies: Array<number> = []
	let errors = 0
	const started = performance.now()
	// Autocannon settles on its next one-second tick: time the run by its last answer instead, or
	// every group's throughput is its count over a whole number of seconds.
	let lastAnswer = started
	const instance = autocannon({
		url: base,
		connections: CONNECTIONS,
		amount: CONNECTIONS * perConnection,
		timeout: 30,
		headers: { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) },
		requests: requests.map((request) =>
			typeof request === 'string'
				? { method: 'GET', path: request }
				: { method: 'GET', ...request },
		),
	}) as unknown as autocannon.Instance & Promise<autocannon.Result>
	instance.on(
		'response',
		(_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
			latencies.push(responseTime)
			lastAnswer = performance.now()
			if (!expected(statusCode)) errors++
		},
	)
	const result = await instance
	const seconds = (lastAnswer - started) / 1000
	errors += result.errors + result.timeouts
	latencies.sort((a, b) => a - b)
	return {
		name,
		requests: latencies.length,
		seconds,
		throughput: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors,
	}
}

export function report(group: GroupResult) {
	const cpu =
		group.cpuMsPerRequest === undefined
			? ''
			: `  cpu ${group.cpuMsPerRequest.toFixed(2).padStart(6)} ms/req`
	console.log(
		`${group.name.padEnd(30)} ${String(group.requests).padStart(6)} req  ${group.throughput.toFixed(1).padStart(8)} req/s  p50 ${group.p50.toFixed(1).padStart(7)} ms  p95 ${group.p95.toFixed(1).padStart(7)} ms  p99 ${group.p99.toFixed(1).padStart(7)} ms${cpu}${group.errors ? `  ${group.errors} errors` : ''}`,
	)
}

// ── What the app spent ──

function ticksOf(pid: number) {
	try {
		// Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): user and system ticks.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
		return Number(fields[11]) + Number(fields[12])
	} catch {
		return 0
	}
}

/** The app's process and its children (the workers of a cluster), from /proc. */
export function processTree(rootPid: number) {
	const pids = [rootPid]
	let entries: Array<string> = []
	try {
		entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
	} catch {
		return pids
	}
	for (const name of entries) {
		try {
			const parentPid = Number(
				readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1],
			)
			if (parentPid === rootPid) pids.push(Number(name))
		} catch {
			// The process ended meanwhile.
		}
	}
	return pids
}

/**
 * CPU time the app's processes use (Linux /proc; 10 ms ticks): on a machine shared with other work,
 * CPU milliseconds per request say what a request costs regardless of how busy the machine is.
 */
export function appCpuMeter(rootPid: number) {
	const pids = processTree(rootPid)
	const start = pids.map(ticksOf)
	return {
		stopMs() {
			return pids.reduce((sum, pid, i) => sum + Math.max(0, ticksOf(pid) - start[i]!), 0) * 10
		},
	}
}

type LoopWindow = { startedAt: string; samples: number; p99Ms: number; maxMs: number }

/**
 * Samples the app's event-loop delay windows (/healthz?verbose) while `work` runs: every window that
 * overlapped it, from every process that answered. Returns the worst p99 and max among them.
 */
export async function watchEventLoop<T>(base: string, work: () => Promise<T>) {
	const windows = new Map<string, LoopWindow>()
	const startedAt = Date.now()
	const read = async () => {
		try {
			const health = (await (await fetch(`${base}/healthz?verbose`)).json()) as {
				eventLoopDelay?: { current: LoopWindow; recent: Array<LoopWindow> }
			}
			for (const window of [
				...(health.eventLoopDelay?.recent ?? []),
				...(health.eventLoopDelay ? [health.eventLoopDelay.current] : []),
			]) {
				if (window.samples > 0) windows.set(`${window.startedAt}/${window.samples}`, window)
			}
		} catch {
			// A missed sample: the next one covers the window.
		}
	}
	let running = true
	const poller = (async () => {
		while (running) {
			await new Promise((resolve) => setTimeout(resolve, 4_000))
			await read()
		}
	})()
	try {
		return { result: await work(), loop: () => summariseLoop() }
	} finally {
		running = false
		await poller
		await read()
	}
	function summariseLoop() {
		const during = [...windows.values()].filter(
			(w) => Date.parse(w.startedAt) + 10_000 >= startedAt,
		)
		return {
			p99Ms: Math.max(0, ...during.map((w) => w.p99Ms)),
			maxMs: Math.max(0, ...during.map((w) => w.maxMs)),
			windows: during.length,
		}
	}
}
