// Times the OMB export: `npx tsx scripts/bench-export.ts` (embedded database in a temporary directory), or
// `npx tsx scripts/with-postgres.ts bash -c 'DATABASE_URL="$POSTGRES_TEST_URL" npx tsx scripts/bench-export.ts'`.
// Seeds 20,000 submitted use cases with datasets, then streams the OMB CSV and the public CSV
// through the same module and response the /inventory/export routes use, counting bytes without
// keeping them.
// BENCH_CPU_PROFILE=<file.cpuprofile> writes a V8 CPU profile of one more OMB export (open it in
// Chrome's DevTools or speedscope).
// The last line is machine-read: export_omb_csv_ms=<number>.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const CASES = Number(process.env.BENCH_CASES ?? 20_000)
const INSERT_BATCH = 1000

const dataDir = process.env.DATABASE_URL
	? null
	: mkdtempSync(path.join(os.tmpdir(), 'bench-export-'))
if (dataDir) process.env.DATA_DIR = dataDir
process.env.SEED_DEMO_DATA = 'false'

// Imported after DATA_DIR is set: the app's database client is created from the environment.
const { database, prisma } = await import('#app/utils/db.server.ts')
const { ensureShippedPackLoaded } = await import('#app/modules/policies/pack-admin.server.ts')
const { seedOrgUnits, seedDatasets } = await import('#prisma/seed/seed.server.ts')
const { columnsFor, currentReportingYear, EXPORT_BATCH_SIZE, streamOmbRows } =
	await import('#app/modules/omb-exchange/omb-export.server.ts')
const { csvResponse } = await import('#app/utils/csv.server.ts')

const stages = ['PRE_DEPLOYMENT', 'PILOT', 'DEPLOYED', 'RETIRED'] as const
const topics = [
	'HEALTH_MEDICAL',
	'GOVERNMENT_BENEFITS_PROCESSING',
	'INFORMATION_TECHNOLOGY',
	'ADMINISTRATIVE_FUNCTIONS',
] as const
const classifications = ['CLASSICAL_ML', 'GENERATIVE_AI', 'NLP', 'AGENTIC_AI'] as const

async function seed() {
	await database.migrate()
	await ensureShippedPackLoaded(prisma)
	const orgUnitIds = await seedOrgUnits(prisma)
	await seedDatasets(prisma, orgUnitIds)
	const owner = await prisma.user.create({
		data: { email: 'bench.owner@cms.example', name: 'Bench Owner' },
		select: { id: true },
	})
	const units = [...orgUnitIds.values()]
	const datasets = await prisma.dataset.findMany({ select: { id: true } })
	const year = currentReportingYear()
	for (let start = 0; start < CASES; start += INSERT_BATCH) {
		const rows = Array.from({ length: Math.min(INSERT_BATCH, CASES - start) }, (_, offset) => {
			const index = start + offset
			const stage = stages[index % stages.length]!
			return {
				id: `bench-${String(index).padStart(6, '0')}`,
				trackingId: `CMS-${year}-${String(index + 1).padStart(5, '0')}`,
				name: `Generated use case ${index + 1}`,
				status: index % 10 === 0 ? ('APPROVED' as const) : ('SUBMITTED' as const),
				orgUnitId: units[index % units.length]!,
				createdById: owner.id,
				ownerId: owner.id,
				contactEmail: 'ai-governance@cms.hhs.gov',
				isWithheld: index % 25 === 0 ? ('YES_DISCLOSURE_RISK' as const) : ('NO' as const),
				stage,
				topicArea: topics[index % topics.length]!,
				classification: classifications[index % classifications.length]!,
				problemSolved:
					'Manual review of incoming records takes staff several days per batch, and backlogs delay beneficiaries.',
				benefits: 'Cuts review time from days to hours and frees staff for complex cases.',
				systemOutputs: 'A ranked work queue with the features that drove each score.',
				contractingUsage: 'CONTRACT_AND_IN_HOUSE' as const,
				vendorNames: ['Example Vendor, Inc.'],
				highImpactDetermination:
					index % 7 === 0 ? ('PRESUMED_NOT_HIGH_IMPACT' as const) : ('NOT_HIGH_IMPACT' as const),
				answers: {
					operationalDate: stage === 'PRE_DEPLOYMENT' ? undefined : '2025-07-01',
					hasAto: true,
					atoSystemName: 'Integrated Data Repository (IDR) Cloud',
					dataDescription:
						'Two years of Medicare claims and enrollment records from the linked datasets.',
					hasPii: true,
					demographicFeatures: ['AGE', 'SEX'],
					hasCustomCode: true,
					highImpact:
						index % 7 === 0
							? {
									justification:
										'Staff review every flag against the full record before any action is taken.',
								}
							: {},
					practices: { publicConsultation: [] },
					previousOmbId: index % 3 === 0 ? `HHS-${10_000 + index}` : undefined,
				},
				submittedAt: new Date(),
				reviewRound: 1,
			}
		})
		await prisma.useCase.createMany({ data: rows })
		await prisma.useCaseContact.createMany({
			data: rows.map((row) => ({ useCaseId: row.id, userId: owner.id, role: 'OWNER' as const })),
		})
		await prisma.useCaseDataset.createMany({
			data: rows.flatMap((row, offset) =>
				[0, 1].slice(0, 1 + (offset % 2)).map((n) => ({
					useCaseId: row.id,
					datasetId: datasets[(start + offset + n) % datasets.length]!.id,
					usages: ['OPERATION' as const],
					minimumNecessaryJustification: 'Only the fields the model reads.',
				})),
			),
		})
	}
}

