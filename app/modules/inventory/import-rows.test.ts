import { readFileSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, test } from 'vitest'
import { toCsv } from '#app/utils/csv.server.ts'
import { type UseCaseDocumentInput, UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { type OmbChoice, ombMultipleChoiceColumns } from '#app/modules/use-cases/vocabulary.ts'
import {
	columnForHeader,
	countOutcomes,
	decodeCsv,
	type ExistingCase,
	importKeyFor,
	listItems,
	matchChoice,
	mergeImported,
	type OrgUnitRef,
	parseOmbCsv,
	parseOmbDate,
	planImport,
	resolveBureau,
} from './import-rows.ts'
import { cmsAgency, ombColumns, toOmbRow } from './omb-export.ts'

const orgUnits: Array<OrgUnitRef> = ['HHS', 'HHS/CMS', 'HHS/CMS/OIT', 'HHS/CMS/CCIIO', 'HHS/CMS/CCSQ', 'HHS/CMS/CPI', 'HHS/CMS/OAGM'].map((code) => ({
	id: `ou-${code}`,
	code,
	shortName: code.split('/').at(-1)!,
}))

const csvOf = (rows: Array<Record<string, string>>) => stringify(rows, { header: true, columns: Object.keys(rows[0]!) })
const parse = (text: string) => parseOmbCsv(text, { agency: 'HHS' })
const plan = (text: string, existing: Array<ExistingCase> = []) => planImport(parse(text), { orgUnits, existing })

describe('headers', () => {
	test('OMB’s column names are read as themselves, in any case', () => {
		for (const column of ombColumns) {
			expect(columnForHeader(column)).toBe(column)
			expect(columnForHeader(column.toUpperCase())).toBe(column)
		}
	})

	test('HHS’s published FY25 file, headed with the Excel template’s questions, maps every header to its column', () => {
		const text = decodeCsv(readFileSync('e2e/fixtures/cms-ai-inventory-2026-update.csv'))
		const { columns, problems } = parse(text)
		expect(problems).toEqual([])
		// HHS's file has no agency, agency_name or id columns: 33 of OMB's 36.
		expect(columns).toEqual(ombColumns.filter((column) => !['agency', 'agency_name', 'id'].includes(column)))
	})

	test('an unknown header is reported and ignored; a file with no use case name column is refused', () => {
		const { problems } = parse('use_case_name,agency_bureau,Internal notes\nClaims triage,HHS/CMS/OIT,keep\n')
		expect(problems).toEqual([
			{ row: 1, name: '', column: null, severity: 'WARNING', message: 'Column 3 (“Internal notes”) is not one of OMB’s 2025 columns; it is ignored.' },
		])
		expect(() => parse('title,office\nClaims triage,OIT\n')).toThrow(/no use_case_name/)
		expect(() => parse('')).toThrow(/empty/)
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
		for (const [column, choices] of Object.entries(ombMultipleChoiceColumns) as Array<[string, Record<string, OmbChoice>]>) {
			for (const [key, choice] of Object.entries(choices)) {
				expect(matchChoice(choices, choice.selection), `${column} ${choice.selection}`).toBe(key)
				expect(matchChoice(choices, choice.code), `${column} ${choice.code}`).toBe(key)
			}
		}
	})

	// Variants from OMB's standardisation report and from HHS's published FY25 file.
	test.each([
		['development_stage', 'c)  Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.', 'DEPLOYED'],
		['development_stage', 'Pre-Deployment - The use case is in a development or acquisition status.', 'PRE_DEPLOYMENT'],
		['development_stage', 'b)  b)  Pilot – The use case has been deployed in a limited test or pilot capacity.', null],
		['is_high_impact', 'b) Presumed high-impact but determined not high-impact', 'PRESUMED_NOT_HIGH_IMPACT'],
		['is_high_impact', 'a) High-impact ', 'HIGH_IMPACT'],
		['topic_area', 'Health & Medical', 'HEALTH_MEDICAL'],
		['topic_area', 'Procurement & Financial Management', 'PROCUREMENT_FINANCIAL_MANAGEMENT'],
		['topic_area', 'Health Care Quality', null],
		['classification', 'Natural Language Processing (NLP)', 'NLP'],
		['classification', 'Agentic-AI', 'AGENTIC_AI'],
		['contracting_usage', 'a)\u00a0Purchased from a vendor', 'PURCHASED'],
		['contracting_usage', 'Developed in-house', 'IN_HOUSE'],
		['is_withheld', 'b) Yes – agency has determined that there’s a risk to disclosure such as a harm to an interest protected by a FOIA exemption', 'YES_DISCLOSURE_RISK'],
		['hi_testing_conducted', 'In-Progress', 'IN_PROGRESS'],
		['hi_ongoing_monitoring', 'b) Development of monitoring protocols is in-progress', 'IN_PROGRESS'],
		['hi_independent_review', 'Yes – by another appropriate agency office or reviewer not directly involved in the AI’s development', 'YES_INTERNAL_REVIEWER'],
	] as const)('%s: “%s” → %s', (column, text, key) => {
		expect(matchChoice(ombMultipleChoiceColumns[column] as Record<string, OmbChoice>, text)).toBe(key)
	})

	test.each([
		['2025-07-01', '2025-07-01'],
		['2025-09-08 00:00:00', '2025-09-08'],
		['7/1/2025', '2025-07-01'],
		['02/02/26', '2026-02-02'],
		['Jul-25', '2025-07-01'],
		['Sept 2024', '2024-09-01'],
		['7/2025', '2025-07-01'],
		['2025-07', '2025-07-01'],
		['2025-02-30', null],
		['Q1 FY2025', null],
	])('operational date “%s” → %s', (text, iso) => {
		expect(parseOmbDate(text)).toBe(iso)
	})

	test('select-multiple cells as Python lists, JSON lists, or separated by “;” or new lines', () => {
		expect(listItems("['b) Sex', 'c) Age']")).toEqual(['b) Sex', 'c) Age'])
		expect(listItems('["k) None of the above"]')).toEqual(['k) None of the above'])
		expect(listItems('a) Race/Ethnicity; c) Age\ni) Income')).toEqual(['a) Race/Ethnicity', 'c) Age', 'i) Income'])
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
		const [row] = parse(csvOf([{ ...base, demographic_features: "['b) Sex', 'c) Age']", vendor_name: 'Peraton, Inc.; GDIT', pia_url: 'N/A', have_ato: 'True' }])).rows
		expect(row!.problems).toEqual([])
		expect(row!.fileId).toBe('HHS-2001')
		expect(row!.answers).toEqual({
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

	test('a value OMB does not list, a bad date, e-mail or link is reported and left out; the row is still imported', () => {
		const [row] = parse(
			csvOf([{ ...base, topic_area: 'Health Care Quality', operational_date: 'Q1 FY2025', contact_email: 'ai team', pia_url: 'To be posted on the HHS PIA page', demographic_features: 'b) Sex; Gender identity' }]),
		).rows
		expect(row!.problems.map((p) => [p.column, p.severity, p.message])).toEqual([
			['contact_email', 'WARNING', '“ai team” is not an e-mail address, so it was left out.'],
			['topic_area', 'WARNING', '“Health Care Quality” is not one of OMB’s choices for topic_area, so it was left out.'],
			['operational_date', 'WARNING', '“Q1 FY2025” is not a date, so it was left out.'],
			['pia_url', 'WARNING', '“To be posted on the HHS PIA page” is not a web address (https://…), so it was left out.'],
			['demographic_features', 'WARNING', '“Gender identity” is not among OMB’s demographic features, so the answer was left out.'],
		])
		expect(row!.answers.topicArea).toBeUndefined()
		expect(row!.answers.demographicFeatures).toBeUndefined()
	})

	test('a row with no name, no bureau, or another agency’s is an error', () => {
		const { rows } = parse(csvOf([{ ...base, use_case_name: '' }, { ...base, agency_bureau: '' }, { ...base, agency: 'USDA' }]))
		expect(rows.map((row) => row.problems.map((p) => `${p.severity} ${p.column}: ${p.message}`))).toEqual([
			['ERROR use_case_name: The use case has no name.'],
			['ERROR agency_bureau: The row names no bureau or component.'],
			['ERROR agency: The row is USDA’s; only HHS’s use cases are imported.'],
		])
	})
})

describe('bureaus and keys', () => {
	test('a bureau is found by its code, without the department, or by a short name', () => {
		expect(resolveBureau('HHS/CMS/OIT', orgUnits).orgUnit?.code).toBe('HHS/CMS/OIT')
		expect(resolveBureau('cms/oit', orgUnits).orgUnit?.code).toBe('HHS/CMS/OIT')
		expect(resolveBureau('CCIIO', orgUnits).orgUnit?.code).toBe('HHS/CMS/CCIIO')
		expect(resolveBureau('HHS/CMS/OC', orgUnits).orgUnit).toBeNull()
		expect(resolveBureau('HHS/CMS/OIT; HHS/CMS/CCSQ', orgUnits)).toMatchObject({ orgUnit: { code: 'HHS/CMS/OIT' }, note: expect.stringMatching(/several bureaus/) })
	})

	test('the key is the agency and the file’s id, or the bureau and the normalised name', () => {
		expect(importKeyFor({ agency: 'HHS', fileId: 'HHS-2001', name: 'x' }, 'HHS/CMS/OIT')).toBe('HHS:id:HHS-2001')
		expect(importKeyFor({ agency: 'HHS', fileId: null, name: 'Complaint Analysis\u00a0' }, 'HHS/CMS/OPOLE')).toBe('HHS:name:HHS/CMS/OPOLE:complaint analysis')
	})
})

const existingFrom = (input: UseCaseDocumentInput, extra: Partial<ExistingCase> = {}): ExistingCase => ({
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
		expect(created).toMatchObject({ outcome: 'CREATE', importKey: 'HHS:id:HHS-2001', orgUnit: { code: 'HHS/CMS/OIT' } })
		const existing = existingFrom({ ...created!.document!, trackingId: 'CMS-2026-0007' })
		expect(plan(text, [existing])[0]).toMatchObject({ outcome: 'UNCHANGED', existing: { id: 'case-1', trackingId: 'CMS-2026-0007', version: 3 }, changed: [] })
		const changed = plan(csvOf([{ ...base, development_stage: 'Pilot', operational_date: '2026-01-05' }]), [existing])[0]!
		expect(changed.outcome).toBe('UPDATE')
		expect(changed.changed).toEqual(['operationalDate', 'stage'])
	})

	test('an empty cell never erases what the case already holds', () => {
		const existing = existingFrom({ ...plan(csvOf([base]))[0]!.document!, hasAto: true, atoSystemName: 'CEDAR' })
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
		expect(rows[1]!.problems.at(-1)?.message).toBe('Row 2 has the same Use Case ID (HHS-2001); only the first is imported.')
		expect(rows[3]!.problems.at(-1)?.message).toBe('Row 4 has the same name and bureau; only the first is imported.')
		expect(rows[4]!.problems.at(-1)?.message).toBe('“HHS/CMS/OC” is not an org unit in the tracker; an administrator adds it, or correct the file.')
		expect(countOutcomes(rows)).toEqual({ CREATE: 2, UPDATE: 0, UNCHANGED: 0, SKIP: 3 })
	})

	test('warns of every column OMB requires for the row’s stage that the case would still lack', () => {
		const [row] = plan(csvOf([{ ...base, development_stage: 'Deployed' }]))
		const missing = row!.problems.filter((p) => p.message.startsWith('OMB requires')).map((p) => p.column)
		expect(missing).toEqual(['operational_date', 'contracting_usage', 'have_ato', 'data_description', 'has_pii', 'demographic_features', 'has_custom_code'])
		expect(row!.outcome).toBe('CREATE')
	})

	test('a determination the governance lead recorded in the tracker is kept, with a warning', () => {
		const existing = existingFrom(
			{ name: base.use_case_name, orgUnit: 'HHS/CMS/OIT', highImpact: { determination: 'HIGH_IMPACT' } },
			{ determinedInTracker: true },
		)
		const [row] = plan(csvOf([base]), [existing])
		expect(row!.document!.highImpact.determination).toBe('HIGH_IMPACT')
		expect(row!.problems.map((p) => p.column)).toContain('is_high_impact')
	})

	test('a row carrying a tracker id (the tracker’s own export) updates that case, and does not take its id as a previous one', () => {
		const existing = existingFrom({ name: 'Old name', trackingId: 'CMS-2026-0007', orgUnit: 'HHS/CMS/OIT' }, { importKey: null })
		const [row] = plan(csvOf([{ ...base, id: 'CMS-2026-0007' }]), [existing])
		expect(row).toMatchObject({ outcome: 'UPDATE', existing: { trackingId: 'CMS-2026-0007' } })
		expect(row!.document!.previousOmbId).toBeUndefined()
		expect(row!.document!.name).toBe('Claims anomaly detection')
	})

	test('a file without ids finds the cases a file with ids created, by bureau and name; a different id is a different case', () => {
		const imported = existingFrom({ name: base.use_case_name, orgUnit: 'HHS/CMS/OIT', previousOmbId: 'HHS-2001' })
		expect(plan(csvOf([{ ...base, id: '', use_case_name: 'CLAIMS anomaly detection ' }]), [imported])[0]).toMatchObject({ outcome: 'UPDATE', existing: { id: 'case-1' } })
		expect(plan(csvOf([{ ...base, id: 'HHS-3000' }]), [imported])[0]!.outcome).toBe('CREATE')
	})

	test('a same-named case registered in the tracker is neither duplicated nor overwritten: the row is skipped', () => {
		const registered = existingFrom({ name: 'Claims Anomaly Detection', orgUnit: 'HHS/CMS/OIT' }, { importKey: null, trackingId: 'CMS-2026-0002' })
		const [row] = plan(csvOf([{ ...base, id: '' }]), [registered])
		expect(row!.outcome).toBe('SKIP')
		expect(row!.problems).toEqual([
			{
				row: 2,
				name: 'Claims anomaly detection',
				column: 'use_case_name',
				severity: 'ERROR',
				message: 'CMS-2026-0002 with this name and bureau is registered in the tracker; the row is not imported, so the use case is not duplicated and the tracker’s answers are kept.',
			},
		])
		// In another bureau it is another use case.
		expect(plan(csvOf([{ ...base, id: '', agency_bureau: 'HHS/CMS/CCSQ' }]), [registered])[0]!.outcome).toBe('CREATE')
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
		highImpact: { determination: 'PRESUMED_NOT_HIGH_IMPACT', justification: 'A caseworker decides on every flagged application.' },
		practices: {
			testing: 'CAIO_WAIVED', impactAssessment: 'YES', potentialImpacts: 'Delays for applicants.', independentReview: 'YES_OVERSIGHT_BOARD',
			monitoring: 'IN_PROGRESS', training: 'YES', failsafe: 'NOT_APPLICABLE', appeal: 'PRECLUDED_BY_LAW', publicConsultation: ['PUBLIC_HEARINGS', 'OTHER'],
		},
	}

	for (const values of ['selections', 'codes'] as const) {
		test(`a row the tracker exported as ${values} imports back to the same answers`, () => {
			const original = UseCaseDocumentSchema.parse(complete)
			const text = toCsv([toOmbRow(original, { ...cmsAgency, values })], ombColumns, { bom: true })
			const file = parse(decodeCsv(new TextEncoder().encode(text)))
			expect(file.rows[0]!.problems).toEqual([])
			const imported = mergeImported(null, file.rows[0]!, { orgUnitCode: 'HHS/CMS/CCIIO', keepDetermination: false })
			expect({ ...imported, trackingId: original.trackingId }).toEqual(original)
		})
	}
})

describe('the CMS fixture', () => {
	test('the 2025 fixture plans twelve cases and reports the rows a governance lead has to look at', () => {
		const text = decodeCsv(readFileSync('e2e/fixtures/cms-ai-inventory-2025.csv'))
		const rows = plan(text)
		expect(countOutcomes(rows)).toEqual({ CREATE: 12, UPDATE: 0, UNCHANGED: 0, SKIP: 3 })
		const errors = rows.flatMap((row) => row.problems.filter((p) => p.severity === 'ERROR').map((p) => `${p.row} ${p.column}`))
		expect(errors).toEqual(['13 id', '14 use_case_name', '15 agency_bureau'])
		// Against the demo data, whose “Agent/Broker Fraud Analysis (ABCQI)” was registered in the tracker.
		const registered = existingFrom({ name: 'Agent/Broker Fraud Analysis (ABCQI)', orgUnit: 'HHS/CMS/CCIIO' }, { importKey: null, trackingId: 'CMS-2025-0002' })
		expect(countOutcomes(plan(text, [registered]))).toEqual({ CREATE: 11, UPDATE: 0, UNCHANGED: 0, SKIP: 4 })
		const warnings = rows.flatMap((row) => row.problems.filter((p) => p.severity === 'WARNING').map((p) => `${p.row} ${p.column}`))
		expect(warnings).toEqual(['3 pia_url', '11 topic_area', '12 operational_date', '16 vendor_name'])
	})
})
