import { type Database } from '#app/utils/db/database.server.ts'

export type Health = { status: 'ok' | 'error'; database: 'ok' | 'unreachable' }

export async function checkHealth(database: Pick<Database, 'ping'>): Promise<{ health: Health; httpStatus: 200 | 503 }> {
	try {
		await database.ping()
		return { health: { status: 'ok', database: 'ok' }, httpStatus: 200 }
	} catch {
		return { health: { status: 'error', database: 'unreachable' }, httpStatus: 503 }
	}
}
