import { expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import { fieldRules } from '#app/modules/use-cases/field-rules.ts'
import { informationQuality, paperworkClearance } from './public-information.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }
/** A Medicare.gov chatbot with a post-chat satisfaction survey. */
const chatbot = (safeguards = {}, overrides: Parameters<typeof baseCase>[0] = {}) =>
	baseCase({
		publicFacing: true,
		stage: 'DEPLOYED',
		safeguards: { publicFeedbackChannel: 'Post-chat satisfaction survey', ...safeguards },
		...overrides,
	})

test('IQA-C1: a public-facing case is asked whether information-quality guidelines are applied', () => {
	expect(informationQuality(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
	const unanswered = informationQuality(chatbot(), ctx)
	expect(unanswered.status).toBe('NEEDS_ATTENTION')
	expect(unanswered.drivingFields).toContain('safeguards.informationQualityApplied')
	expect(informationQuality(chatbot({ informationQualityApplied: true }), ctx).status).toBe('PASS')
	expect(informationQuality(chatbot({ informationQualityApplied: false }), ctx).status).toBe('FAIL')
	expect(
		informationQuality(
			chatbot({ informationQualityApplied: false }, { stage: 'PRE_DEPLOYMENT' }),
			ctx,
		).status,
	).toBe('NEEDS_ATTENTION')
	expect(informationQuality(chatbot({}, { stage: 'RETIRED' }), ctx).status).toBe('NOT_APPLICABLE')
})

test('PRA-C1: public surveys or forms need Paperwork Reduction Act clearance considered; none, nothing to clear', () => {
	expect(paperworkClearance(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
	expect(paperworkClearance(chatbot(), ctx).status).toBe('NEEDS_ATTENTION')
	expect(paperworkClearance(chatbot({ publicSurveysOrForms: false }), ctx).status).toBe(
		'NOT_APPLICABLE',
	)
	const surveyed = paperworkClearance(chatbot({ publicSurveysOrForms: true }), ctx)
	expect(surveyed.status).toBe('NEEDS_ATTENTION')
	expect(surveyed.reason).toContain(
		`${fieldRules['safeguards.paperworkClearanceConsidered'].name}: not answered`,
	)
	expect(
		paperworkClearance(
			chatbot({ publicSurveysOrForms: true, paperworkClearanceConsidered: false }),
			ctx,
		).status,
	).toBe('FAIL')
	expect(
		paperworkClearance(
			chatbot({ publicSurveysOrForms: true, paperworkClearanceConsidered: true }),
			ctx,
		).status,
	).toBe('PASS')
})
