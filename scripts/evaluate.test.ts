import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	callCentreSummariser,
	deployedEligibilityModel,
} from '#tests/fixtures/cms-example-cases.ts'
import { shippedReleaseVersions } from '#app/modules/policies/policy-pack.ts'

const run = promisify(execFile)
const newestRelease = shippedReleaseVersions().at(-1)
let directory = ''

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'evaluate-cli-'))
	// Compiles the entry point once, if it is stale, before the tests time anything.
	await run(
		process.execPath,
		['scripts/evaluate.js', 'docs/examples/call-centre-summariser.json'],
		{ cwd: process.cwd() },
	)
}, 120_000)
afterAll(async () => {
	await rm(directory, { recursive: true, force: true })
})

async function file(name: string, content: string) {
	const target = path.join(directory, name)
	await writeFile(target, content)
	return target
}

/** Runs the command as `npm run evaluate` does (the compiled entry point), returning exit code and both streams. */
async function evaluate(...args: Array<string>) {
	try {
		const { stdout, stderr } = await run(process.execPath, ['scripts/evaluate.js', ...args], {
			cwd: process.cwd(),
			maxBuffer: 64 * 1024 * 1024,
		})
		return { code: 0, stdout, stderr }
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string }
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
	}
}

/** Runs the command with `input` on standard input; `onLine` sees each output line as it arrives. */
function evaluateStdin(
	args: Array<string>,
	input: (stdin: NodeJS.WritableStream) => Promise<void>,
	onLine: (line: string) => void = () => {},
) {
	return new Promise<{ code: number | null; lines: Array<string>; stderr: string }>(
		(resolve, reject) => {
			const child = spawn(process.execPath, ['scripts/evaluate.js', ...args], {
				cwd: process.cwd(),
			})
			const lines: Array<string> = []
			let pending = ''
			let stderr = ''
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
				pending += chunk
				let newline: number
				while ((newline = pending.indexOf('\n')) >= 0) {
					const line = pending.slice(0, newline)
					pending = pending.slice(newline + 1)
					lines.push(line)
					onLine(line)
				}
			})
			child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
			child.on('error', reject)
			child.on('close', (code) => resolve({ code, lines, stderr }))
			input(child.stdin).then(() => child.stdin.end(), reject)
		},
	)
}

test('a valid case, run through `npm run --silent evaluate`, prints the evaluation as JSON and exits 0', async () => {
	const input = await file('call-centre.json', JSON.stringify(callCentreSummariser()))
	const { stdout } = await run(
		'npm',
		['run', '--silent', 'evaluate', '--', input, '--as-of', '2026-05-01'],
		{ cwd: process.cwd() },
	)
	const output = JSON.parse(stdout)
	expect(output).toMatchObject({
		packVersion: newestRelease,
		asOf: '2026-05-01',
		presumedHighImpact: false,
		presumedCategories: [],
	})
	expect(output.requiredLanes).toEqual(['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE'])
	const baa = output.results.find((r: { checkId: string }) => r.checkId === 'HIPAA-BAA-C1')
	expect(baa).toMatchObject({ clauseIds: ['HIPAA-BAA', 'M2522-PRIVACY'], status: 'FAIL' })
	expect(baa.reason).toContain('Business associate agreement: No.')
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
		JSON.stringify({
			name: 7,
			stage: 'Deployed',
			datasets: [{ name: 'Claims', category: 'MEDICARE_CLAIMS', usage: [] }],
		}),
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

	const badDate = await evaluate(
		await file('ok.json', JSON.stringify({ name: 'Draft' })),
		'--as-of',
		'2026-02-30',
	)
	expect(badDate.code).toBe(2)
	expect(badDate.stderr).toContain(
		"--as-of must be a calendar date written YYYY-MM-DD, got '2026-02-30'",
	)

	const none = await evaluateStdin([], async () => {})
	expect(none.code).toBe(2)
	expect(none.stderr).toContain('Standard input holds no use case.')
	expect(none.stderr).toContain('Usage: npm run --silent evaluate')

	const extra = await evaluate('a.json', 'b.json')
	expect(extra.code).toBe(2)
	expect(extra.stderr).toContain('Usage: npm run --silent evaluate')
})

test('an unknown field exits 2 and names its path, however deep; nothing is printed on stdout', async () => {
	const input = await file(
		'misspelt.json',
		JSON.stringify({
			...callCentreSummariser(),
			hasAtoo: true,
			safeguards: { fedrampAuthorised: true },
		}),
	)
	const { code, stdout, stderr } = await evaluate(input)
	expect(code).toBe(2)
	expect(stdout).toBe('')
	expect(stderr).toContain('  hasAtoo: unknown field')
	expect(stderr).toContain('  safeguards.fedrampAuthorised: unknown field')
})

