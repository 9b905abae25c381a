// OMB's consolidated file of every agency, imported as a governance lead would, on each database:
// other agencies and divisions summed up, an unknown component mapped from the preview, the import
// run, the same file again changing nothing, and a run resumed from a row changing nothing twice.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { ensureShippedPackLoaded } from '#app/modules/policies/pack-admin.server.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import { generateConsolidatedInventory } from '#tests/fixtures/omb-consolidated-file.ts'

const current = vi.hoisted(() => ({ prisma: null as unknown as PrismaClient }))
vi.mock('#app/utils/db.server.ts', () => ({
	get prisma() {
		return current.prisma
	},
}))

const { decideAllMatches, getImportBatch, importProblemsOf, runImport, startImport, uploadImport } =
	await import('./import.server.ts')
const { addOrgUnitAlias } = await import('#app/modules/org-units/org-units.server.ts')

const request = { requestId: 'test', ipAddress: '127.0.0.1', userAgent: null }
const consolidated = generateConsolidatedInventory({ rows: 3611, cmsRows: 73, seed: 2025 })
const bytes = new TextEncoder().encode(consolidated.csv)

for (const target of databaseTargets()) {
	describe(`on ${target.name}`, () => {
		let database: Database
		let prisma: PrismaClient
		let lead: Parameters<typeof uploadImport>[0]

		async function waitForRun(batchId: string) {
			for (let attempt = 0; attempt < 1200; attempt++) {
				const { status } = await prisma.importBatch.findUniqueOrThrow({
					where: { id: batchId },
					select: { status: true },
				})
				if (status !== 'RUNNING') return status
				await new Promise((resolve) => setTimeout(resolve, 50))
			}
			throw new Error('The import did not finish.')
		}

		beforeAll(async () => {
			database = await openMigratedDatabase(target)
			prisma = database.prisma
			current.prisma = prisma
			await ensureShippedPackLoaded(prisma)
			await seedDemoData(prisma)
			lead = await prisma.user.findUniqueOrThrow({
				where: { email: 'governance@cms.example' },
				select: {
					id: true,
					email: true,
					name: true,
					roles: { select: { role: true, lanes: true } },
				},
			})
		})
		afterAll(async () => {
			await database?.close()
		})

		test('the preview sums up other agencies and divisions, offers the unknown component, and groups the problems', async () => {
			const batch = await uploadImport(
				lead,
				{ fileName: 'omb-2025-consolidated.csv', bytes },
				request,
			)
			const { preview, problems } = await getImportBatch(batch.id)
			const otherAgencies = Object.keys(consolidated.byAgency).filter((agency) => agency !== 'HHS')
			expect(preview!.otherAgencies.map((other) => other.agency).sort()).toEqual(
				otherAgencies.sort(),
			)
			expect(problems!.groups.find((group) => group.kind === 'OTHER_AGENCY')).toMatchObject({
				count: otherAgencies.length,
				effect: 'Not imported',
			})
			expect(
				problems!.groups.find((group) => group.kind === 'OTHER_COMPONENT')!.count,
			).toBeGreaterThan(5)
			expect(preview!.unknownComponents).toEqual([
				{ bureau: 'CMS/Digital Service at CMS', rows: 4, firstRow: 17 },
			])
			expect(
				problems!.groups.find(
					(group) => group.kind === 'KEPT_AS_WRITTEN' && group.column === 'pia_url',
				)?.effect,
			).toBe('Imported; this answer kept as written')
			// A page of 50 at a time, filtered by kind and column; the CSV holds every filtered one.
			const kept = await getImportBatch(batch.id, {
				kind: 'KEPT_AS_WRITTEN',
				column: 'operational_date',
			})
			expect(
				kept.problems!.list.every(
					(problem) => problem.kind === 'KEPT_AS_WRITTEN' && problem.column === 'operational_date',
				),
			).toBe(true)
			expect((await importProblemsOf(batch.id, { kind: 'KEPT_AS_WRITTEN' })).problems).toHaveLength(
				problems!.groups
					.filter((group) => group.kind === 'KEPT_AS_WRITTEN')
					.reduce((sum, group) => sum + group.count, 0),
			)

			// Mapping the component's spelling to a unit brings its rows in.
			const oa = await prisma.orgUnit.findUniqueOrThrow({
				where: { code: 'HHS/CMS/OA' },
				select: { id: true },
			})
			await addOrgUnitAlias(lead, oa.id, 'CMS/Digital Service at CMS', request)
			const mapped = await getImportBatch(batch.id)
			expect(mapped.preview!.unknownComponents).toEqual([])
			expect(mapped.preview!.counts.SKIP).toBe(preview!.counts.SKIP - 4)
			await decideAllMatches(lead, batch.id, 'NEW', request)
			const ready = await getImportBatch(batch.id)
			expect(ready.preview!.counts.CONFIRM).toBe(0)

			await startImport(lead, batch.id, request, ready.preview!.stamp)
			expect(await waitForRun(batch.id)).toBe('DONE')
			const done = await getImportBatch(batch.id)
			expect(done.batch.created).toBe(ready.preview!.counts.CREATE)
			expect(await prisma.useCase.count({ where: { source: 'IMPORT' } })).toBe(
				ready.preview!.counts.CREATE,
			)
			// A month stays a month.
			const monthly = await prisma.useCase.findMany({
				where: { source: 'IMPORT' },
				select: { answers: true },
			})
			expect(
				monthly.some((row) =>
					/^\d{4}-\d{2}$/.test(
						String((row.answers as { operationalDate?: string }).operationalDate),
					),
				),
			).toBe(true)
		})

		test('the same file again changes nothing', async () => {
			const versions = await prisma.useCaseVersion.count()
			const batch = await uploadImport(
				lead,
				{ fileName: 'omb-2025-consolidated.csv', bytes },
				request,
			)
			const { preview } = await getImportBatch(batch.id)
			expect(preview!.counts).toMatchObject({ CREATE: 0, UPDATE: 0, CONFIRM: 0 })
			await startImport(lead, batch.id, request, preview!.stamp)
			expect(await waitForRun(batch.id)).toBe('DONE')
			expect(await prisma.useCaseVersion.count()).toBe(versions)
		})

		/** 30 new CMS cases of their own (`label` keeps their names apart from other tests'), checked and decided. */
		async function newCasesFile(label: string, seed: number) {
			const small = generateConsolidatedInventory({ rows: 30, cmsRows: 30, seed })
			const text = small.csv
				.replace(/CMS\/Digital Service at CMS/g, 'CMS/OIT')
				.replace(/ of (\w+) (\d+)/g, ` of $1 ${label} $2`)
			const batch = await uploadImport(
				lead,
				{ fileName: `${label}.csv`, bytes: new TextEncoder().encode(text) },
				request,
			)
			await decideAllMatches(lead, batch.id, 'NEW', request)
			const planned = (await getImportBatch(batch.id)).preview!.counts.CREATE
			return { batch, planned, before: await prisma.useCase.count() }
		}

		test('a run stopped part-way and resumed counts every row once: the summary says what the import did', async () => {
			const { batch, planned, before } = await newCasesFile('interrupted', 7)
			await prisma.importBatch.update({
				where: { id: batch.id },
				data: { status: 'RUNNING', importedById: lead.id, processed: 0, nextRow: 0 },
			})
			// The run is stopped (its job taken over, as after a crash) once a few rows are in.
			const stop = new AbortController()
			const run = runImport(batch.id, lead, request, { signal: stop.signal })
			while ((await prisma.useCase.count()) < before + 5)
				await new Promise((resolve) => setTimeout(resolve, 5))
			stop.abort()
			await expect(run).rejects.toThrow()
			const stopped = await prisma.useCase.count()
			expect(stopped - before).toBeLessThan(planned)
			await runImport(batch.id, lead, request)
			expect(await prisma.useCase.count()).toBe(before + planned)
			expect((await getImportBatch(batch.id)).batch).toMatchObject({
				status: 'DONE',
				created: planned,
				unchanged: 0,
			})
		})

		test('a run resumed from a row imports the rest, and rows done before are not done twice', async () => {
			const { batch, planned, before } = await newCasesFile('resumed', 99)
			// As if a first run had recorded rows 2–16 as imported and stopped: the job runs again and resumes at row 17.
			await prisma.importBatch.update({
				where: { id: batch.id },
				data: { status: 'RUNNING', importedById: lead.id, processed: 15, nextRow: 17 },
			})
			await runImport(batch.id, lead, request)
			const afterSecondHalf = await prisma.useCase.count()
			// Then from the start: the rows imported by the run above are found again and change nothing.
			await prisma.importBatch.update({
				where: { id: batch.id },
				data: { status: 'RUNNING', processed: 0, nextRow: 0 },
			})
			await runImport(batch.id, lead, request)
			expect(await prisma.useCase.count()).toBe(before + planned)
			expect(afterSecondHalf - before).toBeLessThan(planned)
			const { batch: finished } = await getImportBatch(batch.id)
			expect(finished).toMatchObject({
				status: 'DONE',
				created: planned - (afterSecondHalf - before),
			})
		})
	})
}
