import { Form, Link, redirect } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { formatCount } from '#app/modules/inventory/inventory-labels.ts'
import {
	classifications,
	highImpactDeterminations,
	stages,
	topicAreas,
} from '#app/modules/use-cases/vocabulary.ts'
import { pageOf, type PublicFacets } from '#app/modules/public-site/public-inventory.ts'
import {
	componentLabel,
	highImpactLabels,
	publicFilterTitles,
	publicFilterValueLabel,
	stageLabels,
	topicAreaLabels,
} from '#app/modules/public-site/public-labels.ts'
import {
	hasPublicFilters,
	type PublicFilterKey,
	publicFilterKeys,
	publicInventoryHref,
	publicInventoryInput,
	publicQueryKeys,
	PublicInventoryQuerySchema,
	type PublicInventoryQuery,
	type PublicSortKey,
	publicSortDirection,
	publicSortedBy,
} from '#app/modules/public-site/public-query.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicMatches, publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = ({ matches, location, loaderData }) =>
	publicPageMeta(matches, location, {
		title: loaderData?.query.q
			? `AI use cases matching “${loaderData.query.q}”`
			: 'AI use case inventory',
		description: `Search and filter the ${loaderData ? formatCount(loaderData.inventoryTotal) : ''} AI use cases the Centers for Medicare & Medicaid Services reports publicly, by stage, topic, high-impact status and component.`,
	})

type FacetOption = { value: string; label: string; count: number }

function facetOptions(
	facets: PublicFacets,
	query: PublicInventoryQuery,
	components: Parameters<typeof publicFilterValueLabel>[2],
): Record<PublicFilterKey, Array<FacetOption>> {
	const options = (key: PublicFilterKey, values: ReadonlyArray<string>, keepEmpty: boolean) =>
		values
			.map((value) => ({
				value,
				label: publicFilterValueLabel(key, value, components),
				count: facets[key].get(value) ?? 0,
			}))
			.filter(
				(option) =>
					keepEmpty ||
					option.count > 0 ||
					(query[key] as ReadonlyArray<string>).includes(option.value),
			)
	const componentValues = [...new Set([...facets.component.keys(), ...query.component])].sort()
	return {
		stage: options('stage', stages, true),
		topicArea: options('topicArea', topicAreas, false),
		highImpact: options('highImpact', [...highImpactDeterminations, 'UNDETERMINED'], true),
		classification: options('classification', classifications, false),
		component: options('component', componentValues, false),
	}
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const { searchParams } = new URL(request.url)
	const query = parseOrBadRequest(PublicInventoryQuerySchema, publicInventoryInput(searchParams))
	// The filter form sends its empty fields too (q=&…): answer with the view's one address.
	if (publicQueryKeys.some((key) => searchParams.getAll(key).some((value) => value.trim() === '')))
		throw redirect(publicInventoryHref(query))
	const snapshot = await publicSnapshotOf(context)
	const matches = publicMatches(snapshot, query)
	const page = pageOf(snapshot.cases, matches, query.page)
	return {
		query,
		inventoryTotal: snapshot.cases.length,
		total: page.total,
		pageCount: page.pageCount,
		year: snapshot.year,
		rows: page.cases.map((item) => ({
			id: item.id,
			name: item.name,
			component: componentLabel(item.component, snapshot.components),
			stage: item.stage ? stageLabels[item.stage] : 'Not reported',
			topicArea: item.topicArea ? topicAreaLabels[item.topicArea] : 'Not reported',
			highImpact: highImpactLabels[item.highImpact],
			operationalDate: item.operationalDate,
		})),
		facets: facetOptions(matches.facets, query, snapshot.components),
	}
}

const columnLabels: Record<PublicSortKey, string> = {
	id: 'Use case ID',
	name: 'Name',
	component: 'Component',
	stage: 'Stage',
	topicArea: 'Topic area',
	operationalDate: 'Operational since',
}

