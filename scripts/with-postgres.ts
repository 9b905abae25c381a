// Runs a command with a throwaway PostgreSQL cluster: `tsx scripts/with-postgres.ts <command…>`.
// The command sees POSTGRES_TEST_URL (a fresh database); the cluster is stopped afterwards.
// Without PostgreSQL server binaries it says so and exits 0 without running the command.
import { spawnSync } from 'node:child_process'
import { createScratchDatabase, startPostgresCluster } from '#tests/postgres-cluster.ts'

const [command, ...args] = process.argv.slice(2)
if (!command) {
	console.error('Usage: tsx scripts/with-postgres.ts <command> [args…]')
	process.exit(2)
}

const cluster = await startPostgresCluster()
if (!cluster) {
	console.log('PostgreSQL server binaries not found: skipped the PostgreSQL run.')
	process.exit(0)
}
let status = 1
try {
	const url = await createScratchDatabase(cluster.url, 'ai_governance')
	const result = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, POSTGRES_TEST_URL: url },
	})
	status = result.status ?? 1
} finally {
	cluster.stop()
}
process.exit(status)
