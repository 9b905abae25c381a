import { expect, test } from 'vitest'
import {
	affectedPartyLabels,
	appealChoices,
	choiceLabel,
	classificationChoices,
	codeSharingDecisionLabels,
	contactRoleLabels,
	contractingChoices,
	datasetCategories,
	datasetCategoryLabels,
	datasetSensitivities,
	datasetSensitivityLabels,
	datasetUsageLabels,
	decisionRoleLabels,
	decisionRoles,
	demographicFeatureChoices,
	failsafeChoices,
	highImpactChoices,
	hostingLabels,
	independentReviewChoices,
	informedDecisionLabels,
	minimumPracticeKeys,
	minimumPractices,
	monitoringChoices,
	type OmbChoice,
	ombChoiceKey,
	ombMultipleChoiceColumns,
	part2ConsentBasisLabels,
	practiceProgressChoices,
	publicConsultationChoices,
	reviewLaneLabels,
	reviewLanes,
	stageChoices,
	topicAreaChoices,
	trainingChoices,
	useCaseStatusLabels,
	useCaseStatuses,
	withholdingChoices,
	yesNoChoices,
} from './vocabulary.ts'

const lettered: Record<string, Record<string, OmbChoice>> = {
	is_withheld: withholdingChoices,
	development_stage: stageChoices,
	is_high_impact: highImpactChoices,
	contracting_usage: contractingChoices,
	demographic_features: demographicFeatureChoices,
	hi_testing_conducted: practiceProgressChoices,
	hi_independent_review: independentReviewChoices,
	hi_ongoing_monitoring: monitoringChoices,
	hi_training_established: trainingChoices,
	hi_failsafe_presence: failsafeChoices,
	hi_appeal_process: appealChoices,
	hi_public_consultation: publicConsultationChoices,
}

for (const [field, choices] of Object.entries(lettered)) {
	test(`${field}: selections are lettered a), b), c)… in order, and codes are distinct`, () => {
		const selections = Object.values(choices).map((c) => c.selection)
		expect(selections.map((s) => s.slice(0, 3))).toEqual(
			selections.map((_, i) => `${String.fromCharCode(97 + i)}) `),
		)
		const codes = Object.values(choices).map((c) => c.code)
		expect(new Set(codes).size).toBe(codes.length)
	})
}

test('unlettered fields (topic area, classification) carry OMB’s exact wording and codes', () => {
	expect(Object.keys(topicAreaChoices)).toHaveLength(15)
	expect(topicAreaChoices.GOVERNMENT_BENEFITS_PROCESSING).toEqual({
		selection: 'Government Benefits Processing',
		code: 'Benefits Processing',
	})
	expect(topicAreaChoices.HUMAN_RESOURCES.code).toBe('HR')
	expect(Object.keys(classificationChoices)).toHaveLength(6)
	expect(classificationChoices.CLASSICAL_ML.code).toBe('Classical ML')
	expect(classificationChoices.NLP.selection).toMatch(/^Natural Language Processing: /)
})

test('a few selections checked word for word against OMB’s 2025 data dictionary', () => {
	expect(withholdingChoices.YES_DISCLOSURE_RISK.selection).toBe(
		'b) Yes – agency has determined that there’s a risk to disclosure, such as a harm to an interest protected by a FOIA exemption',
	)
	expect(highImpactChoices.PRESUMED_NOT_HIGH_IMPACT.code).toBe(
		'Presumed High-Impact, but Not High-impact',
	)
	expect(stageChoices.PILOT.code).toBe('Pilot')
	expect(practiceProgressChoices.CAIO_WAIVED.selection).toBe(
		'c) Agency CAIO has waived this minimum practice and reported such waiver to OMB',
	)
	expect(appealChoices.PRECLUDED_BY_LAW.code).toBe('Appeal Precluded by Law')
	expect(independentReviewChoices.YES_CAIO).toEqual({
		selection: 'c) Yes – by the CAIO',
		code: 'CAIO Review',
	})
})

