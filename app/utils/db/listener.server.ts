// A LISTEN connection to PostgreSQL that stays up: it reconnects after the server restarts or the
// network drops, notices a server that stopped answering (a heartbeat with a deadline, since TCP
// alone may take many minutes to notice), and tells its owner each time it is connected or not,
// because announcements sent while it was away are lost.
import pg from 'pg'

export type ListenHandlers = {
	message(payload: string): void
	/** Listening (again): announcements from now on arrive. */
	connected(): void
	/** Not listening: announcements may be missed until `connected` is called again. */
	disconnected(): void
}

export type ListenHandle = { close(): Promise<void> }

const HEARTBEAT_MS = 5_000
const HEARTBEAT_DEADLINE_MS = 2_000
const RECONNECT_DELAYS_MS = [250, 1_000, 2_000, 5_000]

export async function listenOnPostgres(
	databaseUrl: string,
	channel: string,
	handlers: ListenHandlers,
): Promise<ListenHandle> {
	let client: pg.Client | null = null
	let closed = false
	let failures = 0
	let heartbeat: NodeJS.Timeout | null = null
	let reconnectTimer: NodeJS.Timeout | null = null
	let firstAttempt: (() => void) | null = null

	function lost(from: pg.Client) {
		if (client !== from) return
		client = null
		if (heartbeat) clearInterval(heartbeat)
		heartbeat = null
		from.end().catch(() => {})
		handlers.disconnected()
		scheduleReconnect()
	}

	function scheduleReconnect() {
		if (closed || reconnectTimer) return
		const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!
		failures++
		reconnectTimer = setTimeout(() => {
			reconnectTimer = null
			void connect()
		}, delay)
		reconnectTimer.unref()
	}

	async function connect() {
		const next = new pg.Client({
			connectionString: databaseUrl,
			connectionTimeoutMillis: 5_000,
			keepAlive: true,
			keepAliveInitialDelayMillis: 5_000,
		})
		next.on('error', () => lost(next))
		next.on('end', () => lost(next))
		next.on('notification', (message) => {
			if (message.channel === channel && message.payload !== undefined)
				handlers.message(message.payload)
		})
		try {
			await next.connect()
			await next.query(`LISTEN "${channel}"`)
		} catch {
			next.end().catch(() => {})
			scheduleReconnect()
			firstAttempt?.()
			return
		}
		if (closed) {
			await next.end().catch(() => {})
			return
		}
		client = next
		failures = 0
		heartbeat = setInterval(() => {
			const current = next
			let timer: NodeJS.Timeout | undefined
			const deadline = new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('no answer')), HEARTBEAT_DEADLINE_MS)
			})
			Promise.race([current.query('SELECT 1'), deadline])
				.catch(() => lost(current))
				.finally(() => clearTimeout(timer))
		}, HEARTBEAT_MS)
		heartbeat.unref()
		handlers.connected()
		firstAttempt?.()
	}

	// Resolves after the first attempt, connected or not: a database that is away now is retried.
	await new Promise<void>((resolve) => {
		firstAttempt = () => {
			firstAttempt = null
			resolve()
		}
		void connect()
	})

	return {
		async close() {
			closed = true
			if (reconnectTimer) clearTimeout(reconnectTimer)
			if (heartbeat) clearInterval(heartbeat)
			const current = client
			client = null
			await current?.end().catch(() => {})
		},
	}
}
