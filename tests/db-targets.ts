import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { type Database, openDatabase } from '#app/utils/db/database.server.ts'
import { createScratchDatabase } from '#tests/postgres-cluster.ts'

export type DatabaseTarget = { name: 'PGlite' | 'PostgreSQL'; open(): Promise<Database> }

/**
 * The databases every database test runs against: always embedded PGlite, and a real PostgreSQL
 * when the test run could start one. Each `open()` gives a brand-new empty database.
 */
export function databaseTargets(): Array<DatabaseTarget> {
	const targets: Array<DatabaseTarget> = [
		{ name: 'PGlite', open: async () => openDatabase({ dataDir: null }) },
	]
	const postgresUrl = inject('postgresUrl')
	if (postgresUrl) {
		targets.push({
			name: 'PostgreSQL',
			open: async () =>
				openDatabase({
					databaseUrl: await createScratchDatabase(
						postgresUrl,
						`test_${randomBytes(6).toString('hex')}`,
					),
				}),
		})
	}
	return targets
}

/** A migrated, empty database on the given target. */
export async function openMigratedDatabase(target: DatabaseTarget) {
	const database = await target.open()
	await database.migrate()
	return database
}
