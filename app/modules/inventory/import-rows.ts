// Reading an agency's published inventory in OMB's 2025 format: OMB's column names or the Excel
// template's question headers, the template's selections or OMB's CSV codes, and the typing variants
// agencies' files really contain (OMB's own standardisation report lists them). Pure: parsing,
// matching a row to a case, and planning what the import would do; import.server.ts stores it.
// Nothing is guessed: a value that matches none of OMB's choices is reported and left out.
import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { fieldRules, type FieldPath, missingOmbFields } from '#app/modules/use-cases/field-rules.ts'
import { TRACKING_ID_PATTERN, type UseCaseDocument, UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import { restoreCell } from '#app/utils/csv-cells.ts'
import {
	appealChoices,
	classificationChoices,
	contractingChoices,
	demographicFeatureChoices,
	failsafeChoices,
	highImpactChoices,
	independentReviewChoices,
	monitoringChoices,
	type OmbChoice,
	ombChoiceKey,
	practiceProgressChoices,
	publicConsultationChoices,
	stageChoices,
	topicAreaChoices,
	trainingChoices,
	withholdingChoices,
} from '#app/modules/use-cases/vocabulary.ts'
import { type OmbColumn, ombColumns } from './omb-export.ts'

export type ImportSeverity = 'ERROR' | 'WARNING'

/** ERROR: the row is not imported. WARNING: it is imported without the value named. */
export type ImportProblem = {
	/** The spreadsheet row (the header is row 1); null for the file as a whole. */
	row: number | null
	name: string
	column: string | null
	severity: ImportSeverity
	message: string
}

/** The answers a row gives, in the use-case document's terms; absent when the cell is empty or unusable. */
export type ImportedAnswers = {
	contactEmail?: string
	isWithheld?: UseCaseDocument['isWithheld']
	stage?: UseCaseDocument['stage']
	determination?: UseCaseDocument['highImpact']['determination']
	justification?: string
	topicArea?: UseCaseDocument['topicArea']
	classification?: UseCaseDocument['classification']
	problemSolved?: string
	benefits?: string
	systemOutputs?: string
	operationalDate?: string
	contractingUsage?: UseCaseDocument['contractingUsage']
	vendorNames?: Array<string>
	hasAto?: boolean
	atoSystemName?: string
	dataDescription?: string
	linkToData?: string
	hasPii?: boolean
	piaUrl?: string
	demographicFeatures?: UseCaseDocument['demographicFeatures']
	hasCustomCode?: boolean
	codeUrl?: string
	practices: Partial<UseCaseDocument['practices']>
}

export type ParsedRow = {
	/** The spreadsheet row number (header = 1). */
	row: number
	agency: string
	/** The file's Use Case ID, when it has one. */
	fileId: string | null
	name: string
	bureau: string
	answers: ImportedAnswers
	problems: Array<ImportProblem>
}

export type ParsedFile = {
	columns: Array<OmbColumn>
	rows: Array<ParsedRow>
	/** Problems with the file as a whole (unknown or repeated headers). */
	problems: Array<ImportProblem>
}

// ── Text and headers ──

/**
 * The file's text: UTF-8 (with or without the byte-order mark OMB's files carry), or Windows-1252,
 * in which Excel saves "CSV" on Windows and in which HHS published its FY25 inventory.
 */
export function decodeCsv(bytes: Uint8Array): string {
	let text: string
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		text = decodeWindows1252(bytes)
	}
	return text.replace(/^\uFEFF/, '')
}

// Windows-1252's 0x80–0x9F (curly quotes, dashes, €…); the rest of the byte range is Latin-1.
// Node's TextDecoder reads "windows-1252" as Latin-1, so these are mapped here.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

function decodeWindows1252(bytes: Uint8Array) {
	let text = ''
	for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
	return text
}

function plain(text: string) {
	return text
		.normalize('NFKC')
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201C\u201D]/g, '"')
		.replace(/[\u2013\u2014]/g, '-')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase()
}

