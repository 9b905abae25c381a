import { expect, test } from 'vitest'
import { openDatabase } from '#app/utils/db/database.server.ts'
import { checkHealth } from './health.server.ts'

test('a reachable database is healthy', async () => {
	const database = openDatabase({ dataDir: null })
	try {
		expect(await checkHealth(database)).toEqual({ health: { status: 'ok', database: 'ok' }, httpStatus: 200 })
	} finally {
		await database.close()
	}
})

test('an unreachable PostgreSQL server answers 503', async () => {
	const database = openDatabase({ databaseUrl: 'postgresql://nobody@127.0.0.1:1/none' })
	try {
		expect(await checkHealth(database)).toEqual({ health: { status: 'error', database: 'unreachable' }, httpStatus: 503 })
	} finally {
		await database.close()
	}
})

test('a closed embedded database answers 503', async () => {
	const database = openDatabase({ dataDir: null })
	await database.close()
	expect((await checkHealth(database)).httpStatus).toBe(503)
})
