import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)

// The layer rules live in .dependency-cruiser.cjs (and docs/architecture.md explains them).
test('the code keeps its layers: no import cycles (dynamic imports included), nothing imports upwards', async () => {
	const outcome = await run(
		'node_modules/.bin/depcruise',
		['app', 'server', 'prisma', 'scripts', 'tests', 'e2e', '--output-type', 'err'],
		{
			maxBuffer: 16 * 1024 * 1024,
		},
	).then(
		(result) => ({ failed: false, output: result.stdout }),
		(error: { stdout?: string; stderr?: string }) => ({
			failed: true,
			output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
		}),
	)
	expect(outcome.output).toContain('no dependency violations found')
	expect(outcome.failed).toBe(false)
})
