// Bulk actions on the inventory's selected rows, as the form posts them. Each action is one member
// of a discriminated union with the permission it needs; adding an action (the workflow's "assign a
// reviewer to a lane", "retire") is one more member here and one more branch in
// inventory-bulk.server.ts.
import { z } from 'zod'
import { isoDay, multiLineText, recordId, singleLineText } from '#app/utils/input-schemas.ts'
import { type KnownPermission, reviewLanes } from '#app/utils/permissions.ts'
import { TagSchema } from './inventory-filters.ts'

/** At most this many cases per action: two pages' worth, so one slip cannot touch the whole inventory. */
export const MAX_BULK_SELECTION = 100

const id = recordId('use case')

const Selection = {
	/** The rows ticked one by one. */
	ids: z
		.array(id)
		.max(MAX_BULK_SELECTION, `Select at most ${MAX_BULK_SELECTION} use cases at a time.`)
		.default([]),
	/** "Select all on this page", which works without JavaScript: the page's ids travel with the form. */
	allOnPage: z.literal('on').optional(),
	pageIds: z.array(id).max(MAX_BULK_SELECTION).default([]),
	/** The inventory view to go back to afterwards (its query string). */
	returnTo: singleLineText().max(4000).default(''),
}

const tagField = TagSchema.pipe(z.string().min(1, 'Enter a tag.'))

export const BulkActionSchema = z.discriminatedUnion(
	'intent',
	[
		z.object({ intent: z.literal('add-tag'), tag: tagField, ...Selection }),
		z.object({ intent: z.literal('remove-tag'), tag: tagField, ...Selection }),
		z.object({
			intent: z.literal('assign-reviewer'),
			lane: z.enum(reviewLanes, { error: 'Choose the review lane to assign.' }),
			assigneeId: recordId('reviewer')
				.or(z.undefined())
				.refine((value) => value !== undefined, 'Choose the reviewer.')
				.transform((value) => value!),
			dueOn: isoDay('Give a due date such as 2026-12-15.'),
			...Selection,
		}),
		z.object({
			intent: z.literal('retire'),
			reason: multiLineText({ error: 'Say why the use cases are retired.' })
				.min(3, 'Say why the use cases are retired.')
				.max(2000),
			...Selection,
		}),
	],
	{ error: 'Choose what to do with the selected use cases.' },
)

export type BulkAction = z.infer<typeof BulkActionSchema>
export type BulkIntent = BulkAction['intent']

export const bulkActionPermissions = {
	'add-tag': 'bulk-update:use-case:any',
	'remove-tag': 'bulk-update:use-case:any',
	'assign-reviewer': 'assign:review:any',
	retire: 'bulk-update:use-case:any',
} as const satisfies Record<BulkIntent, KnownPermission>

/** The form as the schema's input: repeated fields become lists. */
export function bulkInput(formData: FormData): Record<string, unknown> {
	const text = (key: string) => {
		const value = formData.get(key)
		return typeof value === 'string' && value.trim() !== '' ? value : undefined
	}
	const list = (key: string) =>
		formData
			.getAll(key)
			.filter((value): value is string => typeof value === 'string' && value !== '')
	return {
		intent: text('intent'),
		tag: text('tag') ?? '',
		lane: text('lane'),
		assigneeId: text('assigneeId'),
		dueOn: text('dueOn'),
		reason: text('reason'),
		ids: list('ids'),
		allOnPage: text('allOnPage'),
		pageIds: list('pageIds'),
		returnTo: text('returnTo'),
	}
}

/** The cases an action applies to: the whole page when "select all on this page" is ticked. */
export function selectedIds(
	action: Pick<BulkAction, 'ids' | 'allOnPage' | 'pageIds'>,
): Array<string> {
	return [...new Set(action.allOnPage ? [...action.pageIds, ...action.ids] : action.ids)]
}

/** Only a query string of the inventory itself: the form cannot send anyone elsewhere. */
export function inventoryReturnPath(returnTo: string) {
	const search = returnTo.startsWith('?') ? returnTo.slice(1) : returnTo
	const params = new URLSearchParams(search)
	params.delete('bulkResult')
	const rest = params.toString()
	return rest ? `/inventory?${rest}` : '/inventory'
}

export type BulkOutcome = { intent: BulkIntent; changed: number; unchanged: number; tag?: string }

/** The sentence the inventory shows after an action, rebuilt from the address it redirects to. */
export function describeOutcome(outcome: BulkOutcome) {
	const cases = (n: number) => (n === 1 ? '1 use case' : `${n} use cases`)
	const unchanged =
		outcome.unchanged === 0
			? ''
			: ` ${cases(outcome.unchanged)} ${outcome.unchanged === 1 ? 'was' : 'were'} already ${outcome.intent === 'add-tag' ? 'tagged' : 'without it'}.`
	switch (outcome.intent) {
		case 'add-tag':
			return `Added the tag “${outcome.tag}” to ${cases(outcome.changed)}.${unchanged}`
		case 'remove-tag':
			return `Removed the tag “${outcome.tag}” from ${cases(outcome.changed)}.${unchanged}`
		case 'assign-reviewer':
			return `Assigned the reviewer on ${cases(outcome.changed)}; they have been notified.`
		case 'retire':
			return `Retired ${cases(outcome.changed)}.`
	}
}

export function encodeOutcome(outcome: BulkOutcome) {
	return [outcome.intent, outcome.changed, outcome.unchanged, outcome.tag ?? ''].join(':')
}

export function decodeOutcome(value: string | null): BulkOutcome | null {
	if (!value) return null
	const [intent, changed, unchanged, tag] = value.split(':')
	if (
		intent !== 'add-tag' &&
		intent !== 'remove-tag' &&
		intent !== 'assign-reviewer' &&
		intent !== 'retire'
	)
		return null
	const numbers = [Number(changed), Number(unchanged)]
	if (!numbers.every((n) => Number.isInteger(n) && n >= 0)) return null
	if (intent === 'assign-reviewer' || intent === 'retire')
		return { intent, changed: numbers[0]!, unchanged: numbers[1]! }
	const parsedTag = TagSchema.safeParse(tag)
	if (!parsedTag.success) return null
	return { intent, changed: numbers[0]!, unchanged: numbers[1]!, tag: parsedTag.data }
}
