// The building blocks every schema of the app uses for what people and browsers send: text without
// control characters, numbers that fit their column, dates in a sane range, record ids. Anything
// else is refused here with a 400 and a message, before it reaches the database (PostgreSQL
// refuses a NUL byte or an out-of-range integer with an error that would otherwise be a 500).
import { z } from 'zod'

// C0 control characters and DEL. Tab, line feed and carriage return are text in answers that may
// span lines; a one-line field has no use for any of them.
const SINGLE_LINE = /^[^\u0000-\u001F\u007F]*$/
const MULTI_LINE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/
const CONTROL_MESSAGE = 'Remove the control characters (such as NUL) from this text.'

/** One line of text, trimmed, with no control characters; chain `.min()`/`.max()` for its length. */
export function singleLineText(params?: { error?: string }) {
	return z.string(params).trim().regex(SINGLE_LINE, CONTROL_MESSAGE)
}

/** Text that may span lines (answers, notes, reasons): tabs and line breaks are kept, other control characters refused. */
export function multiLineText(params?: { error?: string }) {
	return z.string(params).trim().regex(MULTI_LINE, CONTROL_MESSAGE)
}

/** A web address people give as evidence or a link: http(s) only, one line, at most `max` characters. */
export function webAddress({
	max = 500,
	https = false,
	error,
}: { max?: number; https?: boolean; error?: string } = {}) {
	return z
		.url({
			protocol: https ? /^https$/ : /^https?$/,
			error: error ?? `Enter a web address that starts with https://${https ? '' : ' or http://'}.`,
		})
		.regex(SINGLE_LINE, CONTROL_MESSAGE)
		.max(max, `Links are at most ${max} characters.`)
}

/** PostgreSQL's `integer` (int4): the largest version, revision or count a column holds. */
export const INT4_MAX = 2_147_483_647

/** A whole number from a form or an address, bounded to the column it is compared with. */
export function wholeNumber({
	min = 0,
	max = INT4_MAX,
	error,
}: { min?: number; max?: number; error?: string } = {}) {
	return z.coerce
		.number({ error: error ?? 'Enter a whole number.' })
		.int(error ?? 'Enter a whole number.')
		.min(min, error ?? `The number is at least ${min}.`)
		.max(
			max,
			error ??
				(max === INT4_MAX
					? 'The number is too large.'
					: `The number is at most ${max.toLocaleString('en-US')}.`),
		)
}

/** The optimistic-lock counter a form carries back (a case's version, a record's revision). */
export function lockCounter(min = 1) {
	return wholeNumber({
		min,
		error: 'The form is missing its version or has a wrong one; reload the page.',
	})
}

/** A page number in an address. */
export function pageNumber(max = 100_000) {
	return wholeNumber({
		min: 1,
		max,
		error: `Pages run from 1 to ${max.toLocaleString('en-US')}.`,
	}).default(1)
}

/** How a list is sorted in its address: one of its sort keys (with its default), and the direction. */
export function sortOrder<const Keys extends readonly [string, ...Array<string>]>(
	keys: Keys,
	byDefault: Keys[number],
) {
	return {
		sort: z.enum(keys, { error: `Sort by one of ${keys.join(', ')}.` }).default(byDefault),
		dir: z.enum(['asc', 'desc'], { error: 'dir is asc or desc.' }).optional(),
	}
}

const EARLIEST_DAY = '1900-01-01'
const LATEST_DAY = '2199-12-31'

/** A calendar day written YYYY-MM-DD, between 1900 and 2199 (PostgreSQL has no year 0; nobody means year 9999). */
export function isoDay(error = 'Use a date such as 2026-04-03.') {
	return z.iso
		.date({ error })
		.refine(
			(day) => day >= EARLIEST_DAY && day <= LATEST_DAY,
			'Use a date between 1900 and 2199, such as 2026-04-03.',
		)
}

/** A moment written in ISO 8601 (as forms carry a record's last change back), between 1900 and 2199. */
export function isoTimestamp(error = 'The form is missing its version; reload the page.') {
	return z.iso
		.datetime({ offset: true, error })
		.refine(
			(moment) => moment.slice(0, 10) >= EARLIEST_DAY && moment.slice(0, 10) <= LATEST_DAY,
			error,
		)
}

/** The id of a record (a cuid, or a seeded id such as "demo-…"): letters, digits, "-" and "_". */
export function recordId(what = 'record') {
	return z
		.string({ error: `The ${what} id is missing.` })
		.min(1, `The ${what} id is missing.`)
		.max(64, `That is not a ${what} id.`)
		.regex(/^[A-Za-z0-9_-]+$/, `That is not a ${what} id.`)
}

/** The shared schema for a route's id parameters, e.g. `idParams('useCaseId', 'laneReviewId')`. */
export function idParams<const Names extends ReadonlyArray<string>>(...names: Names) {
	return z.object(
		Object.fromEntries(
			names.map((name) => [
				name,
				recordId(name.replace(/Id$/, '').replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)),
			]),
		) as {
			[Name in Names[number]]: ReturnType<typeof recordId>
		},
	)
}

/** A policy clause id as addresses carry it, e.g. M2521-4B-II. */
export const clauseId = z
	.string()
	.max(60, 'Clause ids are at most 60 characters.')
	.regex(/^[A-Za-z0-9-]+$/, 'Clause ids are letters, digits and dashes.')
