// `npm run fuzz -- --runs 10000 [--seed 42] [--postgres]`: the HTTP fuzz suite, long, against the
// production server on a fresh seeded database (embedded, or a throwaway PostgreSQL with --postgres).
// Lists every request that got a 5xx; the last line is machine-read: requests=<n> 5xx=<n>.
import { parseArgs } from 'node:util'
import { fuzzServer, prepareFuzzFixtures } from '#tests/http-fuzz.ts'
import { createScratchDatabase, startPostgresCluster } from '#tests/postgres-cluster.ts'
import { startTestServer } from '#tests/test-server.ts'

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '1000' },
		seed: { type: 'string' },
		postgres: { type: 'boolean', default: false },
	},
})
const runs = Number(values.runs)
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)

const cluster = values.postgres ? await startPostgresCluster() : null
if (values.postgres && !cluster)
	throw new Error('--postgres needs the PostgreSQL server binaries (apt-get install postgresql)')
const choice = cluster
	? ({ kind: 'postgres', databaseUrl: await createScratchDatabase(cluster.url, 'fuzz') } as const)
	: ({ kind: 'embedded' } as const)
console.log(
	`Starting the server on ${choice.kind === 'postgres' ? 'PostgreSQL' : 'the embedded database'}; seed ${seed}, ${runs} requests.`,
)
const server = await startTestServer(choice, prepareFuzzFixtures)
try {
	const started = performance.now()
	const result = await fuzzServer(server, { runs, seed })
	for (const failure of result.failures.slice(0, 50))
		console.log(`${failure.status} ← ${failure.request}`)
	console.log(
		`Answers by status: ${[...result.statuses].map(([status, count]) => `${status}×${count}`).join(' ')}`,
	)
	console.log(
		`${((performance.now() - started) / 1000).toFixed(1)} s; server ${result.alive ? 'alive' : 'DOWN'} afterwards`,
	)
	console.log(`requests=${result.requests} 5xx=${result.failures.length}`)
	process.exitCode = result.failures.length === 0 && result.alive ? 0 : 1
} finally {
	await server.stop()
	cluster?.stop()
}
