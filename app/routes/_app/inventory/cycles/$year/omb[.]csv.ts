import {
	CycleExportQuerySchema,
	CycleYearParams,
} from '#app/modules/reporting-cycles/cycles-schemas.ts'
import { cycleExists, streamCycleRows } from '#app/modules/reporting-cycles/cycles.server.ts'
import { columnsFor, recordExport } from '#app/modules/omb-exchange/omb-export.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { invariantResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/omb[.]csv.ts'

/** A reporting year's frozen snapshot as OMB's individual inventory CSV. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const { year } = parseOrBadRequest(CycleYearParams, params)
	const { values } = parseOrBadRequest(CycleExportQuerySchema, searchParamsOf(request))
	invariantResponse(await cycleExists(year), `The ${year} reporting year has not been opened.`)
	await recordExport(
		user.id,
		{ file: 'cycle-omb.csv', year, values, snapshot: true },
		context.get(requestInfoContext),
	)
	return csvResponse(
		streamCycleRows(year, values),
		columnsFor({ audience: 'OMB' }),
		`cms-ai-use-case-inventory-${year}-snapshot${values === 'codes' ? '-codes' : ''}.csv`,
		{ bom: true },
	)
}
