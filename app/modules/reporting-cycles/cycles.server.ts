// Inventory cycles: a reporting year opened by the governance lead freezes the inventory as it
// stands (one entry per individually reported case, with its OMB row and the columns its stage
// still lacks), shows what changed since the previous year, and is certified once.
import { type Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { missingOmbFields } from '#app/modules/use-cases/field-rules.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	cmsAgency,
	convertOmbRow,
	type OmbRow,
	type OmbValueStyle,
	toOmbRow,
} from '#app/modules/omb-exchange/omb-export.ts'
import { streamReportedCases } from '#app/modules/omb-exchange/omb-export.server.ts'
import { jsonColumn } from '#app/utils/db/json-column.ts'
import { compareSnapshots, cycleYearProblem, droppedReason, type SnapshotEntry } from './cycles.ts'

// Snapshots are stored in the template's valid selections; a download in codes converts them.
const SNAPSHOT_VALUES: OmbValueStyle = 'selections'
const SNAPSHOT_BATCH = 500
// Freezing 20,000 cases takes longer than Prisma's 5-second default for a transaction.
const SNAPSHOT_TIMEOUT_MS = 10 * 60 * 1000

const dateOnly = (date: Date) => date.toISOString().slice(0, 10)

/** A reporting year's frozen OMB row, as the export wrote it in the year's snapshot values. */
const snapshotRowColumn = jsonColumn<OmbRow>()

export async function listCycles() {
	const cycles = await prisma.inventoryCycle.findMany({
		orderBy: { year: 'desc' },
		select: {
			id: true,
			year: true,
			openedAt: true,
			certifiedAt: true,
			openedBy: { select: { name: true } },
			certifiedBy: { select: { name: true } },
			_count: { select: { entries: true } },
		},
	})
	const incomplete = await prisma.inventoryCycleEntry.groupBy({
		by: ['cycleId'],
		where: { NOT: { missing: { isEmpty: true } } },
		_count: { _all: true },
	})
	const incompleteBy = new Map(incomplete.map((group) => [group.cycleId, group._count._all]))
	return cycles.map(({ _count, ...cycle }) => ({
		...cycle,
		entries: _count.entries,
		incomplete: incompleteBy.get(cycle.id) ?? 0,
	}))
}

/**
 * Opens a reporting year: refuses a year already open (or earlier than the latest), then freezes
 * every case the year reports individually, in one transaction, and audits it.
 */
export async function openCycle(actorId: string, year: number, request: RequestInfo) {
	return prisma.$transaction(
		async (tx) => {
			const existing = await tx.inventoryCycle.findMany({
				select: { year: true, openedAt: true, openedBy: { select: { name: true } } },
			})
			const same = existing.find((cycle) => cycle.year === year)
			if (same) {
				throw new AppError(
					'CONFLICT',
					`The ${year} reporting year was opened on ${dateOnly(same.openedAt)} by ${same.openedBy.name}. A year is opened once, and its snapshot is kept as it was.`,
				)
			}
			const problem = cycleYearProblem(
				year,
				existing.map((cycle) => cycle.year),
			)
			if (problem) throw new AppError('INVALID', problem)
			const cycle = await tx.inventoryCycle.create({
				data: { year, openedById: actorId },
				select: { id: true },
			})
			let entries = 0
			let incomplete = 0
			let batch: Array<Prisma.InventoryCycleEntryCreateManyInput> = []
			const flush = async () => {
				if (batch.length) await tx.inventoryCycleEntry.createMany({ data: batch })
				batch = []
			}
			for await (const reported of streamReportedCases({ year, client: tx })) {
				if (reported.file !== 'INDIVIDUAL') continue
				const missing = missingOmbFields(reported.document)
				if (missing.length) incomplete++
				entries++
				batch.push({
					cycleId: cycle.id,
					useCaseId: reported.useCase.id,
					trackingId: reported.useCase.trackingId,
					name: reported.useCase.name,
					status: reported.useCase.status,
					stage: reported.useCase.stage,
					row: snapshotRowColumn.write(
						toOmbRow(reported.document, { ...cmsAgency, values: SNAPSHOT_VALUES }),
					),
					missing,
				})
				if (batch.length >= SNAPSHOT_BATCH) await flush()
			}
			await flush()
			await recordEvent(tx, {
				actorId,
				action: 'inventory_cycle.opened',
				entityType: 'InventoryCycle',
				entityId: cycle.id,
				after: { year, entries, incomplete },
				request,
			})
			return { id: cycle.id, year, entries }
		},
		{ timeout: SNAPSHOT_TIMEOUT_MS, maxWait: 10_000 },
	)
}

const entrySelect = {
	useCaseId: true,
	trackingId: true,
	name: true,
	status: true,
	stage: true,
	missing: true,
} as const satisfies Prisma.InventoryCycleEntrySelect

export const MAX_LISTED_INCOMPLETE = 500

