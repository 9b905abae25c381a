import { Link, useSearchParams } from 'react-router'
import { z } from 'zod'
import { DataTable } from '#app/components/data-table.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { getUseCaseForUser } from '#app/modules/use-cases/use-cases.server.ts'
import { ACTIVITY_PAGE_SIZE, activityOf } from '#app/modules/workflow/review-queries.server.ts'
import { describeActivity } from '#app/modules/workflow/activity-wording.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { idParams, pageNumber } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import type { Route } from './+types/activity.ts'

const Params = idParams('useCaseId')
const Query = z.object({ page: pageNumber() })

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `Activity · ${loaderData?.useCase.trackingId ?? ''} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const { page } = parseOrBadRequest(Query, searchParamsOf(request))
	const useCase = await getUseCaseForUser(user, useCaseId).catch(throwAsResponse)
	const { total, events } = await activityOf(useCase.id, page)
	return {
		useCase: { id: useCase.id, trackingId: useCase.trackingId, name: useCase.name },
		page,
		pageCount: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
		events: events.map((event) => ({
			id: event.id,
			createdAt: event.createdAt,
			actor: event.actor?.name ?? 'The tracker',
			...describeActivity(event),
		})),
	}
}

export default function Activity({ loaderData }: Route.ComponentProps) {
	const { useCase, events, page, pageCount } = loaderData
	const [searchParams] = useSearchParams()
	const hrefFor = (next: number) => {
		const params = new URLSearchParams(searchParams)
		params.set('page', String(next))
		return `?${params}`
	}
	return (
		<div className="max-w-5xl space-y-6">
			<p>
				<Link to={`/use-cases/${useCase.id}`}>Back to {useCase.trackingId}</Link>
			</p>
			<h1 className="text-3xl font-bold">Activity: {useCase.name}</h1>
			<p>
				Every step on this use case, from the append-only audit trail: who did what, and when
				(Eastern time).
			</p>
			<DataTable
				caption={`Activity on ${useCase.trackingId}, oldest first`}
				rows={events}
				rowKey={(event) => event.id}
				columns={[
					{
						header: 'When',
						className: 'whitespace-nowrap',
						cell: (event) => formatDateTime(event.createdAt, { seconds: true }),
					},
					{ header: 'Who', cell: (event) => event.actor },
					{ header: 'What', rowHeader: true, cell: (event) => event.summary },
					{ header: 'Details', className: 'text-sm', cell: (event) => event.details },
				]}
			/>
			<Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
		</div>
	)
}
