import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { pgliteMigrationConnection, postgresMigrationConnection } from './connections.server.ts'
import { applyPendingMigrations, readMigrations } from './migrations.server.ts'

export type DatabaseOptions =
	/**
	 * A real PostgreSQL server. With `migrationDatabaseUrl`, migrations run as that (owner) role and
	 * the app's own role gets only the rights it needs (see grantRuntimeAccess).
	 */
	| { databaseUrl: string; migrationDatabaseUrl?: string }
	/** Embedded PostgreSQL (PGlite) kept in a directory, or in memory when `dataDir` is null. */
	| { dataDir: string | null }

export type Database = {
	prisma: PrismaClient
	kind: 'postgres' | 'embedded'
	/** Applies pending migrations; returns the names of those it applied. */
	migrate(): Promise<Array<string>>
	/** `SELECT 1` against the server; throws when it is unreachable. */
	ping(): Promise<void>
	close(): Promise<void>
}

/**
 * The one place that knows which database the app runs on. Everything else receives a
 * PrismaClient and cannot tell PGlite from PostgreSQL.
 */
export function openDatabase(options: DatabaseOptions): Database {
	if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.migrationDatabaseUrl)
	return openEmbedded(options.dataDir)
}

function openPostgres(databaseUrl: string, migrationDatabaseUrl?: string): Database {
	const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) })
	return {
		prisma,
		kind: 'postgres',
		async migrate() {
			const client = new pg.Client({ connectionString: migrationDatabaseUrl ?? databaseUrl })
			await client.connect()
			try {
				const applied = await applyPendingMigrations(postgresMigrationConnection(client), await readMigrations())
				if (migrationDatabaseUrl) await grantRuntimeAccess(client, roleOf(databaseUrl))
				return applied
			} finally {
				await client.end()
			}
		},
		async ping() {
			await prisma.$queryRaw`SELECT 1`
		},
		async close() {
			await prisma.$disconnect()
		},
	}
}

/** The role a connection URL signs in as. */
function roleOf(databaseUrl: string) {
	const role = decodeURIComponent(new URL(databaseUrl).username)
	if (!role) throw new Error('DATABASE_URL must name its role (postgresql://role:password@host/database) when MIGRATION_DATABASE_URL is set')
	return role
}

/**
 * The two-role set-up (docs/decisions): the migration role owns every table; the app's runtime role
 * reads and writes rows, and nothing more. Owning nothing, it cannot alter or drop a table or its
 * triggers; it may add to the audit trail, the frozen versions and the record of who was involved
 * in a case, but never change or delete them. Run after every migration, so new tables are covered.
 */
async function grantRuntimeAccess(owner: pg.Client, runtimeRole: string) {
	const role = pg.escapeIdentifier(runtimeRole)
	await owner.query(`
		GRANT USAGE ON SCHEMA public TO ${role};
		GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
		GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
		REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role};
		REVOKE UPDATE, DELETE ON "AuditEvent", "UseCaseVersion", "UseCaseParticipant" FROM ${role};
		REVOKE ALL ON "_prisma_migrations" FROM ${role};
	`)
}

function openEmbedded(dataDir: string | null): Database {
	let pglite: PGlite
	if (dataDir) {
		const directory = path.resolve(dataDir, 'pgdata')
		mkdirSync(directory, { recursive: true })
		pglite = new PGlite(directory)
	} else {
		pglite = new PGlite()
	}
	const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
	return {
		prisma,
		kind: 'embedded',
		async migrate() {
			return applyPendingMigrations(pgliteMigrationConnection(pglite), await readMigrations())
		},
		async ping() {
			if (pglite.closed) throw new Error('The embedded database is closed')
			await prisma.$queryRaw`SELECT 1`
		},
		async close() {
			await prisma.$disconnect()
			if (!pglite.closed) await pglite.close()
		},
	}
}
