import { type Database } from '#app/utils/db/database.server.ts'
import { type EventLoopDelay, eventLoopDelay } from '#app/utils/event-loop.server.ts'

export type Health = { status: 'ok' | 'error'; database: 'ok' | 'unreachable' }

/**
 * With `verbose`, how long the event loop has been held, and whether this process has finished
 * reading the figures it keeps in memory (until then its first views are counted in SQL): facts
 * about this process's load only, nothing about its data, users, versions or configuration, so any
 * caller may have them.
 */
export type VerboseHealth = Health & {
	eventLoopDelay: {
		current: EventLoopDelay
		recent: Array<EventLoopDelay>
		lastMinuteMaxMs: number
	}
	keptFiguresRead: boolean
}

export async function checkHealth(
	database: Pick<Database, 'ping'>,
	options: { verbose?: boolean; keptFiguresRead?: () => boolean } = {},
): Promise<{ health: Health | VerboseHealth; httpStatus: 200 | 503 }> {
	const extra = options.verbose
		? {
				eventLoopDelay: eventLoopDelay(),
				keptFiguresRead: options.keptFiguresRead?.() ?? false,
			}
		: {}
	try {
		await database.ping()
		return { health: { status: 'ok', database: 'ok', ...extra }, httpStatus: 200 }
	} catch {
		return { health: { status: 'error', database: 'unreachable', ...extra }, httpStatus: 503 }
	}
}