/** One year: its snapshot's counts, what is missing, and the difference from the previous year. */
export async function getCycle(year: number) {
	const cycle = await prisma.inventoryCycle.findUnique({
		where: { year },
		select: {
			id: true,
			year: true,
			openedAt: true,
			certifiedAt: true,
			certificationNote: true,
			openedBy: { select: { name: true } },
			certifiedBy: { select: { name: true } },
		},
	})
	if (!cycle) throw new AppError('NOT_FOUND', `The ${year} reporting year has not been opened.`)
	const entries: Array<SnapshotEntry> = await prisma.inventoryCycleEntry.findMany({
		where: { cycleId: cycle.id },
		orderBy: { trackingId: 'asc' },
		select: entrySelect,
	})
	const previousCycle = await prisma.inventoryCycle.findFirst({
		where: { year: { lt: year } },
		orderBy: { year: 'desc' },
		select: { id: true, year: true },
	})
	let difference = null
	let droppedReasons: Record<string, string> = {}
	if (previousCycle) {
		const previousEntries: Array<SnapshotEntry> = await prisma.inventoryCycleEntry.findMany({
			where: { cycleId: previousCycle.id },
			select: entrySelect,
		})
		const current = new Set(entries.map((entry) => entry.useCaseId))
		const droppedIds = previousEntries
			.filter((entry) => !current.has(entry.useCaseId))
			.map((entry) => entry.useCaseId)
		const now = await prisma.useCase.findMany({
			where: { id: { in: droppedIds } },
			select: { id: true, status: true, stage: true },
		})
		const nowById = new Map(now.map((useCase) => [useCase.id, useCase]))
		difference = compareSnapshots(
			{ year: previousCycle.year, entries: previousEntries },
			entries,
			nowById,
		)
		const previousById = new Map(previousEntries.map((entry) => [entry.useCaseId, entry]))
		droppedReasons = Object.fromEntries(
			difference.dropped.map((entry) => [
				entry.useCaseId,
				droppedReason(entry, {
					year: previousCycle.year,
					stage: previousById.get(entry.useCaseId)?.stage ?? null,
				}),
			]),
		)
	}
	const incomplete = entries.filter((entry) => entry.missing.length > 0)
	return {
		cycle,
		entryCount: entries.length,
		incompleteCount: incomplete.length,
		incomplete: incomplete.slice(0, MAX_LISTED_INCOMPLETE),
		difference,
		droppedReasons,
	}
}

/**
 * Certifies a year's submission: who, when and why, once. With cases still missing what OMB
 * requires, the lead must say they certify knowing it.
 */
export async function certifyCycle(
	actorId: string,
	year: number,
	input: { note: string; acknowledgeIncomplete: boolean },
	request: RequestInfo,
): Promise<
	{ status: 'certified' } | { status: 'invalid'; fieldErrors: Record<string, Array<string>> }
> {
	return prisma.$transaction(async (tx) => {
		const cycle = await tx.inventoryCycle.findUnique({
			where: { year },
			select: {
				id: true,
				certifiedAt: true,
				certifiedBy: { select: { name: true } },
				_count: { select: { entries: true } },
			},
		})
		if (!cycle) throw new AppError('NOT_FOUND', `The ${year} reporting year has not been opened.`)
		const alreadyCertified = (at: Date, by: string) =>
			new AppError(
				'CONFLICT',
				`The ${year} submission was certified on ${dateOnly(at)} by ${by}; certification is final.`,
			)
		if (cycle.certifiedAt)
			throw alreadyCertified(cycle.certifiedAt, cycle.certifiedBy?.name ?? 'someone')
		const incomplete = await tx.inventoryCycleEntry.count({
			where: { cycleId: cycle.id, NOT: { missing: { isEmpty: true } } },
		})
		if (incomplete > 0 && !input.acknowledgeIncomplete) {
			return {
				status: 'invalid',
				fieldErrors: {
					acknowledgeIncomplete: [
						`${incomplete === 1 ? '1 use case lacks columns OMB requires for its stage' : `${incomplete} use cases lack columns OMB requires for their stage`}: confirm you certify knowing this, or complete them first.`,
					],
				},
			}
		}
		const now = new Date()
		const certified = await tx.inventoryCycle.updateMany({
			where: { id: cycle.id, certifiedAt: null },
			data: { certifiedAt: now, certifiedById: actorId, certificationNote: input.note },
		})
		if (certified.count === 0)
			throw new AppError(
				'CONFLICT',
				`The ${year} submission was certified by someone else a moment ago; certification is final.`,
			)
		await recordEvent(tx, {
			actorId,
			action: 'inventory_cycle.certified',
			entityType: 'InventoryCycle',
			entityId: cycle.id,
			before: { certifiedAt: null },
			after: {
				year,
				certifiedAt: now.toISOString(),
				note: input.note,
				entries: cycle._count.entries,
				incomplete,
			},
			request,
		})
		return { status: 'certified' }
	})
}

/** The snapshot's rows, as frozen, in the requested value style; read a page at a time. */
export async function* streamCycleRows(year: number, values: OmbValueStyle) {
	const cycle = await prisma.inventoryCycle.findUnique({ where: { year }, select: { id: true } })
	if (!cycle) throw new AppError('NOT_FOUND', `The ${year} reporting year has not been opened.`)
	let cursor: string | undefined
	for (;;) {
		const page = await prisma.inventoryCycleEntry.findMany({
			where: { cycleId: cycle.id },
			orderBy: [{ trackingId: 'asc' }, { useCaseId: 'asc' }],
			take: SNAPSHOT_BATCH,
			...(cursor
				? { cursor: { cycleId_useCaseId: { cycleId: cycle.id, useCaseId: cursor } }, skip: 1 }
				: {}),
			select: { useCaseId: true, row: true },
		})
		for (const entry of page)
			yield convertOmbRow(snapshotRowColumn.read(entry.row), SNAPSHOT_VALUES, values)
		if (page.length < SNAPSHOT_BATCH) return
		cursor = page.at(-1)?.useCaseId
	}
}

/** Whether the year exists, before a download starts streaming (a 404 cannot be sent mid-stream). */
export async function cycleExists(year: number) {
	return (await prisma.inventoryCycle.count({ where: { year } })) > 0
}
