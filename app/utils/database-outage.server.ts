import { data, type MiddlewareFunction } from 'react-router'
import {
	DATABASE_RETRY_AFTER_SECONDS,
	outageMessage,
	trackDatabaseOutage,
} from './db/outage.server.ts'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A request the database failed (unreachable, hung past its timeouts, its disk full) gets a 503 page that says
 * so — temporarily unavailable, nothing was saved, try again — with Retry-After, instead of the 500
 * "something went wrong" page. Failures with any other cause stay 500s.
 */
export const databaseOutageMiddleware: Array<MiddlewareFunction<Response>> = [
	async (_args, next) => {
		const response = await next()
		if (response.status === 503 && !response.headers.has('Retry-After'))
			response.headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
		return response
	},
	({ request }, next) =>
		trackDatabaseOutage(async (tracker) => {
			const response = await next()
			if (!tracker.unavailable || response.status < 500) return response
			throw data({ message: outageMessage(tracker, READS.has(request.method)) }, { status: 503 })
		}),
]
