// The two-role PostgreSQL set-up, on the throwaway cluster: migrations run as the owner, the app
// runs as a role that owns nothing, and that role cannot change, delete or unprotect the audit trail.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { findPostgresBinaries } from '#tests/postgres-cluster.ts'
import { type Database, openDatabase } from './database.server.ts'

const clusterUrl = inject('postgresUrl')

if (!clusterUrl) {
	test('the two-role tests need the PostgreSQL server binaries, which are not installed here', () => {
		expect(findPostgresBinaries()).toBeNull()
	})
} else {
	describe('a PostgreSQL database with an owner role and a runtime role', () => {
		const suffix = randomBytes(4).toString('hex')
		const owner = `owner_${suffix}`
		const runtime = `runtime_${suffix}`
		const name = `roles_${suffix}`
		const urlFor = (role: string) => {
			const url = new URL(clusterUrl)
			url.username = role
			url.pathname = `/${name}`
			return url.toString()
		}
		let database: Database
		let app: pg.Client
		let ownerClient: pg.Client

		beforeAll(async () => {
			const admin = new pg.Client({ connectionString: clusterUrl })
			await admin.connect()
			await admin.query(`CREATE ROLE ${owner} LOGIN; CREATE ROLE ${runtime} LOGIN;`)
			await admin.query(`CREATE DATABASE ${name} OWNER ${owner}`)
			await admin.end()
			// What the app does at start-up with DATABASE_URL and MIGRATION_DATABASE_URL set.
			database = openDatabase({ databaseUrl: urlFor(runtime), migrationDatabaseUrl: urlFor(owner) })
			await database.migrate()
			app = new pg.Client({ connectionString: urlFor(runtime) })
			await app.connect()
			ownerClient = new pg.Client({ connectionString: urlFor(owner) })
			await ownerClient.connect()
		}, 120_000)

		afterAll(async () => {
			await app?.end()
			await ownerClient?.end()
			await database?.close()
		})

		test('the owner role owns every table; the runtime role owns none', async () => {
			const owners = await app.query<{ tableowner: string }>(
				`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`,
			)
			expect(owners.rows.map((row) => row.tableowner)).toEqual([owner])
		})

		test('the app works as the runtime role: it reads, writes and records audit events', async () => {
			const { seedDemoData } = await import('#prisma/seed/seed.server.ts')
			await seedDemoData(database.prisma)
			expect(await database.prisma.useCase.count()).toBeGreaterThan(10)
			expect(await database.prisma.auditEvent.count()).toBeGreaterThan(0)
		}, 120_000)

		test('the runtime role cannot change, delete or empty the audit trail', async () => {
			await app.query(
				`INSERT INTO "AuditEvent" ("id", "action", "entityType", "entityId") VALUES ('roles-test', 'test.recorded', 'Test', 'x')`,
			)
			for (const statement of [
				`UPDATE "AuditEvent" SET "action" = 'forged' WHERE "id" = 'roles-test'`,
				`DELETE FROM "AuditEvent" WHERE "id" = 'roles-test'`,
				`TRUNCATE "AuditEvent"`,
				`UPDATE "UseCaseVersion" SET "reason" = 'forged'`,
				`DELETE FROM "UseCaseParticipant"`,
			]) {
				await expect(app.query(statement), statement).rejects.toThrow(/permission denied/)
			}
			const kept = await app.query(`SELECT "action" FROM "AuditEvent" WHERE "id" = 'roles-test'`)
			expect(kept.rows).toEqual([{ action: 'test.recorded' }])
		})

		test('the runtime role cannot disable, drop or replace the trigger that protects it', async () => {
			for (const statement of [
				`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`,
				`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
				`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`,
				`CREATE OR REPLACE FUNCTION "audit_event_is_append_only"() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql`,
				`DROP TABLE "AuditEvent"`,
				`ALTER TABLE "AuditEvent" OWNER TO ${runtime}`,
			]) {
				await expect(app.query(statement), statement).rejects.toThrow(
					/must be owner|permission denied/,
				)
			}
			const triggers = await app.query(
				`SELECT tgenabled FROM pg_trigger WHERE tgname = 'AuditEvent_append_only'`,
			)
			expect(triggers.rows).toEqual([{ tgenabled: 'O' }])
		})

		test('which is why the app must not run as the owner: the owner could', async () => {
			await ownerClient.query('BEGIN')
			await ownerClient.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`)
			await ownerClient.query('ROLLBACK')
		})

		test('a second start applies nothing and grants again (new tables are covered after each migration)', async () => {
			expect(await database.migrate()).toEqual([])
			await expect(app.query(`UPDATE "AuditEvent" SET "action" = 'forged'`)).rejects.toThrow(
				/permission denied/,
			)
		})
	})
}
