// One process at a time on an embedded database. PGlite keeps the whole database in the memory of
// the process that opened it and writes it back to the directory; two processes on one directory
// each acknowledge writes that the other then overwrites. The lock is a file naming its owner
// (PID, host, and the process's start time, so that a reused PID is not mistaken for the owner);
// a lock whose owner is gone (a crash, kill -9, a reboot) is taken over.
import {
	closeSync,
	fsyncSync,
	openSync,
	readFileSync,
	rmSync,
	statSync,
	unlinkSync,
	writeSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const LOCK_FILE_NAME = 'pgdata.lock'

type LockOwner = {
	pid: number
	hostname: string
	bootId: string | null
	processStartTicks: string | null
	startedAt: string
}

export class EmbeddedDatabaseLockedError extends Error {
	override readonly name = 'EmbeddedDatabaseLockedError'
	constructor(
		readonly directory: string,
		readonly owner: LockOwner,
	) {
		const where =
			owner.hostname === os.hostname()
				? `process ${owner.pid}`
				: `process ${owner.pid} on ${owner.hostname}`
		super(
			`The embedded database in ${directory} is in use by ${where} (started ${owner.startedAt}). ` +
				'Only one app process can use an embedded database: stop the other one first, give this one its own DATA_DIR, ' +
				'or set DATABASE_URL to run several instances on one PostgreSQL server.' +
				(owner.hostname === os.hostname()
					? ''
					: ` If that process is no longer running, delete ${path.join(directory, LOCK_FILE_NAME)}.`),
		)
	}
}

function readOptional(file: string) {
	try {
		return readFileSync(file, 'utf8').trim()
	} catch {
		return null
	}
}

const bootId = () => readOptional('/proc/sys/kernel/random/boot_id')

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat), or null off Linux. */
/** Fields 3 onwards of /proc/<pid>/stat: the state (Z, a zombie), …, the start time in ticks. */
function processStat(pid: number) {
	const stat = readOptional(`/proc/${pid}/stat`)
	if (!stat) return null
	// The command name (field 2) may hold spaces and parentheses: count from the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
	return { state: fields[0] ?? null, startTicks: fields[19] ?? null }
}

function processStartTicks(pid: number) {
	return processStat(pid)?.startTicks ?? null
}

function ownerOfThisProcess(): LockOwner {
	return {
		pid: process.pid,
		hostname: os.hostname(),
		bootId: bootId(),
		processStartTicks: processStartTicks(process.pid),
		startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
	}
}

function isAlive(owner: LockOwner) {
	if (owner.bootId && owner.bootId !== bootId()) return false
	try {
		process.kill(owner.pid, 0)
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
	}
	const stat = processStat(owner.pid)
	// A process killed but not yet reaped by its parent (a zombie) holds nothing any more.
	if (stat?.state === 'Z' || stat?.state === 'X') return false
	if (owner.processStartTicks) {
		const ticks = stat?.startTicks ?? null
		if (ticks !== null && ticks !== owner.processStartTicks) return false
	}
	return true
}

function parseOwner(text: string | null): LockOwner | null {
	if (!text) return null
	try {
		const owner = JSON.parse(text) as LockOwner
		return Number.isInteger(owner.pid) && typeof owner.hostname === 'string' ? owner : null
	} catch {
		return null
	}
}

function sleepSync(ms: number) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function createExclusively(file: string, content: string) {
	const fd = openSync(file, 'wx', 0o644)
	try {
		writeSync(fd, content)
		fsyncSync(fd)
	} finally {
		closeSync(fd)
	}
}

function isExisting(error: unknown) {
	return (error as NodeJS.ErrnoException).code === 'EEXIST'
}

// A lock file being written is empty for an instant; one left empty or unreadable this long was
// abandoned mid-write.
const HALF_WRITTEN_GRACE_MS = 5_000

/**
 * Takes the embedded database's lock in `directory` for this process, or throws
 * EmbeddedDatabaseLockedError naming the process that holds it. `release` gives it back; the
 * process gives it back when it exits normally, and a process that is killed leaves a lock the
 * next start recognises as stale.
 */
export function lockEmbeddedDatabase(directory: string): { file: string; release(): void } {
	const file = path.join(directory, LOCK_FILE_NAME)
	const takeover = `${file}.takeover`
	const mine = JSON.stringify(ownerOfThisProcess())
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			createExclusively(file, mine)
			return { file, release: registerRelease(file, mine) }
		} catch (error) {
			if (!isExisting(error)) throw error
		}
		const text = readOptional(file)
		const owner = parseOwner(text)
		if (owner && owner.hostname !== os.hostname())
			throw new EmbeddedDatabaseLockedError(directory, owner)
		if (owner && isAlive(owner)) throw new EmbeddedDatabaseLockedError(directory, owner)
		if (!owner && ageMs(file) < HALF_WRITTEN_GRACE_MS) {
			sleepSync(50)
			continue
		}
		// Stale. Only one process may remove it: whoever creates the takeover file, and only if the
		// lock is still the stale one it judged (a fresh lock is only ever created with 'wx').
		try {
			createExclusively(takeover, mine)
		} catch (error) {
			if (!isExisting(error)) throw error
			if (ageMs(takeover) > HALF_WRITTEN_GRACE_MS) rmSync(takeover, { force: true })
			sleepSync(50)
			continue
		}
		try {
			if (readOptional(file) === text) rmSync(file, { force: true })
		} finally {
			rmSync(takeover, { force: true })
		}
	}
	throw new Error(
		`Could not take the embedded database's lock ${file}; remove it if no app process is running.`,
	)
}

function ageMs(file: string) {
	try {
		return Date.now() - statSync(file).mtimeMs
	} catch {
		return 0
	}
}

function registerRelease(file: string, mine: string) {
	let released = false
	const release = () => {
		if (released) return
		released = true
		process.removeListener('exit', release)
		try {
			if (readOptional(file) === mine) unlinkSync(file)
		} catch {
			// Already gone: nothing to give back.
		}
	}
	process.on('exit', release)
	return release
}
