import { ExportQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
import {
	columnsFor,
	currentReportingYear,
	recordExport,
	streamOmbRows,
} from '#app/modules/omb-exchange/omb-export.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/omb[.]csv.ts'

/** OMB's 2025 individual use case inventory, every reported case, as CSV. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const { values } = parseOrBadRequest(ExportQuerySchema, searchParamsOf(request))
	const year = currentReportingYear()
	await recordExport(user.id, { file: 'omb.csv', year, values }, context.get(requestInfoContext))
	return csvResponse(
		streamOmbRows({ year, values, audience: 'OMB' }),
		columnsFor({ audience: 'OMB' }),
		`cms-ai-use-case-inventory-${year}${values === 'codes' ? '-codes' : ''}.csv`,
		{ bom: true },
	)
}
