import { Link } from 'react-router'
import { governanceDesk } from '#app/modules/workflow/review-queries.server.ts'
import { minimumPractices } from '#app/modules/use-cases/vocabulary.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { formatDay } from '#app/utils/dates.ts'
import { reviewLaneLabels } from '#app/utils/permissions.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Governance desk · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'assign:review:any')
	return governanceDesk()
}

const day = (value: Date | string | null) => (value ? formatDay(value) : '—')

function Panel({
	id,
	title,
	count,
	shown,
	children,
}: {
	id: string
	title: string
	count: number
	shown?: number
	children: React.ReactNode
}) {
	return (
		<section aria-labelledby={`${id}-heading`} className="space-y-2 border border-base-lighter p-4">
			<h2 id={`${id}-heading`} className="text-xl font-bold">
				{title} ({count.toLocaleString('en-US')})
			</h2>
			{shown !== undefined && shown < count ? (
				<p className="text-sm">The {shown} oldest are listed.</p>
			) : null}
			{count === 0 ? <p>Nothing here.</p> : <ul className="space-y-1">{children}</ul>}
		</section>
	)
}

function CaseLink({ useCase }: { useCase: { id: string; trackingId: string; name: string } }) {
	return (
		<Link to={`/use-cases/${useCase.id}`}>
			{useCase.trackingId} {useCase.name}
		</Link>
	)
}

export default function GovernanceDesk({ loaderData }: Route.ComponentProps) {
	const {
		awaitingAssignment,
		awaitingDecision,
		reReviewsDue,
		conditions,
		waivers,
		pilots,
		overdueLanes,
		totals,
	} = loaderData
	return (
		<div className="space-y-6">
			<h1 className="text-3xl font-bold">Governance desk</h1>
			<p>What waits on the Chief AI Officer’s office, most urgent first.</p>
			<div className="grid gap-4 lg:grid-cols-2">
				<Panel
					id="assign"
					title="Lanes to assign"
					count={totals.awaitingAssignment}
					shown={awaitingAssignment.length}
				>
					{awaitingAssignment.map((useCase) => (
						<li key={useCase.id}>
							<CaseLink useCase={useCase} /> —{' '}
							{useCase.laneReviews
								.filter((lane) => lane.round === useCase.reviewRound)
								.map((lane) => reviewLaneLabels[lane.lane])
								.join(', ')}{' '}
							· <Link to={`/use-cases/${useCase.id}/assign`}>assign</Link>
						</li>
					))}
				</Panel>
				<Panel
					id="decide"
					title="Ready for a decision"
					count={totals.awaitingDecision}
					shown={awaitingDecision.length}
				>
					{awaitingDecision.map((useCase) => (
						<li key={useCase.id}>
							<CaseLink useCase={useCase} /> ·{' '}
							<Link to={`/use-cases/${useCase.id}/decide`}>decide</Link>
						</li>
					))}
				</Panel>
				<Panel
					id="overdue-lanes"
					title="Overdue review lanes"
					count={totals.overdueLanes}
					shown={overdueLanes.length}
				>
					{overdueLanes.map((lane) => (
						<li key={lane.id}>
							<CaseLink useCase={lane.useCase} /> — {reviewLaneLabels[lane.lane]},{' '}
							{lane.assignee?.name ?? 'unassigned'}, due {day(lane.dueOn)}
						</li>
					))}
				</Panel>
				<Panel
					id="re-reviews"
					title="Re-reviews due within 30 days"
					count={totals.reReviewsDue}
					shown={reReviewsDue.length}
				>
					{reReviewsDue.map((useCase) => (
						<li key={useCase.id}>
							<CaseLink useCase={useCase} /> — due {day(useCase.nextReviewDue)}
							{useCase.overdue ? <strong className="ml-1 text-error">overdue</strong> : null}
						</li>
					))}
				</Panel>
				<Panel
					id="conditions"
					title="Open conditions"
					count={totals.conditions}
					shown={conditions.length}
				>
					{conditions.map((condition) => (
						<li key={condition.id}>
							<CaseLink useCase={condition.useCase} /> — {condition.text} ({condition.owner.name},
							due {day(condition.dueOn)})
							{condition.overdue ? <strong className="ml-1 text-error">overdue</strong> : null}
						</li>
					))}
				</Panel>
				<Panel id="waivers" title="Waivers to report, re-certify or renew" count={waivers.length}>
					{waivers.map((waiver) => (
						<li key={waiver.id}>
							<CaseLink useCase={waiver.useCase} /> — {minimumPractices[waiver.practice].label}:{' '}
							{waiver.ombOverdue ? (
								<strong className="text-error">
									OMB report overdue since {day(waiver.ombDue)}
								</strong>
							) : waiver.ombDueSoon ? (
								`report to OMB by ${day(waiver.ombDue)}`
							) : waiver.lapsed ? (
								<strong className="text-error">lapsed {day(waiver.lapses)}</strong>
							) : (
								`lapses ${day(waiver.lapses)}`
							)}
							{' · '}
							<Link to={`/use-cases/${waiver.useCase.id}/governance`}>manage</Link>
						</li>
					))}
				</Panel>
				<Panel id="pilots" title="Pilot certifications ending within 30 days" count={pilots.length}>
					{pilots.map((pilot) => (
						<li key={pilot.id}>
							<CaseLink useCase={pilot.useCase} /> — ends {day(pilot.endsOn)} ({pilot.scaleLimit})
							{pilot.ended ? <strong className="ml-1 text-error">ended</strong> : null}
						</li>
					))}
				</Panel>
			</div>
		</div>
	)
}
