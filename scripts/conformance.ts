// `npm run conformance`: runs the conformance table in tests/conformance/ against the shipped policy
// pack and prints what it covers:
//   cases=… clauses_covered=…/… checks_covered=…/… letters_covered=…/15 ambiguous_readings=…
// then any check or §6 letter without a passing and a failing case, and the pack's clauses no case
// exercises. Exits 1 when a case does not conform.
import {
	coverage,
	coverageReport,
	loadConformanceTable,
	runCase,
} from '#tests/conformance/conformance.ts'

const { cases } = loadConformanceTable()
let failures = 0
for (const entry of cases) {
	const { mismatches } = runCase(entry)
	if (mismatches.length === 0) continue
	failures++
	process.stdout.write(
		`${entry.id} does not conform: ${entry.title}\n${mismatches.map((line) => `  ${line}`).join('\n')}\n`,
	)
}
process.stdout.write(`${coverageReport(coverage(cases)).join('\n')}\n`)
if (failures > 0) {
	process.stdout.write(`${failures} of ${cases.length} cases do not conform.\n`)
	process.exitCode = 1
}
