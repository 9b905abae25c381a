// What the dashboards work out from the per-case records they keep in memory
// (dashboard-facts.server.ts), with the same meaning as their SQL in dashboard.server.ts.
import { type Stage, useCaseStatuses } from '#app/modules/use-cases/vocabulary.ts'

/**
 * A case's ended stays in a status, flat: the status entered (its index in `useCaseStatuses`) and
 * the milliseconds until the next change, pair after pair. Numbers only, so that 100,000 cases'
 * stays are 100,000 small arrays for the garbage collector, not a quarter of a million objects.
 */
export type Stays = ReadonlyArray<number>

export type TimeInStateRow = { status: string; medianDays: number; stays: number }

const DAY_MS = 86_400_000
const statusIndex = new Map<string, number>(useCaseStatuses.map((status, i) => [status, i]))

/** A case's ended stays, from its status changes in order (the last one has not ended). */
export function staysOf(changes: ReadonlyArray<{ status: string; at: number }>): Stays {
	const stays: Array<number> = []
	for (let i = 0; i + 1 < changes.length; i++)
		stays.push(statusIndex.get(changes[i]!.status)!, changes[i + 1]!.at - changes[i]!.at)
	return stays
}

/** The median days per status over every ended stay, interpolated as `percentile_cont(0.5)` does. */
export function medianTimeInState(stays: Iterable<Stays>): Array<TimeInStateRow> {
	const daysByStatus = useCaseStatuses.map(() => [] as Array<number>)
	for (const ofCase of stays)
		for (let i = 0; i < ofCase.length; i += 2)
			daysByStatus[ofCase[i]!]!.push(ofCase[i + 1]! / DAY_MS)
	return useCaseStatuses.flatMap((status, i) => {
		const days = daysByStatus[i]!
		if (days.length === 0) return []
		const sorted = Float64Array.from(days).sort()
		const middle = (sorted.length - 1) / 2
		const below = sorted[Math.floor(middle)]!
		const above = sorted[Math.ceil(middle)]!
		return [{ status, medianDays: below + (above - below) * (middle % 1), stays: sorted.length }]
	})
}

/** A high-impact case with minimum practices failing (M-25-21 §4(b)), as the dashboards list it. */
export type LateCase = {
	useCaseId: string
	trackingId: string
	name: string
	stage: Stage | null
	failing: Array<string>
}

/** The first `limit` cases by tracking id, and how many there are in all. */
export function firstLateCases(cases: Iterable<LateCase>, limit: number) {
	const all = [...cases].sort((a, b) =>
		a.trackingId < b.trackingId ? -1 : a.trackingId > b.trackingId ? 1 : 0,
	)
	return { items: all.slice(0, limit), total: all.length }
}
