// HTTP in front of the public transparency site (/public): a rate limit per client address, the
// ETag of the data version the pages are built from, 304 Not Modified when the client holds it
// already (before React Router runs at all), and the cache headers of every successful response.
// Public pages never look a session up and never set a cookie (see app/root.tsx).
import { type ServerResponse } from 'node:http'
import { type NextFunction, type Request, type Response } from 'express'
import {
	ifNoneMatchHas,
	PUBLIC_CACHE_CONTROL,
	publicEtag,
} from '#app/modules/public-site/http-caching.ts'
import {
	currentPublicSnapshot,
	type PublicSnapshot,
} from '#app/modules/public-site/public-snapshot.server.ts'
import { createRateLimiter } from '#app/modules/public-site/rate-limit.ts'

export type PublicLocals = { publicSnapshot?: PublicSnapshot }

/** Runs `listener` with the status code just before the response's headers are written. */
function beforeHeaders(res: ServerResponse, listener: (statusCode: number) => void) {
	const writeHead = res.writeHead
	res.writeHead = function (
		this: ServerResponse,
		...args: Parameters<ServerResponse['writeHead']>
	) {
		listener(typeof args[0] === 'number' ? args[0] : this.statusCode)
		return writeHead.apply(this, args)
	} as ServerResponse['writeHead']
}

export function publicSite(options: { buildVersion: string; requestsPerMinute: number }) {
	const limiter = createRateLimiter({ perMinute: options.requestsPerMinute })
	return async function publicSiteMiddleware(
		req: Request,
		res: Response<unknown, PublicLocals>,
		next: NextFunction,
	) {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next()
		const verdict = limiter.take(req.ip ?? req.socket.remoteAddress ?? 'unknown')
		if (!verdict.allowed) {
			res
				.status(429)
				.set({ 'Retry-After': String(verdict.retryAfterSeconds), 'Cache-Control': 'no-store' })
				.type('text/plain')
				.send(
					`Too many requests from your address. Try again in ${verdict.retryAfterSeconds} seconds.`,
				)
			return
		}
		let snapshot: PublicSnapshot
		try {
			snapshot = await currentPublicSnapshot()
		} catch {
			// The pages' loaders meet the same failure and answer with the error page.
			res.set('Cache-Control', 'no-store')
			return next()
		}
		const etag = publicEtag(snapshot.key, options.buildVersion)
		if (ifNoneMatchHas(req.get('If-None-Match'), etag)) {
			// A page kept by the browser keeps the headers it came with, its Content-Security-Policy
			// nonce included; a 304 carrying a new policy would replace it and block the page's scripts.
			res.removeHeader('Content-Security-Policy')
			res.status(304).set({ ETag: etag, 'Cache-Control': PUBLIC_CACHE_CONTROL }).end()
			return
		}
		res.locals.publicSnapshot = snapshot
		beforeHeaders(res, (statusCode) => {
			if (statusCode === 200) {
				res.setHeader('ETag', etag)
				res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL)
			} else if (!res.getHeader('Cache-Control')) {
				res.setHeader('Cache-Control', 'no-store')
			}
		})
		next()
	}
}
