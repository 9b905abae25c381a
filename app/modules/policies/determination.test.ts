import { expect, test } from 'vitest'
import {
	departsFromPresumption,
	determinationChoices,
	determinationProblems,
} from './determination.ts'

const rationale =
	'The score only orders a human review queue; no payment or eligibility action follows from it.'

test('agreeing with the presumption needs no rationale', () => {
	expect(
		determinationProblems({
			presumedHighImpact: true,
			presumedCategories: ['m'],
			determination: 'HIGH_IMPACT',
			rationale: undefined,
		}),
	).toEqual({})
	expect(
		determinationProblems({
			presumedHighImpact: false,
			presumedCategories: [],
			determination: 'NOT_HIGH_IMPACT',
			rationale: undefined,
		}),
	).toEqual({})
})

test('a presumed case determined not high-impact needs the written justification OMB asks for', () => {
	const problems = determinationProblems({
		presumedHighImpact: true,
		presumedCategories: ['f', 'm'],
		determination: 'PRESUMED_NOT_HIGH_IMPACT',
		rationale: 'no',
	})
	expect(problems.rationale?.[0]).toMatch(/presumed high-impact under §6\(f\), §6\(m\)/)
	expect(
		determinationProblems({
			presumedHighImpact: true,
			presumedCategories: ['m'],
			determination: 'PRESUMED_NOT_HIGH_IMPACT',
			rationale,
		}),
	).toEqual({})
})

test('a presumed case cannot simply be called "not high-impact"', () => {
	const problems = determinationProblems({
		presumedHighImpact: true,
		presumedCategories: ['m'],
		determination: 'NOT_HIGH_IMPACT',
		rationale,
	})
	expect(problems.determination?.[0]).toMatch(
		/Presumed high-impact, but determined not high impact/,
	)
})

test('calling a case high-impact that the checks did not presume needs a reason too', () => {
	expect(departsFromPresumption({ presumedHighImpact: false, determination: 'HIGH_IMPACT' })).toBe(
		true,
	)
	expect(
		determinationProblems({
			presumedHighImpact: false,
			presumedCategories: [],
			determination: 'HIGH_IMPACT',
			rationale: '',
		}).rationale,
	).toHaveLength(1)
})

test('the form offers a presumed case only the determinations it may record', () => {
	expect(determinationChoices(true)).toEqual(['HIGH_IMPACT', 'PRESUMED_NOT_HIGH_IMPACT'])
	for (const determination of determinationChoices(true)) {
		expect(
			determinationProblems({
				presumedHighImpact: true,
				presumedCategories: ['a'],
				determination,
				rationale: 'x'.repeat(60),
			}),
		).toEqual({})
	}
	expect(determinationChoices(false)).toEqual([
		'HIGH_IMPACT',
		'PRESUMED_NOT_HIGH_IMPACT',
		'NOT_HIGH_IMPACT',
	])
})
