import { expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import { customCodeSharing, generativeAiPolicy, publicFeedback } from './ai-governance.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }
const generative = { generativeAi: true, classification: 'GENERATIVE_AI' as const }

const accepted = { generativeOutputsReviewed: true, generativeAiPolicyAcknowledged: true }

test('generative AI on CMS’s own infrastructure, with the policy accepted and outputs reviewed, passes; each missing safeguard is named', () => {
	expect(generativeAiPolicy(baseCase({ ...generative, safeguards: accepted }), ctx).status).toBe(
		'PASS',
	)
	const unreviewed = generativeAiPolicy(
		baseCase({ ...generative, safeguards: { ...accepted, generativeOutputsReviewed: false } }),
		ctx,
	)
	expect(unreviewed.status).toBe('NEEDS_ATTENTION')
	expect(unreviewed.reason).toContain('without a person reviewing them')
	expect(generativeAiPolicy(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('the acceptable-use acknowledgement is read: unanswered needs attention, refused fails once the tool is in use', () => {
	const unanswered = generativeAiPolicy(
		baseCase({ ...generative, safeguards: { generativeOutputsReviewed: true } }),
		ctx,
	)
	expect(unanswered.status).toBe('NEEDS_ATTENTION')
	expect(unanswered.reason).toContain(
		"Generative AI: Yes. Nothing records that the team accepted CMS's generative-AI acceptable-use policy",
	)
	expect(unanswered.drivingFields).toContain('safeguards.generativeAiPolicyAcknowledged')
	const refused = {
		...generative,
		safeguards: { generativeOutputsReviewed: true, generativeAiPolicyAcknowledged: false },
	}
	expect(generativeAiPolicy(baseCase(refused), ctx).status).toBe('FAIL')
	expect(generativeAiPolicy(baseCase({ ...refused, stage: 'PRE_DEPLOYMENT' }), ctx).status).toBe(
		'NEEDS_ATTENTION',
	)
})

test('an unapproved vendor tool fails whatever review its outputs get, with or without personal data', () => {
	const unapproved = {
		...generative,
		hosting: 'VENDOR_API' as const,
		safeguards: { ...accepted, fedrampAuthorized: false },
	}
	const withoutPii = generativeAiPolicy(baseCase(unapproved), ctx)
	expect(withoutPii.status).toBe('FAIL')
	expect(withoutPii.reason).toContain('FedRAMP authorized: No; only approved tools may be used')
	const withPii = generativeAiPolicy(baseCase({ ...unapproved, hasPii: true }), ctx)
	expect(withPii.status).toBe('FAIL')
	expect(withPii.reason).toContain('Generative AI: Yes; Involves PII: Yes.')
	expect(withPii.reason).toContain('personal data must never reach an unapproved one')
	// Still in acquisition: an unapproved tool fails there too.
	expect(generativeAiPolicy(baseCase({ ...unapproved, stage: 'PRE_DEPLOYMENT' }), ctx).status).toBe(
		'FAIL',
	)
	const offList = {
		...generative,
		hosting: 'VENDOR_API' as const,
		safeguards: { ...accepted, generativeToolApproved: false },
	}
	expect(generativeAiPolicy(baseCase(offList), ctx).status).toBe('FAIL')
})

test('a vendor tool is approved by a FedRAMP authorization or by the HHS/CMS approved list; with neither shown it needs attention', () => {
	const vendor = { ...generative, hosting: 'VENDOR_API' as const }
	expect(
		generativeAiPolicy(
			baseCase({ ...vendor, safeguards: { ...accepted, fedrampAuthorized: true } }),
			ctx,
		).status,
	).toBe('PASS')
	const listed = generativeAiPolicy(
		baseCase({
			...vendor,
			safeguards: { ...accepted, fedrampAuthorized: false, generativeToolApproved: true },
		}),
		ctx,
	)
	expect(listed.status).toBe('PASS')
	expect(listed.reason).toContain('on the HHS/CMS approved list')
	expect(
		generativeAiPolicy(
			baseCase({ ...generative, hosting: 'FEDRAMP_CLOUD', safeguards: accepted }),
			ctx,
		).status,
	).toBe('PASS')
	const unknown = generativeAiPolicy(baseCase({ ...vendor, safeguards: accepted }), ctx)
	expect(unknown.status).toBe('NEEDS_ATTENTION')
	expect(unknown.reason).toContain(
		'nothing shows the tool is FedRAMP authorized or on the HHS/CMS approved list',
	)
	expect(
		generativeAiPolicy(
			baseCase({
				...generative,
				stage: 'RETIRED',
				hosting: 'VENDOR_API',
				safeguards: { fedrampAuthorized: false },
			}),
			ctx,
		).status,
	).toBe('NOT_APPLICABLE')
})

test('custom code in use must be shared or exempted', () => {
	expect(customCodeSharing(baseCase({ hasCustomCode: true }), ctx).status).toBe('NEEDS_ATTENTION')
	expect(
		customCodeSharing(
			baseCase({ hasCustomCode: true, safeguards: { codeSharingDecision: 'SHARED_GOVERNMENT' } }),
			ctx,
		).status,
	).toBe('PASS')
	expect(
		customCodeSharing(
			baseCase({ hasCustomCode: true, codeUrl: 'https://github.com/CMSgov/example' }),
			ctx,
		).status,
	).toBe('PASS')
	expect(
		customCodeSharing(baseCase({ hasCustomCode: true, stage: 'PRE_DEPLOYMENT' }), ctx).status,
	).toBe('NOT_APPLICABLE')
	expect(customCodeSharing(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('a public release of a model trained on personal data needs a leakage assessment', () => {
	const doc = baseCase({
		hasCustomCode: true,
		safeguards: { codeSharingDecision: 'SHARED_PUBLICLY' },
		datasets: [
			{ name: 'Claims', category: 'MEDICARE_CLAIMS', sensitivities: ['PHI'], usage: ['TRAINING'] },
		],
	})
	const outcome = customCodeSharing(doc, ctx)
	expect(outcome.status).toBe('NEEDS_ATTENTION')
	expect(outcome.reason).toContain("trained on personal data from 'Claims'")
	expect(outcome.drivingFields).toContain('safeguards.trainingDataDisclosureAssessed')
	const refused = customCodeSharing(
		{ ...doc, safeguards: { ...doc.safeguards, trainingDataDisclosureAssessed: false } },
		ctx,
	)
	expect(refused.status).toBe('NEEDS_ATTENTION')
	expect(refused.reason).toContain('Training-data disclosure assessed: No.')
	// Once the assessment is recorded, the finding clears.
	const assessed = customCodeSharing(
		{ ...doc, safeguards: { ...doc.safeguards, trainingDataDisclosureAssessed: true } },
		ctx,
	)
	expect(assessed.status).toBe('PASS')
	expect(assessed.reason).toContain('was assessed before release')
})

test('pack 2026.4: sharing within the government or a published code link also needs the leakage assessment first (M2521-2B-C3, "before any sharing or release")', () => {
	const trained = {
		hasCustomCode: true,
		datasets: [
			{
				name: 'Medicare claims',
				category: 'MEDICARE_CLAIMS' as const,
				sensitivities: ['PII' as const, 'PHI' as const],
				usage: ['TRAINING' as const],
				dataUseAgreementRequired: false,
			},
		],
	}
	const government = baseCase({
		...trained,
		safeguards: { codeSharingDecision: 'SHARED_GOVERNMENT' },
	})
	const outcome = customCodeSharing(government, ctx)
	expect(outcome.status).toBe('NEEDS_ATTENTION')
	expect(outcome.reason).toContain('Code sharing: Shared within the government only;')
	expect(outcome.reason).toContain("trained on personal data from 'Medicare claims'")
	const link = baseCase({ ...trained, codeUrl: 'https://github.com/CMSgov/example' })
	expect(customCodeSharing(link, ctx)).toMatchObject({
		status: 'NEEDS_ATTENTION',
		reason: expect.stringContaining('published at https://github.com/CMSgov/example'),
	})
	const assessed = customCodeSharing(
		{ ...link, safeguards: { ...link.safeguards, trainingDataDisclosureAssessed: true } },
		ctx,
	)
	expect(assessed.status).toBe('PASS')
	expect(assessed.reason).toContain('was assessed before sharing')
	// Not shared under an exemption: nothing to assess. Under 2026.3 only a public release asked.
	const exempt = baseCase({ ...trained, safeguards: { codeSharingDecision: 'EXEMPT' } })
	expect(customCodeSharing(exempt, ctx).status).toBe('PASS')
	expect(customCodeSharing(government, { ...ctx, release: '2026.3' }).status).toBe('PASS')
	expect(customCodeSharing(link, { ...ctx, release: '2026.3' }).status).toBe('PASS')
})

test('a public-facing case needs a feedback channel', () => {
	expect(publicFeedback(baseCase({ publicFacing: true }), ctx).status).toBe('NEEDS_ATTENTION')
	expect(
		publicFeedback(
			baseCase({
				publicFacing: true,
				safeguards: { publicFeedbackChannel: 'Medicare.gov feedback form' },
			}),
			ctx,
		).status,
	).toBe('PASS')
	expect(
		publicFeedback(
			baseCase({ publicFacing: true, practices: { publicConsultation: ['USABILITY_TESTING'] } }),
			ctx,
		).status,
	).toBe('PASS')
	expect(publicFeedback(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('pack 2026.5: a generative tool in a contractor’s data centre is asked for the approved list, not FedRAMP, which does not apply there', () => {
	const contractorHosted = (safeguards = {}) =>
		baseCase({
			...generative,
			hosting: 'CONTRACTOR_DATA_CENTER',
			safeguards: { ...accepted, ...safeguards },
		})
	const now = generativeAiPolicy(contractorHosted(), { ...ctx, release: '2026.5' })
	expect(now.status).toBe('NEEDS_ATTENTION')
	expect(now.reason).toContain('where FedRAMP does not apply')
	expect(now.nextStep).toContain('on the HHS/CMS approved list')
	expect(now.nextStep).not.toContain('FedRAMP authorized')
	expect(now.drivingFields).not.toContain('safeguards.fedrampAuthorized')
	// A 'no' to FedRAMP, a question the form does not ask there, does not make the tool unapproved.
	expect(
		generativeAiPolicy(contractorHosted({ fedrampAuthorized: false }), {
			...ctx,
			release: '2026.5',
		}).status,
	).toBe('NEEDS_ATTENTION')
	expect(
		generativeAiPolicy(contractorHosted({ generativeToolApproved: true }), {
			...ctx,
			release: '2026.5',
		}).status,
	).toBe('PASS')
	// 2026.4 keeps its finding as it was.
	const before = generativeAiPolicy(contractorHosted(), { ...ctx, release: '2026.4' })
	expect(before.nextStep).toContain('Confirm the tool is FedRAMP authorized')
	expect(
		generativeAiPolicy(contractorHosted({ fedrampAuthorized: false }), {
			...ctx,
			release: '2026.4',
		}).status,
	).toBe('FAIL')
})
