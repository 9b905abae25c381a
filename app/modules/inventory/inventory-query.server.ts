// The inventory as SQL: one statement for the page's rows (with their org unit, review lanes,
// latest check run and overdue flag: no N+1), one for every facet's counts (each counted under all
// the other filters), both over the indexes the schema keeps for them (see
// docs/decisions/009-inventory-search-and-filter-queries.md).
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { prisma as defaultClient } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { datasetCategories, datasetSensitivities, type DatasetSensitivity, type Stage, type UseCaseStatus } from '#app/modules/use-cases/vocabulary.ts'
import {
	type DeterminationFilterValue,
	INVENTORY_PAGE_SIZE,
	type InventoryQuery,
	type InventorySortKey,
	type MultiValuedKey,
	sortDirection,
} from './inventory-filters.ts'

type Client = PrismaClient | Tx
type Viewer = { id: string }

const sql = Prisma.sql
const join = Prisma.join
const raw = Prisma.raw

// The newest published pack: presumptions and check results are read for its version only.
export const currentPackVersion = sql`(SELECT "version" FROM "PolicyPackVersion" WHERE "status" = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1)`

/** Drafts are private to the people listed on them (as in listUseCases); everything else is visible to every signed-in role. */
function visibleTo(viewer: Viewer) {
	return sql`(u."status" <> 'DRAFT' OR u."createdById" = ${viewer.id} OR u."ownerId" = ${viewer.id}
		OR EXISTS (SELECT 1 FROM "UseCaseContact" c WHERE c."useCaseId" = u."id" AND c."userId" = ${viewer.id}))`
}

/** Whether the checks presume the case high-impact (M-25-21 §6): its latest check run against the current pack. */
const presumedHighImpact = sql`COALESCE((SELECT cr."presumedHighImpact" FROM "CheckRun" cr
	WHERE cr."useCaseId" = u."id" AND cr."packVersion" = ${currentPackVersion}
	ORDER BY cr."useCaseVersion" DESC LIMIT 1), false)`

/** OMB's answer, or one of the two undetermined states; the presumption is looked up only for undetermined cases. */
export const determinationBucket = sql`CASE WHEN u."highImpactDetermination" IS NOT NULL THEN u."highImpactDetermination"::text
	WHEN ${presumedHighImpact} THEN 'PRESUMED_UNDETERMINED' ELSE 'UNDETERMINED' END`

/** Review overdue: past its periodic re-review, a lane open past its due date, or a condition unmet past its due date. */
const overdue = sql`(u."nextReviewDue" < now()
	OR u."id" IN (SELECT l."useCaseId" FROM "LaneReview" l WHERE l."status" = 'OPEN' AND l."dueOn" < now())
	OR u."id" IN (SELECT dc."useCaseId" FROM "DecisionCondition" dc WHERE dc."metAt" IS NULL AND dc."dueOn" < now()))`

const searchDocument = sql`use_case_search_document(u."name", u."problemSolved", u."systemOutputs", u."vendorNames")`

function textSearch(q: string) {
	// The tracking id is matched exactly (its unique index), the rest through the full-text index.
	return sql`(${searchDocument} @@ websearch_to_tsquery('english', ${q}) OR u."trackingId" = ${q.toUpperCase()})`
}

const enumList = (values: ReadonlyArray<string>, type: string) => sql`ARRAY[${join(values)}]::${raw(`"${type}"`)}[]`
const textList = (values: ReadonlyArray<string>) => sql`ARRAY[${join(values)}]::text[]`

function determinationMatch(values: ReadonlyArray<DeterminationFilterValue>) {
	const recorded = values.filter((v) => v !== 'PRESUMED_UNDETERMINED' && v !== 'UNDETERMINED')
	const parts: Array<Prisma.Sql> = []
	// Recorded answers go through the determination column's index; only undetermined cases need the presumption.
	if (recorded.length) parts.push(sql`u."highImpactDetermination" = ANY(${enumList(recorded, 'HighImpactDetermination')})`)
	if (values.includes('PRESUMED_UNDETERMINED')) parts.push(sql`(u."highImpactDetermination" IS NULL AND ${presumedHighImpact})`)
	if (values.includes('UNDETERMINED')) parts.push(sql`(u."highImpactDetermination" IS NULL AND NOT ${presumedHighImpact})`)
	return sql`(${join(parts, ' OR ')})`
}

type Dimension = MultiValuedKey | 'overdue'

