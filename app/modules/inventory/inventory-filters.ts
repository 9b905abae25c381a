// The inventory's address: one schema for every search, filter, sort and page the inventory page,
// its CSV download and the dashboards' links use, so that a view can be bookmarked, shared and
// exported exactly as it is on screen. Pure: no database, tested beside it.
import { z } from 'zod'
import { pageNumber, singleLineText, sortOrder } from '#app/utils/input-schemas.ts'
import { keysOf } from '#app/utils/keys-of.ts'
import {
	classifications,
	datasetCategories,
	datasetSensitivities,
	type highImpactDeterminations,
	stages,
	topicAreas,
	useCaseStatuses,
} from '#app/modules/use-cases/vocabulary.ts'

/**
 * The high-impact determination as the inventory filters and counts it: OMB's three answers, and
 * the two states of a case nobody has determined yet, told apart by whether the checks presume it
 * high-impact (M-25-21 §6). The five values never overlap, so their counts add up to the total.
 */
export const determinationFilterLabels = {
	HIGH_IMPACT: 'High-impact',
	PRESUMED_NOT_HIGH_IMPACT: 'Presumed high-impact, determined not',
	NOT_HIGH_IMPACT: 'Not high-impact',
	PRESUMED_UNDETERMINED: 'Presumed high-impact, not yet determined',
	UNDETERMINED: 'Not yet determined (no presumption)',
} as const satisfies Record<
	(typeof highImpactDeterminations)[number] | 'PRESUMED_UNDETERMINED' | 'UNDETERMINED',
	string
>
export const determinationFilterValues = keysOf(determinationFilterLabels)
export type DeterminationFilterValue = (typeof determinationFilterValues)[number]

/** Columns the table sorts on; each maps to an indexed or cheap expression in the query. */
export const inventorySortKeys = [
	'updated',
	'trackingId',
	'name',
	'orgUnit',
	'stage',
	'status',
	'determination',
	'sensitivity',
] as const
export type InventorySortKey = (typeof inventorySortKeys)[number]

export const INVENTORY_PAGE_SIZE = 25
const MAX_VALUES = 50

export const ORG_UNIT_CODE_PATTERN = /^[A-Z][A-Z0-9]{0,19}(\/[A-Z][A-Z0-9]{0,19}){0,5}$/
/** The governance office's labels: lower-case words joined by hyphens, e.g. "omb-2026" or "claims-review". */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/

const several = <T extends readonly [string, ...Array<string>]>(values: T, what: string) =>
	z
		.array(
			z.enum(values, {
				error: (issue) =>
					`“${String(issue.input)}” is not a ${what}; use one of ${values.join(', ')}.`,
			}),
		)
		.max(values.length)
		.default([])

const orgUnitCode = z
	.string()
	.trim()
	.toUpperCase()
	.regex(ORG_UNIT_CODE_PATTERN, 'Org units are slash paths such as HHS/CMS/CCIIO.')

export const TagSchema = z
	.string()
	.trim()
	.toLowerCase()
	.regex(
		TAG_PATTERN,
		'Tags are lower-case letters, digits and hyphens (at most 40), e.g. omb-2026.',
	)

export const InventoryQuerySchema = z.object({
	q: singleLineText().max(200, 'Searches are at most 200 characters.').default(''),
	status: several(useCaseStatuses, 'status'),
	stage: several(stages, 'stage'),
	determination: several(determinationFilterValues, 'high-impact determination'),
	orgUnit: z.array(orgUnitCode).max(MAX_VALUES).default([]),
	datasetCategory: several(datasetCategories, 'dataset category'),
	sensitivity: several(datasetSensitivities, 'data sensitivity'),
	topicArea: several(topicAreas, 'topic area'),
	classification: several(classifications, 'AI classification'),
	vendor: z
		.array(singleLineText().min(1).max(200, 'Vendor names are at most 200 characters.'))
		.max(MAX_VALUES)
		.default([]),
	tag: z.array(TagSchema).max(MAX_VALUES).default([]),
	/** Only the cases whose review is overdue: past their periodic re-review, a lane past due, or a condition past due. */
	overdue: z
		.enum(['true', 'false'], { error: 'overdue is true or false.' })
		.optional()
		.transform((value) => value === 'true'),
	...sortOrder(inventorySortKeys, 'updated'),
	page: pageNumber(),
})

