import { remember } from '@epic-web/remember'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Database, openDatabase } from './db/database.server.ts'
import { getEnv } from './env.server.ts'

// Remembered across dev-server reloads so that HMR never opens a second database.
function appDatabase(): Database {
	return remember('database', () => {
		const env = getEnv()
		return openDatabase(
			env.DATABASE_URL
				? { databaseUrl: env.DATABASE_URL, migrationDatabaseUrl: env.MIGRATION_DATABASE_URL }
				: { dataDir: env.DATA_DIR },
		)
	})
}

/**
 * The app's database, opened on first use rather than on import: a script or a test that only imports
 * a module (the seed, a fixture) takes no lock on the embedded database's directory, so it runs beside
 * `npm start` and beside other test workers; a test that installs its own database before the first
 * query is the one every module then uses.
 */
function openedOnFirstUse<T extends object>(resolve: () => T): T {
	return new Proxy({} as T, {
		get(_placeholder, key) {
			const target = resolve()
			const value: unknown = Reflect.get(target, key, target)
			return typeof value === 'function' ? value.bind(target) : value
		},
		has(_placeholder, key) {
			return Reflect.has(resolve(), key)
		},
	})
}

export const database: Database = openedOnFirstUse(appDatabase)

export const prisma: PrismaClient = openedOnFirstUse(() => appDatabase().prisma)

export type { PrismaClient } from '#app/generated/prisma/client.ts'
