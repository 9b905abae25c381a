// The embedded database runs on the app's own thread: each query holds the event loop while it runs,
// and a transaction's queries follow one another in microtasks, so a long transaction held every
// other request (even /livez) until it committed. This wraps a driver adapter so that every query
// first lets the event loop turn once: other requests are served between any two queries.
import { setImmediate as immediate } from 'node:timers/promises'

const queries = new Set<PropertyKey>(['queryRaw', 'executeRaw'])
const wrapsResult = new Set<PropertyKey>(['connect', 'startTransaction'])

export function yieldingBetweenQueries<Adapter extends object>(target: Adapter): Adapter {
	return new Proxy(target, {
		get(object, property) {
			const value = Reflect.get(object, property, object) as unknown
			if (typeof value !== 'function') return value
			if (queries.has(property)) {
				return async (...args: Array<unknown>) => {
					await immediate()
					return (value as (...a: Array<unknown>) => unknown).apply(object, args)
				}
			}
			if (wrapsResult.has(property)) {
				return async (...args: Array<unknown>) =>
					yieldingBetweenQueries(
						(await (value as (...a: Array<unknown>) => Promise<object>).apply(
							object,
							args,
						)) as object,
					)
			}
			return (value as (...a: Array<unknown>) => unknown).bind(object)
		},
	})
}