/** One condition per filter that is set; a filter left empty adds nothing. */
function filterConditions(query: InventoryQuery): Partial<Record<Dimension, Prisma.Sql>> {
	const conditions: Partial<Record<Dimension, Prisma.Sql>> = {}
	if (query.status.length) conditions.status = sql`u."status" = ANY(${enumList(query.status, 'UseCaseStatus')})`
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
	if (query.datasetCategory.length) conditions.datasetCategory = sql`u."datasetCategories" && ${enumList(query.datasetCategory, 'DatasetCategory')}`
	if (query.sensitivity.length) conditions.sensitivity = sql`u."sensitivities" && ${enumList(query.sensitivity, 'DatasetSensitivity')}`
	if (query.topicArea.length) conditions.topicArea = sql`u."topicArea" = ANY(${enumList(query.topicArea, 'TopicArea')})`
	if (query.classification.length) conditions.classification = sql`u."classification" = ANY(${enumList(query.classification, 'Classification')})`
	if (query.vendor.length) conditions.vendor = sql`u."vendorNames" && ${textList(query.vendor)}`
	if (query.tag.length) conditions.tag = sql`u."tags" && ${textList(query.tag)}`
	if (query.overdue) conditions.overdue = overdue
	return conditions
}

function allOf(parts: ReadonlyArray<Prisma.Sql>) {
	return parts.length ? join(parts, ' AND ') : sql`TRUE`
}

/** What every query of a view shares: who may see what, and the text search. */
function scope(viewer: Viewer, query: Pick<InventoryQuery, 'q'>) {
	return [visibleTo(viewer), ...(query.q ? [textSearch(query.q)] : [])]
}

/** Everything submitted: the same for every viewer, so its counts can be shared. */
const submitted = sql`u."status" <> 'DRAFT'`

/** The viewer's own drafts: the only part of a view that differs between viewers. */
function draftsOf(viewer: Viewer) {
	return sql`(u."status" = 'DRAFT' AND (u."createdById" = ${viewer.id} OR u."ownerId" = ${viewer.id}
		OR EXISTS (SELECT 1 FROM "UseCaseContact" c WHERE c."useCaseId" = u."id" AND c."userId" = ${viewer.id})))`
}