/**
 * The Excel template's question for each column (OMB's "Original Excel Header"), as the start of
 * the header text: the template adds "Practice: …" lines after the questions, and agencies' files
 * vary the spacing. `exact` headers must match whole, because they begin other headers.
 */
const excelHeaders: Record<OmbColumn, { exact?: Array<string>; startsWith?: Array<string> }> = {
	agency: { exact: ['agency', 'agency abbreviation'] },
	agency_name: { exact: ['agency name'] },
	id: { startsWith: ['use case id'] },
	use_case_name: { exact: ['use case name', 'name'] },
	agency_bureau: { exact: ['bureau/component', 'bureau', 'component'] },
	contact_email: { exact: ['email address', 'e-mail address', 'email'] },
	is_withheld: { startsWith: ['should this ai use case be withheld from public reporting'] },
	development_stage: { exact: ['stage of development', 'development stage'] },
	is_high_impact: { startsWith: ['is the ai use case high-impact'] },
	HI_justification: { exact: ['justification'] },
	topic_area: { exact: ['use case topic area', 'topic area'] },
	classification: { exact: ['ai classification', 'classification'] },
	problem_solved: { startsWith: ['what problem is the ai intended to solve'] },
	benefits: { startsWith: ['what are the expected benefits and positive outcomes'] },
	system_outputs: { startsWith: ["describe the ai system's outputs"] },
	operational_date: { startsWith: ['date when ai use case became operational'] },
	contracting_usage: { startsWith: ['was the system involved in this use case purchased from a vendor'] },
	vendor_name: { exact: ['vendor(s) name', 'vendor name', 'vendors'] },
	have_ato: { startsWith: ['does this ai use case have an associated authorization to operate'] },
	system_name_ato: { exact: ['system(s) name', 'system name'] },
	data_description: { startsWith: ['describe any data used to train'] },
	link_to_data: { startsWith: ['if the data is required to be publicly disclosed'] },
	has_pii: { startsWith: ['does this ai use case involve personally identifiable information'] },
	pia_url: { startsWith: ["if publicly available, provide the link to the ai use case's associated privacy impact assessment"] },
	demographic_features: { startsWith: ['which, if any, demographic variables'] },
	has_custom_code: { startsWith: ['does this project include custom-developed code'] },
	code_url: { startsWith: ['if the code is open source'] },
	hi_testing_conducted: { startsWith: ['has pre-deployment testing been conducted'] },
	hi_assessment_completed: { startsWith: ['has an ai impact assessment been completed'] },
	hi_potential_impacts: { startsWith: ['what are the potential impacts of using the ai'] },
	// The template itself misspells this question ("Has as independent review").
	hi_independent_review: { startsWith: ['has as independent review', 'has an independent review'] },
	hi_ongoing_monitoring: { startsWith: ['is there a process to conduct ongoing monitoring'] },
	hi_training_established: { startsWith: ['has the agency established sufficient and periodic training'] },
	hi_failsafe_presence: { startsWith: ['does this ai use case have an appropriate fail-safe'] },
	hi_appeal_process: { startsWith: ['is there an established appeal process'] },
	hi_public_consultation: { startsWith: ['what steps has the agency taken to consult'] },
}

/** The OMB column a header names, by OMB's column name or the template's question; null when unknown. */
export function columnForHeader(header: string): OmbColumn | null {
	const text = plain(header)
	const byName = ombColumns.find((column) => column.toLowerCase() === text)
	if (byName) return byName
	for (const column of ombColumns) {
		const known = excelHeaders[column]
		if (known.exact?.includes(text)) return column
		if (known.startsWith?.some((start) => text.startsWith(start))) return column
	}
	return null
}

// ── Values ──

// "N/A" and its kin mean "no answer" in agencies' files (OMB standardised them the same way).
const NO_ANSWER = new Set(['n/a', 'na', 'n.a.', 'none', 'not applicable', 'null', '-', '--', 'tbd'])
const isNoAnswer = (text: string) => text.trim() === '' || NO_ANSWER.has(plain(text))

