import { data } from 'react-router'
import { checkHealth } from '#app/modules/health/health.server.ts'
import { database } from '#app/utils/db.server.ts'

export async function loader() {
	const { health, httpStatus } = await checkHealth(database)
	return data(health, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } })
}
