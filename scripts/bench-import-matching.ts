// Times how an import finds the case each row is: `npm run bench:import-matching`. 12,000 cases
// whose names all share three words ("Medicare program integrity …", the worst case for the word
// index: every row is compared with every case) and a file of 2,000 new rows, parsed and matched
// as the preview does, without the database. BENCH_CASES and BENCH_ROWS change the sizes.
// The last line is machine-read: rows=<n> cases=<n> match_s=<n> candidates=<n>.
import { performance } from 'node:perf_hooks'
import { stringify } from 'csv-stringify/sync'
import {
	type CaseRef,
	createMatcher,
	type OrgUnitRef,
	parseOmbCsv,
} from '#app/modules/omb-exchange/import-rows.ts'

const CASES = Number(process.env.BENCH_CASES ?? 12_000)
const ROWS = Number(process.env.BENCH_ROWS ?? 2_000)
const topics = [
	'claims',
	'enrollment',
	'fraud',
	'eligibility',
	'appeals',
	'coding',
	'provider',
	'drug',
	'audit',
	'quality',
]
const topic = (i: number) => topics[i % topics.length]!

const orgUnits: Array<OrgUnitRef> = ['HHS/CMS', 'HHS/CMS/CPI'].map((code) => ({
	id: `ou-${code}`,
	code,
	shortName: code.split('/').at(-1)!,
}))
const cases: Array<CaseRef> = Array.from({ length: CASES }, (_, i) => ({
	id: `case-${i}`,
	trackingId: `AI-2026-${String(i).padStart(5, '0')}`,
	version: 1,
	name: `Medicare program integrity ${topic(i)} review ${i} ${topic(i * 7)}`,
	orgUnitCode: 'HHS/CMS/CPI',
	importKey: `HHS/CMS/CPI:case ${i}`,
	problemSolved: `Reviewers spend hours on ${topic(i)} records for case ${i}`,
	vendorNames: i % 3 ? [] : ['Acme Corp'],
}))
const file = stringify(
	Array.from({ length: ROWS }, (_, r) => ({
		agency: 'HHS',
		agency_bureau: 'CMS/CPI',
		use_case_name: `Medicare program integrity ${topic(r)} study ${r + 50_000}`,
		problem_solved: `Staff spend hours on ${topic(r)} records`,
		vendor_name: 'ACME corp.',
	})),
	{ header: true },
)

const started = performance.now()
const parsed = parseOmbCsv(file, { agency: 'HHS' })
const parsedAt = performance.now()
const matcher = createMatcher({ orgUnits, cases })
let candidates = 0
for (const row of parsed.rows) if (matcher.match(row).candidate) candidates++
const finished = performance.now()

console.log(`parse: ${((parsedAt - started) / 1000).toFixed(2)} s for ${parsed.rows.length} rows`)
console.log(
	`index and match: ${((finished - parsedAt) / 1000).toFixed(2)} s against ${CASES} cases`,
)
console.log(
	`rows=${parsed.rows.length} cases=${CASES} match_s=${((finished - started) / 1000).toFixed(2)} candidates=${candidates}`,
)
