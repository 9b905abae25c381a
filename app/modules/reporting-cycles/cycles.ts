// Reporting years: which year may be opened, and what changed between one year's frozen snapshot and
// the previous one. Pure; cycles.server.ts stores and reads the snapshots.
import { fieldRules, type FieldPath } from '#app/modules/use-cases/field-rules.ts'
import { type Stage, stageChoices, type UseCaseStatus } from '#app/modules/use-cases/vocabulary.ts'

export const EARLIEST_CYCLE_YEAR = 2025

/**
 * Why a year cannot be opened now, or null. A year is opened once (its snapshot is what was
 * reported), and years are opened in order: the snapshot is of the inventory as it stands, which is
 * never an earlier year's, and "reported once" for retired cases counts the earlier years.
 */
export function cycleYearProblem(
	year: number,
	openedYears: ReadonlyArray<number>,
	now = new Date(),
): string | null {
	const thisYear = now.getUTCFullYear()
	if (!Number.isInteger(year) || year < EARLIEST_CYCLE_YEAR || year > thisYear + 1) {
		return `Choose a reporting year from ${EARLIEST_CYCLE_YEAR} to ${thisYear + 1}.`
	}
	if (openedYears.includes(year))
		return `The ${year} reporting year is already open; a year is opened once, and its snapshot is kept as it was.`
	const latest = Math.max(...openedYears, Number.NEGATIVE_INFINITY)
	if (year < latest) {
		return `Reporting years are opened in order: ${latest} is already open, so ${year} can no longer be opened (its snapshot would show the inventory as it is now, not as it was in ${year}).`
	}
	return null
}

export type SnapshotEntry = {
	useCaseId: string
	trackingId: string
	name: string
	status: UseCaseStatus
	stage: Stage | null
	missing: Array<string>
}

export type StageChange = { entry: SnapshotEntry; previousStage: Stage | null }

export type CycleDifference = {
	previousYear: number
	/** Reported this year and not last year. */
	added: Array<SnapshotEntry>
	/** Reported last year in another stage, and retired this year. */
	retired: Array<StageChange>
	/** In both years, in another stage (other than retiring). */
	stageChanged: Array<StageChange>
	/** Reported last year and not this year, with the case's status now. */
	dropped: Array<SnapshotEntry>
	unchangedCount: number
}

const byTrackingId = (a: { trackingId: string }, b: { trackingId: string }) =>
	a.trackingId.localeCompare(b.trackingId)

/** What was added, retired, moved stage or dropped between the previous year's snapshot and this one. */
export function compareSnapshots(
	previous: { year: number; entries: ReadonlyArray<SnapshotEntry> },
	current: ReadonlyArray<SnapshotEntry>,
	droppedNow: ReadonlyMap<string, Pick<SnapshotEntry, 'status' | 'stage'>> = new Map(),
): CycleDifference {
	const before = new Map(previous.entries.map((entry) => [entry.useCaseId, entry]))
	const now = new Set(current.map((entry) => entry.useCaseId))
	const difference: CycleDifference = {
		previousYear: previous.year,
		added: [],
		retired: [],
		stageChanged: [],
		dropped: [],
		unchangedCount: 0,
	}
	for (const entry of current) {
		const earlier = before.get(entry.useCaseId)
		if (!earlier) difference.added.push(entry)
		else if (entry.stage === 'RETIRED' && earlier.stage !== 'RETIRED')
			difference.retired.push({ entry, previousStage: earlier.stage })
		else if (entry.stage !== earlier.stage)
			difference.stageChanged.push({ entry, previousStage: earlier.stage })
		else difference.unchangedCount++
	}
	for (const entry of previous.entries) {
		if (!now.has(entry.useCaseId))
			difference.dropped.push({ ...entry, ...droppedNow.get(entry.useCaseId) })
	}
	difference.added.sort(byTrackingId)
	difference.dropped.sort(byTrackingId)
	difference.retired.sort((a, b) => byTrackingId(a.entry, b.entry))
	difference.stageChanged.sort((a, b) => byTrackingId(a.entry, b.entry))
	return difference
}

/** Why a case reported last year is not in this year's snapshot, from what it is now. */
export function droppedReason(
	entry: Pick<SnapshotEntry, 'status' | 'stage'>,
	previous: { year: number; stage: Stage | null },
) {
	if (entry.status === 'WITHDRAWN') return 'Withdrawn'
	if (entry.status === 'REJECTED') return 'Rejected'
	if (entry.status === 'DRAFT') return 'Back in draft'
	if (entry.stage === 'RETIRED' || entry.status === 'RETIRED') {
		return previous.stage === 'RETIRED'
			? `Retired; reported as retired in ${previous.year}, which is its one time`
			: 'Retired'
	}
	return 'Now reported in consolidated COTS reporting'
}

export const stageLabel = (stage: Stage | null) => (stage ? stageChoices[stage].code : 'No stage')

/** A missing field path as the OMB column it fills. */
export function missingColumn(path: string) {
	return fieldRules[path as FieldPath]?.ombColumn ?? path
}
