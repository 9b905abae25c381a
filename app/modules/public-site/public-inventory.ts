// The public inventory held in memory: the rows of the public OMB file (and nothing else), with
// what searching, filtering, sorting and counting them needs derived from those same rows. Pure:
// the snapshot builds it once per data version, the pages read it, the tests call it directly.
import { type OmbColumn } from '#app/modules/omb-exchange/omb-export.ts'
import {
	type Classification,
	classificationChoices,
	type HighImpactDetermination,
	highImpactChoices,
	type OmbChoice,
	type Stage,
	stageChoices,
	stages,
	type TopicArea,
	topicAreaChoices,
	topicAreas,
} from '#app/modules/use-cases/vocabulary.ts'
import {
	PUBLIC_PAGE_SIZE,
	type PublicFilterKey,
	publicFilterKeys,
	type PublicHighImpact,
	type PublicInventoryQuery,
	type PublicSortKey,
	publicSortDirection,
} from './public-query.ts'

/** One row of the public OMB file, exactly as the file holds it (template selections, ids kept). */
export type PublicRow = Partial<Record<OmbColumn, string>>

export type PublicCase = {
	/** The row's Use Case ID: the address of the case's page. */
	id: string
	row: PublicRow
	name: string
	stage: Stage | null
	topicArea: TopicArea | null
	highImpact: PublicHighImpact
	classification: Classification | null
	/** The CMS component (HHS/CMS/<office>) the row's Bureau/Component falls under. */
	component: string
	operationalDate: string
	/** Lower-cased text of the row's columns, for the search box. */
	searchText: string
}

function keyBySelection<Key extends string>(choices: Record<Key, OmbChoice>) {
	return new Map(
		Object.entries<OmbChoice>(choices).map(([key, choice]) => [choice.selection, key as Key]),
	)
}
const stageBySelection = keyBySelection(stageChoices)
const topicBySelection = keyBySelection(topicAreaChoices)
const highImpactBySelection = keyBySelection(highImpactChoices)
const classificationBySelection = keyBySelection(classificationChoices)

/** The columns the search box looks in: every free-text column of the public row. */
const searchedColumns = [
	'id',
	'use_case_name',
	'agency_bureau',
	'problem_solved',
	'benefits',
	'system_outputs',
	'vendor_name',
	'data_description',
	'HI_justification',
	'hi_potential_impacts',
	'topic_area',
] as const satisfies ReadonlyArray<OmbColumn>

/** HHS/CMS/OIT/DDOM → HHS/CMS/OIT: the component level the public filters and counts by. */
export function componentOf(bureau: string) {
	const parts = bureau.split('/').filter(Boolean)
	return parts.slice(0, Math.min(parts.length, 3)).join('/')
}

/** A public row as the site searches and shows it, or null for a row without an id (never in the public file the site reads). */
export function toPublicCase(row: PublicRow): PublicCase | null {
	const id = row.id?.trim()
	if (!id) return null
	return {
		id,
		row,
		name: row.use_case_name ?? '',
		stage: stageBySelection.get(row.development_stage ?? '') ?? null,
		topicArea: topicBySelection.get(row.topic_area ?? '') ?? null,
		highImpact:
			(highImpactBySelection.get(row.is_high_impact ?? '') as
				HighImpactDetermination | undefined) ?? 'UNDETERMINED',
		classification: classificationBySelection.get(row.classification ?? '') ?? null,
		component: componentOf(row.agency_bureau ?? ''),
		operationalDate: row.operational_date ?? '',
		searchText: searchedColumns
			.map((column) => row[column] ?? '')
			.join('\n')
			.toLowerCase(),
	}
}

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true })
const stageRank = new Map<string | null, number>(stages.map((stage, index) => [stage, index]))
const topicRank = new Map<string | null, number>(topicAreas.map((topic, index) => [topic, index]))

function hasSortValue(item: PublicCase, key: PublicSortKey) {
	switch (key) {
		case 'stage':
			return item.stage !== null
		case 'topicArea':
			return item.topicArea !== null
		case 'operationalDate':
			return item.operationalDate !== ''
		default:
			return true
	}
}

/** Each sort's order of the cases, ascending: sorted once when the inventory is built, not per request. */
export type SortOrders = Record<PublicSortKey, Uint32Array>

/**
 * Texts are compared as people read them (case aside, numbers by value) once each, for the name,
 * id and component orders; every other order compares those ranks, not the texts again.
 */
export function sortOrders(cases: ReadonlyArray<PublicCase>): SortOrders {
	const indexes = Array.from(cases.keys())
	const rankBy = (text: (item: PublicCase) => string, then?: Uint32Array) => {
		const order = [...indexes].sort(
			(a, b) =>
				collator.compare(text(cases[a] as PublicCase), text(cases[b] as PublicCase)) ||
				(then ? (then[a] as number) - (then[b] as number) : 0),
		)
		const rank = new Uint32Array(cases.length)
		order.forEach((index, position) => (rank[index] = position))
		return { order, rank }
	}
	const byId = rankBy((item) => item.id)
	const byName = rankBy((item) => item.name, byId.rank)
	const byComponent = rankBy((item) => item.component, byName.rank)
	const name = byName.rank
	const sorted = (compare: (a: PublicCase, b: PublicCase) => number) =>
		Uint32Array.from(
			[...indexes].sort(
				(a, b) =>
					compare(cases[a] as PublicCase, cases[b] as PublicCase) ||
					(name[a] as number) - (name[b] as number),
			),
		)
	return {
		name: Uint32Array.from(byName.order),
		id: Uint32Array.from(byId.order),
		component: Uint32Array.from(byComponent.order),
		stage: sorted((a, b) => (stageRank.get(a.stage) ?? 99) - (stageRank.get(b.stage) ?? 99)),
		topicArea: sorted(
			(a, b) => (topicRank.get(a.topicArea) ?? 99) - (topicRank.get(b.topicArea) ?? 99),
		),
		// Cases without a date (not yet operational) sort after every dated case; dates are ISO, so text order is date order.
		operationalDate: sorted(
			(a, b) =>
				(a.operationalDate === '' ? 1 : 0) - (b.operationalDate === '' ? 1 : 0) ||
				(a.operationalDate < b.operationalDate
					? -1
					: a.operationalDate > b.operationalDate
						? 1
						: 0),
		),
	}
}

