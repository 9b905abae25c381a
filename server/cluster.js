// Several app processes behind one port (node:cluster), one per core or as many as WEB_CONCURRENCY
// says, on PostgreSQL only: each process keeps its own caches, all keyed on the data version read from
// the database, so what one process writes the others see at their next request
// (docs/decisions/030-read-models-cached-by-data-version.md). The embedded database is locked to one process.
// This process (the primary) only starts the workers, starts again one that dies, and stops them.
import cluster from 'node:cluster'
import os from 'node:os'

/** How many processes WEB_CONCURRENCY asks for (`auto`: one per core); 1 when unset. Throws on a wrong value. */
export function requestedProcesses(env = process.env) {
	const value = env.WEB_CONCURRENCY?.trim()
	if (!value) return 1
	const count = value === 'auto' ? os.availableParallelism() : Number(value)
	if (!Number.isInteger(count) || count < 1 || count > 64)
		throw new Error(
			'WEB_CONCURRENCY must be a whole number from 1 to 64, or auto (one process per core).',
		)
	if (count > 1 && !env.DATABASE_URL) {
		throw new Error(
			'WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database is locked to one process.',
		)
	}
	return count
}

/** Whether this process is the primary of a cluster (and must not serve itself). */
export function isClusterPrimary(env = process.env) {
	return cluster.isPrimary && env.NODE_ENV === 'production' && requestedProcesses(env) > 1
}

const RESTART_DELAYS_MS = [100, 1_000, 5_000, 15_000]
/** A worker that ran this long had started fine: its successor starts without waiting. */
const STARTED_FINE_MS = 30_000

/**
 * Starts the workers and watches them until SIGTERM or SIGINT, then stops them and exits; never
 * resolves. Workers run this same script (server.js) and serve.
 */
export function superviseWorkers() {
	const count = requestedProcesses()
	let stopping = false
	let quickFailures = 0
	const startedAt = new Map()

	function fork() {
		const worker = cluster.fork()
		startedAt.set(worker.id, Date.now())
	}

	cluster.on('exit', (worker, code, signal) => {
		const ranMs = Date.now() - (startedAt.get(worker.id) ?? Date.now())
		startedAt.delete(worker.id)
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
			return
		}
		quickFailures = ranMs >= STARTED_FINE_MS ? 0 : quickFailures + 1
		if (quickFailures > RESTART_DELAYS_MS.length * 2) {
			console.error(
				'App processes keep stopping right after they start; giving up (see the messages above).',
			)
			process.exit(1)
		}
		const delay =
			quickFailures === 0
				? 0
				: RESTART_DELAYS_MS[Math.min(quickFailures - 1, RESTART_DELAYS_MS.length - 1)]
		console.error(
			`An app process stopped (${signal ?? `exit code ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ''}.`,
		)
		setTimeout(fork, delay)
	})

	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, () => {
			stopping = true
			const workers = Object.values(cluster.workers ?? {})
			if (workers.length === 0) process.exit(0)
			for (const worker of workers) worker?.process.kill('SIGTERM')
			// Each worker closes its server and background work within a few seconds.
			setTimeout(() => process.exit(0), 10_000).unref()
		})
	}

	console.log(`AI Governance Tracker: starting ${count} processes on one port (WEB_CONCURRENCY).`)
	for (let i = 0; i < count; i++) fork()
	return new Promise(() => {})
}
