import { Link } from 'react-router'
import { z } from 'zod'
import { DataTable } from '#app/components/data-table.tsx'
import { type ChartBar } from '#app/modules/dashboards/dashboard-charts.ts'
import { dataVersionOf } from '#app/modules/data-version/versioned-cache.server.ts'
import { currentDashboard } from '#app/modules/dashboards/dashboard.server.ts'
import { inventoryHref } from '#app/modules/inventory/inventory-filters.ts'
import { formatCount } from '#app/modules/inventory/inventory-labels.ts'
import { minimumPractices, reviewLaneLabels } from '#app/modules/use-cases/vocabulary.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import {
	BarCard,
	BarTable,
	ChartCard,
	HorizontalBarChart,
	ThroughputChart,
	ThroughputTable,
	TimeInStateChart,
	TimeInStateTable,
} from '#app/components/charts.tsx'
import { formatDateTime } from '#app/utils/dates.ts'
import type { Route } from './+types/index.ts'

const chartIds = [
	'stage',
	'determination',
	'component',
	'category',
	'sensitivity',
	'throughput',
	'time-in-state',
	'overdue-lanes',
] as const

const DashboardQuery = z.object({
	table: z
		.array(z.enum(chartIds, { error: `Tables exist for ${chartIds.join(', ')}.` }))
		.max(chartIds.length),
})

