import { ExportQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
import { ombCsvDownload } from '#app/modules/omb-exchange/export-downloads.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/omb[.]csv.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	const query = parseOrBadRequest(ExportQuerySchema, searchParamsOf(request))
	return ombCsvDownload(query, { actorId: user.id, request: context.get(requestInfoContext) })
}
