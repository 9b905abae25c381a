// The intake form's answers for a case as it stands: what the edit page shows in its fields, and
// what a partial change through the REST API is merged into before it is validated and saved
// exactly like the form.
import { type z } from 'zod'
import { type UseCaseFormSchema } from './schemas.ts'
import { type UseCaseDocument } from './use-case-document.ts'

const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? ('YES' as const) : ('NO' as const))

export function formValuesFromDocument(doc: UseCaseDocument, context: { orgUnitId: string; teamEmails: ReadonlyArray<string> }): Partial<Omit<z.input<typeof UseCaseFormSchema>, 'version' | 'intent'>> {
	return {
		name: doc.name,
		orgUnitId: context.orgUnitId,
		contactEmail: doc.contactEmail,
		teamEmails: context.teamEmails.join('; '),
		isWithheld: doc.isWithheld,
		stage: doc.stage,
		topicArea: doc.topicArea,
		classification: doc.classification,
		problemSolved: doc.problemSolved,
		benefits: doc.benefits,
		systemOutputs: doc.systemOutputs,
		operationalDate: doc.operationalDate,
		contractingUsage: doc.contractingUsage,
		vendorNames: doc.vendorNames.join('; '),
		hasAto: yesNo(doc.hasAto),
		atoSystemName: doc.atoSystemName,
		dataDescription: doc.dataDescription,
		linkToData: doc.linkToData,
		hasPii: yesNo(doc.hasPii),
		piaUrl: doc.piaUrl,
		demographicFeatures: doc.demographicFeatures,
		hasCustomCode: yesNo(doc.hasCustomCode),
		codeUrl: doc.codeUrl,
		decisionRole: doc.decisionRole,
		affectedParties: doc.affectedParties,
		informedDecisions: doc.informedDecisions,
		publicFacing: yesNo(doc.publicFacing),
		generativeAi: yesNo(doc.generativeAi),
		hosting: doc.hosting,
		ruleBasedOnly: yesNo(doc.aiScreen.ruleBasedOnly),
		practiceTesting: doc.practices.testing,
		practiceImpactAssessment: doc.practices.impactAssessment,
		practicePotentialImpacts: doc.practices.potentialImpacts,
		practiceMonitoring: doc.practices.monitoring,
		practiceTraining: doc.practices.training,
		practiceFailsafe: doc.practices.failsafe,
		practiceAppeal: doc.practices.appeal,
		practicePublicConsultation: doc.practices.publicConsultation,
		notAiRationale: doc.aiScreen.notAiRationale,
		principalBasisRationale: doc.highImpact.principalBasisRationale,
		cotsTask: doc.cotsTask,
		estimatedUsers: doc.estimatedUsers,
		safeguardPiaCompleted: yesNo(doc.safeguards.piaCompleted),
		safeguardRetrievedByIdentifier: yesNo(doc.safeguards.retrievedByPersonalIdentifier),
		safeguardSornNumber: doc.safeguards.sornNumber,
		safeguardComputerMatching: yesNo(doc.safeguards.computerMatching),
		safeguardBusinessAssociateAgreement: yesNo(doc.safeguards.businessAssociateAgreement),
		safeguardPart2ConsentBasis: doc.safeguards.part2ConsentBasis,
		safeguardSudRecordsExcluded: yesNo(doc.safeguards.sudRecordsExcluded),
		safeguardFedrampAuthorized: yesNo(doc.safeguards.fedrampAuthorized),
		safeguardGenerativeOutputsReviewed: yesNo(doc.safeguards.generativeOutputsReviewed),
		safeguardGenerativeAiPolicyAcknowledged: yesNo(doc.safeguards.generativeAiPolicyAcknowledged),
		safeguardGenerativeToolApproved: yesNo(doc.safeguards.generativeToolApproved),
		safeguardPublicFeedbackChannel: doc.safeguards.publicFeedbackChannel,
		safeguardCodeSharingDecision: doc.safeguards.codeSharingDecision,
		safeguardVendorAiContractTerms: yesNo(doc.safeguards.vendorAiContractTerms),
	}
}