/** Looser than ombChoiceKey: ignores punctuation, "&" for "and", parenthesised acronyms ("(NLP)"). */
function loose(text: string) {
	return plain(text)
		.replace(/^[a-l]\)\s*/, '')
		.replace(/\([^)]*\)/g, ' ')
		.replace(/&/g, ' and ')
		.replace(/\bin-progess\b/g, 'in-progress')
		.replace(/[^a-z0-9]+/g, '')
}

/** The choice a cell names, accepting OMB's selections, its codes and the typing variants in agencies' files. */
export function matchChoice<Choices extends Record<string, OmbChoice>>(choices: Choices, text: string): Extract<keyof Choices, string> | null {
	const strict = ombChoiceKey(choices, text)
	if (strict) return strict
	const wanted = loose(text)
	if (wanted === '') return null
	for (const [key, choice] of Object.entries(choices)) {
		const title = choice.selection.split(': ')[0] ?? choice.selection
		if ([choice.selection, choice.code, title].some((candidate) => loose(candidate) === wanted)) return key as Extract<keyof Choices, string>
	}
	return null
}

const yesNo = (text: string): boolean | null => {
	const value = plain(text)
	if (['yes', 'y', 'true'].includes(value)) return true
	if (['no', 'n', 'false'].includes(value)) return false
	return null
}

/** The items of a select-multiple cell: a Python or JSON list, or items separated by ";" or new lines. */
export function listItems(cell: string): Array<string> {
	const text = cell.trim()
	if (text.startsWith('[') && text.endsWith(']')) {
		const items: Array<string> = []
		for (const match of text.slice(1, -1).matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) {
			items.push((match[1] ?? match[2] ?? '').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'))
		}
		return items.map((item) => item.trim()).filter(Boolean)
	}
	return text
		.split(/;|\r?\n/)
		.map((item) => item.trim())
		.filter(Boolean)
}

/** Each item's choice; one item may itself hold several lettered or comma-separated choices ("b) Sex c) Age"). */
function matchMany<Choices extends Record<string, OmbChoice>>(choices: Choices, cell: string) {
	const keys: Array<Extract<keyof Choices, string>> = []
	const unknown: Array<string> = []
	for (const item of listItems(cell)) {
		const whole = matchChoice(choices, item)
		if (whole) {
			keys.push(whole)
			continue
		}
		const parts = item.split(/\s+(?=[a-l]\)\s)|,\s+/).map((part) => part.trim()).filter(Boolean)
		const matched = parts.map((part) => matchChoice(choices, part))
		if (parts.length > 1 && matched.every(Boolean)) keys.push(...(matched as Array<Extract<keyof Choices, string>>))
		else unknown.push(item)
	}
	return { keys: [...new Set(keys)], unknown }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function isoDate(year: number, month: number, day: number) {
	const date = new Date(Date.UTC(year, month - 1, day))
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
	return date.toISOString().slice(0, 10)
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text))

/**
 * An operational date as ISO: 2025-07-01, OMB's consolidated "2025-07-01 00:00:00", US 7/1/2025,
 * and the month-and-year forms HHS published ("Jul-25", "July 2025", "7/2025"), read as the 1st.
 */
export function parseOmbDate(text: string): string | null {
	const value = text.trim()
	let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(value)
	if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]))
	match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(value)
	if (match) return isoDate(fullYear(match[3]!), Number(match[1]), Number(match[2]))
	match = /^(\d{1,2})\/(\d{4})$/.exec(value)
	if (match) return isoDate(Number(match[2]), Number(match[1]), 1)
	match = /^(\d{4})-(\d{1,2})$/.exec(value)
	if (match) return isoDate(Number(match[1]), Number(match[2]), 1)
	match = /^([A-Za-z]{3,9})\.?[-\s]+(\d{4}|\d{2})$/.exec(value)
	if (match) {
		const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1
		return month > 0 ? isoDate(fullYear(match[2]!), month, 1) : null
	}
	return null
}

const emailSchema = z.email().max(254)
const linkSchema = z.url({ protocol: /^https?$/ }).max(500)

