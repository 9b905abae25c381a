// The leadership dashboards: a handful of aggregate statements over the inventory and its workflow
// records. Drafts are private to their authors, so every figure counts submitted cases only, the
// same for every viewer; that lets one computation serve everyone until the data change.
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import {
	datasetCategories,
	datasetSensitivities,
	type MinimumPractice,
	type ReviewLane,
	type Stage,
} from '#app/modules/use-cases/vocabulary.ts'
import { type DataVersion } from '#app/modules/data-version/data-version.server.ts'
import {
	createVersionedCache,
	freshDataVersion,
} from '#app/modules/data-version/versioned-cache.server.ts'
import { prisma as defaultClient } from '#app/utils/db.server.ts'
import { determinationBucket } from '#app/modules/inventory/inventory-expressions.server.ts'
import {
	listOrgUnits,
	nextOverdueChange,
	type OrgUnitOption,
	withoutJit,
} from '#app/modules/inventory/inventory-query.server.ts'
import { keptInventoryFacts } from '#app/modules/inventory/inventory-facts.server.ts'
import { type Follower } from '#app/modules/data-version/change-log.server.ts'
import { type Dimension, type FactsTable } from '#app/modules/inventory/inventory-facts.ts'
import { overdueLaneWhere } from '#app/modules/workflow/review-queries.server.ts'
import { InventoryQuerySchema } from '#app/modules/inventory/inventory-filters.ts'
import {
	casesWithPracticesLate,
	type DashboardFacts,
	keptDashboardFacts,
	statusChangeOrder,
} from './dashboard-facts.server.ts'
import {
	firstLateCases,
	type LateCase,
	medianTimeInState,
	type TimeInStateRow,
} from './dashboard-facts.ts'
import {
	type ChartBar,
	componentBars,
	datasetCategoryBars,
	determinationBars,
	type MonthOfDecisions,
	sensitivityBars,
	stageBars,
	throughputSeries,
	type TimeInState,
	timeInStateBars,
} from './dashboard-charts.ts'

type Client = PrismaClient | Tx
const sql = Prisma.sql

export type DashboardData = {
	asOf: string
	total: number
	byStage: Array<ChartBar>
	byDetermination: Array<ChartBar>
	byComponent: Array<ChartBar>
	byDatasetCategory: Array<ChartBar>
	bySensitivity: Array<ChartBar>
	throughput: Array<MonthOfDecisions>
	timeInState: Array<TimeInState>
	overdueLanes: Array<{ lane: ReviewLane; count: number }>
	overdueLaneCases: Array<{
		useCaseId: string
		trackingId: string
		name: string
		lane: ReviewLane
		dueOn: Date
		assignee: string | null
	}>
	overdueConditions: Array<{
		useCaseId: string
		trackingId: string
		name: string
		text: string
		dueOn: Date
		owner: string
	}>
	practicesLate: Array<{
		useCaseId: string
		trackingId: string
		name: string
		stage: Stage | null
		failing: Array<string>
	}>
	/** How many high-impact cases have practices late in all (the list shows the first LIST_LIMIT). */
	practicesLateTotal: number
	overdueConditionsTotal: number
	waiversExpiring: Array<{
		useCaseId: string
		trackingId: string
		name: string
		practice: MinimumPractice
		validUntil: Date
		reportedToOmbOn: Date | null
	}>
	waiversExpiringTotal: number
}

type InventoryCounts = { total: number; of: (facet: string) => Map<string, number> }

