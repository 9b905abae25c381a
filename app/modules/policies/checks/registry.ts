// Check id → implementation. The pack decides which of these run and how they are weighed; the
// pack test keeps the two lists identical.
import {
	aiDefinitionScreen,
	NOT_AI_REASON,
	notAiRationale,
	screenedOutAsNotAi,
} from './ai-definition.ts'
import { customCodeSharing, generativeAiPolicy, publicFeedback } from './ai-governance.ts'
import { type PolicyCheck } from './check-types.ts'
import {
	businessAssociateAgreement,
	dataUseAgreement,
	ephiSecurity,
	minimumNecessary,
	part2Records,
} from './health-data.ts'
import {
	determinationTracked,
	highImpactPresumption,
	presumedNotHighImpactJustification,
	principalBasisConfirmation,
} from './high-impact.ts'
import { consolidatedCotsReporting, inventoryCompleteness, missionBenefit } from './inventory.ts'
import {
	minimumPracticesDeadline,
	pilotCertification,
	practiceChecks,
	waiverUpkeep,
} from './minimum-practices.ts'
import {
	computerMatching,
	decisionRecordsAccuracy,
	privacyActContractor,
	privacyImpactAssessment,
	systemOfRecordsNotice,
} from './privacy.ts'
import { informationQuality, paperworkClearance } from './public-information.ts'
import { authorizationToOperate, fedrampAuthorization } from './security.ts'
import { vendorAiTerms } from './vendor-terms.ts'

/**
 * A requirement of AI policy (EO 14179, M-25-21, M-25-22, the AI inventory): it does not attach to a
 * system screened out as rule-based only. The privacy, health-data and security checks apply to any
 * system and are not wrapped.
 */
function aiSpecific(check: PolicyCheck): PolicyCheck {
	return (doc, ctx) =>
		screenedOutAsNotAi(doc, ctx)
			? {
					status: 'NOT_APPLICABLE',
					reason: NOT_AI_REASON,
					drivingFields: ['aiScreen.ruleBasedOnly'],
					nextStep: null,
				}
			: check(doc, ctx)
}

const aiPolicyChecks: Record<string, PolicyCheck> = {
	'EO14179-SEC2-C1': missionBenefit,
	'M2521-4A-C1': highImpactPresumption,
	'M2521-4A-C3': presumedNotHighImpactJustification,
	'M2521-4A-C4': determinationTracked,
	'M2521-6-C1': principalBasisConfirmation,
	...practiceChecks,
	'M2521-4A-I-C3': minimumPracticesDeadline,
	'M2521-4A-I-C2': pilotCertification,
	'M2521-4A-II-C3': waiverUpkeep,
	'M2521-3B-IV-C1': generativeAiPolicy,
	'M2521-2B-C2': customCodeSharing,
	'M2521-8-C1': publicFeedback,
	'M2521-3B-V-C1': inventoryCompleteness,
	'INV-COTS-C1': consolidatedCotsReporting,
	'M2522-DATA-C1': vendorAiTerms,
}

export const checkImplementations: Readonly<Record<string, PolicyCheck>> = Object.freeze({
	'NAIIA-C1': aiDefinitionScreen,
	'M2521-5-C1': notAiRationale,
	...Object.fromEntries(
		Object.entries(aiPolicyChecks).map(([id, check]) => [id, aiSpecific(check)]),
	),
	'EGOV-208-PIA-C1': privacyImpactAssessment,
	'PRIVACY-ACT-SORN-C1': systemOfRecordsNotice,
	'PRIVACY-ACT-MATCHING-C1': computerMatching,
	'PRIVACY-ACT-CONTRACTOR-C1': privacyActContractor,
	'PRIVACY-ACT-ACCURACY-C1': decisionRecordsAccuracy,
	'HIPAA-MIN-NEC-C1': minimumNecessary,
	'HIPAA-BAA-C1': businessAssociateAgreement,
	'HIPAA-SECURITY-C1': ephiSecurity,
	'CMS-DUA-C1': dataUseAgreement,
	'42CFR2-C1': part2Records,
	'FISMA-ATO-C1': authorizationToOperate,
	'FEDRAMP-C1': fedrampAuthorization,
	'IQA-C1': informationQuality,
	'PRA-C1': paperworkClearance,
})
