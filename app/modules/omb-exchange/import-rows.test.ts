import { readFileSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, test } from 'vitest'
import { parse as parseCsvSync } from 'csv-parse/sync'
import { toCsv } from '#app/utils/csv.server.ts'
import {
	type UseCaseDocumentInput,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import {
	monitoringChoices,
	type OmbChoice,
	ombMultipleChoiceColumns,
	practiceProgressChoices,
	publicConsultationChoices,
	trainingChoices,
} from '#app/modules/use-cases/vocabulary.ts'
import { generateConsolidatedInventory } from '#tests/fixtures/omb-consolidated-file.ts'
import { orgUnits as seededUnits } from '#prisma/seed/org-units.ts'
import { fieldPaths, fieldRules } from '#app/modules/use-cases/field-rules.ts'
import { isAnswered, valueAt } from '#app/modules/use-cases/question-kinds.ts'
import {
	columnForHeader,
	countOutcomes,
	createMatcher,
	decodeCsv,
	delimiterOf,
	excelSerialDay,
	lostInExcelSave,
	type ExistingCase,
	importKeyFor,
	listItems,
	matchChoice,
	mergeImported,
	type OrgUnitRef,
	parseOmbCsv,
	parseOmbCsvInSlices,
	planImport,
	resolveBureau,
} from './import-rows.ts'
import { cmsAgency, ombAsks, ombColumns, toOmbRow } from './omb-export.ts'

const orgUnits: Array<OrgUnitRef> = [
	'HHS',
	'HHS/CMS',
	'HHS/CMS/OIT',
	'HHS/CMS/CCIIO',
	'HHS/CMS/CCSQ',
	'HHS/CMS/CPI',
	'HHS/CMS/OAGM',
].map((code) => ({
	id: `ou-${code}`,
	code,
	shortName: code.split('/').at(-1)!,
}))

const csvOf = (rows: Array<Record<string, string>>) =>
	stringify(rows, { header: true, columns: Object.keys(rows[0]!) })
const parse = (text: string) => parseOmbCsv(text, { agency: 'HHS' })
const plan = (text: string, existing: Array<ExistingCase> = []) =>
	planImport(parse(text), { orgUnits, existing })

describe('quote marks', () => {
	const header = 'agency,use_case_name,agency_bureau,benefits'
	test('a cell whose quote marks do not pair up is read as written, and its row says which cell to check', async () => {
		const text = [
			header,
			'HHS,"Unbalanced "quotes one,HHS/CMS/CPI,Faster reviews',
			'HHS,"He said ""fine"" to it",HHS/CMS/CPI,"Commas, and ""quotes"" done right"',
			'HHS,Plain name,HHS/CMS/CPI,Faster reviews',
		].join('\n')
		for (const file of [
			parse(text),
			await parseOmbCsvInSlices(text, { agency: 'HHS' }, async () => {}),
		]) {
			expect(file.rows.map((row) => row.name)).toEqual([
				'"Unbalanced "quotes one',
				'He said "fine" to it',
				'Plain name',
			])
			const stray = file.rows.map((row) =>
				row.problems.filter((problem) => problem.kind === 'STRAY_QUOTES'),
			)
			expect(stray[0]).toEqual([
				expect.objectContaining({
					row: 2,
					column: 'use_case_name',
					severity: 'WARNING',
					message: expect.stringMatching(
						/^The row’s quote marks do not pair up, so use_case_name /,
					),
				}),
			])
			expect(stray.slice(1)).toEqual([[], []])
		}
	})

	test('OMB’s and the tracker’s own files, with quoted multi-line answers, raise no such warning', () => {
		for (const name of [
			'cms-ai-inventory-2025.csv',
			'cms-ai-inventory-2026-update.csv',
			'omb-multiline-answers.csv',
		]) {
			const file = parse(decodeCsv(new Uint8Array(readFileSync(`e2e/fixtures/${name}`))))
			expect(file.rows.length, name).toBeGreaterThan(0)
			expect(
				file.rows.flatMap((row) => row.problems).filter((p) => p.kind === 'STRAY_QUOTES'),
				name,
			).toEqual([])
		}
	})
})

describe('headers', () => {
	test('OMB’s column names are read as themselves, in any case', () => {
		for (const column of ombColumns) {
			expect(columnForHeader(column)).toBe(column)
			expect(columnForHeader(column.toUpperCase())).toBe(column)
			// Tidied in a spreadsheet: underscores as spaces, padded.
			expect(columnForHeader(`  ${column.toUpperCase().replace(/_/g, ' ')} `)).toBe(column)
		}
	})

	test('a file separated by semicolons (Excel where the decimal mark is a comma) or tabs reads as one separated by commas', () => {
		const commas = csvOf([{ ...base, use_case_name: 'Claims triage; phase 2' }])
		const expected = parse(commas).rows
		expect(expected[0]!.name).toBe('Claims triage; phase 2')
		for (const separator of [';', '\t']) {
			const text = stringify(parseCsvSync(commas) as Array<Array<string>>, { delimiter: separator })
			expect(delimiterOf(text)).toBe(separator)
			expect(parse(text).rows).toEqual(expected)
		}
		expect(delimiterOf(commas)).toBe(',')
	})

	test('HHS’s published FY25 file, headed with the Excel template’s questions, maps every header to its column', () => {
		const text = decodeCsv(readFileSync('e2e/fixtures/cms-ai-inventory-2026-update.csv'))
		const { columns, problems } = parse(text)
		expect(problems).toEqual([])
		// HHS's file has no agency, agency_name or id columns: 33 of OMB's 36.
		expect(columns).toEqual(
			ombColumns.filter((column) => !['agency', 'agency_name', 'id'].includes(column)),
		)
	})

	test('an unknown header is reported and ignored; a file with no use case name column is refused', () => {
		const { problems } = parse(
			'use_case_name,agency_bureau,Internal notes\nClaims triage,HHS/CMS/OIT,keep\n',
		)
		expect(problems).toEqual([
			{
				row: 1,
				name: '',
				column: null,
				severity: 'WARNING',
				kind: 'UNKNOWN_COLUMN',
				message: 'Column 3 (“Internal notes”) is not one of OMB’s 2025 columns; it is ignored.',
			},
		])
		expect(() => parse('title,office\nClaims triage,OIT\n')).toThrow(/no use_case_name/)
		expect(() => parse('')).toThrow(/empty/)
	})

	test('many unknown columns (a workbook’s helper columns) are summed up in one line', () => {
		const extras = Array.from({ length: 964 }, (_, index) => `extra_${index + 1}`)
		const { problems, rows } = parse(
			`use_case_name,agency_bureau,${extras.join(',')}\nClaims triage,HHS/CMS/OIT${',x'.repeat(964)}\n`,
		)
		expect(rows).toHaveLength(1)
		expect(problems.map((problem) => problem.message)).toEqual([
			'964 columns are not among OMB’s 2025 columns and are ignored: column 3 (“extra_1”), column 4 (“extra_2”), column 5 (“extra_3”) and 961 more.',
		])
	})
})

describe('decoding', () => {
	test('reads UTF-8 with OMB’s byte-order mark, and Windows-1252 as Excel saves it', () => {
		expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe2, 0x80, 0x93, 0x62]))).toBe('a–b')
		// 0x96 is the en dash and 0x92 the right quote in Windows-1252.
		expect(decodeCsv(new Uint8Array([0x61, 0x96, 0x62, 0x92]))).toBe('a–b’')
	})
})

