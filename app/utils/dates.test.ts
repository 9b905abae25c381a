import { expect, test } from 'vitest'
import {
	formatDateTime,
	formatDay,
	formatMomentDay,
	formatPartialDate,
	formatTime,
} from './dates.ts'

// 2026-12-07 03:04:05 UTC is still Dec 6 in Washington (EST, UTC−5); 2026-07-01 16:00 UTC is noon EDT.
const lateEvening = '2026-12-07T03:04:05.000Z'

test('a moment reads in Eastern time, labelled ET, summer or winter', () => {
	expect(formatDateTime(lateEvening)).toBe('Dec 6, 2026, 10:04 PM ET')
	expect(formatDateTime(new Date('2026-07-01T16:00:00Z'))).toBe('Jul 1, 2026, 12:00 PM ET')
	expect(formatTime(lateEvening)).toBe('10:04 PM ET')
	expect(formatMomentDay(lateEvening)).toBe('Dec 6, 2026')
})

test('an audit trail’s moment keeps its seconds', () => {
	expect(formatDateTime(lateEvening, { seconds: true })).toBe('Dec 6, 2026, 10:04:05 PM ET')
})

test('a calendar day is the day written, whatever the time zone', () => {
	expect(formatDay('2026-12-07')).toBe('Dec 7, 2026')
	expect(formatDay(new Date('2026-12-07T00:00:00Z'))).toBe('Dec 7, 2026')
	expect(formatPartialDate('2025-07')).toBe('Jul 2025')
	expect(formatPartialDate('2025')).toBe('2025')
	expect(formatPartialDate('Q1 FY2025')).toBe('Q1 FY2025')
})
