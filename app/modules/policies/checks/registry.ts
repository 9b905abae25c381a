// Check id → implementation. The pack decides which of these run and how they are weighed; the
// pack test keeps the two lists identical.
import { aiDefinitionScreen } from './ai-definition.ts'
import { customCodeSharing, generativeAiPolicy, publicFeedback } from './ai-governance.ts'
import { type PolicyCheck } from './check-types.ts'
import { businessAssociateAgreement, minimumNecessary, part2Records } from './health-data.ts'
import { highImpactPresumption, presumedNotHighImpactJustification, principalBasisConfirmation } from './high-impact.ts'
import { inventoryCompleteness, missionBenefit } from './inventory.ts'
import { minimumPracticesDeadline, pilotCertification, practiceChecks, waiverUpkeep } from './minimum-practices.ts'
import { computerMatching, privacyImpactAssessment, systemOfRecordsNotice } from './privacy.ts'
import { authorizationToOperate, fedrampAuthorization } from './security.ts'
import { vendorAiTerms } from './vendor-terms.ts'

export const checkImplementations: Readonly<Record<string, PolicyCheck>> = Object.freeze({
	'NAIIA-C1': aiDefinitionScreen,
	'EO14179-SEC2-C1': missionBenefit,
	'M2521-4A-C1': highImpactPresumption,
	'M2521-4A-C3': presumedNotHighImpactJustification,
	'M2521-6-C1': principalBasisConfirmation,
	...practiceChecks,
	'M2521-4A-I-C3': minimumPracticesDeadline,
	'M2521-4A-I-C2': pilotCertification,
	'M2521-4A-II-C3': waiverUpkeep,
	'EGOV-208-PIA-C1': privacyImpactAssessment,
	'PRIVACY-ACT-SORN-C1': systemOfRecordsNotice,
	'PRIVACY-ACT-MATCHING-C1': computerMatching,
	'HIPAA-MIN-NEC-C1': minimumNecessary,
	'HIPAA-BAA-C1': businessAssociateAgreement,
	'42CFR2-C1': part2Records,
	'FISMA-ATO-C1': authorizationToOperate,
	'FEDRAMP-C1': fedrampAuthorization,
	'M2521-3B-IV-C1': generativeAiPolicy,
	'M2521-2B-C2': customCodeSharing,
	'M2521-8-C1': publicFeedback,
	'M2521-3B-V-C1': inventoryCompleteness,
	'M2522-DATA-C1': vendorAiTerms,
})