/** Counts per stage, determination, org unit, dataset category and sensitivity, from one read of the submitted cases. */
async function inventoryCounts(client: Client): Promise<InventoryCounts> {
	// Categories and sensitivities have fixed vocabularies: one pass with a FILTER per value beats unnesting every array.
	const fixedLists = Prisma.join(
		[
			...datasetCategories.map((value) =>
				Prisma.raw(`'datasetCategory:${value}', count(*) FILTER (WHERE '${value}' = ANY("cats"))`),
			),
			...datasetSensitivities.map((value) =>
				Prisma.raw(`'sensitivity:${value}', count(*) FILTER (WHERE '${value}' = ANY("sens"))`),
			),
		],
		', ',
	)
	const rows = await withoutJit<Array<{ facet: string; value: string | null; n: number }>>(
		client,
		sql`
		WITH base AS MATERIALIZED (
			SELECT u."stage", ${determinationBucket} AS "det", o."code" AS "org", u."datasetCategories" AS "cats", u."sensitivities" AS "sens"
			FROM "UseCase" u JOIN "OrgUnit" o ON o."id" = u."orgUnitId"
			WHERE u."status" <> 'DRAFT'
		)
		SELECT 'stage' AS "facet", "stage"::text AS "value", count(*)::int AS "n" FROM base GROUP BY 2
		UNION ALL SELECT 'determination', "det", count(*)::int FROM base GROUP BY 2
		UNION ALL SELECT 'orgUnit', "org", count(*)::int FROM base GROUP BY 2
		UNION ALL SELECT 'lists', jsonb_build_object(${fixedLists})::text, 0 FROM base
		UNION ALL SELECT 'sensitivity', 'NONE', count(*)::int FROM base WHERE cardinality("sens") = 0
		UNION ALL SELECT 'total', NULL, count(*)::int FROM base`,
	)
	const counts = new Map<string, Map<string, number>>()
	let total = 0
	for (const row of rows) {
		if (row.facet === 'total') total = row.n
		else if (row.facet === 'lists' && row.value !== null) {
			for (const [key, n] of Object.entries(JSON.parse(row.value) as Record<string, number>)) {
				const [facet, value] = key.split(':') as [string, string]
				const facetCounts = counts.get(facet) ?? new Map<string, number>()
				if (n > 0) facetCounts.set(value, n)
				counts.set(facet, facetCounts)
			}
		} else if (row.value !== null) {
			const facet = counts.get(row.facet) ?? new Map<string, number>()
			facet.set(row.value, row.n)
			counts.set(row.facet, facet)
		}
	}
	const of = (facet: string) => counts.get(facet) ?? new Map<string, number>()
	return { total, of }
}

/** Figures worked out from what this process keeps in memory; each one missing is read in SQL. */
type KeptFigures = {
	counts?: InventoryCounts
	timeInState?: Array<TimeInStateRow>
	practicesLate?: { items: Array<LateCase>; total: number }
}

/**
 * The figures that the inventory's facts and the dashboards' records kept in memory give (see
 * docs/decisions/036-inventory-facts-kept-in-memory.md), as of `version` or newer; those still
 * being read for the first time are left out.
 */
export async function keptFigures(
	followers: { inventory: Follower<FactsTable>; dashboards: Follower<DashboardFacts> },
	version: Pick<DataVersion, 'version'>,
	orgUnits: ReadonlyArray<{ id: string; code: string }>,
): Promise<KeptFigures> {
	const [inventory, dashboards] = await Promise.all([
		followers.inventory.at(version),
		followers.dashboards.at(version),
	])
	const figures: KeptFigures = {}
	if (inventory) {
		const counts = inventory.value.count(InventoryQuerySchema.parse({}), orgUnits, Date.now())
		counts.sensitivity.set('NONE', inventory.value.countEmpty('sensitivity'))
		figures.counts = { total: counts.total, of: (facet) => counts[facet as Dimension] ?? new Map() }
	}
	if (dashboards) {
		figures.timeInState = medianTimeInState(dashboards.value.stays.values())
		figures.practicesLate = firstLateCases(dashboards.value.practicesLate.values(), LIST_LIMIT)
	}
	return figures
}

/**
 * Starts this process's first read of the inventory's facts and the dashboards' records, in the
 * background, so the first views after start-up need not count in SQL (a view asked for meanwhile
 * is counted in SQL, as before).
 */
export function startReadingKeptFigures() {
	// One after the other, so that start-up holds one read's worth of the event loop at a time.
	keptInventoryFacts
		.read()
		.then(() => keptDashboardFacts.read())
		.catch((error: unknown) => console.error('Reading the kept figures failed:', error))
}

/** Whether this process has read both: until then, first views are counted in SQL. */
export function keptFiguresRead() {
	return keptInventoryFacts.isRead() && keptDashboardFacts.isRead()
}

