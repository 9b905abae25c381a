import { expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { aiDefinitionScreen, notAiRationale, screenedOutAsNotAi } from './ai-definition.ts'
import { presumedHighImpactCategories } from './high-impact.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }
const rationale =
	'Fixed eligibility rules copied from the program manual; no model is trained or tuned on data.'
/** A deployed rule engine that decides eligibility on its own: §6(m) if it were AI. */
const ruleEngine = (overrides: Parameters<typeof baseCase>[0] = {}) =>
	baseCase({
		classification: undefined,
		aiScreen: { ruleBasedOnly: true, notAiRationale: rationale },
		decisionRole: 'FULLY_AUTOMATED',
		affectedParties: ['BENEFICIARIES'],
		informedDecisions: ['ELIGIBILITY_ENROLLMENT'],
		highImpact: {},
		...overrides,
	})

test('the AI-definition screen: learned systems are AI; rule-only systems are out; an unanswered screen needs attention', () => {
	expect(aiDefinitionScreen(baseCase(), ctx).status).toBe('PASS')
	expect(aiDefinitionScreen(baseCase({ aiScreen: {} }), ctx).status).toBe('NEEDS_ATTENTION')
	const screened = aiDefinitionScreen(ruleEngine(), ctx)
	expect(screened.status).toBe('PASS')
	expect(screened.reason).toContain('no §6 presumption and no AI-specific requirement attaches')
})

test('a rule-only answer contradicted by a learned classification, generative AI or a high-impact determination screens nothing out', () => {
	const classified = ruleEngine({ classification: 'CLASSICAL_ML' })
	expect(aiDefinitionScreen(classified, ctx).status).toBe('NEEDS_ATTENTION')
	expect(aiDefinitionScreen(classified, ctx).reason).toContain(
		'Rule-based only (not AI): Yes, yet other answers say it is AI (AI classification: Classical/Predictive Machine Learning)',
	)
	expect(screenedOutAsNotAi(classified)).toBe(false)
	expect(screenedOutAsNotAi(ruleEngine({ generativeAi: true }))).toBe(false)
	const determined = ruleEngine({ highImpact: { determination: 'HIGH_IMPACT' } })
	expect(screenedOutAsNotAi(determined)).toBe(false)
	expect(aiDefinitionScreen(determined, ctx).reason).toContain(
		'High-impact determination: High-impact',
	)
	expect(presumedHighImpactCategories(classified)).toEqual(['m'])
})

test('M2521-5-C1: a screen-out without a rationale fails, a thin one needs attention, a recorded one passes', () => {
	const missing = notAiRationale(ruleEngine({ aiScreen: { ruleBasedOnly: true } }), ctx)
	expect(missing.status).toBe('FAIL')
	expect(missing.drivingFields).toEqual(['aiScreen.ruleBasedOnly', 'aiScreen.notAiRationale'])
	expect(
		notAiRationale(ruleEngine({ aiScreen: { ruleBasedOnly: true, notAiRationale: 'Rules.' } }), ctx)
			.status,
	).toBe('NEEDS_ATTENTION')
	expect(notAiRationale(ruleEngine(), ctx).status).toBe('PASS')
	expect(notAiRationale(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
	expect(notAiRationale(ruleEngine({ classification: 'NLP' }), ctx).status).toBe('NOT_APPLICABLE')
})

test('a system screened out as not AI gets no presumption and no AI-specific finding, but keeps its privacy checks and the CAIO’s confirmation', () => {
	const evaluation = evaluateUseCase(
		ruleEngine({
			hasPii: true,
			safeguards: { piaCompleted: false, computerMatching: false },
			datasets: [
				{
					name: 'Enrollment',
					category: 'ENROLLMENT_ELIGIBILITY',
					sensitivities: ['PII'],
					usage: ['OPERATION'],
				},
			],
		}),
		{ pack: shippedPolicyPack(), asOf: ctx.asOf },
	)
	expect(evaluation.screenedOutAsNotAi).toBe(true)
	expect(evaluation.presumedHighImpact).toBe(false)
	expect(evaluation.presumedCategories).toEqual([])
	const byId = Object.fromEntries(evaluation.results.map((r) => [r.checkId, r.status]))
	for (const id of [
		'M2521-4A-C1',
		'M2521-6-C1',
		'M2521-4B-I-C1',
		'M2521-4A-I-C3',
		'M2521-3B-IV-C1',
		'M2521-3B-V-C1',
		'EO14179-SEC2-C1',
		'M2522-DATA-C1',
	]) {
		expect(byId[id], id).toBe('NOT_APPLICABLE')
	}
	expect(byId['NAIIA-C1']).toBe('PASS')
	expect(byId['M2521-5-C1']).toBe('PASS')
	expect(byId['EGOV-208-PIA-C1']).toBe('FAIL')
	expect(evaluation.requiredLanes).toEqual(['PRIVACY', 'CAIO_DETERMINATION'])
	expect(evaluation.routes.map((route) => route.routeId)).toEqual(['ROUTE-NOT-AI'])
})
