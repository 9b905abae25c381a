// The inventory as SQL: one statement for the page's rows (with their org unit, review lanes,
// latest check run and overdue flag: no N+1), one for every facet's counts (each counted under all
// the other filters), both over the indexes the schema keeps for them (see
// docs/decisions/009-inventory-search-and-filter-queries.md).
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { type DataVersion } from '#app/modules/data-version/data-version.server.ts'
import { createVersionedCache } from '#app/modules/data-version/versioned-cache.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { prisma as defaultClient } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import {
	datasetCategories,
	datasetSensitivities,
	type DatasetSensitivity,
	type Stage,
	type UseCaseStatus,
} from '#app/modules/use-cases/vocabulary.ts'
import {
	type DeterminationFilterValue,
	INVENTORY_PAGE_SIZE,
	type InventoryQuery,
	type InventorySortKey,
	sortDirection,
} from './inventory-filters.ts'
import {
	currentPackVersion,
	determinationBucket,
	overdue,
	presumedHighImpact,
} from './inventory-expressions.server.ts'
import { keptInventoryFacts } from './inventory-facts.server.ts'
import { type Dimension, emptyCounts, type FacetCounts } from './inventory-facts.ts'

type Client = PrismaClient | Tx
type Viewer = { id: string }

const sql = Prisma.sql
const join = Prisma.join
const raw = Prisma.raw

/** Drafts are private to the people listed on them (as in listUseCases); everything else is visible to every signed-in role. */
function visibleTo(viewer: Viewer) {
	return sql`(u."status" <> 'DRAFT' OR u."createdById" = ${viewer.id} OR u."ownerId" = ${viewer.id}
		OR EXISTS (SELECT 1 FROM "UseCaseContact" c WHERE c."useCaseId" = u."id" AND c."userId" = ${viewer.id}))`
}

const searchDocument = sql`use_case_search_document(u."name", u."problemSolved", u."systemOutputs", u."vendorNames")`

function textSearch(q: string) {
	// The tracking id is matched exactly (its unique index), the rest through the full-text index.
	return sql`(${searchDocument} @@ websearch_to_tsquery('english', ${q}) OR u."trackingId" = ${q.toUpperCase()})`
}

const enumList = (values: ReadonlyArray<string>, type: string) =>
	sql`ARRAY[${join(values)}]::${raw(`"${type}"`)}[]`
const textList = (values: ReadonlyArray<string>) => sql`ARRAY[${join(values)}]::text[]`

function determinationMatch(values: ReadonlyArray<DeterminationFilterValue>) {
	const recorded = values.filter((v) => v !== 'PRESUMED_UNDETERMINED' && v !== 'UNDETERMINED')
	const parts: Array<Prisma.Sql> = []
	// Recorded answers go through the determination column's index; only undetermined cases need the presumption.
	if (recorded.length)
		parts.push(
			sql`u."highImpactDetermination" = ANY(${enumList(recorded, 'HighImpactDetermination')})`,
		)
	if (values.includes('PRESUMED_UNDETERMINED'))
		parts.push(sql`(u."highImpactDetermination" IS NULL AND ${presumedHighImpact})`)
	if (values.includes('UNDETERMINED'))
		parts.push(sql`(u."highImpactDetermination" IS NULL AND NOT ${presumedHighImpact})`)
	return sql`(${join(parts, ' OR ')})`
}

