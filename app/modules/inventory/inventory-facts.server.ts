// What every submitted case holds that the inventory's counts read, kept in this process's memory
// and brought up to a data version by re-reading only the cases written since (change-log.server.ts).
// Counting the shared, unsearched views from it costs a pass over typed arrays instead of a scan of
// every case in SQL, so a view nobody has seen at this version costs little more at 100,000 cases
// than at 1,000.
// See docs/decisions/036-inventory-facts-kept-in-memory.md.
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import {
	FULL_READ_PAGE,
	followChanges,
	type FollowedValue,
} from '#app/modules/data-version/change-log.server.ts'
import { prisma as defaultClient } from '#app/utils/db.server.ts'
import { determinationBucket, overdueFrom } from './inventory-expressions.server.ts'
import { type CaseFacts, FactsTable } from './inventory-facts.ts'

const sql = Prisma.sql

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

/** The facts of every submitted case, caught up from the change log. */
export const inventoryFacts: FollowedValue<FactsTable> = {
	async readAll(client) {
		const table = new FactsTable()
		for (let after = ''; ;) {
			const page = await readFacts(
				client,
				sql`u."id" > ${after} ORDER BY u."id" LIMIT ${FULL_READ_PAGE}`,
			)
			for (const { id, facts } of page) table.set(id, facts)
			if (page.length < FULL_READ_PAGE) return table
			after = page.at(-1)!.id
		}
	},
	async readCases(client, ids) {
		const cases = await readFacts(client, sql`u."id" = ANY(${ids}::text[])`)
		return (table) => {
			// Deleted, or a draft again: no longer counted.
			for (const id of ids) table.delete(id)
			for (const { id, facts } of cases) table.set(id, facts)
		}
	},
}

/** This process's facts of the app's database: the inventory's counts and the dashboards' read them. */
export const keptInventoryFacts = followChanges(defaultClient, inventoryFacts)
