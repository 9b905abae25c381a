// The real server (server.js over the production build, with every Express guard) in a child
// process, on a database the test seeded: the HTTP-level security tests send requests to it as a
// browser or an attacker would. Also used by `npm run fuzz`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Database, openDatabase } from '#app/utils/db/database.server.ts'

type RememberStore = { __remember_epic_web?: Map<string, unknown> }

const BUILD_ENTRY = 'build/server/index.js'
const BUILD_INPUTS = [
	'app',
	'server',
	'prisma/seed',
	'react-router.config.ts',
	'vite.config.ts',
	'package.json',
]

function newestModification(entry: string): number {
	const stats = statSync(entry)
	if (!stats.isDirectory()) return stats.mtimeMs
	return Math.max(
		stats.mtimeMs,
		...readdirSync(entry).map((child) => newestModification(path.join(entry, child))),
	)
}

function buildIsFresh() {
	try {
		return statSync(BUILD_ENTRY).mtimeMs >= Math.max(...BUILD_INPUTS.map(newestModification))
	} catch {
		return false
	}
}

/**
 * The production build, rebuilt when any source is newer than it. Test files run in parallel
 * workers: one builds while the others wait on the lock directory.
 */
async function ensureFreshBuild() {
	if (buildIsFresh()) return
	const lock = path.resolve('.cache/build.lock')
	mkdirSync(path.dirname(lock), { recursive: true })
	for (;;) {
		try {
			mkdirSync(lock)
			break
		} catch {
			// A lock left by a run that was killed mid-build is stale after five minutes.
			if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000)
				rmSync(lock, { recursive: true, force: true })
			await sleep(500)
			if (buildIsFresh()) return
		}
	}
	try {
		if (!buildIsFresh()) execFileSync('npx', ['react-router', 'build'], { stdio: 'pipe' })
	} finally {
		rmdirSync(lock)
	}
}

export type DatabaseChoice = { kind: 'embedded' } | { kind: 'postgres'; databaseUrl: string }

export type TestServer<Fixtures> = {
	url: string
	fixtures: Fixtures
	/** PostgreSQL only: a client on the server's database, for assertions while it runs. */
	database: Database | null
	/** What the server wrote to stdout and stderr so far. */
	output(): string
	/** Whether the server process is still running. */
	alive(): boolean
	stop(): Promise<void>
}

/**
 * Seeds a database with the demo data (and whatever `prepare` adds, returning the ids the test
 * needs), then starts the production server on it. The embedded database is closed before the
 * server opens it, since one process at a time may hold it.
 */
export async function startTestServer<Fixtures>(
	choice: DatabaseChoice,
	prepare: (prisma: PrismaClient) => Promise<Fixtures>,
	env: Record<string, string> = {},
): Promise<TestServer<Fixtures>> {
	await ensureFreshBuild()
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ai-governance-http-'))
	const database =
		choice.kind === 'postgres'
			? openDatabase({ databaseUrl: choice.databaseUrl })
			: openDatabase({ dataDir })
	const store = ((globalThis as RememberStore).__remember_epic_web ??= new Map())
	store.set('database', database)
	await database.migrate()
	const { ensureShippedPackLoaded } = await import('#app/modules/policies/pack-admin.server.ts')
	const { seedDemoData } = await import('#prisma/seed/seed.server.ts')
	await ensureShippedPackLoaded(database.prisma)
	await seedDemoData(database.prisma)
	const fixtures = await prepare(database.prisma)
	if (choice.kind === 'embedded') await database.close()

	let output = ''
	const child: ChildProcess = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: '0',
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			COOKIE_SECURE: 'false',
			SEED_DEMO_DATA: 'false',
			SESSION_SECRET: randomBytes(32).toString('hex'),
			SMTP_URL: '',
			DATABASE_URL: choice.kind === 'postgres' ? choice.databaseUrl : '',
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let exited = false
	const exit = new Promise<void>((resolve) =>
		child.once('exit', () => ((exited = true), resolve())),
	)
	const url = await new Promise<string>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString()
			const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1]
			if (port) resolve(`http://127.0.0.1:${port}`)
		}
		child.stdout!.on('data', onData)
		child.stderr!.on('data', onData)
		void exit.then(() => reject(new Error(`The test server exited before listening:\n${output}`)))
	})
	return {
		url,
		fixtures,
		database: choice.kind === 'postgres' ? database : null,
		output: () => output,
		alive: () => !exited,
		async stop() {
			if (!exited) child.kill('SIGTERM')
			await exit
			if (choice.kind === 'postgres') await database.close()
			rmSync(dataDir, { recursive: true, force: true })
		},
	}
}