describe('values', () => {
	test('every valid selection and every shorthand code of every multiple-choice column is recognised', () => {
		for (const [column, choices] of Object.entries(ombMultipleChoiceColumns) as Array<
			[string, Record<string, OmbChoice>]
		>) {
			for (const [key, choice] of Object.entries(choices)) {
				expect(matchChoice(choices, choice.selection), `${column} ${choice.selection}`).toBe(key)
				expect(matchChoice(choices, choice.code), `${column} ${choice.code}`).toBe(key)
			}
		}
	})

	// Variants from OMB's standardisation report and from HHS's published FY25 file.
	test.each([
		[
			'development_stage',
			'c)  Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.',
			'DEPLOYED',
		],
		[
			'development_stage',
			'Pre-Deployment - The use case is in a development or acquisition status.',
			'PRE_DEPLOYMENT',
		],
		[
			'development_stage',
			'b)  b)  Pilot – The use case has been deployed in a limited test or pilot capacity.',
			null,
		],
		[
			'is_high_impact',
			'b) Presumed high-impact but determined not high-impact',
			'PRESUMED_NOT_HIGH_IMPACT',
		],
		['is_high_impact', 'a) High-impact ', 'HIGH_IMPACT'],
		['topic_area', 'Health & Medical', 'HEALTH_MEDICAL'],
		['topic_area', 'Procurement & Financial Management', 'PROCUREMENT_FINANCIAL_MANAGEMENT'],
		['topic_area', 'Health Care Quality', null],
		['classification', 'Natural Language Processing (NLP)', 'NLP'],
		['classification', 'Agentic-AI', 'AGENTIC_AI'],
		['contracting_usage', 'a)\u00a0Purchased from a vendor', 'PURCHASED'],
		['contracting_usage', 'Developed in-house', 'IN_HOUSE'],
		[
			'is_withheld',
			'b) Yes – agency has determined that there’s a risk to disclosure such as a harm to an interest protected by a FOIA exemption',
			'YES_DISCLOSURE_RISK',
		],
		['hi_testing_conducted', 'In-Progress', 'IN_PROGRESS'],
		[
			'hi_ongoing_monitoring',
			'b) Development of monitoring protocols is in-progress',
			'IN_PROGRESS',
		],
		[
			'hi_independent_review',
			'Yes – by another appropriate agency office or reviewer not directly involved in the AI’s development',
			'YES_INTERNAL_REVIEWER',
		],
	] as const)('%s: “%s” → %s', (column, text, key) => {
		expect(matchChoice(ombMultipleChoiceColumns[column] as Record<string, OmbChoice>, text)).toBe(
			key,
		)
	})

	test('an Excel error value is no answer, said on its row; invisible characters never keep an id from matching', () => {
		const [row] = parse(
			csvOf([{ ...base, id: 'HHS-2001\u200B', vendor_name: '#N/A', operational_date: '#VALUE!' }]),
		).rows
		expect(row!.fileId).toBe('HHS-2001')
		expect(row!.answers.vendorNames).toBeUndefined()
		expect(row!.answers.operationalDate).toBeUndefined()
		expect(row!.problems).toEqual([
			expect.objectContaining({
				column: 'vendor_name',
				kind: 'EXCEL_ERROR',
				message:
					'“#N/A” is an Excel error left by a formula, not an answer; the cell is read as empty. Correct the formula or type the answer.',
			}),
			expect.objectContaining({ column: 'operational_date', kind: 'EXCEL_ERROR' }),
		])
	})

	test('a row with fewer cells than the header, or answers past its end, is said on its row', () => {
		const header = 'agency,use_case_name,agency_bureau,benefits'
		const { rows } = parse(
			`${header}\nHHS,Claims triage,HHS/CMS/OIT\nHHS,Claims routing,HHS/CMS/OIT,Faster.,stray\nHHS,Claims audit,HHS/CMS/OIT,Fewer errors.,\n`,
		)
		expect(rows.map((row) => row.problems.map((problem) => problem.message))).toEqual([
			[
				'The row has 3 cells where the header has 4: a line may have broken inside a cell, or cells shifted. The missing cells are read as no answer.',
			],
			[
				'The row has 5 cells where the header has 4: a line may have broken inside a cell, or cells shifted. Its 1 cell past the last column is ignored.',
			],
			// A trailing empty cell, as spreadsheets write, is nothing to say.
			[],
		])
	})

	test('several ATO system names fit, as OMB asks for “the system(s)”', () => {
		const systems = Array.from(
			{ length: 5 },
			(_, index) => `Integrated Data Repository segment ${index + 1} (IDR-${index + 1})`,
		).join('; ')
		expect(systems.length).toBeGreaterThan(200)
		const [row] = parse(csvOf([{ ...base, have_ato: 'Yes', system_name_ato: systems }])).rows
		expect(row!.answers.atoSystemName).toBe(systems)
		expect(row!.problems).toEqual([])
	})

	test('a whole number where the operational date belongs is read as Excel’s serial date', () => {
		expect(excelSerialDay('45852')).toBe('2025-07-14')
		expect(excelSerialDay('45852.0')).toBe('2025-07-14')
		expect(excelSerialDay('2025')).toBeNull()
		expect(excelSerialDay('12345')).toBeNull()
		const [row] = parse(csvOf([{ ...base, operational_date: '45852' }])).rows
		expect(row!.answers.operationalDate).toBe('2025-07-14')
		expect(row!.problems).toEqual([])
	})

	test('select-multiple cells as Python lists, JSON lists, or separated by “;” or new lines', () => {
		expect(listItems("['b) Sex', 'c) Age']")).toEqual(['b) Sex', 'c) Age'])
		expect(listItems('["k) None of the above"]')).toEqual(['k) None of the above'])
		expect(listItems('a) Race/Ethnicity; c) Age\ni) Income')).toEqual([
			'a) Race/Ethnicity',
			'c) Age',
			'i) Income',
		])
	})
})

