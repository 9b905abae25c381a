import { describe, expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { aiDefinitionScreen, notAiRationale, screenedOutAsNotAi } from './ai-definition.ts'
import { type CheckContext } from './check-types.ts'
import { presumedHighImpactCategories } from './high-impact.ts'

const ctx: CheckContext = { asOf: new Date('2026-05-01T00:00:00Z') }
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
		datasets: [
			{ name: 'Program thresholds table', category: 'ADMINISTRATIVE_HR', usage: ['OPERATION'] },
		],
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
	expect(screenedOutAsNotAi(classified, ctx)).toBe(false)
	expect(screenedOutAsNotAi(ruleEngine({ generativeAi: true }), ctx)).toBe(false)
	const determined = ruleEngine({ highImpact: { determination: 'HIGH_IMPACT' } })
	expect(screenedOutAsNotAi(determined, ctx)).toBe(false)
	expect(aiDefinitionScreen(determined, ctx).reason).toContain(
		'High-impact determination: High-impact',
	)
	expect(presumedHighImpactCategories(classified, ctx)).toEqual(['m'])
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

describe('pack 2026.5: a dataset used for training contradicts "rule-based only"', () => {
	// "Thresholds tuned on past outcomes": learned behaviour, which M2521-5-C1 and §5 do not screen out.
	const tuned = ruleEngine({
		datasets: [
			{
				name: 'Past eligibility outcomes',
				category: 'ENROLLMENT_ELIGIBILITY',
				usage: ['TRAINING', 'OPERATION'],
			},
		],
	})
	const under = (release: string): CheckContext => ({ ...ctx, release })

	test('under 2026.5 the case is AI: the screen needs attention, nothing is screened out, §6(m) is presumed', () => {
		const screen = aiDefinitionScreen(tuned, under('2026.5'))
		expect(screen.status).toBe('NEEDS_ATTENTION')
		expect(screen.reason).toContain("trained on the dataset 'Past eligibility outcomes'")
		expect(screen.drivingFields).toContain('datasets.0.usage')
		expect(screenedOutAsNotAi(tuned, under('2026.5'))).toBe(false)
		expect(notAiRationale(tuned, under('2026.5')).status).toBe('NOT_APPLICABLE')
		expect(presumedHighImpactCategories(tuned, under('2026.5'))).toEqual(['m'])
		// An edition of 2026.5 reads as its release; no release is the newest reading.
		expect(screenedOutAsNotAi(tuned, { release: '2026.5.1' })).toBe(false)
		expect(screenedOutAsNotAi(tuned, {})).toBe(false)
	})

	test('under 2026.4 and earlier the screen stands as it did', () => {
		for (const release of ['2026.1', '2026.3', '2026.4', '2026.4.2']) {
			expect(aiDefinitionScreen(tuned, under(release)).status, release).toBe('PASS')
			expect(screenedOutAsNotAi(tuned, under(release)), release).toBe(true)
			expect(presumedHighImpactCategories(tuned, under(release)), release).toEqual([])
		}
	})

	test('data used only to run or evaluate the rules contradicts nothing', () => {
		const evaluated = ruleEngine({
			datasets: [
				{
					name: 'Past eligibility outcomes',
					category: 'ENROLLMENT_ELIGIBILITY',
					usage: ['EVALUATION', 'OPERATION'],
				},
			],
		})
		expect(screenedOutAsNotAi(evaluated, under('2026.5'))).toBe(true)
	})

	test('the evaluation, its routing and its AI checks all read the pack’s release', () => {
		const run = (version: string) =>
			evaluateUseCase(tuned, { pack: shippedPolicyPack(version), asOf: ctx.asOf })
		const now = run('2026.5')
		expect(now.screenedOutAsNotAi).toBe(false)
		expect(now.presumedCategories).toEqual(['m'])
		expect(now.routes.map((route) => route.routeId)).not.toContain('ROUTE-NOT-AI')
		expect(now.results.find((r) => r.checkId === 'M2521-4A-C1')?.status).not.toBe('NOT_APPLICABLE')
		const before = run('2026.4')
		expect(before.screenedOutAsNotAi).toBe(true)
		expect(before.presumedCategories).toEqual([])
		expect(before.routes.map((route) => route.routeId)).toEqual(['ROUTE-NOT-AI'])
	})
})
