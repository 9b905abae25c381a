// The inventory's facet counts worked out in memory from what each submitted case holds, with the
// same meaning as the SQL in inventory-query.server.ts: each facet counted under all the other
// filters, so that choosing a value never shows a count the click would not give.
import { orgUnitMatches, type InventoryQuery, type MultiValuedKey } from './inventory-filters.ts'

export type Dimension = MultiValuedKey | 'overdue'

export type FacetCounts = Record<Dimension, Map<string, number>> & { total: number }

export const dimensions = [
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
	'overdue',
] as const satisfies ReadonlyArray<Dimension>

export function emptyCounts(): FacetCounts {
	return {
		total: 0,
		...(Object.fromEntries(dimensions.map((d) => [d, new Map<string, number>()])) as Record<
			Dimension,
			Map<string, number>
		>),
	}
}

/** What the counts read of one case. */
export type CaseFacts = {
	status: string
	stage: string | null
	/** OMB's answer, or PRESUMED_UNDETERMINED / UNDETERMINED (see `determinationBucket`). */
	determination: string
	orgUnitId: string
	datasetCategories: ReadonlyArray<string>
	sensitivities: ReadonlyArray<string>
	topicArea: string | null
	classification: string | null
	vendorNames: ReadonlyArray<string>
	tags: ReadonlyArray<string>
	/** When the case falls overdue (its re-review, an open lane or an unmet condition falling due), in ms; null when nothing is due. */
	overdueFrom: number | null
}

type OrgUnit = { id: string; code: string }

const overlaps = (values: ReadonlyArray<string>, chosen: ReadonlySet<string>) =>
	values.some((value) => chosen.has(value))

/**
 * One test per filter that is set, in the order of `dimensions`; a filter left empty has none.
 * Blank single values (no stage, no topic) match no choice, as `= ANY` does in SQL.
 */
function filterTests(
	query: InventoryQuery,
	orgUnits: ReadonlyArray<OrgUnit>,
	now: number,
): Array<[Dimension, (facts: CaseFacts) => boolean]> {
	const tests: Array<[Dimension, (facts: CaseFacts) => boolean]> = []
	const oneOf = (dimension: MultiValuedKey, pick: (facts: CaseFacts) => string | null) => {
		const chosen = new Set<string>(query[dimension])
		if (chosen.size) tests.push([dimension, (facts) => chosen.has(pick(facts) ?? '\0')])
	}
	const anyOf = (dimension: MultiValuedKey, pick: (facts: CaseFacts) => ReadonlyArray<string>) => {
		const chosen = new Set<string>(query[dimension])
		if (chosen.size) tests.push([dimension, (facts) => overlaps(pick(facts), chosen)])
	}
	oneOf('status', (f) => f.status)
	oneOf('stage', (f) => f.stage)
	oneOf('determination', (f) => f.determination)
	if (query.orgUnit.length) {
		// The unit and every unit below it.
		const units = new Set(
			orgUnits
				.filter((unit) => query.orgUnit.some((code) => orgUnitMatches(code, unit.code)))
				.map((unit) => unit.id),
		)
		tests.push(['orgUnit', (facts) => units.has(facts.orgUnitId)])
	}
	anyOf('datasetCategory', (f) => f.datasetCategories)
	anyOf('sensitivity', (f) => f.sensitivities)
	oneOf('topicArea', (f) => f.topicArea)
	oneOf('classification', (f) => f.classification)
	anyOf('vendor', (f) => f.vendorNames)
	anyOf('tag', (f) => f.tags)
	if (query.overdue) tests.push(['overdue', (facts) => isOverdue(facts, now)])
	return tests
}

const isOverdue = (facts: CaseFacts, now: number) =>
	facts.overdueFrom !== null && facts.overdueFrom < now

function add(counts: Map<string, number>, value: string | null) {
	if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1)
}

/** Adds one case to the counts of `dimension` (or of every dimension when null). */
function countCase(
	counts: FacetCounts,
	facts: CaseFacts,
	only: Dimension | null,
	codeOf: ReadonlyMap<string, string>,
	now: number,
) {
	const counted = (dimension: Dimension) => only === null || only === dimension
	if (counted('status')) add(counts.status, facts.status)
	if (counted('stage')) add(counts.stage, facts.stage)
	if (counted('determination')) add(counts.determination, facts.determination)
	if (counted('orgUnit')) add(counts.orgUnit, codeOf.get(facts.orgUnitId) ?? facts.orgUnitId)
	// Fixed vocabularies count a case once per value it holds (`= ANY`); vendors and tags once per
	// entry (`unnest`), as the SQL does.
	if (counted('datasetCategory'))
		for (const value of new Set(facts.datasetCategories)) add(counts.datasetCategory, value)
	if (counted('sensitivity'))
		for (const value of new Set(facts.sensitivities)) add(counts.sensitivity, value)
	if (counted('topicArea')) add(counts.topicArea, facts.topicArea)
	if (counted('classification')) add(counts.classification, facts.classification)
	if (counted('vendor')) for (const value of facts.vendorNames) add(counts.vendor, value)
	if (counted('tag')) for (const value of facts.tags) add(counts.tag, value)
	if (counted('overdue') && isOverdue(facts, now)) add(counts.overdue, 'true')
	if (only === null) counts.total++
}

/**
 * Every facet's counts over `cases` under the query's filters (its text search is not applied:
 * the caller passes only the cases that match it). A case that meets every filter counts in every
 * facet and in the total; a case that misses exactly one filter counts only in that filter's facet.
 */
export function countFacts(
	cases: Iterable<CaseFacts>,
	query: InventoryQuery,
	orgUnits: ReadonlyArray<OrgUnit>,
	now: number,
): FacetCounts {
	const tests = filterTests(query, orgUnits, now)
	const codeOf = new Map(orgUnits.map((unit) => [unit.id, unit.code]))
	const counts = emptyCounts()
	// The overdue facet has its one value even when nothing is overdue.
	counts.overdue.set('true', 0)
	for (const facts of cases) {
		let missed: Dimension | null = null
		let misses = 0
		for (const [dimension, test] of tests) {
			if (test(facts)) continue
			missed = dimension
			if (++misses > 1) break
		}
		if (misses === 0) countCase(counts, facts, null, codeOf, now)
		else if (misses === 1) countCase(counts, facts, missed, codeOf, now)
	}
	return counts
}
