import {
	cotsColumns,
	cotsRows,
	currentReportingYear,
	recordExport,
} from '#app/modules/omb-exchange/omb-export.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/cots[.]csv.ts'

/** OMB's consolidated reporting of the 20 common commercial AI tasks: one row per task. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const year = currentReportingYear()
	await recordExport(user.id, { file: 'cots.csv', year }, context.get(requestInfoContext))
	const rows = await cotsRows(year)
	return csvResponse(rows, cotsColumns, `cms-ai-consolidated-cots-${year}.csv`, { bom: true })
}
