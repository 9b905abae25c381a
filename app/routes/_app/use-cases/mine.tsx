import { Link, useSearchParams } from 'react-router'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import { UseCaseListQuerySchema } from '#app/modules/use-cases/schemas.ts'
import { listUseCases, USE_CASES_PAGE_SIZE } from '#app/modules/use-cases/use-cases.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { UseCaseList } from './+use-case-list.tsx'
import type { Route } from './+types/mine.ts'

export const meta: Route.MetaFunction = () => [{ title: 'My use cases · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'create:use-case:own')
	const query = parseOrBadRequest(UseCaseListQuerySchema, searchParamsOf(request))
	const result = await listUseCases(user, { ...query, mine: true })
	return { query, ...result, pageCount: Math.max(1, Math.ceil(result.total / USE_CASES_PAGE_SIZE)) }
}

export default function MyUseCases({ loaderData }: Route.ComponentProps) {
	// After deleting a draft: its tracking id and name, shown as text.
	const deleted = useSearchParams()[0].get('deleted')?.slice(0, 300)
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl font-bold">My use cases</h1>
				<Link
					to="/use-cases/new"
					className="rounded bg-primary px-4 py-2 font-bold text-white no-underline hover:bg-primary-dark hover:text-white"
				>
					Register a use case
				</Link>
			</div>
			{deleted ? <SuccessAlert>The draft {deleted} is deleted.</SuccessAlert> : null}
			<p>Use cases you registered, own, or are listed on.</p>
			<UseCaseList {...loaderData} />
		</div>
	)
}
