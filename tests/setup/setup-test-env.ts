import { afterEach, beforeEach, vi } from 'vitest'

// A console.error or console.warn in a test is a bug the test did not assert on.
beforeEach(() => {
	for (const level of ['error', 'warn'] as const) {
		vi.spyOn(console, level).mockImplementation((...args: Array<unknown>) => {
			throw new Error(`console.${level} called in a test: ${args.map(String).join(' ')}`)
		})
	}
})

afterEach(() => {
	vi.restoreAllMocks()
})
