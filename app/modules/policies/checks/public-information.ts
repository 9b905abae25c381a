// Pack 2026.5: what the trigger matrix attaches to public-facing AI beside the feedback channel
// (M2521-4B-VII): the Information Quality Act for what it disseminates, and the Paperwork Reduction
// Act for surveys or forms that collect from the public. Both are statutes, not AI policy, so a
// system screened out as not AI meets them too.
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { type CheckOutcome, type PolicyCheck } from './check-types.ts'
import { isNotRetired, retiredCase, stated, yesNoSafeguard } from './case-facts.ts'

/** Not public-facing, or retired: nothing reaches the public any more. */
function notPublic(doc: UseCaseDocument, fields: Array<string>): CheckOutcome | null {
	if (doc.publicFacing !== true) {
		return {
			status: 'NOT_APPLICABLE',
			reason:
				doc.publicFacing === false
					? `${stated('publicFacing', false)}: nothing it does reaches the public.`
					: `${stated('publicFacing', undefined)}, so whether it reaches the public cannot be told yet.`,
			drivingFields: fields,
			nextStep: null,
		}
	}
	if (!isNotRetired(doc)) return retiredCase('It is public-facing, but the case is retired.')
	return null
}

/**
 * IQA-C1: information the AI disseminates to the public is held to the agency's information-quality
 * guidelines. "Public-facing" means the public interacts with it or it disseminates information to the
 * public, so every public-facing case is asked.
 */
export const informationQuality: PolicyCheck = (doc) => {
	const fields = ['publicFacing', 'safeguards.informationQualityApplied']
	const outOfScope = notPublic(doc, fields)
	if (outOfScope) return outOfScope
	return yesNoSafeguard(
		doc,
		doc.safeguards.informationQualityApplied,
		{
			facts: 'It is public-facing, so what it tells the public is information CMS disseminates',
			field: 'safeguards.informationQualityApplied',
			passed: 'CMS’s information-quality guidelines are applied to it (Information Quality Act)',
			passedNextStep: null,
			nextStep:
				'Apply CMS’s information-quality guidelines (Information Quality Act; OMB M-19-15) to what the AI tells the public: accuracy and review of its content, and a way to request correction.',
		},
		fields,
	)
}

/**
 * PRA-C1: feedback gathered from the public through surveys or forms may need OMB clearance (44 U.S.C.
 * 3507), which M-25-21 §8 asks agencies to mind. A case that collects nothing from the public through
 * surveys or forms owes nothing here; its feedback channel is M2521-8-C1's concern.
 */
export const paperworkClearance: PolicyCheck = (doc) => {
	const fields = [
		'publicFacing',
		'safeguards.publicSurveysOrForms',
		'safeguards.paperworkClearanceConsidered',
	]
	const outOfScope = notPublic(doc, fields)
	if (outOfScope) return outOfScope
	const surveys = doc.safeguards.publicSurveysOrForms
	if (surveys === false) {
		return {
			status: 'NOT_APPLICABLE',
			reason: `It is public-facing and ${stated('safeguards.publicSurveysOrForms', false)}: nothing is collected from the public that the Paperwork Reduction Act would govern.`,
			drivingFields: fields.slice(0, 2),
			nextStep: null,
		}
	}
	if (surveys === undefined) {
		return {
			status: 'NEEDS_ATTENTION',
			reason: `It is public-facing and ${stated('safeguards.publicSurveysOrForms', undefined)}, so whether the Paperwork Reduction Act applies to its feedback cannot be told.`,
			drivingFields: fields.slice(0, 2),
			nextStep:
				'Say whether it gathers feedback or information from the public through surveys or forms.',
			nextQuestion: 'safeguards.publicSurveysOrForms',
		}
	}
	return yesNoSafeguard(
		doc,
		doc.safeguards.paperworkClearanceConsidered,
		{
			facts: 'It is public-facing and gathers feedback from the public through surveys or forms',
			field: 'safeguards.paperworkClearanceConsidered',
			passed:
				'OMB clearance under the Paperwork Reduction Act was considered (obtained, or found not needed)',
			passedNextStep: null,
			nextStep:
				'Ask CMS’s Paperwork Reduction Act office whether the survey or form needs OMB clearance (44 U.S.C. 3507), and obtain it before collecting if it does.',
		},
		fields,
	)
}
