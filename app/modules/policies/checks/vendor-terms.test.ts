import { expect, test } from 'vitest'
import { baseCase, deployedEligibilityModel } from '#tests/fixtures/cms-example-cases.ts'
import { vendorAiTerms } from './vendor-terms.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }
const vendor = {
	contractingUsage: 'CONTRACT_AND_IN_HOUSE' as const,
	vendorNames: ['Example Federal Services'],
}

test('no vendor, no M-25-22 terms', () => {
	expect(vendorAiTerms(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('a vendor without recorded AI terms needs attention, naming the answers', () => {
	const outcome = vendorAiTerms(baseCase(vendor), ctx)
	expect(outcome.status).toBe('NEEDS_ATTENTION')
	expect(outcome.reason).toContain(
		'it was developed with contractor resources and vendors are named (Example Federal Services)',
	)
	expect(
		vendorAiTerms(baseCase({ ...vendor, safeguards: { vendorAiContractTerms: true } }), ctx).status,
	).toBe('PASS')
})

test('a high-impact case whose contract lacks the terms fails', () => {
	const outcome = vendorAiTerms(
		deployedEligibilityModel({ ...vendor, safeguards: { vendorAiContractTerms: false } }),
		ctx,
	)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.nextStep).toContain('Privacy Act (m)')
})

test('a retired vendor system has no award or option ahead at which to add the terms', () => {
	const retired = baseCase({ ...vendor, stage: 'RETIRED' })
	expect(vendorAiTerms(retired, ctx)).toMatchObject({ status: 'NOT_APPLICABLE', nextStep: null })
	expect(vendorAiTerms({ ...retired, stage: 'DEPLOYED' }, ctx).status).not.toBe('NOT_APPLICABLE')
})

test('pack 2026.5: the high-impact contract terms (M2522-HI) are cited only where the case is or is presumed high-impact', () => {
	const notHighImpact = vendorAiTerms(baseCase(vendor), ctx)
	expect(notHighImpact.citedClauses ?? []).not.toContain('M2522-HI')
	const highImpact = vendorAiTerms(
		deployedEligibilityModel({ ...vendor, safeguards: { vendorAiContractTerms: true } }),
		ctx,
	)
	expect(highImpact.citedClauses).toContain('M2522-HI')
})