/** One condition per filter that is set; a filter left empty adds nothing. */
function filterConditions(query: InventoryQuery): Partial<Record<Dimension, Prisma.Sql>> {
	const conditions: Partial<Record<Dimension, Prisma.Sql>> = {}
	if (query.status.length)
		conditions.status = sql`u."status" = ANY(${enumList(query.status, 'UseCaseStatus')})`
	if (query.stage.length) conditions.stage = sql`u."stage" = ANY(${enumList(query.stage, 'Stage')})`
	if (query.determination.length) conditions.determination = determinationMatch(query.determination)
	if (query.orgUnit.length) {
		// The unit and every unit below it (codes are slash paths), resolved to ids so no join is needed.
		conditions.orgUnit = sql`u."orgUnitId" IN (SELECT ou."id" FROM "OrgUnit" ou WHERE ${join(
			query.orgUnit.map((code) => sql`(ou."code" = ${code} OR ou."code" LIKE ${`${code}/%`})`),
			' OR ',
		)})`
	}
	// Array overlap (&&) is what the GIN indexes on the copied dataset facts, vendors and tags answer.
	if (query.datasetCategory.length)
		conditions.datasetCategory = sql`u."datasetCategories" && ${enumList(query.datasetCategory, 'DatasetCategory')}`
	if (query.sensitivity.length)
		conditions.sensitivity = sql`u."sensitivities" && ${enumList(query.sensitivity, 'DatasetSensitivity')}`
	if (query.topicArea.length)
		conditions.topicArea = sql`u."topicArea" = ANY(${enumList(query.topicArea, 'TopicArea')})`
	if (query.classification.length)
		conditions.classification = sql`u."classification" = ANY(${enumList(query.classification, 'Classification')})`
	if (query.vendor.length) conditions.vendor = sql`u."vendorNames" && ${textList(query.vendor)}`
	if (query.tag.length) conditions.tag = sql`u."tags" && ${textList(query.tag)}`
	if (query.overdue) conditions.overdue = overdue
	return conditions
}

function allOf(parts: ReadonlyArray<Prisma.Sql>) {
	return parts.length ? join(parts, ' AND ') : sql`TRUE`
}

/** Everything submitted: the same for every viewer, so its counts can be shared. */
const submitted = sql`u."status" <> 'DRAFT'`

/** The viewer's own drafts: the only part of a view that differs between viewers. */
function draftsOf(viewer: Viewer) {
	return sql`(u."status" = 'DRAFT' AND (u."createdById" = ${viewer.id} OR u."ownerId" = ${viewer.id}
		OR EXISTS (SELECT 1 FROM "UseCaseContact" c WHERE c."useCaseId" = u."id" AND c."userId" = ${viewer.id})))`
}

/** Who is counted (`population`: who may see what), the text search, the filters and anything `extra`. */
function whereFor(
	population: Prisma.Sql,
	query: InventoryQuery,
	extra: ReadonlyArray<Prisma.Sql> = [],
) {
	return allOf([
		population,
		...(query.q ? [textSearch(query.q)] : []),
		...Object.values(filterConditions(query)),
		...extra,
	])
}

const sensitivityRank = sql`CASE WHEN 'PART2' = ANY(u."sensitivities") THEN 1 WHEN 'FTI' = ANY(u."sensitivities") THEN 2
	WHEN 'PHI' = ANY(u."sensitivities") THEN 3 WHEN 'PII' = ANY(u."sensitivities") THEN 4
	WHEN 'DEMOGRAPHIC' = ANY(u."sensitivities") THEN 5 ELSE 6 END`

// Column expressions only (no subqueries), each served by an index (updatedAt, trackingId, and the
// expression indexes on lower(name) and the sensitivity rank in the inventory_sort_indexes migration).
const sortExpressions: Record<InventorySortKey, Prisma.Sql> = {
	updated: sql`u."updatedAt"`,
	trackingId: sql`u."trackingId"`,
	name: sql`lower(u."name")`,
	orgUnit: sql`o."code"`,
	stage: sql`u."stage"`,
	status: sql`u."status"`,
	determination: sql`u."highImpactDetermination"`,
	sensitivity: sensitivityRank,
}

// Columns that may be empty sort their blanks last either way; the others keep PostgreSQL's default
// null order, which is what lets an index on them (updatedAt, trackingId) deliver the order.
const nullable = new Set<InventorySortKey>(['stage', 'determination'])

function orderBy(query: Pick<InventoryQuery, 'sort' | 'dir'>) {
	const direction = raw(sortDirection(query) === 'asc' ? 'ASC' : 'DESC')
	const nulls = nullable.has(query.sort) ? raw(' NULLS LAST') : Prisma.empty
	return sql`${sortExpressions[query.sort]} ${direction}${nulls}, u."id" ${direction}`
}

const sortKeyTypes: Record<InventorySortKey, string> = {
	updated: 'timestamp(3)',
	trackingId: 'text',
	name: 'text',
	orgUnit: 'text',
	stage: '"Stage"',
	status: '"UseCaseStatus"',
	determination: '"HighImpactDetermination"',
	sensitivity: 'int',
}

/** Where a page of a view ends: the last row's sort value and id. */
export type InventoryPosition = { sortKey: string | null; id: string }