export type PublicFacets = Record<PublicFilterKey, Map<string, number>>

export type PublicMatches = {
	/** The matching cases' indexes, in the requested order. */
	indexes: Uint32Array
	/** For each filter, how many cases each of its values would give with the other filters as they are. */
	facets: PublicFacets
}

function filterValue(item: PublicCase, key: PublicFilterKey): string {
	switch (key) {
		case 'stage':
			return item.stage ?? ''
		case 'topicArea':
			return item.topicArea ?? ''
		case 'highImpact':
			return item.highImpact
		case 'classification':
			return item.classification ?? ''
		case 'component':
			return item.component
	}
}

function matchesSearch(item: PublicCase, terms: ReadonlyArray<string>) {
	for (const term of terms) if (!item.searchText.includes(term)) return false
	return true
}

/** Search terms: words, lower-cased; a case matches when its text holds every one. */
export function searchTerms(q: string) {
	return q.toLowerCase().split(/\s+/).filter(Boolean)
}

/**
 * The cases a view shows, in its order, and the counts beside each filter value. One pass over the
 * cases in the sort's precomputed order.
 */
export function matchPublicCases(
	cases: ReadonlyArray<PublicCase>,
	orders: SortOrders,
	query: Omit<PublicInventoryQuery, 'page'>,
): PublicMatches {
	const terms = searchTerms(query.q)
	const wanted = publicFilterKeys.map((key) => new Set<string>(query[key]))
	const facets = Object.fromEntries(
		publicFilterKeys.map((key) => [key, new Map<string, number>()]),
	) as PublicFacets
	const order = orders[query.sort]
	const matched: Array<number> = []
	const passes: Array<boolean> = publicFilterKeys.map(() => true)
	for (const index of order) {
		const item = cases[index] as PublicCase
		if (terms.length && !matchesSearch(item, terms)) continue
		let failed = 0
		for (let f = 0; f < publicFilterKeys.length; f++) {
			const allowed = wanted[f] as Set<string>
			const pass =
				allowed.size === 0 || allowed.has(filterValue(item, publicFilterKeys[f] as PublicFilterKey))
			passes[f] = pass
			if (!pass) failed++
		}
		if (failed === 0) matched.push(index)
		if (failed > 1) continue
		// A value is counted under the other filters: with no filter failing, or only its own.
		for (let f = 0; f < publicFilterKeys.length; f++) {
			if (failed === 1 && passes[f]) continue
			const key = publicFilterKeys[f] as PublicFilterKey
			const value = filterValue(item, key)
			if (value === '') continue
			facets[key].set(value, (facets[key].get(value) ?? 0) + 1)
		}
	}
	if (publicSortDirection(query) === 'desc') {
		// Cases without the sorted value (not yet operational, no stage reported) stay last either way.
		const firstBlank = matched.findIndex(
			(index) => !hasSortValue(cases[index] as PublicCase, query.sort),
		)
		const valued = firstBlank < 0 ? matched : matched.slice(0, firstBlank)
		const blank = firstBlank < 0 ? [] : matched.slice(firstBlank)
		return { indexes: Uint32Array.from([...valued.reverse(), ...blank]), facets }
	}
	return { indexes: Uint32Array.from(matched), facets }
}

export type PublicPage = {
	total: number
	page: number
	pageCount: number
	cases: Array<PublicCase>
}

export function pageOf(
	cases: ReadonlyArray<PublicCase>,
	matches: PublicMatches,
	page: number,
): PublicPage {
	const total = matches.indexes.length
	const pageCount = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE))
	const start = (page - 1) * PUBLIC_PAGE_SIZE
	const slice = Array.from(
		matches.indexes.subarray(start, start + PUBLIC_PAGE_SIZE),
		(index) => cases[index] as PublicCase,
	)
	return { total, page, pageCount, cases: slice }
}

export type PublicSummaryCounts = {
	total: number
	stage: Map<string, number>
	topicArea: Map<string, number>
	highImpact: Map<string, number>
	component: Map<string, number>
	classification: Map<string, number>
}

/** Counts of what CMS uses AI for, from the public rows alone. */
export function summaryCounts(cases: ReadonlyArray<PublicCase>): PublicSummaryCounts {
	const counts: PublicSummaryCounts = {
		total: cases.length,
		stage: new Map(),
		topicArea: new Map(),
		highImpact: new Map(),
		component: new Map(),
		classification: new Map(),
	}
	const add = (map: Map<string, number>, value: string | null | undefined) => {
		if (value) map.set(value, (map.get(value) ?? 0) + 1)
	}
	for (const item of cases) {
		add(counts.stage, item.stage)
		add(counts.topicArea, item.topicArea)
		add(counts.highImpact, item.highImpact)
		add(counts.component, item.component)
		add(counts.classification, item.classification)
	}
	return counts
}
