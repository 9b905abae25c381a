import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import { expect, inject, test } from 'vitest'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import { createScratchDatabase } from '#tests/postgres-cluster.ts'
import { openDatabase } from './database.server.ts'
import { pgliteMigrationConnection } from './connections.server.ts'
import { applyPendingMigrations, readMigrations } from './migrations.server.ts'
import {
	EMPTY_MIGRATION,
	applyWithPrismaEngine,
	diffSchemaAgainstMigrations,
} from './schema-diff.server.ts'

test('schema.prisma and prisma/migrations describe the same database (run `npm run db:migration -- <name>` if this fails)', async () => {
	expect(await diffSchemaAgainstMigrations()).toBe(EMPTY_MIGRATION)
})

test('a schema change without a migration is reported as drift', async () => {
	const { readFile } = await import('node:fs/promises')
	const schema = await readFile('prisma/schema.prisma', 'utf8')
	const changed = schema.replace('model LoginAttempt {', 'model LoginAttempt {\n  note String?')
	const sql = await diffSchemaAgainstMigrations({ schema: changed })
	expect(sql).toContain('ALTER TABLE "LoginAttempt" ADD COLUMN     "note" TEXT')
})

test('the runner records migrations exactly as `prisma migrate deploy` would', async () => {
	const migrations = await readMigrations()
	const byPrisma = new PGlite()
	const byRunner = new PGlite()
	try {
		const prismaResult = await applyWithPrismaEngine(byPrisma, migrations)
		expect(prismaResult.appliedMigrationNames).toEqual(migrations.map((m) => m.name))
		await applyPendingMigrations(pgliteMigrationConnection(byRunner), migrations)

		const recorded = `SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished
			FROM "_prisma_migrations" ORDER BY migration_name`
		expect((await byRunner.query(recorded)).rows).toEqual((await byPrisma.query(recorded)).rows)

		// Prisma's engine, pointed at a database our runner migrated, finds nothing left to do.
		const again = await applyWithPrismaEngine(byRunner, migrations)
		expect(again.appliedMigrationNames).toEqual([])
	} finally {
		await byPrisma.close()
		await byRunner.close()
	}
})

test('an applied migration that was edited afterwards stops start-up with a clear message', async () => {
	const migrations = await readMigrations()
	const pglite = new PGlite()
	try {
		const connection = pgliteMigrationConnection(pglite)
		await applyPendingMigrations(connection, migrations)
		const edited = migrations.map((m, index) => (index === 0 ? { ...m, checksum: 'different' } : m))
		await expect(applyPendingMigrations(connection, edited)).rejects.toThrow(
			/was changed after it was applied/,
		)
	} finally {
		await pglite.close()
	}
})

test('a failing migration leaves neither its changes nor its record behind', async () => {
	const pglite = new PGlite()
	try {
		const connection = pgliteMigrationConnection(pglite)
		const broken = [
			{
				name: '20990101000000_broken',
				sql: 'CREATE TABLE "Half" (id int); SELECT * FROM "Missing";',
				checksum: 'x',
			},
		]
		await expect(applyPendingMigrations(connection, broken)).rejects.toThrow()
		const tables = await pglite.query(`SELECT to_regclass('"Half"') AS half`)
		expect(tables.rows).toEqual([{ half: null }])
		const recorded = await pglite.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)
		expect(recorded.rows).toEqual([{ n: 0 }])
	} finally {
		await pglite.close()
	}
})

for (const target of databaseTargets()) {
	test(`${target.name}: migrations apply once; a restart applies nothing`, async () => {
		const database = await target.open()
		try {
			const migrations = await readMigrations()
			expect(await database.migrate()).toEqual(migrations.map((m) => m.name))
			expect(await database.migrate()).toEqual([])
			const roles = await database.prisma.role.findMany({
				orderBy: { name: 'asc' },
				select: { name: true },
			})
			expect(roles.map((r) => r.name).sort()).toEqual([
				'ADMIN',
				'GOVERNANCE_LEAD',
				'LEADERSHIP',
				'REVIEWER',
				'SUBMITTER',
			])
		} finally {
			await database.close()
		}
	})

	test(`${target.name}: the audit trail refuses UPDATE, DELETE and TRUNCATE`, async () => {
		const database = await openMigratedDatabase(target)
		try {
			const event = await database.prisma.auditEvent.create({
				data: { action: 'test.recorded', entityType: 'Test', entityId: '1', after: { ok: true } },
			})
			await expect(
				database.prisma.auditEvent.update({
					where: { id: event.id },
					data: { action: 'test.tampered' },
				}),
			).rejects.toThrow(/append-only/)
			await expect(database.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(
				/append-only/,
			)
			await expect(database.prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(
				/append-only/,
			)
			const stored = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })
			expect(stored.action).toBe('test.recorded')
		} finally {
			await database.close()
		}
	})
}

const postgresUrl = inject('postgresUrl')
if (postgresUrl) {
	test('PostgreSQL: two app instances starting together apply each migration once', async () => {
		const url = await createScratchDatabase(postgresUrl, `test_${randomBytes(6).toString('hex')}`)
		const first = openDatabase({ databaseUrl: url })
		const second = openDatabase({ databaseUrl: url })
		try {
			const [appliedByFirst, appliedBySecond] = await Promise.all([
				first.migrate(),
				second.migrate(),
			])
			const migrations = await readMigrations()
			expect([...appliedByFirst, ...appliedBySecond].sort()).toEqual(migrations.map((m) => m.name))
			const recorded = await first.prisma.$queryRaw<Array<{ n: number }>>`
				SELECT count(*)::int AS n FROM "_prisma_migrations"`
			expect(recorded).toEqual([{ n: migrations.length }])
		} finally {
			await first.close()
			await second.close()
		}
	})
}
