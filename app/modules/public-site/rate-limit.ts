// A token bucket per client address: each address may make `perMinute` requests a minute on
// average, and up to a minute's worth in a burst. Held in this process's memory (several instances
// each allow as much). Pure apart from the clock, which the tests pass in.

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

const MAX_TRACKED_ADDRESSES = 50_000

export function createRateLimiter(options: { perMinute: number; now?: () => number }) {
	const now = options.now ?? Date.now
	const capacity = options.perMinute
	const refillPerMs = options.perMinute / 60_000
	const buckets = new Map<string, { tokens: number; at: number }>()

	function level(bucket: { tokens: number; at: number }, at: number) {
		return Math.min(capacity, bucket.tokens + (at - bucket.at) * refillPerMs)
	}

	/** Forgets addresses whose bucket has refilled: they are as if never seen. */
	function sweep(at: number) {
		for (const [address, bucket] of buckets)
			if (level(bucket, at) >= capacity) buckets.delete(address)
	}

	return {
		take(address: string): RateLimitVerdict {
			const at = now()
			const bucket = buckets.get(address)
			const tokens = bucket ? level(bucket, at) : capacity
			if (tokens < 1) {
				return {
					allowed: false,
					retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)),
				}
			}
			if (!bucket && buckets.size >= MAX_TRACKED_ADDRESSES) sweep(at)
			buckets.set(address, { tokens: tokens - 1, at })
			return { allowed: true }
		},
		get trackedAddresses() {
			return buckets.size
		},
	}
}