export const meta: Route.MetaFunction = () => [{ title: 'Dashboards · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'read:dashboard:any')
	const { table } = parseOrBadRequest(DashboardQuery, {
		table: new URL(request.url).searchParams.getAll('table'),
	})
	const dashboard = await currentDashboard(dataVersionOf(request))
	// The page shows the time to the minute; sent no finer, a repeat view within the minute is the
	// same page and is not rendered again (decision 035).
	const minute = Math.floor(Date.parse(dashboard.asOf) / 60_000) * 60_000
	return { dashboard: { ...dashboard, asOf: new Date(minute).toISOString() }, tables: table }
}

const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

function KeyFigure({
	label,
	value,
	href,
	alert,
}: {
	label: string
	value: number
	href?: string
	alert?: boolean
}) {
	const body = (
		<>
			<span className={`block text-3xl font-bold ${alert && value > 0 ? 'text-error' : ''}`}>
				{formatCount(value)}
			</span>
			<span className="block text-sm">{label}</span>
		</>
	)
	return (
		<li className="border border-base-lighter p-3">
			{href ? (
				<Link to={href} className="block no-underline">
					{body}
				</Link>
			) : (
				body
			)}
		</li>
	)
}

/** A dashboard row's case: its tracking id as the link, then its name. */
const caseCell = (item: { useCaseId: string; trackingId: string; name: string }) => (
	<>
		<Link to={`/use-cases/${item.useCaseId}`}>{item.trackingId}</Link> {item.name}
	</>
)

export default function Dashboards({ loaderData }: Route.ComponentProps) {
	const { dashboard: d } = loaderData
	const highImpact = d.byDetermination.find((bar) => bar.key === 'HIGH_IMPACT')?.count ?? 0
	const presumedPending =
		d.byDetermination.find((bar) => bar.key === 'PRESUMED_UNDETERMINED')?.count ?? 0
	const overdueLanes = d.overdueLanes.reduce((sum, lane) => sum + lane.count, 0)
	const laneBars: Array<ChartBar> = d.overdueLanes.map((lane) => ({
		key: lane.lane,
		label: reviewLaneLabels[lane.lane],
		count: lane.count,
		href: inventoryHref({ overdue: true }),
	}))
	return (
		<div className="space-y-8">
			<div>
				<h1 className="text-3xl font-bold">Dashboards</h1>
				<p className="mt-1 max-w-3xl">
					What AI CMS runs, on what data, how risky it is, and whether it is reviewed. Submitted use
					cases only (drafts are private to their authors); figures as of {formatDateTime(d.asOf)}.
					Every bar and row opens the matching view of the <Link to="/inventory">inventory</Link>.
				</p>
			</div>
			<ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Key figures">
				<KeyFigure label="use cases registered" value={d.total} href="/inventory" />
				<KeyFigure
					label="high-impact"
					value={highImpact}
					href={inventoryHref({ determination: ['HIGH_IMPACT'] })}
				/>
				<KeyFigure
					label="presumed high-impact, awaiting determination"
					value={presumedPending}
					href={inventoryHref({ determination: ['PRESUMED_UNDETERMINED'] })}
					alert
				/>
				<KeyFigure
					label="review lanes overdue"
					value={overdueLanes}
					href={inventoryHref({ overdue: true })}
					alert
				/>
				<KeyFigure
					label="high-impact cases with minimum practices late"
					value={d.practicesLateTotal}
					alert
				/>
				<KeyFigure label="waivers lapsing within 60 days" value={d.waiversExpiring.length} alert />
			</ul>

			<section aria-labelledby="inventory-heading" className="space-y-4">
				<h2 id="inventory-heading" className="text-2xl font-bold">
					The inventory
				</h2>
				<div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
					<BarCard
						id="stage"
						title="Use cases by stage"
						description="OMB’s development stages."
						bars={d.byStage}
					/>
					<BarCard
						id="determination"
						title="Use cases by high-impact determination"
						description="The CAIO office’s determination under M-25-21; undetermined cases split by whether the checks presume them high-impact (§6)."
						bars={d.byDetermination}
					/>
					<BarCard
						id="component"
						title="Use cases by CMS component"
						description="Centers and offices, each with the units below it."
						bars={d.byComponent}
					/>
					<BarCard
						id="category"
						title="Use cases by dataset category"
						description="Categories of the catalogued datasets each case touches; a case with several counts in each."
						bars={d.byDatasetCategory}
					/>
					<BarCard
						id="sensitivity"
						title="Use cases by data sensitivity"
						description="Sensitivities inherited from the datasets, strictest first; a case counts under each it touches."
						bars={d.bySensitivity}
					/>
				</div>
			</section>

			<section aria-labelledby="review-heading" className="space-y-4">
				<h2 id="review-heading" className="text-2xl font-bold">
					Review
				</h2>
				<div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
					<ChartCard
						id="throughput"
						title="Final decisions per month"
						description="The governance lead’s decisions over the last twelve months, by outcome."
						chart={<ThroughputChart titleId="chart-throughput-title" months={d.throughput} />}
						table={<ThroughputTable caption="Final decisions per month" rows={d.throughput} />}
					/>
					<ChartCard
						id="time-in-state"
						title="Median time in each state"
						description="Median days between entering a state and leaving it, over every completed stay."
						chart={<TimeInStateChart titleId="chart-time-in-state-title" states={d.timeInState} />}
						table={<TimeInStateTable caption="Median time in each state" rows={d.timeInState} />}
					/>
					<ChartCard
						id="overdue-lanes"
						title="Overdue reviews by lane"
						description="Review lanes still open after their due date."
						chart={
							laneBars.length ? (
								<HorizontalBarChart titleId="chart-overdue-lanes-title" bars={laneBars} />
							) : (
								<p>No review lane is overdue.</p>
							)
						}
						table={
							laneBars.length ? (
								<BarTable
									caption="Overdue reviews by lane"
									rows={laneBars}
									valueHeading="Open lanes past due"
								/>
							) : (
								<p>No review lane is overdue.</p>
							)
						}
					/>
					<section
						aria-labelledby="late-lanes-heading"
						className="space-y-2 border border-base-lighter p-4"
					>
						<h3 id="late-lanes-heading" className="text-lg font-bold">
							Oldest overdue lanes
						</h3>
						{d.overdueLaneCases.length === 0 ? (
							<p>None.</p>
						) : (
							<DataTable
								caption="Oldest overdue review lanes"
								dense
								className="w-full text-sm"
								rows={d.overdueLaneCases}
								rowKey={(item) => `${item.useCaseId}-${item.lane}`}
								columns={[
									{ header: 'Use case', cell: caseCell },
									{ header: 'Lane', cell: (item) => reviewLaneLabels[item.lane] },
									{ header: 'Reviewer', cell: (item) => item.assignee ?? 'Unassigned' },
									{
										header: 'Due',
										className: 'whitespace-nowrap',
										cell: (item) => date.format(new Date(item.dueOn)),
									},
								]}
							/>
						)}
					</section>
				</div>
			</section>

			<section aria-labelledby="high-impact-heading" className="space-y-4">
				<h2 id="high-impact-heading" className="text-2xl font-bold">
					High-impact governance
				</h2>
				<WorkList
					id="practices-late"
					title="High-impact cases with minimum practices late"
					note="Their latest check run against the current policy pack fails a minimum practice (M-25-21 §4(b)) or the 3 April 2026 compliance deadline (§4(a)(i))."
					shown={d.practicesLate.length}
					total={d.practicesLateTotal}
					partial={`Showing the first ${d.practicesLate.length} of ${formatCount(d.practicesLateTotal)}, by tracking id.`}
					none="None: every high-impact case in use has its practices documented, in progress before deployment, or waived."
				>
					<DataTable
						caption="High-impact cases with minimum practices late"
						label="Table of high-impact cases with minimum practices late"
						dense
						rows={d.practicesLate}
						rowKey={(item) => item.useCaseId}
						columns={[
							{ header: 'Use case', cell: caseCell },
							{
								header: 'Failing checks',
								cell: (item) => (
									<ul className="list-disc pl-5">
										{item.failing.map((title) => (
											<li key={title}>{title}</li>
										))}
									</ul>
								),
							},
						]}
					/>
				</WorkList>
				<WorkList
					id="waivers"
					title="Waivers lapsing in the next 60 days"
					note="A CAIO waiver lapses at its expiry date, or 12 months after it was granted or last re-certified (M-25-21 §4(a)(ii))."
					shown={d.waiversExpiring.length}
					total={d.waiversExpiringTotal}
					partial={`Showing the ${d.waiversExpiring.length} lapsing first of ${formatCount(d.waiversExpiringTotal)}.`}
				>
					<DataTable
						caption="Waivers lapsing in the next 60 days"
						label="Table of waivers lapsing in the next 60 days"
						dense
						rows={d.waiversExpiring}
						rowKey={(item) => `${item.useCaseId}-${item.practice}`}
						columns={[
							{ header: 'Use case', cell: caseCell },
							{
								header: 'Practice waived',
								cell: (item) => minimumPractices[item.practice].label,
							},
							{
								header: 'Lapses on',
								className: 'whitespace-nowrap',
								cell: (item) => date.format(new Date(item.validUntil)),
							},
							{
								header: 'Reported to OMB',
								className: 'whitespace-nowrap',
								cell: (item) =>
									item.reportedToOmbOn ? date.format(new Date(item.reportedToOmbOn)) : 'Not yet',
							},
						]}
					/>
				</WorkList>
				<WorkList
					id="conditions"
					title="Overdue decision conditions"
					shown={d.overdueConditions.length}
					total={d.overdueConditionsTotal}
					partial={`Showing the ${d.overdueConditions.length} longest overdue of ${formatCount(d.overdueConditionsTotal)}.`}
				>
					<DataTable
						caption="Conditions of approval past their due date"
						dense
						rows={d.overdueConditions}
						rowKey={(item) => `${item.useCaseId}-${item.text}`}
						columns={[
							{ header: 'Use case', cell: caseCell },
							{ header: 'Condition', cell: (item) => item.text },
							{ header: 'Owner', cell: (item) => item.owner },
							{
								header: 'Due',
								className: 'whitespace-nowrap',
								cell: (item) => date.format(new Date(item.dueOn)),
							},
						]}
					/>
				</WorkList>
			</section>
		</div>
	)
}

/** A list of work that is due, cut to its first rows: what it is, how much is left out, or "None". */
function WorkList({
	id,
	title,
	note,
	shown,
	total,
	partial,
	none = 'None.',
	children,
}: {
	id: string
	title: string
	note?: string
	shown: number
	total: number
	partial: string
	none?: string
	children: React.ReactNode
}) {
	return (
		<section aria-labelledby={`${id}-heading`} className="space-y-2">
			<h3 id={`${id}-heading`} className="text-lg font-bold">
				{title}
			</h3>
			{note ? <p className="text-sm text-base-darker">{note}</p> : null}
			{total > shown ? <p className="text-sm">{partial}</p> : null}
			{shown === 0 ? <p>{none}</p> : children}
		</section>
	)
}
