import { Form, Link, useSearchParams } from 'react-router'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import {
	choiceLabel,
	highImpactChoices,
	type HighImpactDetermination,
	stageChoices,
	stages,
	useCaseStatuses,
	useCaseStatusLabels,
	type Stage,
	type UseCaseStatus,
} from '#app/modules/use-cases/vocabulary.ts'

type Row = {
	id: string
	trackingId: string
	name: string
	status: UseCaseStatus
	stage: Stage | null
	highImpactDetermination: HighImpactDetermination | null
	updatedAt: string | Date
	orgUnit: { shortName: string }
	owner: { name: string }
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeZone: 'America/New_York',
})

/** The searchable, filterable, paged table shared by "All use cases" and "My use cases". */
export function UseCaseList({
	query,
	total,
	pageCount,
	useCases,
}: {
	query: { q: string; status?: string; stage?: string; page: number }
	total: number
	pageCount: number
	useCases: Array<Row>
}) {
	const [searchParams] = useSearchParams()
	const withPage = (page: number) => {
		const next = new URLSearchParams(searchParams)
		next.set('page', String(page))
		return `?${next}`
	}
	return (
		<div className="space-y-4">
			<Form
				method="get"
				role="search"
				aria-label="Filter use cases"
				className="flex flex-wrap items-end gap-4"
			>
				<div>
					<label htmlFor="use-case-q" className="block font-semibold">
						Search name, id or problem
					</label>
					<input
						id="use-case-q"
						name="q"
						defaultValue={query.q}
						className="mt-1 border border-base-dark px-3 py-2"
					/>
				</div>
				<div>
					<label htmlFor="use-case-status" className="block font-semibold">
						Status
					</label>
					<select
						id="use-case-status"
						name="status"
						defaultValue={query.status ?? ''}
						className="mt-1 border border-base-dark px-3 py-2"
					>
						<option value="">Any status</option>
						{useCaseStatuses.map((status) => (
							<option key={status} value={status}>
								{useCaseStatusLabels[status]}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="use-case-stage" className="block font-semibold">
						Stage
					</label>
					<select
						id="use-case-stage"
						name="stage"
						defaultValue={query.stage ?? ''}
						className="mt-1 border border-base-dark px-3 py-2"
					>
						<option value="">Any stage</option>
						{stages.map((stage) => (
							<option key={stage} value={stage}>
								{stageChoices[stage].code}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white">
					Apply
				</button>
			</Form>
			<p aria-live="polite">{total === 1 ? '1 use case' : `${total} use cases`}</p>
			<TableScroll label="AI use cases">
				<table className="w-full border-collapse text-left">
					<caption className="sr-only">AI use cases</caption>
					<thead>
						<tr className="border-b-2 border-base-darkest">
							<th scope="col" className="py-2 pr-4">
								Tracking id
							</th>
							<th scope="col" className="py-2 pr-4">
								Name
							</th>
							<th scope="col" className="py-2 pr-4">
								Status
							</th>
							<th scope="col" className="py-2 pr-4">
								Stage
							</th>
							<th scope="col" className="py-2 pr-4">
								High-impact
							</th>
							<th scope="col" className="py-2 pr-4">
								Org unit
							</th>
							<th scope="col" className="py-2">
								Updated
							</th>
						</tr>
					</thead>
					<tbody>
						{useCases.map((useCase) => (
							<tr key={useCase.id} className="border-b border-base-lighter align-top">
								<td className="py-2 pr-4 font-mono">{useCase.trackingId}</td>
								<td className="py-2 pr-4">
									<Link to={`/use-cases/${useCase.id}`}>{useCase.name}</Link>
								</td>
								<td className="py-2 pr-4">{useCaseStatusLabels[useCase.status]}</td>
								<td className="py-2 pr-4">
									{useCase.stage ? choiceLabel(stageChoices[useCase.stage]).split(' – ')[0] : '—'}
								</td>
								<td className="py-2 pr-4">
									{useCase.highImpactDetermination
										? choiceLabel(highImpactChoices[useCase.highImpactDetermination])
										: 'Not determined'}
								</td>
								<td className="py-2 pr-4">{useCase.orgUnit.shortName}</td>
								<td className="py-2">{dateFormat.format(new Date(useCase.updatedAt))}</td>
							</tr>
						))}
					</tbody>
				</table>
			</TableScroll>
			<Pagination page={query.page} pageCount={pageCount} hrefFor={withPage} />
		</div>
	)
}