const base = {
	agency: 'HHS',
	agency_name: 'Department of Health and Human Services',
	id: 'HHS-2001',
	use_case_name: 'Claims anomaly detection',
	agency_bureau: 'HHS/CMS/OIT',
	contact_email: 'hhs.caio@hhs.gov',
	is_withheld: 'a) No',
	development_stage: 'a) Pre-deployment – The use case is in a development or acquisition status.',
	is_high_impact: 'c) Not high-impact',
	topic_area: 'Information Technology',
	classification: 'Classical ML',
	problem_solved: 'Manual review misses billing outliers.',
	benefits: 'Earlier review of outliers.',
	system_outputs: 'A ranked list of outliers.',
}

describe('rows', () => {
	test('a row’s answers become the use-case document’s, and cells that are empty or “N/A” are no answer', () => {
		const [row] = parse(
			csvOf([
				{
					...base,
					demographic_features: "['b) Sex', 'c) Age']",
					vendor_name: 'Peraton, Inc.; GDIT',
					pia_url: 'N/A',
					have_ato: 'True',
				},
			]),
		).rows
		expect(row!.problems).toEqual([])
		expect(row!.fileId).toBe('HHS-2001')
		expect(row!.answers.asWritten).toEqual({})
		expect(row!.answers).toMatchObject({
			contactEmail: 'hhs.caio@hhs.gov',
			isWithheld: 'NO',
			stage: 'PRE_DEPLOYMENT',
			determination: 'NOT_HIGH_IMPACT',
			topicArea: 'INFORMATION_TECHNOLOGY',
			classification: 'CLASSICAL_ML',
			problemSolved: 'Manual review misses billing outliers.',
			benefits: 'Earlier review of outliers.',
			systemOutputs: 'A ranked list of outliers.',
			vendorNames: ['Peraton, Inc.', 'GDIT'],
			hasAto: true,
			demographicFeatures: ['SEX', 'AGE'],
			practices: {},
		})
	})

	test('a value the tracker cannot read is kept as written, and the row says so; the row is still imported', () => {
		const [row] = parse(
			csvOf([
				{
					...base,
					topic_area: 'Health Care Quality',
					operational_date: 'Q1 FY2025',
					contact_email: 'ai team',
					pia_url: 'To be posted on the HHS PIA page',
					demographic_features: 'b) Sex; Gender identity',
				},
			]),
		).rows
		expect(row!.problems.map((p) => [p.column, p.severity, p.kind, p.message])).toEqual([
			[
				'contact_email',
				'WARNING',
				'KEPT_AS_WRITTEN',
				'“ai team” is not an e-mail address; it is kept as written.',
			],
			[
				'topic_area',
				'WARNING',
				'KEPT_AS_WRITTEN',
				'“Health Care Quality” is not one of OMB’s choices for topic_area; it is kept as written.',
			],
			[
				'operational_date',
				'WARNING',
				'KEPT_AS_WRITTEN',
				'“Q1 FY2025” is not a date the tracker can read; it is kept as written.',
			],
			[
				'pia_url',
				'WARNING',
				'KEPT_AS_WRITTEN',
				'“To be posted on the HHS PIA page” is not a web address; it is kept as written.',
			],
			[
				'demographic_features',
				'WARNING',
				'KEPT_AS_WRITTEN',
				'“b) Sex; Gender identity” holds “Gender identity”, not among OMB’s demographic features (the others are recorded); it is kept as written.',
			],
		])
		expect(row!.answers.topicArea).toBeUndefined()
		expect(row!.answers.demographicFeatures).toEqual(['SEX'])
		expect(row!.answers.asWritten).toEqual({
			contact_email: 'ai team',
			topic_area: 'Health Care Quality',
			operational_date: 'Q1 FY2025',
			pia_url: 'To be posted on the HHS PIA page',
			demographic_features: 'b) Sex; Gender identity',
		})
	})

	test('what OMB’s own file holds is accepted: several contacts, a contact page, “Not available” links, long names, “Other – …”', () => {
		const longName =
			`Correspondence triage: ${'an agency-wide programme that reads and routes letters from the public, '.repeat(3)}`.trim()
		const [twoEmails, contactPage, other] = parse(
			csvOf([
				{
					...base,
					contact_email: 'Jane.Doe@cms.hhs.gov; ai-team@cms.hhs.gov',
					link_to_data: 'Not available',
					code_url: 'Not available',
					pia_url: 'PIA not publicly available',
					operational_date: '',
				},
				{
					...base,
					id: 'HHS-2002',
					use_case_name: longName,
					contact_email: 'https://www.cms.gov/about-cms/contact',
				},
				{
					...base,
					id: 'HHS-2003',
					classification: 'Other – Robotic process automation',
					topic_area: 'Other: public affairs',
					operational_date: '3/4/2024 0:00',
				},
			]),
		).rows
		expect(twoEmails!.answers).toMatchObject({
			contactEmail: 'jane.doe@cms.hhs.gov',
			asWritten: {
				contact_email: 'Jane.Doe@cms.hhs.gov; ai-team@cms.hhs.gov',
				link_to_data: 'Not available',
				code_url: 'Not available',
				pia_url: 'PIA not publicly available',
			},
		})
		expect(twoEmails!.problems[0]!.message).toBe(
			'“Jane.Doe@cms.hhs.gov; ai-team@cms.hhs.gov” names 2 e-mail addresses: jane.doe@cms.hhs.gov is the contact; it is kept as written.',
		)
		expect(contactPage!.name).toBe(longName)
		expect(longName.length).toBeGreaterThan(200)
		expect(contactPage!.problems.map((p) => p.message)).toEqual([
			'“https://www.cms.gov/about-cms/contact” is a contact page, not an e-mail address; it is kept as written.',
		])
		expect(contactPage!.answers.contactEmail).toBeUndefined()
		// OMB's 2025 classifications have no "Other": the agency's words are kept. Topic areas have one.
		expect(other!.answers).toMatchObject({
			topicArea: 'OTHER',
			operationalDate: '2024-03-04',
			asWritten: {
				classification: 'Other – Robotic process automation',
				topic_area: 'Other: public affairs',
			},
		})
		expect(other!.answers.classification).toBeUndefined()
	})

	test('a row with no name, no bureau, or a name past 500 characters is an error; other agencies’ rows are one line per agency', () => {
		const { rows, problems } = parse(
			csvOf([
				{ ...base, use_case_name: '' },
				{ ...base, agency_bureau: '' },
				{ ...base, agency: 'USDA' },
				{ ...base, use_case_name: 'x'.repeat(501) },
				{ ...base, agency: 'USDA' },
				{ ...base, agency: 'DOE' },
			]),
		)
		expect(
			rows.map((row) =>
				row.problems.map((p) => `${p.severity} ${p.kind} ${p.column}: ${p.message}`),
			),
		).toEqual([
			['ERROR NO_NAME use_case_name: The use case has no name.'],
			['ERROR NO_BUREAU agency_bureau: The row names no bureau or component.'],
			['ERROR NAME_TOO_LONG use_case_name: The name is 501 characters; at most 500 are allowed.'],
		])
		expect(problems.map((p) => [p.row, p.kind, p.message])).toEqual([
			[
				null,
				'OTHER_AGENCY',
				'USDA: 2 rows (rows 4–6) are another agency’s; only HHS’s use cases are imported.',
			],
			[
				null,
				'OTHER_AGENCY',
				'DOE: 1 row (rows 7–7) are another agency’s; only HHS’s use cases are imported.',
			],
		])
	})
})

