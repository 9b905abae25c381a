// Evaluates one use case (datasets inline, the format of docs/use-case-json.md) against the shipped
// policy pack and prints the evaluation as JSON:
//   npm run --silent evaluate -- case.json [--as-of YYYY-MM-DD]
// Exit codes: 0 evaluated; 2 bad arguments, unreadable or malformed file, or an invalid document.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { type z } from 'zod'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'

const USAGE = 'Usage: npm run --silent evaluate -- <case.json> [--as-of YYYY-MM-DD]'

function fail(lines: Array<string>): never {
	process.stderr.write(`${lines.join('\n')}\n`)
	process.exit(2)
}

/** `datasets.0.usage`, the same path form the app's forms and API errors use. */
function issuePath(path: ReadonlyArray<PropertyKey>): string {
	return path.length === 0 ? '(document)' : path.map(String).join('.')
}

function describeIssues(issues: ReadonlyArray<z.core.$ZodIssue>): Array<string> {
	return issues.map((issue) => `  ${issuePath(issue.path)}: ${issue.message}`)
}

function parseAsOf(value: string | undefined): Date {
	if (value === undefined) return new Date()
	const date = new Date(`${value}T00:00:00Z`)
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
		fail([`--as-of must be a calendar date written YYYY-MM-DD, got '${value}'.`, USAGE])
	}
	return date
}

let args: ReturnType<typeof parseArgs<{ options: { 'as-of': { type: 'string' } }; allowPositionals: true }>>
try {
	args = parseArgs({ options: { 'as-of': { type: 'string' } }, allowPositionals: true })
} catch (error) {
	fail([error instanceof Error ? error.message : String(error), USAGE])
}
const [file, ...extra] = args.positionals
if (file === undefined || extra.length > 0) fail([USAGE])
const asOf = parseAsOf(args.values['as-of'])

let text: string
try {
	text = await readFile(file, 'utf8')
} catch (error) {
	fail([`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`])
}

let json: unknown
try {
	json = JSON.parse(text)
} catch (error) {
	fail([`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`])
}

const parsed = UseCaseDocumentSchema.safeParse(json)
if (!parsed.success) {
	const count = parsed.error.issues.length
	fail([`${file} is not a valid use case document (${count} problem${count === 1 ? '' : 's'}):`, ...describeIssues(parsed.error.issues)])
}

const evaluation = evaluateUseCase(parsed.data, { pack: shippedPolicyPack(), asOf })
process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`)
