import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)

// The speed itself is the script's to print, not this test's to judge: a loaded machine must not fail it.
test('bench:checks evaluates 20,000 cases and ends with the machine-read line', async () => {
	const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/bench-checks.ts'], {
		cwd: process.cwd(),
	})
	const lines = stdout.trim().split('\n')
	expect(lines[1]).toMatch(
		/^Evaluated 20000 cases × \d+ checks against pack \d{4}\.\d+ in [\d.]+ ms\.$/,
	)
	const last = lines[lines.length - 1] ?? ''
	expect(last).toMatch(/^checks_ms_per_case=\d+(\.\d+)?$/)
	expect(Number(last.split('=')[1])).toBeGreaterThan(0)
}, 120_000)
