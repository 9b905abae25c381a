import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { isConcurrentWriteError } from '#app/utils/errors.ts'
import { yieldingBetweenQueries } from './yielding-adapter.server.ts'
import { pgliteMigrationConnection, postgresMigrationConnection } from './connections.server.ts'
import { lockEmbeddedDatabase } from './embedded-lock.server.ts'
import { type ListenHandle, type ListenHandlers, listenOnPostgres } from './listener.server.ts'
import { applyPendingMigrations, readMigrations, STARTUP_LOCK_ID } from './migrations.server.ts'
import { reportingOutages } from './outage.server.ts'

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
	/**
	 * Runs `work` holding the start-up advisory lock: another instance starting at the same moment
	 * waits until `work` is done (see prepare.server.ts).
	 */
	underStartupLock<T>(work: () => Promise<T>): Promise<T>
	/** `SELECT 1` against the server; throws when it is unreachable. */
	ping(): Promise<void>
	/**
	 * A read straight through the driver, past Prisma's query engine (which costs a few tenths of a
	 * millisecond of CPU per statement), on the app's own pool: for the statements every request runs.
	 */
	readRows<Row>(text: string, params?: Array<unknown>): Promise<Array<Row>>
	/** Listens for NOTIFY on a channel, on a connection of its own that reconnects by itself. */
	listen(channel: string, handlers: ListenHandlers): Promise<ListenHandle>
	/** How the job queue (pg-boss) reaches this database: its own small pool, or the embedded instance. */
	jobQueueConnection(): { connectionString: string } | { pglite: PGlite }
	close(): Promise<void>
}

/**
 * The one place that knows which database the app runs on. Everything else receives a
 * PrismaClient and cannot tell PGlite from PostgreSQL.
 */
export function openDatabase(options: DatabaseOptions): Database {
	const database =
		'databaseUrl' in options
			? openPostgres(options.databaseUrl, options.migrationDatabaseUrl)
			: openEmbedded(options.dataDir)
	reportLostRacesAsConflicts(database.prisma)
	return database
}

/**
 * A transaction that loses a race with another request (a unique value created at the same moment,
 * a write conflict or deadlock) fails as a CONFLICT, which every form shows with the person's input
 * kept, rather than as an unexpected error.
 */
function reportLostRacesAsConflicts(prisma: PrismaClient) {
	const transaction = prisma.$transaction.bind(prisma) as (
		...args: Array<unknown>
	) => Promise<unknown>
	prisma.$transaction = ((...args: Array<unknown>) =>
		transaction(...args).catch(async (error: unknown) => {
			if (!isConcurrentWriteError(error)) throw error
			// Loaded now rather than with this module: this client outlives dev-server reloads, and the
			// routes test `instanceof` against the AppError class loaded now.
			const { AppError, CONCURRENT_WRITE_MESSAGE } = await import('#app/utils/errors.ts')
			throw new AppError('CONFLICT', CONCURRENT_WRITE_MESSAGE)
		})) as PrismaClient['$transaction']
}

/**
 * Bounds on every wait for PostgreSQL, so that a server that is down or hung fails requests within
 * seconds (503, "try again") instead of letting them pile up. `statement_timeout` and
 * `idle_in_transaction_session_timeout` are enforced by the server; the client-side query timeout
 * catches a server that does not answer at all (stopped, or a network that drops packets).
 */
const POSTGRES_TIMEOUTS_MS = {
	connect: 5_000,
	statement: 30_000,
	idleInTransaction: 30_000,
	query: 35_000,
	/** `/healthz` answers within 2 s, whatever the server does. */
	health: 1_500,
} as const

/** pg pool settings for the app's queries on PostgreSQL. */
function postgresPoolConfig(databaseUrl: string): pg.PoolConfig {
	return {
		connectionString: databaseUrl,
		max: 10,
		connectionTimeoutMillis: POSTGRES_TIMEOUTS_MS.connect,
		query_timeout: POSTGRES_TIMEOUTS_MS.query,
		statement_timeout: POSTGRES_TIMEOUTS_MS.statement,
		idle_in_transaction_session_timeout: POSTGRES_TIMEOUTS_MS.idleInTransaction,
		keepAlive: true,
	}
}

function withDeadline<T>(work: Promise<T>, ms: number, message: string) {
	let timer: NodeJS.Timeout | undefined
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(message)), ms)
	})
	work.catch(() => undefined)
	return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

