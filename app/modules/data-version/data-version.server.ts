// The data version: one counter that moves on whenever a transaction that wrote one of the tracked
// tables commits. Database triggers move it (prisma/migrations/*_data_version), in the same
// transaction as the write, so no write path can forget it and PGlite and PostgreSQL behave alike.
// Anything derived from those tables can be cached under the version it was read at: the public
// site's projection and its HTTP validators (ETag) do. See docs/decisions/022-data-version.md.
import { type Tx } from '#app/utils/db/tx.ts'
import { type PrismaClient } from '#app/utils/db.server.ts'
import { type Database } from '#app/utils/db/database.server.ts'

/**
 * The tables whose writes move the version: those the public site, the signed-in inventory, the
 * dashboards and the case pages read. Migrations create a trigger on each; a test checks that the
 * database agrees with this list. A cache of data from another table needs that table added here
 * and a migration that creates its trigger.
 */
export const dataVersionTables = [
	'UseCase',
	'OrgUnit',
	'UseCaseDataset',
	'Dataset',
	'Waiver',
	'PilotCertification',
	'LaneReview',
	'InventoryCycle',
	'InventoryCycleEntry',
	'PolicyPackVersion',
	'CheckRun',
	'UseCaseContact',
	'Decision',
	'DecisionCondition',
	'UseCaseStatusChange',
	'Comment',
	// Who was ever involved in a case: who may review or decide it.
	'UseCaseParticipant',
	// Only a change of name or e-mail address (what pages show of people) moves it.
	'User',
] as const

export type DataVersion = {
	/** Moves on by one with every committed transaction that wrote a tracked table. */
	version: number
	changedAt: Date
	/**
	 * What a cache key or validator should hold: the counter and the time it last moved, so a
	 * database rebuilt from scratch (whose counter starts again at 0) never repeats an old token.
	 */
	token: string
}

/**
 * The current version. Read it before the data it stands for (never after): a write committed in
 * between then leaves the cache holding newer data under an older version, which only costs one
 * extra refresh, instead of older data under a newer version, which would never be refreshed.
 */
export async function readDataVersion(client: PrismaClient | Tx): Promise<DataVersion> {
	const row = await client.dataVersion.findUnique({
		where: { id: 1 },
		select: { version: true, changedAt: true },
	})
	return row ? dataVersionOf(Number(row.version), row.changedAt.getTime()) : dataVersionOf(0, 0)
}

function dataVersionOf(version: number, changedAtMs: number): DataVersion {
	return {
		version,
		changedAt: new Date(changedAtMs),
		token: version === 0 && changedAtMs === 0 ? '0-0' : `${version}-${changedAtMs.toString(36)}`,
	}
}

/** `readDataVersion` straight through the driver: what every request reads (see Database.readRows). */
export async function readDataVersionDirectly(
	database: Pick<Database, 'readRows'>,
): Promise<DataVersion> {
	// Text, so that neither driver turns the bigint or the zone-less timestamp into something else.
	const [row] = await database.readRows<{ version: string; changedAt: string }>(
		`SELECT "version"::text AS "version", floor(extract(epoch FROM "changedAt") * 1000)::bigint::text AS "changedAt" FROM "DataVersion" WHERE "id" = 1`,
	)
	return row ? dataVersionOf(Number(row.version), Number(row.changedAt)) : dataVersionOf(0, 0)
}
