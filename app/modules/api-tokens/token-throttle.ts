// Requests per token: a token bucket per token id, refilled continuously. Each process keeps its
// own buckets (several instances each allow the rate: a limit against runaway scripts, not a quota).

type ThrottleVerdict =
	{ allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number }

export type TokenThrottle = {
	take(key: string, now?: number): ThrottleVerdict
	readonly limitPerMinute: number
}

const MAX_TRACKED_KEYS = 10_000

export function createTokenThrottle(limitPerMinute: number): TokenThrottle {
	const refillPerMs = limitPerMinute / 60_000
	const buckets = new Map<string, { tokens: number; at: number }>()
	return {
		limitPerMinute,
		take(key, now = Date.now()) {
			let bucket = buckets.get(key)
			if (!bucket) {
				if (buckets.size >= MAX_TRACKED_KEYS) {
					// Full buckets carry no information: forget them first.
					for (const [k, b] of buckets)
						if (b.tokens + (now - b.at) * refillPerMs >= limitPerMinute) buckets.delete(k)
				}
				bucket = { tokens: limitPerMinute, at: now }
				buckets.set(key, bucket)
			}
			bucket.tokens = Math.min(limitPerMinute, bucket.tokens + (now - bucket.at) * refillPerMs)
			bucket.at = now
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1
				return { allowed: true, remaining: Math.floor(bucket.tokens) }
			}
			return {
				allowed: false,
				retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)),
			}
		},
	}
}
