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
		"Stage: Deployed. 2 answers OMB's inventory requires for this stage are missing or inconsistent: Authorization to Operate and Data description.",
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
	expect(outcome.reason).toContain('Stage: not answered. 5 answers')
	expect(outcome.reason).toContain('missing or inconsistent: Tracking id, Org unit, Contact e-mail')
	expect(outcome.reason).toContain('high-impact determination')
	expect(outcome.nextStep).toBe(
		'The use case has no tracking id yet; the tracker allocates one when the draft is saved.',
	)
})

// Pack 2026.4 (audit finding 8): the check asks exactly OMB's columns for the stage.
test('OMB requires the high-impact determination (is_high_impact) at every stage: a case without one is not said to be complete, and the lead is told to record it', () => {
	for (const stage of ['PRE_DEPLOYMENT', 'PILOT', 'DEPLOYED', 'RETIRED'] as const) {
		const outcome = inventoryCompleteness(
			baseCase({ stage, highImpact: { determination: undefined } }),
			ctx,
		)
		// The lead records it in review, so it opens no lane of its own; the reason no longer says
		// the case is complete for OMB.
		expect(outcome.status).toBe('PASS')
		expect(outcome.reason).toContain(
			"The governance lead's high-impact determination, which OMB also requires, is still to be recorded.",
		)
		expect(outcome.drivingFields).toContain('highImpact.determination')
		expect(outcome.nextStep).toBe('Record whether the use case is high-impact under M-25-21 §5.')
	}
	const gaps = inventoryCompleteness(
		baseCase({ dataDescription: undefined, highImpact: { determination: undefined } }),
		ctx,
	)
	expect(gaps.status).toBe('NEEDS_ATTENTION')
	expect(gaps.reason).toContain('1 answer OMB')
	expect(gaps.reason).toContain('high-impact determination, which OMB also requires')
	// Under 2026.3 the check read the submission's requirements and said nothing of the determination.
	const before = inventoryCompleteness(baseCase({ highImpact: { determination: undefined } }), {
		...ctx,
		release: '2026.3',
	})
	expect(before.status).toBe('PASS')
	expect(before.reason).not.toContain('determination')
})

test('the tracker’s own questions (where it runs, a dataset’s minimum-necessary reason) are not named as OMB requirements', () => {
	const doc = baseCase({
		hosting: undefined,
		hasPii: true,
		datasets: [
			{
				name: 'Provider enrollment (PECOS)',
				category: 'PROVIDER_DATA',
				sensitivities: ['PII'],
				usage: ['OPERATION'],
				dataUseAgreementRequired: false,
			},
		],
	})
	const outcome = inventoryCompleteness(doc, ctx)
	expect(outcome.status).toBe('PASS')
	expect(outcome.reason).toContain(
		"Stage: Deployed. Every column OMB's inventory requires of the case team for this stage is answered",
	)
	const before = inventoryCompleteness(doc, { ...ctx, release: '2026.3' })
	expect(before.status).toBe('NEEDS_ATTENTION')
	expect(before.drivingFields).toEqual(
		expect.arrayContaining(['hosting', 'datasets.0.minimumNecessaryJustification']),
	)
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