/** Final decisions per calendar month and outcome, over the last twelve months. */
async function decisionsPerMonth(client: Client) {
	return client.$queryRaw<Array<{ month: string; outcome: string; count: number }>>(sql`
		SELECT to_char(date_trunc('month', d."decidedAt"), 'YYYY-MM') AS "month", d."outcome"::text AS "outcome", count(*)::int AS "count"
		FROM "Decision" d
		WHERE d."decidedAt" >= date_trunc('month', now()) - interval '11 months'
		GROUP BY 1, 2`)
}

/**
 * Median days a case stays in each state: every stay that has ended (the next status change of
 * the same case), read in the (useCaseId, changedAt) index's order so no sort is needed.
 */
async function medianTimeInStateInSql(client: Client) {
	return withoutJit<Array<{ status: string; medianDays: number; stays: number }>>(
		client,
		sql`
		SELECT s."toStatus"::text AS "status",
			(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (s."nextAt" - s."changedAt")) / 86400.0))::float8 AS "medianDays",
			count(*)::int AS "stays"
		FROM (
			SELECT c."toStatus", c."changedAt", lead(c."changedAt") OVER (PARTITION BY c."useCaseId" ORDER BY ${statusChangeOrder}) AS "nextAt"
			FROM "UseCaseStatusChange" c
		) s
		WHERE s."nextAt" IS NOT NULL
		GROUP BY 1`,
	)
}

/** Overdue review lanes, by the one definition the desk and the home page count (overdueLaneWhere). */
async function overdueLanes(client: Client, asOf: Date) {
	const where = overdueLaneWhere(asOf)
	const [groups, lanes] = await Promise.all([
		client.laneReview.groupBy({ by: ['lane'], where, _count: { _all: true } }),
		client.laneReview.findMany({
			where,
			orderBy: [{ dueOn: 'asc' }, { useCase: { trackingId: 'asc' } }],
			take: 20,
			select: {
				lane: true,
				dueOn: true,
				assignee: { select: { name: true } },
				useCase: { select: { id: true, trackingId: true, name: true } },
			},
		}),
	])
	const byLane = groups
		.map((group) => ({ lane: group.lane, count: group._count._all }))
		.sort((a, b) => b.count - a.count || a.lane.localeCompare(b.lane))
	const cases = lanes.map((lane) => ({
		useCaseId: lane.useCase.id,
		trackingId: lane.useCase.trackingId,
		name: lane.useCase.name,
		lane: lane.lane,
		dueOn: lane.dueOn!,
		assignee: lane.assignee?.name ?? null,
	}))
	return { byLane, cases }
}

/** The first LIST_LIMIT rows of a list and how many it holds in all, in one statement (its cost does not grow with the list). */
async function firstOfList<T>(
	client: Client,
	statement: Prisma.Sql,
	order: Prisma.Sql,
): Promise<{ items: Array<T>; total: number }> {
	const rows = await client.$queryRaw<Array<T & { total: number }>>(
		sql`SELECT *, count(*) OVER ()::int AS "total" FROM (${statement}) list ORDER BY ${order} LIMIT ${LIST_LIMIT}`,
	)
	return {
		items: rows.map(({ total: _total, ...item }) => item as unknown as T),
		total: rows[0]?.total ?? 0,
	}
}

async function overdueConditions(client: Client) {
	return firstOfList<DashboardData['overdueConditions'][number]>(
		client,
		sql`
		SELECT u."id" AS "useCaseId", u."trackingId", u."name", dc."text", dc."dueOn", o."name" AS "owner"
		FROM "DecisionCondition" dc JOIN "UseCase" u ON u."id" = dc."useCaseId" JOIN "User" o ON o."id" = dc."ownerId"
		WHERE dc."metAt" IS NULL AND dc."dueOn" < now()`,
		sql`"dueOn", "trackingId"`,
	)
}

async function practicesLate(client: Client) {
	return firstOfList<DashboardData['practicesLate'][number]>(
		client,
		casesWithPracticesLate(),
		sql`"trackingId"`,
	)
}