describe('bureaus and keys', () => {
	test('a bureau is found by its code, without the department, or by a short name', () => {
		expect(resolveBureau('HHS/CMS/OIT', orgUnits).orgUnit?.code).toBe('HHS/CMS/OIT')
		expect(resolveBureau('cms/oit', orgUnits).orgUnit?.code).toBe('HHS/CMS/OIT')
		expect(resolveBureau('CCIIO', orgUnits).orgUnit?.code).toBe('HHS/CMS/CCIIO')
		expect(resolveBureau('HHS/CMS/OC', orgUnits).orgUnit).toBeNull()
		expect(resolveBureau('HHS/CMS/OIT; HHS/CMS/CCSQ', orgUnits)).toMatchObject({
			orgUnit: { code: 'HHS/CMS/OIT' },
			note: expect.stringMatching(/several bureaus/),
		})
	})

	test('CMS’s organisation as the seed has it: components by abbreviation, full name, path or alias; an unknown one is not filed under CMS', () => {
		const units: Array<OrgUnitRef> = seededUnits.map((unit) => ({
			id: unit.code,
			code: unit.code,
			shortName: unit.shortName,
			name: unit.name,
			aliases: 'aliases' in unit ? unit.aliases : [],
		}))
		const code = (bureau: string) => resolveBureau(bureau, units).orgUnit?.code ?? null
		for (const abbreviation of [
			'OC',
			'OHI',
			'OPOLE',
			'EPRO',
			'CCSQ',
			'CM',
			'CMMI',
			'CCIIO',
			'CPI',
			'OIT',
			'OFM',
			'OA',
			'OACT',
			'OSORA',
			'OEDA',
			'CMCS',
			'FCHCO',
			'OMH',
			'OL',
			'OSFLO',
		]) {
			expect(code(`CMS/${abbreviation}`), abbreviation).toBe(`HHS/CMS/${abbreviation}`)
		}
		expect(code('CMS - Office of the Actuary')).toBe('HHS/CMS/OACT')
		expect(
			code('Centers for Medicare & Medicaid Services / Office of Financial Management (OFM)'),
		).toBe('HHS/CMS/OFM')
		expect(code('Office of Hearings and Inquiries')).toBe('HHS/CMS/OHI')
		expect(code('CMS Innovation Center')).toBe('HHS/CMS/CMMI')
		expect(code('Medicare-Medicaid Coordination Office')).toBe('HHS/CMS/FCHCO')
		expect(code('CMS')).toBe('HHS/CMS')
		expect(code('CMS/Digital Service at CMS')).toBeNull()
		expect(resolveBureau('FDA', units)).toEqual({ orgUnit: null, otherDivision: 'FDA' })
		expect(resolveBureau('National Institutes of Health', units)).toEqual({
			orgUnit: null,
			otherDivision: 'NIH',
		})
		// A spelling mapped at an earlier import is an alias of the unit.
		const mapped = units.map((unit) =>
			unit.code === 'HHS/CMS/OA' ? { ...unit, aliases: ['CMS/Digital Service at CMS'] } : unit,
		)
		expect(resolveBureau('CMS/Digital Service at CMS', mapped).orgUnit?.code).toBe('HHS/CMS/OA')
	})

	test('the key is the agency and the file’s id, or the bureau and the normalised name', () => {
		expect(importKeyFor({ agency: 'HHS', fileId: 'HHS-2001', name: 'x' }, 'HHS/CMS/OIT')).toBe(
			'HHS:id:HHS-2001',
		)
		expect(
			importKeyFor(
				{ agency: 'HHS', fileId: null, name: 'Complaint Analysis\u00a0' },
				'HHS/CMS/OPOLE',
			),
		).toBe('HHS:name:HHS/CMS/OPOLE:complaint analysis')
	})
})

const existingFrom = (
	input: UseCaseDocumentInput,
	extra: Partial<ExistingCase> = {},
): ExistingCase => ({
	id: 'case-1',
	trackingId: 'CMS-2026-0007',
	version: 3,
	importKey: 'HHS:id:HHS-2001',
	determinedInTracker: false,
	document: UseCaseDocumentSchema.parse(input),
	...extra,
})

