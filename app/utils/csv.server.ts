// The one CSV writer: every CSV download of the app goes through `csvResponse`.
import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import { neutraliseCell } from './csv-cells.ts'

type CsvCell = string | number | boolean | null | undefined
export type CsvRow = Record<string, CsvCell>

const ROWS_PER_CHUNK = 250

// RFC 4180 quotes a field holding the delimiter, a quote or a line break. csv-stringify quotes only
// its own record delimiter (CRLF here), so a bare LF or CR would split a record for every reader:
// quote any line break, and leading or trailing spaces, which some readers trim.
const stringifyOptions = { record_delimiter: 'windows', quoted_match: /[\r\n]|^\s|\s$/ } as const

function toCells(row: CsvRow, columns: ReadonlyArray<string>) {
	return columns.map((column) => {
		const value = row[column]
		if (value === null || value === undefined) return ''
		if (typeof value === 'string') return neutraliseCell(value)
		return String(value)
	})
}

/** CSV text for these rows: header first unless `header: false`. */
export function toCsv(
	rows: ReadonlyArray<CsvRow>,
	columns: ReadonlyArray<string>,
	{ header = true, bom = false } = {},
) {
	const body = stringify(
		rows.map((row) => toCells(row, columns)),
		stringifyOptions,
	)
	const head = header ? stringify([[...columns]], stringifyOptions) : ''
	return `${bom ? '\uFEFF' : ''}${head}${body}`
}

export type CsvResponseOptions = {
	/**
	 * Start with UTF-8's byte-order mark, as OMB's files do: Excel then reads the encoding right
	 * (without it, "Prüfung" opens as "PrÃ¼fung"). On unless a reader needs plain UTF-8.
	 */
	bom?: boolean
}

/**
 * A CSV download streamed from rows, a few hundred per chunk: RFC 4180 (CRLF, every field with a
 * delimiter, quote, line break or edge space quoted) and neutralised against formula injection.
 *
 * The first row is read before answering, so that a query that fails at once is an error page, not
 * a broken download. A failure after the first row is logged and ends the response abruptly (the
 * client sees an incomplete transfer, never a short file that looks whole); it never reaches the
 * process as an unhandled error.
 */
export async function csvResponse(
	rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
	columns: ReadonlyArray<string>,
	fileName: string,
	options: CsvResponseOptions = {},
) {
	const iterator =
		Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : toAsync(rows[Symbol.iterator]())
	const first = await iterator.next()
	const body = Readable.from(
		(async function* () {
			yield Buffer.from(toCsv([], columns, { bom: options.bom ?? true }))
			if (first.done) return
			let written = 0
			let chunk: Array<CsvRow> = [first.value]
			try {
				for (;;) {
					const next = await iterator.next()
					if (next.done) break
					chunk.push(next.value)
					if (chunk.length === ROWS_PER_CHUNK) {
						yield Buffer.from(toCsv(chunk, columns, { header: false }))
						written += chunk.length
						chunk = []
					}
				}
			} catch (error) {
				console.error(
					`The CSV download ${fileName} failed after ${written} rows; the response was cut short.`,
					error,
				)
				throw error
			}
			if (chunk.length) yield Buffer.from(toCsv(chunk, columns, { header: false }))
		})(),
	)
	return new Response(Readable.toWeb(body) as ReadableStream, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
			'Cache-Control': 'no-store',
		},
	})
}

async function* toAsync<T>(iterator: Iterator<T>): AsyncGenerator<T> {
	for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value
}
