import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { callCentreSummariser, deployedEligibilityModel } from '#app/modules/policies/cms-example-cases.ts'

const run = promisify(execFile)
let directory = ''

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'evaluate-cli-'))
})
afterAll(async () => {
	await rm(directory, { recursive: true, force: true })
})

async function file(name: string, content: string) {
	const target = path.join(directory, name)
	await writeFile(target, content)
	return target
}

/** Runs the script as `npm run evaluate` does (tsx), returning exit code and both streams. */
async function evaluate(...args: Array<string>) {
	try {
		const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/evaluate.ts', ...args], { cwd: process.cwd() })
		return { code: 0, stdout, stderr }
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string }
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
	}
}

test('a valid case, run through `npm run --silent evaluate`, prints the evaluation as JSON and exits 0', async () => {
	const input = await file('call-centre.json', JSON.stringify(callCentreSummariser()))
	const { stdout } = await run('npm', ['run', '--silent', 'evaluate', '--', input, '--as-of', '2026-05-01'], { cwd: process.cwd() })
	const output = JSON.parse(stdout)
	expect(output).toMatchObject({ packVersion: '2026.1', asOf: '2026-05-01', presumedHighImpact: false, presumedCategories: [] })
	expect(output.requiredLanes).toEqual(['PRIVACY', 'SECURITY', 'DATA_GOVERNANCE'])
	const baa = output.results.find((r: { checkId: string }) => r.checkId === 'HIPAA-BAA-C1')
	expect(baa).toMatchObject({ clauseIds: ['HIPAA-BAA', 'M2522-PRIVACY'], status: 'FAIL' })
	expect(baa.reason).toContain("'Business associate agreement' is answered 'no'")
})

test('--as-of moves the deadline: a deployed high-impact case with gaps needs attention before 3 Apr 2026 and fails after', async () => {
	const input = await file('eligibility.json', JSON.stringify(deployedEligibilityModel()))
	const statusOn = async (day: string) => {
		const { code, stdout } = await evaluate(input, '--as-of', day)
		expect(code).toBe(0)
		const output = JSON.parse(stdout)
		expect(output.presumedCategories).toEqual(['m'])
		return output.results.find((r: { checkId: string }) => r.checkId === 'M2521-4A-I-C3').status
	}
	expect(await statusOn('2026-03-01')).toBe('NEEDS_ATTENTION')
	expect(await statusOn('2026-04-04')).toBe('FAIL')
})

test('an invalid document exits 2 and names each field path on stderr', async () => {
	const input = await file(
		'invalid.json',
		JSON.stringify({ name: 7, stage: 'Deployed', datasets: [{ name: 'Claims', category: 'MEDICARE_CLAIMS', usage: [] }] }),
	)
	const { code, stdout, stderr } = await evaluate(input)
	expect(code).toBe(2)
	expect(stdout).toBe('')
	expect(stderr).toContain('is not a valid use case document (3 problems)')
	expect(stderr).toMatch(/^ {2}name: /m)
	expect(stderr).toMatch(/^ {2}stage: /m)
	expect(stderr).toContain('  datasets.0.usage: Say how the dataset is used.')
})

test('malformed JSON, a missing file, a bad date or no file all exit 2 with a message', async () => {
	const malformed = await evaluate(await file('malformed.json', '{"name": '))
	expect(malformed.code).toBe(2)
	expect(malformed.stderr).toContain('is not valid JSON')

	const missing = await evaluate(path.join(directory, 'nope.json'))
	expect(missing.code).toBe(2)
	expect(missing.stderr).toContain('Cannot read')

	const badDate = await evaluate(await file('ok.json', JSON.stringify({ name: 'Draft' })), '--as-of', '2026-02-30')
	expect(badDate.code).toBe(2)
	expect(badDate.stderr).toContain("--as-of must be a calendar date written YYYY-MM-DD, got '2026-02-30'")

	const none = await evaluate()
	expect(none.code).toBe(2)
	expect(none.stderr).toContain('Usage: npm run --silent evaluate')
})
