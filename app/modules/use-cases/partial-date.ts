// Dates as precise as they are known: a day, a month or a year.

/**
 * A date as precise as it is known, in ISO 8601's reduced forms: "2025", "2025-07" or "2025-07-14".
 * OMB's inventories give some dates as a month ("Jul-25") or a year; the tracker keeps that
 * precision rather than inventing a day.
 */
const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?$/
export function isPartialDate(text: string) {
	const match = PARTIAL_DATE_PATTERN.exec(text)
	if (!match) return false
	// The years the app's other dates allow (input-schemas.ts): a year such as 0000 is a typing slip.
	const year = Number(match[1])
	if (year < 1900 || year > 2199) return false
	if (match[3] === undefined) return true
	const date = new Date(`${text}T00:00:00Z`)
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const pad = (value: number) => String(value).padStart(2, '0')

function dayOf(year: number, month: number, day: number) {
	const text = `${year}-${pad(month)}-${pad(day)}`
	return isPartialDate(text) ? text : null
}
const monthOf = (year: number, month: number) =>
	month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null
const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text))

// A time after a date says nothing more about the day OMB asks for: "00:00:00", "0:00", "12:00:00 AM", "T00:00:00Z".
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?`

/**
 * A date as precise as it is written, in ISO 8601's reduced forms: a day
 * ("2025-07-01", OMB's consolidated "2025-07-01 00:00:00", US "7/1/2025", "01/01/2018 00:00:00",
 * "3/4/2024 0:00", "… 12:00:00 AM"), a month ("Jul-25", "July 2025", "7/2025", "2025-07" → "2025-07")
 * or a year ("2021"). Null when the text is not a date (a fiscal quarter, "ongoing"). OMB's files and
 * people typing in the form write dates all these ways.
 */
export function readPartialDate(text: string): string | null {
	const value = text.trim()
	let match = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`).exec(value)
	if (match) return dayOf(Number(match[1]), Number(match[2]), Number(match[3]))
	match = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`).exec(value)
	if (match) return dayOf(fullYear(match[3]!), Number(match[1]), Number(match[2]))
	match = /^(\d{1,2})\/(\d{4})$/.exec(value)
	if (match) return monthOf(Number(match[2]), Number(match[1]))
	match = /^(\d{4})-(\d{1,2})$/.exec(value)
	if (match) return monthOf(Number(match[1]), Number(match[2]))
	match = /^([A-Za-z]{3,9})\.?[-\s]+(\d{4}|\d{2})$/.exec(value)
	if (match) {
		const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1
		return month > 0 ? monthOf(fullYear(match[2]!), month) : null
	}
	match = /^(\d{4})(?:\.0)?$/.exec(value)
	if (match && Number(match[1]) >= 1950 && Number(match[1]) <= 2100) return match[1]!
	return null
}
