// The exchange with OMB end to end on each database, over the demo data: import CMS's 2025 file,
// re-import it, export, open a reporting year, import the 2026 update, open the next year, and certify it.
import { readFileSync } from 'node:fs'
import { parse as parseCsv } from 'csv-parse/sync'
import { stringify as stringifyCsv } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { ensureShippedPackLoaded } from '#app/modules/policies/pack-admin.server.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'

// The modules use the app's one client; each target's database stands in for it here.
const current = vi.hoisted(() => ({ prisma: null as unknown as PrismaClient }))
vi.mock('#app/utils/db.server.ts', () => ({
	get prisma() {
		return current.prisma
	},
}))

const { certifyCycle, getCycle, openCycle, streamCycleRows } =
	await import('#app/modules/reporting-cycles/cycles.server.ts')
const { decideAllMatches, getImportBatch, startImport, uploadImport } =
	await import('./import.server.ts')
const { checkInventory, cotsRows, currentReportingYear, exportedDocument, streamOmbRows } =
	await import('./omb-export.server.ts')
const { exportSelect, readReportedPage } = await import('./reported-cases.server.ts')
const { toDocument, useCaseSelect } =
	await import('#app/modules/use-cases/use-case-record.server.ts')

const request = { requestId: 'test', ipAddress: '127.0.0.1', userAgent: null }
const fixture2025 = new Uint8Array(readFileSync('e2e/fixtures/cms-ai-inventory-2025.csv'))
const fixture2026 = new Uint8Array(readFileSync('e2e/fixtures/cms-ai-inventory-2026-update.csv'))

/**
 * What the exports must read, in Prisma's terms: every status past the draft that was not withdrawn
 * or rejected, less the retired cases an earlier year's snapshot already reported as retired.
 */
function reportedCasesWhere(year: number): Prisma.UseCaseWhereInput {
	return {
		status: { notIn: ['DRAFT', 'WITHDRAWN', 'REJECTED'] },
		NOT: {
			AND: [
				{ OR: [{ stage: 'RETIRED' }, { status: 'RETIRED' }] },
				{ cycleEntries: { some: { stage: 'RETIRED', cycle: { year: { lt: year } } } } },
			],
		},
	}
}

async function collect<T>(rows: AsyncIterable<T>) {
	const all: Array<T> = []
	for await (const row of rows) all.push(row)
	return all
}

