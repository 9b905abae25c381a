import { data } from 'react-router'
import { keptFiguresRead } from '#app/modules/dashboards/dashboard.server.ts'
import { checkHealth } from '#app/modules/health/health.server.ts'
import { database } from '#app/utils/db.server.ts'
import type { Route } from './+types/healthz.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const verbose = new URL(request.url).searchParams.has('verbose')
	const { health, httpStatus } = await checkHealth(database, { verbose, keptFiguresRead })
	return data(health, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } })
}
