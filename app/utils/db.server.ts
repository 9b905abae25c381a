import { remember } from '@epic-web/remember'
import { openDatabase } from './db/database.server.ts'
import { getEnv } from './env.server.ts'

// Remembered across dev-server reloads so that HMR never opens a second database.
export const database = remember('database', () => {
	const env = getEnv()
	return openDatabase(
		env.DATABASE_URL
			? { databaseUrl: env.DATABASE_URL, migrationDatabaseUrl: env.MIGRATION_DATABASE_URL }
			: { dataDir: env.DATA_DIR },
	)
})

export const prisma = database.prisma

export type { PrismaClient } from '#app/generated/prisma/client.ts'
