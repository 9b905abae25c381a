// Charts drawn with visx primitives (scales, bars, groups) as plain SVG, so they render on the
// server exactly as in the browser (docs/decisions/008-charting-library.md). Every bar is a link to
// the inventory view it counts; every chart has a table view with the same numbers.
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { type DataColumn, DataTable } from '#app/components/data-table.tsx'
import {
	type ChartBar,
	decisionOutcomes,
	type MonthOfDecisions,
	type TimeInState,
} from '#app/modules/dashboards/dashboard-charts.ts'
import { inventoryHref } from '#app/modules/inventory/inventory-filters.ts'
import { formatCount, formatDays } from '#app/modules/inventory/inventory-labels.ts'

const WIDTH = 640
const LABEL_WIDTH = 230
const ROW = 30

function truncate(text: string, max = 32) {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** An SVG link that navigates in the app when JavaScript runs, and as a normal link when it does not. */
function ChartLink({
	href,
	label,
	children,
}: {
	href: string
	label: string
	children: React.ReactNode
}) {
	const navigate = useNavigate()
	return (
		<a
			href={href}
			aria-label={label}
			className="chart-link"
			onClick={(event) => {
				if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
				event.preventDefault()
				void navigate(href)
			}}
		>
			{children}
		</a>
	)
}

const countLabel = (n: number) => (n === 1 ? '1 use case' : `${formatCount(n)} use cases`)

/** Horizontal bars with their labels and values written on the chart (no legend to decode). */
export function HorizontalBarChart({
	titleId,
	bars,
	value = (bar) => bar.count,
	valueText = (bar) => formatCount(bar.count),
	linkLabel = (bar) => `${bar.label}: ${countLabel(bar.count)}. Open them in the inventory.`,
}: {
	titleId: string
	bars: ReadonlyArray<ChartBar>
	value?: (bar: ChartBar) => number
	valueText?: (bar: ChartBar) => string
	linkLabel?: (bar: ChartBar) => string
}) {
	const height = bars.length * ROW + 8
	const max = Math.max(1, ...bars.map(value))
	const x = scaleLinear({ domain: [0, max], range: [0, WIDTH - LABEL_WIDTH - 70] })
	const y = scaleBand({
		domain: bars.map((bar) => bar.key),
		range: [0, bars.length * ROW],
		padding: 0.25,
	})
	return (
		<svg
			viewBox={`0 0 ${WIDTH} ${height}`}
			width="100%"
			role="group"
			aria-labelledby={titleId}
			className="max-w-2xl overflow-visible"
		>
			<Group top={4} left={LABEL_WIDTH}>
				{bars.map((bar) => {
					const top = y(bar.key) ?? 0
					const middle = top + y.bandwidth() / 2
					return (
						<ChartLink key={bar.key} href={bar.href} label={linkLabel(bar)}>
							<rect
								x={-LABEL_WIDTH}
								y={top - 2}
								width={WIDTH}
								height={y.bandwidth() + 4}
								className="fill-transparent"
							/>
							<text
								x={-10}
								y={middle}
								dy="0.35em"
								textAnchor="end"
								className="fill-base-darkest text-[13px]"
								aria-hidden="true"
							>
								{truncate(bar.label)}
							</text>
							<Bar
								x={0}
								y={top}
								width={Math.max(value(bar) > 0 ? 2 : 0, x(value(bar)))}
								height={y.bandwidth()}
								className="fill-primary"
							/>
							<text
								x={x(value(bar)) + 6}
								y={middle}
								dy="0.35em"
								className="fill-base-darkest text-[13px] font-bold"
								aria-hidden="true"
							>
								{valueText(bar)}
							</text>
						</ChartLink>
					)
				})}
			</Group>
		</svg>
	)
}

type FiguresOf<Row> = { caption: string; rows: ReadonlyArray<Row> }

/** A chart's figures as a compact table beside it, for people who read numbers, not bars. */
function FiguresTable<Row>(
	table: FiguresOf<Row> & {
		rowKey: (row: Row) => string
		columns: ReadonlyArray<DataColumn<Row>>
	},
) {
	return <DataTable {...table} dense className="w-full max-w-2xl" />
}

export function BarTable({
	caption,
	rows,
	valueHeading = 'Use cases',
}: FiguresOf<ChartBar> & { valueHeading?: string }) {
	return (
		<FiguresTable
			caption={caption}
			rows={rows}
			rowKey={(bar) => bar.key}
			columns={[
				{
					header: 'Value',
					rowHeader: true,
					cell: (bar) => <Link to={bar.href}>{bar.label}</Link>,
				},
				{
					header: valueHeading,
					className: 'text-right tabular-nums',
					cell: (bar) => formatCount(bar.count),
				},
			]}
		/>
	)
}

const outcomeStyles = {
	APPROVED: { label: 'Approved', className: 'fill-primary', swatch: 'bg-primary' },
	APPROVED_WITH_CONDITIONS: {
		label: 'Approved with conditions',
		className: 'fill-warning-dark',
		swatch: 'bg-warning-dark',
	},
	REJECTED: { label: 'Rejected', className: 'fill-error', swatch: 'bg-error' },
} as const

/** Final decisions per month, stacked by outcome, with each month's total above its column. */
export function ThroughputChart({
	titleId,
	months,
}: {
	titleId: string
	months: ReadonlyArray<MonthOfDecisions>
}) {
	const height = 240
	const bottom = 40
	const x = scaleBand({ domain: months.map((m) => m.month), range: [0, WIDTH - 20], padding: 0.3 })
	const y = scaleLinear({
		domain: [0, Math.max(1, ...months.map((m) => m.total))],
		range: [height - bottom, 20],
	})
	return (
		<div className="space-y-2">
			<svg
				viewBox={`0 0 ${WIDTH} ${height}`}
				width="100%"
				role="img"
				aria-labelledby={titleId}
				className="max-w-2xl"
			>
				<Group left={10}>
					<line
						x1={0}
						x2={WIDTH - 20}
						y1={height - bottom}
						y2={height - bottom}
						className="stroke-base-dark"
					/>
					{months.map((month) => {
						let base = height - bottom
						const left = x(month.month) ?? 0
						return (
							<g key={month.month}>
								{decisionOutcomes.map((outcome) => {
									const count = month[outcome]
									if (count === 0) return null
									const top = y(count) - (height - bottom)
									base += top
									return (
										<Bar
											key={outcome}
											x={left}
											y={base}
											width={x.bandwidth()}
											height={-top}
											className={outcomeStyles[outcome].className}
										/>
									)
								})}
								{month.total > 0 ? (
									<text
										x={left + x.bandwidth() / 2}
										y={base - 6}
										textAnchor="middle"
										className="fill-base-darkest text-[12px] font-bold"
									>
										{month.total}
									</text>
								) : null}
								<text
									x={left + x.bandwidth() / 2}
									y={height - bottom + 16}
									textAnchor="middle"
									className="fill-base-darkest text-[11px]"
								>
									{month.label.split(' ')[0]}
								</text>
								{month.month.endsWith('-01') || month === months[0] ? (
									<text
										x={left + x.bandwidth() / 2}
										y={height - bottom + 30}
										textAnchor="middle"
										className="fill-base-dark text-[11px]"
									>
										{month.month.slice(0, 4)}
									</text>
								) : null}
							</g>
						)
					})}
				</Group>
			</svg>
			<ul className="flex flex-wrap gap-4 text-sm" aria-label="Outcomes">
				{decisionOutcomes.map((outcome) => (
					<li key={outcome} className="flex items-center gap-1">
						<span
							aria-hidden="true"
							className={`inline-block size-3 ${outcomeStyles[outcome].swatch}`}
						/>
						<Link to={inventoryHref({ status: [outcome] })}>{outcomeStyles[outcome].label}</Link>
					</li>
				))}
			</ul>
		</div>
	)
}

export function ThroughputTable({ caption, rows }: FiguresOf<MonthOfDecisions>) {
	return (
		<FiguresTable
			caption={caption}
			rows={rows}
			rowKey={(month) => month.month}
			columns={[
				{ header: 'Month', rowHeader: true, cell: (month) => month.label },
				...decisionOutcomes.map((outcome) => ({
					header: (
						<Link to={inventoryHref({ status: [outcome] })}>{outcomeStyles[outcome].label}</Link>
					),
					className: 'text-right tabular-nums',
					cell: (month: MonthOfDecisions) => month[outcome],
				})),
				{
					header: 'Total',
					className: 'text-right font-bold tabular-nums',
					cell: (month) => month.total,
				},
			]}
		/>
	)
}

function timeInStateAsBars(
	states: ReadonlyArray<TimeInState>,
): Array<ChartBar & { stays: number; medianDays: number }> {
	return states.map((state) => ({
		key: state.status,
		label: state.label,
		count: state.stays,
		href: state.href,
		stays: state.stays,
		medianDays: state.medianDays,
	}))
}

const days = formatDays

export function TimeInStateChart({
	titleId,
	states,
}: {
	titleId: string
	states: ReadonlyArray<TimeInState>
}) {
	const bars = timeInStateAsBars(states)
	const median = new Map(states.map((s) => [s.status as string, s]))
	return (
		<HorizontalBarChart
			titleId={titleId}
			bars={bars}
			value={(bar) => median.get(bar.key)?.medianDays ?? 0}
			valueText={(bar) => days(median.get(bar.key)?.medianDays ?? 0)}
			linkLabel={(bar) =>
				`${bar.label}: median ${days(median.get(bar.key)?.medianDays ?? 0)} over ${bar.count} stays. Open the cases now ${bar.label.toLowerCase()} in the inventory.`
			}
		/>
	)
}

export function TimeInStateTable({ caption, rows }: FiguresOf<TimeInState>) {
	return (
		<FiguresTable
			caption={caption}
			rows={rows}
			rowKey={(state) => state.status}
			columns={[
				{
					header: 'State',
					rowHeader: true,
					cell: (state) => <Link to={state.href}>{state.label}</Link>,
				},
				{
					header: 'Median time in it',
					className: 'text-right tabular-nums',
					cell: (state) => days(state.medianDays),
				},
				{
					header: 'Completed stays',
					className: 'text-right tabular-nums',
					cell: (state) => state.stays,
				},
			]}
		/>
	)
}

/** A chart and its table view; the choice lives in the address (`?table=stage`), so it works without JavaScript. */
export function ChartCard({
	id,
	title,
	description,
	chart,
	table,
}: {
	id: string
	title: string
	description: string
	chart: React.ReactNode
	table: React.ReactNode
}) {
	const [searchParams] = useSearchParams()
	const shown = searchParams.getAll('table')
	const asTable = shown.includes(id)
	const next = new URLSearchParams(searchParams)
	next.delete('table')
	for (const other of asTable ? shown.filter((t) => t !== id) : [...shown, id])
		next.append('table', other)
	const titleId = `chart-${id}-title`
	return (
		<section
			id={`chart-${id}`}
			aria-labelledby={titleId}
			className="space-y-3 border border-base-lighter p-4"
		>
			<div className="flex flex-wrap items-start justify-between gap-2">
				<div>
					<h3 id={titleId} className="text-lg font-bold">
						{title}
					</h3>
					<p className="text-sm text-base-darker">{description}</p>
				</div>
				<Link
					to={`?${next}#chart-${id}`}
					preventScrollReset
					aria-label={`${asTable ? 'Show as chart' : 'Show as table'}: ${title}`}
					className="text-sm font-semibold whitespace-nowrap"
				>
					{asTable ? 'Show as chart' : 'Show as table'}
				</Link>
			</div>
			{asTable ? table : chart}
		</section>
	)
}

export function BarCard({
	id,
	title,
	description,
	bars,
}: {
	id: string
	title: string
	description: string
	bars: Array<ChartBar>
}) {
	return (
		<ChartCard
			id={id}
			title={title}
			description={description}
			chart={<HorizontalBarChart titleId={`chart-${id}-title`} bars={bars} />}
			table={<BarTable caption={title} rows={bars} />}
		/>
	)
}