function openPostgres(databaseUrl: string, migrationDatabaseUrl?: string): Database {
	// One pool for the app's queries: Prisma's and the few read straight through the driver (readRows).
	const pool = new pg.Pool(postgresPoolConfig(databaseUrl))
	// A connection that breaks while idle in the pool is replaced on next use; say so, do not crash.
	pool.on('error', (error) => console.error(`Database connection lost: ${error.message}`))
	const prisma = new PrismaClient({
		adapter: reportingOutages(
			new PrismaPg(pool, {
				onConnectionError: (error) => console.error(`Database connection lost: ${error.message}`),
			}),
		),
	})
	// Its own single connection with short timeouts: a hung server cannot hold the health check
	// behind the app's queries, nor the app's pool behind health checks.
	const healthPool = new pg.Pool({
		connectionString: databaseUrl,
		max: 1,
		connectionTimeoutMillis: POSTGRES_TIMEOUTS_MS.health,
		query_timeout: POSTGRES_TIMEOUTS_MS.health,
		statement_timeout: POSTGRES_TIMEOUTS_MS.health,
	})
	healthPool.on('error', () => {})
	return {
		prisma,
		kind: 'postgres',
		async migrate() {
			const client = await connectedClient(migrationDatabaseUrl ?? databaseUrl)
			try {
				const applied = await applyPendingMigrations(
					postgresMigrationConnection(client),
					await readMigrations(),
				)
				if (migrationDatabaseUrl) await grantRuntimeAccess(client, roleOf(databaseUrl))
				return applied
			} finally {
				await client.end()
			}
		},
		async underStartupLock(work) {
			const client = await connectedClient(databaseUrl)
			try {
				await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_ID])
				return await work()
			} finally {
				// Ending the session gives the lock back, also when the work failed.
				await client.end()
			}
		},
		async ping() {
			await withDeadline(
				healthPool.query('SELECT 1'),
				POSTGRES_TIMEOUTS_MS.health,
				'The database did not answer within 1.5 s',
			)
		},
		listen(channel, handlers) {
			return listenOnPostgres(databaseUrl, channel, handlers)
		},
		jobQueueConnection() {
			return { connectionString: databaseUrl }
		},
		async readRows<Row>(text: string, params: Array<unknown> = []) {
			return (await pool.query(text, params)).rows as Array<Row>
		},
		async close() {
			await prisma.$disconnect()
			await pool.end().catch(() => undefined)
			await healthPool.end()
		},
	}
}

/** The role a connection URL signs in as. */
function roleOf(databaseUrl: string) {
	const role = decodeURIComponent(new URL(databaseUrl).username)
	if (!role)
		throw new Error(
			'DATABASE_URL must name its role (postgresql://role:password@host/database) when MIGRATION_DATABASE_URL is set',
		)
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
	let lock: ReturnType<typeof lockEmbeddedDatabase> | null = null
	if (dataDir) {
		const directory = path.resolve(dataDir, 'pgdata')
		mkdirSync(directory, { recursive: true })
		// Before opening: a second process must not even read the files the first one is writing.
		lock = lockEmbeddedDatabase(path.resolve(dataDir))
		pglite = new PGlite(directory)
	} else {
		pglite = new PGlite()
	}
	const prisma = new PrismaClient({
		adapter: reportingOutages(yieldingBetweenQueries(new PrismaPGlite(pglite))),
	})
	return {
		prisma,
		kind: 'embedded',
		async migrate() {
			return applyPendingMigrations(pgliteMigrationConnection(pglite), await readMigrations())
		},
		async underStartupLock(work) {
			// One process holds an embedded database (see embedded-lock.server.ts); the lock only keeps
			// the same steps in the same order on both databases.
			await pglite.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_ID])
			try {
				return await work()
			} finally {
				await pglite.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_ID])
			}
		},
		async ping() {
			if (pglite.closed) throw new Error('The embedded database is closed')
			// Opening (WASM start-up, recovery) is not a hang: the deadline counts from when it is ready.
			await pglite.waitReady
			await withDeadline(
				pglite.query('SELECT 1'),
				POSTGRES_TIMEOUTS_MS.health,
				'The embedded database did not answer within 1.5 s',
			)
		},
		jobQueueConnection() {
			return { pglite }
		},
		async listen(channel, handlers) {
			// In-process: NOTIFY from this PGlite reaches its listeners when the transaction commits.
			const unlisten = await pglite.listen(channel, handlers.message)
			handlers.connected()
			return {
				async close() {
					if (!pglite.closed) await unlisten()
				},
			}
		},
		async readRows<Row>(text: string, params: Array<unknown> = []) {
			return (await pglite.query<Row>(text, params)).rows
		},
		async close() {
			await prisma.$disconnect()
			if (!pglite.closed) await pglite.close()
			lock?.release()
		},
	}
}

/** A single connection for start-up work; a connection that drops while idle is reported, not fatal. */
async function connectedClient(databaseUrl: string) {
	// No statement timeout: a migration may rebuild an index on a large table.
	const client = new pg.Client({
		connectionString: databaseUrl,
		connectionTimeoutMillis: POSTGRES_TIMEOUTS_MS.connect,
		keepAlive: true,
	})
	client.on('error', (error) => console.error('Database start-up connection lost:', error.message))
	await client.connect()
	return client
}
