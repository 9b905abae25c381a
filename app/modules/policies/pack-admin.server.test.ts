// The policy pack in the database: releases from the repository loaded at start-up (in force on a
// fresh database, proposed on one that runs an older release, published at once when the setting
// says so), an administrator's draft changed under conditional writes, publishing after a preview of
// what changes, and every open case checked again. Each race runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { type DatabaseTarget, databaseTargets } from '#tests/db-targets.ts'
import { shippedPolicyPack } from './policy-pack.ts'

type Packs = typeof import('./packs.server.ts') & typeof import('./pack-admin.server.ts')

const release2026_1 = shippedPolicyPack('2026.1')
const newest = shippedPolicyPack()

/** A database as an earlier release of the tracker left it: pack 2026.1 in force, loaded from the repository. */
async function runningRelease2026_1(database: Database) {
	await database.prisma.policyPackVersion.create({
		data: {
			version: '2026.1',
			status: 'PUBLISHED',
			origin: 'RELEASE',
			content: release2026_1 as unknown as Prisma.InputJsonValue,
			publishedAt: new Date('2026-11-22T00:00:00Z'),
		},
	})
}

/** A fresh migrated database on `target`, with the pack modules bound to it. */
async function openPacks(target: DatabaseTarget): Promise<{ database: Database; packs: Packs }> {
	const database = await openAppDatabase(target)
	const packs = {
		...(await import('./packs.server.ts')),
		...(await import('./pack-admin.server.ts')),
	}
	return { database, packs }
}

async function admin(database: Database) {
	const user = await database.prisma.user.create({
		data: {
			email: `admin-${Math.random().toString(36).slice(2)}@cms.example`,
			name: 'Jordan Lee',
			roles: { create: { role: 'ADMIN' } },
		},
	})
	return user.id
}

async function settled(packs: Packs, jobId: string) {
	await expect
		.poll(async () => (await packs.getReevaluationJob(jobId)).status, {
			timeout: 30_000,
			interval: 100,
		})
		.not.toBe('RUNNING')
	return packs.getReevaluationJob(jobId)
}

async function events(database: Database, action: string) {
	return database.prisma.auditEvent.count({ where: { action } })
}

