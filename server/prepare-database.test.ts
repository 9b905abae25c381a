import { randomBytes } from 'node:crypto'
import { expect, inject, test, vi } from 'vitest'
import { createScratchDatabase } from '#tests/postgres-cluster.ts'
import { openDatabase } from '#app/utils/db/database.server.ts'

type RememberStore = { __remember_epic_web?: Map<string, unknown> }

const postgresUrl = inject('postgresUrl')

test.runIf(postgresUrl)(
	'PostgreSQL: two instances starting together on an empty database both start; migrations, the shipped pack and the demo data are written once',
	async () => {
		const url = await createScratchDatabase(postgresUrl!, `test_${randomBytes(6).toString('hex')}`)
		const first = openDatabase({ databaseUrl: url })
		const second = openDatabase({ databaseUrl: url })
		;((globalThis as RememberStore).__remember_epic_web ??= new Map()).set('database', first)
		vi.resetModules()
		const { startUp } = await import('./prepare-database.ts')
		vi.spyOn(console, 'log').mockImplementation(() => {})
		try {
			const results = await Promise.allSettled([
				startUp(first, { seedDemoData: true }),
				startUp(second, { seedDemoData: true }),
			])
			expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled'])
			const counts = await first.prisma.$queryRaw<
				Array<{ users: number; created: number; packs: number; migrations: number }>
			>`
			SELECT (SELECT count(*)::int FROM "User") AS users,
				(SELECT count(*)::int FROM "AuditEvent" WHERE action = 'user.created') AS created,
				(SELECT count(*)::int FROM "PolicyPackVersion") AS packs,
				(SELECT count(*)::int FROM "_prisma_migrations") AS migrations`
			const { readMigrations } = await import('#app/utils/db/migrations.server.ts')
			expect(counts[0]!.users).toBeGreaterThan(5)
			expect(counts[0]).toEqual({
				users: counts[0]!.users,
				created: counts[0]!.users,
				packs: 1,
				migrations: (await readMigrations()).length,
			})
		} finally {
			await first.close()
			await second.close()
		}
	},
	240_000,
)
