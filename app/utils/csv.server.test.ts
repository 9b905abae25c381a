import { describe, expect, test, vi } from 'vitest'
import { parseStrictCsv } from '#tests/strict-csv.ts'
import { restoreCell } from './csv-cells.ts'
import { csvResponse, toCsv } from './csv.server.ts'

const awkward = {
	lineFeed: 'first line\nsecond line',
	carriageReturn: 'first\rsecond',
	crlf: 'one\r\ntwo',
	quote: 'the "best" model',
	comma: 'claims, encounters',
	leadingSpace: ' indented',
	trailingSpace: 'trailing ',
	formula: '=HYPERLINK("http://evil.example","click")',
	plus: '+1 555 0100',
	minus: "-2+3+cmd|' /C calc'!A0",
	at: '@SUM(A1:A2)',
	tab: '\tindented with a tab',
	leadingCr: '\r=1+1',
	fullWidth: '＝1+1',
	apostropheFormula: "'=already escaped",
	apostrophe: "'quoted word'",
	plain: 'Fraud Prevention System',
	empty: '',
}

describe('the shared CSV writer', () => {
	test('every awkward value is one field of one record, and reads back exactly', () => {
		const columns = Object.keys(awkward)
		const text = toCsv([awkward, awkward], columns)
		const records = parseStrictCsv(text)
		expect(records).toHaveLength(3)
		expect(records[0]).toEqual(columns)
		for (const record of records.slice(1)) {
			expect(
				Object.fromEntries(columns.map((column, index) => [column, restoreCell(record[index]!)])),
			).toEqual(awkward)
		}
	})

	test('records end with CRLF and cells with line breaks or edge spaces are quoted', () => {
		const text = toCsv([{ a: 'x\ny', b: ' lead', c: 'tail ', d: 'plain' }], ['a', 'b', 'c', 'd'])
		expect(text).toBe('a,b,c,d\r\n"x\ny"," lead","tail ",plain\r\n')
	})

	test('formula triggers are neutralised with an apostrophe; other cells are untouched', () => {
		const [, row] = parseStrictCsv(toCsv([awkward], Object.keys(awkward)))
		const cell = (key: keyof typeof awkward) => row![Object.keys(awkward).indexOf(key)]
		expect(cell('formula')).toBe(`'${awkward.formula}`)
		expect(cell('plus')).toBe(`'${awkward.plus}`)
		expect(cell('minus')).toBe(`'${awkward.minus}`)
		expect(cell('at')).toBe(`'${awkward.at}`)
		expect(cell('tab')).toBe(`'${awkward.tab}`)
		expect(cell('leadingCr')).toBe(`'${awkward.leadingCr}`)
		expect(cell('fullWidth')).toBe(`'${awkward.fullWidth}`)
		expect(cell('apostropheFormula')).toBe(`''=already escaped`)
		expect(cell('apostrophe')).toBe(awkward.apostrophe)
		expect(cell('plain')).toBe(awkward.plain)
	})

	test('numbers are written as numbers', () => {
		expect(
			toCsv([{ n: 42, negative: -3, flag: true }], ['n', 'negative', 'flag'], { header: false }),
		).toBe('42,-3,true\r\n')
	})

	test('a download starts with the byte-order mark Excel needs, unless told not to', async () => {
		const bytesOf = async (options?: { bom: boolean }) =>
			Buffer.from(
				await (await csvResponse([{ name: 'Prüfung' }], ['name'], 'a.csv', options)).arrayBuffer(),
			)
		expect([...(await bytesOf()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		expect((await bytesOf({ bom: false })).toString('utf8')).toBe('name\r\nPrüfung\r\n')
	})

	test('a download streams the header, a byte-order mark when asked, and every row', async () => {
		const rows = Array.from({ length: 600 }, (_, index) => ({
			id: `row-${index}`,
			note: index % 2 ? 'two\nlines' : '=1',
		}))
		const response = await csvResponse(rows, ['id', 'note'], 'rows.csv', { bom: true })
		const bytes = Buffer.from(await response.arrayBuffer())
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const text = bytes.toString('utf8')
		expect(text.startsWith('\uFEFFid,note\r\n')).toBe(true)
		const records = parseStrictCsv(text)
		expect(records).toHaveLength(601)
		expect(records.slice(1).map((record) => [record[0], restoreCell(record[1]!)])).toEqual(
			rows.map((row) => [row.id, row.note]),
		)
		expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="rows.csv"')
		expect(response.headers.get('Cache-Control')).toBe('no-store')
	})

	test('a source that fails at once fails the call, before any response exists', async () => {
		// eslint-disable-next-line require-yield -- a source that fails before its first row
		async function* failing(): AsyncGenerator<Record<string, string>> {
			throw new Error('the query was refused')
		}
		await expect(csvResponse(failing(), ['id'], 'x.csv')).rejects.toThrow('the query was refused')
	})

	test('a source that fails mid-way is logged and errors the body stream, never the process', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
		async function* failingLater() {
			for (let index = 0; index < 300; index++) yield { id: String(index) }
			throw new Error('invalid byte sequence for encoding "UTF8": 0x00')
		}
		const response = await csvResponse(failingLater(), ['id'], 'x.csv')
		await expect(response.text()).rejects.toThrow('0x00')
		expect(logged).toHaveBeenCalledWith(
			expect.stringContaining('x.csv failed after 250 rows'),
			expect.any(Error),
		)
	})
})
