import { describe, expect, test } from 'vitest'
import {
	type UseCaseDocument,
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import {
	cotsCommonTasks,
	demographicFeatureChoices,
	type OmbChoice,
	ombMultipleChoiceColumns,
	publicConsultationChoices,
} from '#app/modules/use-cases/vocabulary.ts'
import {
	cmsAgency,
	consolidationBlocker,
	convertOmbRow,
	cotsColumns,
	cotsProblems,
	DEFAULT_PUBLIC_EMAIL,
	ombColumns,
	ombCotsTaskTexts,
	ombLicenceBand,
	type OmbRow,
	splitMultiple,
	toCotsRows,
	toOmbJsonRecord,
	toOmbRow,
	toPublicRow,
	toPublicRows,
	validateOmbRow,
} from './omb-export.ts'

const doc = (input: Partial<UseCaseDocumentInput> = {}): UseCaseDocument =>
	UseCaseDocumentSchema.parse({ name: 'Test case', ...input })

/** A high-impact deployed case with every OMB answer given. */
const complete: UseCaseDocumentInput = {
	trackingId: 'CMS-2026-0042',
	name: 'Marketplace remote identity proofing risk score',
	orgUnit: 'HHS/CMS/CCIIO',
	contactEmail: 'identity.team@cms.hhs.gov',
	isWithheld: 'NO',
	stage: 'DEPLOYED',
	topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
	classification: 'CLASSICAL_ML',
	problemSolved: 'Manual identity checks delay Marketplace applications.',
	benefits: 'Faster, consistent identity proofing.',
	systemOutputs: 'A risk score and the features behind it.',
	operationalDate: '2025-07-01',
	contractingUsage: 'CONTRACT_AND_IN_HOUSE',
	vendorNames: ['Sapiens Decision, Inc.', 'Amazon Web Services'],
	hasAto: true,
	atoSystemName: 'Federally Facilitated Marketplace (FFM)',
	dataDescription: 'Two years of identity-proofing outcomes from the FFM.',
	linkToData: 'https://catalog.data.gov/dataset/example',
	hasPii: true,
	piaUrl: 'https://www.hhs.gov/pia/ffm.pdf',
	demographicFeatures: ['AGE', 'SEX'],
	hasCustomCode: true,
	codeUrl: 'https://github.com/CMSgov/example',
	highImpact: { determination: 'HIGH_IMPACT' },
	practices: {
		testing: 'YES',
		impactAssessment: 'IN_PROGRESS',
		potentialImpacts: 'Wrong scores could delay coverage; reviewed with the privacy office.',
		independentReview: 'YES_CAIO',
		monitoring: 'YES',
		training: 'IN_PROGRESS',
		failsafe: 'YES',
		appeal: 'YES',
		publicConsultation: ['PUBLIC_FEEDBACK', 'USABILITY_TESTING'],
	},
}

describe('columns', () => {
	test('are OMB’s 36 columns, in the data dictionary’s order and spelling', () => {
		// Numbered as in OMB's Validation/data_dictionary.md.
		expect(ombColumns).toEqual([
			/* 1 */ 'agency',
			'agency_name',
			'id',
			'use_case_name',
			'agency_bureau',
			/* 6 */ 'contact_email',
			'is_withheld',
			'development_stage',
			'is_high_impact',
			'HI_justification',
			/* 11 */ 'topic_area',
			'classification',
			'problem_solved',
			'benefits',
			'system_outputs',
			/* 16 */ 'operational_date',
			'contracting_usage',
			'vendor_name',
			'have_ato',
			'system_name_ato',
			/* 21 */ 'data_description',
			'link_to_data',
			'has_pii',
			'pia_url',
			'demographic_features',
			/* 26 */ 'has_custom_code',
			'code_url',
			'hi_testing_conducted',
			'hi_assessment_completed',
			'hi_potential_impacts',
			/* 31 */ 'hi_independent_review',
			'hi_ongoing_monitoring',
			'hi_training_established',
			'hi_failsafe_presence',
			'hi_appeal_process',
			/* 36 */ 'hi_public_consultation',
		])
	})

	test('a complete case fills every column with the template’s valid selections', () => {
		const row = toOmbRow(doc(complete), cmsAgency)
		expect(Object.keys(row)).toEqual([...ombColumns])
		expect(row).toEqual({
			agency: 'HHS',
			agency_name: 'Department of Health and Human Services',
			id: 'CMS-2026-0042',
			use_case_name: 'Marketplace remote identity proofing risk score',
			agency_bureau: 'HHS/CMS/CCIIO',
			contact_email: 'identity.team@cms.hhs.gov',
			is_withheld: 'a) No',
			development_stage:
				'c) Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.',
			is_high_impact: 'a) High-impact',
			HI_justification: '',
			topic_area: 'Government Benefits Processing',
			classification:
				'Classical/Predictive Machine Learning: Models trained on data to make predictions or classifications based on identified patterns or relationships.',
			problem_solved: 'Manual identity checks delay Marketplace applications.',
			benefits: 'Faster, consistent identity proofing.',
			system_outputs: 'A risk score and the features behind it.',
			operational_date: '2025-07-01',
			contracting_usage: 'c) Developed with both contracting and in-house resources',
			vendor_name: 'Sapiens Decision, Inc.; Amazon Web Services',
			have_ato: 'Yes',
			system_name_ato: 'Federally Facilitated Marketplace (FFM)',
			data_description: 'Two years of identity-proofing outcomes from the FFM.',
			link_to_data: 'https://catalog.data.gov/dataset/example',
			has_pii: 'Yes',
			pia_url: 'https://www.hhs.gov/pia/ffm.pdf',
			demographic_features: 'b) Sex; c) Age',
			has_custom_code: 'Yes',
			code_url: 'https://github.com/CMSgov/example',
			hi_testing_conducted: 'a) Yes',
			hi_assessment_completed: 'b) In-progress',
			hi_potential_impacts: 'Wrong scores could delay coverage; reviewed with the privacy office.',
			hi_independent_review: 'c) Yes – by the CAIO',
			hi_ongoing_monitoring: 'a) Yes, sufficient monitoring protocols have been established',
			hi_training_established:
				'b) Establishment of sufficient and periodic training is in-progress',
			hi_failsafe_presence: 'a) Yes',
			hi_appeal_process: 'a) Yes, an appropriate appeal process has been established',
			hi_public_consultation:
				'a) Direct usability testing; b) General solicitations of feedback and comments from the public',
		} satisfies OmbRow)
		expect(validateOmbRow(row, doc(complete))).toEqual([])
	})

	test('with values=codes the same case carries OMB’s CSV shorthand codes and Python-style lists', () => {
		const row = toOmbRow(doc(complete), { ...cmsAgency, values: 'codes' })
		expect(row).toMatchObject({
			is_withheld: 'No',
			development_stage: 'Deployed',
			is_high_impact: 'High-impact',
			topic_area: 'Benefits Processing',
			classification: 'Classical ML',
			contracting_usage: 'Contracting and In House',
			have_ato: 'Yes',
			has_pii: 'Yes',
			has_custom_code: 'Yes',
			demographic_features: "['b) Sex', 'c) Age']",
			hi_testing_conducted: 'Yes',
			hi_assessment_completed: 'In-progress',
			hi_independent_review: 'CAIO Review',
			hi_ongoing_monitoring: 'Yes - Monitoring Established',
			hi_training_established: 'Training In-progress',
			hi_failsafe_presence: 'Yes',
			hi_appeal_process: 'Appeal Process Established',
			hi_public_consultation: "['Usability Testing', 'Public Feedback Solicitations']",
			// Free text, dates and ids are the same in both styles.
			operational_date: '2025-07-01',
			id: 'CMS-2026-0042',
			vendor_name: 'Sapiens Decision, Inc.; Amazon Web Services',
		})
		expect(validateOmbRow(row, doc(complete), { values: 'codes' })).toEqual([])
	})

	test('an unanswered case leaves its columns empty, and an empty select-multiple is [] in the codes style', () => {
		const row = toOmbRow(doc({ name: 'Bare draft' }), cmsAgency)
		const filled = Object.entries(row)
			.filter(([, value]) => value !== '')
			.map(([column]) => column)
		expect(filled).toEqual(['agency', 'agency_name', 'use_case_name'])
		const coded = toOmbRow(doc({ name: 'Bare draft' }), { ...cmsAgency, values: 'codes' })
		expect(coded.demographic_features).toBe('[]')
		expect(coded.hi_public_consultation).toBe('[]')
	})

	test('the id is the one an earlier inventory gave the case, otherwise the tracking id', () => {
		expect(toOmbRow(doc({ ...complete, previousOmbId: 'HHS-2024-0117' }), cmsAgency).id).toBe(
			'HHS-2024-0117',
		)
		expect(toOmbRow(doc(complete), cmsAgency).id).toBe('CMS-2026-0042')
	})

	test('Yes/No columns answer No for false', () => {
		const row = toOmbRow(doc({ hasAto: false, hasPii: false, hasCustomCode: false }), cmsAgency)
		expect([row.have_ato, row.has_pii, row.has_custom_code]).toEqual(['No', 'No', 'No'])
	})

	test('a presumed-but-not determination exports its justification', () => {
		const row = toOmbRow(
			doc({
				highImpact: {
					determination: 'PRESUMED_NOT_HIGH_IMPACT',
					justification: 'Caseworkers decide; the score only orders the queue.',
				},
			}),
			cmsAgency,
		)
		expect(row.is_high_impact).toBe('b) Presumed high-impact, but determined not high impact')
		expect(row.HI_justification).toBe('Caseworkers decide; the score only orders the queue.')
	})
})

// Where each OMB multiple-choice column lives in the use-case document.
/** OMB asks the hi_* questions of high-impact deployed use cases only. */
const askedPractices = {
	stage: 'DEPLOYED',
	highImpact: { determination: 'HIGH_IMPACT' },
} as const satisfies Partial<UseCaseDocumentInput>

const documentFor: Record<string, (key: string) => Partial<UseCaseDocumentInput>> = {
	is_withheld: (key) => ({ isWithheld: key as never }),
	development_stage: (key) => ({ stage: key as never }),
	is_high_impact: (key) => ({ highImpact: { determination: key as never } }),
	topic_area: (key) => ({ topicArea: key as never }),
	classification: (key) => ({ classification: key as never }),
	contracting_usage: (key) => ({ contractingUsage: key as never }),
	have_ato: (key) => ({ hasAto: key === 'YES' }),
	has_pii: (key) => ({ hasPii: key === 'YES' }),
	has_custom_code: (key) => ({ hasCustomCode: key === 'YES' }),
	demographic_features: (key) => ({ demographicFeatures: [key as never] }),
	hi_testing_conducted: (key) => ({ ...askedPractices, practices: { testing: key as never } }),
	hi_assessment_completed: (key) => ({
		...askedPractices,
		practices: { impactAssessment: key as never },
	}),
	hi_independent_review: (key) => ({
		...askedPractices,
		practices: { independentReview: key as never },
	}),
	hi_ongoing_monitoring: (key) => ({ ...askedPractices, practices: { monitoring: key as never } }),
	hi_training_established: (key) => ({ ...askedPractices, practices: { training: key as never } }),
	hi_failsafe_presence: (key) => ({ ...askedPractices, practices: { failsafe: key as never } }),
	hi_appeal_process: (key) => ({ ...askedPractices, practices: { appeal: key as never } }),
	hi_public_consultation: (key) => ({
		...askedPractices,
		practices: { publicConsultation: [key as never] },
	}),
}

describe('every allowed value of every multiple-choice column', () => {
	for (const [column, choices] of Object.entries(ombMultipleChoiceColumns) as Array<
		[keyof typeof ombMultipleChoiceColumns, Record<string, OmbChoice>]
	>) {
		for (const [key, choice] of Object.entries(choices)) {
			test(`${column} = ${key} exports as “${choice.selection}” and, as a code, “${choice.code}”`, () => {
				const document = doc(documentFor[column]!(key))
				const selections = toOmbRow(document, cmsAgency)
				const codes = toOmbRow(document, { ...cmsAgency, values: 'codes' })
				const multi = column === 'demographic_features' || column === 'hi_public_consultation'
				expect(selections[column]).toBe(choice.selection)
				expect(codes[column]).toBe(multi ? `['${choice.code}']` : choice.code)
				const notAllowed = (row: OmbRow, values: 'selections' | 'codes') =>
					validateOmbRow(row, document, { values }).filter(
						(problem) => problem.kind === 'NOT_ALLOWED',
					)
				expect(notAllowed(selections, 'selections')).toEqual([])
				expect(notAllowed(codes, 'codes')).toEqual([])
				expect(convertOmbRow(selections, 'selections', 'codes')).toEqual(codes)
				expect(convertOmbRow(codes, 'codes', 'selections')).toEqual(selections)
			})
		}
	}
})

describe('columns OMB asks only of some cases', () => {
	test('the justification, the vendors, the ATO system name and the hi_* block are empty where OMB’s template does not ask them', () => {
		const answered = {
			contractingUsage: 'PURCHASED',
			vendorNames: ['Acme Analytics'],
			hasAto: true,
			atoSystemName: 'CEDAR',
			highImpact: { determination: 'NOT_HIGH_IMPACT', justification: 'Staff decide.' },
			practices: { testing: 'YES', independentReview: 'YES_CAIO', publicConsultation: ['OTHER'] },
		} as const satisfies Partial<UseCaseDocumentInput>
		const preDeployment = toOmbRow(doc({ ...answered, stage: 'PRE_DEPLOYMENT' }), cmsAgency)
		expect(preDeployment).toMatchObject({
			contracting_usage: 'a) Purchased from a vendor',
			vendor_name: '',
			have_ato: 'Yes',
			system_name_ato: '',
			HI_justification: '',
			hi_testing_conducted: '',
			hi_independent_review: '',
			hi_public_consultation: '',
		})
		expect(
			toOmbRow(doc({ ...answered, stage: 'PRE_DEPLOYMENT' }), { ...cmsAgency, values: 'codes' })
				.hi_public_consultation,
		).toBe('[]')
		const deployed = toOmbRow(doc({ ...answered, stage: 'DEPLOYED' }), cmsAgency)
		expect(deployed).toMatchObject({ vendor_name: 'Acme Analytics', system_name_ato: 'CEDAR' })
		expect(deployed.hi_testing_conducted).toBe('')
		const highImpact = toOmbRow(
			doc({ ...answered, ...askedPractices, highImpact: { determination: 'HIGH_IMPACT' } }),
			cmsAgency,
		)
		expect(highImpact).toMatchObject({
			hi_testing_conducted: 'a) Yes',
			hi_independent_review: 'c) Yes – by the CAIO',
			hi_public_consultation: 'd) Other',
		})
		const presumed = toOmbRow(
			doc({
				...answered,
				stage: 'PILOT',
				highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT', justification: 'Staff decide.' },
			}),
			cmsAgency,
		)
		expect(presumed.HI_justification).toBe('Staff decide.')
		// A stage kept as written (unreadable) is not judged: the answers go out for the lead to see.
		const unread = toOmbRow(
			doc({ ...answered, asWritten: { development_stage: 'Operational' } }),
			cmsAgency,
		)
		expect(unread.vendor_name).toBe('Acme Analytics')
	})
})

describe('select-multiple columns', () => {
	test('are sorted in the order of OMB’s lettered selections, whatever order they were chosen in', () => {
		const document = doc({ demographicFeatures: ['INCOME', 'RACE_ETHNICITY', 'AGE'] })
		expect(toOmbRow(document, cmsAgency).demographic_features).toBe(
			'a) Race/Ethnicity; c) Age; i) Income',
		)
		expect(toOmbRow(document, { ...cmsAgency, values: 'codes' }).demographic_features).toBe(
			"['a) Race/Ethnicity', 'c) Age', 'i) Income']",
		)
	})

	test('every combination reads back to the values it was written from, in both styles', () => {
		const all = Object.values(publicConsultationChoices)
		const document = doc({
			...askedPractices,
			practices: { publicConsultation: Object.keys(publicConsultationChoices) as never },
		})
		const selections = toOmbRow(document, cmsAgency).hi_public_consultation
		const codes = toOmbRow(document, { ...cmsAgency, values: 'codes' }).hi_public_consultation
		expect(splitMultiple(selections, 'selections')).toEqual(all.map((choice) => choice.selection))
		expect(splitMultiple(codes, 'codes')).toEqual(all.map((choice) => choice.code))
		expect(splitMultiple('[]', 'codes')).toEqual([])
		expect(splitMultiple(`["O'Brien's list", 'plain']`, 'codes')).toEqual([
			"O'Brien's list",
			'plain',
		])
	})

	test('become arrays in the JSON file', () => {
		const row = toOmbRow(doc({ demographicFeatures: ['NONE_OF_THE_ABOVE'] }), {
			...cmsAgency,
			values: 'codes',
		})
		expect(toOmbJsonRecord(row, 'codes')).toMatchObject({
			demographic_features: ['k) None of the above'],
			hi_public_consultation: [],
		})
		expect(Object.keys(demographicFeatureChoices)).toHaveLength(12)
	})
})

describe('validateOmbRow', () => {
	test('reports a value that is none of OMB’s choices, a bad date, e-mail and link, and changes nothing', () => {
		const document = doc(complete)
		const row = { ...toOmbRow(document, cmsAgency) }
		row.topic_area = 'Health Care Operations'
		row.development_stage = 'Deployed'
		row.hi_public_consultation = 'a) Direct usability testing; z) Focus groups'
		row.operational_date = '2025-02-30'
		row.contact_email = 'not-an-address'
		row.pia_url = 'To be posted on the HHS PIA page'
		const before = structuredClone(row)
		const problems = validateOmbRow(row, document)
		expect(row).toEqual(before)
		expect(problems.map((p) => [p.column, p.kind])).toEqual([
			['development_stage', 'NOT_ALLOWED'],
			['topic_area', 'NOT_ALLOWED'],
			['hi_public_consultation', 'NOT_ALLOWED'],
			['operational_date', 'INVALID'],
			['contact_email', 'INVALID'],
			['pia_url', 'INVALID'],
		])
		expect(problems[0]!.message).toBe(
			'“Deployed” is not one of OMB’s valid selections for development_stage.',
		)
		expect(problems[2]!.message).toContain('“z) Focus groups”')
	})

	test('a selection is not allowed where codes were asked for', () => {
		const document = doc(complete)
		const row = toOmbRow(document, cmsAgency)
		const problems = validateOmbRow(row, document, { values: 'codes' }).filter(
			(p) => p.kind === 'NOT_ALLOWED',
		)
		expect(problems.map((p) => p.column)).toContain('development_stage')
	})

	test('lists every column OMB requires for a deployed high-impact case that is empty', () => {
		const document = doc({
			name: 'Half-filled',
			orgUnit: 'HHS/CMS/OIT',
			stage: 'DEPLOYED',
			highImpact: { determination: 'HIGH_IMPACT' },
		})
		const problems = validateOmbRow(toOmbRow(document, cmsAgency), document)
		expect(problems.every((p) => p.kind === 'MISSING')).toBe(true)
		expect(problems.map((p) => p.column)).toEqual([
			'id',
			'contact_email',
			'is_withheld',
			'topic_area',
			'classification',
			'problem_solved',
			'benefits',
			'system_outputs',
			'operational_date',
			'contracting_usage',
			'have_ato',
			'data_description',
			'has_pii',
			'demographic_features',
			'has_custom_code',
			'hi_testing_conducted',
			'hi_assessment_completed',
			'hi_potential_impacts',
			'hi_independent_review',
			'hi_ongoing_monitoring',
			'hi_training_established',
			'hi_failsafe_presence',
			'hi_appeal_process',
			'hi_public_consultation',
		])
		expect(problems.find((p) => p.column === 'topic_area')?.message).toBe('Choose the topic area.')
	})

	test('a pre-deployment case is asked only what OMB asks at that stage', () => {
		const document = doc({
			trackingId: 'CMS-2026-0001',
			orgUnit: 'HHS/CMS/OIT',
			contactEmail: 'a@cms.hhs.gov',
			isWithheld: 'NO',
			stage: 'PRE_DEPLOYMENT',
			highImpact: { determination: 'NOT_HIGH_IMPACT' },
			topicArea: 'HEALTH_MEDICAL',
			classification: 'NLP',
			problemSolved: 'p',
			benefits: 'b',
			systemOutputs: 'o',
		})
		expect(validateOmbRow(toOmbRow(document, cmsAgency), document)).toEqual([])
	})

	test('reports contradictory answers and a retired case whose stage is not Retired', () => {
		const document = doc({ ...complete, demographicFeatures: ['NONE_OF_THE_ABOVE', 'AGE'] })
		const problems = validateOmbRow(toOmbRow(document, cmsAgency), document, { status: 'RETIRED' })
		expect(problems).toEqual([
			{
				column: 'demographic_features',
				field: 'demographicFeatures',
				kind: 'CONTRADICTION',
				message: '“None of the above” cannot be combined with other features.',
			},
			{
				column: 'development_stage',
				field: 'stage',
				kind: 'CONTRADICTION',
				message: 'The use case is retired, but its stage says Deployed: set the stage to Retired.',
			},
		])
	})
})

describe('the public version', () => {
	const published = doc(complete)
	const withheld = (isWithheld: UseCaseDocumentInput['isWithheld']) =>
		doc({ ...complete, name: `Withheld ${isWithheld ?? 'unanswered'}`, isWithheld })

	test('removes every withheld case, and a case whose withholding is unanswered', () => {
		const { rows } = toPublicRows(
			[
				published,
				withheld('YES_DISCLOSURE_RISK'),
				withheld('YES_PROHIBITED_BY_LAW'),
				withheld('OTHER'),
				withheld(undefined),
			],
			cmsAgency,
		)
		expect(rows.map((row) => row.use_case_name)).toEqual([published.name])
	})

	test('replaces the contact e-mail with the public inbox, ai@cms.hhs.gov unless another is given', () => {
		expect(toPublicRow(published, cmsAgency)?.contact_email).toBe(DEFAULT_PUBLIC_EMAIL)
		expect(DEFAULT_PUBLIC_EMAIL).toBe('ai@cms.hhs.gov')
		expect(
			toPublicRow(published, { ...cmsAgency, publicEmail: 'hhs.caio@hhs.gov' })?.contact_email,
		).toBe('hhs.caio@hhs.gov')
	})

	test('blanks the ATO system name and keeps every other answer', () => {
		const full = toOmbRow(published, cmsAgency)
		const row = toPublicRow(published, cmsAgency)!
		expect(row.system_name_ato).toBe('')
		expect(row.have_ato).toBe('Yes')
		const differing = ombColumns.filter((column) => row[column] !== full[column])
		expect(differing).toEqual(['contact_email', 'system_name_ato'])
	})

	test('keeps the Use Case ID column unless IDs are left out, which drops the column', () => {
		expect(toPublicRows([published], cmsAgency).columns).toContain('id')
		const { columns, rows } = toPublicRows([published], { ...cmsAgency, includeIds: false })
		expect(columns).toHaveLength(35)
		expect(columns).not.toContain('id')
		expect(rows[0]).not.toHaveProperty('id')
	})
})

describe('consolidated COTS reporting', () => {
	const copilot = doc({
		name: 'GitHub Copilot for CMS developers',
		cotsTask: 'L',
		contractingUsage: 'PURCHASED',
		vendorNames: ['GitHub Copilot'],
		estimatedUsers: '1,000–5,000',
		highImpact: { determination: 'NOT_HIGH_IMPACT' },
	})

	test('one row per common task in OMB’s columns and wording, N where no case qualifies', () => {
		const rows = toCotsRows([], cmsAgency)
		expect(rows).toHaveLength(20)
		expect(Object.keys(rows[0]!)).toEqual([...cotsColumns])
		expect(cotsColumns).toEqual([
			'Agency',
			'AI Use Case',
			'Agency Use (Y/N)?',
			'Name of Commercial Product or Service Used',
			'Estimated # of Licenses/Users',
		])
		expect(rows.map((row) => row['AI Use Case'])).toEqual(
			cotsCommonTasks.map((task) => ombCotsTaskTexts[task]),
		)
		expect(
			rows.every(
				(row) =>
					row['Agency Use (Y/N)?'] === 'N' &&
					row.Agency === 'Department of Health and Human Services',
			),
		).toBe(true)
	})

	test('a purchased, not high-impact case on a common task marks it Y with its product and OMB’s user band', () => {
		const rows = toCotsRows([{ document: copilot, presumedHighImpact: false }], cmsAgency)
		expect(rows[11]).toEqual({
			Agency: 'Department of Health and Human Services',
			'AI Use Case': 'Generating code using AI.',
			'Agency Use (Y/N)?': 'Y',
			'Name of Commercial Product or Service Used': 'GitHub Copilot',
			'Estimated # of Licenses/Users': '1001-5000',
		})
	})

	test('several cases on one task list each product once and report the largest band', () => {
		const claude = doc({
			...copilot,
			name: 'Claude via Credal',
			vendorNames: ['Credal + Claude API', 'GitHub Copilot'],
			estimatedUsers: '10,000-50,000',
		})
		const row = toCotsRows(
			[
				{ document: copilot, presumedHighImpact: false },
				{ document: claude, presumedHighImpact: false },
			],
			cmsAgency,
		)[11]!
		expect(row['Name of Commercial Product or Service Used']).toBe(
			'GitHub Copilot, Credal + Claude API',
		)
		expect(row['Estimated # of Licenses/Users']).toBe('10,000-50,000')
	})

	test('never consolidates a high-impact case, nor a presumed one without a determination; a determined-not one qualifies', () => {
		const highImpact = doc({ ...copilot, highImpact: { determination: 'HIGH_IMPACT' } })
		const undetermined = doc({ ...copilot, highImpact: {} })
		const determinedNot = doc({
			...copilot,
			highImpact: {
				determination: 'PRESUMED_NOT_HIGH_IMPACT',
				justification: 'Developers review every suggestion.',
			},
		})
		expect(consolidationBlocker(highImpact, false)).toBe(
			'A high-impact use case is always reported individually.',
		)
		expect(consolidationBlocker(undetermined, true)).toMatch(
			/presumed high-impact and no determination/,
		)
		expect(consolidationBlocker(undetermined, false)).toBeNull()
		expect(consolidationBlocker(determinedNot, true)).toBeNull()
		const rows = toCotsRows(
			[
				{ document: highImpact, presumedHighImpact: false },
				{ document: undetermined, presumedHighImpact: true },
			],
			cmsAgency,
		)
		expect(rows[11]!['Agency Use (Y/N)?']).toBe('N')
		expect(
			toCotsRows([{ document: determinedNot, presumedHighImpact: true }], cmsAgency)[11]![
				'Agency Use (Y/N)?'
			],
		).toBe('Y')
	})

	test('only a product purchased from a vendor, on a named task, is consolidated', () => {
		expect(
			consolidationBlocker(doc({ ...copilot, contractingUsage: 'CONTRACT_AND_IN_HOUSE' }), false),
		).toMatch(/purchased from a vendor/)
		expect(consolidationBlocker(doc({ ...copilot, contractingUsage: 'IN_HOUSE' }), false)).toMatch(
			/purchased from a vendor/,
		)
		expect(consolidationBlocker(doc({ ...copilot, cotsTask: undefined }), false)).toMatch(
			/none of the 20/,
		)
	})

	test('user estimates map to OMB’s bands; anything else is reported', () => {
		expect(ombLicenceBand('1-100')).toBe('1-100')
		expect(ombLicenceBand('50,000+')).toBe('50,000+')
		expect(ombLicenceBand('5001-10,000')).toBe('5001-10,000')
		expect(ombLicenceBand('750')).toBe('101-1000')
		expect(ombLicenceBand('1,000–5,000')).toBe('1001-5000')
		expect(ombLicenceBand('about a dozen')).toBeNull()
		expect(cotsProblems(doc({ ...copilot, estimatedUsers: 'about a dozen' }))).toEqual([
			'“about a dozen” fits none of OMB’s bands (1-100, 101-1000, 1001-5000, 5001-10,000, 10,000-50,000, 50,000+).',
		])
		expect(cotsProblems(copilot)).toEqual([])
	})
})
