import { ExportQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
import {
	currentReportingYear,
	problemColumns,
	recordExport,
	streamProblemRows,
} from '#app/modules/omb-exchange/omb-export.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/problems[.]csv.ts'

/** Every problem the export page lists, as a CSV to work through. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const { values } = parseOrBadRequest(ExportQuerySchema, searchParamsOf(request))
	const year = currentReportingYear()
	await recordExport(
		user.id,
		{ file: 'problems.csv', year, values },
		context.get(requestInfoContext),
	)
	return csvResponse(
		streamProblemRows({ year, values }),
		problemColumns,
		`cms-ai-inventory-${year}-problems.csv`,
		{ bom: true },
	)
}
