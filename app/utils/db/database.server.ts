import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { pgliteMigrationConnection, postgresMigrationConnection } from './connections.server.ts'
import { lockEmbeddedDatabase } from './embedded-lock.server.ts'
import { applyPendingMigrations, readMigrations, STARTUP_LOCK_ID } from './migrations.server.ts'

export type DatabaseOptions =
	/** A real PostgreSQL server. */
	| { databaseUrl: string }
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
	close(): Promise<void>
}

/**
 * The one place that knows which database the app runs on. Everything else receives a
 * PrismaClient and cannot tell PGlite from PostgreSQL.
 */
export function openDatabase(options: DatabaseOptions): Database {
	if ('databaseUrl' in options) return openPostgres(options.databaseUrl)
	return openEmbedded(options.dataDir)
}

function openPostgres(databaseUrl: string): Database {
	const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) })
	return {
		prisma,
		kind: 'postgres',
		async migrate() {
			const client = await connectedClient(databaseUrl)
			try {
				return await applyPendingMigrations(postgresMigrationConnection(client), await readMigrations())
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
			await prisma.$queryRaw`SELECT 1`
		},
		async close() {
			await prisma.$disconnect()
		},
	}
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
	const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
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
			await prisma.$queryRaw`SELECT 1`
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
	const client = new pg.Client({ connectionString: databaseUrl })
	client.on('error', (error) => console.error('Database start-up connection lost:', error.message))
	await client.connect()
	return client
}
