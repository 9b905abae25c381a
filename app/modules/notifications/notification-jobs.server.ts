// The notifications' background work, as jobs on the app's queue (app/modules/jobs): passes of the
// e-mail outbox, and passes writing due reminders. The schedules fire once per slot whatever the
// number of instances; between scheduled passes, a change that queued e-mail asks for a pass at once.
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type JobQueue, runningJobQueue } from '#app/modules/jobs/job-queue.server.ts'
import { SUBMISSION_KEY_RETENTION_DAYS } from '#app/utils/form-submission.server.ts'
import { setEmailDispatchRequester } from './dispatch-signal.server.ts'
import { dispatchPendingEmails, type Mailer } from './email-dispatch.server.ts'
import { sendDueReminders } from './reminders.server.ts'

/** Every minute: e-mail whose retry slot has opened, and anything a lost request left behind. */
const EMAIL_SCHEDULE = '* * * * *'
/**
 * Reminders concern days (due soon, overdue), so scanning for them every quarter of an hour is
 * plenty; on a large inventory each scan reads every open lane, condition and waiver.
 */
const REMINDER_SCHEDULE = '*/15 * * * *'

export type NotificationJobOptions = {
	db: PrismaClient
	/** null when SMTP_URL is not set: reminders are still written, nothing is e-mailed. */
	mailer: Mailer | null
	appUrl: string
}

/** One pass of the outbox: sends until nothing is due, the mail server is away, or it is stopped. */
async function emailPass(db: PrismaClient, mailer: Mailer, appUrl: string) {
	for (;;) {
		const result = await dispatchPendingEmails(db, { mailer, appUrl })
		if (result.stoppedEarly === 'server-unavailable') {
			console.error(
				`Notification e-mail: the mail server is unavailable (${result.lastError}); the messages stay queued and are retried.`,
			)
		}
		if (result.stoppedEarly !== 'limit') return
	}
}

/** Reminders, and the housekeeping that goes with them: form keys no retry will ever use again. */
async function reminderPass(db: PrismaClient) {
	await sendDueReminders(db)
	await db.formSubmission.deleteMany({
		where: { createdAt: { lt: new Date(Date.now() - SUBMISSION_KEY_RETENTION_DAYS * 86_400_000) } },
	})
}

/**
 * Registers this instance's notification workers and the schedules, and routes
 * `requestEmailDispatch()` to the queue. `stop` closes the mailer (call it after the queue stopped).
 */
export async function startNotificationJobs(queue: JobQueue, options: NotificationJobOptions) {
	const { db, mailer, appUrl } = options
	const timers = new Set<NodeJS.Timeout>()
	await queue.boss.schedule('notification-reminders', REMINDER_SCHEDULE, {}, { missed: 'once' })
	// The first pass at start-up catches up on whatever the last process left.
	await queue.boss.send('notification-reminders', {})
	await queue.work('notification-reminders', { pollingIntervalSeconds: 10 }, () => reminderPass(db))
	if (mailer) {
		await queue.boss.schedule('notification-email', EMAIL_SCHEDULE, {})
		await queue.boss.send('notification-email', {})
		await queue.work(
			'notification-email',
			{ pollingIntervalSeconds: 5, notifyPollingIntervalSeconds: 30 },
			() => emailPass(db, mailer, appUrl),
		)
		const requestPass = () => {
			// Once the queue is stopping there is nobody to ask; the next start's own pass sends what waits.
			if (runningJobQueue() !== queue) return
			void queue.boss.send('notification-email', {}).catch((error: unknown) => {
				if (runningJobQueue() === queue) console.error('Could not ask for an e-mail pass:', error)
			})
		}
		setEmailDispatchRequester((delayMs) => {
			if (delayMs <= 0) return requestPass()
			const timer = setTimeout(() => {
				timers.delete(timer)
				requestPass()
			}, delayMs)
			timer.unref()
			timers.add(timer)
		})
	}
	return {
		stop() {
			setEmailDispatchRequester(null)
			for (const timer of timers) clearTimeout(timer)
			timers.clear()
			mailer?.close()
		},
	}
}
