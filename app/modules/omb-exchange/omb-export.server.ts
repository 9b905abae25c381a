// The inventory's exports, streamed: the OMB 2025 individual file (CSV or JSON), its public version,
// the consolidated COTS file, and the validation the export page shows before download. Cases are
// read a page at a time (`readReportedPage`), so an export of 100,000 cases holds one page at a time.
import { Readable } from 'node:stream'
import { type Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { toDocument } from '#app/modules/use-cases/use-case-record.server.ts'
import { type PrismaClient, prisma } from '#app/utils/db.server.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	cmsAgency,
	cotsColumns,
	type CotsCase,
	cotsProblems,
	DEFAULT_PUBLIC_EMAIL,
	type OmbColumn,
	ombColumns,
	type OmbProblem,
	type OmbRow,
	type OmbValueStyle,
	publicColumns,
	toCotsRows,
	toOmbJsonRecord,
	toOmbRow,
	toPublicRow,
	validateOmbRow,
} from './omb-export.ts'
import { needsPresumption, reportingDecision } from './omb-scope.ts'
import { type ExportedUseCase, readReportedPage } from './reported-cases.server.ts'

export const EXPORT_BATCH_SIZE = 1000

/** The year whose inventory the live exports show: the current calendar year. */
export function currentReportingYear(now = new Date()) {
	return now.getUTCFullYear()
}

/** The use-case document of a case read with `exportSelect`. */
export function exportedDocument(useCase: ExportedUseCase): UseCaseDocument {
	return toDocument({ ...useCase, contacts: [], determinedBy: null })
}

export type ReportedCase = {
	useCase: ExportedUseCase
	document: UseCaseDocument
	file: 'INDIVIDUAL' | 'CONSOLIDATED'
	presumedHighImpact: boolean
}

// Turning a page into rows is a chain of promises that never waits on I/O, so without a pause the
// event loop would not run until the page is done (about 90 ms for 1,000 cases): the next page's
// rows would wait in the socket, PostgreSQL would stop sending when its buffer filled, and every
// other request would wait too. At 100,000 cases the export spent 6.7 s of its 13.2 s waiting so.
const YIELD_EVERY = 100
const nextTurnOfTheEventLoop = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Every case the year's inventory reports, in tracking-id order, read a page at a time. While one
 * page is turned into rows, the next is already being read (not inside a transaction, whose one
 * connection takes one query at a time). Only a case that may be consolidated is evaluated, to know
 * whether it is presumed high-impact.
 */
export async function* streamReportedCases(options: {
	year: number
	batchSize?: number
	client?: PrismaClient | Tx
}): AsyncGenerator<ReportedCase> {
	const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE
	const client = options.client ?? prisma
	const prefetch = options.client === undefined
	const pack = await currentPolicyPack(client)
	const asOf = new Date()
	const readPage = (after: string | undefined): Promise<Array<ExportedUseCase>> => {
		// The read starts now; a page nobody reads (the download was cancelled) must not become an
		// unhandled rejection.
		const page = readReportedPage(client, { year: options.year, after, take: batchSize })
		page.catch(() => undefined)
		return page
	}
	let next: Promise<Array<ExportedUseCase>> | null = readPage(undefined)
	while (next) {
		const page: Array<ExportedUseCase> = await next
		const last = page.length === batchSize ? page.at(-1)?.trackingId : undefined
		next = last && prefetch ? readPage(last) : null
		for (const [index, useCase] of page.entries()) {
			if (index % YIELD_EVERY === YIELD_EVERY - 1) await nextTurnOfTheEventLoop()
			const document = exportedDocument(useCase)
			const presumedHighImpact = needsPresumption(document)
				? evaluateUseCase(document, { pack, asOf }).presumedHighImpact
				: false
			const decision = reportingDecision({
				status: useCase.status,
				document,
				presumedHighImpact,
				retiredAlreadyReported: false,
			})
			if (decision.reported) yield { useCase, document, file: decision.file, presumedHighImpact }
		}
		if (last && !prefetch) next = readPage(last)
	}
}

export type ExportAudience = 'OMB' | 'PUBLIC'

export type RowStreamOptions = {
	year: number
	batchSize?: number
	values: OmbValueStyle
	audience: ExportAudience
	publicEmail?: string
	includeIds?: boolean
}

/** The individual file's rows: OMB's full rows, or the public version's. */
export async function* streamOmbRows(options: RowStreamOptions): AsyncGenerator<Partial<OmbRow>> {
	const rowOptions = { ...cmsAgency, values: options.values }
	for await (const reported of streamReportedCases({
		year: options.year,
		batchSize: options.batchSize,
	})) {
		if (reported.file !== 'INDIVIDUAL') continue
		if (options.audience === 'OMB') {
			yield toOmbRow(reported.document, rowOptions)
			continue
		}
		const row = toPublicRow(reported.document, {
			...rowOptions,
			publicEmail: options.publicEmail ?? DEFAULT_PUBLIC_EMAIL,
			includeIds: options.includeIds,
		})
		if (row) yield row
	}
}

export function columnsFor(
	options: Pick<RowStreamOptions, 'audience' | 'includeIds'>,
): Array<OmbColumn> {
	return options.audience === 'PUBLIC' ? publicColumns(options.includeIds ?? true) : [...ombColumns]
}

/** OMB's consolidated COTS file: the 20 tasks, from the cases that qualify. */
export async function cotsRows(year: number) {
	const cases: Array<CotsCase> = []
	for await (const reported of streamReportedCases({ year })) {
		if (reported.file === 'CONSOLIDATED')
			cases.push({ document: reported.document, presumedHighImpact: reported.presumedHighImpact })
	}
	return toCotsRows(cases, cmsAgency)
}

