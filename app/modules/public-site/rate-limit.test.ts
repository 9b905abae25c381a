import { expect, test } from 'vitest'
import { createRateLimiter } from './rate-limit.ts'

test('an address may burst a minute’s worth, is then refused with when to retry, and earns requests back over time', () => {
	let now = 0
	const limiter = createRateLimiter({ perMinute: 60, now: () => now })
	for (let i = 0; i < 60; i++) expect(limiter.take('203.0.113.7')).toEqual({ allowed: true })
	expect(limiter.take('203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 1 })
	// Another address is not affected.
	expect(limiter.take('198.51.100.1')).toEqual({ allowed: true })
	now += 1000
	expect(limiter.take('203.0.113.7')).toEqual({ allowed: true })
	expect(limiter.take('203.0.113.7').allowed).toBe(false)
	now += 60_000
	for (let i = 0; i < 60; i++) expect(limiter.take('203.0.113.7').allowed).toBe(true)
})

test('a slow limit says how long to wait', () => {
	let now = 0
	const limiter = createRateLimiter({ perMinute: 2, now: () => now })
	expect(limiter.take('a').allowed).toBe(true)
	expect(limiter.take('a').allowed).toBe(true)
	expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 })
	now += 30_000
	expect(limiter.take('a').allowed).toBe(true)
})
