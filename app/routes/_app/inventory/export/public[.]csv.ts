import { PublicExportQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
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
import type { Route } from './+types/public[.]csv.ts'

/** The public inventory for cms.gov/ai: withheld cases removed, protected details blanked, the public inbox as contact. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const query = parseOrBadRequest(PublicExportQuerySchema, searchParamsOf(request))
	const year = currentReportingYear()
	const includeIds = query.ids === 'include'
	await recordExport(
		user.id,
		{ file: 'public.csv', year, values: query.values, includeIds, publicEmail: query.inbox },
		context.get(requestInfoContext),
	)
	return csvResponse(
		streamOmbRows({
			year,
			values: query.values,
			audience: 'PUBLIC',
			publicEmail: query.inbox,
			includeIds,
		}),
		columnsFor({ audience: 'PUBLIC', includeIds }),
		`cms-ai-use-case-inventory-${year}-public.csv`,
		{ bom: true },
	)
}
