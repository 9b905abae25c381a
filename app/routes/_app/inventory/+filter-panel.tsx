import { Form, Link } from 'react-router'
import { useMediaQuery } from '#app/utils/use-media-query.ts'
import {
	determinationFilterValues,
	inventoryHref,
	type InventoryQuery,
	type MultiValuedKey,
	orgUnitMatches,
	toggleFilterValue,
} from '#app/modules/inventory/inventory-filters.ts'
import {
	facetTitles,
	facetValueLabel,
	formatCount,
} from '#app/modules/inventory/inventory-labels.ts'
import {
	classifications,
	datasetCategories,
	datasetSensitivities,
	sensitivityStrictness,
	stages,
	topicAreas,
	useCaseStatuses,
} from '#app/modules/use-cases/vocabulary.ts'

export type SerializedFacets = Record<MultiValuedKey | 'overdue', Record<string, number>> & {
	total: number
}
type OrgUnit = { code: string; shortName: string; name: string }

type Option = { value: string; label: string; count: number; depth?: number }

const fixedValues: Partial<Record<MultiValuedKey, ReadonlyArray<string>>> = {
	status: useCaseStatuses,
	stage: stages,
	determination: determinationFilterValues,
	datasetCategory: datasetCategories,
	sensitivity: sensitivityStrictness.filter((s) =>
		(datasetSensitivities as ReadonlyArray<string>).includes(s),
	),
	topicArea: topicAreas,
	classification: classifications,
}

// Units below CMS are indented by their depth (classes, not style attributes: the Content-Security-Policy allows no inline styles).
const indentByDepth: ReadonlyArray<string | undefined> = [
	undefined,
	undefined,
	'pl-3',
	'pl-6',
	'pl-9',
]

/** The org units with cases under them, each counting its own cases and those of the units below it. */
function orgUnitOptions(
	orgUnits: ReadonlyArray<OrgUnit>,
	counts: Record<string, number>,
	selected: ReadonlyArray<string>,
): Array<Option> {
	return orgUnits
		.map((unit) => ({
			value: unit.code,
			label: `${unit.shortName} — ${unit.name}`,
			depth: unit.code.split('/').length - 1,
			count: Object.entries(counts).reduce(
				(sum, [code, n]) => (orgUnitMatches(unit.code, code) ? sum + n : sum),
				0,
			),
		}))
		.filter((option) => option.count > 0 || selected.includes(option.value))
}

// Counts are keyed by what people typed (vendors, tags): read own keys only, never Object.prototype's.
const countOf = (counts: Record<string, number>, value: string) =>
	Object.hasOwn(counts, value) ? counts[value]! : 0

/** Free-valued facets (vendors, tags): the most frequent first, and always the ones chosen. */
function openOptions(
	key: MultiValuedKey,
	counts: Record<string, number>,
	selected: ReadonlyArray<string>,
	limit: number,
): Array<Option> {
	const top = Object.entries(counts)
		.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
		.slice(0, limit)
		.map(([value]) => value)
	return [...new Set([...selected, ...top])].map((value) => ({
		value,
		label: facetValueLabel(key, value),
		count: countOf(counts, value),
	}))
}

export function facetOptions(
	key: MultiValuedKey,
	facets: SerializedFacets,
	query: InventoryQuery,
	orgUnits: ReadonlyArray<OrgUnit>,
): Array<Option> {
	const counts = facets[key]
	const selected: ReadonlyArray<string> = query[key]
	if (key === 'orgUnit') return orgUnitOptions(orgUnits, counts, selected)
	const fixed = fixedValues[key]
	if (fixed)
		return fixed.map((value) => ({
			value,
			label: facetValueLabel(key, value),
			count: countOf(counts, value),
		}))
	return openOptions(key, counts, selected, key === 'vendor' ? 15 : 30)
}

const facetOrder: Array<MultiValuedKey> = [
	'determination',
	'status',
	'stage',
	'orgUnit',
	'datasetCategory',
	'sensitivity',
	'topicArea',
	'classification',
	'vendor',
	'tag',
]
/** Tailwind's `lg`, where the inventory page puts the filters beside the results. */
const WIDE_LAYOUT = '(min-width: 64rem)'

const openByDefault = new Set<MultiValuedKey>([
	'determination',
	'status',
	'stage',
	'orgUnit',
	'datasetCategory',
	'sensitivity',
])

const inputClass = 'mt-1 block w-full border border-base-dark px-3 py-2'

