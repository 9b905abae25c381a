// Read models kept in this process under the data version they were read at (see
// docs/decisions/030-read-models-cached-by-data-version.md). A request reads the version first (one
// indexed row, shared with the requests arriving meanwhile), then takes what is kept under that
// version or computes it; a write anywhere, by any instance, moves the version at its commit, so the
// next request of every instance sees that the kept value is of an older version and computes it
// again. Nothing is ever served from an older version than the one the request read.
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
export function freshDataVersion(
	read: Reader = () => readDataVersionDirectly(database),
): Promise<DataVersion> {
	if (!inFlight) return startRead(read)
	queued ??= inFlight
		.then(
			() => undefined,
			() => undefined,
		)
		.then(() => {
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

type Entry<V> = {
	token: string
	validUntil: number | null
	value: Promise<V>
	settled: Promise<boolean>
	done: boolean
	refreshing: boolean
}

export type VersionedCache<V> = {
	/**
	 * The value kept under `key` for `version`, or `compute`d now (once, however many requests ask
	 * meanwhile). `compute` must read its data after `version` was read (the caller read it first).
	 */
	get(key: string, version: DataVersion, compute: () => Promise<Computed<V>>): Promise<V>
	readonly size: number
}

/**
 * A cache of at most `maxEntries` values (the least recently used go first). A value of another data
 * version is never served. A value whose moment has passed (`validUntil`, the clock alone changed it)
 * is computed again before it is served, unless `refreshBehindTheClock`: then the first request after
 * the moment starts the computation and it, and those arriving until it finishes, get the value of
 * just before the moment. For views whose recount is costly (the inventory's counts, the dashboards),
 * where a case becoming overdue by the clock may show a recount later, but never a write later.
 */
export function createVersionedCache<V>(options: {
	maxEntries: number
	now?: () => number
	refreshBehindTheClock?: boolean
}): VersionedCache<V> {
	const entries = new Map<string, Entry<V>>()
	const now = options.now ?? Date.now
	const inTime = (entry: Entry<V>) => entry.validUntil === null || now() < entry.validUntil
	const keep = (key: string, entry: Entry<V>) => {
		// Most recently used last: the first key is the one to drop.
		entries.delete(key)
		entries.set(key, entry)
		if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string)
	}
	const computeEntry = (key: string, version: DataVersion, compute: () => Promise<Computed<V>>) => {
		const computed = compute()
		const entry: Entry<V> = {
			token: version.token,
			validUntil: null,
			value: computed.then((c) => c.value),
			settled: Promise.resolve(false),
			done: false,
			refreshing: false,
		}
		entry.settled = computed.then(
			(c) => {
				entry.done = true
				entry.validUntil = c.validUntil ?? null
				return true
			},
			() => {
				// A failure is not kept: the next request computes again.
				if (entries.get(key) === entry) entries.delete(key)
				return false
			},
		)
		return entry
	}
	const cache: VersionedCache<V> = {
		get(key, version, compute) {
			const kept = entries.get(key)
			if (kept && kept.token === version.token) {
				if (inTime(kept)) {
					keep(key, kept)
					return kept.value
				}
				if (options.refreshBehindTheClock && kept.done) {
					keep(key, kept)
					if (!kept.refreshing) {
						kept.refreshing = true
						const next = computeEntry(key, version, compute)
						// Nobody waits for it: a failure only means the next request after it tries again.
						next.value.catch(() => undefined)
						void next.settled.then((ok) => {
							if (ok && entries.get(key) === kept) keep(key, next)
							kept.refreshing = false
						})
					}
					return kept.value
				}
			}
			const entry = computeEntry(key, version, compute)
			keep(key, entry)
			return entry.value
		},
		get size() {
			return entries.size
		},
	}
	return cache
}
