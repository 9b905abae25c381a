// CMS-style use cases the checks are tested against; the facts follow CMS's published inventory
// entries, but names of vendors and people are invented.
import {
	type UseCaseDocument,
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'

export function caseDocument(input: UseCaseDocumentInput): UseCaseDocument {
	return UseCaseDocumentSchema.parse(input)
}

/** Answers every inventory question a deployed, not-high-impact, in-house case needs; tests override. */
export function baseCase(overrides: Partial<UseCaseDocumentInput> = {}): UseCaseDocument {
	return caseDocument({
		trackingId: 'CMS-2026-0100',
		name: 'Base case',
		orgUnit: 'HHS/CMS/OIT',
		contactEmail: 'ai-governance@cms.hhs.gov',
		isWithheld: 'NO',
		stage: 'DEPLOYED',
		topicArea: 'ADMINISTRATIVE_FUNCTIONS',
		classification: 'CLASSICAL_ML',
		problemSolved: 'Staff sort incoming correspondence by hand, which delays replies by several days.',
		benefits: 'Routes correspondence to the right team on arrival, cutting reply times by about two days.',
		systemOutputs: 'A suggested routing category with a confidence score.',
		operationalDate: '2025-10-01',
		contractingUsage: 'IN_HOUSE',
		hasAto: true,
		atoSystemName: 'CMS Enterprise Data Platform',
		dataDescription: 'Two years of routed correspondence metadata, without personal information.',
		hasPii: false,
		demographicFeatures: ['NONE_OF_THE_ABOVE'],
		hasCustomCode: false,
		decisionRole: 'NONE',
		affectedParties: ['INTERNAL_ONLY'],
		informedDecisions: ['NONE'],
		publicFacing: false,
		generativeAi: false,
		hosting: 'CMS_DATA_CENTER',
		aiScreen: { ruleBasedOnly: false },
		highImpact: { determination: 'NOT_HIGH_IMPACT', determinedBy: 'Avery Chen, CAIO office', determinedOn: '2025-09-15' },
		datasets: [{ name: 'Correspondence routing history', category: 'ADMINISTRATIVE_HR', usage: ['TRAINING', 'OPERATION'] }],
		...overrides,
	})
}

/** CCIIO's remote identity proofing decision service for Marketplace applicants (cf. "iVeri-Fi"). */
export function marketplaceIdentityProofing(): UseCaseDocument {
	return caseDocument({
		trackingId: 'CMS-2026-0007',
		name: 'Marketplace remote identity proofing decision service',
		orgUnit: 'HHS/CMS/CCIIO',
		contactEmail: 'marketplace-ai@cms.hhs.gov',
		isWithheld: 'NO',
		stage: 'PRE_DEPLOYMENT',
		topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
		classification: 'CLASSICAL_ML',
		problemSolved: 'Applicants who fail knowledge-based identity questions wait days for manual document review before they can apply for coverage.',
		benefits: 'Most applicants are proofed in minutes, so they can finish their Marketplace application the same day.',
		systemOutputs: 'An accept, refer or deny identity-proofing decision for each applicant.',
		contractingUsage: 'PURCHASED',
		vendorNames: ['Example Identity Services, Inc.'],
		decisionRole: 'PRINCIPAL_BASIS',
		affectedParties: ['BENEFICIARIES'],
		informedDecisions: ['IDENTITY_ACCESS'],
		publicFacing: true,
		generativeAi: false,
		hosting: 'FEDRAMP_CLOUD',
		aiScreen: { ruleBasedOnly: false },
		highImpact: {
			determination: 'HIGH_IMPACT',
			determinedBy: 'Avery Chen, CAIO office',
			determinedOn: '2026-02-10',
			principalBasisRationale: 'Applicants the service denies cannot continue online; staff see only referrals.',
		},
		practices: { testing: 'IN_PROGRESS', impactAssessment: 'IN_PROGRESS' },
		safeguards: {
			piaCompleted: true,
			retrievedByPersonalIdentifier: true,
			sornNumber: '09-70-0560',
			computerMatching: false,
			fedrampAuthorized: true,
			publicFeedbackChannel: 'Post-application survey on HealthCare.gov',
			vendorAiContractTerms: true,
		},
		datasets: [
			{
				name: 'Marketplace applications (FFM)',
				category: 'MARKETPLACE',
				sensitivities: ['PII'],
				sornNumber: '09-70-0560',
				usage: ['EVALUATION', 'OPERATION'],
				minimumNecessaryJustification: 'Name, date of birth, address and SSN only: what identity proofing compares.',
			},
		],
	})
}

/**
 * A Center for Program Integrity model whose fraud score is the principal basis for suspending Medicare
 * payments to a provider: fraud detection and penalties (§6(m)) and control of public health-insurance
 * costs (§6(f)).
 */
export function medicareFraudPaymentSuspension(): UseCaseDocument {
	return caseDocument({
		trackingId: 'CMS-2026-0012',
		name: 'Medicare fee-for-service fraud model for payment suspensions',
		orgUnit: 'HHS/CMS/CPI',
		contactEmail: 'cpi-analytics@cms.hhs.gov',
		isWithheld: 'YES_DISCLOSURE_RISK',
		stage: 'DEPLOYED',
		topicArea: 'LAW_ENFORCEMENT',
		classification: 'CLASSICAL_ML',
		problemSolved: 'Fraudulent billing is found months after payment, when the money is hard to recover.',
		benefits: 'Flags likely fraud before payment so suspensions prevent improper payments instead of chasing them.',
		systemOutputs: 'A provider-level fraud score and the claims that drove it.',
		operationalDate: '2025-06-01',
		contractingUsage: 'IN_HOUSE',
		hasAto: true,
		atoSystemName: 'Fraud Prevention System (FPS)',
		dataDescription: 'Five years of Medicare Part A and B claims and PECOS enrolment records.',
		hasPii: true,
		demographicFeatures: ['NONE_OF_THE_ABOVE'],
		hasCustomCode: true,
		decisionRole: 'PRINCIPAL_BASIS',
		affectedParties: ['PROVIDERS'],
		informedDecisions: ['FRAUD_IMPROPER_PAYMENT', 'COVERAGE_PAYMENT'],
		publicFacing: false,
		generativeAi: false,
		hosting: 'CMS_DATA_CENTER',
		aiScreen: { ruleBasedOnly: false },
		highImpact: {
			determination: 'HIGH_IMPACT',
			determinedBy: 'Avery Chen, CAIO office',
			determinedOn: '2025-11-20',
			principalBasisRationale: 'Investigators suspend payment on the score unless they find a reason not to.',
		},
		practices: {
			testing: 'YES',
			impactAssessment: 'YES',
			potentialImpacts: 'Wrongful suspensions harm providers and their patients’ access; privacy impacts are covered by the FPS PIA.',
			independentReview: 'YES_OVERSIGHT_BOARD',
			monitoring: 'YES',
			training: 'YES',
			failsafe: 'YES',
			appeal: 'YES',
			publicConsultation: ['OTHER'],
		},
		safeguards: {
			piaCompleted: true,
			retrievedByPersonalIdentifier: true,
			sornNumber: '09-70-0558',
			computerMatching: false,
			sudRecordsExcluded: true,
			codeSharingDecision: 'EXEMPT',
		},
		datasets: [
			{
				name: 'Medicare Part A and B claims (IDR)',
				category: 'MEDICARE_CLAIMS',
				sensitivities: ['PII', 'PHI'],
				sornNumber: '09-70-0558',
				usage: ['TRAINING', 'OPERATION'],
				minimumNecessaryJustification: 'Billing provider, service codes, dates and amounts; beneficiary identifiers are hashed.',
			},
			{
				name: 'Provider enrolment (PECOS)',
				category: 'PROVIDER_DATA',
				sensitivities: ['PII'],
				sornNumber: '09-70-0532',
				usage: ['OPERATION'],
				minimumNecessaryJustification: 'Enrolment status, specialty and practice locations of the billing provider.',
			},
		],
	})
}

/** A code-completion assistant for OIT developers: generative, but it decides nothing about anyone. */
export function developerCodingAssistant(): UseCaseDocument {
	return baseCase({
		trackingId: 'CMS-2026-0031',
		name: 'Developer coding assistant',
		classification: 'GENERATIVE_AI',
		generativeAi: true,
		topicArea: 'INFORMATION_TECHNOLOGY',
		problemSolved: 'Developers spend a large share of their time on boilerplate code and unit tests.',
		benefits: 'Developers finish routine coding tasks faster and spend the time saved on reviews and fixes.',
		systemOutputs: 'Code suggestions that the developer accepts, edits or rejects.',
		contractingUsage: 'PURCHASED',
		vendorNames: ['Example Code Assistant, Inc.'],
		hosting: 'FEDRAMP_CLOUD',
		atoSystemName: 'CMS Cloud SaaS Services',
		dataDescription: 'No CMS data trains the model; prompts contain source code only.',
		safeguards: { fedrampAuthorized: true, generativeOutputsReviewed: true, generativeAiPolicyAcknowledged: true, vendorAiContractTerms: true },
		datasets: [{ name: 'CMS source code repositories', category: 'ADMINISTRATIVE_HR', usage: ['OPERATION'] }],
	})
}

/** The 1-800-MEDICARE call summariser piloted through a vendor's model API, with PHI in the prompts. */
export function callCentreSummariser(): UseCaseDocument {
	return caseDocument({
		trackingId: 'CMS-2026-0042',
		name: '1-800-MEDICARE call summariser',
		orgUnit: 'HHS/CMS/CM',
		contactEmail: 'call-centre-ai@cms.hhs.gov',
		isWithheld: 'NO',
		stage: 'PILOT',
		topicArea: 'SERVICE_DELIVERY',
		classification: 'GENERATIVE_AI',
		problemSolved: 'Representatives spend about two minutes after each call writing a summary.',
		benefits: 'Shorter after-call work so callers wait less, and more consistent call records.',
		systemOutputs: 'A draft call summary the representative edits and approves.',
		operationalDate: '2026-03-02',
		contractingUsage: 'PURCHASED',
		vendorNames: ['Example Speech Analytics, Inc.'],
		hasAto: true,
		atoSystemName: 'Contact Center Operations (CCO)',
		dataDescription: 'Call transcripts and the caller’s recent claims; nothing trains the vendor’s model.',
		hasPii: true,
		demographicFeatures: ['NONE_OF_THE_ABOVE'],
		hasCustomCode: false,
		decisionRole: 'ASSISTIVE',
		affectedParties: ['BENEFICIARIES'],
		informedDecisions: ['NONE'],
		publicFacing: false,
		generativeAi: true,
		hosting: 'VENDOR_API',
		aiScreen: { ruleBasedOnly: false },
		highImpact: { determination: 'NOT_HIGH_IMPACT', determinedBy: 'Avery Chen, CAIO office', determinedOn: '2026-02-20' },
		safeguards: {
			piaCompleted: true,
			retrievedByPersonalIdentifier: true,
			sornNumber: '09-70-0558',
			businessAssociateAgreement: false,
			fedrampAuthorized: false,
			generativeOutputsReviewed: true,
			sudRecordsExcluded: true,
			vendorAiContractTerms: true,
		},
		datasets: [
			{
				name: 'Medicare Part B claims (IDR)',
				category: 'MEDICARE_CLAIMS',
				sensitivities: ['PII', 'PHI'],
				sornNumber: '09-70-0558',
				usage: ['OPERATION'],
				minimumNecessaryJustification: 'The caller’s last 12 months of claim lines, as shown to the representative.',
			},
			{
				name: '1-800-MEDICARE call transcripts',
				category: 'ENROLLMENT_ELIGIBILITY',
				sensitivities: ['PII', 'PHI'],
				usage: ['OPERATION', 'EVALUATION'],
			},
		],
	})
}

/**
 * A deployed Marketplace eligibility model determined high-impact, with five practices documented and
 * ongoing monitoring and the appeal process still missing.
 */
export function deployedEligibilityModel(overrides: Partial<UseCaseDocumentInput> = {}): UseCaseDocument {
	return caseDocument({
		trackingId: 'CMS-2026-0019',
		name: 'Marketplace data-matching inconsistency resolution model',
		orgUnit: 'HHS/CMS/CCIIO',
		contactEmail: 'marketplace-ai@cms.hhs.gov',
		isWithheld: 'NO',
		stage: 'DEPLOYED',
		topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
		classification: 'CLASSICAL_ML',
		problemSolved: 'Income inconsistencies take caseworkers weeks to resolve, delaying eligibility decisions.',
		benefits: 'Resolves most income inconsistencies automatically, so consumers keep their coverage without gaps.',
		systemOutputs: 'A resolve or refer decision for each data-matching inconsistency.',
		operationalDate: '2025-08-01',
		contractingUsage: 'IN_HOUSE',
		hasAto: true,
		atoSystemName: 'Federally Facilitated Marketplace (FFM)',
		dataDescription: 'Three years of resolved inconsistencies with the documents consumers supplied.',
		hasPii: true,
		demographicFeatures: ['INCOME'],
		hasCustomCode: false,
		decisionRole: 'PRINCIPAL_BASIS',
		affectedParties: ['BENEFICIARIES'],
		informedDecisions: ['ELIGIBILITY_ENROLLMENT'],
		publicFacing: false,
		generativeAi: false,
		hosting: 'CMS_DATA_CENTER',
		aiScreen: { ruleBasedOnly: false },
		highImpact: {
			determination: 'HIGH_IMPACT',
			determinedBy: 'Avery Chen, CAIO office',
			determinedOn: '2025-12-01',
			principalBasisRationale: 'Resolved inconsistencies close without a caseworker looking at them.',
		},
		practices: {
			testing: 'YES',
			impactAssessment: 'YES',
			potentialImpacts: 'Wrongly unresolved cases could end coverage; privacy and civil-rights impacts are in the FFM PIA.',
			independentReview: 'YES_INTERNAL_REVIEWER',
			monitoring: 'IN_PROGRESS',
			training: 'YES',
			failsafe: 'YES',
			publicConsultation: ['USABILITY_TESTING'],
		},
		safeguards: {
			piaCompleted: true,
			retrievedByPersonalIdentifier: true,
			sornNumber: '09-70-0560',
			computerMatching: false,
		},
		datasets: [
			{
				name: 'Marketplace applications (FFM)',
				category: 'MARKETPLACE',
				sensitivities: ['PII'],
				sornNumber: '09-70-0560',
				usage: ['TRAINING', 'OPERATION'],
				minimumNecessaryJustification: 'Household income fields and the inconsistency record only.',
			},
		],
		...overrides,
	})
}