// ── Responses ──

const JSON_CHUNK_RECORDS = 250

/** A JSON download streamed a few hundred records at a time: `{ …about the file, "useCases": [ … ] }`. */
export function jsonResponse(
	about: Record<string, unknown>,
	records: AsyncIterable<unknown>,
	fileName: string,
) {
	const body = Readable.from(
		(async function* () {
			let pending = `${JSON.stringify(about).slice(0, -1)},"useCases":[`
			let count = 0
			for await (const record of records) {
				pending += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`
				if (++count % JSON_CHUNK_RECORDS === 0) {
					yield Buffer.from(pending)
					pending = ''
				}
			}
			yield Buffer.from(`${pending}\n]}\n`)
		})(),
	)
	return new Response(Readable.toWeb(body) as ReadableStream, {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${fileName}"`,
			'Cache-Control': 'no-store',
		},
	})
}

export async function* jsonRecords(rows: AsyncIterable<Partial<OmbRow>>, values: OmbValueStyle) {
	for await (const row of rows) yield toOmbJsonRecord(row as OmbRow, values)
}

/** Every download is audited: who took which file, in which form. */
export async function recordExport(
	actorId: string,
	details: { file: string; year: number; values?: OmbValueStyle; [key: string]: unknown },
	request: RequestInfo,
) {
	await prisma.$transaction((tx) =>
		recordEvent(tx, {
			actorId,
			action: 'inventory.exported',
			entityType: 'Inventory',
			entityId: `${details.year}:${details.file}`,
			after: details as Prisma.InputJsonValue,
			request,
		}),
	)
}

// ── Validation before download ──

export type CaseProblem = OmbProblem & { useCaseId: string; trackingId: string; name: string }

export type ExportCheck = {
	year: number
	individual: number
	consolidated: number
	/** Individual cases left out of the public file (withheld, or withholding not answered). */
	withheld: number
	casesWithProblems: number
	problemCount: number
	byColumn: Array<{ column: string; count: number }>
	problems: Array<CaseProblem>
	/** True when there were more problems than `problems` holds. */
	truncated: boolean
}

export const MAX_LISTED_PROBLEMS = 5000

/**
 * Checks every case the year reports against OMB's allowed values and the columns its stage
 * requires; consolidated cases against what OMB's COTS file needs. Lists the problems, fixes none.
 */
export async function checkInventory(options: {
	year: number
	values: OmbValueStyle
}): Promise<ExportCheck> {
	const check: ExportCheck = {
		year: options.year,
		individual: 0,
		consolidated: 0,
		withheld: 0,
		casesWithProblems: 0,
		problemCount: 0,
		byColumn: [],
		problems: [],
		truncated: false,
	}
	const byColumn = new Map<string, number>()
	const add = (
		useCase: Pick<ExportedUseCase, 'id' | 'trackingId' | 'name'>,
		problems: Array<OmbProblem>,
	) => {
		if (problems.length === 0) return
		check.casesWithProblems++
		for (const problem of problems) {
			check.problemCount++
			const column = problem.column ?? problem.field ?? 'other'
			byColumn.set(column, (byColumn.get(column) ?? 0) + 1)
			if (check.problems.length < MAX_LISTED_PROBLEMS) {
				check.problems.push({
					...problem,
					useCaseId: useCase.id,
					trackingId: useCase.trackingId,
					name: useCase.name,
				})
			} else check.truncated = true
		}
	}
	for await (const { useCase, document, file } of streamReportedCases({ year: options.year })) {
		if (file === 'CONSOLIDATED') {
			check.consolidated++
			add(
				useCase,
				cotsProblems(document).map((message) => ({
					column: null,
					field: 'cotsTask',
					kind: 'MISSING' as const,
					message: `Consolidated COTS reporting: ${message}`,
				})),
			)
			continue
		}
		check.individual++
		if (document.isWithheld !== 'NO') check.withheld++
		const row = toOmbRow(document, { ...cmsAgency, values: options.values })
		add(useCase, validateOmbRow(row, document, { values: options.values, status: useCase.status }))
	}
	const order = new Map<string, number>(ombColumns.map((column, index) => [column, index]))
	check.byColumn = [...byColumn.entries()]
		.map(([column, count]) => ({ column, count }))
		.sort(
			(a, b) =>
				(order.get(a.column) ?? 99) - (order.get(b.column) ?? 99) ||
				a.column.localeCompare(b.column),
		)
	return check
}

/** The problems as a CSV, for working through them outside the tracker. */
export async function* streamProblemRows(options: { year: number; values: OmbValueStyle }) {
	for await (const { useCase, document, file } of streamReportedCases({ year: options.year })) {
		const problems =
			file === 'CONSOLIDATED'
				? cotsProblems(document).map((message) => ({
						column: null,
						field: 'cotsTask',
						kind: 'MISSING',
						message,
					}))
				: validateOmbRow(toOmbRow(document, { ...cmsAgency, values: options.values }), document, {
						values: options.values,
						status: useCase.status,
					})
		for (const problem of problems) {
			yield {
				tracking_id: useCase.trackingId,
				use_case_name: useCase.name,
				file: file === 'CONSOLIDATED' ? 'consolidated COTS' : 'individual',
				column: problem.column ?? '',
				field: problem.field ?? '',
				kind: problem.kind,
				problem: problem.message,
			}
		}
	}
}

export const problemColumns = [
	'tracking_id',
	'use_case_name',
	'file',
	'column',
	'field',
	'kind',
	'problem',
] as const

export { cotsColumns }
