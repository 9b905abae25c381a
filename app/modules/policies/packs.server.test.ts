// The policy pack in the database: the shipped pack loaded once, an administrator's draft changed
// under optimistic locking, publishing as the next version, and every open case checked again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'

for (const target of databaseTargets()) {
	describe(`policy packs on ${target.name}`, () => {
		let database: Database
		let packs: typeof import('./packs.server.ts')
		let useCases: typeof import('#app/modules/use-cases/use-cases.server.ts')
		let adminId: string

		beforeAll(async () => {
			database = await openAppDatabase(target)
			packs = await import('./packs.server.ts')
			useCases = await import('#app/modules/use-cases/use-cases.server.ts')
			const seed = await import('#prisma/seed/seed.server.ts')
			await seed.seedDemoData(database.prisma)
			await packs.ensureShippedPackLoaded(database.prisma)
			adminId = (await sessionUserByEmail(database, 'admin@cms.example')).id
		}, 180_000)

		afterAll(async () => {
			await database?.close()
		})

		test('the shipped pack is loaded once and is the current pack', async () => {
			await packs.ensureShippedPackLoaded(database.prisma)
			expect(await database.prisma.policyPackVersion.count({ where: { status: 'PUBLISHED' } })).toBe(1)
			expect((await packs.currentPolicyPack()).version).toBe('2026.1')
		})

		test('a draft change on a stale revision is refused; publishing makes the next version current and re-checks every open case', async () => {
			const submitter = await sessionUserByEmail(database, 'submitter@cms.example')
			const orgUnitId = (await database.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })).id
			const open = await useCases.createDraft(submitter, { name: 'Open case to re-check', orgUnitId }, testRequest)
			const withdrawn = await useCases.createDraft(submitter, { name: 'Withdrawn case', orgUnitId }, testRequest)
			await useCases.withdrawUseCase(submitter, withdrawn.id, testRequest)
			await database.prisma.useCase.update({ where: { id: withdrawn.id }, data: { status: 'RETIRED' } })

			const draft = await packs.getDraftPack(adminId)
			expect(draft.version).toBe(`${new Date().getUTCFullYear()}.${new Date().getUTCFullYear() === 2026 ? 2 : 1}`)
			const fedramp = draft.pack.checks.find((check) => check.id === 'FEDRAMP-C1')!
			expect(fedramp.severity).toBe('BLOCKING')
			await packs.changeDraftPack(adminId, draft.revision, { kind: 'check', checkId: 'FEDRAMP-C1', settings: { enabled: true, severity: 'WARNING', lane: 'SECURITY' } }, testRequest)
			await expect(
				packs.changeDraftPack(adminId, draft.revision, { kind: 'check', checkId: 'FEDRAMP-C1', settings: { enabled: false, severity: 'INFO', lane: 'SECURITY' } }, testRequest),
			).rejects.toMatchObject({ code: 'CONFLICT' })
			await expect(
				packs.changeDraftPack(adminId, draft.revision + 1, { kind: 'check', checkId: 'NO-SUCH-CHECK', settings: { enabled: true, severity: 'INFO', lane: 'SECURITY' } }, testRequest),
			).rejects.toMatchObject({ code: 'NOT_FOUND' })
			// The current pack is untouched until publication.
			expect((await packs.currentPolicyPack()).checks.find((check) => check.id === 'FEDRAMP-C1')?.severity).toBe('BLOCKING')

			const { jobId, version } = await packs.publishDraftPack(adminId, draft.revision + 1, testRequest)
			expect((await packs.currentPolicyPack()).version).toBe(version)
			expect((await packs.currentPolicyPack()).checks.find((check) => check.id === 'FEDRAMP-C1')?.severity).toBe('WARNING')
			// Publishing started the re-run in the background; wait for it as the progress page does.
			await expect.poll(async () => (await packs.getReevaluationJob(jobId)).status, { timeout: 20_000, interval: 100 }).not.toBe('RUNNING')
			const job = await packs.getReevaluationJob(jobId)
			expect(job).toMatchObject({ status: 'DONE', packVersion: version })
			expect(job.done).toBe(job.total)
			expect(job.total).toBe(await database.prisma.useCase.count({ where: { status: { not: 'RETIRED' } } }))
			const runs = await database.prisma.checkRun.findMany({ where: { packVersion: version }, select: { useCaseId: true } })
			expect(runs.map((run) => run.useCaseId)).toContain(open.id)
			expect(runs.map((run) => run.useCaseId)).not.toContain(withdrawn.id)
			const stored = await packs.storedEvaluation(open.id, (await database.prisma.useCase.findUniqueOrThrow({ where: { id: open.id } })).version)
			expect(stored?.packVersion).toBe(version)
			expect(stored?.results.find((result) => result.checkId === 'FEDRAMP-C1')?.severity).toBe('WARNING')
			const events = await database.prisma.auditEvent.findMany({ where: { entityType: 'PolicyPackVersion' }, select: { action: true } })
			expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['policy_pack.check_changed', 'policy_pack.published']))
		})
	})
}
