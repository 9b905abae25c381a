// A bounded run of the HTTP fuzz suite (tests/http-fuzz.ts) in every `npm test`; `npm run fuzz --
// --runs 10000` runs it long. No generated request may get a 5xx, and the server must stay up.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { fuzzServer, prepareFuzzFixtures } from '#tests/http-fuzz.ts'
import { type Fixtures } from '#tests/route-matrix.ts'
import { startTestServer, type TestServer } from '#tests/test-server.ts'

let server: TestServer<Fixtures>

beforeAll(async () => {
	server = await startTestServer({ kind: 'embedded' }, prepareFuzzFixtures)
}, 240_000)

afterAll(async () => {
	await server?.stop()
})

test('malformed query strings and bodies to every loader and action: no 5xx, and the server stays up', async () => {
	const result = await fuzzServer(server, { runs: Number(process.env.FUZZ_RUNS ?? 400) })
	expect(
		result.failures,
		`${result.failures.length} requests answered 5xx; the server said:\n${server.output().slice(-4000)}`,
	).toEqual([])
	expect(result.requests).toBeGreaterThanOrEqual(400)
	expect(result.alive).toBe(true)
}, 600_000)
