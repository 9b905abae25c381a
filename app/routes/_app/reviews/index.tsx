import { Form, Link, useSearchParams } from 'react-router'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { StatusTag } from '#app/components/status-tag.tsx'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { formatDay } from '#app/utils/dates.ts'
import { reviewQueue } from '#app/modules/workflow/review-queries.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { type ReviewLaneName, reviewLaneLabels } from '#app/utils/permissions.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Review queue · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:review-queue:own')
	return reviewQueue(user)
}

const day = (value: Date | string | null) => (value ? formatDay(value) : '—')
const laneName = (lane: ReviewLaneName) => reviewLaneLabels[lane].split(' (')[0]

type QueueLane = Awaited<ReturnType<typeof reviewQueue>>['claimable'][number] & {
	overdue?: boolean
}

function LaneTable({
	caption,
	lanes,
	claim,
}: {
	caption: string
	lanes: Array<QueueLane>
	claim?: boolean
}) {
	return (
		<TableScroll label={caption}>
			<table className="w-full border-collapse text-left">
				<caption className="sr-only">{caption}</caption>
				<thead>
					<tr className="border-b-2 border-base-darkest">
						<th scope="col" className="py-2 pr-3">
							Use case
						</th>
						<th scope="col" className="py-2 pr-3">
							Lane
						</th>
						<th scope="col" className="py-2 pr-3">
							Office
						</th>
						<th scope="col" className="py-2 pr-3">
							{claim ? 'Case status' : 'Due'}
						</th>
						<th scope="col" className="py-2">
							Action
						</th>
					</tr>
				</thead>
				<tbody>
					{lanes.map((lane) => (
						<tr key={lane.id} className="border-b border-base-lighter align-top">
							<th scope="row" className="py-2 pr-3 font-normal">
								<Link to={`/use-cases/${lane.useCase.id}`}>
									{lane.useCase.trackingId} {lane.useCase.name}
								</Link>
							</th>
							<td className="py-2 pr-3">{laneName(lane.lane)}</td>
							<td className="py-2 pr-3">{lane.useCase.orgUnit.shortName}</td>
							<td className="py-2 pr-3">
								{claim ? <StatusTag status={lane.useCase.status} /> : day(lane.dueOn)}
								{lane.overdue ? <strong className="ml-1 text-error">overdue</strong> : null}
							</td>
							<td className="py-2">
								{claim ? (
									<Form method="post" action={`/use-cases/${lane.useCase.id}`}>
										<CsrfInput />
										<input type="hidden" name="intent" value="claim" />
										<input type="hidden" name="laneReviewId" value={lane.id} />
										<input type="hidden" name="revision" value={lane.revision} />
										<input type="hidden" name="returnTo" value="/reviews" />
										<Button variant="secondary" className="px-3 py-1">
											Claim {laneName(lane.lane)} on {lane.useCase.trackingId}
										</Button>
									</Form>
								) : lane.useCase.status === 'IN_REVIEW' ? (
									<Link to={`/use-cases/${lane.useCase.id}/lanes/${lane.id}`}>
										Review {laneName(lane.lane)} on {lane.useCase.trackingId}
									</Link>
								) : (
									'Waiting for the submitters'
								)}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</TableScroll>
	)
}

export default function ReviewQueue({ loaderData }: Route.ComponentProps) {
	const { assigned, claimable, overdueCount } = loaderData
	const [searchParams] = useSearchParams()
	const claimed = searchParams.get('claimed')
	return (
		<div className="space-y-8">
			<h1 className="text-3xl font-bold">Review queue</h1>
			{claimed ? (
				<SuccessAlert>You claimed {claimed}. It is now in “Assigned to me”.</SuccessAlert>
			) : null}
			<section aria-labelledby="mine-heading" className="space-y-3">
				<h2 id="mine-heading" className="text-2xl font-bold">
					Assigned to me ({assigned.length}
					{overdueCount ? `, ${overdueCount} overdue` : ''})
				</h2>
				{assigned.length ? (
					<LaneTable caption="Lanes assigned to me, soonest due first" lanes={assigned} />
				) : (
					<p>Nothing is assigned to you.</p>
				)}
			</section>
			<section aria-labelledby="claimable-heading" className="space-y-3">
				<h2 id="claimable-heading" className="text-2xl font-bold">
					Unassigned in my lanes ({claimable.length})
				</h2>
				<p>Lanes you hold that nobody has taken yet, on cases you are not listed on.</p>
				{claimable.length ? (
					<LaneTable caption="Unassigned lanes I can claim" lanes={claimable} claim />
				) : (
					<p>No lane is waiting.</p>
				)}
			</section>
		</div>
	)
}
