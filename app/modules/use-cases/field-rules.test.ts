import { expect, test } from 'vitest'
import { missingRequiredFields, validateForSubmission, visibleFields } from './field-rules.ts'
import { type UseCaseDocumentInput, UseCaseDocumentSchema } from './use-case-document.ts'

const doc = (input: Partial<UseCaseDocumentInput>) => UseCaseDocumentSchema.parse({ name: 'Claims triage model', ...input })

const base: Partial<UseCaseDocumentInput> = {
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

test('a retired case needs only the identifying fields', () => {
	expect(missingRequiredFields(doc({ ...base, stage: 'RETIRED' }))).toEqual([])
})

test('pre-deployment adds the description questions but not the operational ones', () => {
	const missing = missingRequiredFields(doc({ ...base, stage: 'PRE_DEPLOYMENT' }))
	expect(missing).toEqual(expect.arrayContaining(['topicArea', 'classification', 'problemSolved', 'benefits', 'systemOutputs']))
	expect(missing).not.toContain('operationalDate')
	expect(missing).not.toContain('hasAto')
	expect(missingRequiredFields(doc({ ...base, ...described, stage: 'PRE_DEPLOYMENT' }))).toEqual([])
})

test('a pilot must also give its start date, sourcing, ATO, data, PII, demographics and custom code', () => {
	const missing = missingRequiredFields(doc({ ...base, ...described, stage: 'PILOT' }))
	expect(missing).toEqual([
		'operationalDate',
		'contractingUsage',
		'hasAto',
		'dataDescription',
		'hasPii',
		'demographicFeatures',
		'hasCustomCode',
	])
})

test('the vendor question appears only for purchased or mixed sourcing, and is required for pilots', () => {
	expect(visibleFields(doc({ contractingUsage: 'IN_HOUSE' })).has('vendorNames')).toBe(false)
	expect(visibleFields(doc({ contractingUsage: 'PURCHASED' })).has('vendorNames')).toBe(true)
	expect(missingRequiredFields(doc({ stage: 'PILOT', contractingUsage: 'CONTRACT_AND_IN_HOUSE' }))).toContain('vendorNames')
	expect(missingRequiredFields(doc({ stage: 'PRE_DEPLOYMENT', contractingUsage: 'PURCHASED' }))).not.toContain('vendorNames')
})

test('the ATO system name appears only when there is an ATO; the PIA and code links only when relevant', () => {
	expect(visibleFields(doc({ hasAto: false })).has('atoSystemName')).toBe(false)
	expect(visibleFields(doc({ hasAto: true })).has('atoSystemName')).toBe(true)
	expect(missingRequiredFields(doc({ stage: 'DEPLOYED', hasAto: true }))).toContain('atoSystemName')
	expect(visibleFields(doc({ hasPii: true })).has('piaUrl')).toBe(true)
	expect(visibleFields(doc({ hasCustomCode: false })).has('codeUrl')).toBe(false)
})

test('the hi_* questions appear only for a high-impact case that is deployed', () => {
	const highImpactPilot = doc({ stage: 'PILOT', highImpact: { determination: 'HIGH_IMPACT' } })
	expect(visibleFields(highImpactPilot).has('practices.testing')).toBe(false)
	const notHighImpact = doc({ stage: 'DEPLOYED', highImpact: { determination: 'NOT_HIGH_IMPACT' } })
	expect(visibleFields(notHighImpact).has('practices.testing')).toBe(false)
	const highImpactDeployed = doc({ stage: 'DEPLOYED', highImpact: { determination: 'HIGH_IMPACT' } })
	expect(missingRequiredFields(highImpactDeployed)).toEqual(
		expect.arrayContaining([
			'practices.testing',
			'practices.impactAssessment',
			'practices.potentialImpacts',
			'practices.independentReview',
			'practices.monitoring',
			'practices.training',
			'practices.failsafe',
			'practices.appeal',
			'practices.publicConsultation',
		]),
	)
})

test('linked datasets with PHI or PII need a minimum-necessary justification before submission', () => {
	const result = validateForSubmission(
		doc({
			...base,
			...described,
			stage: 'PRE_DEPLOYMENT',
			datasets: [
				{ name: 'Part B claims', category: 'MEDICARE_CLAIMS', sensitivities: ['PII', 'PHI'], usage: ['TRAINING'] },
				{ name: 'Care Compare', category: 'QUALITY_MEASURES', sensitivities: [], usage: ['EVALUATION'] },
			],
		}),
	)
	expect(result.ok).toBe(false)
	expect(result.fieldErrors).toEqual({
		'datasets.0.minimumNecessaryJustification': [
			'Part B claims holds PHI: explain why the use case needs it (minimum necessary).',
		],
	})
})

test('a complete pre-deployment case passes; contradictory "none" answers do not', () => {
	expect(validateForSubmission(doc({ ...base, ...described, stage: 'PRE_DEPLOYMENT' }))).toEqual({ ok: true, fieldErrors: {} })
	const contradictory = validateForSubmission(
		doc({ ...base, ...described, stage: 'PRE_DEPLOYMENT', informedDecisions: ['NONE', 'COVERAGE_PAYMENT'] }),
	)
	expect(contradictory.fieldErrors.informedDecisions).toEqual(['“None of these” cannot be combined with other decisions.'])
})
