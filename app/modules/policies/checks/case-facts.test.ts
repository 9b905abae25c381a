import { expect, test } from 'vitest'
import {
	baseCase,
	callCentreSummariser,
	caseDocument,
	deployedEligibilityModel,
	developerCodingAssistant,
	marketplaceIdentityProofing,
	medicareFraudPaymentSuspension,
} from '#tests/fixtures/cms-example-cases.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { addDays, addMonths, isoDay, isPastDeadline, listPhrase, stated } from './case-facts.ts'

test('month arithmetic clamps to the end of shorter months', () => {
	expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
	expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
	expect(addMonths('2025-06-01', 12)).toBe('2026-06-01')
	expect(addDays('2026-02-01', 30)).toBe('2026-03-03')
})

test('the deadline is measured in UTC days and the day itself is on time', () => {
	expect(isPastDeadline(new Date('2026-04-03T23:59:59Z'))).toBe(false)
	expect(isPastDeadline(new Date('2026-04-04T00:00:00Z'))).toBe(true)
})

test('isoDay follows a Date that is changed in place', () => {
	const date = new Date('2026-01-01T00:00:00Z')
	expect(isoDay(date)).toBe('2026-01-01')
	date.setUTCDate(5)
	expect(isoDay(date)).toBe('2026-01-05')
})

test('lists read as prose', () => {
	expect(listPhrase(['a'])).toBe('a')
	expect(listPhrase(['a', 'b', 'c'])).toBe('a, b and c')
	expect(listPhrase([])).toBe('')
})

test('a reason names a question and its answer as the form labels and shows them', () => {
	expect(stated('stage', 'PILOT')).toBe('Stage: Pilot')
	expect(stated('decisionRole', 'ASSISTIVE')).toBe(
		'Role in decisions: Assists a person who decides',
	)
	expect(stated('informedDecisions', ['COVERAGE_PAYMENT', 'ELIGIBILITY_ENROLLMENT'])).toBe(
		'Decisions it informs: Coverage or payment; Eligibility or enrollment',
	)
	expect(stated('hasAto', true)).toBe('Authorization to Operate: Yes')
	expect(stated('classification', 'GENERATIVE_AI')).toBe('AI classification: Generative AI')
	expect(stated('practices.training', 'IN_PROGRESS')).toBe(
		'Operator training: Establishment of sufficient and periodic training is in-progress',
	)
	expect(stated('practices.independentReview', 'YES_CAIO')).toBe(
		'Independent review: Yes – by the CAIO',
	)
	expect(stated('hosting', undefined)).toBe('Hosting: not answered')
	expect(stated('practices.publicConsultation', [])).toBe('Public consultation: not answered')
})

test('no reason of the example cases shows a stored value or the old quoting of answers', () => {
	const pack = shippedPolicyPack()
	const asOf = new Date('2026-06-01T12:00:00Z')
	const reasons = [
		baseCase({ stage: 'PILOT', hasAto: false, decisionRole: 'ASSISTIVE' }),
		baseCase({ stage: undefined, decisionRole: undefined, hosting: undefined }),
		callCentreSummariser(),
		deployedEligibilityModel(),
		developerCodingAssistant(),
		marketplaceIdentityProofing(),
		medicareFraudPaymentSuspension(),
		caseDocument({ name: 'Draft', aiScreen: { ruleBasedOnly: true }, classification: 'NLP' }),
	].flatMap((doc) => {
		const evaluation = evaluateUseCase(doc, { pack, asOf })
		return [
			...evaluation.results.map((result) => `${result.checkId}: ${result.reason}`),
			...evaluation.routes.map((route) => `${route.routeId}: ${route.reason}`),
		]
	})
	for (const reason of reasons) {
		expect(reason).not.toMatch(/\bis answered '|\bStage is |Decision role is |' is '/)
		// Neither a stored key (PRINCIPAL_BASIS) nor the lower-case value quoted ('pilot', 'no').
		expect(reason).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/)
		expect(reason).not.toMatch(
			/'(yes|no|none|pilot|deployed|retired|pre-deployment|assistive|principal basis|fully automated|in progress)'/,
		)
	}
})
