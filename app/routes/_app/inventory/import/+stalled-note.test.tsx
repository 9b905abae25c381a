// @vitest-environment happy-dom
// A running import that stops moving says what happens next; one that moves says nothing.
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { STALLED_AFTER_MS, StalledImportNote } from './+stalled-note.tsx'

afterEach(() => {
	cleanup()
	vi.useRealTimers()
})

const note = () => screen.queryByText(/^No row has been imported for 20 seconds\./)

test('a count that stands still for 20 seconds says the import resumes by itself, and from which row', () => {
	vi.useFakeTimers()
	const { rerender } = render(<StalledImportNote processed={120} />)
	act(() => vi.advanceTimersByTime(STALLED_AFTER_MS - 1))
	expect(note()).toBeNull()
	act(() => vi.advanceTimersByTime(1))
	expect(note()?.textContent).toMatch(/picks up by itself from row 121 within a minute/)

	// Rows imported again: the note goes until the count stands still once more.
	rerender(<StalledImportNote processed={180} />)
	expect(note()).toBeNull()
	act(() => vi.advanceTimersByTime(STALLED_AFTER_MS - 1000))
	rerender(<StalledImportNote processed={240} />)
	act(() => vi.advanceTimersByTime(STALLED_AFTER_MS - 1000))
	expect(note()).toBeNull()
	act(() => vi.advanceTimersByTime(1000))
	expect(note()?.textContent).toMatch(/from row 241/)
})
