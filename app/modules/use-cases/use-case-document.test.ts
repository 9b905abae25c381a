import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import {
	inheritedSensitivities,
	StrictUseCaseDocumentSchema,
	strictestSensitivity,
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from './use-case-document.ts'

const example = () =>
	JSON.parse(
		readFileSync('docs/examples/call-centre-summariser.json', 'utf8'),
	) as UseCaseDocumentInput

const issuePaths = (input: unknown, schema = UseCaseDocumentSchema) => {
	const result = schema.safeParse(input)
	return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
}

test('the documented example parses, strictly as well, with its datasets inline', () => {
	const parsed = StrictUseCaseDocumentSchema.parse(example())
	expect(parsed.stage).toBe('PILOT')
	expect(parsed.generativeAi).toBe(true)
	expect(parsed.hosting).toBe('VENDOR_API')
	expect(parsed.datasets).toHaveLength(2)
	expect(parsed.datasets[0]?.category).toBe('MEDICARE_CLAIMS')
	expect(strictestSensitivity(parsed.datasets)).toBe('PHI')
	expect(UseCaseDocumentSchema.parse(example())).toEqual(parsed)
})

test('a full high-impact deployed case with every group answered parses unchanged', () => {
	const full: UseCaseDocumentInput = {
		...example(),
		stage: 'DEPLOYED',
		contacts: [
			{ role: 'OWNER', name: 'Dana Whitfield', email: 'dana.whitfield@cms.hhs.gov' },
			{ role: 'DEVELOPER', email: 'ml-team@cms.hhs.gov' },
		],
		highImpact: {
			determination: 'HIGH_IMPACT',
			determinedBy: 'Avery Chen, CMS Chief AI Officer',
			determinedOn: '2026-01-15',
			principalBasisRationale: 'Representatives rely on the summary to route appeals.',
		},
		practices: {
			testing: 'YES',
			impactAssessment: 'IN_PROGRESS',
			potentialImpacts: 'Wrong routing of an appeal; exposure of claims history in transcripts.',
			independentReview: 'YES_OVERSIGHT_BOARD',
			monitoring: 'CAIO_WAIVED',
			training: 'YES',
			failsafe: 'NOT_APPLICABLE',
			appeal: 'PRECLUDED_BY_LAW',
			publicConsultation: ['USABILITY_TESTING', 'PUBLIC_FEEDBACK'],
		},
		waivers: [
			{
				practice: 'MONITORING',
				grantedOn: '2026-02-01',
				expiresOn: '2027-02-01',
				reportedToOmbOn: '2026-02-20',
			},
		],
		pilotCertification: {
			certifiedOn: '2025-10-01',
			endsOn: '2026-03-31',
			scaleLimit: 'Two call centres, 40 representatives',
		},
	}
	const parsed = StrictUseCaseDocumentSchema.parse(full)
	expect(parsed.practices.publicConsultation).toEqual(['USABILITY_TESTING', 'PUBLIC_FEEDBACK'])
	expect(parsed.waivers[0]?.practice).toBe('MONITORING')
	expect(parsed.contacts?.map((c) => c.role)).toEqual(['OWNER', 'DEVELOPER'])
})

test('a draft needs only a name; lists and groups default to empty', () => {
	const parsed = UseCaseDocumentSchema.parse({ name: 'Prior authorization document triage' })
	expect(parsed).toEqual({
		name: 'Prior authorization document triage',
		vendorNames: [],
		demographicFeatures: [],
		highImpact: {},
		practices: { publicConsultation: [] },
		affectedParties: [],
		informedDecisions: [],
		aiScreen: {},
		safeguards: {},
		waivers: [],
		practiceEvidence: [],
		datasets: [],
	})
	expect(issuePaths({})).toEqual(['name'])
	expect(issuePaths({ name: '   ' })).toEqual(['name'])
})

test('wrong enum values are reported by path, at every depth', () => {
	const paths = issuePaths({
		name: 'Claims triage',
		stage: 'Deployed',
		topicArea: 'HEALTH',
		informedDecisions: ['COVERAGE'],
		practices: { testing: 'a) Yes' },
		safeguards: { part2ConsentBasis: 'CONSENT' },
		waivers: [{ practice: 'HUMAN_REVIEW', grantedOn: '2026-01-01' }],
		datasets: [
			{ name: 'Claims', category: 'CLAIMS', sensitivities: ['HIPAA'], usage: ['INFERENCE'] },
		],
	})
	expect(paths).toEqual(
		expect.arrayContaining([
			'stage',
			'topicArea',
			'informedDecisions.0',
			'practices.testing',
			'safeguards.part2ConsentBasis',
			'waivers.0.practice',
			'datasets.0.category',
			'datasets.0.sensitivities.0',
			'datasets.0.usage.0',
		]),
	)
	expect(paths).toHaveLength(9)
})

test('over-long text is refused with the limit in the message', () => {
	const result = UseCaseDocumentSchema.safeParse({
		name: 'x'.repeat(501),
		problemSolved: 'y'.repeat(10_001),
		vendorNames: ['z'.repeat(201)],
		datasets: [
			{
				name: 'Claims',
				category: 'MEDICARE_CLAIMS',
				usage: ['OPERATION'],
				minimumNecessaryJustification: 'j'.repeat(4001),
			},
		],
	})
	expect(result.success).toBe(false)
	const messages = Object.fromEntries(
		result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [],
	)
	expect(messages).toEqual({
		name: 'At most 500 characters.',
		problemSolved: 'At most 10000 characters.',
		'vendorNames.0': 'At most 200 characters.',
		'datasets.0.minimumNecessaryJustification': 'At most 4000 characters.',
	})
	expect(UseCaseDocumentSchema.safeParse({ name: 'x'.repeat(200) }).success).toBe(true)
})

test('links, e-mails, dates, SORNs and tracking ids are checked', () => {
	expect(
		issuePaths({
			name: 'Claims triage',
			trackingId: 'CMS-26-1',
			contactEmail: 'dana at cms',
			contacts: [{ role: 'OWNER', email: 'not-an-email' }],
			piaUrl: 'javascript:alert(1)',
			codeUrl: 'ftp://example.gov/code',
			operationalDate: '2026-02-30',
			safeguards: { sornNumber: '0970-0558' },
			datasets: [{ name: 'Claims', category: 'MEDICARE_CLAIMS', usage: [] }],
		}),
	).toEqual([
		'trackingId',
		'contactEmail',
		'operationalDate',
		'piaUrl',
		'codeUrl',
		'contacts.0.email',
		'safeguards.sornNumber',
		'datasets.0.usage',
	])
	expect(
		issuePaths({
			name: 'Claims triage',
			trackingId: 'CMS-2026-0042',
			safeguards: { sornNumber: '09-70-0558' },
		}),
	).toEqual([])
})

test('the strict schema names misspelt fields; the lenient one drops them', () => {
	const misspelt = {
		name: 'Claims triage',
		stag: 'PILOT',
		safeguards: { baa: true },
		datasets: [{ name: 'Claims', category: 'MEDICARE_CLAIMS', usage: ['OPERATION'], phi: true }],
	}
	const strict = StrictUseCaseDocumentSchema.safeParse(misspelt)
	const unknown = strict.error?.issues.map((issue) => [
		issue.path.join('.'),
		issue.code === 'unrecognized_keys' ? issue.keys : [],
	])
	expect(unknown).toHaveLength(3)
	expect(unknown).toEqual(
		expect.arrayContaining([
			['', ['stag']],
			['safeguards', ['baa']],
			['datasets.0', ['phi']],
		]),
	)
	expect(UseCaseDocumentSchema.parse(misspelt)).not.toHaveProperty('stag')
})

test('null is not an answer: leave a question out instead', () => {
	expect(issuePaths({ name: 'Claims triage', stage: null })).toEqual(['stage'])
})

test('a case inherits every sensitivity of its datasets, strictest first', () => {
	const datasets = [
		{ sensitivities: ['PII' as const] },
		{ sensitivities: ['PHI' as const, 'PART2' as const] },
	]
	expect(inheritedSensitivities(datasets)).toEqual(['PART2', 'PHI', 'PII'])
	expect(strictestSensitivity(datasets)).toBe('PART2')
	expect(strictestSensitivity([{ sensitivities: [] }])).toBeNull()
	expect(strictestSensitivity([])).toBeNull()
})
