// What every submitted case holds that the inventory's counts read, kept in this process's memory
// and brought up to a data version by re-reading only the cases written since: the change log
// ("UseCaseChange", written by triggers as the version moves) says which. Counting the shared,
// unsearched views from it costs a pass over an array instead of a scan of every case in SQL, so a
// view nobody has seen at this version is counted as fast at 100,000 cases as at 1,000.
// See docs/decisions/036-inventory-facts-kept-in-memory.md.
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { type DataVersion, readDataVersion } from '#app/modules/data-version/data-version.server.ts'
import { prisma as defaultClient } from '#app/utils/db.server.ts'
import { determinationBucket, overdueFrom } from './inventory-expressions.server.ts'
import { type CaseFacts, FactsTable } from './inventory-facts.ts'

const sql = Prisma.sql

/** Log rows older than this many versions are removed (see the use_case_change_log migration). */
export const CHANGE_LOG_VERSIONS = 20_000

type FactsRow = Omit<CaseFacts, 'overdueFrom'> & { id: string; overdueFrom: Date | null }

/** The facts of the submitted cases that `which` picks (a condition, then any order and limit). */
async function readFacts(client: PrismaClient, which: Prisma.Sql) {
	const rows = await client.$queryRaw<Array<FactsRow>>(sql`
		SELECT u."id", u."status"::text AS "status", u."stage"::text AS "stage", ${determinationBucket} AS "determination",
			u."orgUnitId", u."datasetCategories"::text[] AS "datasetCategories", u."sensitivities"::text[] AS "sensitivities",
			u."topicArea"::text AS "topicArea", u."classification"::text AS "classification", u."vendorNames", u."tags",
			${overdueFrom} AS "overdueFrom"
		FROM "UseCase" u WHERE u."status" <> 'DRAFT' AND ${which}`)
	return rows.map(({ id, overdueFrom: due, ...facts }) => ({
		id,
		facts: { ...facts, overdueFrom: due ? due.getTime() : null } satisfies CaseFacts,
	}))
}

// A full read goes in pages, so that no single result holds the event loop for long.
const FULL_READ_PAGE = 5_000

export type KeptFacts = {
	/** Every case is at least as new as this version. */
	version: number
	table: FactsTable
	/** How many cases the last catch-up read (all of them after a full read). */
	lastRead: number
}

async function readAll(client: PrismaClient): Promise<KeptFacts> {
	// The version first: a write committed meanwhile is then re-read at the next version, never missed.
	const { version } = await readDataVersion(client)
	const table = new FactsTable()
	for (let after = ''; ;) {
		const page = await readFacts(
			client,
			sql`u."id" > ${after} ORDER BY u."id" LIMIT ${FULL_READ_PAGE}`,
		)
		for (const { id, facts } of page) table.set(id, facts)
		if (page.length < FULL_READ_PAGE) break
		after = page.at(-1)!.id
	}
	return { version, table, lastRead: table.size }
}

/**
 * The kept facts brought to the current version: the cases logged since, or everything again when
 * the log says so or no longer reaches back. The table is changed in place, in one synchronous
 * step after the reads, so a count never sees half a catch-up.
 */
async function catchUp(client: PrismaClient, kept: KeptFacts): Promise<KeptFacts> {
	const { version } = await readDataVersion(client)
	if (version === kept.version) return kept
	if (version < kept.version || version - kept.version > CHANGE_LOG_VERSIONS) return readAll(client)
	const changes = await client.$queryRaw<Array<{ useCaseId: string | null }>>(
		sql`SELECT DISTINCT "useCaseId" FROM "UseCaseChange" WHERE "version" > ${kept.version}`,
	)
	if (changes.some((change) => change.useCaseId === null)) return readAll(client)
	const ids = changes.map((change) => change.useCaseId as string)
	const cases = await readFacts(client, sql`u."id" = ANY(${ids}::text[])`)
	// Deleted, or a draft again: no longer counted.
	for (const id of ids) kept.table.delete(id)
	for (const { id, facts } of cases) kept.table.set(id, facts)
	return { version, table: kept.table, lastRead: ids.length }
}

/**
 * The facts of one database, kept by one process. `at(version)` answers with facts at least as new
 * as `version`, or null while the first full read is under way (the caller counts in SQL meanwhile):
 * that read is never made to hold a request.
 */
export function createFactsKeeper(client: PrismaClient) {
	let kept: KeptFacts | null = null
	let reading: Promise<KeptFacts> | null = null

	function refresh() {
		reading ??= (kept ? catchUp(client, kept) : readAll(client))
			.then((fresh) => {
				// Several reads never go backwards: only a newer set replaces the kept one.
				if (!kept || fresh.version >= kept.version) kept = fresh
				return kept
			})
			.finally(() => {
				reading = null
			})
		return reading
	}

	return {
		async at(wanted: Pick<DataVersion, 'version'>): Promise<KeptFacts | null> {
			if (kept && kept.version >= wanted.version) return kept
			if (!kept) {
				// A failure is tried again by the next request; meanwhile the counts come from SQL.
				refresh().catch((error: unknown) =>
					console.error('Reading the inventory facts failed:', error),
				)
				return null
			}
			// Behind: catch up first. The version is read again, so the answer may be newer than asked.
			let fresh = await refresh()
			if (fresh.version < wanted.version) fresh = await refresh()
			return fresh
		},
	}
}

export type FactsKeeper = ReturnType<typeof createFactsKeeper>

/** This process's facts of the app's database: the inventory's counts and the dashboards' read them. */
export const keptInventoryFacts = createFactsKeeper(defaultClient)
