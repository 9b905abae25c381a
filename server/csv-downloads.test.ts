// Every CSV download of the app, read back with a strict RFC 4180 parser: a case whose answers span
// lines, carry quotes, commas and edge spaces, or start like spreadsheet formulas still comes out as
// one record with the exact answers (after undoing the formula guard), and the OMB and public CSVs
// say exactly what their JSON twins say.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { ombMultiSelectColumns, splitMultiple } from '#app/modules/omb-exchange/omb-export.ts'
import { restoreCell } from '#app/utils/csv-cells.ts'
import { HttpClient } from '#tests/http-client.ts'
import { parseStrictCsv } from '#tests/strict-csv.ts'
import { startTestServer, type TestServer } from '#tests/test-server.ts'

const awkward = {
	name: '=HYPERLINK("http://evil.example","Claims triage")',
	problemSolved: 'Reviewers cannot read every claim:\nfirst line\r\nsecond line, with "quotes"',
	benefits: '-Faster reviews\n+fewer errors',
	systemOutputs: '@SUM(A1:A9) ranked list ',
	vendorNames: 'Acme, Inc.',
}

async function prepare(prisma: PrismaClient) {
	const { createDraft, saveUseCase } = await import('#app/modules/use-cases/use-cases.server.ts')
	const { UseCaseFormSchema } = await import('#app/modules/use-cases/schemas.ts')
	const { openCycle } = await import('#app/modules/reporting-cycles/cycles.server.ts')
	const user = (email: string) =>
		prisma.user.findUniqueOrThrow({
			where: { email },
			select: {
				id: true,
				name: true,
				email: true,
				orgUnit: { select: { code: true, shortName: true } },
				roles: { select: { role: true, lanes: true } },
			},
		})
	const submitter = await user('submitter@cms.example')
	const lead = await user('governance@cms.example')
	const orgUnitId = (await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })).id
	const dataset = await prisma.dataset.findFirstOrThrow({
		where: { slug: 'medicare-ffs-part-b-claims' },
	})
	const request = { requestId: 'csv-test', ipAddress: '127.0.0.1', userAgent: null }
	const draft = await createDraft(submitter, { name: 'Claims triage', orgUnitId }, request)
	const values = UseCaseFormSchema.parse({
		...awkward,
		intent: 'submit',
		version: 1,
		orgUnit: 'HHS/CMS/CPI',
		contactEmail: 'cpi-analytics@cms.hhs.gov',
		isWithheld: 'NO',
		stage: 'PRE_DEPLOYMENT',
		topicArea: 'HEALTH_MEDICAL',
		classification: 'CLASSICAL_ML',
		decisionRole: 'ASSISTIVE',
		affectedParties: ['PROVIDERS'],
		informedDecisions: ['NONE'],
		publicFacing: 'NO',
		generativeAi: 'NO',
		hosting: 'CMS_DATA_CENTER',
		contractingUsage: 'CONTRACT_AND_IN_HOUSE',
		aiScreen: { ruleBasedOnly: 'NO' },
		datasets: [
			{
				datasetId: dataset.id,
				usages: ['TRAINING'],
				minimumNecessaryJustification: 'Claim lines only.',
			},
		],
	})
	// The schema trims edges, as the form does; what is stored is what the files must carry.
	expect(await saveUseCase(submitter, draft.id, values, request)).toMatchObject({
		status: 'submitted',
	})
	const stored = await prisma.useCase.findUniqueOrThrow({ where: { id: draft.id } })
	const year = new Date().getUTCFullYear()
	await openCycle(lead.id, year, request)
	return {
		useCaseId: draft.id,
		trackingId: stored.trackingId,
		name: stored.name,
		problemSolved: stored.problemSolved!,
		year,
	}
}