for (const target of databaseTargets()) {
	describe(`policy pack releases on ${target.name}`, () => {
		let database: Database
		let packs: Packs

		beforeAll(async () => {
			;({ database, packs } = await openPacks(target))
		}, 120_000)
		afterAll(async () => {
			await database?.close()
		})

		test('a fresh database starts on the newest release, once, even when two instances load it together', async () => {
			await Promise.all([
				packs.ensureShippedPackLoaded(database.prisma),
				packs.ensureShippedPackLoaded(database.prisma),
			])
			const rows = await database.prisma.policyPackVersion.findMany({
				select: { version: true, status: true, origin: true },
			})
			expect(rows).toEqual([{ version: newest.version, status: 'PUBLISHED', origin: 'RELEASE' }])
			expect((await packs.currentPolicyPack()).version).toBe(newest.version)
			await packs.ensureShippedPackLoaded(database.prisma)
			expect(await database.prisma.policyPackVersion.count()).toBe(1)
		})
	})

	describe(`a database running release 2026.1 on ${target.name}`, () => {
		let database: Database
		let packs: Packs
		let adminId: string

		beforeAll(async () => {
			;({ database, packs } = await openPacks(target))
			await runningRelease2026_1(database)
			adminId = await admin(database)
		}, 120_000)
		afterAll(async () => {
			await database?.close()
		})

		test('gets the newest release proposed, not published: the pack in force stays 2026.1 until an administrator publishes', async () => {
			// An administrator had opened the editor under the old numbering: the draft held the number 2026.2.
			await database.prisma.policyPackVersion.create({
				data: {
					version: '2026.2',
					status: 'DRAFT',
					openDraft: true,
					origin: 'LOCAL',
					basedOnVersion: '2026.1',
					content: { ...release2026_1, version: '2026.2' } as unknown as Prisma.InputJsonValue,
					editedById: adminId,
				},
			})
			await Promise.all([
				packs.ensureShippedPackLoaded(database.prisma),
				packs.ensureShippedPackLoaded(database.prisma),
			])
			const rows = await database.prisma.policyPackVersion.findMany({
				orderBy: { version: 'asc' },
				select: { version: true, status: true, origin: true },
			})
			expect(rows).toEqual([
				{ version: '2026.1', status: 'PUBLISHED', origin: 'RELEASE' },
				{ version: '2026.1.1', status: 'DRAFT', origin: 'LOCAL' },
				{ version: newest.version, status: 'PROPOSED', origin: 'RELEASE' },
			])
			expect((await packs.currentPolicyPack()).version).toBe('2026.1')
			expect(await events(database, 'policy_pack.proposed')).toBe(1)
			expect(await events(database, 'policy_pack.renumbered')).toBe(1)
		})

		test('the preview lists what the newest release changes (checks, severities, lanes, clauses) and how many cases it re-checks', async () => {
			const preview = await packs.publicationPreview(newest.version)
			expect(preview).toMatchObject({
				status: 'PROPOSED',
				origin: 'RELEASE',
				current: '2026.1',
				useCasesToRecheck: 0,
				missingImplementations: [],
			})
			expect(preview.diff.checks.added.map((check) => check.id)).toEqual([
				'M2521-5-C1',
				'M2521-4A-C4',
				'PRIVACY-ACT-CONTRACTOR-C1',
				'PRIVACY-ACT-ACCURACY-C1',
				'HIPAA-SECURITY-C1',
				'CMS-DUA-C1',
				'IQA-C1',
				'PRA-C1',
				'INV-COTS-C1',
			])
			expect(
				preview.diff.checks.changed.find((check) => check.id === 'M2521-3B-IV-C1')?.changes,
			).toContainEqual({ field: 'severity', from: 'WARNING', to: 'BLOCKING' })
			expect(preview.diff.routes.added.map((route) => route.id)).toContain('ROUTE-HIGH-IMPACT')
			expect(preview.diff.routes.removed.map((route) => route.id)).toEqual([
				'ROUTE-PRESUMED-HIGH-IMPACT',
			])
			expect(preview.diff.references.added.map((reference) => reference.id)).toEqual([
				'OMB-INV-2025',
				'CMS-DUA',
				'IQA',
				'PRA',
			])
			await expect(packs.publicationPreview('2026.1')).rejects.toMatchObject({ code: 'NOT_FOUND' })
		})

		test('publishing the release twice at once makes one version, one audit event and one re-check, and carries the draft’s changes onto it', async () => {
			const draft = await packs.getDraftPack(adminId)
			expect(draft.version).toBe('2026.1.1')
			await packs.changeDraftPack(
				adminId,
				draft.revision,
				{
					kind: 'check',
					checkId: 'M2521-8-C1',
					settings: { enabled: true, severity: 'INFO', lane: 'DATA_GOVERNANCE' },
				},
				testRequest,
			)
			const { revision } = await database.prisma.policyPackVersion.findUniqueOrThrow({
				where: { version: newest.version },
			})
			const outcomes = await Promise.allSettled([
				packs.publishPackVersion(adminId, { version: newest.version, revision }, testRequest),
				packs.publishPackVersion(adminId, { version: newest.version, revision }, testRequest),
			])
			const published = outcomes.flatMap((outcome) =>
				outcome.status === 'fulfilled' ? [outcome.value] : [],
			)
			expect(published).toHaveLength(1)
			expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
				reason: { code: 'CONFLICT' },
			})
			expect(await events(database, 'policy_pack.published')).toBe(1)
			expect(
				await database.prisma.reevaluationJob.count({ where: { packVersion: newest.version } }),
			).toBe(1)
			expect(await settled(packs, published[0]!.jobId)).toMatchObject({ status: 'DONE' })
			expect((await packs.currentPolicyPack()).version).toBe(newest.version)

			// The administrator's severity change survives as a new draft on the release.
			expect(published[0]!.carriedIntoDraft).toEqual({ version: `${newest.version}.1`, changes: 1 })
			const carried = await packs.getDraftPack(adminId)
			expect(carried).toMatchObject({
				version: `${newest.version}.1`,
				basedOnVersion: newest.version,
			})
			expect(carried.pack.checks.find((check) => check.id === 'M2521-8-C1')?.severity).toBe('INFO')
			expect(carried.pack.checks.map((check) => check.id)).toContain('M2521-5-C1')
			await expect(
				packs.publishPackVersion(adminId, { version: newest.version, revision }, testRequest),
			).rejects.toMatchObject({ code: 'CONFLICT' })
		})
	})

	describe(`a database whose edition in force holds an older release's number on ${target.name}`, () => {
		let database: Database
		let packs: Packs

		beforeAll(async () => {
			;({ database, packs } = await openPacks(target))
			await runningRelease2026_1(database)
		}, 120_000)
		afterAll(async () => {
			await database?.close()
		})

		test('the edition is renumbered after its own release, and the newest release is proposed', async () => {
			// Published under the old numbering as 2026.2, an edition of 2026.1; release 2026.2 has shipped since.
			const edition = await database.prisma.policyPackVersion.create({
				data: {
					version: '2026.2',
					status: 'PUBLISHED',
					origin: 'LOCAL',
					basedOnVersion: '2026.1',
					content: { ...release2026_1, version: '2026.2' } as unknown as Prisma.InputJsonValue,
					publishedAt: new Date('2026-11-25T00:00:00Z'),
				},
			})
			await Promise.all([
				packs.ensureShippedPackLoaded(database.prisma),
				packs.ensureShippedPackLoaded(database.prisma),
			])
			const rows = await database.prisma.policyPackVersion.findMany({
				orderBy: { version: 'asc' },
				select: { id: true, version: true, status: true, origin: true },
			})
			expect(rows).toEqual([
				{ id: expect.any(String), version: '2026.1', status: 'PUBLISHED', origin: 'RELEASE' },
				{ id: edition.id, version: '2026.1.1', status: 'PUBLISHED', origin: 'LOCAL' },
				{ id: expect.any(String), version: newest.version, status: 'PROPOSED', origin: 'RELEASE' },
			])
			expect((await packs.currentPolicyPack()).version).toBe('2026.1.1')
			expect(await events(database, 'policy_pack.renumbered')).toBe(1)
			expect(await events(database, 'policy_pack.proposed')).toBe(1)
		})
	})

	describe(`administrators editing the draft at once on ${target.name}`, () => {
		let database: Database
		let packs: Packs
		let adminId: string

		beforeAll(async () => {
			;({ database, packs } = await openPacks(target))
			await packs.ensureShippedPackLoaded(database.prisma)
			adminId = await admin(database)
		}, 120_000)
		afterAll(async () => {
			await database?.close()
		})

		test('two administrators opening the editor together get one draft, and no error', async () => {
			const drafts = await Promise.all([
				packs.getDraftPack(adminId),
				packs.getDraftPack(adminId),
				packs.getDraftPack(adminId),
			])
			expect(new Set(drafts.map((draft) => draft.id)).size).toBe(1)
			expect(drafts[0]).toMatchObject({
				version: `${newest.version}.1`,
				basedOnVersion: newest.version,
			})
			expect(await database.prisma.policyPackVersion.count({ where: { status: 'DRAFT' } })).toBe(1)
		})

		test('thirteen changes on the same revision at once: one is stored and audited, twelve are refused as conflicts', async () => {
			const draft = await packs.getDraftPack(adminId)
			const severities = ['INFO', 'WARNING', 'BLOCKING'] as const
			const outcomes = await Promise.allSettled(
				Array.from({ length: 13 }, (_, i) =>
					packs.changeDraftPack(
						adminId,
						draft.revision,
						{
							kind: 'check',
							checkId: 'FEDRAMP-C1',
							settings: { enabled: i % 2 === 0, severity: severities[i % 3]!, lane: 'SECURITY' },
						},
						testRequest,
					),
				),
			)
			expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
			const refused = outcomes.filter((outcome) => outcome.status === 'rejected')
			expect(refused).toHaveLength(12)
			for (const outcome of refused) expect(outcome).toMatchObject({ reason: { code: 'CONFLICT' } })
			const after = await packs.getDraftPack(adminId)
			expect(after.revision).toBe(draft.revision + 1)
			expect(await events(database, 'policy_pack.check_changed')).toBe(1)
		})

		test('a routing rule’s lanes are changed in the draft; the pack in force is untouched until publication', async () => {
			const draft = await packs.getDraftPack(adminId)
			await packs.changeDraftPack(
				adminId,
				draft.revision,
				{
					kind: 'route',
					routeId: 'ROUTE-HIGH-IMPACT',
					settings: { enabled: true, lanes: ['CAIO_DETERMINATION', 'PRIVACY', 'LEGAL'] },
				},
				testRequest,
			)
			expect(
				(await packs.currentPolicyPack()).routes.find((route) => route.id === 'ROUTE-HIGH-IMPACT')
					?.lanes,
			).toContain('CIVIL_RIGHTS')
			await expect(
				packs.changeDraftPack(
					adminId,
					draft.revision + 1,
					{
						kind: 'route',
						routeId: 'NO-SUCH-ROUTE',
						settings: { enabled: true, lanes: ['LEGAL'] },
					},
					testRequest,
				),
			).rejects.toMatchObject({ code: 'NOT_FOUND' })
			const preview = await packs.publicationPreview(draft.version)
			expect(preview.diff.routes.changed).toEqual([
				expect.objectContaining({
					id: 'ROUTE-HIGH-IMPACT',
					changes: [
						{
							field: 'lanes',
							from: 'CAIO_DETERMINATION, PRIVACY, LEGAL, CIVIL_RIGHTS',
							to: 'CAIO_DETERMINATION, PRIVACY, LEGAL',
						},
					],
				}),
			])
			const { jobId } = await packs.publishPackVersion(
				adminId,
				{ version: draft.version, revision: draft.revision + 1 },
				testRequest,
			)
			await settled(packs, jobId)
			expect(
				(await packs.currentPolicyPack()).routes.find((route) => route.id === 'ROUTE-HIGH-IMPACT')
					?.lanes,
			).not.toContain('CIVIL_RIGHTS')
			expect(await database.prisma.policyPackVersion.count({ where: { status: 'DRAFT' } })).toBe(0)
		})
	})

	describe(`publishing releases automatically on ${target.name}`, () => {
		let database: Database
		let packs: Packs
		let adminId: string

		beforeAll(async () => {
			;({ database, packs } = await openPacks(target))
			await runningRelease2026_1(database)
			adminId = await admin(database)
		}, 120_000)
		afterAll(async () => {
			await database?.close()
		})

		test('with the setting on, two instances starting together publish the release once and start one re-check', async () => {
			await packs.setAutoPublishReleases(adminId, true, testRequest)
			await packs.setAutoPublishReleases(adminId, true, testRequest)
			expect(await events(database, 'setting.changed')).toBe(1)
			await Promise.all([
				packs.ensureShippedPackLoaded(database.prisma),
				packs.ensureShippedPackLoaded(database.prisma),
			])
			expect((await packs.currentPolicyPack()).version).toBe(newest.version)
			expect(await events(database, 'policy_pack.published')).toBe(1)
			const jobs = await database.prisma.reevaluationJob.findMany({
				select: { id: true, startedById: true },
			})
			expect(jobs).toHaveLength(1)
			expect(jobs[0]!.startedById).toBeNull()
			await settled(packs, jobs[0]!.id)
		})
	})

	describe(`re-checking open cases on ${target.name}`, () => {
		let database: Database
		let packs: Packs
		let useCases: typeof import('#app/modules/use-cases/use-cases.server.ts')
		let adminId: string

		beforeAll(async () => {
			;({ database, packs } = await openPacks(target))
			useCases = await import('#app/modules/use-cases/use-cases.server.ts')
			const seed = await import('#prisma/seed/seed.server.ts')
			await packs.ensureShippedPackLoaded(database.prisma)
			await seed.seedDemoData(database.prisma)
			adminId = (await sessionUserByEmail(database, 'admin@cms.example')).id
		}, 180_000)
		afterAll(async () => {
			await database?.close()
		})

		test('a stale revision is refused; publishing makes the next version current and re-checks every open case', async () => {
			const submitter = await sessionUserByEmail(database, 'submitter@cms.example')
			const orgUnitId = (
				await database.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })
			).id
			const open = await useCases.createDraft(
				submitter,
				{ name: 'Open case to re-check', orgUnitId },
				testRequest,
			)
			const withdrawn = await useCases.createDraft(
				submitter,
				{ name: 'Withdrawn case', orgUnitId },
				testRequest,
			)
			await useCases.withdrawUseCase(submitter, withdrawn.id, testRequest)
			await database.prisma.useCase.update({
				where: { id: withdrawn.id },
				data: { status: 'RETIRED' },
			})

			const draft = await packs.getDraftPack(adminId)
			expect(draft.version).toBe(`${newest.version}.1`)
			expect(draft.pack.checks.find((check) => check.id === 'FEDRAMP-C1')?.severity).toBe(
				'BLOCKING',
			)
			await packs.changeDraftPack(
				adminId,
				draft.revision,
				{
					kind: 'check',
					checkId: 'FEDRAMP-C1',
					settings: { enabled: true, severity: 'WARNING', lane: 'SECURITY' },
				},
				testRequest,
			)
			await expect(
				packs.changeDraftPack(
					adminId,
					draft.revision,
					{
						kind: 'check',
						checkId: 'FEDRAMP-C1',
						settings: { enabled: false, severity: 'INFO', lane: 'SECURITY' },
					},
					testRequest,
				),
			).rejects.toMatchObject({ code: 'CONFLICT' })
			await expect(
				packs.changeDraftPack(
					adminId,
					draft.revision + 1,
					{
						kind: 'check',
						checkId: 'NO-SUCH-CHECK',
						settings: { enabled: true, severity: 'INFO', lane: 'SECURITY' },
					},
					testRequest,
				),
			).rejects.toMatchObject({ code: 'NOT_FOUND' })
			expect(
				(await packs.currentPolicyPack()).checks.find((check) => check.id === 'FEDRAMP-C1')
					?.severity,
			).toBe('BLOCKING')

			const total = await database.prisma.useCase.count({ where: { status: { not: 'RETIRED' } } })
			expect((await packs.publicationPreview(draft.version)).useCasesToRecheck).toBe(total)
			const { jobId, version } = await packs.publishPackVersion(
				adminId,
				{ version: draft.version, revision: draft.revision + 1 },
				testRequest,
			)
			expect((await packs.currentPolicyPack()).version).toBe(version)
			const job = await settled(packs, jobId)
			expect(job).toMatchObject({ status: 'DONE', packVersion: version, total })
			expect(job.done).toBe(job.total)
			const runs = await database.prisma.checkRun.findMany({
				where: { packVersion: version },
				select: { useCaseId: true },
			})
			expect(runs.map((run) => run.useCaseId)).toContain(open.id)
			expect(runs.map((run) => run.useCaseId)).not.toContain(withdrawn.id)
			const stored = await packs.storedEvaluation(
				open.id,
				(await database.prisma.useCase.findUniqueOrThrow({ where: { id: open.id } })).version,
			)
			expect(stored?.packVersion).toBe(version)
			expect(stored?.results.find((result) => result.checkId === 'FEDRAMP-C1')?.severity).toBe(
				'WARNING',
			)
			const actions = (
				await database.prisma.auditEvent.findMany({
					where: { entityType: 'PolicyPackVersion' },
					select: { action: true },
				})
			).map((e) => e.action)
			expect(actions).toEqual(
				expect.arrayContaining(['policy_pack.check_changed', 'policy_pack.published']),
			)
		})
	})
}
