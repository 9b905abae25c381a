// The long runs as background jobs: a database blip in the middle of a policy re-check neither
// kills the process nor leaves the run stuck (it resumes after the last batch it stored and
// finishes); a run left RUNNING with no job to carry it on is marked failed, visibly, and restarts
// from where it stopped.
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'

const fixture2025 = new Uint8Array(readFileSync('e2e/fixtures/cms-ai-inventory-2025.csv'))

async function loadModules() {
	return {
		seed: await import('#prisma/seed/seed.server.ts'),
		packs: await import('#app/modules/policies/pack-admin.server.ts'),
		imports: await import('#app/modules/omb-exchange/import.server.ts'),
		queue: await import('./job-queue.server.ts'),
		runs: await import('./runs.server.ts'),
	}
}

/** Copies of every case (new ids and tracking ids), so that a re-check takes several batches. */
async function multiplyCases(database: Database, copies: number) {
	for (let copy = 1; copy <= copies; copy++) {
		await database.prisma.$executeRawUnsafe(`
			CREATE TEMP TABLE copied AS SELECT * FROM "UseCase" WHERE id NOT LIKE '%-copy-%';
			UPDATE copied SET "trackingId" = 'CMS-' || (2030 + ${copy}) || '-' || lpad(numbered.n::text, 4, '0'), "importKey" = NULL
				FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM copied) AS numbered WHERE numbered.id = copied.id;
			UPDATE copied SET id = id || '-copy-${copy}';
			INSERT INTO "UseCase" SELECT * FROM copied;
			DROP TABLE copied;`)
	}
}

for (const target of databaseTargets()) {
	describe(`background runs on ${target.name}`, () => {
		let database: Database
		let m: Awaited<ReturnType<typeof loadModules>>
		let adminId: string

		beforeAll(async () => {
			database = await openAppDatabase(target)
			m = await loadModules()
			await m.seed.seedDemoData(database.prisma)
			await m.packs.ensureShippedPackLoaded(database.prisma)
			adminId = (await sessionUserByEmail(database, 'admin@cms.example')).id
		}, 180_000)

		afterAll(async () => {
			await database?.close()
		})

		async function publishedRecheck() {
			const draft = await m.packs.getDraftPack(adminId)
			await database.prisma.policyPackVersion.deleteMany({
				where: { status: 'DRAFT', id: { not: draft.id } },
			})
			return m.packs.publishPackVersion(
				adminId,
				{ version: draft.version, revision: draft.revision },
				testRequest,
			)
		}

		test('a re-check left running with no job (an older release, retries spent while the app was down) is marked failed with its reason, and a restart finishes it from where it stopped', async () => {
			// Published while no queue ran: the run happens in this process; wait for it.
			const { jobId } = await publishedRecheck()
			await expect
				.poll(async () => (await m.packs.getReevaluationJob(jobId)).status, { timeout: 30_000 })
				.toBe('DONE')
			const total = (await m.packs.getReevaluationJob(jobId)).total
			const halfway = await database.prisma.useCase.findMany({
				where: { status: { not: 'RETIRED' } },
				orderBy: { id: 'asc' },
				take: 10,
				select: { id: true },
			})
			// As a crash would leave it: RUNNING, ten cases in.
			await database.prisma.reevaluationJob.update({
				where: { id: jobId },
				data: { status: 'RUNNING', done: 10, resumeAfterId: halfway.at(-1)!.id, finishedAt: null },
			})

			const queue = await m.queue.startJobQueue(database)
			try {
				await m.runs.startRunWorkers(queue)
				vi.spyOn(console, 'error').mockImplementation(() => {})
				await expect
					.poll(async () => (await m.packs.getReevaluationJob(jobId)).status, {
						timeout: 30_000,
						interval: 100,
					})
					.toBe('FAILED')
				expect((await m.packs.getReevaluationJob(jobId)).error).toMatch(
					/could not resume by itself/,
				)

				await m.runs.restartReevaluation(adminId, jobId, testRequest)
				await expect
					.poll(async () => (await m.packs.getReevaluationJob(jobId)).status, {
						timeout: 30_000,
						interval: 100,
					})
					.toBe('DONE')
				const job = await m.packs.getReevaluationJob(jobId)
				// Resumed after the tenth case, not started over.
				expect(job).toMatchObject({ done: total, error: null })
				expect(
					await database.prisma.auditEvent.count({
						where: { action: 'policy_pack.recheck_restarted', entityId: jobId },
					}),
				).toBe(1)
				await expect(m.runs.restartReevaluation(adminId, jobId, testRequest)).rejects.toMatchObject(
					{ code: 'CONFLICT' },
				)
			} finally {
				await queue.stop()
			}
		}, 120_000)

		test('an import left running is marked failed, and a restart imports the rest of the file', async () => {
			const lead = await database.prisma.user.findUniqueOrThrow({
				where: { email: 'governance@cms.example' },
				select: {
					id: true,
					email: true,
					name: true,
					roles: { select: { role: true, lanes: true } },
				},
			})
			const batch = await m.imports.uploadImport(
				lead,
				{ fileName: 'cms-ai-inventory-2025.csv', bytes: fixture2025 },
				testRequest,
			)
			// As a crash would leave it: RUNNING, nothing imported yet, and no job. (Rows that look like
			// registered cases wait for the lead's decision, so they are skipped: 9 created, 6 skipped.)
			await database.prisma.importBatch.update({
				where: { id: batch.id },
				data: { status: 'RUNNING' },
			})
			const queue = await m.queue.startJobQueue(database)
			try {
				await m.runs.startRunWorkers(queue)
				vi.spyOn(console, 'error').mockImplementation(() => {})
				await expect
					.poll(
						async () =>
							(await database.prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } }))
								.status,
						{ timeout: 30_000, interval: 100 },
					)
					.toBe('FAILED')
				await m.runs.restartImport(lead, batch.id, testRequest)
				await expect
					.poll(
						async () =>
							(await database.prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } }))
								.status,
						{ timeout: 60_000, interval: 100 },
					)
					.toBe('DONE')
				expect(
					await database.prisma.importBatch.findUniqueOrThrow({ where: { id: batch.id } }),
				).toMatchObject({ processed: 15, created: 9, skipped: 6 })
			} finally {
				await queue.stop()
			}
		}, 120_000)
	})
}

