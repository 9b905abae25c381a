// Telling "the database is unreachable" apart from any other failure, and remembering, per request,
// that it happened: a page whose data could not be read or whose change could not be written
// because of it is a 503 ("temporarily unavailable, try again"), not a 500 ("a bug, logged").
import { AsyncLocalStorage } from 'node:async_hooks'
import {
	type SqlDriverAdapter,
	type SqlDriverAdapterFactory,
	type Transaction,
} from '@prisma/driver-adapter-utils'

// DriverAdapterError kinds (@prisma/driver-adapter-utils) that mean the server cannot be used now.
const UNAVAILABLE_KINDS = new Set([
	'DatabaseNotReachable',
	'ConnectionClosed',
	'SocketTimeout',
	'TooManyConnections',
	'TlsConnectionError',
])
// SQLSTATE: 08 connection exception, 57P01–57P03 shutdown / cannot connect now, 57014 a statement
// cancelled by statement_timeout, 53300 too many connections, 25P03 idle-in-transaction timeout.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|57014|53300|25P03)$/
// Prisma's codes for the same conditions.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037'])
// node-postgres and pg-pool report some conditions only in words.
const UNAVAILABLE_MESSAGES =
	/timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|connect ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ETIMEDOUT|server closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|The embedded database is closed/i

// SQLSTATE 53100 disk_full: the database cannot write (its disk or volume is full). Nothing the user
// sent is wrong, and retrying cannot help until an operator frees space.
const DISK_FULL = /^53100$|No space left on device|could not extend file/i

/** Whether this error, or one it was caused by, says the database's disk is full. */
function isDiskFull(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 4) return false
	const fields = error as Record<string, unknown>
	for (const value of [fields.code, fields.originalCode, fields.errorCode, fields.message])
		if (typeof value === 'string' && DISK_FULL.test(value)) return true
	const meta = fields.meta as Record<string, unknown> | undefined
	return isDiskFull(fields.cause, depth + 1) || isDiskFull(meta?.driverAdapterError, depth + 1)
}

/** Whether this error means the database could not be reached or answered in time. */
function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 4) return false
	const fields = error as {
		kind?: unknown
		code?: unknown
		originalCode?: unknown
		message?: unknown
		cause?: unknown
		errorCode?: unknown
	}
	if (typeof fields.kind === 'string' && UNAVAILABLE_KINDS.has(fields.kind)) return true
	for (const code of [fields.code, fields.originalCode, fields.errorCode]) {
		if (typeof code !== 'string') continue
		if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true
	}
	if (error.constructor?.name === 'PrismaClientInitializationError') return true
	if (typeof fields.message === 'string' && UNAVAILABLE_MESSAGES.test(fields.message)) return true
	return isDatabaseUnavailable(fields.cause, depth + 1)
}

/** How long a browser or client is asked to wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 30

export type OutageTracker = { unavailable: boolean; diskFull: boolean }
const requestTrackers = new AsyncLocalStorage<OutageTracker>()

/** Runs `work` (one request) with a tracker that records whether the database failed it. */
export function trackDatabaseOutage<T>(work: (tracker: OutageTracker) => Promise<T>): Promise<T> {
	const tracker: OutageTracker = { unavailable: false, diskFull: false }
	return requestTrackers.run(tracker, () => work(tracker))
}

const DISK_FULL_LOG_INTERVAL_MS = 60_000
let diskFullLoggedAt = -Infinity

/**
 * Records on the current request that `error` means the database is unavailable, if it does: for
 * reads that go past Prisma (Database.readRows) and are shared between requests. A full disk is
 * said to the operator once a minute, in words, rather than as one stack trace per failed save.
 */
export function noteDatabaseError(error: unknown) {
	const diskFull = isDiskFull(error)
	if (!diskFull && !isDatabaseUnavailable(error)) return
	const tracker = requestTrackers.getStore()
	if (tracker) {
		tracker.unavailable = true
		tracker.diskFull ||= diskFull
	}
	if (diskFull && performance.now() - diskFullLoggedAt > DISK_FULL_LOG_INTERVAL_MS) {
		diskFullLoggedAt = performance.now()
		console.error(
			`The database's disk is full, so changes cannot be saved (people are told their work was not saved; reading still works). Free space where the database keeps its files (DATA_DIR for the embedded database). ${error instanceof Error ? error.message : ''}`.trim(),
		)
	}
}

/** What a person is told when the database failed their request. */
export function outageMessage(tracker: OutageTracker, reading: boolean) {
	if (tracker.diskFull)
		return 'Your work was not saved: the tracker’s database has run out of disk space. Tell the tracker’s administrator; what you typed may still be in the form, to submit again once they have freed space.'
	return reading
		? 'The database is not answering. Nothing was changed; try again in a minute.'
		: 'Your work was not saved. Go back and submit it again in a minute; what you typed may still be in the form.'
}

const QUERY_METHODS = new Set(['queryRaw', 'executeRaw', 'executeScript', 'commit', 'rollback'])

/**
 * Wraps an adapter or a transaction so its failures reach the request's tracker. A transaction runs
 * on one connection, and Prisma's query interpreter may send it a second query before the first has
 * answered (nested reads); node-postgres queues those itself today but will refuse them from pg@9, so
 * a transaction's queries are sent one at a time here.
 */
function reporting<T extends object>(
	target: T,
	{
		wrapTransaction,
		oneAtATime = false,
	}: { wrapTransaction?: (value: unknown) => unknown; oneAtATime?: boolean } = {},
): T {
	let previous: Promise<unknown> = Promise.resolve()
	return new Proxy(target, {
		get(object, property, receiver) {
			const value = Reflect.get(object, property, receiver)
			if (typeof value !== 'function') return value
			const name = String(property)
			if (!QUERY_METHODS.has(name) && name !== 'startTransaction') return value.bind(object)
			const run = async (args: Array<unknown>) => {
				try {
					const result = await value.apply(object, args)
					return name === 'startTransaction' && wrapTransaction ? wrapTransaction(result) : result
				} catch (error) {
					noteDatabaseError(error)
					throw error
				}
			}
			if (!oneAtATime) return (...args: Array<unknown>) => run(args)
			return (...args: Array<unknown>) => {
				const next = previous.then(() => run(args))
				previous = next.catch(() => undefined)
				return next
			}
		},
	})
}

/**
 * A driver adapter factory whose queries and transactions report an unreachable database to the
 * request they run for (see `trackDatabaseOutage`); results and errors pass through unchanged.
 */
export function reportingOutages<F extends SqlDriverAdapterFactory>(factory: F): F {
	return new Proxy(factory, {
		get(object, property, receiver) {
			const value = Reflect.get(object, property, receiver)
			if (property !== 'connect' || typeof value !== 'function')
				return typeof value === 'function' ? value.bind(object) : value
			return async () => {
				try {
					const adapter: SqlDriverAdapter = await value.call(object)
					return reporting(adapter, {
						wrapTransaction: (transaction) =>
							reporting(transaction as Transaction, { oneAtATime: true }),
					})
				} catch (error) {
					noteDatabaseError(error)
					throw error
				}
			}
		},
	})
}
