// A long download through the compressor, on the real server: the OMB file of a few thousand cases
// arrives whole, and waiting for the compressor (it is full after every chunk of rows) leaves no
// listener behind (expressjs/compression#135: a `res.once('drain')` was never removed, and Node
// warned of a leak from the eleventh wait on).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { HttpClient } from '#tests/http-client.ts'
import { parseStrictCsv } from '#tests/strict-csv.ts'
import { startTestServer, type TestServer } from '#tests/test-server.ts'

const CASES = 3_000

async function prepare(prisma: PrismaClient) {
	const owner = await prisma.user.findUniqueOrThrow({
		where: { email: 'submitter@cms.example' },
		select: { id: true, orgUnitId: true },
	})
	const year = new Date().getUTCFullYear()
	await prisma.useCase.createMany({
		data: Array.from({ length: CASES }, (_, index) => ({
			trackingId: `CMS-${year}-${String(50_000 + index)}`,
			name: `Generated claims review ${index + 1}`,
			status: 'SUBMITTED' as const,
			orgUnitId: owner.orgUnitId!,
			createdById: owner.id,
			ownerId: owner.id,
			contactEmail: 'ai-governance@cms.hhs.gov',
			isWithheld: 'NO' as const,
			stage: 'PRE_DEPLOYMENT' as const,
			problemSolved: 'Manual review of incoming claims takes staff several days per batch.',
			benefits: 'Cuts review time from days to hours.',
			systemOutputs: 'A ranked work queue with the features that drove each score.',
			submittedAt: new Date(),
		})),
	})
	return { cases: await prisma.useCase.count({ where: { status: { notIn: ['DRAFT'] } } }) }
}

describe('a long download through the compressor', () => {
	let server: TestServer<Awaited<ReturnType<typeof prepare>>>

	beforeAll(async () => {
		server = await startTestServer({ kind: 'embedded' }, prepare)
	}, 240_000)

	afterAll(async () => {
		await server?.stop()
	})

	test('the OMB file of thousands of cases arrives whole, gzip-compressed, and leaves no listener behind', async () => {
		const client = new HttpClient(server.url)
		await client.signIn('governance@cms.example')
		const response = await client.get('/inventory/export/omb.csv', { 'Accept-Encoding': 'gzip' })
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Encoding')).toBe('gzip')
		// fetch decompresses as it reads.
		const records = parseStrictCsv(await response.text())
		const names = records.slice(1).map((record) => record[records[0]!.indexOf('use_case_name')])
		expect(names.filter((name) => name?.startsWith('Generated claims review'))).toHaveLength(CASES)
		expect(server.output()).not.toMatch(/MaxListenersExceededWarning/)
		expect(server.alive()).toBe(true)
	})
})
