// Everything an instance runs besides answering requests, started once its database is ready:
// the listener that keeps its caches in step with the other instances, and its share of the
// background jobs (every instance works the same queues; pg-boss hands each job to one of them).
import { createSmtpMailer } from '#app/modules/notifications/email-dispatch.server.ts'
import { startNotificationJobs } from '#app/modules/notifications/notification-jobs.server.ts'
import { startInvalidationListener } from '#app/utils/cache-invalidation.server.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { appUrlOf, type Env } from '#app/utils/env.server.ts'
import { startJobQueue } from './job-queue.server.ts'
import { startRunWorkers } from './runs.server.ts'

export type BackgroundWork = { stop(): Promise<void> }

async function startBackgroundWork(database: Database, env: Env): Promise<BackgroundWork> {
	const listener = await startInvalidationListener(database)
	const queue = await startJobQueue(database)
	await startRunWorkers(queue)
	const notifications = await startNotificationJobs(queue, {
		db: database.prisma,
		mailer: env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : null,
		appUrl: appUrlOf(env),
	})
	return {
		async stop() {
			await queue.stop()
			notifications.stop()
			await listener.stop()
		},
	}
}

const RETRY_START_MS = 5_000

/**
 * Starts the background work, and keeps trying (every few seconds) while the database refuses: an
 * instance must never be left serving without it, nor crash for want of it.
 */
export function keepBackgroundWorkStarted(database: Database, env: Env): BackgroundWork {
	// One per process: the dev server re-runs the app's entry module after an edit.
	const holder = globalThis as { [STARTED]?: BackgroundWork }
	holder[STARTED] ??= startAndRetry(database, env)
	return holder[STARTED]
}

const STARTED = Symbol.for('ai-governance-tracker.background-work')

function startAndRetry(database: Database, env: Env): BackgroundWork {
	let stopped = false
	let timer: NodeJS.Timeout | null = null
	const started = new Promise<BackgroundWork | null>((resolve) => {
		const attempt = () => {
			if (stopped) return resolve(null)
			startBackgroundWork(database, env).then(resolve, (error: unknown) => {
				console.error(
					`Background work could not start (${error instanceof Error ? error.message : error}); trying again in ${RETRY_START_MS / 1000} s.`,
				)
				timer = setTimeout(attempt, RETRY_START_MS)
			})
		}
		attempt()
	})
	const work: BackgroundWork = {
		async stop() {
			stopped = true
			if (timer) clearTimeout(timer)
			const holder = globalThis as { [STARTED]?: BackgroundWork }
			if (holder[STARTED] === work) delete holder[STARTED]
			await (await started)?.stop()
		},
	}
	return work
}
