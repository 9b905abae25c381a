import { expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import {
	determinationTracked,
	highImpactPresumption,
	presumedHighImpactCategories,
	presumedNotHighImpactJustification,
	principalBasisConfirmation,
	treatedAsHighImpact,
} from './high-impact.ts'
import { type CheckContext } from './check-types.ts'

const ctx: CheckContext = { asOf: new Date('2026-05-01T00:00:00Z') }

test('each §6 decision maps to its letter only when the output is a principal basis or fully automated', () => {
	const decisions = [
		'ELIGIBILITY_ENROLLMENT',
		'COVERAGE_PAYMENT',
		'CARE_DIAGNOSIS_TREATMENT',
		'EMPLOYMENT',
		'BINDING_TRANSLATION',
	] as const
	expect(
		presumedHighImpactCategories(
			baseCase({ decisionRole: 'PRINCIPAL_BASIS', informedDecisions: [...decisions] }),
			ctx,
		),
	).toEqual(['f', 'm', 'n', 'o'])
	expect(
		presumedHighImpactCategories(
			baseCase({ decisionRole: 'FULLY_AUTOMATED', informedDecisions: ['IDENTITY_ACCESS'] }),
			ctx,
		),
	).toEqual(['m'])
	expect(
		presumedHighImpactCategories(
			baseCase({ decisionRole: 'ASSISTIVE', informedDecisions: ['COVERAGE_PAYMENT'] }),
			ctx,
		),
	).toEqual([])
	expect(
		presumedHighImpactCategories(
			baseCase({ decisionRole: 'PRINCIPAL_BASIS', informedDecisions: ['NONE'] }),
			ctx,
		),
	).toEqual([])
})

test('an unanswered decision role leaves the presumption open', () => {
	const outcome = highImpactPresumption(baseCase({ decisionRole: undefined }), ctx)
	expect(outcome.status).toBe('NEEDS_ATTENTION')
	expect(outcome.reason).toContain('Role in decisions: not answered;')
})

test('a presumed case with no determination needs the governance lead, citing the letter', () => {
	const doc = baseCase({
		decisionRole: 'PRINCIPAL_BASIS',
		informedDecisions: ['COVERAGE_PAYMENT'],
		highImpact: {},
	})
	const outcome = highImpactPresumption(doc, ctx)
	expect(outcome).toMatchObject({ status: 'NEEDS_ATTENTION', citedClauses: ['M2521-6F'] })
	expect(outcome.reason).toBe(
		'Role in decisions: Principal basis for a decision or action; Decisions it informs: Coverage or payment. It is therefore presumed high-impact under §6(f) healthcare; no high-impact determination is recorded.',
	)
	expect(treatedAsHighImpact(doc, ctx)).toBe(true)
})

test('presumed but determined plain "not high-impact" fails', () => {
	const doc = baseCase({
		decisionRole: 'FULLY_AUTOMATED',
		informedDecisions: ['ELIGIBILITY_ENROLLMENT'],
	})
	const outcome = highImpactPresumption(doc, ctx)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.reason).toContain('but High-impact determination: Not high-impact.')
	expect(treatedAsHighImpact(doc, ctx)).toBe(true)
})

test('"presumed but not high-impact" fails without a written justification and passes with one, its author and date', () => {
	const presumed = {
		decisionRole: 'PRINCIPAL_BASIS' as const,
		informedDecisions: ['FRAUD_IMPROPER_PAYMENT' as const],
	}
	const missing = baseCase({
		...presumed,
		highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT' },
	})
	expect(presumedNotHighImpactJustification(missing, ctx)).toMatchObject({
		status: 'FAIL',
		drivingFields: ['highImpact.determination', 'highImpact.justification'],
	})
	expect(highImpactPresumption(missing, ctx).status).toBe('PASS')
	// Without its justification the departure does not count, so the practices still bind.
	expect(treatedAsHighImpact(missing, ctx)).toBe(true)

	const terse = baseCase({
		...presumed,
		highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT', justification: 'Low risk.' },
	})
	expect(presumedNotHighImpactJustification(terse, ctx).status).toBe('NEEDS_ATTENTION')

	const unsigned = baseCase({
		...presumed,
		highImpact: {
			determination: 'PRESUMED_NOT_HIGH_IMPACT',
			justification:
				'Flags only open a manual investigation; no payment action follows from the score alone.',
		},
	})
	expect(presumedNotHighImpactJustification(unsigned, ctx).reason).toContain('who made it')

	const complete = baseCase({
		...presumed,
		highImpact: {
			...unsigned.highImpact,
			determinedBy: 'Avery Chen, CAIO office',
			determinedOn: '2026-01-05',
		},
	})
	expect(presumedNotHighImpactJustification(complete, ctx)).toMatchObject({ status: 'PASS' })
	expect(presumedNotHighImpactJustification(complete, ctx).reason).toContain(
		'Avery Chen, CAIO office on 2026-01-05',
	)
	expect(treatedAsHighImpact(complete, ctx)).toBe(false)
})

