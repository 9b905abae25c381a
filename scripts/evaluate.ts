// Evaluates use cases (datasets inline, the format of docs/use-case-json.md) against a shipped policy
// pack. Run through scripts/evaluate.js, which keeps a compiled copy of this file up to date:
//   npm run --silent evaluate -- case.json [--as-of YYYY-MM-DD] [--pack VERSION]
//   … | npm run --silent evaluate -- [-] [--as-of YYYY-MM-DD]
// A file holding one case prints its evaluation as indented JSON. A file holding an array, or cases
// on standard input (a JSON array, or JSON lines: one case per line), prints one line per case as it
// is evaluated: {"index":0,"name":…,"evaluation":{…}} or {"index":1,"errors":[{"path":…,"message":…}]}.
// Documents are read strictly: an unknown field is an error naming its path.
// Exit codes: 0 every case evaluated; 2 bad arguments, unreadable or malformed input, or an invalid case.
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { type z } from 'zod'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import {
	type PolicyPack,
	shippedPolicyPack,
	shippedReleaseVersions,
} from '#app/modules/policies/policy-pack.ts'
import { StrictUseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'

const USAGE = [
	'Usage: npm run --silent evaluate -- <case.json> [--as-of YYYY-MM-DD] [--pack VERSION]',
	'       <cases> | npm run --silent evaluate -- [-] [--as-of YYYY-MM-DD] [--pack VERSION]',
	'A file holding one case prints its evaluation; an array, or cases on standard input (a JSON array or',
	'one JSON object per line), print one JSON line per case. See docs/use-case-json.md.',
].join('\n')

function fail(lines: Array<string>): never {
	process.stderr.write(`${lines.join('\n')}\n`)
	process.exit(2)
}

type Problem = { path: string; message: string }

/** `datasets.0.usage`, the same path form the app's forms and API errors use; unknown keys get their own path. */
function problemsOf(issues: ReadonlyArray<z.core.$ZodIssue>): Array<Problem> {
	return issues.flatMap((issue) => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => ({
				path: [...issue.path, key].map(String).join('.'),
				message: 'unknown field (see docs/use-case-json.md)',
			}))
		}
		return [
			{
				path: issue.path.length === 0 ? '(document)' : issue.path.map(String).join('.'),
				message: issue.message,
			},
		]
	})
}

function parseAsOf(value: string | undefined): Date {
	if (value === undefined) return new Date()
	const date = new Date(`${value}T00:00:00Z`)
	if (
		!/^\d{4}-\d{2}-\d{2}$/.test(value) ||
		Number.isNaN(date.getTime()) ||
		date.toISOString().slice(0, 10) !== value
	) {
		fail([`--as-of must be a calendar date written YYYY-MM-DD, got '${value}'.`, USAGE])
	}
	return date
}

function choosePack(version: string | undefined): PolicyPack {
	if (version === undefined) return shippedPolicyPack()
	if (!shippedReleaseVersions().includes(version)) {
		fail([
			`--pack must name a shipped release (${shippedReleaseVersions().join(', ')}), got '${version}'.`,
			USAGE,
		])
	}
	return shippedPolicyPack(version)
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
	throw error
})

const options = { 'as-of': { type: 'string' }, pack: { type: 'string' } } as const
let args: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>
try {
	args = parseArgs({ options, allowPositionals: true })
} catch (error) {
	fail([error instanceof Error ? error.message : String(error), USAGE])
}
const [file, ...extra] = args.positionals
if (extra.length > 0 || (file === undefined && process.stdin.isTTY)) fail([USAGE])
const asOf = parseAsOf(args.values['as-of'])
const pack = choosePack(args.values.pack)

let invalid = 0

/** Writes one line, waiting when the reader is slower than the evaluation. */
async function writeLine(value: unknown) {
	if (!process.stdout.write(`${JSON.stringify(value)}\n`)) await once(process.stdout, 'drain')
}

async function evaluateOne(index: number, input: unknown) {
	const parsed = StrictUseCaseDocumentSchema.safeParse(input)
	if (!parsed.success) {
		invalid++
		const errors = problemsOf(parsed.error.issues)
		process.stderr.write(
			errors.map((problem) => `case ${index}: ${problem.path}: ${problem.message}\n`).join(''),
		)
		await writeLine({ index, errors })
		return
	}
	await writeLine({
		index,
		name: parsed.data.name,
		evaluation: evaluateUseCase(parsed.data, { pack, asOf }),
	})
}

async function evaluateMany(cases: ReadonlyArray<unknown>) {
	for (let index = 0; index < cases.length; index++) await evaluateOne(index, cases[index])
}

function parseJson(text: string, source: string): unknown {
	try {
		return JSON.parse(text)
	} catch (error) {
		fail([`${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`])
	}
}

async function fromFile(path: string) {
	let text: string
	try {
		text = await readFile(path, 'utf8')
	} catch (error) {
		fail([`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`])
	}
	const json = parseJson(text, path)
	if (Array.isArray(json)) return evaluateMany(json)
	const parsed = StrictUseCaseDocumentSchema.safeParse(json)
	if (!parsed.success) {
		const problems = problemsOf(parsed.error.issues)
		fail([
			`${path} is not a valid use case document (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
			...problems.map((problem) => `  ${problem.path}: ${problem.message}`),
		])
	}
	process.stdout.write(`${JSON.stringify(evaluateUseCase(parsed.data, { pack, asOf }), null, 2)}\n`)
}

/**
 * Standard input: a JSON array (read whole, then evaluated case by case), or JSON lines evaluated as
 * each line arrives. Input whose first line is not a whole JSON value is read whole as one value.
 */
async function fromStdin() {
	const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
	let mode: 'undecided' | 'lines' | 'whole' = 'undecided'
	let buffered = ''
	let index = 0
	for await (const line of lines) {
		if (mode === 'whole') {
			buffered += `${line}\n`
			continue
		}
		const trimmed = line.trim()
		if (trimmed === '') continue
		if (mode === 'undecided') {
			let value: unknown
			try {
				value = JSON.parse(trimmed)
			} catch {
				mode = 'whole'
				buffered = `${line}\n`
				continue
			}
			mode = 'lines'
			if (Array.isArray(value)) {
				mode = 'whole'
				buffered = `${line}\n`
				continue
			}
			await evaluateOne(index++, value)
			continue
		}
		let value: unknown
		try {
			value = JSON.parse(trimmed)
		} catch (error) {
			invalid++
			const message = `line ${index + 1} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`
			process.stderr.write(`case ${index}: ${message}\n`)
			await writeLine({ index: index++, errors: [{ path: '(document)', message }] })
			continue
		}
		await evaluateOne(index++, value)
	}
	if (mode === 'whole') {
		const json = parseJson(buffered, 'Standard input')
		await evaluateMany(Array.isArray(json) ? json : [json])
	} else if (mode === 'undecided') {
		fail(['Standard input holds no use case.', USAGE])
	}
}

await (file === undefined || file === '-' ? fromStdin() : fromFile(file))
if (invalid > 0) {
	process.stderr.write(
		`${invalid} case${invalid === 1 ? ' is' : 's are'} not valid use case documents.\n`,
	)
	process.exitCode = 2
}
