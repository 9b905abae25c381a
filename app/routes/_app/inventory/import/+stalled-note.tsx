import { useEffect, useState } from 'react'

/** How long an import may show no new row before the page says what happens if it was interrupted. */
export const STALLED_AFTER_MS = 20_000

/**
 * A running import whose count has not moved for a while: said plainly, because after a restart the
 * run waits up to a minute before it resumes by itself, and a progress bar that stands still reads as
 * lost work.
 */
export function StalledImportNote({ processed }: { processed: number }) {
	// The count the import stood still at; a count that moved on is no longer stalled.
	const [stalledAt, setStalledAt] = useState<number | null>(null)
	useEffect(() => {
		const timer = setTimeout(() => setStalledAt(processed), STALLED_AFTER_MS)
		return () => clearTimeout(timer)
	}, [processed])
	if (stalledAt !== processed) return null
	return (
		<p className="border-l-4 border-primary bg-primary-lighter p-3">
			No row has been imported for {STALLED_AFTER_MS / 1000} seconds. If the app was restarted, the
			import picks up by itself from row {processed + 1} within a minute, and no row is imported
			twice; you may leave this page and come back.
		</p>
	)
}
