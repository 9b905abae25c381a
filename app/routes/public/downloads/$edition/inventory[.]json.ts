import { ExportQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
import {
	downloadEdition,
	EditionParamsSchema,
	publicJsonDownload,
} from '#app/modules/public-site/public-downloads.server.ts'
import { publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import type { Route } from './+types/inventory[.]json.ts'

/** The public inventory file as JSON: the current one, or a certified year's. `?values=codes` for OMB's shorthand codes. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { edition } = parseOrBadRequest(EditionParamsSchema, params)
	const { values } = parseOrBadRequest(ExportQuerySchema, searchParamsOf(request))
	const snapshot = await publicSnapshotOf(context)
	return publicJsonDownload(await downloadEdition(edition).catch(throwAsResponse), snapshot, values)
}
