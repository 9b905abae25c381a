// The data version: one counter that moves on whenever a transaction that wrote one of the tracked
// tables commits. Database triggers move it (prisma/migrations/*_data_version), in the same
// transaction as the write, so no write path can forget it and PGlite and PostgreSQL behave alike.
// Anything derived from those tables can be cached under the version it was read at: the public
// site's projection and its HTTP validators (ETag) do. See docs/decisions/022-data-version.md.
import { type Tx } from '#app/utils/db/tx.ts'
import { type PrismaClient } from '#app/utils/db.server.ts'

/**
 * The tables whose writes move the version: those the public site reads. The migration creates
 * a trigger on each; a test checks that the database agrees with this list. A cache of data from
 * another table needs that table added here and a migration that creates its trigger.
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
	const row = await client.dataVersion.findUnique({ where: { id: 1 }, select: { version: true, changedAt: true } })
	if (!row) return { version: 0, changedAt: new Date(0), token: '0-0' }
	const version = Number(row.version)
	return { version, changedAt: row.changedAt, token: `${version}-${row.changedAt.getTime().toString(36)}` }
}
