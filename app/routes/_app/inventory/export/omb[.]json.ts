import { ExportQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
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
import type { Route } from './+types/omb[.]json.ts'

/** The same inventory as JSON: OMB's columns as keys, select-multiple answers as arrays. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const { values } = parseOrBadRequest(ExportQuerySchema, searchParamsOf(request))
	const year = currentReportingYear()
	await recordExport(user.id, { file: 'omb.json', year, values }, context.get(requestInfoContext))
	return jsonResponse(
		{
			format: 'OMB 2025 individual AI use case inventory',
			...cmsAgency,
			year,
			values,
			generatedAt: new Date().toISOString(),
		},
		jsonRecords(streamOmbRows({ year, values, audience: 'OMB' }), values),
		`cms-ai-use-case-inventory-${year}.json`,
	)
}
