import { cotsCsvDownload } from '#app/modules/omb-exchange/export-downloads.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/cots[.]csv.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'export:inventory:any')
	return cotsCsvDownload({ actorId: user.id, request: context.get(requestInfoContext) })
}
