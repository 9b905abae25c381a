import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import {
	EmbeddedDatabaseLockedError,
	LOCK_FILE_NAME,
	lockEmbeddedDatabase,
} from './embedded-lock.server.ts'

const fixture = path.resolve('tests/fixtures/open-embedded-database.ts')
const started: Array<ChildProcess> = []
const directories: Array<string> = []

afterEach(() => {
	for (const child of started.splice(0))
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
	for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true })
})

function scratchDirectory() {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'aigt-lock-'))
	directories.push(directory)
	return directory
}

/** `npm start` in miniature: a process of its own that opens the embedded database in `dataDir`. */
function openInAnotherProcess(dataDir: string) {
	const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	started.push(child)
	let stdout = ''
	let stderr = ''
	child.stdout!.on('data', (chunk) => (stdout += chunk))
	child.stderr!.on('data', (chunk) => (stderr += chunk))
	const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
		child.once('exit', (code) => resolve({ code, stderr })),
	)
	const ready = new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', () => stdout.includes('ready') && resolve())
		void exited.then(({ code }) =>
			reject(new Error(`exited with ${code} before it was ready: ${stderr}`)),
		)
	})
	// Awaited only by tests that expect the process to start.
	ready.catch(() => undefined)
	return { child, ready, exited }
}

test('a second process refuses to open an embedded database another process has open, naming it; a killed owner’s lock is taken over', async () => {
	const dataDir = scratchDirectory()
	const first = openInAnotherProcess(dataDir)
	await first.ready
	const lockFile = path.join(dataDir, LOCK_FILE_NAME)
	expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(first.child.pid)

	const second = openInAnotherProcess(dataDir)
	const refused = await second.exited
	expect(refused.code).toBe(3)
	expect(refused.stderr).toContain(
		`The embedded database in ${dataDir} is in use by process ${first.child.pid}`,
	)
	expect(refused.stderr).toContain('set DATABASE_URL to run several instances')

	// kill -9 leaves its lock behind; the next start sees its owner is gone and takes the database.
	first.child.kill('SIGKILL')
	await first.exited
	expect(existsSync(lockFile)).toBe(true)
	const third = openInAnotherProcess(dataDir)
	await third.ready
	expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(third.child.pid)

	// A clean stop gives the lock back.
	third.child.kill('SIGTERM')
	expect((await third.exited).code).toBe(0)
	expect(existsSync(lockFile)).toBe(false)
}, 120_000)

test('a lock left by a process that no longer exists, or by an earlier boot, is stale', () => {
	const directory = scratchDirectory()
	const lockFile = path.join(directory, LOCK_FILE_NAME)
	const gone = {
		pid: 2 ** 22 - 1,
		hostname: os.hostname(),
		bootId: null,
		processStartTicks: null,
		startedAt: '2026-01-01T00:00:00.000Z',
	}
	writeFileSync(lockFile, JSON.stringify(gone))
	const lock = lockEmbeddedDatabase(directory)
	expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid)
	lock.release()

	// This very process (alive) but recorded under another boot: the machine restarted since.
	writeFileSync(lockFile, JSON.stringify({ ...gone, pid: process.pid, bootId: 'an-earlier-boot' }))
	lockEmbeddedDatabase(directory).release()
	expect(existsSync(lockFile)).toBe(false)
})

test('a lock left by a process killed but not yet reaped (a zombie) is stale: a restart right after kill -9 starts', async () => {
	// The child exits once its parent has been exec'd into `sleep 30`, which never reaps it: a zombie.
	// (A child that exited before the exec could be reaped by the shell, on a busy machine.)
	const parent = spawn(
		'sh',
		[
			'-c',
			'(while [ "$(cat /proc/$$/comm)" != sleep ]; do sleep 0.01; done) & echo $!; exec sleep 30',
		],
		{ stdio: ['ignore', 'pipe', 'ignore'] },
	)
	started.push(parent)
	const pid = await new Promise<number>((resolve) =>
		parent.stdout!.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
	)
	const stateOf = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[0]
	await expect.poll(stateOf).toBe('Z')
	const directory = scratchDirectory()
	const lockFile = path.join(directory, LOCK_FILE_NAME)
	writeFileSync(
		lockFile,
		JSON.stringify({
			pid,
			hostname: os.hostname(),
			bootId: null,
			processStartTicks: null,
			startedAt: '2026-01-01T00:00:00.000Z',
		}),
	)
	const lock = lockEmbeddedDatabase(directory)
	expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid)
	lock.release()
})

test('a lock held by a live process is refused, and one held on another host names the file to remove', () => {
	const directory = scratchDirectory()
	const lock = lockEmbeddedDatabase(directory)
	expect(() => lockEmbeddedDatabase(directory)).toThrow(EmbeddedDatabaseLockedError)
	lock.release()

	const lockFile = path.join(directory, LOCK_FILE_NAME)
	writeFileSync(
		lockFile,
		JSON.stringify({
			pid: 1,
			hostname: 'elsewhere',
			bootId: null,
			processStartTicks: null,
			startedAt: '2026-01-01T00:00:00.000Z',
		}),
	)
	expect(() => lockEmbeddedDatabase(directory)).toThrow(
		`process 1 on elsewhere (started 2026-01-01T00:00:00.000Z)`,
	)
	expect(() => lockEmbeddedDatabase(directory)).toThrow(`delete ${lockFile}`)
})
