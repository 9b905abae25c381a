// When a notification's e-mail may be (re)tried. The schedule is counted from the notification's
// creation, so a row needs no "next attempt" column: its age and its attempt count say whether it
// is due. See docs/decisions/006-notification-email-outbox.md.

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Attempt n may start this long after the notification was created: at once, then backing off. */
export const EMAIL_ATTEMPT_OFFSETS_MS = [
	0,
	10 * MINUTE,
	30 * MINUTE,
	1 * HOUR,
	3 * HOUR,
	8 * HOUR,
	24 * HOUR,
] as const

/** After this many attempts a FAILED e-mail stays failed (the in-app notification remains). */
export const MAX_EMAIL_ATTEMPTS = EMAIL_ATTEMPT_OFFSETS_MS.length

/**
 * How long one claimed e-mail belongs to the process that claimed it. Shorter than the smallest
 * gap in the schedule (so a claim always ends before the next slot opens) and far longer than the
 * SMTP time-outs (so a slow send never overlaps another process's retry).
 */
export const EMAIL_CLAIM_LEASE_MS = 5 * MINUTE

/** The SMTP client's own limits: connecting, the server's greeting, and silence on the socket. */
export const SMTP_TIMEOUTS_MS = { connection: 15_000, greeting: 15_000, socket: 30_000 } as const

/** Whether an e-mail with this many attempts behind it may be tried now. */
export function isAttemptDue(createdAt: Date, attempts: number, now: Date) {
	const offset = EMAIL_ATTEMPT_OFFSETS_MS[attempts]
	return offset !== undefined && createdAt.getTime() + offset <= now.getTime()
}

/** Schedule slots whose start lies at or before `at`. */
function slotsOpenedBy(createdAt: Date, at: Date) {
	return EMAIL_ATTEMPT_OFFSETS_MS.filter((offset) => createdAt.getTime() + offset <= at.getTime())
		.length
}

/**
 * The attempt count a claim writes. Normally one more than before; when the claim is late (the
 * app was down), the slots that open during the lease count as used too, so that the row's next
 * slot opens only after the lease and no other process can claim it while it is being sent.
 */
export function attemptsAfterClaim(createdAt: Date, attempts: number, now: Date) {
	return Math.min(
		MAX_EMAIL_ATTEMPTS,
		Math.max(
			attempts + 1,
			slotsOpenedBy(createdAt, new Date(now.getTime() + EMAIL_CLAIM_LEASE_MS)),
		),
	)
}

/** When the next attempt may start, or null when the attempts are used up. */
export function nextAttemptAt(createdAt: Date, attempts: number) {
	const offset = EMAIL_ATTEMPT_OFFSETS_MS[attempts]
	return offset === undefined ? null : new Date(createdAt.getTime() + offset)
}
