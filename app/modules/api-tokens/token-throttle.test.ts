import { expect, test } from 'vitest'
import { createTokenThrottle } from './token-throttle.ts'

test('each token may spend its minute’s budget at once, then waits for it to refill', () => {
	const throttle = createTokenThrottle(3)
	const t0 = 1_000_000
	expect([1, 2, 3].map(() => throttle.take('a', t0).allowed)).toEqual([true, true, true])
	expect(throttle.take('a', t0)).toEqual({ allowed: false, retryAfterSeconds: 20 })
	// Another token has its own budget.
	expect(throttle.take('b', t0).allowed).toBe(true)
	// One request's worth refills in 20 s at 3 a minute.
	expect(throttle.take('a', t0 + 19_000).allowed).toBe(false)
	expect(throttle.take('a', t0 + 20_000).allowed).toBe(true)
})