test('labels for the UI drop the letter', () => {
	expect(choiceLabel(stageChoices.PILOT)).toBe(
		'Pilot – The use case has been deployed in a limited test or pilot capacity.',
	)
	expect(choiceLabel(topicAreaChoices.SCIENCE)).toBe('Science')
})

test('every CSV shorthand code is OMB’s, word for word', () => {
	const codes = (choices: Record<string, OmbChoice>) => Object.values(choices).map((c) => c.code)
	expect(codes(withholdingChoices)).toEqual([
		'No',
		'Yes - Disclosure Risk',
		'Yes - Prohibited by Law',
		'Other',
	])
	expect(codes(stageChoices)).toEqual(['Pre-deployment', 'Pilot', 'Deployed', 'Retired'])
	expect(codes(highImpactChoices)).toEqual([
		'High-impact',
		'Presumed High-Impact, but Not High-impact',
		'Not High-impact',
	])
	expect(codes(contractingChoices)).toEqual([
		'Vendor Purchased',
		'In-house Development',
		'Contracting and In House',
	])
	expect(codes(practiceProgressChoices)).toEqual(['Yes', 'In-progress', 'CAIO Waived'])
	expect(codes(independentReviewChoices)).toEqual([
		'Internal Independent Review',
		'Oversight Board Review',
		'CAIO Review',
		'In-progress',
		'CAIO Waived',
	])
	expect(codes(monitoringChoices)).toEqual([
		'Yes - Monitoring Established',
		'In-progress',
		'CAIO Waived',
	])
	expect(codes(trainingChoices)).toEqual([
		'Training Established',
		'Training In-progress',
		'CAIO Waived',
	])
	expect(codes(failsafeChoices)).toEqual(['Yes', 'Not Applicable', 'In-progress', 'CAIO Waived'])
	expect(codes(appealChoices)).toEqual([
		'Appeal Process Established',
		'Not Applicable',
		'Appeal Process In-progress',
		'Appeal Precluded by Law',
		'CAIO Waived',
	])
	expect(codes(publicConsultationChoices)).toEqual([
		'Usability Testing',
		'Public Feedback Solicitations',
		'Public Hearings',
		'Other',
		'In-progress',
		'CAIO Waived',
	])
	expect(codes(topicAreaChoices)).toContain('Procurement and Finance Mgmt')
	expect(codes(classificationChoices)).toEqual([
		'Agentic AI',
		'Classical ML',
		'Computer Vision',
		'Generative AI',
		'NLP',
		'Reinforcement Learning',
	])
})

test('demographic features have no OMB shorthand, so the CSV keeps the lettered selection', () => {
	for (const choice of Object.values(demographicFeatureChoices))
		expect(choice.code).toBe(choice.selection)
	expect(demographicFeatureChoices.NONE_OF_THE_ABOVE.code).toBe('k) None of the above')
})

test('OMB’s own spelling "in-progess" is kept for the monitoring selection the template accepts', () => {
	expect(monitoringChoices.IN_PROGRESS.selection).toBe(
		'b) Development of monitoring protocols is in-progess',
	)
})

test('the eighteen multiple-choice columns of OMB’s 2025 inventory are all mapped', () => {
	expect(Object.keys(ombMultipleChoiceColumns)).toHaveLength(18)
	expect(ombMultipleChoiceColumns.have_ato).toBe(yesNoChoices)
	expect(ombMultipleChoiceColumns.hi_assessment_completed).toBe(practiceProgressChoices)
})

