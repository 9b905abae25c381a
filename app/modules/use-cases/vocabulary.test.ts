import { expect, test } from 'vitest'
import {
	appealChoices,
	choiceLabel,
	classificationChoices,
	contractingChoices,
	demographicFeatureChoices,
	failsafeChoices,
	highImpactChoices,
	independentReviewChoices,
	monitoringChoices,
	type OmbChoice,
	practiceProgressChoices,
	publicConsultationChoices,
	stageChoices,
	topicAreaChoices,
	trainingChoices,
	withholdingChoices,
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
		expect(selections.map((s) => s.slice(0, 3))).toEqual(selections.map((_, i) => `${String.fromCharCode(97 + i)}) `))
		const codes = Object.values(choices).map((c) => c.code)
		expect(new Set(codes).size).toBe(codes.length)
	})
}

test('unlettered fields (topic area, classification) carry OMB’s exact wording and codes', () => {
	expect(Object.keys(topicAreaChoices)).toHaveLength(15)
	expect(topicAreaChoices.GOVERNMENT_BENEFITS_PROCESSING).toEqual({ selection: 'Government Benefits Processing', code: 'Benefits Processing' })
	expect(topicAreaChoices.HUMAN_RESOURCES.code).toBe('HR')
	expect(Object.keys(classificationChoices)).toHaveLength(6)
	expect(classificationChoices.CLASSICAL_ML.code).toBe('Classical ML')
	expect(classificationChoices.NLP.selection).toMatch(/^Natural Language Processing: /)
})

test('a few selections checked word for word against OMB’s 2025 data dictionary', () => {
	expect(withholdingChoices.YES_DISCLOSURE_RISK.selection).toBe(
		'b) Yes – agency has determined that there’s a risk to disclosure, such as a harm to an interest protected by a FOIA exemption',
	)
	expect(highImpactChoices.PRESUMED_NOT_HIGH_IMPACT.code).toBe('Presumed High-Impact, but Not High-impact')
	expect(stageChoices.PILOT.code).toBe('Pilot')
	expect(practiceProgressChoices.CAIO_WAIVED.selection).toBe(
		'c) Agency CAIO has waived this minimum practice and reported such waiver to OMB',
	)
	expect(appealChoices.PRECLUDED_BY_LAW.code).toBe('Appeal Precluded by Law')
	expect(independentReviewChoices.YES_CAIO).toEqual({ selection: 'c) Yes – by the CAIO', code: 'CAIO Review' })
})

test('labels for the UI drop the letter', () => {
	expect(choiceLabel(stageChoices.PILOT)).toBe('Pilot – The use case has been deployed in a limited test or pilot capacity.')
	expect(choiceLabel(topicAreaChoices.SCIENCE)).toBe('Science')
})
