// Database tests of app modules: the modules read the shared client from `#app/utils/db.server.ts`,
// so each target's database is installed as that client before the modules are imported afresh.
import { vi } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { type DatabaseTarget, openMigratedDatabase } from './db-targets.ts'

type RememberStore = { __remember_epic_web?: Map<string, unknown> }

/**
 * A migrated, empty database on `target`, installed as the app's database. Import the modules under
 * test after calling this (dynamic `import()`), so they bind to it.
 */
export async function openAppDatabase(target: DatabaseTarget): Promise<Database> {
	const database = await openMigratedDatabase(target)
	const store = ((globalThis as RememberStore).__remember_epic_web ??= new Map())
	store.set('database', database)
	vi.resetModules()
	return database
}

/** The signed-in user as the app's loaders see them (the shape of `requireUser`). */
export async function sessionUserByEmail(database: Database, email: string) {
	return database.prisma.user.findUniqueOrThrow({
		where: { email },
		select: {
			id: true,
			name: true,
			email: true,
			orgUnit: { select: { code: true, shortName: true } },
			roles: { select: { role: true, lanes: true } },
		},
	})
}

export const testRequest = { requestId: 'test', ipAddress: '127.0.0.1', userAgent: 'vitest' }
