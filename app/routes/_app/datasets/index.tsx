import { Link } from 'react-router'
import { FilterField, FilterForm, optionsOf } from '#app/components/filter-field.tsx'
import { DataTable } from '#app/components/data-table.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { useRootData } from '#app/root.tsx'
import { DATASETS_PAGE_SIZE, listDatasets } from '#app/modules/datasets/datasets.server.ts'
import {
	datasetCategories,
	datasetCategoryLabels,
	DatasetListQuerySchema,
	datasetSensitivities,
	datasetSensitivityLabels,
} from '#app/modules/datasets/schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Dataset catalogue · AI Governance Tracker' },
]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'read:dataset:any')
	const filters = parseOrBadRequest(DatasetListQuerySchema, searchParamsOf(request))
	const result = await listDatasets(filters)
	return {
		filters,
		...result,
		pageCount: Math.max(1, Math.ceil(result.total / DATASETS_PAGE_SIZE)),
	}
}

function pageLink(filters: { q: string; category?: string; sensitivity?: string }, page: number) {
	const params = new URLSearchParams()
	if (filters.q) params.set('q', filters.q)
	if (filters.category) params.set('category', filters.category)
	if (filters.sensitivity) params.set('sensitivity', filters.sensitivity)
	if (page > 1) params.set('page', String(page))
	return `?${params}`
}

export default function DatasetCatalogue({ loaderData }: Route.ComponentProps) {
	const { filters, total, datasets, categoryCounts, pageCount } = loaderData
	const user = useRootData()?.user
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl font-bold">Dataset catalogue</h1>
				{user?.permissions.includes('create:dataset:any') ? (
					<Link
						to="new"
						className="rounded bg-primary px-4 py-2 font-bold text-white no-underline hover:bg-primary-dark hover:text-white"
					>
						Add a dataset
					</Link>
				) : null}
			</div>
			<FilterForm label="Filter datasets" total={total} noun={['dataset', 'datasets']}>
				<FilterField
					id="dataset-q"
					name="q"
					label="Search"
					defaultValue={filters.q}
					className="max-w-full"
				/>
				<FilterField
					id="dataset-category"
					name="category"
					label="Category"
					defaultValue={filters.category ?? ''}
					anyLabel="All categories"
					options={optionsOf(
						datasetCategories,
						(category) => `${datasetCategoryLabels[category]} (${categoryCounts[category] ?? 0})`,
					)}
					className="max-w-full"
				/>
				<FilterField
					id="dataset-sensitivity"
					name="sensitivity"
					label="Sensitivity"
					defaultValue={filters.sensitivity ?? ''}
					anyLabel="Any sensitivity"
					options={optionsOf(
						datasetSensitivities,
						(sensitivity) => datasetSensitivityLabels[sensitivity],
					)}
					className="max-w-full"
				/>
			</FilterForm>
			<DataTable
				caption="Datasets in the catalogue"
				rows={datasets}
				rowKey={(dataset) => dataset.id}
				columns={[
					{ header: 'Name', cell: (dataset) => <Link to={dataset.id}>{dataset.name}</Link> },
					{ header: 'Category', cell: (dataset) => datasetCategoryLabels[dataset.category] },
					{ header: 'Sensitivity', cell: (dataset) => dataset.sensitivities.join(', ') || 'None' },
					{ header: 'SORN', cell: (dataset) => dataset.sornNumber ?? '—' },
					{
						header: 'Owner',
						cell: (dataset) =>
							`${dataset.orgUnit.shortName}${dataset.steward ? ` · ${dataset.steward.name}` : ''}`,
					},
				]}
			/>
			<Pagination
				page={filters.page}
				pageCount={pageCount}
				hrefFor={(page) => pageLink(filters, page)}
			/>
		</div>
	)
}
