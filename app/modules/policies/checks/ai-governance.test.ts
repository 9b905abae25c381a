import { expect, test } from 'vitest'
import { baseCase } from '#app/modules/policies/cms-example-cases.ts'
import { customCodeSharing, generativeAiPolicy, publicFeedback } from './ai-governance.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }
const generative = { generativeAi: true, classification: 'GENERATIVE_AI' as const }

test('generative AI with human review passes; without it needs attention', () => {
	expect(generativeAiPolicy(baseCase({ ...generative, safeguards: { generativeOutputsReviewed: true } }), ctx).status).toBe('PASS')
	const unreviewed = generativeAiPolicy(baseCase({ ...generative, safeguards: { generativeOutputsReviewed: false } }), ctx)
	expect(unreviewed.status).toBe('NEEDS_ATTENTION')
	expect(unreviewed.reason).toContain('without a person reviewing them')
	expect(generativeAiPolicy(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('personal data in an unapproved vendor generative tool fails', () => {
	const doc = baseCase({ ...generative, hasPii: true, hosting: 'VENDOR_API', safeguards: { generativeOutputsReviewed: true } })
	const outcome = generativeAiPolicy(doc, ctx)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.reason).toContain("'Involves PII' is answered 'yes'")
})

test('custom code in use must be shared or exempted', () => {
	expect(customCodeSharing(baseCase({ hasCustomCode: true }), ctx).status).toBe('NEEDS_ATTENTION')
	expect(customCodeSharing(baseCase({ hasCustomCode: true, safeguards: { codeSharingDecision: 'SHARED_GOVERNMENT' } }), ctx).status).toBe('PASS')
	expect(customCodeSharing(baseCase({ hasCustomCode: true, codeUrl: 'https://github.com/CMSgov/example' }), ctx).status).toBe('PASS')
	expect(customCodeSharing(baseCase({ hasCustomCode: true, stage: 'PRE_DEPLOYMENT' }), ctx).status).toBe('NOT_APPLICABLE')
	expect(customCodeSharing(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('a public release of a model trained on personal data needs a leakage assessment', () => {
	const doc = baseCase({
		hasCustomCode: true,
		safeguards: { codeSharingDecision: 'SHARED_PUBLICLY' },
		datasets: [{ name: 'Claims', category: 'MEDICARE_CLAIMS', sensitivities: ['PHI'], usage: ['TRAINING'] }],
	})
	const outcome = customCodeSharing(doc, ctx)
	expect(outcome.status).toBe('NEEDS_ATTENTION')
	expect(outcome.reason).toContain("trained on personal data from 'Claims'")
})

test('a public-facing case needs a feedback channel', () => {
	expect(publicFeedback(baseCase({ publicFacing: true }), ctx).status).toBe('NEEDS_ATTENTION')
	expect(publicFeedback(baseCase({ publicFacing: true, safeguards: { publicFeedbackChannel: 'Medicare.gov feedback form' } }), ctx).status).toBe('PASS')
	expect(publicFeedback(baseCase({ publicFacing: true, practices: { publicConsultation: ['USABILITY_TESTING'] } }), ctx).status).toBe('PASS')
	expect(publicFeedback(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})
