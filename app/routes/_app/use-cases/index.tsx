import { Link } from 'react-router'
import { useRootData } from '#app/root.tsx'
import { UseCaseListQuerySchema } from '#app/modules/use-cases/schemas.ts'
import { listUseCases, USE_CASES_PAGE_SIZE } from '#app/modules/use-cases/use-cases.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { UseCaseList } from './+use-case-list.tsx'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'AI use cases · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const query = parseOrBadRequest(UseCaseListQuerySchema, searchParamsOf(request))
	const result = await listUseCases(user, query)
	return { query, ...result, pageCount: Math.max(1, Math.ceil(result.total / USE_CASES_PAGE_SIZE)) }
}

export default function AllUseCases({ loaderData }: Route.ComponentProps) {
	const user = useRootData()?.user
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl font-bold">AI use cases</h1>
				{user?.permissions.includes('create:use-case:own') ? (
					<Link
						to="/use-cases/new"
						className="rounded bg-primary px-4 py-2 font-bold text-white no-underline hover:bg-primary-dark hover:text-white"
					>
						Register a use case
					</Link>
				) : null}
			</div>
			<p>Every submitted use case at CMS, and your own drafts.</p>
			<UseCaseList {...loaderData} />
		</div>
	)
}
