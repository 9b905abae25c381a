// How long the event loop is held. Every request and background job shares one thread (and, on the
// embedded database, the database runs on it too), so a task that holds it for long delays everyone.
// The histogram is reported by /healthz?verbose and by the benchmarks.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setImmediate as immediate } from 'node:timers/promises'
import { remember } from '@epic-web/remember'

const WINDOW_MS = 10_000
const KEPT_WINDOWS = 6

type Window = { histogram: ReturnType<typeof monitorEventLoopDelay>; startedAt: number }

/** Ten-second windows: the current one and the last six complete ones, so a spike stays visible for a minute. */
const windows = remember('event-loop-delay', () => {
	const state = { current: start(), recent: [] as Array<EventLoopDelay> }
	const timer = setInterval(() => {
		state.recent = [...state.recent, summarise(state.current)].slice(-KEPT_WINDOWS)
		state.current.histogram.disable()
		state.current = start()
	}, WINDOW_MS)
	timer.unref()
	return state
})

function start(): Window {
	const histogram = monitorEventLoopDelay({ resolution: 10 })
	histogram.enable()
	return { histogram, startedAt: Date.now() }
}

export type EventLoopDelay = {
	startedAt: string
	windowSeconds: number
	samples: number
	p50Ms: number
	p95Ms: number
	p99Ms: number
	maxMs: number
}

const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100

function summarise({ histogram, startedAt }: Window): EventLoopDelay {
	const samples = histogram.count
	return {
		startedAt: new Date(startedAt).toISOString(),
		windowSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
		samples,
		p50Ms: samples ? ms(histogram.percentile(50)) : 0,
		p95Ms: samples ? ms(histogram.percentile(95)) : 0,
		p99Ms: samples ? ms(histogram.percentile(99)) : 0,
		maxMs: samples ? ms(histogram.max) : 0,
	}
}

/** The event loop's delay over the current ten seconds and each of the six before (ms; 10 ms sampling). */
export function eventLoopDelay() {
	const current = summarise(windows.current)
	return {
		current,
		recent: windows.recent,
		lastMinuteMaxMs: Math.max(current.maxMs, ...windows.recent.map((window) => window.maxMs)),
	}
}

/** How long a slice of work may hold the event loop before it lets other work run. */
export const SLICE_MS = 25

/**
 * A pause for long loops: resolves at once while the current slice is young, and after one turn of
 * the event loop (timers, I/O, other requests) once the slice has run SLICE_MS.
 */
export function createPause(sliceMs = SLICE_MS) {
	let sliceStart = performance.now()
	return async function pause() {
		if (performance.now() - sliceStart < sliceMs) return
		await immediate()
		sliceStart = performance.now()
	}
}
