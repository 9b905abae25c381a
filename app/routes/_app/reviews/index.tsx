import { Form, Link, useSearchParams } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { StatusTag } from '#app/components/status-tag.tsx'
import { formatDay } from '#app/utils/dates.ts'
import { reviewQueue } from '#app/modules/workflow/review-queries.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels } from '#app/utils/permissions.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Review queue · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:review-queue:own')
	return reviewQueue(user)
}

const day = (value: Date | string | null) => (value ? formatDay(value) : '—')

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
		<DataTable
			caption={caption}
			rows={lanes}
			rowKey={(lane) => lane.id}
			columns={[
				{
					header: 'Use case',
					rowHeader: true,
					cell: (lane) => (
						<Link to={`/use-cases/${lane.useCase.id}`}>
							{lane.useCase.trackingId} {lane.useCase.name}
						</Link>
					),
				},
				{ header: 'Lane', cell: (lane) => reviewLaneLabels[lane.lane] },
				{ header: 'Office', cell: (lane) => lane.useCase.orgUnit.shortName },
				{
					header: claim ? 'Case status' : 'Due',
					cell: (lane) => (
						<>
							{claim ? <StatusTag status={lane.useCase.status} /> : day(lane.dueOn)}
							{lane.overdue ? <strong className="ml-1 text-error">overdue</strong> : null}
						</>
					),
				},
				{
					header: 'Action',
					pinned: true,
					cell: (lane) =>
						claim ? (
							<Form method="post" action={`/use-cases/${lane.useCase.id}`}>
								<CsrfInput />
								<input type="hidden" name="intent" value="claim" />
								<input type="hidden" name="laneReviewId" value={lane.id} />
								<input type="hidden" name="revision" value={lane.revision} />
								<input type="hidden" name="returnTo" value="/reviews" />
								<Button variant="secondary" className="px-3 py-1">
									Claim {reviewLaneLabels[lane.lane]} on {lane.useCase.trackingId}
								</Button>
							</Form>
						) : lane.useCase.status === 'IN_REVIEW' ? (
							<Link to={`/use-cases/${lane.useCase.id}/lanes/${lane.id}`}>
								Review {reviewLaneLabels[lane.lane]} on {lane.useCase.trackingId}
							</Link>
						) : (
							'Waiting for the submitters'
						),
				},
			]}
		/>
	)
}

export default function ReviewQueue({ loaderData }: Route.ComponentProps) {
	const { assigned, noLongerMine, claimable, overdueCount } = loaderData
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
				{noLongerMine.length ? (
					<div className="border-l-4 border-warning-dark bg-warning-lighter p-3">
						<p className="font-semibold">
							You are now listed on{' '}
							{noLongerMine.length === 1 ? 'a case' : `${noLongerMine.length} cases`} whose lane was
							assigned to you, so you can no longer review{' '}
							{noLongerMine.length === 1 ? 'it' : 'them'}; the governance lead reassigns{' '}
							{noLongerMine.length === 1 ? 'it' : 'them'}:
						</p>
						<ul className="mt-1 list-disc pl-6">
							{noLongerMine.map((lane) => (
								<li key={lane.id}>
									<Link to={`/use-cases/${lane.useCase.id}`}>
										{lane.useCase.trackingId} {lane.useCase.name}
									</Link>{' '}
									({reviewLaneLabels[lane.lane]})
								</li>
							))}
						</ul>
					</div>
				) : null}
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