describe('planning', () => {
	test('a new row is created; the same file again is unchanged; a changed row is an update naming what changes', () => {
		const text = csvOf([base])
		const [created] = plan(text)
		expect(created).toMatchObject({
			outcome: 'CREATE',
			importKey: 'HHS:id:HHS-2001',
			orgUnit: { code: 'HHS/CMS/OIT' },
		})
		const existing = existingFrom({ ...created!.document!, trackingId: 'CMS-2026-0007' })
		expect(plan(text, [existing])[0]).toMatchObject({
			outcome: 'UNCHANGED',
			existing: { id: 'case-1', trackingId: 'CMS-2026-0007', version: 3 },
			changed: [],
		})
		const changed = plan(
			csvOf([{ ...base, development_stage: 'Pilot', operational_date: '2026-01-05' }]),
			[existing],
		)[0]!
		expect(changed.outcome).toBe('UPDATE')
		expect(changed.changed).toEqual(['operationalDate', 'stage'])
	})

	test('an empty cell never erases what the case already holds', () => {
		const existing = existingFrom({
			...plan(csvOf([base]))[0]!.document!,
			hasAto: true,
			atoSystemName: 'CEDAR',
		})
		const [row] = plan(csvOf([{ ...base, have_ato: '', system_name_ato: '' }]), [existing])
		expect(row!.outcome).toBe('UNCHANGED')
		expect(row!.document).toMatchObject({ hasAto: true, atoSystemName: 'CEDAR' })
	})

	test('rows repeating an earlier row, and rows whose bureau is unknown, are skipped', () => {
		const rows = plan(
			csvOf([
				base,
				{ ...base, problem_solved: 'A later copy.' },
				{ ...base, id: '', use_case_name: 'Claims triage' },
				{ ...base, id: '', use_case_name: 'Claims  TRIAGE ' },
				{ ...base, id: 'HHS-2009', agency_bureau: 'HHS/CMS/OC' },
			]),
		)
		expect(rows.map((row) => row.outcome)).toEqual(['CREATE', 'SKIP', 'CREATE', 'SKIP', 'SKIP'])
		expect(rows[1]!.problems.at(-1)?.message).toBe(
			'Row 2 has the same Use Case ID (HHS-2001); only the first is imported.',
		)
		expect(rows[3]!.problems.at(-1)?.message).toBe(
			'Row 4 has the same name and bureau; only the first is imported.',
		)
		expect(rows[4]!.problems.at(-1)).toMatchObject({
			kind: 'UNKNOWN_COMPONENT',
			message: expect.stringMatching(
				/^“HHS\/CMS\/OC” is not an org unit in the tracker: create it or map it/,
			),
		})
		expect(countOutcomes(rows)).toEqual({ CREATE: 2, UPDATE: 0, UNCHANGED: 0, SKIP: 3, CONFIRM: 0 })
	})

	test('warns of every column OMB requires for the row’s stage that the case would still lack', () => {
		const [row] = plan(csvOf([{ ...base, development_stage: 'Deployed' }]))
		const missing = row!.problems
			.filter((p) => p.message.startsWith('OMB requires'))
			.map((p) => p.column)
		expect(missing).toEqual([
			'operational_date',
			'contracting_usage',
			'have_ato',
			'data_description',
			'has_pii',
			'demographic_features',
			'has_custom_code',
		])
		expect(row!.outcome).toBe('CREATE')
	})

	test('a determination the governance lead recorded in the tracker is kept, with a warning', () => {
		const existing = existingFrom(
			{
				name: base.use_case_name,
				orgUnit: 'HHS/CMS/OIT',
				highImpact: { determination: 'HIGH_IMPACT' },
			},
			{ determinedInTracker: true },
		)
		const [row] = plan(csvOf([base]), [existing])
		expect(row!.document!.highImpact.determination).toBe('HIGH_IMPACT')
		expect(row!.problems.map((p) => p.column)).toContain('is_high_impact')
	})

	test('a tracking id of this tracker that no case has is said on its row (a typo?); the row is a new use case', () => {
		const [row] = plan(csvOf([{ ...base, id: 'CMS-2031-0042' }]))
		expect(row!.outcome).toBe('CREATE')
		expect(row!.problems).toContainEqual(
			expect.objectContaining({
				column: 'id',
				severity: 'WARNING',
				kind: 'UNKNOWN_TRACKING_ID',
				message: expect.stringMatching(
					/^CMS-2031-0042 is written as a tracking id of this tracker, but no use case has it\./,
				),
			}),
		)
		expect(plan(csvOf([base]))[0]!.problems.map((p) => p.kind)).not.toContain('UNKNOWN_TRACKING_ID')
	})

	test('a row that would give its case another case’s name (a column sorted on its own) is not imported', () => {
		const first = existingFrom(
			{ name: 'Claims anomaly detection', trackingId: 'CMS-2026-0007', orgUnit: 'HHS/CMS/OIT' },
			{ importKey: null },
		)
		const second = existingFrom(
			{
				name: 'Provider enrollment screening',
				trackingId: 'CMS-2026-0008',
				orgUnit: 'HHS/CMS/CPI',
			},
			{ id: 'case-2', trackingId: 'CMS-2026-0008', importKey: null },
		)
		const rows = plan(
			csvOf([
				{ ...base, id: 'CMS-2026-0007', use_case_name: 'Provider  ENROLLMENT screening' },
				{
					...base,
					id: 'CMS-2026-0008',
					agency_bureau: 'HHS/CMS/CPI',
					use_case_name: 'Claims anomaly detection',
				},
			]),
			[first, second],
		)
		expect(rows.map((row) => row.outcome)).toEqual(['SKIP', 'SKIP'])
		expect(rows[0]!.problems.at(-1)).toEqual({
			row: 2,
			name: 'Provider ENROLLMENT screening',
			column: 'use_case_name',
			severity: 'ERROR',
			kind: 'NAME_OF_ANOTHER_CASE',
			message:
				'The row would rename CMS-2026-0007 “Claims anomaly detection” to “Provider ENROLLMENT screening”, the name of CMS-2026-0008. Were the rows sorted one column at a time? The row is not imported: correct its name or its Use Case ID.',
		})
		// A new name nobody holds is an ordinary rename.
		expect(
			plan(csvOf([{ ...base, id: 'CMS-2026-0007', use_case_name: 'Claims outlier triage' }]), [
				first,
				second,
			])[0],
		).toMatchObject({ outcome: 'UPDATE', changed: expect.arrayContaining(['name']) })
	})

	test('characters Excel could not save as Windows-1252 (turned into “?”) never overwrite the case’s text', () => {
		const existing = existingFrom({
			...plan(csvOf([base]))[0]!.document!,
			name: 'Prüfung café — triage 😀 医疗',
			benefits: 'Fewer delays for “everyone” 😀.',
		})
		const resaved = {
			...base,
			use_case_name: 'Prüfung café — triage ? ??',
			benefits: 'Fewer delays for “everyone” ?.',
		}
		const [row] = plan(csvOf([resaved]), [existing])
		expect(row).toMatchObject({
			outcome: 'UNCHANGED',
			document: {
				name: 'Prüfung café — triage 😀 医疗',
				benefits: 'Fewer delays for “everyone” 😀.',
			},
		})
		expect(
			row!.problems.filter((p) => p.kind === 'TRACKER_ANSWER_KEPT').map((p) => p.column),
		).toEqual(['use_case_name', 'benefits'])
		// A real edit that happens to hold a question mark is an edit.
		expect(
			plan(csvOf([{ ...resaved, benefits: 'Fewer delays?' }]), [existing])[0]!.changed,
		).toContain('benefits')
		expect(lostInExcelSave('Prüfung 😀', 'Prüfung ?')).toBe(true)
		expect(lostInExcelSave('Prüfung', 'Prüfung?')).toBe(false)
	})

	test('a case in review is not changed by a file: its reviewers decide on the answers it has', () => {
		const existing = existingFrom(plan(csvOf([base]))[0]!.document!, { inReview: true })
		const [changed] = plan(
			csvOf([{ ...base, problem_solved: 'Denies claims automatically.', benefits: 'Faster.' }]),
			[existing],
		)
		expect(changed).toMatchObject({ outcome: 'SKIP', document: null, changed: [] })
		expect(changed!.problems).toContainEqual(
			expect.objectContaining({
				kind: 'IN_REVIEW',
				severity: 'ERROR',
				message: expect.stringMatching(
					/^CMS-2026-0007 is in review, .* the file would change benefits, problem_solved\. /,
				),
			}),
		)
		// A row that changes nothing is still recorded as unchanged, and the same case out of review updates.
		expect(plan(csvOf([base]), [existing])[0]).toMatchObject({ outcome: 'UNCHANGED' })
		expect(
			plan(csvOf([{ ...base, benefits: 'Faster.' }]), [{ ...existing, inReview: false }])[0],
		).toMatchObject({ outcome: 'UPDATE', changed: ['benefits'] })
	})

	test('the public inbox in a re-imported public file never replaces a case’s contact', () => {
		const existing = existingFrom({
			...plan(csvOf([base]))[0]!.document!,
			contactEmail: 'jo.analyst@cms.hhs.gov',
		})
		const [row] = plan(csvOf([{ ...base, contact_email: 'AI@cms.hhs.gov' }]), [existing])
		expect(row).toMatchObject({
			outcome: 'UNCHANGED',
			document: { contactEmail: 'jo.analyst@cms.hhs.gov' },
		})
		expect(row!.problems).toContainEqual(
			expect.objectContaining({
				column: 'contact_email',
				kind: 'TRACKER_ANSWER_KEPT',
				message: expect.stringMatching(
					/public inquiries inbox .* keeps the case’s contact, jo\.analyst@cms\.hhs\.gov\.$/,
				),
			}),
		)
		// Another address is an ordinary change.
		expect(
			plan(csvOf([{ ...base, contact_email: 'new.owner@cms.hhs.gov' }]), [existing])[0],
		).toMatchObject({
			outcome: 'UPDATE',
			changed: ['contactEmail'],
		})
	})

	test('a row carrying a tracker id (the tracker’s own export) updates that case, and does not take its id as a previous one', () => {
		const existing = existingFrom(
			{ name: 'Old name', trackingId: 'CMS-2026-0007', orgUnit: 'HHS/CMS/OIT' },
			{ importKey: null },
		)
		const [row] = plan(csvOf([{ ...base, id: 'CMS-2026-0007' }]), [existing])
		expect(row).toMatchObject({ outcome: 'UPDATE', existing: { trackingId: 'CMS-2026-0007' } })
		expect(row!.document!.previousOmbId).toBeUndefined()
		expect(row!.document!.name).toBe('Claims anomaly detection')
	})

	test('a file without ids finds the cases a file with ids created, by bureau and name; a different id under the same name is asked about', () => {
		const imported = existingFrom({
			name: base.use_case_name,
			orgUnit: 'HHS/CMS/OIT',
			previousOmbId: 'HHS-2001',
		})
		expect(
			plan(csvOf([{ ...base, id: '', use_case_name: 'CLAIMS anomaly detection ' }]), [imported])[0],
		).toMatchObject({ outcome: 'UPDATE', existing: { id: 'case-1' }, matchedBy: 'NAME' })
		expect(plan(csvOf([{ ...base, id: 'HHS-3000' }]), [imported])[0]).toMatchObject({
			outcome: 'CONFIRM',
			candidate: { id: 'case-1', registered: false },
		})
	})

	test('a row finds its case by the OMB id the case reports, then by an id it had in an earlier year', () => {
		const moved = existingFrom(
			{
				name: 'Anomaly detection for claims',
				orgUnit: 'HHS/CMS/CPI',
				previousOmbId: 'HHS-2001',
				formerOmbIds: ['HHS-0999'],
			},
			{ importKey: 'HHS:name:HHS/CMS/CPI:anomaly detection for claims' },
		)
		// The file files it under another bureau and names it differently: the id still finds it.
		expect(plan(csvOf([base]), [moved])[0]).toMatchObject({
			outcome: 'UPDATE',
			matchedBy: 'OMB_ID',
			existing: { id: 'case-1' },
		})
		const lastYear = plan(csvOf([{ ...base, id: 'HHS-0999' }]), [moved])[0]!
		expect(lastYear).toMatchObject({ outcome: 'UPDATE', matchedBy: 'PREVIOUS_OMB_ID' })
		// The case takes the file's id; the one it had is kept among its former ids.
		expect(lastYear.document).toMatchObject({
			previousOmbId: 'HHS-0999',
			formerOmbIds: ['HHS-0999', 'HHS-2001'],
		})
	})

	test('a similar name under another bureau waits for the lead; their answer makes it an update, a new case, or leaves a registered case alone', () => {
		const imported = existingFrom(
			{
				name: 'Claims anomaly detection model',
				orgUnit: 'HHS/CMS/CPI',
				problemSolved: 'Manual review misses billing outliers.',
			},
			{ importKey: 'HHS:name:HHS/CMS/CPI:claims anomaly detection model' },
		)
		const row = { ...base, id: '' }
		const [waiting] = plan(csvOf([row]), [imported])
		expect(waiting).toMatchObject({
			outcome: 'CONFIRM',
			candidate: { id: 'case-1', trackingId: 'CMS-2026-0007', orgUnitCode: 'HHS/CMS/CPI' },
		})
		expect(waiting!.problems.at(-1)).toMatchObject({
			kind: 'CONFIRM_MATCH',
			severity: 'ERROR',
			message: expect.stringMatching(
				/^This may be CMS-2026-0007 “Claims anomaly detection model” \(HHS\/CMS\/CPI\): name \d+% similar/,
			),
		})
		const decide = (decision: string, existing = [imported]) =>
			planImport(parse(csvOf([row])), { orgUnits, existing, decisions: { 2: decision } })[0]!
		expect(decide('case-1')).toMatchObject({
			outcome: 'UPDATE',
			matchedBy: 'CONFIRMED',
			existing: { id: 'case-1' },
		})
		expect(decide('NEW')).toMatchObject({ outcome: 'CREATE', existing: null })
		const registered = { ...imported, importKey: null }
		expect(decide('case-1', [registered])).toMatchObject({
			outcome: 'SKIP',
			problems: [expect.objectContaining({ kind: 'REGISTERED_IN_TRACKER' })],
		})
	})

	test('a different name sharing no word is a new case, not a candidate', () => {
		const imported = existingFrom(
			{ name: 'Provider enrollment screening', orgUnit: 'HHS/CMS/CPI' },
			{ importKey: 'HHS:name:x' },
		)
		expect(plan(csvOf([{ ...base, id: '' }]), [imported])[0]!.outcome).toBe('CREATE')
	})

	test('a same-named case registered in the tracker is neither duplicated nor overwritten: the row is skipped', () => {
		const registered = existingFrom(
			{ name: 'Claims Anomaly Detection', orgUnit: 'HHS/CMS/OIT' },
			{ importKey: null, trackingId: 'CMS-2026-0002' },
		)
		const [row] = plan(csvOf([{ ...base, id: '' }]), [registered])
		expect(row!.outcome).toBe('SKIP')
		expect(row!.problems).toEqual([
			{
				row: 2,
				name: 'Claims anomaly detection',
				column: 'use_case_name',
				severity: 'ERROR',
				kind: 'REGISTERED_IN_TRACKER',
				message:
					'CMS-2026-0002 with this name and bureau is registered in the tracker; the row is not imported, so the use case is not duplicated and the tracker’s answers are kept. To update the case from a file, give the row its Use Case ID (the tracker’s export has it).',
			},
		])
		// In another bureau it may be another use case: the lead is asked.
		expect(
			plan(csvOf([{ ...base, id: '', agency_bureau: 'HHS/CMS/CCSQ' }]), [registered])[0]!,
		).toMatchObject({
			outcome: 'CONFIRM',
			candidate: { trackingId: 'CMS-2026-0002', registered: true },
		})
	})
})

