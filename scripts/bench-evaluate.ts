// Times the evaluate command as a user runs it: `npm run bench:evaluate`. One case per call (the
// compiled entry point's start-up included), then 1,000 cases in one call as JSON lines on stdin,
// and the same through `npm run`. Cases are the conformance table's documents, repeated. Prints the
// wall times; the last line is machine-read:
//   evaluate_one_ms_median=… evaluate_1000_ms=…
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadConformanceTable } from '#tests/conformance/conformance.ts'

const RUNS = 15
const BATCH = 1_000
const directory = mkdtempSync(path.join(tmpdir(), 'bench-evaluate-'))
const documents = loadConformanceTable().cases.map((entry) => entry.document)
const one = path.join(directory, 'case.json')
writeFileSync(one, JSON.stringify(documents[0]))
const lines = Array.from({ length: BATCH }, (_, i) =>
	JSON.stringify(documents[i % documents.length]),
).join('\n')

function timed(command: string, args: Array<string>, input?: string) {
	const start = performance.now()
	const result = spawnSync(command, args, { input, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' })
	const wall = performance.now() - start
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
	return { wall, output: result.stdout }
}

const median = (values: Array<number>) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const round = (value: number) => Math.round(value * 10) / 10

// The first call compiles the bundle if it is stale; it is not timed.
timed(process.execPath, ['scripts/evaluate.js', one, '--as-of', '2026-05-01'])
const node = process.execPath
const singles = Array.from(
	{ length: RUNS },
	() => timed(node, ['scripts/evaluate.js', one, '--as-of', '2026-05-01']).wall,
)
const batch = timed(node, ['scripts/evaluate.js', '--as-of', '2026-05-01'], lines)
const resultLines = batch.output.trimEnd().split('\n').length
if (resultLines !== BATCH) throw new Error(`expected ${BATCH} result lines, got ${resultLines}`)
const npmSingle = median(
	Array.from(
		{ length: 5 },
		() => timed('npm', ['run', '--silent', 'evaluate', '--', one, '--as-of', '2026-05-01']).wall,
	),
)
rmSync(directory, { recursive: true, force: true })

console.log(
	`One case per call (node scripts/evaluate.js), ${RUNS} calls: median ${round(median(singles))} ms, min ${round(Math.min(...singles))} ms, max ${round(Math.max(...singles))} ms`,
)
console.log(`${BATCH} cases in one call (JSON lines on stdin): ${round(batch.wall)} ms`)
console.log(
	`Through npm run --silent evaluate (npm's own start-up included): median ${round(npmSingle)} ms`,
)
console.log(
	`evaluate_one_ms_median=${round(median(singles))} evaluate_1000_ms=${round(batch.wall)}`,
)
