import { statfsSync } from 'node:fs'
import path from 'node:path'

// Below this, the embedded database may not open (recovery replays its write-ahead log, 16 MB a
// segment) nor take a save: a start that fails there is most likely out of space.
const LOW_FREE_SPACE_BYTES = 100 * 1024 * 1024

/**
 * A start-up failure of the embedded database, said with the free space of the disk under its
 * folder when that is low: the database itself only reports "Aborted()" when it cannot write.
 */
export function explainedStartFailure(error: unknown, dataDir: string): unknown {
	let free: number
	try {
		const stats = statfsSync(path.resolve(dataDir))
		free = stats.bavail * stats.bsize
	} catch {
		return error
	}
	if (free >= LOW_FREE_SPACE_BYTES) return error
	const said = error instanceof Error ? error.message : String(error)
	return new Error(
		`the embedded database could not open, and the disk holding ${path.resolve(dataDir)} has ${(free / 1024 / 1024).toFixed(1)} MB free, which is most likely why. Free space there (or set DATA_DIR to a folder on a disk with room), then start again. The database said: ${said}`,
		{ cause: error },
	)
}