describe('round trip', () => {
	const complete: UseCaseDocumentInput = {
		trackingId: 'CMS-2026-0042',
		previousOmbId: 'HHS-1099',
		name: 'Marketplace remote identity proofing risk score',
		orgUnit: 'HHS/CMS/CCIIO',
		contactEmail: 'identity.team@cms.hhs.gov',
		isWithheld: 'YES_PROHIBITED_BY_LAW',
		stage: 'DEPLOYED',
		topicArea: 'GOVERNMENT_BENEFITS_PROCESSING',
		classification: 'REINFORCEMENT_LEARNING',
		problemSolved: 'Manual identity checks delay applications, “sometimes” for weeks.',
		// Answers a spreadsheet would run as formulas, and one already written with the guard.
		benefits: '-Faster proofing.\r\n-Fewer call-backs.',
		systemOutputs: '=A risk score, +1 per flag.',
		dataDescription: "'=Identity-proofing outcomes.",
		operationalDate: '2025-07-01',
		contractingUsage: 'CONTRACT_AND_IN_HOUSE',
		vendorNames: ['Sapiens Decision, Inc.', 'Amazon Web Services'],
		hasAto: true,
		atoSystemName: '@Federally Facilitated Marketplace (FFM)',
		linkToData: 'https://catalog.data.gov/dataset/example',
		hasPii: true,
		piaUrl: 'https://www.hhs.gov/pia/ffm.pdf',
		// In OMB's lettered order, the order the export writes them in.
		demographicFeatures: ['SEX', 'AGE', 'OTHER'],
		hasCustomCode: false,
		codeUrl: 'https://github.com/CMSgov/example',
		highImpact: {
			determination: 'PRESUMED_NOT_HIGH_IMPACT',
			justification: 'A caseworker decides on every flagged application.',
		},
		practices: {
			testing: 'CAIO_WAIVED',
			impactAssessment: 'YES',
			potentialImpacts: 'Delays for applicants.',
			independentReview: 'YES_OVERSIGHT_BOARD',
			monitoring: 'IN_PROGRESS',
			training: 'YES',
			failsafe: 'NOT_APPLICABLE',
			appeal: 'PRECLUDED_BY_LAW',
			publicConsultation: ['PUBLIC_HEARINGS', 'OTHER'],
		},
	}

	// OMB asks the justification only of a presumed case found not high-impact, and the practices
	// only of a high-impact one: each kind of case carries what OMB asks of it.
	const kinds = {
		'presumed, found not high-impact': { ...complete, practices: {} },
		'high-impact': { ...complete, highImpact: { determination: 'HIGH_IMPACT' } },
	} satisfies Record<string, UseCaseDocumentInput>
	for (const [kind, input] of Object.entries(kinds))
		for (const values of ['selections', 'codes'] as const) {
			test(`a ${kind} row the tracker exported as ${values} imports back to the same answers`, () => {
				const original = UseCaseDocumentSchema.parse(input)
				const text = toCsv([toOmbRow(original, { ...cmsAgency, values })], ombColumns, {
					bom: true,
				})
				const file = parse(decodeCsv(new TextEncoder().encode(text)))
				expect(file.rows[0]!.problems).toEqual([])
				const imported = mergeImported(null, file.rows[0]!, {
					orgUnitCode: 'HHS/CMS/CCIIO',
					keepDetermination: false,
				})
				expect({ ...imported, trackingId: original.trackingId }).toEqual(original)
			})
		}

	test('a case whose practices a waiver or recorded evidence documents imports its own export back unchanged, and a file that says otherwise still changes it', () => {
		const asOf = new Date('2026-06-01T12:00:00Z')
		const original = UseCaseDocumentSchema.parse({
			...complete,
			highImpact: {
				determination: 'HIGH_IMPACT',
				justification: 'It decides who must send more documents.',
			},
			practices: {
				...complete.practices,
				testing: 'IN_PROGRESS',
				monitoring: undefined,
				training: 'IN_PROGRESS',
				publicConsultation: [],
			},
			waivers: [{ practice: 'TESTING', grantedOn: '2026-04-01', expiresOn: '2027-03-31' }],
			practiceEvidence: [
				{ practice: 'MONITORING', evidenceUrl: 'https://example.cms.gov/monitoring-plan' },
				{
					practice: 'PUBLIC_CONSULTATION',
					evidenceUrl: 'https://example.cms.gov/listening-sessions',
					documentedOn: '2026-05-01',
				},
				// Beside an answer of 'in progress', evidence is a contradiction, not a documented practice.
				{ practice: 'TRAINING', evidenceUrl: 'https://example.cms.gov/training-draft' },
			],
		})
		const exported = toOmbRow(original, { ...cmsAgency, values: 'codes', asOf })
		// The export reports what the waiver and the evidence document, and the answers otherwise…
		expect([
			exported.hi_testing_conducted,
			exported.hi_ongoing_monitoring,
			exported.hi_public_consultation,
			exported.hi_training_established,
		]).toEqual([
			practiceProgressChoices.CAIO_WAIVED.code,
			monitoringChoices.YES.code,
			`['${publicConsultationChoices.OTHER.code}']`,
			trainingChoices.IN_PROGRESS.code,
		])
		const [row] = parse(
			decodeCsv(new TextEncoder().encode(toCsv([exported], ombColumns, { bom: true }))),
		).rows
		// …and reading it back keeps the case's own answers.
		expect(
			mergeImported(original, row!, {
				orgUnitCode: original.orgUnit!,
				keepDetermination: false,
				asOf,
			}),
		).toEqual(original)
		const changed = parse(
			decodeCsv(
				new TextEncoder().encode(
					toCsv(
						[{ ...exported, hi_testing_conducted: practiceProgressChoices.YES.code }],
						ombColumns,
						{ bom: true },
					),
				),
			),
		).rows[0]!
		expect(
			mergeImported(original, changed, {
				orgUnitCode: original.orgUnit!,
				keepDetermination: false,
				asOf,
			}).practices.testing,
		).toBe('YES')
	})
})