const LONG_TEXT = 10_000
const SHORT_TEXT = 200
const MAX_VENDORS = 20

/** Normalised for matching: case, punctuation and spacing ignored ("Complaint Analysis\u00a0" = "complaint analysis"). */
export function normaliseName(name: string) {
	return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

// ── Rows ──

type Cells = Partial<Record<OmbColumn, string>>

function readRow(cells: Cells, rowNumber: number, expectedAgency: string): ParsedRow {
	const name = (cells.use_case_name ?? '').replace(/\s+/g, ' ').trim()
	const problems: Array<ImportProblem> = []
	const warn = (column: OmbColumn, message: string) => problems.push({ row: rowNumber, name, column, severity: 'WARNING', message })
	const fail = (column: OmbColumn | null, message: string) => problems.push({ row: rowNumber, name, column, severity: 'ERROR', message })
	const answers: ImportedAnswers = { practices: {} }

	const text = (column: OmbColumn, max: number) => {
		const raw = cells[column]
		if (raw === undefined || isNoAnswer(raw)) return undefined
		const value = raw.trim()
		if (value.length > max) {
			warn(column, `The answer is ${value.length.toLocaleString('en-US')} characters; the tracker keeps at most ${max.toLocaleString('en-US')}, so it was left out.`)
			return undefined
		}
		return value
	}
	const choice = <Choices extends Record<string, OmbChoice>>(column: OmbColumn, choices: Choices) => {
		const raw = cells[column]
		if (raw === undefined || raw.trim() === '') return undefined
		const key = matchChoice(choices, raw)
		if (key) return key
		if (isNoAnswer(raw)) return undefined
		warn(column, `“${raw.trim()}” is not one of OMB’s choices for ${column}, so it was left out.`)
		return undefined
	}
	const bool = (column: OmbColumn) => {
		const raw = cells[column]
		if (raw === undefined || raw.trim() === '') return undefined
		const value = yesNo(raw)
		if (value !== null) return value
		if (isNoAnswer(raw)) return undefined
		warn(column, `“${raw.trim()}” is neither Yes nor No, so it was left out.`)
		return undefined
	}
	const link = (column: OmbColumn) => {
		const value = text(column, 500)
		if (value === undefined) return undefined
		if (linkSchema.safeParse(value).success) return value
		warn(column, `“${value}” is not a web address (https://…), so it was left out.`)
		return undefined
	}

	const agency = (cells.agency ?? '').trim() || expectedAgency
	if (agency.toUpperCase() !== expectedAgency.toUpperCase()) {
		fail('agency', `The row is ${agency}’s; only ${expectedAgency}’s use cases are imported.`)
	}
	if (!name) fail('use_case_name', 'The use case has no name.')
	else if (name.length > SHORT_TEXT) fail('use_case_name', `The name is ${name.length} characters; at most ${SHORT_TEXT} are allowed.`)
	const bureau = (cells.agency_bureau ?? '').trim()
	if (!bureau) fail('agency_bureau', 'The row names no bureau or component.')
	let fileId = (cells.id ?? '').trim() || null
	if (fileId && fileId.length > 60) {
		fail('id', `The Use Case ID is ${fileId.length} characters; at most 60 are allowed.`)
		fileId = null
	}

	const email = text('contact_email', 254)
	if (email !== undefined) {
		if (emailSchema.safeParse(email.toLowerCase()).success) answers.contactEmail = email.toLowerCase()
		else warn('contact_email', `“${email}” is not an e-mail address, so it was left out.`)
	}
	answers.isWithheld = choice('is_withheld', withholdingChoices)
	answers.stage = choice('development_stage', stageChoices)
	answers.determination = choice('is_high_impact', highImpactChoices)
	answers.justification = text('HI_justification', LONG_TEXT)
	answers.topicArea = choice('topic_area', topicAreaChoices)
	answers.classification = choice('classification', classificationChoices)
	answers.problemSolved = text('problem_solved', LONG_TEXT)
	answers.benefits = text('benefits', LONG_TEXT)
	answers.systemOutputs = text('system_outputs', LONG_TEXT)
	const date = text('operational_date', 40)
	if (date !== undefined) {
		const iso = parseOmbDate(date)
		if (iso) answers.operationalDate = iso
		else warn('operational_date', `“${date}” is not a date, so it was left out.`)
	}
	answers.contractingUsage = choice('contracting_usage', contractingChoices)
	const vendors = text('vendor_name', LONG_TEXT)
	if (vendors !== undefined) {
		const names = [...new Set(listItems(vendors).map((vendor) => vendor.replace(/\s+/g, ' ')))]
		if (names.length > MAX_VENDORS || names.some((vendor) => vendor.length > SHORT_TEXT)) {
			warn('vendor_name', `The tracker keeps at most ${MAX_VENDORS} vendors of ${SHORT_TEXT} characters each; separate vendors with “;”.`)
		} else answers.vendorNames = names
	}
	answers.hasAto = bool('have_ato')
	answers.atoSystemName = text('system_name_ato', SHORT_TEXT)
	answers.dataDescription = text('data_description', LONG_TEXT)
	answers.linkToData = link('link_to_data')
	answers.hasPii = bool('has_pii')
	answers.piaUrl = link('pia_url')
	const features = cells.demographic_features
	if (features !== undefined && features.trim() !== '' && features.trim() !== '[]') {
		// OMB recoded a bare "None" to "None of the above"; so does the import.
		const { keys, unknown } = isNoAnswer(features) ? { keys: ['NONE_OF_THE_ABOVE' as const], unknown: [] } : matchMany(demographicFeatureChoices, features)
		if (unknown.length) {
			warn('demographic_features', `${unknown.map((item) => `“${item}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among OMB’s demographic features, so the answer was left out.`)
		} else if (keys.length) answers.demographicFeatures = keys
	}
	answers.hasCustomCode = bool('has_custom_code')
	answers.codeUrl = link('code_url')

	const notApplicable = (column: OmbColumn) => {
		const raw = cells[column]
		return raw !== undefined && ['n/a', 'na', 'not applicable'].includes(plain(raw))
	}
	answers.practices.testing = choice('hi_testing_conducted', practiceProgressChoices)
	answers.practices.impactAssessment = choice('hi_assessment_completed', practiceProgressChoices)
	answers.practices.potentialImpacts = text('hi_potential_impacts', LONG_TEXT)
	answers.practices.independentReview = choice('hi_independent_review', independentReviewChoices)
	answers.practices.monitoring = choice('hi_ongoing_monitoring', monitoringChoices)
	answers.practices.training = choice('hi_training_established', trainingChoices)
	answers.practices.failsafe = notApplicable('hi_failsafe_presence') ? 'NOT_APPLICABLE' : choice('hi_failsafe_presence', failsafeChoices)
	answers.practices.appeal = notApplicable('hi_appeal_process') ? 'NOT_APPLICABLE' : choice('hi_appeal_process', appealChoices)
	const consultation = cells.hi_public_consultation
	if (consultation !== undefined && consultation.trim() !== '' && consultation.trim() !== '[]' && !isNoAnswer(consultation)) {
		const { keys, unknown } = matchMany(publicConsultationChoices, consultation)
		if (unknown.length) {
			warn('hi_public_consultation', `${unknown.map((item) => `“${item}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among OMB’s consultation steps, so the answer was left out.`)
		} else if (keys.length) answers.practices.publicConsultation = keys
	}
	return { row: rowNumber, agency: agency.toUpperCase(), fileId, name, bureau, answers: dropUndefined(answers), problems }
}

function dropUndefined(answers: ImportedAnswers): ImportedAnswers {
	const practices = Object.fromEntries(Object.entries(answers.practices).filter(([, value]) => value !== undefined))
	return { ...(Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) as ImportedAnswers), practices }
}

/**
 * The rows of a CSV in OMB's 2025 format. Throws (with a message for the person uploading) when the
 * text is not CSV or names no use case column at all; anything else is a problem on its row.
 */
export function parseOmbCsv(text: string, options: { agency: string }): ParsedFile {
	let records: Array<Array<string>>
	try {
		records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as Array<Array<string>>
	} catch (error) {
		throw new Error(`The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}`)
	}
	const [header, ...data] = records
	if (!header) throw new Error('The file is empty.')
	const problems: Array<ImportProblem> = []
	const columnAt: Array<OmbColumn | null> = []
	const seen = new Set<OmbColumn>()
	header.forEach((cell, index) => {
		if (cell.trim() === '') return void columnAt.push(null)
		const column = columnForHeader(cell)
		if (column && seen.has(column)) {
			problems.push({ row: 1, name: '', column, severity: 'WARNING', message: `Column ${index + 1} repeats ${column}; only the first is read.` })
			columnAt.push(null)
			return
		}
		if (!column) {
			const shown = cell.replace(/\s+/g, ' ').trim()
			problems.push({ row: 1, name: '', column: null, severity: 'WARNING', message: `Column ${index + 1} (“${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}”) is not one of OMB’s 2025 columns; it is ignored.` })
		} else seen.add(column)
		columnAt.push(column)
	})
	if (!seen.has('use_case_name')) {
		throw new Error('The file has no use_case_name (“Use Case Name”) column, so it is not an inventory in OMB’s 2025 format.')
	}
	const rows: Array<ParsedRow> = []
	data.forEach((record, index) => {
		if (record.every((cell) => cell.trim() === '')) return
		const cells: Cells = {}
		record.forEach((cell, position) => {
			const column = columnAt[position]
			// A file the tracker wrote carries its formula-injection guard; the answer is the cell without it.
			if (column) cells[column] = restoreCell(cell)
		})
		rows.push(readRow(cells, index + 2, options.agency))
	})
	return { columns: [...seen], rows, problems }
}

// ── Matching rows to cases ──

export type OrgUnitRef = { id: string; code: string; shortName: string }

/**
 * The org unit a Bureau/Component names: its code ("HHS/CMS/OIT"), the code without the department
 * ("CMS/OIT"), or a short name that only one unit has ("OIT"). Several bureaus: the first, with a warning.
 */
export function resolveBureau(bureau: string, orgUnits: ReadonlyArray<OrgUnitRef>): { orgUnit: OrgUnitRef | null; note?: string } {
	const names = bureau.split(/[;,\n]/).map((name) => name.trim()).filter(Boolean)
	const first = names[0]
	if (!first) return { orgUnit: null }
	const wanted = first.toUpperCase().replace(/\s*\/\s*/g, '/')
	const byCode = orgUnits.find((unit) => unit.code.toUpperCase() === wanted || unit.code.toUpperCase() === `HHS/${wanted}`)
	const byShortName = orgUnits.filter((unit) => unit.shortName.toUpperCase() === wanted)
	const orgUnit = byCode ?? (byShortName.length === 1 ? byShortName[0]! : null)
	return names.length > 1 && orgUnit
		? { orgUnit, note: `The row names several bureaus (${names.join(', ')}); the tracker records one, so it is filed under ${orgUnit.code}.` }
		: { orgUnit }
}

/**
 * What makes a re-import find the same case: the agency and the file's Use Case ID, or, in a file
 * without IDs (HHS published none in 2025), the bureau and the name, normalised.
 */
export function importKeyFor(row: Pick<ParsedRow, 'agency' | 'fileId' | 'name'>, orgUnitCode: string) {
	return row.fileId ? `${row.agency}:id:${row.fileId}` : `${row.agency}:name:${orgUnitCode}:${normaliseName(row.name)}`
}

export type ExistingCase = {
	id: string
	trackingId: string
	version: number
	importKey: string | null
	/** Set when the governance lead recorded the determination in the tracker. */
	determinedInTracker: boolean
	/** Set when the tracker answers hi_independent_review itself, from who reviewed the case. */
	independentReviewInTracker?: boolean
	document: UseCaseDocument
}

export type RowOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'SKIP'

export type PlannedRow = {
	row: number
	name: string
	outcome: RowOutcome
	importKey: string | null
	orgUnit: OrgUnitRef | null
	/** The case the row matched, for an update or an unchanged row. */
	existing: Pick<ExistingCase, 'id' | 'trackingId' | 'version'> | null
	/** The document the case will hold (without a tracking id for a new case). */
	document: UseCaseDocument | null
	/** Document fields the import changes on an existing case. */
	changed: Array<string>
	problems: Array<ImportProblem>
}

/** The row's answers laid over the case's current document (an empty cell never erases an answer). */
export function mergeImported(
	base: UseCaseDocument | null,
	row: ParsedRow,
	context: { orgUnitCode: string; keepDetermination: boolean; keepIndependentReview?: boolean },
): UseCaseDocument {
	const { practices: filePractices, determination, justification, ...answers } = row.answers
	// The key is left out, not set to undefined, so that the case's own answer stays.
	const { independentReview: _fromFile, ...otherPractices } = filePractices
	const practices = context.keepIndependentReview ? otherPractices : filePractices
	const previous: Partial<UseCaseDocument> = base ?? {}
	const ownTrackingId = row.fileId !== null && row.fileId === base?.trackingId
	const highImpact = { ...(base?.highImpact ?? {}) }
	if (!context.keepDetermination) {
		if (determination !== undefined) highImpact.determination = determination
		if (justification !== undefined) highImpact.justification = justification
	}
	return UseCaseDocumentSchema.parse({
		...previous,
		...answers,
		name: row.name,
		orgUnit: context.orgUnitCode,
		previousOmbId: row.fileId && !ownTrackingId ? row.fileId : previous.previousOmbId,
		highImpact,
		practices: { ...(base?.practices ?? {}), ...practices },
	})
}

function differingFields(before: UseCaseDocument, after: UseCaseDocument) {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof UseCaseDocument>
	return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort()
}

const fieldLabel = (path: FieldPath) => fieldRules[path].ombColumn ?? path

/**
 * What importing each row would do, given the tracker's org units and the cases the rows match:
 * skip (an ERROR problem, or a repeat of an earlier row), create, update (with the fields that
 * change) or leave unchanged. Also warns of the columns OMB requires for the row's stage that the
 * case will still lack.
 */
export function planImport(
	file: ParsedFile,
	context: { orgUnits: ReadonlyArray<OrgUnitRef>; existing: ReadonlyArray<ExistingCase> },
): Array<PlannedRow> {
	const byKey = new Map(context.existing.filter((c) => c.importKey).map((c) => [c.importKey as string, c]))
	const byTrackingId = new Map(context.existing.map((c) => [c.trackingId, c]))
	const nameKey = (orgUnitCode: string, name: string) => `${orgUnitCode}:${normaliseName(name)}`
	// Cases an earlier import created, by bureau and name: HHS's own file has no ids, so a later file
	// without them must still find the cases a file with ids created (and the other way round).
	const importedByName = new Map(
		context.existing.filter((c) => c.importKey && c.document.orgUnit).map((c) => [nameKey(c.document.orgUnit!, c.document.name), c]),
	)
	// Cases registered in the tracker have no import key.
	const registered = new Map(
		context.existing.filter((c) => !c.importKey && c.document.orgUnit).map((c) => [nameKey(c.document.orgUnit!, c.document.name), c]),
	)
	const firstRowOfKey = new Map<string, number>()
	return file.rows.map((row) => {
		const problems = [...row.problems]
		const skip = (): PlannedRow => ({ row: row.row, name: row.name, outcome: 'SKIP', importKey: null, orgUnit: null, existing: null, document: null, changed: [], problems })
		const { orgUnit, note } = resolveBureau(row.bureau, context.orgUnits)
		if (row.bureau && !orgUnit) {
			problems.push({
				row: row.row,
				name: row.name,
				column: 'agency_bureau',
				severity: 'ERROR',
				message: `“${row.bureau}” is not an org unit in the tracker; an administrator adds it, or correct the file.`,
			})
		}
		if (note) problems.push({ row: row.row, name: row.name, column: 'agency_bureau', severity: 'WARNING', message: note })
		if (!orgUnit || problems.some((problem) => problem.severity === 'ERROR')) return skip()

		const importKey = importKeyFor(row, orgUnit.code)
		const repeated = firstRowOfKey.get(importKey)
		if (repeated !== undefined) {
			problems.push({
				row: row.row,
				name: row.name,
				column: row.fileId ? 'id' : 'use_case_name',
				severity: 'ERROR',
				message: row.fileId
					? `Row ${repeated} has the same Use Case ID (${row.fileId}); only the first is imported.`
					: `Row ${repeated} has the same name and bureau; only the first is imported.`,
			})
			return skip()
		}
		firstRowOfKey.set(importKey, row.row)

		const sameName = importedByName.get(nameKey(orgUnit.code, row.name))
		// A same-named imported case is the row's unless both carry Use Case IDs and they differ.
		const sameNameMatches = sameName && (!row.fileId || !sameName.document.previousOmbId || sameName.document.previousOmbId === row.fileId)
		const existing =
			byKey.get(importKey) ??
			(row.fileId && TRACKING_ID_PATTERN.test(row.fileId) ? byTrackingId.get(row.fileId) : undefined) ??
			(sameNameMatches ? sameName : undefined) ??
			null
		// A case registered in the tracker is the tracker's own record: the file neither duplicates it
		// nor overwrites what its owners and reviewers keep up to date.
		const namesake = existing ? undefined : registered.get(nameKey(orgUnit.code, row.name))
		if (namesake) {
			problems.push({
				row: row.row,
				name: row.name,
				column: 'use_case_name',
				severity: 'ERROR',
				message: `${namesake.trackingId} with this name and bureau is registered in the tracker; the row is not imported, so the use case is not duplicated and the tracker’s answers are kept.`,
			})
			return skip()
		}
		const keepDetermination = Boolean(existing?.determinedInTracker)
		if (keepDetermination && existing && row.answers.determination && row.answers.determination !== existing.document.highImpact.determination) {
			problems.push({
				row: row.row,
				name: row.name,
				column: 'is_high_impact',
				severity: 'WARNING',
				message: 'The governance lead recorded this case’s high-impact determination in the tracker; the import keeps it and ignores the file’s answer.',
			})
		}
		const keepIndependentReview = Boolean(existing?.independentReviewInTracker)
		if (keepIndependentReview && existing && row.answers.practices.independentReview && row.answers.practices.independentReview !== existing.document.practices.independentReview) {
			problems.push({
				row: row.row,
				name: row.name,
				column: 'hi_independent_review',
				severity: 'WARNING',
				message: 'The tracker answers hi_independent_review from who reviewed this case in its lanes; the import keeps that and ignores the file’s answer.',
			})
		}
		const document = mergeImported(existing?.document ?? null, row, { orgUnitCode: orgUnit.code, keepDetermination, keepIndependentReview })
		for (const path of missingOmbFields(document)) {
			// A column already reported (a value left out) is not reported twice.
			if (path === 'trackingId' || problems.some((problem) => problem.column === fieldLabel(path))) continue
			problems.push({
				row: row.row,
				name: row.name,
				column: fieldLabel(path),
				severity: 'WARNING',
				message: `OMB requires ${fieldLabel(path)} for this stage, and the case will not have it.`,
			})
		}
		const changed = existing ? differingFields(existing.document, document) : []
		return {
			row: row.row,
			name: row.name,
			outcome: existing ? (changed.length ? 'UPDATE' : 'UNCHANGED') : 'CREATE',
			importKey,
			orgUnit,
			existing: existing ? { id: existing.id, trackingId: existing.trackingId, version: existing.version } : null,
			document,
			changed,
			problems,
		}
	})
}

export function countOutcomes(plan: ReadonlyArray<Pick<PlannedRow, 'outcome'>>) {
	const counts: Record<RowOutcome, number> = { CREATE: 0, UPDATE: 0, UNCHANGED: 0, SKIP: 0 }
	for (const row of plan) counts[row.outcome]++
	return counts
}
