import { Form, Link } from 'react-router'
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
			<Form
				method="get"
				role="search"
				aria-label="Filter datasets"
				className="flex flex-wrap items-end gap-4"
			>
				<div className="max-w-full">
					<label htmlFor="dataset-q" className="block font-semibold">
						Search
					</label>
					<input
						id="dataset-q"
						name="q"
						defaultValue={filters.q}
						className="mt-1 border border-base-dark px-3 py-2"
					/>
				</div>
				<div className="max-w-full">
					<label htmlFor="dataset-category" className="block font-semibold">
						Category
					</label>
					<select
						id="dataset-category"
						name="category"
						defaultValue={filters.category ?? ''}
						className="mt-1 border border-base-dark px-3 py-2"
					>
						<option value="">All categories</option>
						{datasetCategories.map((category) => (
							<option key={category} value={category}>
								{datasetCategoryLabels[category]} ({categoryCounts[category] ?? 0})
							</option>
						))}
					</select>
				</div>
				<div className="max-w-full">
					<label htmlFor="dataset-sensitivity" className="block font-semibold">
						Sensitivity
					</label>
					<select
						id="dataset-sensitivity"
						name="sensitivity"
						defaultValue={filters.sensitivity ?? ''}
						className="mt-1 border border-base-dark px-3 py-2"
					>
						<option value="">Any sensitivity</option>
						{datasetSensitivities.map((sensitivity) => (
							<option key={sensitivity} value={sensitivity}>
								{datasetSensitivityLabels[sensitivity]}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white">
					Apply
				</button>
			</Form>
			<p aria-live="polite">{total === 1 ? '1 dataset' : `${total} datasets`}</p>
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
