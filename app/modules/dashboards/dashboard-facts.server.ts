// The per-case records behind the dashboards' two costliest figures, kept in this process's memory
// and caught up from the change log (data-version/change-log.server.ts): each case's ended stays
// in a status (time in state) and, for high-impact cases, the minimum practices its latest checks
// find failing. See docs/decisions/036-inventory-facts-kept-in-memory.md.
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import {
	FULL_READ_PAGE,
	followChanges,
	type FollowedValue,
} from '#app/modules/data-version/change-log.server.ts'
import { currentPackVersion } from '#app/modules/inventory/inventory-expressions.server.ts'
import { prisma as defaultClient } from '#app/utils/db.server.ts'
import { type LateCase, type Stays, staysOf } from './dashboard-facts.ts'

const sql = Prisma.sql

/**
 * High-impact cases in use or on the way whose latest check run against the current pack fails a
 * minimum practice (M-25-21 §4(b)) or the "documented by the deadline" check (§4(a)(i)), with the
 * failing checks' titles. Only the high-impact cases' check runs are read.
 */
export function casesWithPracticesLate(which: Prisma.Sql = sql`TRUE`) {
	return sql`
		SELECT u."id" AS "useCaseId", u."trackingId", u."name", u."stage"::text AS "stage",
			array_agg(r->>'title' ORDER BY r->>'checkId') AS "failing"
		FROM "UseCase" u
		JOIN LATERAL (
			SELECT cr."results" FROM "CheckRun" cr
			WHERE cr."useCaseId" = u."id" AND cr."packVersion" = ${currentPackVersion}
			ORDER BY cr."useCaseVersion" DESC LIMIT 1
		) latest ON TRUE
		CROSS JOIN LATERAL jsonb_array_elements(latest."results"->'results') r
		WHERE u."highImpactDetermination" = 'HIGH_IMPACT' AND u."status" NOT IN ('DRAFT', 'WITHDRAWN', 'RETIRED')
			AND r->>'status' = 'FAIL' AND (r->>'checkId' LIKE 'M2521-4B-%' OR r->>'checkId' = 'M2521-4A-I-C3')
			AND ${which}
		GROUP BY u."id", u."trackingId", u."name", u."stage"`
}

/** Status changes in the order the time-in-state figures read them; ties in time go by id. */
export const statusChangeOrder = sql`c."changedAt", c."id"`

async function readStays(client: PrismaClient, ids: ReadonlyArray<string>) {
	const rows = await client.$queryRaw<Array<{ useCaseId: string; status: string; at: Date }>>(sql`
		SELECT c."useCaseId", c."toStatus"::text AS "status", c."changedAt" AS "at"
		FROM "UseCaseStatusChange" c WHERE c."useCaseId" = ANY(${ids}::text[])
		ORDER BY c."useCaseId", ${statusChangeOrder}`)
	const changes = new Map<string, Array<{ status: string; at: number }>>()
	for (const row of rows) {
		const ofCase = changes.get(row.useCaseId) ?? []
		ofCase.push({ status: row.status, at: row.at.getTime() })
		changes.set(row.useCaseId, ofCase)
	}
	return new Map([...changes].map(([id, ofCase]) => [id, staysOf(ofCase)]))
}

export type DashboardFacts = {
	stays: Map<string, Stays>
	practicesLate: Map<string, LateCase>
}

async function readLate(client: PrismaClient, which: Prisma.Sql) {
	const rows = await client.$queryRaw<Array<LateCase>>(casesWithPracticesLate(which))
	return new Map(rows.map((row) => [row.useCaseId, row]))
}

export const dashboardFacts: FollowedValue<DashboardFacts> = {
	async readAll(client) {
		const stays = new Map<string, Stays>()
		for (let after = ''; ;) {
			const ids = (
				await client.$queryRaw<Array<{ id: string }>>(
					sql`SELECT u."id" FROM "UseCase" u WHERE u."id" > ${after} ORDER BY u."id" LIMIT ${FULL_READ_PAGE}`,
				)
			).map((row) => row.id)
			for (const [id, ofCase] of await readStays(client, ids)) stays.set(id, ofCase)
			if (ids.length < FULL_READ_PAGE) break
			after = ids.at(-1)!
		}
		return { stays, practicesLate: await readLate(client, sql`TRUE`) }
	},
	async readCases(client, ids) {
		const [stays, late] = await Promise.all([
			readStays(client, ids),
			readLate(client, sql`u."id" = ANY(${ids}::text[])`),
		])
		return (facts) => {
			for (const id of ids) {
				const ofCase = stays.get(id)
				if (ofCase) facts.stays.set(id, ofCase)
				else facts.stays.delete(id)
				const lateCase = late.get(id)
				if (lateCase) facts.practicesLate.set(id, lateCase)
				else facts.practicesLate.delete(id)
			}
		}
	},
}

/** This process's dashboard records of the app's database. */
export const keptDashboardFacts = followChanges(defaultClient, dashboardFacts)
