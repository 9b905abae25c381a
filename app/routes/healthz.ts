import { data } from 'react-router'
import { database } from '#app/utils/db.server.ts'

export async function loader() {
	try {
		await database.ping()
		return data({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return data(
			{ status: 'error', database: 'unreachable' },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } },
		)
	}
}
