// Server-Timing for the benchmarks and for anyone tuning the app (SERVER_TIMING=true): how long a
// request took before React rendered it (session, middleware, loaders) and React's render itself.
// Off by default: timings say a little about what the server holds and are of no use to users.
import { performance } from 'node:perf_hooks'
import { createContext, type RouterContextProvider } from 'react-router'
import { getEnv } from './env.server.ts'

/** When the HTTP server handed the request to React Router (performance.now()). */
export const requestStartContext = createContext<number | null>(null)

let enabled: boolean | undefined

export function serverTimingEnabled() {
	enabled ??= getEnv().SERVER_TIMING === 'true'
	return enabled
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** The Server-Timing value for a response whose rendering started at `renderStart` and ended now (or that had no render). */
export function serverTimingValue(
	context: Readonly<RouterContextProvider> | undefined,
	renderStart: number,
	rendered: boolean,
) {
	const started = context?.get(requestStartContext) ?? null
	const parts: Array<string> = []
	if (started !== null) parts.push(`app;dur=${round(renderStart - started)}`)
	if (rendered) parts.push(`render;dur=${round(performance.now() - renderStart)}`)
	return parts.join(', ')
}
