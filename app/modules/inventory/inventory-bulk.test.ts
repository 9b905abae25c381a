import { expect, test } from 'vitest'
import {
	BulkActionSchema,
	bulkInput,
	decodeOutcome,
	describeOutcome,
	encodeOutcome,
	inventoryReturnPath,
	selectedIds,
} from './inventory-bulk.ts'

function form(entries: Array<[string, string]>) {
	const data = new FormData()
	for (const [key, value] of entries) data.append(key, value)
	return data
}

test('the posted form becomes one action with its selection', () => {
	const parsed = BulkActionSchema.parse(
		bulkInput(
			form([
				['intent', 'add-tag'],
				['tag', ' Exec-Briefing '],
				['ids', 'a'],
				['ids', 'b'],
				['pageIds', 'a'],
				['returnTo', '?stage=PILOT'],
			]),
		),
	)
	expect(parsed).toEqual({
		intent: 'add-tag',
		tag: 'exec-briefing',
		ids: ['a', 'b'],
		pageIds: ['a'],
		returnTo: '?stage=PILOT',
	})
	expect(selectedIds(parsed)).toEqual(['a', 'b'])
})

test('"select all on this page" takes the page’s ids, without JavaScript ticking each box', () => {
	expect(selectedIds({ ids: ['c'], allOnPage: 'on', pageIds: ['a', 'b', 'c'] })).toEqual([
		'a',
		'b',
		'c',
	])
})

test('an unknown action, a missing or malformed tag, or too many cases are refused with a reason', () => {
	const problems = (entries: Array<[string, string]>) => {
		const result = BulkActionSchema.safeParse(bulkInput(form(entries)))
		return result.success ? [] : result.error.issues.map((issue) => issue.message)
	}
	expect(problems([['intent', 'delete-everything']])).toEqual([
		'Choose what to do with the selected use cases.',
	])
	expect(problems([['intent', 'add-tag']])[0]).toMatch(/Tags are lower-case|Enter a tag/)
	expect(
		problems([
			['intent', 'remove-tag'],
			['tag', 'two words'],
		])[0],
	).toMatch(/Tags are lower-case letters/)
	expect(
		problems([
			['intent', 'add-tag'],
			['tag', 'ok'],
			...Array.from({ length: 101 }, (_, i) => ['ids', `id-${i}`] as [string, string]),
		])[0],
	).toMatch(/at most 100/)
})

test('the way back is always the inventory itself, without the previous result', () => {
	expect(inventoryReturnPath('?stage=PILOT&bulkResult=add-tag:2:0:x')).toBe(
		'/inventory?stage=PILOT',
	)
	expect(inventoryReturnPath('')).toBe('/inventory')
	expect(inventoryReturnPath('//evil.example/path')).toMatch(/^\/inventory/)
	expect(inventoryReturnPath('https://evil.example')).toMatch(/^\/inventory\?/)
})

test('the result survives the redirect and reads as a sentence; a tampered one is ignored', () => {
	const outcome = { intent: 'add-tag' as const, changed: 2, unchanged: 1, tag: 'omb-2026' }
	expect(decodeOutcome(encodeOutcome(outcome))).toEqual(outcome)
	expect(describeOutcome(outcome)).toBe(
		'Added the tag “omb-2026” to 2 use cases. 1 use case was already tagged.',
	)
	expect(describeOutcome({ intent: 'remove-tag', changed: 1, unchanged: 0, tag: 'x' })).toBe(
		'Removed the tag “x” from 1 use case.',
	)
	expect(decodeOutcome('add-tag:-1:0:x')).toBeNull()
	expect(decodeOutcome('drop-table:1:0:x')).toBeNull()
	expect(decodeOutcome('add-tag:1:0:<script>')).toBeNull()
	expect(decodeOutcome(null)).toBeNull()
})