test('an import finds the answer from the selection, the CSV code, or how agencies typed it', () => {
	expect(ombChoiceKey(stageChoices, stageChoices.DEPLOYED.selection)).toBe('DEPLOYED')
	expect(ombChoiceKey(stageChoices, 'Deployed')).toBe('DEPLOYED')
	expect(
		ombChoiceKey(
			stageChoices,
			'Pre-Deployment - The use case is in a development or acquisition status.',
		),
	).toBe('PRE_DEPLOYMENT')
	expect(
		ombChoiceKey(
			stageChoices,
			"d) Retired – The use case was reported in the agency's prior year's inventory, but its development and/or use has since been discontinued.",
		),
	).toBe('RETIRED')
	expect(ombChoiceKey(contractingChoices, 'a)\u00a0Purchased from a vendor')).toBe('PURCHASED')
	expect(ombChoiceKey(contractingChoices, 'Vendor Purchased')).toBe('PURCHASED')
	expect(
		ombChoiceKey(monitoringChoices, 'b) Development of monitoring protocols is in-progress'),
	).toBe('IN_PROGRESS')
	expect(
		ombChoiceKey(monitoringChoices, 'b) Development of monitoring protocols is in-progess'),
	).toBe('IN_PROGRESS')
	expect(ombChoiceKey(publicConsultationChoices, 'c) Public hearings or meetings ')).toBe(
		'PUBLIC_HEARINGS',
	)
	expect(ombChoiceKey(classificationChoices, 'Natural Language Processing')).toBe('NLP')
	expect(ombChoiceKey(classificationChoices, 'Classical ML')).toBe('CLASSICAL_ML')
	expect(ombChoiceKey(independentReviewChoices, 'In-Progress')).toBe('IN_PROGRESS')
	expect(ombChoiceKey(demographicFeatureChoices, 'None of the above')).toBe('NONE_OF_THE_ABOVE')
	expect(ombChoiceKey(yesNoChoices, 'Yes')).toBe('YES')
	expect(ombChoiceKey(withholdingChoices, 'YES_PROHIBITED_BY_LAW')).toBe('YES_PROHIBITED_BY_LAW')
})

test('an import refuses to guess an answer OMB does not list', () => {
	expect(ombChoiceKey(stageChoices, 'Operation and Maintenance')).toBeNull()
	expect(ombChoiceKey(yesNoChoices, 'Use vendor’s ATO')).toBeNull()
	expect(ombChoiceKey(topicAreaChoices, '   ')).toBeNull()
})

test('every key is UPPER_SNAKE and every tracker answer has a plain-language label', () => {
	const labelMaps = [
		decisionRoleLabels,
		affectedPartyLabels,
		informedDecisionLabels,
		hostingLabels,
		datasetUsageLabels,
		useCaseStatusLabels,
		reviewLaneLabels,
		contactRoleLabels,
		part2ConsentBasisLabels,
		codeSharingDecisionLabels,
		datasetCategoryLabels,
		datasetSensitivityLabels,
	]
	const ombKeys = Object.values(ombMultipleChoiceColumns).flatMap((choices) => Object.keys(choices))
	for (const key of [
		...labelMaps.flatMap((labels) => Object.keys(labels)),
		...ombKeys,
		...minimumPracticeKeys,
	]) {
		expect(key).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
	}
	for (const labels of labelMaps)
		for (const label of Object.values(labels)) expect(label.trim().length).toBeGreaterThan(2)
})

test('the tracker’s vocabularies hold the answers the checks and the workflow rely on', () => {
	expect(decisionRoles).toEqual(['NONE', 'ASSISTIVE', 'PRINCIPAL_BASIS', 'FULLY_AUTOMATED'])
	expect(reviewLanes).toEqual([
		'PRIVACY',
		'SECURITY',
		'LEGAL',
		'CIVIL_RIGHTS',
		'DATA_GOVERNANCE',
		'CAIO_DETERMINATION',
	])
	expect(useCaseStatuses).toHaveLength(9)
	expect(datasetCategories).toContain('MEDICAID_CHIP_CLAIMS')
	expect(datasetCategoryLabels.MEDICAID_CHIP_CLAIMS).toMatch(/T-MSIS/)
	expect(datasetSensitivities).toEqual(['PII', 'PHI', 'PART2', 'FTI', 'DEMOGRAPHIC'])
})

test('the seven minimum practices follow §4(b)(i)–(vii), each tied to its OMB column', () => {
	const practices = Object.values(minimumPractices)
	expect(practices.map((p) => p.clause)).toEqual([
		'§4(b)(i)',
		'§4(b)(ii)',
		'§4(b)(iii)',
		'§4(b)(iv)',
		'§4(b)(v)',
		'§4(b)(vi)',
		'§4(b)(vii)',
	])
	for (const practice of practices)
		expect(Object.keys(ombMultipleChoiceColumns)).toContain(practice.field)
})
