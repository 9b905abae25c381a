// Read models kept in this process under the data version they were read at (see
// docs/decisions/030-read-models-cached-by-data-version.md). A request reads the version first (one
// indexed row, shared with the requests arriving meanwhile), then takes what is kept under that
// version or computes it; a write anywhere, by any instance, moves the version at its commit, so the
// next request of every instance sees that the kept value is of an older version and computes it
// again. Nothing is ever served from an older version than the one the request read.
import { performance } from 'node:perf_hooks'
import { database } from '#app/utils/db.server.ts'
import { noteDatabaseError } from '#app/utils/db/outage.server.ts'
import { type DataVersion, readDataVersionDirectly } from './data-version.server.ts'

// ── The version a request sees ──

type Reader = () => Promise<DataVersion>

let inFlight: Promise<DataVersion> | null = null
let queued: Promise<DataVersion> | null = null

function startRead(read: Reader) {
	const started = read()
	inFlight = started
	const clear = () => {
		if (inFlight === started) inFlight = null
	}
	started.then(clear, clear)
	return started
}

/**
 * The data version as it stands now, from the database. Requests that ask while a read is under
 * way share the next read, never the one under way: that one may have been answered before the
 * caller's own write committed (a form posted, then the page it redirects to), and the caller would
 * then be served what it read before its write. So at most two reads are outstanding, however many
 * requests ask, and every answer was read after its caller asked.
 */
export function freshDataVersion(read: Reader = () => readDataVersionDirectly(database)): Promise<DataVersion> {
	if (!inFlight) return startRead(read)
	queued ??= inFlight.then(
		() => undefined,
		() => undefined,
	).then(() => {
		queued = null
		return startRead(read)
	})
	return queued
}

const versionsByRequest = new WeakMap<Request, Promise<DataVersion>>()

/** The data version for one request: read once, when first asked, and shared by all its loaders. */
export function dataVersionOf(request: Request): Promise<DataVersion> {
	let version = versionsByRequest.get(request)
	if (!version) {
		version = freshDataVersion().catch((error: unknown) => {
			// The read may be shared with other requests: each request that waited for it is told.
			noteDatabaseError(error)
			throw error
		})
		versionsByRequest.set(request, version)
	}
	return version
}

// ── Caches ──

/** A computed value, and until when it holds if it also depends on the clock (ms since the epoch). */
export type Computed<V> = { value: V; validUntil?: number | null }

type Entry<V> = { token: string; validUntil: number | null; value: Promise<V>; settled: boolean; computeMs: number }

export type VersionedCache<V> = {
	/**
	 * The value kept under `key` for `version`, or `compute`d now (once, however many requests ask
	 * meanwhile). `compute` must read its data after `version` was read (the caller read it first).
	 */
	get(key: string, version: DataVersion, compute: () => Promise<Computed<V>>): Promise<V>
	readonly size: number
}

/** A cache of at most `maxEntries` values (the least recently used go first). */
export function createVersionedCache<V>(options: { maxEntries: number; now?: () => number }): VersionedCache<V> {
	const entries = new Map<string, Entry<V>>()
	const now = options.now ?? Date.now
	const fresh = (entry: Entry<V>, token: string) => entry.token === token && (entry.validUntil === null || now() < entry.validUntil)
	const cache: VersionedCache<V> = {
		get(key, version, compute) {
			const kept = entries.get(key)
			if (kept && fresh(kept, version.token)) {
				// Most recently used last: the first key is the one to drop.
				entries.delete(key)
				entries.set(key, kept)
				return kept.value
			}
			const started = performance.now()
			const computed = compute()
			const entry: Entry<V> = { token: version.token, validUntil: null, value: computed.then((c) => c.value), settled: false, computeMs: 0 }
			entries.delete(key)
			entries.set(key, entry)
			if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string)
			computed.then(
				(c) => {
					entry.settled = true
					entry.computeMs = performance.now() - started
					entry.validUntil = c.validUntil ?? null
				},
				() => {
					// A failure is not kept: the next request computes again.
					if (entries.get(key) === entry) entries.delete(key)
				},
			)
			return entry.value
		},
		get size() {
			return entries.size
		},
	}
	return cache
}
