// The public inventory's address: search, filters (stage, topic area, high-impact, AI classification, component),
// sort and page, so that any view can be bookmarked and shared. Pure, tested beside it.
import { z } from 'zod'
import { ORG_UNIT_CODE_PATTERN } from '#app/modules/inventory/inventory-filters.ts'
import { pageNumber, sortOrder } from '#app/utils/input-schemas.ts'
import {
	classifications,
	highImpactDeterminations,
	stages,
	topicAreas,
} from '#app/modules/use-cases/vocabulary.ts'

/** OMB's three answers, and "not yet determined" for a case whose is_high_impact column is blank. */
export const publicHighImpactValues = [...highImpactDeterminations, 'UNDETERMINED'] as const
export type PublicHighImpact = (typeof publicHighImpactValues)[number]

export const publicSortKeys = [
	'name',
	'id',
	'component',
	'stage',
	'topicArea',
	'operationalDate',
] as const
export type PublicSortKey = (typeof publicSortKeys)[number]

export const PUBLIC_PAGE_SIZE = 25

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

export const PublicInventoryQuerySchema = z.object({
	q: z.string().trim().max(200, 'Searches are at most 200 characters.').default(''),
	stage: several(stages, 'stage'),
	topicArea: several(topicAreas, 'topic area'),
	highImpact: several(publicHighImpactValues, 'high-impact answer'),
	classification: several(classifications, 'AI classification'),
	component: z
		.array(
			z
				.string()
				.trim()
				.toUpperCase()
				.regex(ORG_UNIT_CODE_PATTERN, 'Components are slash paths such as HHS/CMS/OIT.'),
		)
		.max(50)
		.default([]),
	...sortOrder(publicSortKeys, 'name'),
	page: pageNumber(),
})

export type PublicInventoryQuery = z.infer<typeof PublicInventoryQuerySchema>

export const publicFilterKeys = [
	'stage',
	'topicArea',
	'highImpact',
	'classification',
	'component',
] as const
export type PublicFilterKey = (typeof publicFilterKeys)[number]
const singleValuedKeys = ['q', 'sort', 'dir', 'page'] as const
/** Every key of the public inventory's address. */
export const publicQueryKeys = [...publicFilterKeys, ...singleValuedKeys] as const

/** Newest first for the operational date; A→Z for everything else, unless the address says otherwise. */
export function publicSortDirection(
	query: Pick<PublicInventoryQuery, 'sort' | 'dir'>,
): 'asc' | 'desc' {
	return query.dir ?? (query.sort === 'operationalDate' ? 'desc' : 'asc')
}

/** Search params as the schema's input: repeated keys are lists, blanks are dropped, unknown keys ignored. */
export function publicInventoryInput(searchParams: URLSearchParams): Record<string, unknown> {
	const input: Record<string, unknown> = {}
	for (const key of publicFilterKeys) {
		const values = searchParams.getAll(key).filter((value) => value.trim() !== '')
		if (values.length) input[key] = values
	}
	for (const key of singleValuedKeys) {
		const values = searchParams.getAll(key).filter((value) => value.trim() !== '')
		if (values.length) input[key] = values.length === 1 ? values[0] : values
	}
	return input
}

/** The address of a view, keeping only what differs from the defaults, in a stable order. */
export function publicInventoryHref(query: Partial<PublicInventoryQuery>) {
	const params = new URLSearchParams()
	if (query.q) params.set('q', query.q)
	for (const key of publicFilterKeys) {
		for (const value of [...new Set(query[key] ?? [])]) params.append(key, value)
	}
	if (query.sort && query.sort !== 'name') params.set('sort', query.sort)
	if (query.dir && query.dir !== publicSortDirection({ sort: query.sort ?? 'name' }))
		params.set('dir', query.dir)
	if (query.page && query.page > 1) params.set('page', String(query.page))
	const search = params.toString()
	return search ? `/public/inventory?${search}` : '/public/inventory'
}

/** The same view sorted by a column: a second click on the sorted column reverses it. */
export function publicSortedBy(
	query: PublicInventoryQuery,
	sort: PublicSortKey,
): PublicInventoryQuery {
	const current = publicSortDirection(query)
	const dir =
		query.sort === sort ? (current === 'asc' ? 'desc' : 'asc') : publicSortDirection({ sort })
	return { ...query, sort, dir, page: 1 }
}

export function hasPublicFilters(query: PublicInventoryQuery) {
	return query.q !== '' || publicFilterKeys.some((key) => query[key].length > 0)
}
