import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

export type Migration = { name: string; sql: string; checksum: string }

/** The smallest surface both PGlite and node-postgres offer; the runner needs nothing more. */
export type MigrationConnection = {
	/** Runs a script that may hold several statements. */
	exec(sql: string): Promise<void>
	query<Row>(sql: string, params?: Array<unknown>): Promise<Array<Row>>
	/** Runs `work` in one transaction on this connection. */
	transaction(work: (tx: MigrationConnection) => Promise<void>): Promise<void>
}

export const migrationsDirectory = path.resolve('prisma/migrations')

// Arbitrary but fixed: distinct from Prisma's own lock id (72707369) so that a process holding
// ours never waits on a Prisma CLI run, and vice versa.
const MIGRATION_LOCK_ID = 72_707_370
/**
 * Held for the whole of start-up (migrations, then the start-up steps such as loading the shipped
 * policy pack and the demo data), so that instances starting together take turns and each step
 * finds the work of the one before it done. Distinct from the migration lock, which the migration
 * runner takes on a connection of its own inside it.
 */
export const STARTUP_LOCK_ID = 72_707_371

/** Prisma's checksum: SHA-256 of the migration file, hex. */
function checksumOf(sql: string) {
	return createHash('sha256').update(sql).digest('hex')
}

export async function readMigrations(directory = migrationsDirectory): Promise<Array<Migration>> {
	const entries = await readdir(directory, { withFileTypes: true })
	const names = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
	return Promise.all(
		names.map(async (name) => {
			const sql = await readFile(path.join(directory, name, 'migration.sql'), 'utf8')
			return { name, sql, checksum: checksumOf(sql) }
		}),
	)
}

// The same table `prisma migrate deploy` creates, so either tool can take over from the other.
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`

type AppliedRow = { migration_name: string; checksum: string }

/**
 * Applies pending migrations in name order, each in its own transaction together with its
 * `_prisma_migrations` row. A session-level advisory lock makes concurrent starters wait for
 * each other, so a migration is never applied twice.
 */
export async function applyPendingMigrations(
	connection: MigrationConnection,
	migrations: Array<Migration>,
): Promise<Array<string>> {
	await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID])
	try {
		await connection.exec(createMigrationsTable)
		const applied = await connection.query<AppliedRow>(
			'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
		)
		const appliedByName = new Map(applied.map((row) => [row.migration_name, row.checksum]))
		const newlyApplied: Array<string> = []
		for (const migration of migrations) {
			const appliedChecksum = appliedByName.get(migration.name)
			if (appliedChecksum !== undefined) {
				if (appliedChecksum !== migration.checksum) {
					throw new Error(
						`Migration ${migration.name} was changed after it was applied (checksum differs). ` +
							'Write a new migration instead of editing an applied one.',
					)
				}
				continue
			}
			await connection.transaction(async (tx) => {
				await tx.exec(migration.sql)
				await tx.query(
					`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
					 VALUES ($1, $2, $3, now(), now(), 1)`,
					[randomUUID(), migration.checksum, migration.name],
				)
			})
			newlyApplied.push(migration.name)
		}
		return newlyApplied
	} finally {
		await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID])
	}
}
