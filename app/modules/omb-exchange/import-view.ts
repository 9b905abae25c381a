// What an import's page shows of a file of thousands of rows: its problems grouped by kind and
// column with counts, filtered and a page at a time, and its rows a page at a time, with the
// components the tracker does not know and the rows waiting for the lead's decision. Pure.
import { z } from 'zod'
import {
	effectOf,
	type ImportProblem,
	type ImportProblemKind,
	importProblemKinds,
	type PlannedRow,
	type RowOutcome,
} from './import-rows.ts'

export const IMPORT_PAGE_SIZE = 50

const kinds = Object.keys(importProblemKinds) as [ImportProblemKind, ...Array<ImportProblemKind>]
const outcomes = [
	'CREATE',
	'UPDATE',
	'UNCHANGED',
	'SKIP',
	'CONFIRM',
] as const satisfies ReadonlyArray<RowOutcome>
const page = z.coerce.number().int().min(1).max(100_000).catch(1)

/** The page's filters, from its address; anything unknown falls back to no filter. */
export const ImportViewSchema = z.object({
	kind: z.enum(kinds).optional().catch(undefined),
	column: z.string().trim().min(1).max(60).optional().catch(undefined),
	severity: z.enum(['ERROR', 'WARNING']).optional().catch(undefined),
	page: page.optional(),
	outcome: z.enum(outcomes).optional().catch(undefined),
	rowsPage: page.optional(),
})
export type ImportView = z.infer<typeof ImportViewSchema>

export function importViewFrom(search: URLSearchParams): ImportView {
	return ImportViewSchema.parse(
		Object.fromEntries([...search.entries()].filter(([, value]) => value !== '')),
	)
}

export type ProblemGroup = {
	kind: ImportProblemKind
	title: string
	column: string | null
	severity: ImportProblem['severity']
	effect: string
	count: number
}

const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / IMPORT_PAGE_SIZE))

/** Problems grouped by kind and column (most frequent first), and the filtered ones a page at a time. */
export function viewProblems(
	problems: ReadonlyArray<ImportProblem>,
	view: ImportView,
	options: { all?: boolean } = {},
) {
	const groups = new Map<string, ProblemGroup>()
	for (const problem of problems) {
		const key = `${problem.kind}|${problem.column ?? ''}`
		const group = groups.get(key)
		if (group) group.count++
		else
			groups.set(key, {
				kind: problem.kind,
				title: importProblemKinds[problem.kind].title,
				column: problem.column,
				severity: problem.severity,
				effect: effectOf(problem),
				count: 1,
			})
	}
	const filtered = problems.filter(
		(problem) =>
			(!view.kind || problem.kind === view.kind) &&
			(!view.column || problem.column === view.column) &&
			(!view.severity || problem.severity === view.severity),
	)
	const pageCount = pageCountOf(filtered.length)
	const current = Math.min(view.page ?? 1, pageCount)
	const list = (
		options.all
			? filtered
			: filtered.slice((current - 1) * IMPORT_PAGE_SIZE, current * IMPORT_PAGE_SIZE)
	).map((problem) => ({ ...problem, effect: effectOf(problem) }))
	return {
		total: problems.length,
		errors: problems.filter((problem) => problem.severity === 'ERROR').length,
		groups: [...groups.values()].sort((a, b) =>
			a.severity === b.severity ? b.count - a.count : a.severity === 'ERROR' ? -1 : 1,
		),
		filteredTotal: filtered.length,
		list,
		page: current,
		pageCount,
	}
}

/** The plan's rows a page at a time, the unknown components with how many rows name each, and the rows awaiting a decision. */
export function viewRows(plan: ReadonlyArray<PlannedRow>, view: ImportView) {
	const filtered = view.outcome ? plan.filter((row) => row.outcome === view.outcome) : plan
	const pageCount = pageCountOf(filtered.length)
	const current = Math.min(view.rowsPage ?? 1, pageCount)
	const unknown = new Map<string, { bureau: string; rows: number; firstRow: number }>()
	for (const row of plan) {
		if (!row.problems.some((problem) => problem.kind === 'UNKNOWN_COMPONENT')) continue
		const known = unknown.get(row.bureau)
		if (known) known.rows++
		else unknown.set(row.bureau, { bureau: row.bureau, rows: 1, firstRow: row.row })
	}
	const lean = (row: PlannedRow) => ({
		row: row.row,
		name: row.name,
		bureau: row.bureau,
		outcome: row.outcome,
		useCaseId: row.existing?.id ?? null,
		trackingId: row.existing?.trackingId ?? null,
		orgUnit: row.orgUnit?.code ?? null,
		matchedBy: row.matchedBy,
		candidate: row.candidate,
		changed: row.changed,
	})
	return {
		rows: filtered.slice((current - 1) * IMPORT_PAGE_SIZE, current * IMPORT_PAGE_SIZE).map(lean),
		rowsTotal: filtered.length,
		rowsPage: current,
		rowsPageCount: pageCount,
		unknownComponents: [...unknown.values()].sort(
			(a, b) => b.rows - a.rows || a.bureau.localeCompare(b.bureau),
		),
		awaitingDecision: plan.filter((row) => row.outcome === 'CONFIRM').map(lean),
	}
}
