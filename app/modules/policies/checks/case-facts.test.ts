import { expect, test } from 'vitest'
import { addDays, addMonths, isoDay, isPastDeadline, listPhrase } from './case-facts.ts'

test('month arithmetic clamps to the end of shorter months', () => {
	expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
	expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
	expect(addMonths('2025-06-01', 12)).toBe('2026-06-01')
	expect(addDays('2026-02-01', 30)).toBe('2026-03-03')
})

test('the deadline is measured in UTC days and the day itself is on time', () => {
	expect(isPastDeadline(new Date('2026-04-03T23:59:59Z'))).toBe(false)
	expect(isPastDeadline(new Date('2026-04-04T00:00:00Z'))).toBe(true)
})

test('isoDay follows a Date that is changed in place', () => {
	const date = new Date('2026-01-01T00:00:00Z')
	expect(isoDay(date)).toBe('2026-01-01')
	date.setUTCDate(5)
	expect(isoDay(date)).toBe('2026-01-05')
})

test('lists read as prose', () => {
	expect(listPhrase(['a'])).toBe('a')
	expect(listPhrase(['a', 'b', 'c'])).toBe('a, b and c')
	expect(listPhrase([])).toBe('')
})
