import { type TestProject } from 'vitest/node'
import { startPostgresCluster } from '#tests/postgres-cluster.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string | null
	}
}

/** One throwaway PostgreSQL cluster for the whole unit-test run, when the server binaries exist. */
export default async function setup(project: TestProject) {
	const cluster = await startPostgresCluster()
	if (!cluster) {
		console.log('PostgreSQL server binaries not found: database tests run against PGlite only.')
	}
	project.provide('postgresUrl', cluster?.url ?? null)
	return () => cluster?.stop()
}