describe('OMB’s consolidated file of every agency', () => {
	const generated = generateConsolidatedInventory({ rows: 1200, cmsRows: 120, seed: 11 })
	const units: Array<OrgUnitRef> = seededUnits.map((unit) => ({
		id: unit.code,
		code: unit.code,
		shortName: unit.shortName,
		name: unit.name,
		aliases: 'aliases' in unit ? unit.aliases : [],
	}))

	test('reading it a slice at a time gives what reading it whole gives', async () => {
		const whole = parse(generated.csv)
		let pauses = 0
		const sliced = await parseOmbCsvInSlices(
			generated.csv,
			{ agency: 'HHS' },
			async () => void pauses++,
		)
		expect(sliced).toEqual(whole)
		expect(pauses).toBeGreaterThan(10)
	})

	test('other agencies are one line each, other HHS divisions one line each, and CMS’s rows are planned', () => {
		const file = parse(generated.csv)
		const others = Object.entries(generated.byAgency).filter(([agency]) => agency !== 'HHS')
		expect(file.otherAgencies.map((other) => [other.agency, other.rows]).sort()).toEqual(
			others.sort(),
		)
		expect(file.problems.filter((p) => p.kind === 'OTHER_AGENCY')).toHaveLength(others.length)
		const matcher = createMatcher({ orgUnits: units, cases: [] })
		const matches = file.rows.map((row) => matcher.match(row))
		const summaries = matcher.summaries()
		expect(summaries.length).toBeGreaterThan(5)
		expect(summaries.every((line) => line.kind === 'OTHER_COMPONENT' && line.row === null)).toBe(
			true,
		)
		// Only the component the tracker does not know keeps CMS rows out.
		const cms = matches.slice(0, generated.cmsRows)
		expect(new Set(cms.filter((m) => m.outcome === 'SKIP').map((m) => m.row.bureau))).toEqual(
			new Set(['CMS/Digital Service at CMS']),
		)
	})

	test('no answer is dropped without a word: every cell of every CMS row is in the case, kept as written, or named in a problem on its row', () => {
		const file = parse(generated.csv)
		const records = parseCsvSync(generated.csv, { bom: true, columns: true }) as Array<
			Record<string, string>
		>
		const plan = planImport(file, { orgUnits: units, existing: [] }).filter((row) => row.document)
		expect(plan.length).toBeGreaterThan(100)
		for (const planned of plan) {
			const record = records[planned.row - 2]!
			const exported = toOmbRow(planned.document!, { ...cmsAgency, values: 'codes' })
			for (const column of ombColumns) {
				const cell = (record[column] ?? '').trim()
				if (
					!cell ||
					cell === '[]' ||
					['agency', 'agency_name', 'id', 'agency_bureau'].includes(column)
				)
					continue
				// A column OMB does not ask of the case is left empty in the export; the case keeps the answer.
				const held = ombAsks(column, planned.document!)
					? normalise(exported[column]) === normalise(cell) ||
						normalise(exported[column]).length > 0
					: fieldPaths.some(
							(path) =>
								fieldRules[path].ombColumn === column &&
								isAnswered(valueAt(planned.document!, path)),
						)
				const reported = planned.problems.some((problem) => problem.column === column)
				expect(held || reported, `row ${planned.row} ${column}: “${cell}”`).toBe(true)
			}
		}
	})

	test('a case imported with answers kept as written exports them as written, and the export imports back to the same case', () => {
		const file = parse(generated.csv)
		const plan = planImport(file, { orgUnits: units, existing: [] }).filter(
			(row) => row.document?.asWritten,
		)
		expect(plan.length).toBeGreaterThan(10)
		for (const values of ['codes', 'selections'] as const) {
			for (const planned of plan) {
				const original = planned.document!
				const text = stringify([toOmbRow(original, { ...cmsAgency, values })], {
					header: true,
					columns: [...ombColumns],
					bom: true,
				})
				const [row] = parse(decodeCsv(new TextEncoder().encode(text))).rows
				const again = mergeImported(original, row!, {
					orgUnitCode: original.orgUnit!,
					keepDetermination: false,
				})
				expect(again).toEqual(original)
			}
		}
	})
})

