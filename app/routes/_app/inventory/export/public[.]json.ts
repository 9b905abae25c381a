import { PublicExportQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
import { cmsAgency } from '#app/modules/omb-exchange/omb-export.ts'
import {
	currentReportingYear,
	jsonRecords,
	jsonResponse,
	recordExport,
	streamOmbRows,
} from '#app/modules/omb-exchange/omb-export.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/public[.]json.ts'

/** The public inventory as JSON. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const query = parseOrBadRequest(PublicExportQuerySchema, searchParamsOf(request))
	const year = currentReportingYear()
	const includeIds = query.ids === 'include'
	await recordExport(
		user.id,
		{ file: 'public.json', year, values: query.values, includeIds, publicEmail: query.inbox },
		context.get(requestInfoContext),
	)
	return jsonResponse(
		{
			format: 'OMB 2025 individual AI use case inventory, public version',
			...cmsAgency,
			year,
			values: query.values,
			generatedAt: new Date().toISOString(),
		},
		jsonRecords(
			streamOmbRows({
				year,
				values: query.values,
				audience: 'PUBLIC',
				publicEmail: query.inbox,
				includeIds,
			}),
			query.values,
		),
		`cms-ai-use-case-inventory-${year}-public.json`,
	)
}
