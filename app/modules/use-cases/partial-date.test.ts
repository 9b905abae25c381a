import { expect, test } from 'vitest'
import { isPartialDate, readPartialDate } from './partial-date.ts'

// A day when the file gives one (a time after it adds nothing), else the month or the year: never an invented day.
test.each([
	['2025-07-01', '2025-07-01'],
	['2025-09-08 00:00:00', '2025-09-08'],
	['2025-09-08T00:00:00Z', '2025-09-08'],
	['7/1/2025', '2025-07-01'],
	['02/02/26', '2026-02-02'],
	['01/01/2018 00:00:00', '2018-01-01'],
	['3/4/2024 0:00', '2024-03-04'],
	['6/15/2022 12:00:00 AM', '2022-06-15'],
	['6/15/2022 3:30 PM', '2022-06-15'],
	['Jul-25', '2025-07'],
	['Oct-2023', '2023-10'],
	['Sept 2024', '2024-09'],
	['7/2025', '2025-07'],
	['2025-07', '2025-07'],
	['2021', '2021'],
	['2021.0', '2021'],
	['2025-02-30', null],
	['13/2025', null],
	['Q1 FY2025', null],
	['FY2024 Q3', null],
	['Ongoing', null],
])('“%s” → %s', (text, iso) => {
	expect(readPartialDate(text)).toBe(iso)
})

test('a stored date is ISO 8601 in one of its reduced forms, within the years the app allows', () => {
	for (const stored of ['2025', '2025-07', '2025-07-14']) expect(isPartialDate(stored)).toBe(true)
	for (const other of ['7/14/2025', '2025-7', '2025-02-30', '0000', '2200-01-01', ''])
		expect(isPartialDate(other)).toBe(false)
})