describe('CSV downloads', () => {
	let server: TestServer<Awaited<ReturnType<typeof prepare>>>
	const lead = () => {
		const client = new HttpClient(server.url)
		return client.signIn('governance@cms.example').then(() => client)
	}

	beforeAll(async () => {
		server = await startTestServer({ kind: 'embedded' }, prepare)
	}, 240_000)

	afterAll(async () => {
		await server?.stop()
	})

	async function csv(client: HttpClient, path: string) {
		const response = await client.get(path)
		expect(response.status, path).toBe(200)
		expect(response.headers.get('Content-Type'), path).toMatch(/^text\/csv/)
		const records = parseStrictCsv(await response.text())
		const [header, ...rows] = records
		return rows.map((row) =>
			Object.fromEntries(header!.map((column, index) => [column, restoreCell(row[index]!)])),
		)
	}

	const downloads = (year: number, useCaseId: string) => [
		'/inventory/export/omb.csv',
		'/inventory/export/omb.csv?values=codes',
		'/inventory/export/public.csv',
		'/inventory/export/public.csv?values=codes&ids=omit',
		'/inventory/export/cots.csv',
		'/inventory/export/problems.csv',
		'/inventory/export/problems.csv?values=codes',
		'/inventory/view.csv',
		'/inventory/view.csv?q=triage',
		`/inventory/cycles/${year}/omb.csv`,
		`/inventory/cycles/${year}/omb.csv?values=codes`,
		'/audit/events.csv',
		`/audit/events.csv?entityId=${useCaseId}`,
	]

	test('every CSV download parses as strict RFC 4180, and the awkward case is one record with its exact answers', async () => {
		const client = await lead()
		const { year, useCaseId, name, problemSolved } = server.fixtures
		for (const path of downloads(year, useCaseId)) {
			const rows = await csv(client, path)
			if (path.includes('cots') || path.includes('problems')) continue
			// The audit trail names the case by its id; the inventory files by its name.
			if (path.startsWith('/audit'))
				expect(rows.filter((r) => r.entity_id === useCaseId).length, path).toBeGreaterThan(1)
			else
				expect(
					rows.map((r) => r.use_case_name ?? r.name),
					path,
				).toContain(name)
		}
		const omb = await csv(client, '/inventory/export/omb.csv')
		const row = omb.find((candidate) => candidate.use_case_name === name)!
		expect(row).toMatchObject({
			use_case_name: name,
			problem_solved: problemSolved,
			benefits: awkward.benefits,
			system_outputs: awkward.systemOutputs.trim(),
		})
		const view = await csv(client, '/inventory/view.csv?q=triage')
		expect(view.map((r) => r.name)).toContain(name)
	})

	test('no cell of any download can start a spreadsheet formula', async () => {
		const client = await lead()
		const { year, useCaseId } = server.fixtures
		for (const path of downloads(year, useCaseId)) {
			const response = await client.get(path)
			for (const record of parseStrictCsv(await response.text())) {
				for (const cell of record)
					expect(cell, `${path}: ${cell.slice(0, 60)}`).not.toMatch(
						/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/,
					)
			}
		}
	})

	for (const [file, values] of [
		['omb', 'selections'],
		['omb', 'codes'],
		['public', 'selections'],
		['public', 'codes'],
	] as const) {
		test(`the ${file} CSV (${values}) says exactly what the ${file} JSON says`, async () => {
			const client = await lead()
			const rows = await csv(client, `/inventory/export/${file}.csv?values=${values}`)
			const json = (await (
				await client.get(`/inventory/export/${file}.json?values=${values}`)
			).json()) as { useCases: Array<Record<string, string | Array<string>>> }
			expect(rows).toHaveLength(json.useCases.length)
			expect(rows.length).toBeGreaterThan(5)
			rows.forEach((row, index) => {
				const record = json.useCases[index]!
				const fromCsv = Object.fromEntries(
					Object.entries(row).map(([column, cell]) => [
						column,
						(ombMultiSelectColumns as ReadonlyArray<string>).includes(column)
							? splitMultiple(cell, values)
							: cell,
					]),
				)
				expect(fromCsv).toEqual(
					Object.fromEntries(Object.keys(row).map((column) => [column, record[column] ?? ''])),
				)
			})
		})
	}
})