test('--pack evaluates against an earlier shipped release; an unknown one exits 2', async () => {
	const input = await file('fraud.json', JSON.stringify(deployedEligibilityModel()))
	const older = await evaluate(input, '--as-of', '2026-05-01', '--pack', '2026.1')
	expect(older.code).toBe(0)
	// 2026.1 routed a presumed case to the CAIO alone; 2026.2 adds the board's representatives.
	expect(JSON.parse(older.stdout)).toMatchObject({
		packVersion: '2026.1',
		requiredLanes: ['DATA_GOVERNANCE', 'CAIO_DETERMINATION'],
	})
	const newer = await evaluate(input, '--as-of', '2026-05-01')
	expect(JSON.parse(newer.stdout).requiredLanes).toEqual([
		'PRIVACY',
		'LEGAL',
		'CIVIL_RIGHTS',
		'DATA_GOVERNANCE',
		'CAIO_DETERMINATION',
	])
	const unknown = await evaluate(input, '--pack', '2019.1')
	expect(unknown.code).toBe(2)
	expect(unknown.stderr).toContain(
		`--pack must name a shipped release (${shippedReleaseVersions().join(', ')}), got '2019.1'`,
	)
})

test('a file holding an array prints one JSON line per case, in order; an invalid case is a line of errors and exit 2', async () => {
	const cases = [
		callCentreSummariser(),
		{ name: 'Misspelt', hasAtoo: true },
		deployedEligibilityModel(),
	]
	const { code, stdout, stderr } = await evaluate(
		await file('batch.json', JSON.stringify(cases)),
		'--as-of',
		'2026-05-01',
	)
	expect(code).toBe(2)
	const lines = stdout
		.trimEnd()
		.split('\n')
		.map((line) => JSON.parse(line))
	expect(lines.map((line) => line.index)).toEqual([0, 1, 2])
	expect(lines[0]).toMatchObject({
		name: '1-800-MEDICARE call summariser',
		evaluation: { packVersion: newestRelease },
	})
	expect(lines[1]).toEqual({
		index: 1,
		errors: [{ path: 'hasAtoo', message: 'unknown field (see docs/use-case-json.md)' }],
	})
	expect(lines[2].evaluation.presumedCategories).toEqual(['m'])
	expect(stderr).toContain('case 1: hasAtoo: unknown field')
})

test('JSON lines on standard input stream: each result is printed before the next case is sent', async () => {
	const first = JSON.stringify(callCentreSummariser())
	const second = JSON.stringify(deployedEligibilityModel())
	let sawFirst: () => void = () => {}
	const firstResult = new Promise<void>((resolve) => (sawFirst = resolve))
	const { code, lines } = await evaluateStdin(
		['--as-of', '2026-05-01'],
		async (stdin) => {
			stdin.write(`${first}\n`)
			// The second case is only sent once the first one's evaluation has come back.
			await firstResult
			stdin.write(`${second}\n\nnot json\n`)
		},
		(line) => {
			if (JSON.parse(line).index === 0) sawFirst()
		},
	)
	expect(code).toBe(2)
	expect(lines.map((line) => JSON.parse(line).index)).toEqual([0, 1, 2])
	expect(JSON.parse(lines[1]!).evaluation.packVersion).toBe(newestRelease)
	expect(JSON.parse(lines[2]!).errors[0].message).toContain('line 3 is not valid JSON')
})

test('a JSON array, or one pretty-printed case, on standard input is read whole', async () => {
	const array = await evaluateStdin(['--as-of', '2026-05-01'], async (stdin) => {
		stdin.write(JSON.stringify([callCentreSummariser(), deployedEligibilityModel()], null, 2))
	})
	expect(array.code).toBe(0)
	expect(array.lines.map((line) => JSON.parse(line).name)).toEqual([
		'1-800-MEDICARE call summariser',
		'Marketplace data-matching inconsistency resolution model',
	])
	const pretty = await evaluateStdin(['-'], async (stdin) => {
		stdin.write(JSON.stringify(callCentreSummariser(), null, 2))
	})
	expect(pretty.code).toBe(0)
	expect(pretty.lines).toHaveLength(1)
	expect(JSON.parse(pretty.lines[0]!).index).toBe(0)
})
