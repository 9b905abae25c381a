import { parse } from 'csv-parse/sync'

/** RFC 4180 read strictly: CRLF records, no loose quotes, every record as wide as the header, nothing skipped. */
export function parseStrictCsv(text: string): Array<Array<string>> {
	return parse(text, {
		bom: true,
		relax_quotes: false,
		relax_column_count: false,
		skip_empty_lines: false,
		record_delimiter: '\r\n',
	})
}
