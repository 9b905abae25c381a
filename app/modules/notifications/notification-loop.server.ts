import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { setEmailDispatchRequester } from './dispatch-signal.server.ts'
import { dispatchPendingEmails, type Mailer } from './email-dispatch.server.ts'
import { sendDueReminders } from './reminders.server.ts'

export const NOTIFICATION_LOOP_INTERVAL_MS = 60_000
/**
 * Reminders concern days (due soon, overdue), so scanning for them every quarter of an hour is
 * plenty; on a large inventory each scan reads every open lane, condition and waiver.
 */
export const REMINDER_INTERVAL_MS = 15 * 60_000

export type NotificationLoopOptions = {
	db: PrismaClient
	/** null when SMTP_URL is not set: reminders are still written, nothing is e-mailed. */
	mailer: Mailer | null
	appUrl: string
	intervalMs?: number
}

export type NotificationLoop = {
	/** Runs reminders and e-mail now (also what each tick does); resolves when the pass is done. */
	runNow(): Promise<void>
	/** Stops the timers, waits for the pass under way, closes the mailer. */
	stop(): Promise<void>
}

const ACTIVE = Symbol.for('ai-governance-tracker.notification-loop')
type Holder = { [ACTIVE]?: NotificationLoop }

/**
 * The background work of one app process: every minute, send pending e-mail, and every quarter of
 * an hour write due reminders; between ticks, send e-mail as soon as someone asks (`requestEmailDispatch`). Passes never
 * overlap within a process, and the database claim keeps processes from sending the same message.
 * One loop per process: starting it again (a dev-server reload) returns the running one.
 */
export function startNotificationLoop(options: NotificationLoopOptions): NotificationLoop {
	const holder = globalThis as Holder
	const running = holder[ACTIVE]
	if (running) return running

	const { db, mailer, appUrl } = options
	const timers = new Set<NodeJS.Timeout>()
	let stopped = false
	let pass: Promise<void> | null = null
	let wantReminders = false
	let wantEmail = false
	let remindersScannedAt = Number.NEGATIVE_INFINITY

	async function work() {
		while (!stopped && (wantReminders || wantEmail)) {
			const reminders = wantReminders
			wantReminders = false
			wantEmail = false
			if (reminders) {
				try {
					await sendDueReminders(db)
				} catch (error) {
					console.error('Notification loop: writing reminders failed; the next tick tries again.', error)
				}
			}
			if (mailer && !stopped) {
				try {
					const result = await dispatchPendingEmails(db, { mailer, appUrl })
					if (result.stoppedEarly === 'limit') wantEmail = true
					if (result.stoppedEarly === 'server-unavailable') {
						console.error(`Notification e-mail: the mail server is unavailable (${result.lastError}); the messages stay queued and are retried.`)
					}
				} catch (error) {
					console.error('Notification loop: sending e-mail failed; the next tick tries again.', error)
				}
			}
		}
	}

	function kick() {
		if (stopped || pass) return
		pass = work().finally(() => {
			pass = null
			// A request that arrived while the last pass was finishing.
			if (wantReminders || wantEmail) kick()
		})
	}

	function tick(forceReminders = false) {
		if (forceReminders || Date.now() - remindersScannedAt >= REMINDER_INTERVAL_MS) {
			wantReminders = true
			remindersScannedAt = Date.now()
		}
		wantEmail = true
		kick()
	}

	const interval = setInterval(() => tick(), options.intervalMs ?? NOTIFICATION_LOOP_INTERVAL_MS)
	interval.unref()

	setEmailDispatchRequester((delayMs) => {
		if (stopped || !mailer) return
		if (delayMs <= 0) {
			wantEmail = true
			kick()
			return
		}
		const timer = setTimeout(() => {
			timers.delete(timer)
			wantEmail = true
			kick()
		}, delayMs)
		timer.unref()
		timers.add(timer)
	})

	const loop: NotificationLoop = {
		async runNow() {
			tick(true)
			while (pass) await pass
		},
		async stop() {
			if (stopped) return
			stopped = true
			clearInterval(interval)
			for (const timer of timers) clearTimeout(timer)
			timers.clear()
			setEmailDispatchRequester(null)
			if (holder[ACTIVE] === loop) delete holder[ACTIVE]
			await pass
			mailer?.close()
		},
	}
	holder[ACTIVE] = loop
	// The first pass at start-up catches up on whatever the last process left.
	tick()
	return loop
}