/** Streams the CSV through the same response the /inventory/export routes return, counting bytes. */
async function timeExport(audience: 'OMB' | 'PUBLIC', batchSize?: number) {
	let bytes = 0
	let rows = 0
	const started = performance.now()
	const cpuBefore = process.cpuUsage()
	const heapBefore = process.memoryUsage().heapUsed
	let heapPeak = heapBefore
	const source = (async function* () {
		for await (const row of streamOmbRows({
			year: currentReportingYear(),
			values: 'selections',
			audience,
			batchSize,
		})) {
			rows++
			if (rows % 1000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
			yield row
		}
	})()
	const response = await csvResponse(source, columnsFor({ audience }), 'bench.csv', { bom: true })
	const reader = response.body!.getReader()
	for (;;) {
		const { done, value } = await reader.read()
		if (done) break
		bytes += value.byteLength
	}
	const cpu = process.cpuUsage(cpuBefore)
	return {
		ms: performance.now() - started,
		cpuMs: (cpu.user + cpu.system) / 1000,
		rows,
		bytes,
		heapGrowthMb: (heapPeak - heapBefore) / 1024 / 1024,
	}
}

try {
	const started = performance.now()
	await seed()
	console.log(
		`Seeded ${CASES} use cases on ${database.kind === 'embedded' ? 'the embedded database (PGlite)' : 'PostgreSQL'} in ${(performance.now() - started).toFixed(0)} ms.`,
	)
	const warm = await timeExport('OMB')
	console.log(
		`First OMB CSV (cold caches): ${warm.rows} rows, ${(warm.bytes / 1024 / 1024).toFixed(1)} MB in ${warm.ms.toFixed(0)} ms.`,
	)
	for (const batchSize of [250, 500, 2000]) {
		const run = await timeExport('OMB', batchSize)
		console.log(
			`OMB CSV in pages of ${batchSize}: ${run.ms.toFixed(0)} ms (${run.cpuMs.toFixed(0)} ms of this process's CPU).`,
		)
	}
	const runs = [await timeExport('OMB'), await timeExport('OMB'), await timeExport('OMB')].sort(
		(a, b) => a.ms - b.ms,
	)
	const omb = runs[1]!
	console.log(
		`OMB CSV (pages of ${EXPORT_BATCH_SIZE}, median of 3): ${omb.rows} rows, ${(omb.bytes / 1024 / 1024).toFixed(1)} MB in ${omb.ms.toFixed(0)} ms (${omb.cpuMs.toFixed(0)} ms of this process's CPU); heap grew at most ${omb.heapGrowthMb.toFixed(0)} MB.`,
	)
	const open = await timeExport('PUBLIC')
	console.log(
		`Public CSV: ${open.rows} rows, ${(open.bytes / 1024 / 1024).toFixed(1)} MB in ${open.ms.toFixed(0)} ms.`,
	)
	console.log(
		`load average while measuring: ${os
			.loadavg()
			.map((load) => load.toFixed(1))
			.join(', ')} (${os.cpus().length} cores)`,
	)
	const profileFile = process.env.BENCH_CPU_PROFILE
	if (profileFile) {
		const session = new Session()
		session.connect()
		await session.post('Profiler.enable')
		await session.post('Profiler.start')
		const profiled = await timeExport('OMB')
		const { profile } = await session.post('Profiler.stop')
		writeFileSync(profileFile, JSON.stringify(profile))
		session.disconnect()
		console.log(
			`CPU profile of one OMB export (${profiled.ms.toFixed(0)} ms) written to ${profileFile}.`,
		)
	}
	console.log(`export_omb_csv_ms=${omb.ms.toFixed(0)}`)
} finally {
	await database.close()
	if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}
