import { expect, test } from 'vitest'
import {
	baseCase,
	callCentreSummariser,
	caseDocument,
	developerCodingAssistant,
	marketplaceIdentityProofing,
	medicareFraudPaymentSuspension,
} from '#tests/fixtures/cms-example-cases.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import {
	commentTopics,
	datasetQuestionAt,
	fieldAnswerText,
	fieldLabel,
	type FieldPath,
	fieldPaths,
	formSections,
	fieldRules,
	missingOmbFields,
	missingRequiredFields,
	ombRequiredFields,
	questionLinkLabel,
	questionToAnswer,
	requiredFields,
	validateForInventory,
	questionNameOfOmbColumn,
	submissionProblems,
	validateForSubmission,
	visibleFields,
} from './field-rules.ts'
import {
	type UseCaseDocument,
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from './use-case-document.ts'

const doc = (input: Partial<UseCaseDocumentInput>) =>
	UseCaseDocumentSchema.parse({ name: 'Claims triage model', ...input })

const identified: Partial<UseCaseDocumentInput> = {
	trackingId: 'CMS-2026-0007',
	orgUnit: 'HHS/CMS/CPI',
	contactEmail: 'owner@cms.hhs.gov',
	isWithheld: 'NO',
}

const described: Partial<UseCaseDocumentInput> = {
	topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
	classification: 'CLASSICAL_ML',
	problemSolved: 'Manual review of every claim is slow.',
	benefits: 'Faster payment for correct claims.',
	systemOutputs: 'A risk score per claim.',
	decisionRole: 'ASSISTIVE',
	affectedParties: ['PROVIDERS'],
	informedDecisions: ['COVERAGE_PAYMENT'],
	publicFacing: false,
	generativeAi: false,
	hosting: 'CMS_DATA_CENTER',
}

const inOperation: Partial<UseCaseDocumentInput> = {
	operationalDate: '2026-01-05',
	contractingUsage: 'IN_HOUSE',
	hasAto: true,
	atoSystemName: 'Fraud Prevention System (FPS)',
	dataDescription: 'Two years of Part B claims, labelled by past investigations.',
	hasPii: true,
	demographicFeatures: ['NONE_OF_THE_ABOVE'],
	hasCustomCode: true,
	datasets: [
		{
			name: 'Part B claims',
			category: 'MEDICARE_CLAIMS',
			sensitivities: ['PII', 'PHI'],
			usage: ['TRAINING', 'OPERATION'],
			minimumNecessaryJustification: 'Claim lines without beneficiary names or addresses.',
		},
	],
}

const practicesAnswered: UseCaseDocumentInput['practices'] = {
	testing: 'YES',
	impactAssessment: 'YES',
	potentialImpacts: 'Wrongly delayed payments to providers; reviewed with the privacy office.',
	independentReview: 'YES_CAIO',
	monitoring: 'YES',
	training: 'IN_PROGRESS',
	failsafe: 'YES',
	appeal: 'YES',
	publicConsultation: ['USABILITY_TESTING'],
}

const identifying = ['name', 'orgUnit', 'contactEmail', 'isWithheld', 'stage']
const describing = ['topicArea', 'classification', 'problemSolved', 'benefits', 'systemOutputs']
const trackerQuestions = [
	'decisionRole',
	'affectedParties',
	'informedDecisions',
	'publicFacing',
	'generativeAi',
	'hosting',
]
const operating = [
	'operationalDate',
	'contractingUsage',
	'hasAto',
	'dataDescription',
	'hasPii',
	'demographicFeatures',
	'hasCustomCode',
]
const practices: Array<FieldPath> = [
	'practices.testing',
	'practices.impactAssessment',
	'practices.potentialImpacts',
	'practices.independentReview',
	'practices.monitoring',
	'practices.training',
	'practices.failsafe',
	'practices.appeal',
	'practices.publicConsultation',
]

test('a case with no stage yet is asked only to identify itself and choose a stage', () => {
	expect(requiredFields(doc({}))).toEqual(identifying)
})

test('a retired case needs only the identifying fields', () => {
	expect(requiredFields(doc({ stage: 'RETIRED' }))).toEqual(identifying)
	expect(missingRequiredFields(doc({ ...identified, stage: 'RETIRED' }))).toEqual([])
	expect(validateForSubmission(doc({ ...identified, stage: 'RETIRED' }))).toEqual({
		ok: true,
		fieldErrors: {},
	})
})

test('pre-deployment adds the description questions and the tracker’s own, not the operational ones', () => {
	expect(requiredFields(doc({ stage: 'PRE_DEPLOYMENT' }))).toEqual([
		...identifying,
		...describing,
		...trackerQuestions,
	])
	expect(
		missingRequiredFields(doc({ ...identified, ...described, stage: 'PRE_DEPLOYMENT' })),
	).toEqual([])
})

test('a pilot must also give its start date, sourcing, ATO, data, PII, demographics and custom code', () => {
	expect(missingRequiredFields(doc({ ...identified, ...described, stage: 'PILOT' }))).toEqual(
		operating,
	)
	expect(
		missingRequiredFields(doc({ ...identified, ...described, ...inOperation, stage: 'PILOT' })),
	).toEqual([])
})

test('a deployed case that is not high-impact needs what a pilot needs, and no minimum practices', () => {
	const notHighImpact = doc({
		...identified,
		...described,
		...inOperation,
		stage: 'DEPLOYED',
		highImpact: { determination: 'NOT_HIGH_IMPACT' },
	})
	expect(requiredFields(notHighImpact)).toEqual(
		requiredFields(doc({ ...identified, ...described, ...inOperation, stage: 'PILOT' })),
	)
	expect(validateForSubmission(notHighImpact)).toEqual({ ok: true, fieldErrors: {} })
})

test('a deployed high-impact case must answer the eight hi_* questions that are the submitter’s', () => {
	const highImpact = {
		...identified,
		...described,
		...inOperation,
		stage: 'DEPLOYED' as const,
		highImpact: { determination: 'HIGH_IMPACT' as const },
	}
	expect(missingRequiredFields(doc(highImpact))).toEqual(
		practices.filter((path) => path !== 'practices.independentReview'),
	)
	expect(validateForSubmission(doc(highImpact)).fieldErrors['practices.testing']).toEqual([
		'Say whether pre-deployment testing was done (§4(b)(i)).',
	])
	expect(missingRequiredFields(doc({ ...highImpact, practices: practicesAnswered }))).toEqual([])
})

test('hi_independent_review is the tracker’s answer, taken from who reviewed: the inventory needs it, submission does not', () => {
	const highImpact = {
		...identified,
		...described,
		...inOperation,
		stage: 'DEPLOYED' as const,
		highImpact: { determination: 'HIGH_IMPACT' as const },
	}
	const { independentReview: _unreviewed, ...submitterAnswers } = practicesAnswered ?? {}
	expect(fieldRules['practices.independentReview'].answeredBy).toBe('TRACKER')
	expect(validateForSubmission(doc({ ...highImpact, practices: submitterAnswers })).ok).toBe(true)
	expect(
		validateForInventory(
			doc({ ...highImpact, trackingId: 'CMS-2026-0001', practices: submitterAnswers }),
		).fieldErrors['practices.independentReview'],
	).toEqual([expect.stringMatching(/independent of the case approves a review lane/)])
})

test('the hi_* questions appear only for a high-impact case that is deployed', () => {
	expect(
		visibleFields(doc({ stage: 'PILOT', highImpact: { determination: 'HIGH_IMPACT' } })).has(
			'practices.testing',
		),
	).toBe(false)
	expect(
		visibleFields(doc({ stage: 'DEPLOYED', highImpact: { determination: 'NOT_HIGH_IMPACT' } })).has(
			'practices.testing',
		),
	).toBe(false)
	expect(
		visibleFields(
			doc({ stage: 'DEPLOYED', highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT' } }),
		).has('practices.appeal'),
	).toBe(false)
	const shown = visibleFields(
		doc({ stage: 'DEPLOYED', highImpact: { determination: 'HIGH_IMPACT' } }),
	)
	for (const path of practices) expect(shown.has(path)).toBe(true)
})

test('the operational date is asked only of pilots and deployed cases', () => {
	expect(visibleFields(doc({ stage: 'PRE_DEPLOYMENT' })).has('operationalDate')).toBe(false)
	expect(visibleFields(doc({ stage: 'RETIRED' })).has('operationalDate')).toBe(false)
	expect(visibleFields(doc({ stage: 'PILOT' })).has('operationalDate')).toBe(true)
})

test('the vendor question appears only for purchased or mixed sourcing, and is required for pilots', () => {
	expect(visibleFields(doc({ contractingUsage: 'IN_HOUSE' })).has('vendorNames')).toBe(false)
	expect(visibleFields(doc({ contractingUsage: 'PURCHASED' })).has('vendorNames')).toBe(true)
	expect(
		missingRequiredFields(doc({ stage: 'PILOT', contractingUsage: 'CONTRACT_AND_IN_HOUSE' })),
	).toContain('vendorNames')
	expect(
		missingRequiredFields(doc({ stage: 'PRE_DEPLOYMENT', contractingUsage: 'PURCHASED' })),
	).not.toContain('vendorNames')
	expect(
		missingRequiredFields(
			doc({ stage: 'DEPLOYED', contractingUsage: 'PURCHASED', vendorNames: ['Acme Analytics'] }),
		),
	).not.toContain('vendorNames')
})

test('the ATO system name appears only when there is an ATO; the PIA and code links only when relevant', () => {
	expect(visibleFields(doc({ hasAto: false })).has('atoSystemName')).toBe(false)
	expect(visibleFields(doc({ hasAto: true })).has('atoSystemName')).toBe(true)
	expect(missingRequiredFields(doc({ stage: 'DEPLOYED', hasAto: true }))).toContain('atoSystemName')
	expect(missingRequiredFields(doc({ stage: 'DEPLOYED', hasAto: false }))).not.toContain(
		'atoSystemName',
	)
	expect(visibleFields(doc({ hasPii: true })).has('piaUrl')).toBe(true)
	expect(visibleFields(doc({ hasPii: false })).has('piaUrl')).toBe(false)
	expect(visibleFields(doc({ hasCustomCode: false })).has('codeUrl')).toBe(false)
	expect(visibleFields(doc({ hasCustomCode: true })).has('codeUrl')).toBe(true)
	expect(requiredFields(doc({ stage: 'DEPLOYED', hasPii: true, hasCustomCode: true }))).not.toEqual(
		expect.arrayContaining(['piaUrl', 'codeUrl', 'linkToData']),
	)
})

test('the high-impact justification appears only for “presumed high-impact, but determined not”', () => {
	expect(
		visibleFields(doc({ highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT' } })).has(
			'highImpact.justification',
		),
	).toBe(true)
	expect(
		visibleFields(doc({ highImpact: { determination: 'HIGH_IMPACT' } })).has(
			'highImpact.justification',
		),
	).toBe(false)
	expect(
		visibleFields(doc({ highImpact: { determination: 'NOT_HIGH_IMPACT' } })).has(
			'highImpact.justification',
		),
	).toBe(false)
	expect(visibleFields(doc({})).has('highImpact.justification')).toBe(false)
})

test('the not-AI rationale appears only when the system is said to be rule-based only', () => {
	expect(
		visibleFields(doc({ aiScreen: { ruleBasedOnly: true } })).has('aiScreen.notAiRationale'),
	).toBe(true)
	expect(
		visibleFields(doc({ aiScreen: { ruleBasedOnly: false } })).has('aiScreen.notAiRationale'),
	).toBe(false)
})

test('submission waits for the submitter, not for the tracking id or the governance lead’s determination', () => {
	const submitted = doc({
		...identified,
		...described,
		stage: 'PRE_DEPLOYMENT',
		trackingId: undefined,
		highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT' },
	})
	expect(validateForSubmission(submitted)).toEqual({ ok: true, fieldErrors: {} })
	expect(missingOmbFields(submitted)).toEqual(['trackingId', 'highImpact.justification'])
})

test('OMB’s required columns per stage, exactly as its dictionary lists them', () => {
	const ombIdentifying = [
		'trackingId',
		'name',
		'orgUnit',
		'contactEmail',
		'isWithheld',
		'stage',
		'highImpact.determination',
	]
	expect(ombRequiredFields(doc({ stage: 'RETIRED' }))).toEqual(ombIdentifying)
	expect(ombRequiredFields(doc({ stage: 'PRE_DEPLOYMENT' }))).toEqual([
		'trackingId',
		'name',
		'orgUnit',
		'contactEmail',
		'isWithheld',
		'stage',
		'highImpact.determination',
		...describing,
	])
	expect(
		ombRequiredFields(doc({ stage: 'PILOT', contractingUsage: 'PURCHASED', hasAto: true })),
	).toEqual([
		...ombIdentifying,
		...describing,
		'operationalDate',
		'contractingUsage',
		'vendorNames',
		'hasAto',
		'atoSystemName',
		'dataDescription',
		'hasPii',
		'demographicFeatures',
		'hasCustomCode',
	])
	const highImpactDeployed = ombRequiredFields(
		doc({ stage: 'DEPLOYED', highImpact: { determination: 'HIGH_IMPACT' } }),
	)
	expect(highImpactDeployed.slice(-9)).toEqual(practices)
	expect(highImpactDeployed).not.toEqual(expect.arrayContaining(trackerQuestions))
})

test('every OMB 2025 column an agency answers (3 to 36) is mapped to exactly one field', () => {
	const columns = fieldPaths
		.map((path) => fieldRules[path].ombColumn)
		.filter((column) => column !== undefined)
	expect(columns).toHaveLength(34)
	expect(new Set(columns).size).toBe(34)
	expect(fieldRules['highImpact.justification'].ombColumn).toBe('HI_justification')
	expect(fieldRules.vendorNames.ombColumn).toBe('vendor_name')
	expect(fieldRules['practices.publicConsultation'].ombColumn).toBe('hi_public_consultation')
})

test('the inventory needs the governance lead’s determination and, when presumed but not, its justification', () => {
	const complete = { ...identified, ...described, ...inOperation, stage: 'PILOT' as const }
	expect(validateForInventory(doc(complete)).fieldErrors).toEqual({
		'highImpact.determination': ['Record whether the use case is high-impact under M-25-21 §5.'],
	})
	expect(
		validateForInventory(
			doc({ ...complete, highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT' } }),
		).fieldErrors,
	).toEqual({
		'highImpact.justification': [
			'Explain why this presumed high-impact use case is not high-impact.',
		],
	})
	const justified = doc({
		...complete,
		highImpact: {
			determination: 'PRESUMED_NOT_HIGH_IMPACT',
			justification: 'A reviewer re-scores every flagged claim.',
		},
	})
	expect(validateForInventory(justified)).toEqual({ ok: true, fieldErrors: {} })
})

test('pilots and deployed cases must link their datasets; pre-deployment cases need not yet', () => {
	const { datasets: _linked, ...withoutDatasets } = inOperation
	expect(
		validateForSubmission(doc({ ...identified, ...described, ...withoutDatasets, stage: 'PILOT' }))
			.fieldErrors,
	).toEqual({
		datasets: ['Link the datasets it uses from the catalogue.'],
	})
	expect(
		validateForSubmission(doc({ ...identified, ...described, stage: 'PRE_DEPLOYMENT' })).ok,
	).toBe(true)
})

test('every linked dataset holding records about individuals needs a minimum-necessary justification', () => {
	const result = validateForSubmission(
		doc({
			...identified,
			...described,
			stage: 'PRE_DEPLOYMENT',
			datasets: [
				{
					name: 'Part B claims',
					category: 'MEDICARE_CLAIMS',
					sensitivities: ['PII', 'PHI'],
					usage: ['TRAINING'],
				},
				{
					name: 'Care Compare',
					category: 'QUALITY_MEASURES',
					sensitivities: [],
					usage: ['EVALUATION'],
				},
				{
					name: 'T-MSIS SUD claims',
					category: 'MEDICAID_CHIP_CLAIMS',
					sensitivities: ['PHI', 'PART2'],
					usage: ['TRAINING'],
				},
				{
					name: 'Marketplace income data',
					category: 'MARKETPLACE',
					sensitivities: ['FTI'],
					usage: ['OPERATION'],
				},
				{
					name: 'Provider enrollment (PECOS)',
					category: 'PROVIDER_DATA',
					sensitivities: ['PII'],
					usage: ['OPERATION'],
				},
				{
					name: 'County demographics',
					category: 'PUBLIC_OPEN_DATA',
					sensitivities: ['DEMOGRAPHIC'],
					usage: ['EVALUATION'],
				},
			],
		}),
	)
	expect(result.ok).toBe(false)
	expect(result.fieldErrors).toEqual({
		'datasets.0.minimumNecessaryJustification': [
			'It holds PHI, so explain why the use case needs it (minimum necessary).',
		],
		'datasets.2.minimumNecessaryJustification': [
			'It holds Part 2 substance-use records, so explain why the use case needs it (minimum necessary).',
		],
		'datasets.3.minimumNecessaryJustification': [
			'It holds federal tax information, so explain why the use case needs it (minimum necessary).',
		],
		'datasets.4.minimumNecessaryJustification': [
			'It holds PII, so explain why the use case needs it (minimum necessary).',
		],
	})
})

test('a complete pre-deployment case passes; contradictory “none” answers do not', () => {
	expect(
		validateForSubmission(doc({ ...identified, ...described, stage: 'PRE_DEPLOYMENT' })),
	).toEqual({ ok: true, fieldErrors: {} })
	const contradictory = validateForSubmission(
		doc({
			...identified,
			...described,
			stage: 'PRE_DEPLOYMENT',
			informedDecisions: ['NONE', 'COVERAGE_PAYMENT'],
			demographicFeatures: ['AGE', 'NONE_OF_THE_ABOVE'],
			affectedParties: ['INTERNAL_ONLY', 'BENEFICIARIES'],
		}),
	)
	expect(contradictory.fieldErrors).toEqual({
		informedDecisions: ['“None of these” cannot be combined with other decisions.'],
		demographicFeatures: ['“None of the above” cannot be combined with other features.'],
		affectedParties: ['“Internal operations only” cannot be combined with people it affects.'],
	})
})

test('an AI said to inform no decisions cannot also list the decisions it informs', () => {
	const result = validateForSubmission(
		doc({ ...identified, ...described, stage: 'PRE_DEPLOYMENT', decisionRole: 'NONE' }),
	)
	expect(result.fieldErrors).toEqual({
		decisionRole: [
			'It is said to inform no decisions, yet decisions it informs are chosen: correct one of the two answers.',
		],
	})
	expect(
		validateForSubmission(
			doc({
				...identified,
				...described,
				stage: 'PRE_DEPLOYMENT',
				decisionRole: 'NONE',
				informedDecisions: ['NONE'],
			}),
		).ok,
	).toBe(true)
})

test('“no PII” is refused when a linked dataset holds records about individuals', () => {
	const result = validateForSubmission(
		doc({ ...identified, ...described, ...inOperation, stage: 'PILOT', hasPii: false }),
	)
	expect(result.fieldErrors).toEqual({
		hasPii: [
			'It is said to involve no PII, but Part B claims holds records about individuals: answer Yes.',
		],
	})
	const publicDataOnly = doc({
		...identified,
		...described,
		...inOperation,
		stage: 'PILOT',
		hasPii: false,
		datasets: [
			{
				name: 'Care Compare',
				category: 'QUALITY_MEASURES',
				sensitivities: [],
				usage: ['OPERATION'],
			},
		],
	})
	expect(validateForSubmission(publicDataOnly)).toEqual({ ok: true, fieldErrors: {} })
})

test('every required question has a message a person can act on', () => {
	for (const path of fieldPaths) {
		const rule = fieldRules[path]
		if (
			rule.requiredWhen(doc({ stage: 'DEPLOYED', highImpact: { determination: 'HIGH_IMPACT' } }))
		) {
			expect(rule.message, path).toMatch(/^[A-Z].{10,}\.$/)
		}
	}
})

const asOf = new Date('2026-06-01T12:00:00Z')

/** A finding of the case as the findings panel shows it: its next step, and the question its link names. */
function findingOf(document: UseCaseDocument, checkId: string) {
	const result = evaluateUseCase(document, { pack: shippedPolicyPack(), asOf }).results.find(
		(candidate) => candidate.checkId === checkId,
	)!
	const path = questionToAnswer(result, document)
	return {
		status: result.status,
		nextStep: result.nextStep,
		link: path === null ? null : { path, label: questionLinkLabel(path, document) },
	}
}

test('the inventory finding links to the very question its next step asks for, not another missing one', () => {
	// Withheld and stage both unanswered: the step asks about withholding, the first missing answer.
	const unstaged = baseCase({ isWithheld: undefined, stage: undefined })
	expect(findingOf(unstaged, 'M2521-3B-V-C1')).toEqual({
		status: 'NEEDS_ATTENTION',
		nextStep: fieldRules.isWithheld.message,
		link: { path: 'isWithheld', label: 'Withheld from the public inventory' },
	})
	// The operational date and the ATO's system name both missing: the step asks for the date.
	const undated = baseCase({ operationalDate: undefined, atoSystemName: undefined })
	expect(findingOf(undated, 'M2521-3B-V-C1')).toEqual({
		status: 'NEEDS_ATTENTION',
		nextStep: 'Enter the date it became operational (or the pilot’s start date).',
		link: { path: 'operationalDate', label: 'Operational date' },
	})
})

test('the HIPAA minimum-necessary finding links to the dataset’s “Why is this data needed?”, named as the form asks it', () => {
	const phiInSecondDataset = baseCase({
		hasPii: true,
		datasets: [
			{
				name: 'Correspondence routing history',
				category: 'ADMINISTRATIVE_HR',
				usage: ['OPERATION'],
			},
			{
				name: 'Medicare claims sample',
				category: 'MEDICARE_CLAIMS',
				sensitivities: ['PHI'],
				usage: ['TRAINING'],
			},
		],
	})
	expect(findingOf(phiInSecondDataset, 'HIPAA-MIN-NEC-C1')).toEqual({
		status: 'FAIL',
		nextStep: expect.stringMatching(/^For each PHI dataset, state which fields and records/),
		link: {
			path: 'datasets.1.minimumNecessaryJustification',
			label: 'Why is this data needed? (Medicare claims sample)',
		},
	})
})

test('the mission-benefit finding links to the expected benefits its next step asks for, not the problem it solves', () => {
	const unstated = baseCase({ benefits: undefined, problemSolved: undefined })
	expect(findingOf(unstated, 'EO14179-SEC2-C1')).toEqual({
		status: 'NEEDS_ATTENTION',
		nextStep: expect.stringMatching(/^State the mission benefit/),
		link: { path: 'benefits', label: 'Expected benefits' },
	})
	const brief = baseCase({ benefits: 'Faster.', problemSolved: undefined })
	expect(findingOf(brief, 'EO14179-SEC2-C1').link).toEqual({
		path: 'benefits',
		label: 'Expected benefits',
	})
})

test('a finding links to the safeguard its next step asks for, never the facts that raised it, and a step done off the form has no link', () => {
	const summariser = UseCaseDocumentSchema.parse({
		...callCentreSummariser(),
		stage: 'PILOT',
		hasAto: false,
		isWithheld: undefined,
	})
	const linkOf = (checkId: string) => findingOf(summariser, checkId).link?.path ?? null
	expect({
		contractClauses: linkOf('PRIVACY-ACT-CONTRACTOR-C1'),
		baa: linkOf('HIPAA-BAA-C1'),
		riskAnalysis: linkOf('HIPAA-SECURITY-C1'),
		fedramp: linkOf('FEDRAMP-C1'),
		ato: linkOf('FISMA-ATO-C1'),
		generativeTool: linkOf('M2521-3B-IV-C1'),
		inventory: linkOf('M2521-3B-V-C1'),
	}).toEqual({
		contractClauses: 'safeguards.privacyActContractClauses',
		baa: 'safeguards.businessAssociateAgreement',
		riskAnalysis: 'safeguards.ephiRiskAnalysis',
		fedramp: 'safeguards.fedrampAuthorized',
		ato: 'hasAto',
		generativeTool: 'safeguards.generativeToolApproved',
		inventory: 'isWithheld',
	})
	// A question the form does not ask the submitter (the lead's determination), or a dataset the
	// case does not link, gets no link.
	expect(
		questionToAnswer({ nextStep: 'Do it.', nextQuestion: 'highImpact.determination' }, summariser),
	).toBe(null)
	expect(
		questionToAnswer(
			{ nextStep: 'Do it.', nextQuestion: 'datasets.9.minimumNecessaryJustification' },
			summariser,
		),
	).toBe(null)
	expect(questionToAnswer({ nextStep: null, nextQuestion: 'hasAto' }, summariser)).toBe(null)
})

test('every next question a check names is a question of the case or of one of its datasets', () => {
	const pack = shippedPolicyPack()
	for (const example of [
		baseCase({ isWithheld: undefined, stage: undefined, benefits: undefined }),
		callCentreSummariser(),
		developerCodingAssistant(),
		marketplaceIdentityProofing(),
		medicareFraudPaymentSuspension(),
		caseDocument({ name: 'Draft' }),
	]) {
		for (const result of evaluateUseCase(example, { pack, asOf }).results) {
			if (result.nextQuestion === undefined) continue
			expect(result.nextStep, result.checkId).not.toBe(null)
			const known =
				result.nextQuestion === 'datasets' ||
				(fieldPaths as Array<string>).includes(result.nextQuestion) ||
				datasetQuestionAt(result.nextQuestion) !== null
			expect(known, `${result.checkId}: ${result.nextQuestion}`).toBe(true)
		}
	}
})

test('a comment can be about any question of the form, in its words, and each topic is one the comment schema takes', async () => {
	const { CommentFormSchema } = await import('#app/modules/workflow/comment-schema.ts')
	const topics = commentTopics.flatMap((group) => group.topics)
	expect(commentTopics.map((group) => group.section)).toEqual(
		Object.values(formSections).map((section) => section.title),
	)
	expect(topics).toEqual(
		expect.arrayContaining([
			{ path: 'contactEmail', name: 'Contact e-mail' },
			{ path: 'datasets', name: 'Datasets' },
			{ path: 'piaUrl', name: 'PIA link' },
			{ path: 'hasAto', name: 'Authorization to Operate' },
			{ path: 'safeguards.fedrampAuthorized', name: 'FedRAMP authorized' },
		]),
	)
	for (const { path } of topics)
		expect(
			CommentFormSchema.safeParse({ body: 'A question.', fieldPath: path }).success,
			path,
		).toBe(true)
})

test('a path named like an object’s own property is no question: its label and answer are the path and the answer as given', () => {
	for (const path of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
		expect(fieldLabel(path)).toBe(path)
		expect(fieldAnswerText(path, 'as written')).toBe('as written')
	}
	expect(fieldLabel('piaUrl')).toBe('PIA link')
})

test('the training-data disclosure question is asked before any sharing of a model trained on personal data, not only a public release', () => {
	const trainedOnClaims = {
		hasCustomCode: true,
		datasets: [
			{
				name: 'Part B claims',
				category: 'MEDICARE_CLAIMS' as const,
				sensitivities: ['PII' as const, 'PHI' as const],
				usage: ['TRAINING' as const],
				dataUseAgreementRequired: false,
			},
		],
	}
	const asked = (input: Partial<UseCaseDocumentInput>) =>
		visibleFields(doc({ ...trainedOnClaims, ...input })).has(
			'safeguards.trainingDataDisclosureAssessed',
		)
	expect(asked({ safeguards: { codeSharingDecision: 'SHARED_PUBLICLY' } })).toBe(true)
	expect(asked({ safeguards: { codeSharingDecision: 'SHARED_GOVERNMENT' } })).toBe(true)
	expect(asked({ codeUrl: 'https://github.com/CMSgov/example' })).toBe(true)
	expect(asked({ safeguards: { codeSharingDecision: 'EXEMPT' } })).toBe(false)
	expect(asked({})).toBe(false)
	expect(
		visibleFields(
			doc({
				hasCustomCode: true,
				safeguards: { codeSharingDecision: 'SHARED_GOVERNMENT' },
				datasets: [{ ...trainedOnClaims.datasets[0]!, sensitivities: [] }],
			}),
		).has('safeguards.trainingDataDisclosureAssessed'),
	).toBe(false)
})

test('why a fail-safe or appeal is not applicable is asked only when it is answered so and the output affects people', () => {
	const deployedHighImpact = {
		stage: 'DEPLOYED' as const,
		highImpact: { determination: 'HIGH_IMPACT' as const },
	}
	const shown = (input: Partial<UseCaseDocumentInput>) =>
		visibleFields(doc({ ...deployedHighImpact, ...input }))
	const people = shown({
		affectedParties: ['BENEFICIARIES'],
		practices: { failsafe: 'NOT_APPLICABLE', appeal: 'NOT_APPLICABLE' },
	})
	expect(people.has('practices.failsafeNotApplicableReason')).toBe(true)
	expect(people.has('practices.appealNotApplicableReason')).toBe(true)
	const internal = shown({
		affectedParties: ['INTERNAL_ONLY'],
		practices: { failsafe: 'NOT_APPLICABLE', appeal: 'NOT_APPLICABLE' },
	})
	expect(internal.has('practices.failsafeNotApplicableReason')).toBe(false)
	const answeredYes = shown({
		affectedParties: ['PROVIDERS'],
		practices: { failsafe: 'YES', appeal: 'PRECLUDED_BY_LAW' },
	})
	expect(answeredYes.has('practices.failsafeNotApplicableReason')).toBe(false)
	expect(answeredYes.has('practices.appealNotApplicableReason')).toBe(false)
	expect(fieldRules['practices.appealNotApplicableReason'].hint).toContain('§4(b)(vi)')
})

test('a date answer reads like the app’s other dates, to the day, the month or the year it is known to', () => {
	expect(fieldAnswerText('operationalDate', '2025-07-14')).toBe('Jul 14, 2025')
	expect(fieldAnswerText('operationalDate', '2025-07')).toBe('Jul 2025')
	expect(fieldAnswerText('operationalDate', '2025')).toBe('2025')
	// An answer kept as a file wrote it is shown as written.
	expect(fieldAnswerText('operationalDate', 'Q3 FY2025')).toBe('Q3 FY2025')
})

test('each of OMB’s columns a question fills is named by that question', () => {
	expect(questionNameOfOmbColumn('is_high_impact')).toBe(
		fieldRules['highImpact.determination'].name,
	)
	expect(questionNameOfOmbColumn('operational_date')).toBe('Operational date')
	expect(questionNameOfOmbColumn('not_an_omb_column')).toBeNull()
	for (const question of Object.values(fieldRules))
		if (question.ombColumn) expect(questionNameOfOmbColumn(question.ombColumn)).toBeTruthy()
})

test('Submit wants each linked dataset’s use chosen, beside the document’s own problems', () => {
	const linked = doc({
		...identified,
		...described,
		stage: 'PRE_DEPLOYMENT',
		datasets: [
			{
				name: 'Part B claims',
				category: 'MEDICARE_CLAIMS',
				sensitivities: ['PHI'],
				usage: ['OPERATION'],
			},
			{
				name: 'Care Compare',
				category: 'QUALITY_MEASURES',
				sensitivities: [],
				usage: ['OPERATION'],
			},
		],
	})
	expect(submissionProblems(linked, [[], ['OPERATION']])).toEqual({
		'datasets.0.minimumNecessaryJustification': [
			'It holds PHI, so explain why the use case needs it (minimum necessary).',
		],
		'datasets.0.usages': ['Say how this dataset is used.'],
	})
	expect(submissionProblems(linked, [['TRAINING'], ['OPERATION']])).toEqual(
		validateForSubmission(linked).fieldErrors,
	)
})

test('information quality and public surveys are asked of public-facing cases only, and PRA clearance only where the public fills in surveys or forms', () => {
	const internal = visibleFields(doc({ publicFacing: false }))
	expect(internal.has('safeguards.informationQualityApplied')).toBe(false)
	expect(internal.has('safeguards.publicSurveysOrForms')).toBe(false)
	expect(internal.has('safeguards.paperworkClearanceConsidered')).toBe(false)
	const publicFacing = visibleFields(doc({ publicFacing: true }))
	expect(publicFacing.has('safeguards.informationQualityApplied')).toBe(true)
	expect(publicFacing.has('safeguards.publicSurveysOrForms')).toBe(true)
	expect(publicFacing.has('safeguards.paperworkClearanceConsidered')).toBe(false)
	const surveyed = visibleFields(
		doc({ publicFacing: true, safeguards: { publicSurveysOrForms: true } }),
	)
	expect(surveyed.has('safeguards.paperworkClearanceConsidered')).toBe(true)
	// Answered before the case stopped being public-facing: no longer asked.
	expect(
		visibleFields(doc({ publicFacing: false, safeguards: { publicSurveysOrForms: true } })).has(
			'safeguards.paperworkClearanceConsidered',
		),
	).toBe(false)
	expect(fieldRules['safeguards.paperworkClearanceConsidered'].hint).toContain('44 U.S.C. 3507')
	expect(fieldRules['safeguards.informationQualityApplied'].section).toBe('safeguards')
})
