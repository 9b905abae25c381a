// One time zone and one date format everywhere people read a date: CMS works on Eastern time, so
// every moment is shown in it and labelled "ET"; calendar days (due dates, deadlines) are days, not
// moments, and are shown as written.

const EASTERN = 'America/New_York'

const dayFormat = new Intl.DateTimeFormat('en-US', {
	month: 'short',
	day: 'numeric',
	year: 'numeric',
	timeZone: 'UTC',
})
const momentDayFormat = new Intl.DateTimeFormat('en-US', {
	month: 'short',
	day: 'numeric',
	year: 'numeric',
	timeZone: EASTERN,
})
const timeFormat = new Intl.DateTimeFormat('en-US', {
	hour: 'numeric',
	minute: '2-digit',
	timeZone: EASTERN,
})

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

function toDate(value: Date | string) {
	return value instanceof Date ? value : new Date(value)
}

/** A calendar day ("2026-04-03" or a date at midnight UTC) as "Apr 3, 2026". */
export function formatDay(value: Date | string): string {
	if (typeof value === 'string' && ISO_DAY.test(value))
		return dayFormat.format(new Date(`${value}T12:00:00Z`))
	return dayFormat.format(toDate(value))
}

const monthFormat = new Intl.DateTimeFormat('en-US', {
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC',
})

/**
 * A date known to the day, the month or the year, as people read the rest of the app's dates:
 * "2025-07-14" as "Jul 14, 2025", "2025-07" as "Jul 2025", "2025" as it is. Anything else as written.
 */
export function formatPartialDate(value: string): string {
	if (ISO_DAY.test(value)) return formatDay(value)
	if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
		return monthFormat.format(new Date(`${value}-15T12:00:00Z`))
	return value
}

/** The Eastern-time day a moment fell on, as "Apr 3, 2026". */
export function formatMomentDay(value: Date | string): string {
	return momentDayFormat.format(toDate(value))
}

const secondsFormat = new Intl.DateTimeFormat('en-US', {
	hour: 'numeric',
	minute: '2-digit',
	second: '2-digit',
	timeZone: EASTERN,
})

/** A moment as "Apr 3, 2026, 2:05 PM ET" (audit trails: "2:05:09 PM ET", `seconds`). */
export function formatDateTime(value: Date | string, { seconds = false } = {}): string {
	const date = toDate(value)
	return `${momentDayFormat.format(date)}, ${(seconds ? secondsFormat : timeFormat).format(date)} ET`
}

/** Only the time of a moment today, as "2:05 PM ET". */
export function formatTime(value: Date | string): string {
	return `${timeFormat.format(toDate(value))} ET`
}