/**
 * The rows after a position in the view's order (keyset paging): the same order as `orderBy`,
 * with the id breaking ties and blanks last in nullable columns, so that no row is skipped or
 * repeated however deep the page, and no earlier row is counted.
 */
function inventoryAfter(query: Pick<InventoryQuery, 'sort' | 'dir'>, position: InventoryPosition) {
	const expression = sortExpressions[query.sort]
	const ascending = sortDirection(query) === 'asc'
	const beyond = raw(ascending ? '>' : '<')
	const idBeyond = sql`u."id" ${beyond} ${position.id}`
	if (position.sortKey === null) return sql`(${expression} IS NULL AND ${idBeyond})`
	const value = sql`CAST(${position.sortKey} AS ${raw(sortKeyTypes[query.sort])})`
	const blanksAfter = nullable.has(query.sort) ? sql` OR ${expression} IS NULL` : Prisma.empty
	return sql`(${expression} ${beyond} ${value} OR (${expression} = ${value} AND ${idBeyond})${blanksAfter})`
}

/**
 * Runs a statement that reads most of the inventory with JIT compilation off: PostgreSQL's cost
 * estimate for these scans crosses jit_above_cost, and compiling then costs more (≈50 ms) than the
 * whole query.
 */
export async function withoutJit<T>(client: Client, statement: Prisma.Sql): Promise<T> {
	const full = client as PrismaClient
	// Inside a caller's transaction there is no batch to open: the statement just runs.
	if (typeof full.$transaction !== 'function') return client.$queryRaw<T>(statement)
	const [, rows] = await full.$transaction([
		full.$executeRaw`SET LOCAL jit = off`,
		full.$queryRaw<T>(statement),
	])
	return rows
}

export type InventoryRow = {
	id: string
	trackingId: string
	name: string
	status: UseCaseStatus
	stage: Stage | null
	determination: DeterminationFilterValue
	orgUnitCode: string
	orgUnitShortName: string
	sensitivities: Array<DatasetSensitivity>
	datasetCategories: Array<string>
	topicArea: string | null
	classification: string | null
	vendorNames: Array<string>
	tags: Array<string>
	updatedAt: Date
	nextReviewDue: Date | null
	reviewRound: number
	lanes: number
	openLanes: number
	overdue: boolean
	checksBlocked: boolean | null
	checksFailing: number | null
	/** The value the view is sorted on, as text: where a cursor resumes (see `inventoryAfter`). */
	sortKey: string | null
}

/**
 * Rows of a view in its order, with everything the table shows. The page of ids is chosen first
 * (filters, sort, limit), and only those rows get their lanes, checks and overdue flag.
 */
async function selectRows(
	client: Client,
	population: Prisma.Sql,
	query: InventoryQuery,
	window: { limit: number; offset: number },
	extra: ReadonlyArray<Prisma.Sql> = [],
) {
	const rows = await client.$queryRaw<Array<InventoryRow>>(sql`
		WITH page AS (
			SELECT u."id" FROM "UseCase" u ${query.sort === 'orgUnit' ? sql`JOIN "OrgUnit" o ON o."id" = u."orgUnitId"` : Prisma.empty}
			WHERE ${whereFor(population, query, extra)}
			ORDER BY ${orderBy(query)}
			LIMIT ${window.limit} OFFSET ${window.offset}
		)
		SELECT u."id", u."trackingId", u."name", u."status"::text AS "status", u."stage"::text AS "stage",
			${determinationBucket} AS "determination",
			o."code" AS "orgUnitCode", o."shortName" AS "orgUnitShortName",
			u."sensitivities"::text[] AS "sensitivities", u."datasetCategories"::text[] AS "datasetCategories",
			u."topicArea"::text AS "topicArea", u."classification"::text AS "classification",
			u."vendorNames", u."tags", u."updatedAt", u."nextReviewDue", u."reviewRound",
			COALESCE(lanes."total", 0)::int AS "lanes", COALESCE(lanes."open", 0)::int AS "openLanes",
			(COALESCE(u."nextReviewDue" < now(), false)
				OR EXISTS (SELECT 1 FROM "LaneReview" l WHERE l."useCaseId" = u."id" AND l."status" = 'OPEN' AND l."dueOn" < now())
				OR EXISTS (SELECT 1 FROM "DecisionCondition" dc WHERE dc."useCaseId" = u."id" AND dc."metAt" IS NULL AND dc."dueOn" < now())) AS "overdue",
			checks."blocked" AS "checksBlocked", checks."failing" AS "checksFailing",
			(${sortExpressions[query.sort]})::text AS "sortKey"
		FROM page JOIN "UseCase" u ON u."id" = page."id" JOIN "OrgUnit" o ON o."id" = u."orgUnitId"
		LEFT JOIN LATERAL (
			SELECT count(*) AS "total", count(*) FILTER (WHERE l."status" = 'OPEN') AS "open"
			FROM "LaneReview" l WHERE l."useCaseId" = u."id" AND l."round" = u."reviewRound"
		) lanes ON TRUE
		LEFT JOIN LATERAL (
			SELECT cr."blocked",
				(SELECT count(*) FROM jsonb_array_elements(cr."results"->'results') r WHERE r->>'status' = 'FAIL')::int AS "failing"
			FROM "CheckRun" cr WHERE cr."useCaseId" = u."id" AND cr."packVersion" = ${currentPackVersion}
			ORDER BY cr."useCaseVersion" DESC LIMIT 1
		) checks ON TRUE
		ORDER BY ${orderBy(query)}`)
	return rows
}

