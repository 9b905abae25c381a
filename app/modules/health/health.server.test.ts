import { expect, test } from 'vitest'
import { openDatabase } from '#app/utils/db/database.server.ts'
import { checkHealth } from './health.server.ts'

test('a reachable database is healthy', async () => {
	const database = openDatabase({ dataDir: null })
	try {
		expect(await checkHealth(database)).toEqual({
			health: { status: 'ok', database: 'ok' },
			httpStatus: 200,
		})
	} finally {
		await database.close()
	}
})

test('an unreachable PostgreSQL server answers 503', async () => {
	const database = openDatabase({ databaseUrl: 'postgresql://nobody@127.0.0.1:1/none' })
	try {
		expect(await checkHealth(database)).toEqual({
			health: { status: 'error', database: 'unreachable' },
			httpStatus: 503,
		})
	} finally {
		await database.close()
	}
})

test('a closed embedded database answers 503', async () => {
	const database = openDatabase({ dataDir: null })
	await database.close()
	expect((await checkHealth(database)).httpStatus).toBe(503)
})

test('verbose health reports how long the event loop was held, and nothing about the data', async () => {
	const database = openDatabase({ dataDir: null })
	try {
		// Hold the loop for 150 ms, then let the 10 ms sampler record it.
		const until = performance.now() + 150
		while (performance.now() < until);
		await new Promise((resolve) => setTimeout(resolve, 30))
		const { health } = await checkHealth(database, { verbose: true, keptFiguresRead: () => true })
		expect(Object.keys(health).sort()).toEqual([
			'database',
			'eventLoopDelay',
			'keptFiguresRead',
			'status',
		])
		expect((health as { keptFiguresRead: boolean }).keptFiguresRead).toBe(true)
		type Window = { samples: number }
		const { current, recent, lastMinuteMaxMs } = (
			health as {
				eventLoopDelay: { current: Window; recent: Array<Window>; lastMinuteMaxMs: number }
			}
		).eventLoopDelay
		// The ten-second window may have turned since the loop was held: the last minute holds it either way.
		expect([current, ...recent].reduce((sum, window) => sum + window.samples, 0)).toBeGreaterThan(0)
		expect(lastMinuteMaxMs).toBeGreaterThanOrEqual(100)
	} finally {
		await database.close()
	}
})