function whereFor(viewer: Viewer, query: InventoryQuery, extra: ReadonlyArray<Prisma.Sql> = []) {
	return allOf([...scope(viewer, query), ...Object.values(filterConditions(query)), ...extra])
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
 * One slice of a view without counts: up to `limit` rows after `after` (or from the start). The
 * REST API and the MCP server page through the inventory with it.
 */
export async function findInventorySlice(viewer: Viewer, query: InventoryQuery, window: { after: InventoryPosition | null; limit: number }, client: Client = defaultClient) {
	assertKnownOrgUnits(query, await listOrgUnits(client))
	const rows = await selectRows(client, viewer, query, { limit: window.limit + 1, offset: 0 }, window.after ? [inventoryAfter(query, window.after)] : [])
	const more = rows.length > window.limit
	const page = more ? rows.slice(0, window.limit) : rows
	const last = page.at(-1)
	return { rows: page, next: more && last ? { sortKey: last.sortKey, id: last.id } : null }
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
	const [, rows] = await full.$transaction([full.$executeRaw`SET LOCAL jit = off`, full.$queryRaw<T>(statement)])
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
async function selectRows(client: Client, viewer: Viewer, query: InventoryQuery, window: { limit: number; offset: number }, extra: ReadonlyArray<Prisma.Sql> = []) {
	const rows = await client.$queryRaw<Array<InventoryRow>>(sql`
		WITH page AS (
			SELECT u."id" FROM "UseCase" u ${query.sort === 'orgUnit' ? sql`JOIN "OrgUnit" o ON o."id" = u."orgUnitId"` : Prisma.empty}
			WHERE ${whereFor(viewer, query, extra)}
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

export type FacetCounts = Record<Dimension, Map<string, number>> & { total: number }

/**
 * How many cases each filter value would show, counted under all the other filters (so choosing a
 * value never shows a count the click would not give). One statement: the visible, searched cases
 * are read once, and each facet is grouped from that set.
 */
async function countFacets(client: Client, population: Prisma.Sql, query: InventoryQuery, orgUnits: ReadonlyArray<OrgUnitOption>): Promise<FacetCounts> {
	const conditions = filterConditions(query)
	const dimensions = Object.keys(conditions) as Array<Dimension>
	const flag = (dimension: Dimension) => raw(`"m_${dimension}"`)
	const othersThan = (dimension: Dimension | null) => allOf(dimensions.filter((d) => d !== dimension).map((d) => sql`${flag(d)}`))
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
			...datasetCategories.map((value) => sql`${raw(`'datasetCategory:${value}', count(*) FILTER (WHERE '${value}' = ANY("cats") AND `)}${othersThan('datasetCategory')})`),
			...datasetSensitivities.map((value) => sql`${raw(`'sensitivity:${value}', count(*) FILTER (WHERE '${value}' = ANY("sens") AND `)}${othersThan('sensitivity')})`),
		],
		', ',
	)
	const rows = await withoutJit<Array<{ facet: string; value: string | null; n: number }>>(client, sql`
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
		UNION ALL SELECT 'total', NULL, count(*)::int FROM base WHERE ${othersThan(null)}`)
	const counts = {
		total: 0,
		...(Object.fromEntries(
			(['status', 'stage', 'determination', 'orgUnit', 'datasetCategory', 'sensitivity', 'topicArea', 'classification', 'vendor', 'tag', 'overdue'] as const).map(
				(d) => [d, new Map<string, number>()],
			),
		) as Record<Dimension, Map<string, number>>),
	}
	const codeOf = new Map(orgUnits.map((unit) => [unit.id, unit.code]))
	for (const row of rows) {
		if (row.facet === 'total') counts.total = row.n
		else if (row.value === null) continue
		else if (row.facet === 'lists') {
			for (const [key, n] of Object.entries(JSON.parse(row.value) as Record<string, number>)) {
				const [facet, value] = key.split(':') as ['datasetCategory' | 'sensitivity', string]
				if (n > 0) counts[facet].set(value, n)
			}
		}
		else if (row.facet === 'orgUnit') counts.orgUnit.set(codeOf.get(row.value) ?? row.value, row.n)
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

/**
 * Whether anything a count depends on may have changed: the newest change to any case (Prisma
 * stamps updatedAt on every update, and a draft's first submission is one), read from the
 * updatedAt index; and whether the viewer has drafts of their own to add to the shared counts.
 */
async function countsStamp(client: Client, viewer: Viewer) {
	const [row] = await client.$queryRaw<Array<{ stamp: Date | null; hasDrafts: boolean }>>(sql`
		SELECT (SELECT max(u."updatedAt") FROM "UseCase" u) AS "stamp",
			(EXISTS (SELECT 1 FROM "UseCase" u WHERE u."createdById" = ${viewer.id} AND u."status" = 'DRAFT')
				OR EXISTS (SELECT 1 FROM "UseCase" u WHERE u."ownerId" = ${viewer.id} AND u."status" = 'DRAFT')
				OR EXISTS (SELECT 1 FROM "UseCaseContact" c JOIN "UseCase" u ON u."id" = c."useCaseId" WHERE c."userId" = ${viewer.id} AND u."status" = 'DRAFT')) AS "hasDrafts"`)
	return { stamp: row?.stamp?.getTime() ?? 0, hasDrafts: row?.hasDrafts ?? false }
}

/**
 * The counts of submitted cases are the same for every viewer, so one computation per view serves
 * everyone until a case changes (the stamp) or COUNTS_MAX_AGE_MS passes (what changes without
 * touching a case: the clock making reviews overdue, lanes decided, conditions met).
 */
export const COUNTS_MAX_AGE_MS = 30_000
const MAX_CACHED_VIEWS = 500
const sharedCounts = new Map<string, { stamp: number; at: number; counts: Promise<FacetCounts>; refreshing: boolean }>()

function countsKey(query: InventoryQuery) {
	const { sort: _sort, dir: _dir, page: _page, ...filters } = query
	return JSON.stringify(filters)
}

function cachedSubmittedCounts(client: Client, query: InventoryQuery, orgUnits: ReadonlyArray<OrgUnitOption>, stamp: number) {
	// Only the app's own client is shared between requests; tests and scripts pass theirs and count afresh.
	if (client !== defaultClient) return countFacets(client, submitted, query, orgUnits)
	const key = countsKey(query)
	const now = Date.now()
	const hit = sharedCounts.get(key)
	if (hit && hit.stamp === stamp) {
		// Older than COUNTS_MAX_AGE_MS but no case changed: serve them while one refresh runs, so that a
		// view's counts expiring never makes the people looking at it wait for the recount.
		if (now - hit.at >= COUNTS_MAX_AGE_MS && !hit.refreshing) {
			hit.refreshing = true
			const fresh = countFacets(client, submitted, query, orgUnits)
			fresh.then(
				() => sharedCounts.set(key, { stamp, at: Date.now(), counts: fresh, refreshing: false }),
				() => (hit.refreshing = false),
			)
		}
		return hit.counts
	}
	const counts = countFacets(client, submitted, query, orgUnits)
	if (sharedCounts.size >= MAX_CACHED_VIEWS) sharedCounts.delete(sharedCounts.keys().next().value!)
	sharedCounts.set(key, { stamp, at: now, counts, refreshing: false })
	counts.catch(() => sharedCounts.delete(key))
	return counts
}

/** Forget the shared counts (after a change this process made that may not move the stamp). */
export function invalidateInventoryCounts() {
	sharedCounts.clear()
}

export type OrgUnitOption = { id: string; code: string; shortName: string; name: string }

let orgUnitCache: { at: number; units: Promise<Array<OrgUnitOption>> } | null = null
const ORG_UNITS_MAX_AGE_MS = 60_000

/** The org-unit hierarchy (a dozen rows that administrators rarely change: kept for a minute). */
export async function listOrgUnits(client: Client = defaultClient): Promise<Array<OrgUnitOption>> {
	const load = () => client.orgUnit.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, shortName: true, name: true } })
	if (client !== defaultClient) return load()
	if (orgUnitCache && Date.now() - orgUnitCache.at < ORG_UNITS_MAX_AGE_MS) return orgUnitCache.units
	const units = load()
	orgUnitCache = { at: Date.now(), units }
	units.catch(() => (orgUnitCache = null))
	return units
}

/** Forget the org units after an administrator changed them, so the next page reads them again. */
export function forgetOrgUnits() {
	orgUnitCache = null
	sharedCounts.clear()
}

function assertKnownOrgUnits(query: InventoryQuery, orgUnits: ReadonlyArray<OrgUnitOption>) {
	const unknown = query.orgUnit.filter((code) => !orgUnits.some((unit) => unit.code === code))
	if (unknown.length) throw new AppError('INVALID', `No org unit has the code ${unknown.join(', ')}; codes look like HHS/CMS/CCIIO.`)
}

/** One page of the inventory with its facet counts; an unknown org unit is INVALID (400). */
export async function findInventoryPage(viewer: Viewer, query: InventoryQuery, client: Client = defaultClient) {
	const orgUnits = await listOrgUnits(client)
	assertKnownOrgUnits(query, orgUnits)
	// The rows do not wait for the counts' stamp: both go to the database at once.
	const rows = selectRows(client, viewer, query, { limit: INVENTORY_PAGE_SIZE, offset: (query.page - 1) * INVENTORY_PAGE_SIZE })
	const counts = countsStamp(client, viewer).then(({ stamp, hasDrafts }) =>
		Promise.all([cachedSubmittedCounts(client, query, orgUnits, stamp), hasDrafts ? countFacets(client, draftsOf(viewer), query, orgUnits) : null]),
	)
	const [pageRows, [shared, own]] = await Promise.all([rows, counts])
	const facets = own ? addCounts(shared, own) : shared
	return { rows: pageRows, facets, orgUnits, pageCount: Math.max(1, Math.ceil(facets.total / INVENTORY_PAGE_SIZE)) }
}

/** Every row of a view, in its order, read in batches so that a download never holds the whole inventory. */
export async function* streamInventoryRows(viewer: Viewer, query: InventoryQuery, options: { ids?: ReadonlyArray<string>; batchSize?: number; client?: Client } = {}) {
	const client = options.client ?? defaultClient
	const orgUnits = await listOrgUnits(client)
	assertKnownOrgUnits(query, orgUnits)
	const batchSize = options.batchSize ?? 1000
	const extra = options.ids ? [options.ids.length ? sql`u."id" IN (${join(options.ids)})` : sql`FALSE`] : []
	for (let offset = 0; ; offset += batchSize) {
		const batch = await selectRows(client, viewer, query, { limit: batchSize, offset }, extra)
		yield* batch
		if (batch.length < batchSize) return
	}
}

/** The ids among these that the viewer may see (someone else's draft is not among them). */
export async function visibleIds(viewer: Viewer, ids: ReadonlyArray<string>, client: Client = defaultClient) {
	if (ids.length === 0) return []
	const rows = await client.$queryRaw<Array<{ id: string }>>(
		sql`SELECT u."id" FROM "UseCase" u WHERE u."id" IN (${join(ids)}) AND ${visibleTo(viewer)}`,
	)
	return rows.map((row) => row.id)
}