/**
 * How many cases each filter value would show, counted under all the other filters (so choosing a
 * value never shows a count the click would not give). One statement: the visible, searched cases
 * are read once, and each facet is grouped from that set.
 */
async function countFacets(
	client: Client,
	population: Prisma.Sql,
	query: InventoryQuery,
	orgUnits: ReadonlyArray<OrgUnitOption>,
): Promise<FacetCounts> {
	const conditions = filterConditions(query)
	const dimensions = Object.keys(conditions) as Array<Dimension>
	const flag = (dimension: Dimension) => raw(`"m_${dimension}"`)
	const othersThan = (dimension: Dimension | null) =>
		allOf(dimensions.filter((d) => d !== dimension).map((d) => sql`${flag(d)}`))
	const flags = dimensions.map((d) => sql`, ${conditions[d]!} AS ${flag(d)}`)
	const scalar = (facet: Dimension, column: string) =>
		sql`SELECT ${raw(`'${facet}'`)} AS "facet", ${raw(column)}::text AS "value", count(*)::int AS "n" FROM base WHERE ${othersThan(facet)} GROUP BY 2`
	// Open-ended lists (vendors, tags) are unnested, skipping the many rows that have none.
	const array = (facet: Dimension, column: string) =>
		sql`SELECT ${raw(`'${facet}'`)} AS "facet", v::text AS "value", count(*)::int AS "n" FROM base CROSS JOIN LATERAL unnest(${raw(column)}) v
			WHERE cardinality(${raw(column)}) > 0 AND ${othersThan(facet)} GROUP BY 2`
	// Lists with a fixed vocabulary (dataset categories, sensitivities) are counted in one pass, one FILTER per value.
	const fixedLists = join(
		[
			...datasetCategories.map(
				(value) =>
					sql`${raw(`'datasetCategory:${value}', count(*) FILTER (WHERE '${value}' = ANY("cats") AND `)}${othersThan('datasetCategory')})`,
			),
			...datasetSensitivities.map(
				(value) =>
					sql`${raw(`'sensitivity:${value}', count(*) FILTER (WHERE '${value}' = ANY("sens") AND `)}${othersThan('sensitivity')})`,
			),
		],
		', ',
	)
	const rows = await withoutJit<Array<{ facet: string; value: string | null; n: number }>>(
		client,
		sql`
		WITH base AS MATERIALIZED (
			SELECT u."status", u."stage", ${determinationBucket} AS "det", u."orgUnitId" AS "org", u."datasetCategories" AS "cats",
				u."sensitivities" AS "sens", u."topicArea" AS "topic", u."classification" AS "cls", u."vendorNames" AS "vendors",
				u."tags" AS "tags", ${overdue} AS "late" ${flags.length ? join(flags, ' ') : Prisma.empty}
			FROM "UseCase" u
			WHERE ${allOf([population, ...(query.q ? [textSearch(query.q)] : [])])}
		)
		${scalar('status', '"status"')}
		UNION ALL ${scalar('stage', '"stage"')}
		UNION ALL ${scalar('determination', '"det"')}
		UNION ALL ${scalar('orgUnit', '"org"')}
		UNION ALL SELECT 'lists', jsonb_build_object(${fixedLists})::text, 0 FROM base
		UNION ALL ${scalar('topicArea', '"topic"')}
		UNION ALL ${scalar('classification', '"cls"')}
		UNION ALL ${array('vendor', '"vendors"')}
		UNION ALL ${array('tag', '"tags"')}
		UNION ALL SELECT 'overdue', 'true', count(*)::int FROM base WHERE "late" AND ${othersThan('overdue')}
		UNION ALL SELECT 'total', NULL, count(*)::int FROM base WHERE ${othersThan(null)}`,
	)
	const counts = emptyCounts()
	const codeOf = new Map(orgUnits.map((unit) => [unit.id, unit.code]))
	for (const row of rows) {
		if (row.facet === 'total') counts.total = row.n
		else if (row.value === null) continue
		else if (row.facet === 'lists') {
			for (const [key, n] of Object.entries(JSON.parse(row.value) as Record<string, number>)) {
				const [facet, value] = key.split(':') as ['datasetCategory' | 'sensitivity', string]
				if (n > 0) counts[facet].set(value, n)
			}
		} else if (row.facet === 'orgUnit')
			counts.orgUnit.set(codeOf.get(row.value) ?? row.value, row.n)
		else counts[row.facet as Dimension].set(row.value, row.n)
	}
	return counts
}

function addCounts(a: FacetCounts, b: FacetCounts): FacetCounts {
	const sum = { ...a, total: a.total + b.total }
	for (const key of Object.keys(a) as Array<keyof FacetCounts>) {
		if (key === 'total') continue
		const merged = new Map(a[key])
		for (const [value, n] of b[key]) merged.set(value, (merged.get(value) ?? 0) + n)
		sum[key] = merged
	}
	return sum
}

/** Whether the viewer is listed on any draft: only then does their view differ from everyone else's. */
async function viewerHasDrafts(client: Client, viewer: Viewer) {
	const [row] = await client.$queryRaw<Array<{ hasDrafts: boolean }>>(sql`
		SELECT (EXISTS (SELECT 1 FROM "UseCase" u WHERE u."createdById" = ${viewer.id} AND u."status" = 'DRAFT')
			OR EXISTS (SELECT 1 FROM "UseCase" u WHERE u."ownerId" = ${viewer.id} AND u."status" = 'DRAFT')
			OR EXISTS (SELECT 1 FROM "UseCaseContact" c JOIN "UseCase" u ON u."id" = c."useCaseId" WHERE c."userId" = ${viewer.id} AND u."status" = 'DRAFT')) AS "hasDrafts"`)
	return row?.hasDrafts ?? false
}

/**
 * The next moment a case becomes overdue by the clock alone (a periodic re-review, an open lane or
 * an unmet condition falling due), or null when nothing is due: until then, what the inventory
 * shows can change only by a write, which moves the data version.
 */
export async function nextOverdueChange(client: Client): Promise<number | null> {
	const [row] = await client.$queryRaw<Array<{ at: Date | null }>>(sql`
		SELECT LEAST(
			(SELECT min(u."nextReviewDue") FROM "UseCase" u WHERE u."nextReviewDue" >= now()),
			(SELECT min(l."dueOn") FROM "LaneReview" l WHERE l."status" IN ('OPEN', 'CHANGES_REQUESTED') AND l."dueOn" >= now()),
			(SELECT min(dc."dueOn") FROM "DecisionCondition" dc WHERE dc."metAt" IS NULL AND dc."dueOn" >= now())) AS "at"`)
	return row?.at ? row.at.getTime() : null
}

function countsKey(query: InventoryQuery) {
	const { sort: _sort, dir: _dir, page: _page, ...filters } = query
	return JSON.stringify(filters)
}

export type OrgUnitOption = { id: string; code: string; shortName: string; name: string }

/** The org-unit hierarchy, in code order. */
export async function listOrgUnits(client: Client = defaultClient): Promise<Array<OrgUnitOption>> {
	return client.orgUnit.findMany({
		orderBy: { code: 'asc' },
		select: { id: true, code: true, shortName: true, name: true },
	})
}

function assertKnownOrgUnits(query: InventoryQuery, orgUnits: ReadonlyArray<OrgUnitOption>) {
	const unknown = query.orgUnit.filter((code) => !orgUnits.some((unit) => unit.code === code))
	if (unknown.length)
		throw new AppError(
			'INVALID',
			`No org unit has the code ${unknown.join(', ')}; codes look like HHS/CMS/CCIIO.`,
		)
}

export type InventoryPage = {
	rows: Array<InventoryRow>
	facets: FacetCounts
	orgUnits: Array<OrgUnitOption>
	pageCount: number
}

function pageOf(
	rows: Array<InventoryRow>,
	facets: FacetCounts,
	orgUnits: Array<OrgUnitOption>,
): InventoryPage {
	return {
		rows,
		facets,
		orgUnits,
		pageCount: Math.max(1, Math.ceil(facets.total / INVENTORY_PAGE_SIZE)),
	}
}

const pageWindow = (query: InventoryQuery) => ({
	limit: INVENTORY_PAGE_SIZE,
	offset: (query.page - 1) * INVENTORY_PAGE_SIZE,
})

/** One page of the inventory with its facet counts, read afresh; an unknown org unit is INVALID (400). */
export async function findInventoryPage(
	viewer: Viewer,
	query: InventoryQuery,
	client: Client = defaultClient,
): Promise<InventoryPage> {
	const orgUnits = await listOrgUnits(client)
	assertKnownOrgUnits(query, orgUnits)
	const [rows, shared, own] = await Promise.all([
		selectRows(client, visibleTo(viewer), query, pageWindow(query)),
		countFacets(client, submitted, query, orgUnits),
		viewerHasDrafts(client, viewer).then((hasDrafts) =>
			hasDrafts ? countFacets(client, draftsOf(viewer), query, orgUnits) : null,
		),
	])
	return pageOf(rows, own ? addCounts(shared, own) : shared, orgUnits)
}

// ── Kept under the data version ──

// What everyone without drafts sees is one value per view, shared by all of them; a viewer listed
// on drafts has rows of their own and adds their drafts' counts to the shared ones. Every value is
// kept under the data version it was read at, and until the next moment the clock alone would make
// a case overdue (see docs/decisions/030-read-models-cached-by-data-version.md).
const orgUnitsCache = createVersionedCache<Array<OrgUnitOption>>({ maxEntries: 1 })
const horizonCache = createVersionedCache<number | null>({ maxEntries: 1 })
const draftsCache = createVersionedCache<boolean>({ maxEntries: 5_000 })
// A case becoming overdue by the clock shows once the view is read again (a recount later), never
// holding up the requests meanwhile: at 100,000 cases a count takes most of a second.
const rowsCache = createVersionedCache<Array<InventoryRow>>({
	maxEntries: 2_000,
	refreshBehindTheClock: true,
})
const countsCache = createVersionedCache<FacetCounts>({
	maxEntries: 1_000,
	refreshBehindTheClock: true,
})

/** The next moment the clock alone changes the inventory, kept until that moment. */
function overdueHorizon(version: DataVersion) {
	return horizonCache.get('horizon', version, async () => {
		const at = await nextOverdueChange(defaultClient)
		return { value: at, validUntil: at }
	})
}

async function keptOrgUnits(version: DataVersion) {
	return orgUnitsCache.get('units', version, async () => ({
		value: await listOrgUnits(defaultClient),
	}))
}

/** What every kept view of `viewer` at `version` depends on: the org units, the next overdue moment, and whether they have drafts. */
async function keptScope(viewer: Viewer, query: InventoryQuery, version: DataVersion) {
	const [orgUnits, horizon, hasDrafts] = await Promise.all([
		keptOrgUnits(version),
		overdueHorizon(version),
		draftsCache.get(viewer.id, version, async () => ({
			value: await viewerHasDrafts(defaultClient, viewer),
		})),
	])
	assertKnownOrgUnits(query, orgUnits)
	return { orgUnits, horizon, hasDrafts }
}

/** The counts of the submitted cases: from the facts kept in memory unless the view searches text (or they are still being read). */
async function countSubmitted(
	query: InventoryQuery,
	orgUnits: ReadonlyArray<OrgUnitOption>,
	version: DataVersion,
) {
	if (!query.q) {
		const kept = await keptInventoryFacts.at(version)
		if (kept) return kept.value.count(query, orgUnits, Date.now())
	}
	return countFacets(defaultClient, submitted, query, orgUnits)
}

/**
 * One page of the inventory with its facet counts, as of `version` (read by the caller before
 * calling): from this process's cache when the same view was read at the same version, by anyone
 * who sees the same cases.
 */
export async function inventoryPageAt(
	viewer: Viewer,
	query: InventoryQuery,
	version: DataVersion,
): Promise<InventoryPage> {
	const { orgUnits, horizon, hasDrafts } = await keptScope(viewer, query, version)
	const view = JSON.stringify(query)
	const counts = countsKey(query)
	const validUntil = horizon
	const shared = countsCache.get(`shared ${counts}`, version, async () => ({
		value: await countSubmitted(query, orgUnits, version),
		validUntil,
	}))
	if (!hasDrafts) {
		// No drafts of theirs: exactly the submitted cases, the same for everyone in this position.
		const rows = rowsCache.get(`shared ${view}`, version, async () => ({
			value: await selectRows(defaultClient, submitted, query, pageWindow(query)),
			validUntil,
		}))
		const [pageRows, facets] = await Promise.all([rows, shared])
		return pageOf(pageRows, facets, orgUnits)
	}
	const rows = rowsCache.get(`${viewer.id} ${view}`, version, async () => ({
		value: await selectRows(defaultClient, visibleTo(viewer), query, pageWindow(query)),
		validUntil,
	}))
	const own = countsCache.get(`${viewer.id} ${counts}`, version, async () => ({
		value: await countFacets(defaultClient, draftsOf(viewer), query, orgUnits),
		validUntil,
	}))
	const [pageRows, sharedCounts, ownCounts] = await Promise.all([rows, shared, own])
	return pageOf(pageRows, addCounts(sharedCounts, ownCounts), orgUnits)
}

/**
 * One slice of a view without counts, as of `version` (read by the caller first): up to `limit` rows
 * after `after` (or from the start). The REST API and the MCP server page through the inventory with
 * it, kept like the pages' rows: shared by everyone who sees the same cases, a viewer listed on
 * drafts having slices of their own.
 */
export async function inventorySliceAt(
	viewer: Viewer,
	query: InventoryQuery,
	window: { after: InventoryPosition | null; limit: number },
	version: DataVersion,
) {
	const { horizon, hasDrafts } = await keptScope(viewer, query, version)
	const key = `${hasDrafts ? viewer.id : 'shared'} slice ${JSON.stringify([query, window])}`
	const rows = await rowsCache.get(key, version, async () => ({
		value: await selectRows(
			defaultClient,
			hasDrafts ? visibleTo(viewer) : submitted,
			query,
			{ limit: window.limit + 1, offset: 0 },
			window.after ? [inventoryAfter(query, window.after)] : [],
		),
		validUntil: horizon,
	}))
	const more = rows.length > window.limit
	const page = more ? rows.slice(0, window.limit) : rows
	const last = page.at(-1)
	return { rows: page, next: more && last ? { sortKey: last.sortKey, id: last.id } : null }
}

/** Every row of a view, in its order, read in batches so that a download never holds the whole inventory. */
export async function* streamInventoryRows(
	viewer: Viewer,
	query: InventoryQuery,
	options: { ids?: ReadonlyArray<string>; batchSize?: number; client?: Client } = {},
) {
	const client = options.client ?? defaultClient
	const orgUnits = await listOrgUnits(client)
	assertKnownOrgUnits(query, orgUnits)
	const batchSize = options.batchSize ?? 1000
	const extra = options.ids
		? [options.ids.length ? sql`u."id" IN (${join(options.ids)})` : sql`FALSE`]
		: []
	for (let offset = 0; ; offset += batchSize) {
		const batch = await selectRows(
			client,
			visibleTo(viewer),
			query,
			{ limit: batchSize, offset },
			extra,
		)
		yield* batch
		if (batch.length < batchSize) return
	}
}

/** The ids among these that the viewer may see (someone else's draft is not among them). */
export async function visibleIds(
	viewer: Viewer,
	ids: ReadonlyArray<string>,
	client: Client = defaultClient,
) {
	if (ids.length === 0) return []
	const rows = await client.$queryRaw<Array<{ id: string }>>(
		sql`SELECT u."id" FROM "UseCase" u WHERE u."id" IN (${join(ids)}) AND ${visibleTo(viewer)}`,
	)
	return rows.map((row) => row.id)
}
