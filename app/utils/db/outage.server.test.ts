// How a failed database call is told apart: unreachable or out of disk is the database's state (503,
// said to try again), anything else is a fault (500). The errors are shaped as the embedded
// database's driver adapter raised them when its disk filled (SQLSTATE 53100).
import { DriverAdapterError } from '@prisma/driver-adapter-utils'
import { afterEach, expect, test, vi } from 'vitest'
import { noteDatabaseError, outageMessage, trackDatabaseOutage } from './outage.server.ts'

const diskFull = () =>
	new DriverAdapterError({
		kind: 'postgres',
		originalCode: '53100',
		originalMessage: 'could not extend file "base/5/16527": No space left on device',
		code: '53100',
		severity: 'ERROR',
		message: 'could not extend file "base/5/16527": No space left on device',
		detail: undefined,
		column: undefined,
		hint: 'Check free disk space.',
	})

afterEach(() => {
	vi.restoreAllMocks()
})

test('a full disk makes the request a 503 that says so, and the operator reads it once a minute, not per save', async () => {
	const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
	const trackers = await Promise.all(
		[1, 2, 3].map(() =>
			trackDatabaseOutage(async (tracker) => {
				noteDatabaseError(diskFull())
				return tracker
			}),
		),
	)
	for (const tracker of trackers) expect(tracker).toEqual({ unavailable: true, diskFull: true })
	expect(outageMessage(trackers[0]!, false)).toMatch(/run out of disk space/)
	expect(outageMessage(trackers[0]!, true)).toMatch(/run out of disk space/)
	expect(logged).toHaveBeenCalledTimes(1)
	expect(String(logged.mock.calls[0]![0])).toMatch(
		/^The database's disk is full.*DATA_DIR.*No space left on device/,
	)
})

test('an unreachable database is a 503 to retry, not a full disk; a refused write is neither', async () => {
	const unreachable = await trackDatabaseOutage(async (tracker) => {
		noteDatabaseError(
			new DriverAdapterError({ kind: 'DatabaseNotReachable', host: 'db', port: 5432 }),
		)
		return tracker
	})
	expect(unreachable).toEqual({ unavailable: true, diskFull: false })
	expect(outageMessage(unreachable, true)).toBe(
		'The database is not answering. Nothing was changed; try again in a minute.',
	)
	const refused = await trackDatabaseOutage(async (tracker) => {
		noteDatabaseError(
			new DriverAdapterError({
				kind: 'UniqueConstraintViolation',
				constraint: { fields: ['trackingId'] },
				originalCode: '23505',
				originalMessage: 'duplicate key value violates unique constraint',
			}),
		)
		return tracker
	})
	expect(refused).toEqual({ unavailable: false, diskFull: false })
})