test('the justification check does not apply to other determinations', () => {
	expect(presumedNotHighImpactJustification(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('an assistive role on §6 decisions must record why it is not a principal basis and be confirmed', () => {
	const assistive = {
		decisionRole: 'ASSISTIVE' as const,
		informedDecisions: ['COVERAGE_PAYMENT' as const],
	}
	const noRationale = principalBasisConfirmation(baseCase(assistive), ctx)
	expect(noRationale.status).toBe('NEEDS_ATTENTION')
	expect(noRationale.reason).toContain(
		'Role in decisions: Assists a person who decides; Decisions it informs: Coverage or payment.',
	)
	expect(noRationale.reason).toContain('one input among several')

	const unconfirmed = baseCase({
		...assistive,
		highImpact: {
			principalBasisRationale:
				'Medical reviewers read the full record; the score only orders their queue.',
		},
	})
	expect(principalBasisConfirmation(unconfirmed, ctx).reason).toContain('not yet been confirmed')

	const confirmed = baseCase({
		...assistive,
		highImpact: {
			determination: 'NOT_HIGH_IMPACT',
			determinedBy: 'Avery Chen, CAIO office',
			principalBasisRationale:
				'Medical reviewers read the full record; the score only orders their queue.',
		},
	})
	expect(principalBasisConfirmation(confirmed, ctx).status).toBe('PASS')
})

test('a fully automated decision needs confirmation but no separate rationale', () => {
	const doc = baseCase({
		decisionRole: 'FULLY_AUTOMATED',
		informedDecisions: ['IDENTITY_ACCESS'],
		highImpact: { determination: 'HIGH_IMPACT', determinedBy: 'Avery Chen' },
	})
	expect(principalBasisConfirmation(doc, ctx).status).toBe('PASS')
})

test('no principal-basis question arises without a §6 decision', () => {
	expect(
		principalBasisConfirmation(
			baseCase({ decisionRole: 'ASSISTIVE', informedDecisions: ['NONE'] }),
			ctx,
		).status,
	).toBe('NOT_APPLICABLE')
})

test('a retired case has no decision left whose principal basis needs confirming', () => {
	const retired = baseCase({
		stage: 'RETIRED',
		decisionRole: 'ASSISTIVE',
		informedDecisions: ['FRAUD_IMPROPER_PAYMENT'],
		affectedParties: ['PROVIDERS'],
	})
	expect(principalBasisConfirmation(retired, ctx).status).toBe('NOT_APPLICABLE')
	expect(principalBasisConfirmation({ ...retired, stage: 'DEPLOYED' }, ctx).status).toBe(
		'NEEDS_ATTENTION',
	)
})

test('M2521-4A-C4: a high-impact determination is tracked with the official who made it and the date', () => {
	const tracked = baseCase({
		highImpact: {
			determination: 'HIGH_IMPACT',
			determinedBy: 'Avery Chen, CAIO office',
			determinedOn: '2026-01-05',
		},
	})
	expect(determinationTracked(tracked, ctx)).toMatchObject({
		status: 'PASS',
		reason: 'The case was determined high-impact by Avery Chen, CAIO office on 2026-01-05.',
	})
	const untracked = determinationTracked(
		baseCase({ highImpact: { determination: 'HIGH_IMPACT' } }),
		ctx,
	)
	expect(untracked.status).toBe('NEEDS_ATTENTION')
	expect(untracked.reason).toContain('who made it and when are not recorded')
	expect(untracked.drivingFields).toEqual([
		'highImpact.determination',
		'highImpact.determinedBy',
		'highImpact.determinedOn',
	])
	const undated = determinationTracked(
		baseCase({ highImpact: { determination: 'HIGH_IMPACT', determinedBy: 'Avery Chen' } }),
		ctx,
	)
	expect(undated.reason).toContain('but when it was made is not recorded')
	// A departure is tracked with its justification (M2521-4A-C3); no determination is another check's.
	for (const determination of ['PRESUMED_NOT_HIGH_IMPACT', 'NOT_HIGH_IMPACT', undefined] as const) {
		expect(determinationTracked(baseCase({ highImpact: { determination } }), ctx).status).toBe(
			'NOT_APPLICABLE',
		)
	}
	expect(
		determinationTracked(
			baseCase({ stage: 'RETIRED', highImpact: { determination: 'HIGH_IMPACT' } }),
			ctx,
		).status,
	).toBe('NOT_APPLICABLE')
})

test('pack 2026.5: a coverage or payment decision about beneficiaries is presumed under §6(m) as well as §6(f)', () => {
	// A beneficiary claim-denial model: it adjudicates the benefit (§6(m)) and controls costs (§6(f)).
	const claimDenial = baseCase({
		decisionRole: 'PRINCIPAL_BASIS',
		informedDecisions: ['COVERAGE_PAYMENT'],
		affectedParties: ['BENEFICIARIES', 'PROVIDERS'],
	})
	expect(presumedHighImpactCategories(claimDenial, { release: '2026.5' })).toEqual(['f', 'm'])
	expect(presumedHighImpactCategories(claimDenial, {})).toEqual(['f', 'm'])
	const outcome = highImpactPresumption(claimDenial, { ...ctx, release: '2026.5' })
	expect(outcome.citedClauses).toEqual(['M2521-6F', 'M2521-6M'])
	// Paying providers or plans adjudicates no individual's benefit: §6(f) alone.
	const providerPayment = baseCase({
		decisionRole: 'PRINCIPAL_BASIS',
		informedDecisions: ['COVERAGE_PAYMENT'],
		affectedParties: ['PROVIDERS'],
	})
	expect(presumedHighImpactCategories(providerPayment, { release: '2026.5' })).toEqual(['f'])
	// Cases judged under 2026.4 or earlier keep §6(f) alone.
	expect(presumedHighImpactCategories(claimDenial, { release: '2026.4' })).toEqual(['f'])
	expect(highImpactPresumption(claimDenial, { ...ctx, release: '2026.4' }).citedClauses).toEqual([
		'M2521-6F',
	])
})