const postgresUrl = inject('postgresUrl')

test.runIf(postgresUrl)(
	'PostgreSQL: every connection cut in the middle of a re-check — the process stays up and the run resumes and finishes',
	async () => {
		const [target] = databaseTargets().filter((t) => t.name === 'PostgreSQL')
		const database = await openAppDatabase(target!)
		const m = await loadModules()
		const queue = await m.queue.startJobQueue(database)
		const unhandled: Array<unknown> = []
		const onUnhandled = (reason: unknown) => unhandled.push(reason)
		process.on('unhandledRejection', onUnhandled)
		const admin = new pg.Client({ connectionString: postgresUrl! })
		await admin.connect()
		try {
			await m.seed.seedDemoData(database.prisma)
			await m.packs.ensureShippedPackLoaded(database.prisma)
			await multiplyCases(database, 9)
			const adminId = (await sessionUserByEmail(database, 'admin@cms.example')).id
			await m.runs.startRunWorkers(queue)
			const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
			const draft = await m.packs.getDraftPack(adminId)
			const { jobId } = await m.packs.publishPackVersion(
				adminId,
				{ version: draft.version, revision: draft.revision },
				testRequest,
			)
			await expect
				.poll(async () => (await m.packs.getReevaluationJob(jobId)).done, {
					timeout: 60_000,
					interval: 20,
				})
				.toBeGreaterThan(0)
			const { current_database: name } = (
				await database.prisma.$queryRaw<
					Array<{ current_database: string }>
				>`SELECT current_database()`
			)[0]!
			// The blip: the server drops every connection of the app and of its job queue — again every
			// 50 ms until one lands while the run is talking to the database (a connection dropped while
			// idle in the pool is replaced without anyone noticing).
			const interrupted = () =>
				errors.mock.calls.some((call) => String(call[0]).includes('resumes by itself'))
			for (let round = 0; round < 200 && !interrupted(); round++) {
				await admin.query(
					'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
					[name],
				)
				await new Promise((resolve) => setTimeout(resolve, 50))
			}
			await expect
				.poll(
					async () =>
						(await m.packs.getReevaluationJob(jobId).catch(() => ({ status: 'unreadable' })))
							.status,
					{ timeout: 90_000, interval: 200 },
				)
				.toBe('DONE')
			const job = await m.packs.getReevaluationJob(jobId)
			expect(job.done).toBe(job.total)
			expect(job.total).toBeGreaterThan(250)
			const stored = await database.prisma.checkRun.count({
				where: { packVersion: job.packVersion },
			})
			expect(stored).toBe(job.total)
			expect(errors.mock.calls.some((call) => String(call[0]).includes('resumes by itself'))).toBe(
				true,
			)
			expect(unhandled).toEqual([])
		} finally {
			process.off('unhandledRejection', onUnhandled)
			await queue.stop()
			await admin.end()
			await database.close()
		}
	},
	180_000,
)
