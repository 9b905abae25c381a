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

/** The Eastern-time day a moment fell on, as "Apr 3, 2026". */
export function formatMomentDay(value: Date | string): string {
	return momentDayFormat.format(toDate(value))
}

/** A moment as "Apr 3, 2026, 2:05 PM ET". */
export function formatDateTime(value: Date | string): string {
	const date = toDate(value)
	return `${momentDayFormat.format(date)}, ${timeFormat.format(date)} ET`
}

/** Only the time of a moment today, as "2:05 PM ET". */
export function formatTime(value: Date | string): string {
	return `${timeFormat.format(toDate(value))} ET`
}