export type InventoryQuery = z.infer<typeof InventoryQuerySchema>

/** Filters that hold several values (repeat the parameter: `?status=APPROVED&status=IN_REVIEW`). */
export const multiValuedKeys = [
	'status',
	'stage',
	'determination',
	'orgUnit',
	'datasetCategory',
	'sensitivity',
	'topicArea',
	'classification',
	'vendor',
	'tag',
] as const satisfies ReadonlyArray<keyof InventoryQuery>
export type MultiValuedKey = (typeof multiValuedKeys)[number]

const singleValuedKeys = ['q', 'overdue', 'sort', 'dir', 'page'] as const

/** Newest first for dates; A→Z for everything else, unless the address says otherwise. */
export function sortDirection(query: Pick<InventoryQuery, 'sort' | 'dir'>): 'asc' | 'desc' {
	return query.dir ?? (query.sort === 'updated' ? 'desc' : 'asc')
}

/**
 * The search params as the schema's input: repeated keys become lists, empty values (a field left
 * blank) are dropped, and keys the inventory does not know (React Router's own) are ignored.
 */
export function inventoryInput(searchParams: URLSearchParams): Record<string, unknown> {
	const input: Record<string, unknown> = {}
	for (const key of multiValuedKeys) {
		const values = searchParams.getAll(key).filter((value) => value.trim() !== '')
		if (values.length) input[key] = values
	}
	for (const key of singleValuedKeys) {
		const values = searchParams.getAll(key).filter((value) => value.trim() !== '')
		// Two different values for one single-valued key is a broken address, not a choice to guess.
		if (values.length) input[key] = values.length === 1 ? values[0] : values
	}
	return input
}

/** The filters (everything but sort and page): what the counts and the CSV depend on. */
export function hasFilters(query: InventoryQuery) {
	return query.q !== '' || query.overdue || multiValuedKeys.some((key) => query[key].length > 0)
}

/**
 * The address of a view, keeping only what differs from the defaults, in a stable order so that
 * the same view always has the same address.
 */
export function inventorySearchParams(query: Partial<InventoryQuery>): URLSearchParams {
	const params = new URLSearchParams()
	if (query.q) params.set('q', query.q)
	for (const key of multiValuedKeys) {
		for (const value of [...new Set(query[key] ?? [])]) params.append(key, value)
	}
	if (query.overdue) params.set('overdue', 'true')
	if (query.sort && query.sort !== 'updated') params.set('sort', query.sort)
	if (query.dir && query.dir !== sortDirection({ sort: query.sort ?? 'updated' }))
		params.set('dir', query.dir)
	if (query.page && query.page > 1) params.set('page', String(query.page))
	return params
}

/** `/inventory?…` for a view; the dashboards link each bar and row through this. */
export function inventoryHref(query: Partial<InventoryQuery>) {
	const params = inventorySearchParams(query).toString()
	return params ? `/inventory?${params}` : '/inventory'
}

/** The same view with one value of a filter switched on or off, back on page 1. */
export function toggleFilterValue(
	query: InventoryQuery,
	key: MultiValuedKey,
	value: string,
): InventoryQuery {
	const current: ReadonlyArray<string> = query[key]
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
	return { ...query, [key]: next, page: 1 }
}

/** The same view sorted by a column: a second click on the sorted column reverses it. */
export function sortedBy(query: InventoryQuery, sort: InventorySortKey): InventoryQuery {
	const current = sortDirection(query)
	const dir = query.sort === sort ? (current === 'asc' ? 'desc' : 'asc') : sortDirection({ sort })
	return { ...query, sort, dir, page: 1 }
}

/** The codes an org-unit filter matches: the unit itself and every unit below it. */
export function orgUnitMatches(filterCode: string, unitCode: string) {
	return unitCode === filterCode || unitCode.startsWith(`${filterCode}/`)
}