const normalise = (text: string | undefined) =>
	(text ?? '').replace(/\s+/g, ' ').trim().toLowerCase()

describe('the CMS fixture', () => {
	test('the 2025 fixture plans twelve cases and reports the rows a governance lead has to look at', () => {
		const text = decodeCsv(readFileSync('e2e/fixtures/cms-ai-inventory-2025.csv'))
		const rows = plan(text)
		expect(countOutcomes(rows)).toEqual({
			CREATE: 12,
			UPDATE: 0,
			UNCHANGED: 0,
			SKIP: 3,
			CONFIRM: 0,
		})
		const errors = rows.flatMap((row) =>
			row.problems.filter((p) => p.severity === 'ERROR').map((p) => `${p.row} ${p.column}`),
		)
		expect(errors).toEqual(['13 id', '14 use_case_name', '15 agency_bureau'])
		// Against the demo data, whose “Agent/Broker Fraud Analysis (ABCQI)” was registered in the tracker.
		const registered = existingFrom(
			{ name: 'Agent/Broker Fraud Analysis (ABCQI)', orgUnit: 'HHS/CMS/CCIIO' },
			{ importKey: null, trackingId: 'CMS-2025-0002' },
		)
		expect(countOutcomes(plan(text, [registered]))).toEqual({
			CREATE: 11,
			UPDATE: 0,
			UNCHANGED: 0,
			SKIP: 4,
			CONFIRM: 0,
		})
		const warnings = rows.flatMap((row) =>
			row.problems.filter((p) => p.severity === 'WARNING').map((p) => `${p.row} ${p.column}`),
		)
		expect(warnings).toEqual([
			'3 pia_url',
			'11 topic_area',
			'12 operational_date',
			'16 vendor_name',
		])
	})
})
