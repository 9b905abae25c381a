// Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with =, +, -, @,
// a tab or a carriage return (or their full-width forms, which some spreadsheets normalise) as a
// formula. The writer puts an apostrophe before such a cell, which spreadsheets show as text.
//
// The prefix is reversible, so a file the tracker wrote reads back exactly: the writer also
// prefixes a cell that already starts with apostrophes before a trigger character, and the reader
// removes exactly one apostrophe from a cell of that shape. Any other cell passes through unchanged.
const TRIGGER = '[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20]'
const needsPrefix = new RegExp(`^'*${TRIGGER}`)
const carriesPrefix = new RegExp(`^'+${TRIGGER}`)

/** The cell as it is written to a CSV file. */
export function neutraliseCell(value: string) {
	return needsPrefix.test(value) ? `'${value}` : value
}

/** The cell's original value, from a CSV file written by `neutraliseCell` (or by hand). */
export function restoreCell(value: string) {
	return carriesPrefix.test(value) ? value.slice(1) : value
}
