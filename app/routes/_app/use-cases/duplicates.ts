import { DuplicateQuerySchema } from '#app/modules/use-cases/schemas.ts'
import { findDuplicatesFor } from '#app/modules/use-cases/use-cases.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/duplicates.ts'

/** Likely duplicates of what is being typed, for the intake form's live suggestions. */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const query = parseOrBadRequest(DuplicateQuerySchema, searchParamsOf(request))
	if (query.name.length < 4 && query.problem.length < 10) return { matches: [] }
	const matches = await findDuplicatesFor(user, {
		name: query.name,
		problemSolved: query.problem,
		excludeId: query.exclude,
	})
	return { matches }
}
