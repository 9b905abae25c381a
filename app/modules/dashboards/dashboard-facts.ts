// What the dashboards work out from the per-case records they keep in memory
// (dashboard-facts.server.ts), with the same meaning as their SQL in dashboard.server.ts.
import { type Stage } from '#app/modules/use-cases/vocabulary.ts'

/** One ended stay of a case in a status: the status it entered and how long until the next change. */
export type Stay = { status: string; ms: number }

export type TimeInStateRow = { status: string; medianDays: number; stays: number }

const DAY_MS = 86_400_000

/** A case's ended stays, from its status changes in order (the last one has not ended). */
export function staysOf(changes: ReadonlyArray<{ status: string; at: number }>): Array<Stay> {
	return changes
		.slice(0, -1)
		.map((change, i) => ({ status: change.status, ms: changes[i + 1]!.at - change.at }))
}

/** The median days per status over every ended stay, interpolated as `percentile_cont(0.5)` does. */
export function medianTimeInState(stays: Iterable<ReadonlyArray<Stay>>): Array<TimeInStateRow> {
	const daysByStatus = new Map<string, Array<number>>()
	for (const ofCase of stays)
		for (const stay of ofCase) {
			const days = daysByStatus.get(stay.status) ?? []
			days.push(stay.ms / DAY_MS)
			daysByStatus.set(stay.status, days)
		}
	return [...daysByStatus].map(([status, days]) => {
		const sorted = Float64Array.from(days).sort()
		const middle = (sorted.length - 1) / 2
		const below = sorted[Math.floor(middle)]!
		const above = sorted[Math.ceil(middle)]!
		return { status, medianDays: below + (above - below) * (middle % 1), stays: sorted.length }
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