/** Waivers that lapse within 60 days: at their expiry, or 12 months after their last (re-)certification. */
async function waiversExpiring(client: Client) {
	return firstOfList<DashboardData['waiversExpiring'][number]>(
		client,
		sql`
		SELECT * FROM (
			SELECT u."id" AS "useCaseId", u."trackingId", u."name", w."practice"::text AS "practice", w."reportedToOmbOn",
				LEAST(COALESCE(w."expiresOn", 'infinity'::date), (COALESCE(w."recertifiedOn", w."grantedOn") + interval '12 months')::date) AS "validUntil"
			FROM "Waiver" w JOIN "UseCase" u ON u."id" = w."useCaseId"
			WHERE w."revokedOn" IS NULL
		) w
		WHERE w."validUntil" >= current_date AND w."validUntil" < current_date + 60`,
		sql`"validUntil", "trackingId"`,
	)
}

/** Lists on the dashboards show the oldest or first this many items, with the total beside them. */
export const LIST_LIMIT = 25

export async function computeDashboard(
	client: Client = defaultClient,
	asOf = new Date(),
	keptWith: (orgUnits: ReadonlyArray<OrgUnitOption>) => Promise<KeptFigures> = async () => ({}),
): Promise<DashboardData> {
	const orgUnits = listOrgUnits(client)
	const kept = orgUnits.then(keptWith)
	const [counts, months, stays, lanes, conditions, late, waivers, units] = await Promise.all([
		kept.then((figures) => figures.counts ?? inventoryCounts(client)),
		decisionsPerMonth(client),
		kept.then((figures) => figures.timeInState ?? medianTimeInStateInSql(client)),
		overdueLanes(client, asOf),
		overdueConditions(client),
		kept.then((figures) => figures.practicesLate ?? practicesLate(client)),
		waiversExpiring(client),
		orgUnits,
	])
	return {
		asOf: asOf.toISOString(),
		total: counts.total,
		byStage: stageBars(counts.of('stage')),
		byDetermination: determinationBars(counts.of('determination')),
		byComponent: componentBars(counts.of('orgUnit'), units),
		byDatasetCategory: datasetCategoryBars(counts.of('datasetCategory')),
		bySensitivity: sensitivityBars(
			counts.of('sensitivity'),
			counts.of('sensitivity').get('NONE') ?? 0,
		),
		throughput: throughputSeries(months, asOf),
		timeInState: timeInStateBars(stays),
		overdueLanes: lanes.byLane,
		overdueLaneCases: lanes.cases,
		overdueConditions: conditions.items,
		overdueConditionsTotal: conditions.total,
		practicesLate: late.items,
		practicesLateTotal: late.total,
		waiversExpiring: waivers.items,
		waiversExpiringTotal: waivers.total,
	}
}

/** The next moment the clock alone changes a figure: a lane or condition falling due, or a new day (waivers lapsing, the months). */
export async function nextClockChange(client: Client = defaultClient): Promise<number> {
	const [row] = await client.$queryRaw<Array<{ tomorrow: Date }>>(
		sql`SELECT (current_date + 1)::timestamptz AS "tomorrow"`,
	)
	const overdue = await nextOverdueChange(client)
	const tomorrow = row!.tomorrow.getTime()
	return overdue === null ? tomorrow : Math.min(overdue, tomorrow)
}

// The clock alone (a lane falling due, a new day) shows once the figures are computed again, while
// the requests meanwhile are answered with those of just before.
const dashboardCache = createVersionedCache<DashboardData>({
	maxEntries: 1,
	refreshBehindTheClock: true,
})

/**
 * The dashboards' figures as of `version` (read by the caller first): computed once per data version
 * and kept until the clock alone would change one, so every viewer shares one computation and
 * nobody sees figures older than the last change.
 */
export function dashboardAt(version: DataVersion): Promise<DashboardData> {
	return dashboardCache.get('dashboard', version, async () => {
		const validUntil = await nextClockChange(defaultClient)
		const kept = (orgUnits: ReadonlyArray<OrgUnitOption>) =>
			keptFigures(
				{ inventory: keptInventoryFacts, dashboards: keptDashboardFacts },
				version,
				orgUnits,
			)
		return { value: await computeDashboard(defaultClient, new Date(), kept), validUntil }
	})
}

/** The dashboards' figures now: those kept for the current data version (read first), which hold as of this moment. */
export async function currentDashboard(
	version: Promise<DataVersion> = freshDataVersion(),
): Promise<DashboardData> {
	return { ...(await dashboardAt(await version)), asOf: new Date().toISOString() }
}
