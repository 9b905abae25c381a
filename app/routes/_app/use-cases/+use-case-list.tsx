import { Link, useSearchParams } from 'react-router'
import { FilterField, FilterForm, optionsOf } from '#app/components/filter-field.tsx'
import { DataTable } from '#app/components/data-table.tsx'
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
import { formatMomentDay } from '#app/utils/dates.ts'

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
			<FilterForm label="Filter use cases" total={total} noun={['use case', 'use cases']}>
				<FilterField
					id="use-case-q"
					name="q"
					label="Search name, id or problem"
					defaultValue={query.q}
				/>
				<FilterField
					id="use-case-status"
					name="status"
					label="Status"
					defaultValue={query.status ?? ''}
					anyLabel="Any status"
					options={optionsOf(useCaseStatuses, (status) => useCaseStatusLabels[status])}
				/>
				<FilterField
					id="use-case-stage"
					name="stage"
					label="Stage"
					defaultValue={query.stage ?? ''}
					anyLabel="Any stage"
					options={optionsOf(stages, (stage) => stageChoices[stage].code)}
				/>
			</FilterForm>
			<DataTable
				caption="AI use cases"
				rows={useCases}
				rowKey={(useCase) => useCase.id}
				columns={[
					{ header: 'Tracking id', className: 'font-mono', cell: (useCase) => useCase.trackingId },
					{
						header: 'Name',
						cell: (useCase) => <Link to={`/use-cases/${useCase.id}`}>{useCase.name}</Link>,
					},
					{ header: 'Status', cell: (useCase) => useCaseStatusLabels[useCase.status] },
					{
						header: 'Stage',
						cell: (useCase) =>
							useCase.stage ? choiceLabel(stageChoices[useCase.stage]).split(' – ')[0] : '—',
					},
					{
						header: 'High-impact',
						cell: (useCase) =>
							useCase.highImpactDetermination
								? choiceLabel(highImpactChoices[useCase.highImpactDetermination])
								: 'Not determined',
					},
					{ header: 'Org unit', cell: (useCase) => useCase.orgUnit.shortName },
					{ header: 'Updated', cell: (useCase) => formatMomentDay(useCase.updatedAt) },
				]}
			/>
			<Pagination page={query.page} pageCount={pageCount} hrefFor={withPage} />
		</div>
	)
}
