// OMB M-25-22: AI contract terms wherever a vendor builds, sells or hosts the AI.
import { type PolicyCheck } from './check-types.ts'
import {
	isNotRetired,
	listPhrase,
	retiredCase,
	stagePhrase,
	stated,
	vendorInvolvement,
} from './case-facts.ts'
import { highImpactBasisPhrase, treatedAsHighImpact } from './high-impact.ts'
import { piiFacts } from './privacy.ts'

export const vendorAiTerms: PolicyCheck = (doc, ctx) => {
	// Contract terms are set at award or the next option; a retired system has neither ahead of it.
	if (!isNotRetired(doc)) return retiredCase('The case is retired: no award or option is ahead.')
	const vendor = vendorInvolvement(doc)
	const fields = [...vendor.fields, 'safeguards.vendorAiContractTerms']
	if (!vendor.involved) {
		return {
			status: 'NOT_APPLICABLE',
			reason: 'No vendor builds, sells or hosts the AI, so M-25-22 contract terms are not engaged.',
			drivingFields: ['contractingUsage', 'hosting', 'vendorNames'],
			nextStep: null,
		}
	}
	const facts = `A vendor is involved (${listPhrase(vendor.because)})`
	const pii = piiFacts(doc)
	const privacyTerms = pii.present
		? ' With personal data involved, include Privacy Act (m) and breach-reporting terms too.'
		: ''
	const terms = doc.safeguards.vendorAiContractTerms
	const highImpact = treatedAsHighImpact(doc, ctx)
	// M-25-22's high-impact terms (M2522-HI) are cited only where the case is, or is presumed, high-impact;
	// from pack 2026.5 the check no longer lists them for every vendor case.
	const citedClauses = highImpact ? ['M2522-HI'] : []
	if (terms === true) {
		return {
			status: 'PASS',
			reason: `${facts} and the contract carries M-25-22's AI terms (data rights, no training on CMS data, testing access).`,
			drivingFields: fields,
			nextStep: privacyTerms.trim() || null,
			citedClauses,
		}
	}
	const answer = stated('safeguards.vendorAiContractTerms', terms)
	// M-25-22 makes high-impact support terms mandatory, so their absence is a failure there.
	if (terms === false && highImpact) {
		return {
			status: 'FAIL',
			reason: `${facts}; ${answer}. ${highImpactBasisPhrase(doc, ctx)}: the contract must require the vendor to support the minimum practices.`,
			drivingFields: [...fields, 'highImpact.determination'],
			citedClauses,
			nextStep: `Amend the contract: vendor support for the M-25-21 §4(b) practices, impact-assessment documentation, no training on CMS data, evaluation access.${privacyTerms}`,
			nextQuestion: 'safeguards.vendorAiContractTerms',
		}
	}
	return {
		status: 'NEEDS_ATTENTION',
		reason: `${facts}; ${answer}. ${stagePhrase(doc)}.`,
		drivingFields: fields,
		nextStep: `Add M-25-22 terms (CMS data rights, no vendor training on CMS inputs and outputs, testing access, portability) at award or the next option after 30 Sep 2025.${privacyTerms}`,
		citedClauses,
		nextQuestion: 'safeguards.vendorAiContractTerms',
	}
}