for (const target of databaseTargets()) {
	describe(`on ${target.name}`, () => {
		let database: Database
		let prisma: PrismaClient
		let lead: Parameters<typeof uploadImport>[0]
		const thisYear = currentReportingYear()
		const lastYear = thisYear - 1

		async function importFile(
			fileName: string,
			bytes: Uint8Array,
			decide?: (batchId: string) => Promise<void>,
		) {
			const batch = await uploadImport(lead, { fileName, bytes }, request)
			await decide?.(batch.id)
			const preview = await getImportBatch(batch.id)
			await startImport(lead, batch.id, request, preview.preview!.stamp)
			// The import runs after the request; wait for it as the page does, by reading the batch.
			for (let attempt = 0; attempt < 600; attempt++) {
				const { status } = await prisma.importBatch.findUniqueOrThrow({
					where: { id: batch.id },
					select: { status: true },
				})
				if (status !== 'RUNNING') break
				await new Promise((resolve) => setTimeout(resolve, 50))
			}
			return { preview, done: await getImportBatch(batch.id) }
		}

		const byName = (name: string) =>
			prisma.useCase.findFirstOrThrow({
				where: { name },
				select: {
					id: true,
					trackingId: true,
					status: true,
					stage: true,
					version: true,
					reviewRound: true,
					submittedAt: true,
					source: true,
					importKey: true,
					answers: true,
					owner: { select: { email: true } },
				},
			})

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

		test('the 2025 file: a preview with its problems and the look-alikes to confirm, then twelve cases submitted for review', async () => {
			// The demo data holds cases registered from CMS's published inventories: three rows look like them.
			const checked = await uploadImport(
				lead,
				{ fileName: 'cms-ai-inventory-2025.csv', bytes: fixture2025 },
				request,
			)
			const first = await getImportBatch(checked.id)
			expect(first.preview?.counts).toEqual({
				CREATE: 9,
				UPDATE: 0,
				UNCHANGED: 0,
				SKIP: 3,
				CONFIRM: 3,
			})
			expect(
				first.preview?.awaitingDecision.map((row) => [
					row.name,
					row.candidate?.name,
					row.candidate?.registered,
				]),
			).toEqual([
				[
					'Integrated Data Repository (IDR) Customer Analytic Environment (CAE)',
					'Integrated Data Repository (IDR) Customer Analytic Environment',
					true,
				],
				[
					'Fraud Prevention System provider risk model',
					'Fraud Prevention System predictive models',
					true,
				],
				[
					'Feedback Analysis Solution (FAS)',
					'Feedback Analysis Solution (public comment analysis)',
					true,
				],
			])
			// Confirming the suggestions leaves the tracker's own records alone.
			await decideAllMatches(lead, checked.id, 'SUGGESTED', request)
			expect((await getImportBatch(checked.id)).preview?.counts).toEqual({
				CREATE: 9,
				UPDATE: 0,
				UNCHANGED: 0,
				SKIP: 6,
				CONFIRM: 0,
			})
			await prisma.importBatch.delete({ where: { id: checked.id } })

			// This time the lead finds them to be other use cases.
			const { preview, done } = await importFile(
				'cms-ai-inventory-2025.csv',
				fixture2025,
				(batchId) => decideAllMatches(lead, batchId, 'NEW', request),
			)
			expect(preview.preview?.counts).toEqual({
				CREATE: 12,
				UPDATE: 0,
				UNCHANGED: 0,
				SKIP: 3,
				CONFIRM: 0,
			})
			const registered = await prisma.useCase.findFirstOrThrow({
				where: { name: 'Agent/Broker Fraud Analysis (ABCQI)', source: 'TRACKER' },
				select: { trackingId: true },
			})
			expect(
				preview.problems!.list.filter((p) => p.severity === 'ERROR').map((p) => p.message),
			).toEqual([
				`${registered.trackingId} with this name and bureau is registered in the tracker; the row is not imported, so the use case is not duplicated and the tracker’s answers are kept. To update the case from a file, give the row its Use Case ID (the tracker’s export has it).`,
				'Row 2 has the same Use Case ID (HHS-1041); only the first is imported.',
				'The use case has no name.',
			])
			expect(done.batch).toMatchObject({
				status: 'DONE',
				total: 15,
				processed: 15,
				created: 12,
				updated: 0,
				unchanged: 0,
				skipped: 3,
			})
			expect(await prisma.useCase.count({ where: { source: 'IMPORT' } })).toBe(12)
			// OC is one of CMS's offices now: its row is filed there.
			expect(
				await prisma.useCase.count({
					where: { source: 'IMPORT', orgUnit: { code: 'HHS/CMS/OC' } },
				}),
			).toBe(1)
			expect(
				await prisma.useCase.count({ where: { name: 'Agent/Broker Fraud Analysis (ABCQI)' } }),
			).toBe(1)

			const elmo = await byName('IDR Support Bot')
			expect(elmo).toMatchObject({
				status: 'SUBMITTED',
				stage: 'DEPLOYED',
				version: 1,
				reviewRound: 1,
				source: 'IMPORT',
				importKey: 'HHS:id:HHS-1041',
			})
			expect(elmo.trackingId).toMatch(new RegExp(`^CMS-${thisYear}-\\d{4}$`))
			expect(elmo.submittedAt).not.toBeNull()
			// OMB's file gave "Jul-25": the month, not an invented day.
			expect(elmo.answers).toMatchObject({ previousOmbId: 'HHS-1041', operationalDate: '2025-07' })
			// Nobody in the tracker has the contact e-mail, so the importer owns it.
			expect(elmo.owner.email).toBe('governance@cms.example')
			const fps = await byName('Fraud Prevention System provider risk model')
			expect(fps.owner.email).toBe('submitter@cms.example')
			const iverifi = await byName('iVeri-Fi (Test)')
			expect(iverifi.importKey).toBe('HHS:name:HHS/CMS/CCIIO:iveri fi test')

			expect(
				await prisma.useCaseVersion.findMany({
					where: { useCaseId: elmo.id },
					select: { number: true, reason: true },
				}),
			).toEqual([{ number: 1, reason: 'IMPORTED' }])
			expect(
				await prisma.useCaseStatusChange.findMany({
					where: { useCaseId: elmo.id },
					select: { fromStatus: true, toStatus: true },
				}),
			).toEqual([{ fromStatus: 'DRAFT', toStatus: 'SUBMITTED' }])
			const imported = await prisma.useCase.findMany({
				where: { source: 'IMPORT' },
				select: {
					id: true,
					checkRuns: { select: { useCaseVersion: true, requiredLanes: true } },
					laneReviews: { select: { round: true, lane: true } },
				},
			})
			for (const useCase of imported) {
				expect(useCase.checkRuns).toHaveLength(1)
				expect(useCase.laneReviews.map((lane) => lane.lane).sort()).toEqual(
					[...useCase.checkRuns[0]!.requiredLanes].sort(),
				)
				expect(useCase.laneReviews.every((lane) => lane.round === 1)).toBe(true)
			}
			expect(
				await prisma.auditEvent.count({ where: { action: 'use_case.imported', actorId: lead.id } }),
			).toBe(12)
			expect(
				await prisma.auditEvent.count({
					where: {
						action: {
							in: ['import_batch.uploaded', 'import_batch.started', 'import_batch.finished'],
						},
					},
				}),
			).toBe(4)
			expect(
				await prisma.auditEvent.count({ where: { action: 'import_batch.matches_decided' } }),
			).toBe(2)
		})

		test('the same file again creates nothing: every row is unchanged', async () => {
			const { preview, done } = await importFile('cms-ai-inventory-2025.csv', fixture2025)
			expect(preview.previousImport).not.toBeNull()
			expect(preview.preview?.counts).toEqual({
				CREATE: 0,
				UPDATE: 0,
				UNCHANGED: 12,
				SKIP: 3,
				CONFIRM: 0,
			})
			expect(done.batch).toMatchObject({
				status: 'DONE',
				created: 0,
				updated: 0,
				unchanged: 12,
				skipped: 3,
			})
			expect(await prisma.useCase.count({ where: { source: 'IMPORT' } })).toBe(12)
			expect(await prisma.useCaseVersion.count({ where: { useCase: { source: 'IMPORT' } } })).toBe(
				12,
			)
		})

		test('a file never changes the high-impact determination of a case in the tracker, whoever imports it', async () => {
			const records = parseCsv(new TextDecoder().decode(fixture2025), {
				bom: true,
				columns: true,
			}) as Array<Record<string, string>>
			const bot = records.find((record) => record.use_case_name === 'IDR Support Bot')!
			const before = await prisma.useCase.findFirstOrThrow({
				where: { name: 'IDR Support Bot' },
				select: { highImpactDetermination: true, determinedById: true, version: true },
			})
			expect(bot.is_high_impact).toMatch(/Not high-impact/)
			bot.is_high_impact = 'a) High-impact'
			const changed = new TextEncoder().encode(stringifyCsv(records, { header: true }))
			const { preview, done } = await importFile('determination-changed.csv', changed)
			expect(preview.preview?.counts).toMatchObject({ CREATE: 0, UPDATE: 0, UNCHANGED: 12 })
			expect(preview.problems?.groups).toContainEqual(
				expect.objectContaining({ kind: 'TRACKER_ANSWER_KEPT', column: 'is_high_impact' }),
			)
			expect(done.batch).toMatchObject({ status: 'DONE', updated: 0 })
			expect(
				await prisma.useCase.findFirstOrThrow({
					where: { name: 'IDR Support Bot' },
					select: { highImpactDetermination: true, determinedById: true, version: true },
				}),
			).toEqual(before)
		})

		test('a preview read before a case it updates changed imports nothing; the fresh preview can be imported', async () => {
			const records = parseCsv(new TextDecoder().decode(fixture2025), {
				bom: true,
				columns: true,
			}) as Array<Record<string, string>>
			const fileWith = (benefits: string) => {
				const bot = records.find((record) => record.use_case_name === 'IDR Support Bot')!
				bot.benefits = benefits
				return new TextEncoder().encode(stringifyCsv(records, { header: true }))
			}
			const benefitsNow = async () =>
				(
					await prisma.useCase.findFirstOrThrow({
						where: { name: 'IDR Support Bot' },
						select: { benefits: true },
					})
				).benefits
			// One analyst checks file A and leaves its preview open; another imports file B meanwhile.
			const fileA = await uploadImport(
				lead,
				{ fileName: 'a.csv', bytes: fileWith('Benefits as file A says.') },
				request,
			)
			const seenA = await getImportBatch(fileA.id)
			expect(seenA.preview!.counts.UPDATE).toBe(1)
			await importFile('b.csv', fileWith('Benefits as file B says.'))
			expect(await benefitsNow()).toBe('Benefits as file B says.')

			await expect(
				startImport(lead, fileA.id, request, seenA.preview!.stamp),
			).rejects.toMatchObject({
				code: 'CONFLICT',
				message: expect.stringMatching(/^The tracker changed since this preview/),
			})
			expect((await prisma.importBatch.findUniqueOrThrow({ where: { id: fileA.id } })).status).toBe(
				'PREVIEW',
			)
			expect(await benefitsNow()).toBe('Benefits as file B says.')

			// The preview worked out again is what Import then applies.
			const fresh = await getImportBatch(fileA.id)
			expect(fresh.preview!.stamp).not.toBe(seenA.preview!.stamp)
			await startImport(lead, fileA.id, request, fresh.preview!.stamp)
			for (let attempt = 0; attempt < 600; attempt++) {
				const { status } = await prisma.importBatch.findUniqueOrThrow({ where: { id: fileA.id } })
				if (status !== 'RUNNING') break
				await new Promise((resolve) => setTimeout(resolve, 50))
			}
			expect(await benefitsNow()).toBe('Benefits as file A says.')
			// The 2025 file as OMB has it, for the tests that follow.
			await importFile('cms-ai-inventory-2025.csv', fixture2025)
		})

		test('an export reads less of each case than the app does, and makes the same document from it', async () => {
			const elmo = await byName('IDR Support Bot')
			const full = await prisma.useCase.findUniqueOrThrow({
				where: { id: elmo.id },
				select: useCaseSelect,
			})
			const lean = await prisma.useCase.findUniqueOrThrow({
				where: { id: elmo.id },
				select: exportSelect,
			})
			expect(full.contacts.length).toBeGreaterThan(0)
			expect(exportedDocument(lean)).toEqual(toDocument(full))
		})

		test('the exports: every reported case in OMB’s file, withheld ones out of the public file, COTS cases consolidated', async () => {
			// Cases that must not be reported, and one that is consolidated.
			const oit = await prisma.orgUnit.findUniqueOrThrow({
				where: { code: 'HHS/CMS/OIT' },
				select: { id: true },
			})
			const base = {
				orgUnitId: oit.id,
				createdById: lead.id,
				ownerId: lead.id,
				stage: 'DEPLOYED' as const,
				isWithheld: 'NO' as const,
			}
			await prisma.useCase.create({
				data: {
					...base,
					trackingId: `CMS-${thisYear}-9001`,
					name: 'A draft nobody submitted',
					status: 'DRAFT',
				},
			})
			await prisma.useCase.create({
				data: {
					...base,
					trackingId: `CMS-${thisYear}-9002`,
					name: 'A withdrawn idea',
					status: 'WITHDRAWN',
				},
			})
			await prisma.useCase.create({
				data: {
					...base,
					trackingId: `CMS-${thisYear}-9003`,
					name: 'GitHub Copilot for CMS developers',
					status: 'APPROVED',
					contractingUsage: 'PURCHASED',
					vendorNames: ['GitHub Copilot'],
					highImpactDetermination: 'NOT_HIGH_IMPACT',
					answers: { cotsTask: 'L', estimatedUsers: '1001-5000' },
				},
			})

			const imported = await prisma.useCase.findMany({
				where: { source: 'IMPORT' },
				orderBy: { trackingId: 'asc' },
				select: { name: true, trackingId: true, answers: true },
			})
			const importedNames = new Set(imported.map((useCase) => useCase.name))
			const omb = await collect(
				streamOmbRows({ year: thisYear, values: 'selections', audience: 'OMB' }),
			)
			// Read in pages of 5, the same rows come out.
			expect(
				await collect(
					streamOmbRows({ year: thisYear, values: 'selections', audience: 'OMB', batchSize: 5 }),
				),
			).toEqual(omb)
			// Every imported case, in tracking-id order, under the id its file gave it.
			expect(
				omb.filter((row) => importedNames.has(row.use_case_name!)).map((row) => row.id),
			).toEqual(
				imported.map(
					(useCase) =>
						(useCase.answers as { previousOmbId?: string }).previousOmbId ?? useCase.trackingId,
				),
			)
			const names = omb.map((row) => row.use_case_name)
			for (const absent of [
				'A draft nobody submitted',
				'A withdrawn idea',
				'GitHub Copilot for CMS developers',
			])
				expect(names).not.toContain(absent)
			const bot = omb.find((row) => row.use_case_name === 'IDR Support Bot')!
			expect(bot).toMatchObject({
				agency: 'HHS',
				id: 'HHS-1041',
				agency_bureau: 'HHS/CMS/OIT',
				operational_date: '2025-07',
				vendor_name: 'GDIT',
			})
			const codes = await collect(
				streamOmbRows({ year: thisYear, values: 'codes', audience: 'OMB' }),
			)
			expect(codes.find((row) => row.id === 'HHS-1041')?.development_stage).toBe('Deployed')

			const publicRows = await collect(
				streamOmbRows({
					year: thisYear,
					values: 'selections',
					audience: 'PUBLIC',
					includeIds: false,
				}),
			)
			expect(publicRows.filter((row) => importedNames.has(row.use_case_name!))).toHaveLength(11)
			expect(publicRows.map((row) => row.use_case_name)).not.toContain(
				'Fraud Prevention System provider risk model',
			)
			expect(new Set(publicRows.map((row) => row.contact_email))).toEqual(
				new Set(['ai@cms.hhs.gov']),
			)
			expect(publicRows.every((row) => !('id' in row) && row.system_name_ato === '')).toBe(true)

			const cots = await cotsRows(thisYear)
			const codeGeneration = cots.find((row) => row['AI Use Case'] === 'Generating code using AI.')!
			expect(codeGeneration['Agency Use (Y/N)?']).toBe('Y')
			expect(codeGeneration['Name of Commercial Product or Service Used']).toContain(
				'GitHub Copilot',
			)

			const check = await checkInventory({ year: thisYear, values: 'selections' })
			expect(check.individual).toBe(omb.length)
			expect(check.consolidated).toBeGreaterThanOrEqual(1)
			expect(check.withheld).toBeGreaterThanOrEqual(1)
			const production = check.problems.filter(
				(problem) => problem.name === 'Production Operations Anomaly Analysis',
			)
			expect(production.map((problem) => [problem.column, problem.kind])).toEqual([
				['vendor_name', 'MISSING'],
			])
			expect(
				check.problems.some((problem) => problem.name === 'GitHub Copilot for CMS developers'),
			).toBe(false)
		})

		test('a reporting year freezes the snapshot once; the next year shows what changed; certification is final', async () => {
			const reportedLastYear = await collect(
				streamOmbRows({ year: lastYear, values: 'selections', audience: 'OMB' }),
			)
			const first = await openCycle(lead.id, lastYear, request)
			expect(first.entries).toBe(reportedLastYear.length)
			await expect(openCycle(lead.id, lastYear, request)).rejects.toThrow(
				new RegExp(
					`^The ${lastYear} reporting year was opened on \\d{4}-\\d{2}-\\d{2} by Marcus Oyelaran\\. A year is opened once`,
				),
			)

			// The analytic environment was approved since; the file's new stage re-opens its review.
			const environment = await byName(
				'Integrated Data Repository (IDR) Customer Analytic Environment (CAE)',
			)
			await prisma.useCase.update({
				where: { id: environment.id },
				data: { status: 'APPROVED', decidedAt: new Date() },
			})
			const { preview, done } = await importFile('cms-ai-inventory-2026-update.csv', fixture2026)
			expect(preview.preview?.counts).toEqual({
				CREATE: 1,
				UPDATE: 2,
				UNCHANGED: 1,
				SKIP: 0,
				CONFIRM: 0,
			})
			// 2025's "PIA to be posted" was kept as written; 2026's link replaces it.
			expect(
				preview.preview?.rows.find((row) => row.name.startsWith('Integrated Data Repository'))
					?.changed,
			).toEqual(['asWritten', 'operationalDate', 'piaUrl', 'stage'])
			expect(done.batch).toMatchObject({ status: 'DONE', created: 1, updated: 2, unchanged: 1 })
			const idr = await byName(
				'Integrated Data Repository (IDR) Customer Analytic Environment (CAE)',
			)
			expect(idr).toMatchObject({
				stage: 'DEPLOYED',
				version: 2,
				status: 'IN_REVIEW',
				reviewRound: 2,
			})
			expect(
				await prisma.useCaseVersion.findMany({
					where: { useCaseId: idr.id },
					orderBy: { number: 'asc' },
					select: { reason: true },
				}),
			).toEqual([{ reason: 'IMPORTED' }, { reason: 'MATERIAL_CHANGE' }])
			expect(
				await prisma.auditEvent.count({
					where: {
						action: { in: ['use_case.import_updated', 'use_case.reopened'] },
						entityId: idr.id,
					},
				}),
			).toBe(2)
			expect(
				await prisma.useCaseStatusChange.findFirst({
					where: { useCaseId: idr.id, fromStatus: 'APPROVED' },
					select: { toStatus: true },
				}),
			).toEqual({ toStatus: 'IN_REVIEW' })
			const content = await byName('Content Analysis POC')
			expect(content).toMatchObject({ stage: 'RETIRED', status: 'SUBMITTED', version: 2 })

			await openCycle(lead.id, thisYear, request)
			const { difference, droppedReasons } = await getCycle(thisYear)
			expect(difference?.added.map((entry) => entry.name)).toEqual(['Plan Justification Tool'])
			expect(
				difference?.retired.map(({ entry, previousStage }) => [entry.name, previousStage]),
			).toEqual([['Content Analysis POC', 'PILOT']])
			expect(
				difference?.stageChanged.map(({ entry, previousStage }) => [
					entry.name,
					previousStage,
					entry.stage,
				]),
			).toEqual([
				[
					'Integrated Data Repository (IDR) Customer Analytic Environment (CAE)',
					'PILOT',
					'DEPLOYED',
				],
			])
			expect(
				difference?.dropped.map((entry) => [entry.name, droppedReasons[entry.useCaseId]]),
			).toContainEqual([
				'Text Network Analysis POC',
				`Retired; reported as retired in ${lastYear}, which is its one time`,
			])

			// A case keeps its id from year to year.
			const lastYearRows = await collect(streamCycleRows(lastYear, 'codes'))
			const thisYearRows = await collect(streamCycleRows(thisYear, 'selections'))
			expect(lastYearRows.find((row) => row.use_case_name === 'CMS Chat')?.id).toBe('HHS-1052')
			expect(thisYearRows.find((row) => row.use_case_name === 'CMS Chat')?.id).toBe('HHS-1052')
			expect(
				lastYearRows.find((row) => row.use_case_name === 'Content Analysis POC')?.development_stage,
			).toBe('Pilot')
			const added = await byName('Plan Justification Tool')
			expect(thisYearRows.find((row) => row.use_case_name === 'Plan Justification Tool')?.id).toBe(
				added.trackingId,
			)

			const note = 'Reviewed with every component; the gaps listed are being completed.'
			expect(
				await certifyCycle(lead.id, thisYear, { note, acknowledgeIncomplete: false }, request),
			).toMatchObject({ status: 'invalid' })
			expect(
				await certifyCycle(lead.id, thisYear, { note, acknowledgeIncomplete: true }, request),
			).toEqual({ status: 'certified' })
			await expect(
				certifyCycle(lead.id, thisYear, { note, acknowledgeIncomplete: true }, request),
			).rejects.toThrow(/certification is final/)
			const { cycle } = await getCycle(thisYear)
			expect(cycle).toMatchObject({
				certificationNote: note,
				certifiedBy: { name: 'Marcus Oyelaran' },
			})
			expect(
				await prisma.auditEvent.count({
					where: { action: 'inventory_cycle.certified', entityId: cycle.id },
				}),
			).toBe(1)
			expect(await prisma.auditEvent.count({ where: { action: 'inventory_cycle.opened' } })).toBe(2)
		})

		test('the exports read each page in one statement, the same cases and fields as Prisma’s nested read', async () => {
			// The demo data has no pilot certification or practice record: give one reported case
			// a revoked and a current certification, two practice records and a second waiver.
			const reported = await byName('Plan Justification Tool')
			const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
			await prisma.pilotCertification.createMany({
				data: [
					{
						useCaseId: reported.id,
						certifiedById: lead.id,
						certifiedOn: day('2026-01-05'),
						endsOn: day('2026-07-05'),
						scaleLimit: 'Two regional offices',
						revokedOn: day('2026-02-01'),
					},
					{
						useCaseId: reported.id,
						certifiedById: lead.id,
						certifiedOn: day('2026-03-01'),
						endsOn: day('2026-09-01'),
						scaleLimit: 'One regional office',
					},
				],
			})
			await prisma.practiceRecord.createMany({
				data: [
					{
						useCaseId: reported.id,
						practice: 'IMPACT_ASSESSMENT',
						evidenceUrl: 'https://cms.example/impact-assessment',
						documentedOn: day('2026-02-10'),
						updatedById: lead.id,
					},
					{ useCaseId: reported.id, practice: 'MONITORING', updatedById: lead.id },
				],
			})
			await prisma.waiver.create({
				data: {
					useCaseId: reported.id,
					practice: 'PUBLIC_CONSULTATION',
					riskAssessment: 'Consultation would delay a statutory start date.',
					grantedById: lead.id,
					grantedOn: day('2026-02-01'),
					expiresOn: day('2027-02-01'),
					reportedToOmbOn: day('2026-02-15'),
				},
			})

			const expected = await prisma.useCase.findMany({
				where: reportedCasesWhere(thisYear),
				orderBy: { trackingId: 'asc' },
				select: exportSelect,
			})
			const read: typeof expected = []
			for (let after: string | undefined; ;) {
				const page = await readReportedPage(prisma, { year: thisYear, after, take: 4 })
				read.push(...page)
				if (page.length < 4) break
				after = page.at(-1)?.trackingId
			}
			expect(read).toStrictEqual(expected)

			// Nothing above is compared empty: every relation and kind of date is in the data.
			const plan = read.find((useCase) => useCase.id === reported.id)
			expect(plan?.pilotCertifications).toEqual([
				{
					certifiedOn: day('2026-03-01'),
					endsOn: day('2026-09-01'),
					scaleLimit: 'One regional office',
				},
			])
			expect(plan?.practiceRecords.map((record) => record.documentedOn)).toEqual([
				day('2026-02-10'),
				null,
			])
			expect(read.some((useCase) => useCase.waivers.length > 0)).toBe(true)
			expect(read.some((useCase) => useCase.laneReviews.length > 1)).toBe(true)
			expect(read.some((useCase) => useCase.datasets.length > 1)).toBe(true)
			expect(read.some((useCase) => useCase.nextReviewDue !== null)).toBe(true)
			// The retired case last year's snapshot reported as retired is not read again.
			expect(read.map((useCase) => useCase.name)).not.toContain('Text Network Analysis POC')
			expect(await byName('Text Network Analysis POC')).toBeDefined()
		})

		// Last: the cases it creates would change the counts of the tests above.
		test('a file reaches no draft: it neither updates one by its id, nor names one as a look-alike or a namesake', async () => {
			const draft = await prisma.useCase.create({
				data: {
					trackingId: 'CMS-2026-9901',
					name: 'Confidential beneficiary fraud scoring model for Part D pharmacies',
					problemSolved: 'Written by its submitter, for nobody else to read yet.',
					status: 'DRAFT',
					orgUnit: { connect: { code: 'HHS/CMS/CPI' } },
					createdBy: { connect: { email: 'submitter@cms.example' } },
					owner: { connect: { email: 'submitter@cms.example' } },
				},
				select: { id: true, version: true, name: true, problemSolved: true },
			})
			const row = (fields: Record<string, string>) => ({
				agency: 'HHS',
				agency_bureau: 'HHS/CMS/CPI',
				problem_solved: 'Scores pharmacies for fraud risk.',
				...fields,
			})
			const file = stringifyCsv(
				[
					row({ id: 'CMS-2026-9901', use_case_name: 'Part D pharmacy claims triage' }),
					row({ id: 'CMS-2026-9999', use_case_name: 'Durable equipment claims triage' }),
					row({ use_case_name: 'Beneficiary fraud scoring model for Part D pharmacy' }),
					row({ use_case_name: draft.name }),
				],
				{ header: true },
			)
			const { preview, done } = await importFile(
				'reaches-drafts.csv',
				new TextEncoder().encode(file),
			)
			// The draft's id reads as an id nobody has, word for word as an unused one does.
			const unknownId = (id: string) =>
				preview.problems!.list.find(
					(problem) => problem.kind === 'UNKNOWN_TRACKING_ID' && problem.message.startsWith(id),
				)?.message
			expect(unknownId('CMS-2026-9901')).toBe(
				unknownId('CMS-2026-9999')!.replaceAll('CMS-2026-9999', 'CMS-2026-9901'),
			)
			expect(preview.preview!.rows.map((planned) => planned.outcome)).toEqual([
				'CREATE',
				'CREATE',
				'CREATE',
				'CREATE',
			])
			expect(JSON.stringify(preview)).not.toContain(draft.id)
			expect(JSON.stringify(preview)).not.toContain('Written by its submitter')
			expect(done.batch).toMatchObject({ status: 'DONE', created: 4, updated: 0 })
			expect(
				await prisma.useCase.findUniqueOrThrow({
					where: { id: draft.id },
					select: { id: true, version: true, name: true, problemSolved: true },
				}),
			).toEqual(draft)
		})
	})
}
