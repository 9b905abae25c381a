import { describe, expect, test } from 'vitest'
import { AuditQuerySchema } from '#app/modules/audit/schemas.ts'
import { DatasetFormSchema, DatasetListQuerySchema } from '#app/modules/datasets/schemas.ts'
import { InventoryQuerySchema } from '#app/modules/inventory/inventory-filters.ts'
import { UseCaseFormSchema, UseCaseListQuerySchema } from '#app/modules/use-cases/schemas.ts'
import {
	idParams,
	INT4_MAX,
	isoDay,
	lockCounter,
	multiLineText,
	singleLineText,
	webAddress,
} from './input-schemas.ts'

const firstMessage = (result: {
	success: boolean
	error?: { issues: Array<{ message: string }> }
}) => result.error?.issues[0]?.message

describe('text', () => {
	test('a NUL or another control character is refused with a message, in one-line and multi-line text', () => {
		for (const value of ['a\u0000b', '\u0000', 'bell\u0007', 'escape\u001b[31m', 'delete\u007f']) {
			expect(firstMessage(singleLineText().safeParse(value)), JSON.stringify(value)).toMatch(
				/control characters/,
			)
			expect(firstMessage(multiLineText().safeParse(value)), JSON.stringify(value)).toMatch(
				/control characters/,
			)
		}
	})

	test('line breaks and tabs are text where answers span lines, and nowhere else', () => {
		expect(multiLineText().parse('first line\r\nsecond\tline')).toBe('first line\r\nsecond\tline')
		expect(singleLineText().safeParse('first\nsecond').success).toBe(false)
		expect(singleLineText().safeParse('tab\there').success).toBe(false)
	})

	test('unicode, quotes and formula-like text are ordinary text', () => {
		for (const value of [
			'Medicaré “T-MSIS” — 北京 🙂',
			'=HYPERLINK("x")',
			"O'Brien",
			'<script>alert(1)</script>',
		]) {
			expect(singleLineText().parse(value)).toBe(value)
		}
	})

	test('a web address with a control character is refused, though a URL parser would accept it', () => {
		expect(webAddress().safeParse('https://example.com/a\u0000b').success).toBe(false)
		expect(webAddress().parse('https://example.com/a%00b')).toBe('https://example.com/a%00b')
	})
})

describe('numbers and dates', () => {
	test('a version or revision past PostgreSQL’s integer is refused, not sent to the database', () => {
		expect(lockCounter().safeParse(String(INT4_MAX)).success).toBe(true)
		for (const value of ['2147483648', '1e20', 'Infinity', '-1', '0', '1.5', 'NaN', 'abc']) {
			expect(lockCounter().safeParse(value).success, value).toBe(false)
		}
	})

	test('dates outside 1900–2199 and impossible dates are refused', () => {
		expect(isoDay().parse('2026-04-03')).toBe('2026-04-03')
		for (const value of [
			'0000-01-01',
			'1899-12-31',
			'2200-01-01',
			'9999-12-31',
			'2026-02-30',
			'2026-13-01',
			'26-04-03',
		]) {
			expect(isoDay().safeParse(value).success, value).toBe(false)
		}
	})
})

describe('route ids', () => {
	test('a route id is letters, digits, dashes and underscores', () => {
		const Params = idParams('useCaseId', 'laneReviewId')
		expect(Params.parse({ useCaseId: 'cmabc123def456', laneReviewId: 'demo-lane_1' })).toEqual({
			useCaseId: 'cmabc123def456',
			laneReviewId: 'demo-lane_1',
		})
		for (const value of ['a\u0000', '../etc', 'a b', '', 'x'.repeat(65), '%00']) {
			const result = Params.safeParse({ useCaseId: value, laneReviewId: 'ok' })
			expect(result.success, value).toBe(false)
			expect(firstMessage(result)).toMatch(/use case id/)
		}
	})
})

describe('the app’s schemas use them', () => {
	test('NUL bytes in searches, filters and form fields are refused', () => {
		expect(AuditQuerySchema.safeParse({ actor: '\u0000' }).success).toBe(false)
		expect(AuditQuerySchema.safeParse({ entityId: '\u0000' }).success).toBe(false)
		expect(InventoryQuerySchema.safeParse({ q: 'a\u0000' }).success).toBe(false)
		expect(InventoryQuerySchema.safeParse({ vendor: ['\u0000'] }).success).toBe(false)
		expect(UseCaseListQuerySchema.safeParse({ q: '\u0000' }).success).toBe(false)
		expect(DatasetListQuerySchema.safeParse({ q: '\u0000' }).success).toBe(false)
		expect(
			DatasetFormSchema.safeParse({
				name: 'Claims\u0000',
				description: 'x'.repeat(30),
				category: 'MEDICARE_CLAIMS',
				orgUnitId: 'a',
			}).success,
		).toBe(false)
		expect(
			UseCaseFormSchema.safeParse({
				version: '1',
				name: 'A name',
				orgUnitId: 'a',
				problemSolved: 'why\u0000',
			}).success,
		).toBe(false)
	})

	test('huge versions and odd dates in the app’s forms are refused', () => {
		expect(
			UseCaseFormSchema.safeParse({ version: '2147483648', name: 'A name', orgUnitId: 'a' })
				.success,
		).toBe(false)
		expect(
			UseCaseFormSchema.safeParse({
				version: '1',
				name: 'A name',
				orgUnitId: 'a',
				operationalDate: '0000-01-01',
			}).success,
		).toBe(false)
		expect(AuditQuerySchema.safeParse({ from: '0000-01-01' }).success).toBe(false)
	})

	test('the intake form takes a date as people write it and keeps it as ISO 8601, as precise as given', () => {
		const dateOf = (operationalDate: string) => {
			const result = UseCaseFormSchema.shape.operationalDate.safeParse(operationalDate)
			return result.success ? result.data : firstMessage(result)
		}
		expect(dateOf('7/14/2025')).toBe('2025-07-14')
		expect(dateOf(' 07/14/2025 ')).toBe('2025-07-14')
		expect(dateOf('July 2025')).toBe('2025-07')
		expect(dateOf('7/2025')).toBe('2025-07')
		expect(dateOf('2025-07-14')).toBe('2025-07-14')
		expect(dateOf('2025')).toBe('2025')
		// A day that does not exist, or a European order, is not guessed at.
		expect(dateOf('14/07/2025')).toMatch(/^Use a date such as 7\/14\/2025/)
		expect(dateOf('2/30/2025')).toMatch(/^Use a date such as/)
	})
})
