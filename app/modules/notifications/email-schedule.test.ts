import { expect, test } from 'vitest'
import {
	attemptsAfterClaim,
	EMAIL_ATTEMPT_OFFSETS_MS,
	EMAIL_CLAIM_LEASE_MS,
	isAttemptDue,
	MAX_EMAIL_ATTEMPTS,
	nextAttemptAt,
	SMTP_TIMEOUTS_MS,
} from './email-schedule.ts'

const created = new Date('2026-11-23T15:00:00Z')
const after = (minutes: number) => new Date(created.getTime() + minutes * 60_000)

test('the first attempt is at once; failures are retried after 10 min, 30 min, 1 h, 3 h, 8 h and 24 h, then given up', () => {
	expect(EMAIL_ATTEMPT_OFFSETS_MS.map((ms) => ms / 60_000)).toEqual([0, 10, 30, 60, 180, 480, 1440])
	expect(MAX_EMAIL_ATTEMPTS).toBe(7)
	expect(isAttemptDue(created, 0, created)).toBe(true)
	expect(isAttemptDue(created, 1, after(9))).toBe(false)
	expect(isAttemptDue(created, 1, after(10))).toBe(true)
	expect(isAttemptDue(created, 6, after(1440))).toBe(true)
	expect(isAttemptDue(created, 7, after(100_000))).toBe(false)
	expect(nextAttemptAt(created, 2)).toEqual(after(30))
	expect(nextAttemptAt(created, 7)).toBeNull()
})

test('a claim on time uses one attempt', () => {
	expect(attemptsAfterClaim(created, 0, created)).toBe(1)
	expect(attemptsAfterClaim(created, 1, after(10))).toBe(2)
	expect(attemptsAfterClaim(created, 6, after(1440))).toBe(7)
})

test('after any claim the next slot opens only once the lease is over, so no second process can take it mid-send', () => {
	for (let attempts = 0; attempts < MAX_EMAIL_ATTEMPTS; attempts++) {
		for (const lateBy of [0, 1, 4, 9, 29, 500, 5000]) {
			const offset = EMAIL_ATTEMPT_OFFSETS_MS[attempts] ?? 0
			const now = new Date(created.getTime() + offset + lateBy * 60_000)
			const next = nextAttemptAt(created, attemptsAfterClaim(created, attempts, now))
			if (next) expect(next.getTime()).toBeGreaterThan(now.getTime() + EMAIL_CLAIM_LEASE_MS)
		}
	}
})

test('a claim made late (the app was down) counts the slots it slept through', () => {
	expect(attemptsAfterClaim(created, 1, after(65))).toBe(4)
	expect(attemptsAfterClaim(created, 0, after(10_000))).toBe(MAX_EMAIL_ATTEMPTS)
})

test('the lease is longer than the SMTP client can take for one message and shorter than any gap between slots', () => {
	const longestSend =
		SMTP_TIMEOUTS_MS.connection + SMTP_TIMEOUTS_MS.greeting + SMTP_TIMEOUTS_MS.socket
	expect(EMAIL_CLAIM_LEASE_MS).toBeGreaterThan(2 * longestSend)
	const gaps = EMAIL_ATTEMPT_OFFSETS_MS.slice(1).map(
		(offset, index) => offset - (EMAIL_ATTEMPT_OFFSETS_MS[index] ?? 0),
	)
	expect(Math.min(...gaps)).toBeGreaterThan(EMAIL_CLAIM_LEASE_MS)
})