function FilterPanel({
	query,
	facets,
}: {
	query: PublicInventoryQuery
	facets: Record<PublicFilterKey, Array<FacetOption>>
}) {
	return (
		<Form
			method="get"
			role="search"
			aria-label="Search and filter the inventory"
			className="space-y-5"
		>
			<div>
				<label htmlFor="public-q" className="block font-semibold">
					Search
				</label>
				<p id="public-q-hint" className="text-sm text-base-darker">
					Names, descriptions, vendors and IDs
				</p>
				<input
					id="public-q"
					name="q"
					type="search"
					defaultValue={query.q}
					aria-describedby="public-q-hint"
					className="mt-1 w-full border border-base-dark px-3 py-2"
				/>
			</div>
			{publicFilterKeys.map((key) => (
				<fieldset key={key} className="space-y-1">
					<legend className="font-semibold">{publicFilterTitles[key]}</legend>
					{facets[key].map((option) => {
						const id = `filter-${key}-${option.value.replace(/[^A-Za-z0-9]/g, '-')}`
						return (
							<div key={option.value} className="flex items-start gap-2">
								<input
									id={id}
									type="checkbox"
									name={key}
									value={option.value}
									defaultChecked={(query[key] as ReadonlyArray<string>).includes(option.value)}
									className="mt-1 size-4"
								/>
								<label htmlFor={id}>
									{option.label} ({formatCount(option.count)})
								</label>
							</div>
						)
					})}
				</fieldset>
			))}
			{query.sort !== 'name' ? <input type="hidden" name="sort" value={query.sort} /> : null}
			{query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
			<div className="flex flex-wrap items-center gap-4">
				<button
					type="submit"
					className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark"
				>
					Apply filters
				</button>
				{hasPublicFilters(query) ? <Link to="/public/inventory">Clear all</Link> : null}
			</div>
		</Form>
	)
}

export default function PublicInventory({ loaderData }: Route.ComponentProps) {
	const { query, total, pageCount, rows, facets, year, inventoryTotal } = loaderData
	const sortable = (key: PublicSortKey) => ({
		href: publicInventoryHref(publicSortedBy(query, key)),
		active: query.sort === key,
		direction: publicSortDirection(query),
	})
	return (
		<div className="space-y-6">
			<div className="max-w-3xl space-y-2">
				<h1 className="text-3xl font-bold">AI use case inventory</h1>
				<p>
					The {formatCount(inventoryTotal)} AI use cases CMS reports publicly for {year}, as they
					stand today. Each row opens the use case’s entry in the public inventory; the{' '}
					<Link to="/public/downloads">downloads</Link> hold the same rows as CSV and JSON.
				</p>
			</div>
			<div className="grid gap-8 lg:grid-cols-[18rem_minmax(0,1fr)]">
				<FilterPanel query={query} facets={facets} />
				<section aria-labelledby="results-heading" className="min-w-0 space-y-4">
					<h2 id="results-heading" className="text-2xl font-bold" aria-live="polite">
						{total === 1 ? '1 use case' : `${formatCount(total)} use cases`}
					</h2>
					{rows.length === 0 ? (
						<p>
							{total === 0
								? 'No use case matches this search and these filters.'
								: 'There is no use case on this page.'}
						</p>
					) : (
						<DataTable
							caption={`AI use cases, sorted by ${columnLabels[query.sort].toLowerCase()}`}
							rows={rows}
							rowKey={(row) => row.id}
							columns={[
								{
									header: columnLabels.id,
									sort: sortable('id'),
									className: 'font-mono text-sm whitespace-nowrap',
									cell: (row) => row.id,
								},
								{
									header: columnLabels.name,
									sort: sortable('name'),
									rowHeader: true,
									cell: (row) => (
										<Link to={`/public/inventory/${encodeURIComponent(row.id)}`}>{row.name}</Link>
									),
								},
								{
									header: columnLabels.component,
									sort: sortable('component'),
									cell: (row) => row.component,
								},
								{ header: columnLabels.stage, sort: sortable('stage'), cell: (row) => row.stage },
								{
									header: columnLabels.topicArea,
									sort: sortable('topicArea'),
									cell: (row) => row.topicArea,
								},
								{
									header: columnLabels.operationalDate,
									sort: sortable('operationalDate'),
									className: 'whitespace-nowrap',
									cell: (row) => row.operationalDate || 'Not reported',
								},
								{ header: 'High-impact', cell: (row) => row.highImpact },
							]}
						/>
					)}
					<Pagination
						page={query.page}
						pageCount={pageCount}
						hrefFor={(page) => publicInventoryHref({ ...query, page })}
					/>
				</section>
			</div>
		</div>
	)
}