/** Search and filters in one GET form: works without JavaScript, and the address holds the whole view. */
export function FilterPanel({
	query,
	facets,
	orgUnits,
}: {
	query: InventoryQuery
	facets: SerializedFacets
	orgUnits: ReadonlyArray<OrgUnit>
}) {
	// Beside the results the facets stand open; above them, on a narrow screen, they wait behind one
	// "Filters" toggle (the filters in use show as chips above the results), so the results are not
	// pushed several screens down.
	const beside = useMediaQuery(WIDE_LAYOUT, true)
	const chosen = facetOrder.reduce((count, key) => count + query[key].length, 0)
	const filtersLabel = `Filters${chosen ? ` (${chosen} chosen)` : ''}`
	return (
		<Form
			method="get"
			action="/inventory"
			role="search"
			aria-label="Search and filter the inventory"
			className="space-y-4"
		>
			<div>
				<label htmlFor="inventory-q" className="block font-semibold">
					Search
				</label>
				<p id="inventory-q-hint" className="text-sm text-base-dark">
					Name, problem, outputs or vendor; or a tracking id such as CMS-2026-0001.
				</p>
				<input
					id="inventory-q"
					name="q"
					type="search"
					defaultValue={query.q}
					aria-describedby="inventory-q-hint"
					className={inputClass}
				/>
			</div>
			{query.sort !== 'updated' ? <input type="hidden" name="sort" value={query.sort} /> : null}
			{query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
			<div className="flex items-center gap-2">
				<input
					id="filter-overdue"
					type="checkbox"
					name="overdue"
					value="true"
					defaultChecked={query.overdue}
					className="size-5"
				/>
				<label htmlFor="filter-overdue">
					Cases with something overdue{' '}
					<span className="text-base-dark">({facets.overdue.true ?? 0})</span>
					<span className="block text-sm text-base-dark">
						A review lane, a re-review or a condition past its date; counted by case.
					</span>
				</label>
			</div>
			<button
				type="submit"
				className="w-full rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark"
			>
				Apply filters
			</button>
			<details open={beside} className="border-t border-base-lighter pt-2">
				<summary className="cursor-pointer text-lg font-bold">{filtersLabel}</summary>
				<div className="mt-2 space-y-4">
					{facetOrder.map((key) => {
						const options = facetOptions(key, facets, query, orgUnits)
						if (options.length === 0) return null
						const chosenHere = query[key].length
						return (
							<details
								key={key}
								open={openByDefault.has(key) || chosenHere > 0}
								className="border-t border-base-lighter pt-2"
							>
								<summary className="cursor-pointer font-bold">
									{facetTitles[key]}
									{chosenHere ? ` (${chosenHere} chosen)` : ''}
								</summary>
								<fieldset className="filter-options mt-2">
									<legend className="sr-only">{facetTitles[key]}</legend>
									{options.map((option) => (
										// One label around its box and one string: the panel holds a hundred of these on every page.
										<label
											key={option.value}
											className={
												indentByDepth[Math.min(option.depth ?? 0, indentByDepth.length - 1)]
											}
										>
											<input
												type="checkbox"
												name={key}
												value={option.value}
												defaultChecked={(query[key] as ReadonlyArray<string>).includes(
													option.value,
												)}
											/>
											{`${option.label} (${formatCount(option.count)})`}
										</label>
									))}
								</fieldset>
							</details>
						)
					})}
					<button
						type="submit"
						className="w-full rounded border-2 border-primary px-4 py-2 font-bold text-primary hover:bg-primary-lighter"
					>
						Apply filters
					</button>
				</div>
			</details>
		</Form>
	)
}

/** The filters in force, each with a link that removes it. */
export function ActiveFilters({ query }: { query: InventoryQuery }) {
	const chips: Array<{ label: string; href: string }> = []
	if (query.q)
		chips.push({ label: `Search: “${query.q}”`, href: inventoryHref({ ...query, q: '', page: 1 }) })
	for (const key of facetOrder) {
		for (const value of query[key]) {
			chips.push({
				label: `${facetTitles[key]}: ${facetValueLabel(key, value)}`,
				href: inventoryHref(toggleFilterValue(query, key, value)),
			})
		}
	}
	if (query.overdue)
		chips.push({
			label: 'Something overdue',
			href: inventoryHref({ ...query, overdue: false, page: 1 }),
		})
	if (chips.length === 0) return null
	return (
		<div className="flex flex-wrap items-center gap-2" aria-label="Filters in force" role="group">
			{chips.map((chip) => (
				<Link
					key={chip.label}
					to={chip.href}
					className="rounded-full border border-primary px-3 py-1 text-sm no-underline hover:bg-primary-lighter"
				>
					{chip.label} <span aria-hidden="true">✕</span>
					<span className="sr-only"> (remove this filter)</span>
				</Link>
			))}
			<Link to={inventoryHref({ sort: query.sort, dir: query.dir })} className="text-sm">
				Clear all filters
			</Link>
		</div>
	)
}
