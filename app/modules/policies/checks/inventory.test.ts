import { expect, test } from 'vitest'
import { baseCase, caseDocument } from '#tests/fixtures/cms-example-cases.ts'
import { consolidatedCotsReporting, inventoryCompleteness, missionBenefit } from './inventory.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }

test('a complete deployed case passes the inventory check', () => {
	expect(inventoryCompleteness(baseCase(), ctx).status).toBe('PASS')
})

test('missing stage-required fields are named, and deployed needs more than pre-deployment', () => {
	const deployed = inventoryCompleteness(
		baseCase({ hasAto: undefined, atoSystemName: undefined, dataDescription: undefined }),
		ctx,
	)
	expect(deployed.status).toBe('NEEDS_ATTENTION')
	expect(deployed.reason).toContain(
		"For stage 'deployed', 2 required inventory answers are missing or inconsistent: authorization to operate and data description.",
	)
	expect(deployed.drivingFields).toEqual(['stage', 'hasAto', 'dataDescription'])
	const early = inventoryCompleteness(
		baseCase({
			stage: 'PRE_DEPLOYMENT',
			hasAto: undefined,
			dataDescription: undefined,
			operationalDate: undefined,
		}),
		ctx,
	)
	expect(early.status).toBe('PASS')
})

test('a bare draft lists the first missing fields and counts the rest', () => {
	const outcome = inventoryCompleteness(caseDocument({ name: 'Draft' }), ctx)
	expect(outcome.reason).toContain('missing or inconsistent: org unit, contact e-mail')
	expect(outcome.nextStep).toBe('Choose the org unit responsible for it.')
})

test('the EO 14179 §2 check wants a concrete mission benefit', () => {
	expect(missionBenefit(baseCase(), ctx).status).toBe('PASS')
	expect(missionBenefit(baseCase({ benefits: undefined }), ctx).status).toBe('NEEDS_ATTENTION')
	const terse = missionBenefit(baseCase({ benefits: 'Efficiency.' }), ctx)
	expect(terse.status).toBe('NEEDS_ATTENTION')
	expect(terse.reason).toContain("('Efficiency.')")
	expect(missionBenefit(baseCase({ stage: 'RETIRED' }), ctx).status).toBe('NOT_APPLICABLE')
})

test('a common commercial task on a purchased product may be consolidated unless it is high-impact or presumed so', () => {
	const cots = {
		cotsTask: 'G' as const,
		contractingUsage: 'PURCHASED' as const,
		vendorNames: ['Example Office Suite'],
	}
	const drafting = consolidatedCotsReporting(baseCase(cots), ctx)
	expect(drafting.status).toBe('PASS')
	expect(drafting.reason).toContain('(g) First drafts of documents or briefings')
	const presumed = consolidatedCotsReporting(
		baseCase({
			...cots,
			decisionRole: 'PRINCIPAL_BASIS',
			informedDecisions: ['EMPLOYMENT'],
			highImpact: {},
		}),
		ctx,
	)
	expect(presumed.status).toBe('NEEDS_ATTENTION')
	expect(presumed.reason).toContain('presumed high-impact')
	expect(
		consolidatedCotsReporting(
			baseCase({ ...cots, highImpact: { determination: 'HIGH_IMPACT' } }),
			ctx,
		).status,
	).toBe('NEEDS_ATTENTION')
	expect(consolidatedCotsReporting(baseCase({ cotsTask: 'L' }), ctx).reason).toContain(
		'purchased from a vendor',
	)
	expect(consolidatedCotsReporting(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})
