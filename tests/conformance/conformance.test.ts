// The conformance table, run case by case: each federal reviewer's outcome (presumption and §6
// letters, review lanes, every check's status) must be what the tracker decides.
import { describe, expect, test } from 'vitest'
import { PRESUMED_CATEGORIES } from '#app/modules/policies/checks/high-impact.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { coverage, loadConformanceTable, runCase } from './conformance.ts'

const { cases } = loadConformanceTable()

describe('conformance with federal AI policy', () => {
	test.each(cases.map((entry) => [`${entry.id}: ${entry.title}`, entry] as const))(
		'%s',
		(_name, entry) => {
			expect(runCase(entry).mismatches).toEqual([])
		},
	)
})

test('the table holds at least 80 cases and covers every check and every §6 letter both ways', () => {
	const result = coverage(cases)
	expect(result.cases).toBeGreaterThanOrEqual(80)
	expect(result.checks.uncovered).toEqual([])
	expect(result.checks.covered).toHaveLength(shippedPolicyPack().checks.length)
	expect(result.letters.covered).toEqual([...PRESUMED_CATEGORIES])
})

test('the edge cases the release promises are in the table', () => {
	const titles = cases.map((entry) => `${entry.id} ${entry.title}`).join('\n')
	for (const edge of [
		/retired/i,
		/pre-deployment|before any pilot/i,
		/pilot under a current CAIO certification/,
		/pilot without a certification/,
		/waiver/i,
		/expired waiver/i,
		/revoked waiver/i,
		/withheld/i,
		/common task/i,
		/mixed datasets/i,
	]) {
		expect(titles).toMatch(edge)
	}
})
