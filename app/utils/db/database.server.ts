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
	/** A real PostgreSQL server. */
	| { databaseUrl: string }
	/** Embedded PostgreSQL (PGlite) kept in a directory, or in memory when `dataDir` is null. */
	| { dataDir: string | null }

export type Database = {
	prisma: PrismaClient
	kind: 'postgres' | 'embedded'
	/** Applies pending migrations; returns the names of those it applied. */
	migrate(): Promise<Array<string>>
	/** `SELECT 1` against the server; throws when it is unreachable. */
	ping(): Promise<void>
	/**
	 * A read straight through the driver, past Prisma's query engine (which costs a few tenths of a
	 * millisecond of CPU per statement): for the statements every request runs.
	 */
	readRows<Row>(text: string, params?: Array<unknown>): Promise<Array<Row>>
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
	const pool = new pg.Pool({ connectionString: databaseUrl })
	const prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
	return {
		prisma,
		kind: 'postgres',
		async migrate() {
			const client = new pg.Client({ connectionString: databaseUrl })
			await client.connect()
			try {
				return await applyPendingMigrations(postgresMigrationConnection(client), await readMigrations())
			} finally {
				await client.end()
			}
		},
		async ping() {
			await prisma.$queryRaw`SELECT 1`
		},
		async readRows<Row>(text: string, params: Array<unknown> = []) {
			return (await pool.query(text, params)).rows as Array<Row>
		},
		async close() {
			await prisma.$disconnect()
			await pool.end().catch(() => undefined)
		},
	}
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
		async readRows<Row>(text: string, params: Array<unknown> = []) {
			return (await pglite.query<Row>(text, params)).rows
		},
		async close() {
			await prisma.$disconnect()
			if (!pglite.closed) await pglite.close()
		},
	}
}
