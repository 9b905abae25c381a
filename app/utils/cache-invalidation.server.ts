// Caches kept in one process (sessions read in the last seconds, the header's unread counts) are
// forgotten in every instance at once: a change is announced with PostgreSQL NOTIFY on one channel,
// and each instance LISTENs on it (PGlite delivers the same in-process). An instance whose
// listener is not connected cannot hear of changes, so it reuses nothing until it is connected
// again, and forgets everything when it reconnects (it may have missed announcements).
import { type Tx } from '#app/utils/db/tx.ts'
import { type PrismaClient } from './db.server.ts'
import { type Database } from './db/database.server.ts'

export const INVALIDATION_CHANNEL = 'aigt_cache_invalidation'

export type Invalidation =
	| { kind: 'session'; sessionId: string }
	| { kind: 'user'; userId: string }
	| { kind: 'api-token'; tokenId: string }
	| { kind: 'unread'; userIds: Array<string> }
	/** Forget everything (the listener reconnected, or a message was too large to say precisely). */
	| { kind: 'all' }

type Subscriber = (invalidation: Invalidation) => void

// On globalThis, keyed by name: a module reloaded by the dev server replaces its subscriber
// instead of adding a second one, and the listener survives the reload.
const STATE = Symbol.for('ai-governance-tracker.cache-invalidation')
type State = { subscribers: Map<string, Subscriber>; live: boolean }
const state: State = ((globalThis as { [STATE]?: State })[STATE] ??= {
	subscribers: new Map(),
	live: false,
})

/** A cache registers what to forget for each announcement. */
export function subscribeToInvalidations(name: string, subscriber: Subscriber) {
	state.subscribers.set(name, subscriber)
}

/**
 * Whether this instance may serve from its caches: only while it is listening for announcements.
 * Without a listener (scripts, tests, a lost connection) every read goes to the database.
 */
export function cachesAreCoherent() {
	return state.live
}

function applyLocally(invalidation: Invalidation) {
	for (const subscriber of state.subscribers.values()) {
		try {
			subscriber(invalidation)
		} catch (error) {
			console.error('A cache could not apply an invalidation:', error)
		}
	}
}

// NOTIFY payloads are limited to 8000 bytes; a long list of people is announced as "forget all".
const MAX_PAYLOAD = 7_000

/**
 * Forgets the matching entries here at once and announces the change to every instance. Pass the
 * transaction that made the change to announce it when it commits (NOTIFY is transactional);
 * without one the announcement goes out now, so call it after the change committed. Never throws:
 * an announcement that cannot be sent means the database is away, and then no instance trusts its
 * caches anyway.
 */
export async function invalidateEverywhere(invalidation: Invalidation, via: Tx | PrismaClient) {
	applyLocally(invalidation)
	let payload = JSON.stringify(invalidation)
	if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ kind: 'all' } satisfies Invalidation)
	try {
		await via.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${payload})`
	} catch (error) {
		// Inside a transaction the failure is the transaction's own: let it fail as it would anyway.
		if (!('$transaction' in via)) throw error
		console.error(
			`Could not announce a cache invalidation to other instances: ${error instanceof Error ? error.message : error}`,
		)
	}
}

function parse(payload: string): Invalidation | null {
	try {
		const message = JSON.parse(payload) as Invalidation
		return typeof message === 'object' && message && typeof message.kind === 'string'
			? message
			: null
	} catch {
		return null
	}
}

/** Starts listening for announcements on this database; resolves once the first LISTEN is in place. */
export async function startInvalidationListener(database: Pick<Database, 'listen'>) {
	const listener = await database.listen(INVALIDATION_CHANNEL, {
		message(payload) {
			applyLocally(parse(payload) ?? { kind: 'all' })
		},
		connected() {
			// Whatever was announced while not listening is unknown: forget everything, then trust again.
			applyLocally({ kind: 'all' })
			state.live = true
		},
		disconnected() {
			state.live = false
			applyLocally({ kind: 'all' })
		},
	})
	return {
		async stop() {
			state.live = false
			await listener.close()
		},
	}
}
