// Background work that outlives a crash, a database blip and a restart, on the app's own database:
// pg-boss (docs/decisions/015-background-jobs-on-pg-boss.md). A job is written in the transaction
// that asks for it, so it exists exactly when the change that needs it committed; a worker that
// dies stops sending its heartbeat and the job is retried elsewhere; the cron schedules fire once
// per slot across every instance.
import {
	fromPglite,
	fromPrisma,
	type Job,
	type JobWithMetadata,
	PgBoss,
	type Queue,
	type WorkOptions,
} from 'pg-boss'
import { type Tx } from '#app/utils/db/tx.ts'
import { type Database } from '#app/utils/db/database.server.ts'

/** Every queue the app uses, with how its jobs are kept, retried and watched. */
export const queueDefinitions = {
	// Re-running every case's checks after a pack is published: long, resumable, one run per job id.
	'policy-recheck': {
		policy: 'stately',
		heartbeatSeconds: 15,
		retryLimit: 10,
		retryDelay: 5,
		retryBackoff: true,
		retryDelayMax: 60,
		expireInSeconds: 6 * 3600,
	},
	// Importing an OMB inventory file: long, resumable, one run per batch.
	'omb-import': {
		policy: 'stately',
		heartbeatSeconds: 15,
		retryLimit: 10,
		retryDelay: 5,
		retryBackoff: true,
		retryDelayMax: 60,
		expireInSeconds: 6 * 3600,
	},
	// A pass of the e-mail outbox: one waiting and one running at most; messages carry their own retries.
	'notification-email': { policy: 'stately', retryLimit: 0, expireInSeconds: 600, notify: true },
	// A pass writing due reminders: never two at once.
	'notification-reminders': {
		policy: 'exclusive',
		retryLimit: 2,
		retryDelay: 30,
		expireInSeconds: 1800,
	},
	// Runs whose job is gone (its retries ran out while the app was down) are marked failed, visibly.
	'job-sweep': { policy: 'exclusive', retryLimit: 0, expireInSeconds: 600 },
} as const satisfies Record<string, Omit<Queue, 'name'>>

export type QueueName = keyof typeof queueDefinitions

export type JobQueue = {
	boss: PgBoss
	work<T extends object>(
		queue: QueueName,
		options: WorkOptions,
		handler: (job: JobWithMetadata<T>) => Promise<void>,
	): Promise<void>
	stop(): Promise<void>
}

const RUNNING = Symbol.for('ai-governance-tracker.job-queue')
type Holder = { [RUNNING]?: JobQueue | null }
const holder = globalThis as Holder

/** The queue this process started, or null (tests and scripts run without one). */
export function runningJobQueue() {
	return holder[RUNNING] ?? null
}

/** How often instances look for jobs whose worker stopped sending heartbeats, and for due schedules. */
export const SUPERVISE_INTERVAL_SECONDS = 10

/**
 * Starts pg-boss on this database (creating its schema, `pgboss`, on first start) and the app's
 * queues. Workers are added by the modules that own the work.
 */
export async function startJobQueue(
	database: Pick<Database, 'jobQueueConnection'>,
): Promise<JobQueue> {
	const connection = database.jobQueueConnection()
	const boss = new PgBoss({
		...('pglite' in connection
			? { db: fromPglite(connection.pglite), backend: 'pglite' as const }
			: {
					connectionString: connection.connectionString,
					max: 4,
					connectionTimeoutMillis: 5_000,
					application_name: 'ai-governance-tracker-jobs',
				}),
		superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
		monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
		useListenNotify: true,
		// Each instance's jobs and heartbeats are enough; no registry of instances.
		registerInstance: false,
	})
	// pg-boss reports what goes wrong in its own loops (a lost connection while the database is
	// away, say) as events; they never reach a request, and the loops carry on by themselves.
	boss.on('error', (error: Error) => console.error(`Background jobs: ${error.message}`))
	await boss.start()
	for (const [name, { policy, ...options }] of Object.entries(queueDefinitions)) {
		await boss.createQueue(name, { policy, ...options })
		// A queue made by an earlier release takes this release's settings (its policy is fixed).
		await boss.updateQueue(name, options)
	}
	const queue: JobQueue = {
		boss,
		async work(name, options, handler) {
			await boss.work<object>(
				name,
				{ ...options, includeMetadata: true, batchSize: 1 },
				async (jobs) => {
					for (const job of jobs as Array<JobWithMetadata<never>>) await handler(job)
				},
			)
		},
		async stop() {
			if (holder[RUNNING] === queue) holder[RUNNING] = null
			// Jobs under way get a few seconds to finish; any that do not are resumed by another
			// instance (or this one, restarted) once their heartbeat lapses.
			await boss.stop({ graceful: true, timeout: 5_000, close: true })
		},
	}
	holder[RUNNING] = queue
	return queue
}

/**
 * Asks for a job in the caller's transaction: it is there if and only if the transaction commits.
 * Without a queue in this process (tests, scripts) nothing is written; see `afterCommit`.
 */
export async function enqueueJob(
	tx: Tx,
	queue: QueueName,
	data: object,
	options: { singletonKey?: string } = {},
) {
	const running = runningJobQueue()
	if (!running) return
	await running.boss.send(queue, data, { ...options, db: fromPrisma(tx) })
}

/**
 * Runs a job's work in this process, after the transaction that asked for it committed, when no
 * queue runs here (tests, scripts): the same work, without the retries and heartbeats.
 */
export function runHereWithoutQueue(work: () => Promise<void>) {
	if (runningJobQueue()) return
	void work().catch((error: unknown) => console.error('Background work failed:', error))
}

export type { Job, JobWithMetadata }
