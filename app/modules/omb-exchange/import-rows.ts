// Reading an agency's published inventory in OMB's 2025 format: OMB's column names or the Excel
// template's question headers, the template's selections or OMB's CSV codes, and the typing variants
// agencies' files really contain (OMB's own standardisation report lists them). Pure: parsing,
// matching a row to a case, and planning what the import would do; import.server.ts stores it.
// Nothing is guessed and nothing is dropped unsaid: a value the tracker cannot read as one of its
// own is kept as written, and every answer left out is reported on its row.
import { parse, type Options as CsvOptions } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import { z } from 'zod'
import {
	findIndexedDuplicates,
	indexDuplicateCandidates,
} from '#app/modules/use-cases/duplicate-detection.ts'
import {
	fieldRules,
	type FieldPath,
	MAX_SYSTEM_NAMES_LENGTH,
	missingOmbFields,
} from '#app/modules/use-cases/field-rules.ts'
import { isPartialDate, readPartialDate } from '#app/modules/use-cases/partial-date.ts'
import {
	keptAsWrittenColumns,
	type KeptAsWrittenColumn,
	MAX_NAME_LENGTH,
	TRACKING_ID_PATTERN,
	type UseCaseDocument,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import { restoreCell } from '#app/utils/csv-cells.ts'
import { reportedPractices } from '#app/modules/policies/checks/minimum-practices.ts'
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
import { DEFAULT_PUBLIC_EMAIL, type OmbColumn, ombColumns } from './omb-export.ts'
import { changedColumns } from './changed-columns.ts'

export type ImportSeverity = 'ERROR' | 'WARNING'

/** What kind of problem, for grouping the preview's list; each kind says what happens to the row. */
export const importProblemKinds = {
	OTHER_AGENCY: { title: 'Another agency’s rows', effect: 'Not imported' },
	OTHER_COMPONENT: { title: 'Another HHS division’s rows', effect: 'Not imported' },
	UNKNOWN_COMPONENT: { title: 'Component the tracker does not know', effect: 'Row not imported' },
	NO_NAME: { title: 'No name', effect: 'Row not imported' },
	NO_BUREAU: { title: 'No bureau or component', effect: 'Row not imported' },
	NAME_TOO_LONG: { title: 'Name too long', effect: 'Row not imported' },
	ID_TOO_LONG: { title: 'Use Case ID too long', effect: 'Row not imported' },
	REPEATED_ROW: { title: 'Repeats an earlier row', effect: 'Row not imported' },
	NAME_OF_ANOTHER_CASE: {
		title: 'Would give a case another case’s name',
		effect: 'Row not imported',
	},
	IN_REVIEW: {
		title: 'In review',
		effect: 'Row not imported; the answers the reviewers are deciding on kept',
	},
	REGISTERED_IN_TRACKER: {
		title: 'Registered in the tracker already',
		effect: 'Row not imported; the tracker’s answers kept',
	},
	CONFIRM_MATCH: {
		title: 'May be a use case the tracker has',
		effect: 'Not imported until you decide',
	},
	KEPT_AS_WRITTEN: { title: 'Kept as written', effect: 'Imported; this answer kept as written' },
	TOO_LONG: { title: 'Answer too long', effect: 'Imported without this answer' },
	SEVERAL_BUREAUS: { title: 'Several bureaus named', effect: 'Imported under the first bureau' },
	TRACKER_ANSWER_KEPT: {
		title: 'The tracker’s own answer kept',
		effect: 'Imported; the file’s answer ignored',
	},
	REQUIRED_MISSING: {
		title: 'Required by OMB for the stage, missing',
		effect: 'Imported; the answer is still missing',
	},
	UNKNOWN_COLUMN: { title: 'Column OMB’s template does not have', effect: 'Column ignored' },
	REPEATED_COLUMN: { title: 'Column repeated', effect: 'Column ignored' },
	EXCEL_ERROR: { title: 'Excel error value', effect: 'Imported; the cell read as empty' },
	STRAY_QUOTES: {
		title: 'Quote marks that do not pair up',
		effect: 'Imported; the cells read as the file has them',
	},
	RAGGED_ROW: {
		title: 'Not as many cells as the header',
		effect: 'Imported; missing cells read as empty, extra ones ignored',
	},
	UNKNOWN_TRACKING_ID: {
		title: 'A tracking id no use case has',
		effect: 'Imported as a new use case',
	},
	IMPORT_FAILED: { title: 'Could not be imported', effect: 'Row not imported' },
} as const satisfies Record<string, { title: string; effect: string }>
export type ImportProblemKind = keyof typeof importProblemKinds

/** ERROR: the row is not imported. WARNING: it is imported; the kind says what became of the answer. */
export type ImportProblem = {
	/** The spreadsheet row (the header is row 1); null for a line that sums up many rows. */
	row: number | null
	name: string
	column: string | null
	severity: ImportSeverity
	kind: ImportProblemKind
	message: string
}

/** What happens to the row, as the preview's Effect column says it. */
export function effectOf(problem: Pick<ImportProblem, 'kind'>) {
	return importProblemKinds[problem.kind].effect
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
	/** Cells kept as the file wrote them, by column. */
	asWritten: Partial<Record<KeptAsWrittenColumn, string>>
	/** Columns the row answered (in any form): their earlier kept-as-written text no longer applies. */
	answered: Array<KeptAsWrittenColumn>
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

/** Rows of another agency: not read, summed up in one line per agency. */
export type OtherAgencyRows = { agency: string; rows: number; firstRow: number; lastRow: number }

export type ParsedFile = {
	columns: Array<OmbColumn>
	rows: Array<ParsedRow>
	otherAgencies: Array<OtherAgencyRows>
	/** Problems with the file as a whole (unknown or repeated headers, other agencies' rows). */
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

/** Whether Windows-1252 can hold this character; Excel writes "?" for one it cannot. */
function inWindows1252(character: string) {
	const code = character.codePointAt(0)!
	return code < 0x80 || (code >= 0xa0 && code <= 0xff) || WINDOWS_1252_HIGH.includes(character)
}

/**
 * Whether `fromFile` is `stored` as Excel's "CSV (Comma delimited)" saves it: every character
 * Windows-1252 cannot hold (an emoji, a Chinese character, a Greek letter) turned into "?".
 */
export function lostInExcelSave(stored: string, fromFile: string) {
	if (stored === fromFile || !fromFile.includes('?')) return false
	const saved = [...stored].map((character) => (inWindows1252(character) ? character : '?'))
	return saved.join('') === fromFile
}

function decodeWindows1252(bytes: Uint8Array) {
	let text = ''
	for (const byte of bytes)
		text +=
			byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
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
	contracting_usage: {
		startsWith: ['was the system involved in this use case purchased from a vendor'],
	},
	vendor_name: { exact: ['vendor(s) name', 'vendor name', 'vendors'] },
	have_ato: { startsWith: ['does this ai use case have an associated authorization to operate'] },
	system_name_ato: { exact: ['system(s) name', 'system name'] },
	data_description: { startsWith: ['describe any data used to train'] },
	link_to_data: { startsWith: ['if the data is required to be publicly disclosed'] },
	has_pii: { startsWith: ['does this ai use case involve personally identifiable information'] },
	pia_url: {
		startsWith: [
			"if publicly available, provide the link to the ai use case's associated privacy impact assessment",
		],
	},
	demographic_features: { startsWith: ['which, if any, demographic variables'] },
	has_custom_code: { startsWith: ['does this project include custom-developed code'] },
	code_url: { startsWith: ['if the code is open source'] },
	hi_testing_conducted: { startsWith: ['has pre-deployment testing been conducted'] },
	hi_assessment_completed: { startsWith: ['has an ai impact assessment been completed'] },
	hi_potential_impacts: { startsWith: ['what are the potential impacts of using the ai'] },
	// The template itself misspells this question ("Has as independent review").
	hi_independent_review: { startsWith: ['has as independent review', 'has an independent review'] },
	hi_ongoing_monitoring: { startsWith: ['is there a process to conduct ongoing monitoring'] },
	hi_training_established: {
		startsWith: ['has the agency established sufficient and periodic training'],
	},
	hi_failsafe_presence: { startsWith: ['does this ai use case have an appropriate fail-safe'] },
	hi_appeal_process: { startsWith: ['is there an established appeal process'] },
	hi_public_consultation: { startsWith: ['what steps has the agency taken to consult'] },
}

/** The OMB column a header names, by OMB's column name or the template's question; null when unknown. */
export function columnForHeader(header: string): OmbColumn | null {
	const text = plain(header)
	// OMB's names in any case, and with spaces or hyphens where the names have underscores.
	const asName = text.replace(/[\s-]+/g, '_')
	const byName = ombColumns.find((column) => column.toLowerCase() === asName)
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

// Each vocabulary's loose spellings, worked out once: a file of thousands of rows asks thousands of times.
const looseKeys = new WeakMap<Record<string, OmbChoice>, Map<string, string>>()
function looseKeysOf(choices: Record<string, OmbChoice>) {
	let keys = looseKeys.get(choices)
	if (!keys) {
		keys = new Map()
		for (const [key, choice] of Object.entries(choices)) {
			const title = choice.selection.split(': ')[0] ?? choice.selection
			for (const candidate of [choice.selection, choice.code, title])
				if (!keys.has(loose(candidate))) keys.set(loose(candidate), key)
		}
		looseKeys.set(choices, keys)
	}
	return keys
}

/** The choice a cell names, accepting OMB's selections, its codes and the typing variants in agencies' files. */
export function matchChoice<Choices extends Record<string, OmbChoice>>(
	choices: Choices,
	text: string,
): Extract<keyof Choices, string> | null {
	const wanted = loose(text)
	if (wanted === '') return null
	const key = looseKeysOf(choices).get(wanted) ?? ombChoiceKey(choices, text)
	return (key as Extract<keyof Choices, string> | undefined) ?? null
}

/** "Other – a rules engine", "Other: …": an answer of "Other" with the agency's own words after it. */
const OTHER_WITH_DETAIL = /^(?:[a-l]\)\s*)?other\s*[-–—:,(]\s*\S/i

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
		if ('OTHER' in choices && OTHER_WITH_DETAIL.test(item)) {
			keys.push('OTHER' as Extract<keyof Choices, string>)
			unknown.push(item)
			continue
		}
		const parts = item
			.split(/\s+(?=[a-l]\)\s)|,\s+/)
			.map((part) => part.trim())
			.filter(Boolean)
		const matched = parts.map((part) => matchChoice(choices, part))
		if (parts.length > 1 && matched.every(Boolean))
			keys.push(...(matched as Array<Extract<keyof Choices, string>>))
		else unknown.push(item)
	}
	return { keys: [...new Set(keys)], unknown }
}

/**
 * A whole number where a date belongs is most often Excel's serial date (days since 30 Dec 1899),
 * left when a date column is formatted as General or Number: 45852 is 2025-07-14.
 */
export function excelSerialDay(text: string): string | null {
	const value = text.trim()
	if (!/^\d{5}(\.0+)?$/.test(value)) return null
	const day = new Date(Date.UTC(1899, 11, 30) + Number.parseInt(value, 10) * 86_400_000)
	const iso = day.toISOString().slice(0, 10)
	return isPartialDate(iso) && day.getUTCFullYear() >= 1950 ? iso : null
}

const emailSchema = z.email().max(254)
const linkSchema = z.url({ protocol: /^https?$/ }).max(500)
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

const LONG_TEXT = 10_000
const SHORT_TEXT = 200
const MAX_VENDORS = 20

/** Normalised for matching: case, punctuation and spacing ignored ("Complaint Analysis\u00a0" = "complaint analysis"). */
export function normaliseName(name: string) {
	return name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
}

const quoted = (text: string) => {
	const shown = text.replace(/\s+/g, ' ').trim()
	return `“${shown.length > 120 ? `${shown.slice(0, 120)}…` : shown}”`
}

// ── Rows ──

type Cells = Partial<Record<OmbColumn, string>>

function readRow(cells: Cells, rowNumber: number, agency: string): ParsedRow {
	const name = (cells.use_case_name ?? '').replace(/\s+/g, ' ').trim()
	const problems: Array<ImportProblem> = []
	const warn = (column: OmbColumn, kind: ImportProblemKind, message: string) =>
		problems.push({ row: rowNumber, name, column, severity: 'WARNING', kind, message })
	const fail = (column: OmbColumn | null, kind: ImportProblemKind, message: string) =>
		problems.push({ row: rowNumber, name, column, severity: 'ERROR', kind, message })
	const answers: ImportedAnswers = { practices: {}, asWritten: {}, answered: [] }
	const keep = (column: KeptAsWrittenColumn, raw: string, why: string) => {
		const value = raw.trim()
		if (value.length > LONG_TEXT) {
			warn(
				column,
				'TOO_LONG',
				`The answer is ${value.length.toLocaleString('en-US')} characters; the tracker keeps at most ${LONG_TEXT.toLocaleString('en-US')}, so it was left out.`,
			)
			return
		}
		answers.asWritten[column] = value
		warn(column, 'KEPT_AS_WRITTEN', `${quoted(value)} ${why}; it is kept as written.`)
	}
	const answered = (column: OmbColumn) => {
		if (keptColumns.has(column)) answers.answered.push(column as KeptAsWrittenColumn)
	}

	const text = (column: OmbColumn, max: number) => {
		const raw = cells[column]
		if (raw === undefined || isNoAnswer(raw)) return undefined
		const value = raw.trim()
		if (value.length > max) {
			warn(
				column,
				'TOO_LONG',
				`The answer is ${value.length.toLocaleString('en-US')} characters; the tracker keeps at most ${max.toLocaleString('en-US')}, so it was left out.`,
			)
			return undefined
		}
		return value
	}
	const choice = <Choices extends Record<string, OmbChoice>>(
		column: KeptAsWrittenColumn,
		choices: Choices,
	) => {
		const raw = cells[column]
		if (raw === undefined || raw.trim() === '') return undefined
		const key = matchChoice(choices, raw)
		if (key) {
			answered(column)
			return key
		}
		if (isNoAnswer(raw)) return undefined
		answered(column)
		if ('OTHER' in choices && OTHER_WITH_DETAIL.test(raw.trim())) {
			keep(column, raw, `is “Other” with the agency’s own words, recorded as Other`)
			return 'OTHER' as Extract<keyof Choices, string>
		}
		keep(column, raw, `is not one of OMB’s choices for ${column}`)
		return undefined
	}
	const bool = (column: KeptAsWrittenColumn) => {
		const raw = cells[column]
		if (raw === undefined || raw.trim() === '') return undefined
		const value = yesNo(raw)
		if (value !== null) {
			answered(column)
			return value
		}
		if (isNoAnswer(raw)) return undefined
		answered(column)
		keep(column, raw, 'is neither Yes nor No')
		return undefined
	}
	// OMB's dictionary types the link columns as free text, and agencies write "Not available" in them.
	const link = (column: KeptAsWrittenColumn) => {
		const raw = cells[column]
		if (raw === undefined || isNoAnswer(raw)) return undefined
		answered(column)
		const value = raw.trim()
		if (linkSchema.safeParse(value).success) return value
		keep(column, raw, 'is not a web address')
		return undefined
	}

	if (!name) fail('use_case_name', 'NO_NAME', 'The use case has no name.')
	else if (name.length > MAX_NAME_LENGTH)
		fail(
			'use_case_name',
			'NAME_TOO_LONG',
			`The name is ${name.length} characters; at most ${MAX_NAME_LENGTH} are allowed.`,
		)
	const bureau = (cells.agency_bureau ?? '').trim()
	if (!bureau) fail('agency_bureau', 'NO_BUREAU', 'The row names no bureau or component.')
	let fileId = (cells.id ?? '').trim() || null
	if (fileId && fileId.length > 60) {
		fail(
			'id',
			'ID_TOO_LONG',
			`The Use Case ID is ${fileId.length} characters; at most 60 are allowed.`,
		)
		fileId = null
	}

	const contact = cells.contact_email
	if (contact !== undefined && !isNoAnswer(contact)) {
		answered('contact_email')
		const value = contact.trim()
		const emails = [...value.matchAll(EMAIL_IN_TEXT)]
			.map((match) => match[0].toLowerCase())
			.filter((email) => emailSchema.safeParse(email).success)
		if (emails.length === 1 && emails[0] === value.toLowerCase()) answers.contactEmail = emails[0]
		else if (emails.length > 0) {
			answers.contactEmail = emails[0]
			keep(
				'contact_email',
				value,
				`names ${emails.length === 1 ? 'an e-mail address with other text' : `${emails.length} e-mail addresses`}: ${emails[0]} is the contact`,
			)
		} else
			keep(
				'contact_email',
				value,
				linkSchema.safeParse(value).success
					? 'is a contact page, not an e-mail address'
					: 'is not an e-mail address',
			)
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
	const date = cells.operational_date
	if (date !== undefined && !isNoAnswer(date)) {
		answered('operational_date')
		const parsed = readPartialDate(date) ?? excelSerialDay(date)
		if (parsed) answers.operationalDate = parsed
		else keep('operational_date', date, 'is not a date the tracker can read')
	}
	answers.contractingUsage = choice('contracting_usage', contractingChoices)
	const vendors = cells.vendor_name
	if (vendors !== undefined && !isNoAnswer(vendors)) {
		answered('vendor_name')
		const names = [...new Set(listItems(vendors).map((vendor) => vendor.replace(/\s+/g, ' ')))]
		if (names.length > MAX_VENDORS || names.some((vendor) => vendor.length > SHORT_TEXT)) {
			keep(
				'vendor_name',
				vendors,
				`names more than ${MAX_VENDORS} vendors, or a vendor of more than ${SHORT_TEXT} characters (separate vendors with “;”)`,
			)
		} else answers.vendorNames = names
	}
	answers.hasAto = bool('have_ato')
	answers.atoSystemName = text('system_name_ato', MAX_SYSTEM_NAMES_LENGTH)
	answers.dataDescription = text('data_description', LONG_TEXT)
	answers.linkToData = link('link_to_data')
	answers.hasPii = bool('has_pii')
	answers.piaUrl = link('pia_url')
	const features = cells.demographic_features
	if (features !== undefined && features.trim() !== '' && features.trim() !== '[]') {
		answered('demographic_features')
		// OMB recoded a bare "None" to "None of the above"; so does the import.
		const { keys, unknown } = isNoAnswer(features)
			? { keys: ['NONE_OF_THE_ABOVE' as const], unknown: [] }
			: matchMany(demographicFeatureChoices, features)
		if (keys.length) answers.demographicFeatures = keys
		if (unknown.length)
			keep(
				'demographic_features',
				features,
				`holds ${unknown.map(quoted).join(', ')}, not among OMB’s demographic features${keys.length ? ' (the others are recorded)' : ''}`,
			)
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
	if (notApplicable('hi_failsafe_presence')) {
		answered('hi_failsafe_presence')
		answers.practices.failsafe = 'NOT_APPLICABLE'
	} else answers.practices.failsafe = choice('hi_failsafe_presence', failsafeChoices)
	if (notApplicable('hi_appeal_process')) {
		answered('hi_appeal_process')
		answers.practices.appeal = 'NOT_APPLICABLE'
	} else answers.practices.appeal = choice('hi_appeal_process', appealChoices)
	const consultation = cells.hi_public_consultation
	if (
		consultation !== undefined &&
		consultation.trim() !== '' &&
		consultation.trim() !== '[]' &&
		!isNoAnswer(consultation)
	) {
		answered('hi_public_consultation')
		const { keys, unknown } = matchMany(publicConsultationChoices, consultation)
		if (keys.length) answers.practices.publicConsultation = keys
		if (unknown.length)
			keep(
				'hi_public_consultation',
				consultation,
				`holds ${unknown.map(quoted).join(', ')}, not among OMB’s consultation steps${keys.length ? ' (the others are recorded)' : ''}`,
			)
	}
	return { row: rowNumber, agency, fileId, name, bureau, answers: dropUndefined(answers), problems }
}

const keptColumns: ReadonlySet<string> = new Set<string>(keptAsWrittenColumns)

function dropUndefined(answers: ImportedAnswers): ImportedAnswers {
	const practices = Object.fromEntries(
		Object.entries(answers.practices).filter(([, value]) => value !== undefined),
	)
	return {
		...(Object.fromEntries(
			Object.entries(answers).filter(([, value]) => value !== undefined),
		) as ImportedAnswers),
		practices,
	}
}

// ── Files ──

const csvOptions: CsvOptions = {
	bom: true,
	relax_column_count: true,
	skip_empty_lines: true,
	relax_quotes: true,
}

/**
 * The file's separator, from its header line: a comma, or the semicolon Excel writes in locales
 * whose decimal mark is a comma, or a tab ("Unicode text"). Separators inside quotes do not count.
 */
export function delimiterOf(text: string): ',' | ';' | '\t' {
	const counts = { ',': 0, ';': 0, '\t': 0 }
	let quoted = false
	for (const character of text.replace(/^\uFEFF/, '').slice(0, 20_000)) {
		if (character === '"') quoted = !quoted
		else if (!quoted && (character === '\n' || character === '\r')) break
		else if (!quoted && character in counts) counts[character as keyof typeof counts]++
	}
	if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';'
	if (counts['\t'] > counts[',']) return '\t'
	return ','
}
// `raw`: each record comes with the text it was read from, to tell a stray quote mark the lenient
// reading let through (see quotesPairUp).
const optionsFor = (text: string): CsvOptions => ({
	...csvOptions,
	delimiter: delimiterOf(text),
	raw: true,
})
type ReadRecord = { record: Array<string>; raw: string }

/**
 * Whether a record's text is CSV as written by the rules: every quoted cell closed, and a quote
 * inside one doubled. A cell typed as `"Claims "fast" triage"` is read leniently as it stands (the
 * file is not refused for it), but its row says so: the cell may hold more or less than was meant.
 */
function quotesPairUp(raw: string, delimiter: string) {
	if (!raw.includes('"')) return true
	// One pass over the text (a full strict parse of every row tripled the reading of a large file).
	let atCellStart = true
	let inQuotes = false
	for (let index = 0; index < raw.length; index++) {
		const character = raw[index]
		if (inQuotes) {
			if (character !== '"') continue
			if (raw[index + 1] === '"') {
				index++
				continue
			}
			const next = raw[index + 1]
			if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') return false
			inQuotes = false
		} else if (character === '"') {
			if (!atCellStart) return false
			inQuotes = true
			atCellStart = false
		} else atCellStart = character === delimiter || character === '\n' || character === '\r'
	}
	return !inQuotes
}

/** More unknown columns than this are summed up in one line. */
const MAX_NAMED_COLUMNS = 10
// Zero-width space, word joiner and a byte-order mark inside a cell: invisible, and never meant.
const INVISIBLE = /[\u200B\u2060\uFEFF]/g
const EXCEL_ERRORS = new Set([
	'#N/A',
	'#VALUE!',
	'#REF!',
	'#NAME?',
	'#DIV/0!',
	'#NUM!',
	'#NULL!',
	'#SPILL!',
	'#CALC!',
	'#GETTING_DATA',
])

/**
 * Reads a file's records one at a time: the header first, then each row (another agency's only
 * counted). The same reader serves the whole-file parse and the parse that pauses between slices.
 */
function fileReader(options: { agency: string; delimiter: string }) {
	const problems: Array<ImportProblem> = []
	const columnAt: Array<OmbColumn | null> = []
	const seen = new Set<OmbColumn>()
	const rows: Array<ParsedRow> = []
	const others = new Map<string, OtherAgencyRows>()
	let recordNumber = 0
	const expected = options.agency.toUpperCase()

	let headerCells = 0
	function header(record: Array<string>) {
		headerCells = record.length
		const unknown: Array<{ index: number; cell: string }> = []
		record.forEach((cell, index) => {
			if (cell.trim() === '') return void columnAt.push(null)
			const column = columnForHeader(cell)
			if (column && seen.has(column)) {
				problems.push({
					row: 1,
					name: '',
					column,
					severity: 'WARNING',
					kind: 'REPEATED_COLUMN',
					message: `Column ${index + 1} repeats ${column}; only the first is read.`,
				})
				columnAt.push(null)
				return
			}
			if (!column) unknown.push({ index, cell })
			else seen.add(column)
			columnAt.push(column)
		})
		// A few unknown columns are named one by one; many (a workbook's helper columns) in one line.
		const ignored = (message: string) =>
			problems.push({
				row: 1,
				name: '',
				column: null,
				severity: 'WARNING',
				kind: 'UNKNOWN_COLUMN',
				message,
			})
		const describe = ({ index, cell }: { index: number; cell: string }) =>
			`column ${index + 1} (${quoted(cell)})`
		if (unknown.length > MAX_NAMED_COLUMNS)
			ignored(
				`${unknown.length} columns are not among OMB’s 2025 columns and are ignored: ${unknown.slice(0, 3).map(describe).join(', ')} and ${unknown.length - 3} more.`,
			)
		else
			for (const column of unknown)
				ignored(`C${describe(column).slice(1)} is not one of OMB’s 2025 columns; it is ignored.`)
		if (!seen.has('use_case_name')) {
			throw new Error(
				'The file has no use_case_name (“Use Case Name”) column, so it is not an inventory in OMB’s 2025 format.',
			)
		}
	}

	return {
		add({ record, raw }: ReadRecord) {
			recordNumber++
			if (recordNumber === 1) return header(record)
			if (record.every((cell) => cell.trim() === '')) return
			const cells: Cells = {}
			const excelErrors: Array<{ column: OmbColumn; cell: string }> = []
			record.forEach((cell, position) => {
				const column = columnAt[position]
				if (!column) return
				// Invisible characters pasted with an id or a name would keep it from matching.
				const value = cell.replace(INVISIBLE, '')
				// An Excel error is what a broken formula left, not an answer: the cell reads as empty.
				if (EXCEL_ERRORS.has(value.trim().toUpperCase()))
					return void excelErrors.push({ column, cell: value.trim() })
				// A file the tracker wrote carries its formula-injection guard; the answer is the cell without it.
				cells[column] = restoreCell(value)
			})
			const rowNumber = recordNumber
			const agency = ((cells.agency ?? '').trim() || options.agency).toUpperCase()
			if (agency !== expected) {
				const summary = others.get(agency)
				if (summary) {
					summary.rows++
					summary.lastRow = rowNumber
				} else others.set(agency, { agency, rows: 1, firstRow: rowNumber, lastRow: rowNumber })
				return
			}
			const row = readRow(cells, rowNumber, agency)
			// A row shorter than the header, or with answers past its end: a line broken inside a cell,
			// or cells shifted by hand.
			const extra = record.slice(headerCells).filter((cell) => cell.trim() !== '').length
			if (record.length < headerCells || extra > 0)
				row.problems.push({
					row: rowNumber,
					name: row.name,
					column: null,
					severity: 'WARNING',
					kind: 'RAGGED_ROW',
					message: `The row has ${record.length} cells where the header has ${headerCells}: a line may have broken inside a cell, or cells shifted. ${extra ? `Its ${extra} ${extra === 1 ? 'cell' : 'cells'} past the last column ${extra === 1 ? 'is' : 'are'} ignored.` : 'The missing cells are read as no answer.'}`,
				})
			if (!quotesPairUp(raw, options.delimiter)) {
				const cellsWithQuotes = record.flatMap((cell, position) =>
					cell.includes('"') ? [columnAt[position] ?? `column ${position + 1}`] : [],
				)
				row.problems.push({
					row: rowNumber,
					name: row.name,
					column: cellsWithQuotes.length === 1 ? cellsWithQuotes[0]! : null,
					severity: 'WARNING',
					kind: 'STRAY_QUOTES',
					message: `The row’s quote marks do not pair up, so ${cellsWithQuotes.length ? cellsWithQuotes.join(', ') : 'a cell'} may hold more or less than was meant; it is read as the file has it. In the spreadsheet, check the quote marks in ${cellsWithQuotes.length === 1 ? 'that cell' : 'those cells'}.`,
				})
			}
			for (const { column, cell } of excelErrors)
				row.problems.push({
					row: rowNumber,
					name: row.name,
					column,
					severity: 'WARNING',
					kind: 'EXCEL_ERROR',
					message: `${quoted(cell)} is an Excel error left by a formula, not an answer; the cell is read as empty. Correct the formula or type the answer.`,
				})
			rows.push(row)
		},
		finish(): ParsedFile {
			if (recordNumber === 0) throw new Error('The file is empty.')
			const otherAgencies = [...others.values()].sort(
				(a, b) => b.rows - a.rows || a.agency.localeCompare(b.agency),
			)
			for (const other of otherAgencies) {
				problems.push({
					row: null,
					name: '',
					column: 'agency',
					severity: 'ERROR',
					kind: 'OTHER_AGENCY',
					message: `${other.agency}: ${other.rows.toLocaleString('en-US')} ${other.rows === 1 ? 'row' : 'rows'} (rows ${other.firstRow}–${other.lastRow}) are another agency’s; only ${expected}’s use cases are imported.`,
				})
			}
			return { columns: [...seen], rows, otherAgencies, problems }
		},
	}
}

function csvError(error: unknown) {
	return new Error(
		`The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}`,
	)
}

/**
 * The rows of a CSV in OMB's 2025 format. Throws (with a message for the person uploading) when the
 * text is not CSV or names no use case column at all; anything else is a problem on its row.
 */
export function parseOmbCsv(text: string, options: { agency: string }): ParsedFile {
	let records: Array<ReadRecord>
	const csv = optionsFor(text)
	try {
		records = parseSync(text, csv) as unknown as Array<ReadRecord>
	} catch (error) {
		throw csvError(error)
	}
	const reader = fileReader({ ...options, delimiter: String(csv.delimiter) })
	for (const record of records) reader.add(record)
	return reader.finish()
}

/** How much text the parser reads between pauses: a few milliseconds of work. */
const SLICE_CHARACTERS = 16 * 1024

/**
 * The same as parseOmbCsv, reading the text a slice at a time and awaiting `pause` between slices,
 * so a large file never holds the event loop: other requests are served while it is read.
 */
export async function parseOmbCsvInSlices(
	text: string,
	options: { agency: string },
	pause: () => Promise<void>,
): Promise<ParsedFile> {
	const csv = optionsFor(text)
	const reader = fileReader({ ...options, delimiter: String(csv.delimiter) })
	const parser = parse(csv)
	let failure: unknown = null
	parser.on('data', (record: ReadRecord) => {
		if (failure) return
		try {
			reader.add(record)
		} catch (error) {
			failure = error
		}
	})
	const done = new Promise<void>((resolve, reject) => {
		parser.on('end', resolve)
		parser.on('error', (error) => reject(csvError(error)))
	})
	done.catch(() => undefined)
	let offset = 0
	while (offset < text.length && !failure) {
		let end = Math.min(offset + SLICE_CHARACTERS, text.length)
		// Never between the two halves of a character outside the Basic Multilingual Plane.
		if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--
		parser.write(text.slice(offset, end))
		offset = end
		await pause()
	}
	parser.end()
	await done
	if (failure) throw failure
	return reader.finish()
}

// ── Bureaus ──

export type OrgUnitRef = {
	id: string
	code: string
	shortName: string
	name?: string
	aliases?: ReadonlyArray<string>
}

/**
 * HHS's operating and staff divisions other than CMS. A row of HHS's under one of them is HHS's
 * but not CMS's: it is summed up with the division's other rows, not reported one by one.
 */
export const otherHhsDivisions: Record<string, string> = {
	ACF: 'Administration for Children and Families',
	ACL: 'Administration for Community Living',
	AHRQ: 'Agency for Healthcare Research and Quality',
	ARPAH: 'Advanced Research Projects Agency for Health',
	ASA: 'Assistant Secretary for Administration',
	ASFR: 'Assistant Secretary for Financial Resources',
	ASPE: 'Assistant Secretary for Planning and Evaluation',
	ASPR: 'Administration for Strategic Preparedness and Response',
	ASTP: 'Assistant Secretary for Technology Policy',
	ATSDR: 'Agency for Toxic Substances and Disease Registry',
	CDC: 'Centers for Disease Control and Prevention',
	FDA: 'Food and Drug Administration',
	HRSA: 'Health Resources and Services Administration',
	IHS: 'Indian Health Service',
	NIH: 'National Institutes of Health',
	OCR: 'Office for Civil Rights',
	OGC: 'Office of the General Counsel',
	OIG: 'Office of Inspector General',
	ONC: 'Office of the National Coordinator for Health Information Technology',
	OS: 'Office of the Secretary',
	SAMHSA: 'Substance Abuse and Mental Health Services Administration',
}

function unitKey(text: string) {
	return plain(text)
		.replace(/&/g, ' and ')
		.replace(/[’']/g, '')
		.replace(/\s*\/\s*/g, '/')
		.replace(/[^a-z0-9/]+/g, ' ')
		.trim()
}

const divisionKeys = new Map<string, string>(
	Object.entries(otherHhsDivisions).flatMap(([abbreviation, name]) => [
		[unitKey(abbreviation), abbreviation],
		[unitKey(name), abbreviation],
	]),
)

/** Every way a file may name each unit, worked out once per list of units. */
const unitLookups = new WeakMap<ReadonlyArray<OrgUnitRef>, Map<string, OrgUnitRef | null>>()
function lookupOf(orgUnits: ReadonlyArray<OrgUnitRef>) {
	let lookup = unitLookups.get(orgUnits)
	if (lookup) return lookup
	lookup = new Map()
	const byCode = new Map<string, OrgUnitRef>()
	const ambiguous = new Set<string>()
	const add = (name: string, unit: OrgUnitRef, exact: boolean) => {
		const key = unitKey(name)
		if (!key) return
		if (exact) return void byCode.set(key, unit)
		const known = lookup!.get(key)
		if (known && known.id !== unit.id) ambiguous.add(key)
		else lookup!.set(key, unit)
	}
	for (const unit of orgUnits) {
		add(unit.code, unit, true)
		add(unit.code.replace(/^HHS\//i, ''), unit, true)
		add(unit.shortName, unit, false)
		if (unit.name) add(unit.name, unit, false)
		for (const alias of unit.aliases ?? []) add(alias, unit, false)
	}
	// A short name two units share names neither: the file must say which.
	for (const key of ambiguous) lookup.set(key, null)
	for (const [key, unit] of byCode) lookup.set(key, unit)
	unitLookups.set(orgUnits, lookup)
	return lookup
}

const depth = (unit: OrgUnitRef) => unit.code.split('/').length

export type BureauResolution = {
	orgUnit: OrgUnitRef | null
	note?: string
	/** Another HHS division's abbreviation, when the row is HHS's but not CMS's. */
	otherDivision?: string
}

/** One bureau's unit: the whole text, or each of its parts ("CMS - Office of the Actuary", "… (OFM)"), the deepest unit named. */
function resolveOne(text: string, orgUnits: ReadonlyArray<OrgUnitRef>): BureauResolution {
	const lookup = lookupOf(orgUnits)
	const whole = lookup.get(unitKey(text))
	if (whole) return { orgUnit: whole }
	const withoutAbbreviations = text.replace(/\(([^)]*)\)/g, ' ')
	const parts = withoutAbbreviations
		.split(/\s+[-–—:]\s+|\/|\s*[–—]\s*/)
		.map((part) => part.trim())
		.filter(Boolean)
	const abbreviations = [...text.matchAll(/\(([^)]*)\)/g)].map((match) => match[1]!.trim())
	const found: Array<OrgUnitRef> = []
	const unknown: Array<string> = []
	for (const part of parts) {
		const unit = lookup.get(unitKey(part))
		if (unit) found.push(unit)
		else unknown.push(part)
	}
	for (const abbreviation of abbreviations) {
		const unit = lookup.get(unitKey(abbreviation))
		if (unit) found.push(unit)
	}
	const division = [...parts, ...abbreviations]
		.map((part) => divisionKeys.get(unitKey(part)))
		.find(Boolean)
	if (division && !found.some((unit) => depth(unit) > 2))
		return { orgUnit: null, otherDivision: division }
	// A part nobody knows is a component the tracker lacks: filing the row under its parent would lose it.
	const unknownComponent =
		unknown.length > 0 && (!abbreviations.length || !found.some((unit) => depth(unit) > 2))
	if (found.length === 0 || unknownComponent) return { orgUnit: null }
	return {
		orgUnit: found.reduce((deepest, unit) => (depth(unit) > depth(deepest) ? unit : deepest)),
	}
}

/**
 * The org unit a Bureau/Component names: its code ("HHS/CMS/OIT"), the code without the department
 * ("CMS/OIT"), a short name only one unit has ("OIT"), its full name, an alias (a former name, or a
 * spelling mapped at an earlier import), or a path of these ("CMS - Office of the Actuary"). Several
 * bureaus: the first, with a note.
 */
export function resolveBureau(
	bureau: string,
	orgUnits: ReadonlyArray<OrgUnitRef>,
): BureauResolution {
	const text = bureau.trim()
	if (!text) return { orgUnit: null }
	const whole = resolveOne(text, orgUnits)
	if (whole.orgUnit || whole.otherDivision) return whole
	const names = text
		.split(/[;,\n]/)
		.map((name) => name.trim())
		.filter(Boolean)
	if (names.length < 2) return whole
	const first = resolveOne(names[0]!, orgUnits)
	return first.orgUnit
		? {
				orgUnit: first.orgUnit,
				note: `The row names several bureaus (${names.join(', ')}); the tracker records one, so it is filed under ${first.orgUnit.code}.`,
			}
		: first
}

/**
 * What makes a re-import find the same case: the agency and the file's Use Case ID, or, in a file
 * without IDs (HHS published none in 2025), the bureau and the name, normalised.
 */
export function importKeyFor(
	row: Pick<ParsedRow, 'agency' | 'fileId' | 'name'>,
	orgUnitCode: string,
) {
	return row.fileId
		? `${row.agency}:id:${row.fileId}`
		: `${row.agency}:name:${orgUnitCode}:${normaliseName(row.name)}`
}

// ── Matching rows to cases ──

/** What the import knows of every case in the tracker before choosing which to read in full. */
export type CaseRef = {
	id: string
	trackingId: string
	version: number
	name: string
	orgUnitCode: string | null
	importKey: string | null
	previousOmbId?: string | null
	formerOmbIds?: ReadonlyArray<string> | null
	problemSolved?: string | null
	vendorNames?: ReadonlyArray<string>
}

export type ExistingCase = Pick<CaseRef, 'id' | 'trackingId' | 'version' | 'importKey'> & {
	/** Set when the governance lead recorded the determination in the tracker. */
	determinedInTracker: boolean
	/** Set when the tracker answers hi_independent_review itself, from who reviewed the case. */
	independentReviewInTracker?: boolean
	/** Reviewers are deciding on its current answers (its lanes are being worked). */
	inReview?: boolean
	document: UseCaseDocument
}

/** A case known in full is also known by reference. */
export function caseRefOf(existing: ExistingCase): CaseRef {
	const { document } = existing
	return {
		id: existing.id,
		trackingId: existing.trackingId,
		version: existing.version,
		importKey: existing.importKey,
		name: document.name,
		orgUnitCode: document.orgUnit ?? null,
		previousOmbId: document.previousOmbId ?? null,
		formerOmbIds: document.formerOmbIds ?? [],
		problemSolved: document.problemSolved ?? null,
		vendorNames: document.vendorNames,
	}
}

export type RowOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'SKIP' | 'CONFIRM'
export type MatchedBy =
	'TRACKING_ID' | 'IMPORT_KEY' | 'OMB_ID' | 'PREVIOUS_OMB_ID' | 'NAME' | 'CONFIRMED'

/** A case the row may be, for the governance lead to confirm or refuse. */
export type CandidateMatch = {
	id: string
	trackingId: string
	name: string
	orgUnitCode: string | null
	score: number
	reasons: Array<string>
	registered: boolean
}

/** The lead's answers, by row number: the case the row is, or "NEW" for a use case of its own. */
export type MatchDecisions = Readonly<Record<string, string>>

export type RowMatch = {
	row: ParsedRow
	orgUnit: OrgUnitRef | null
	importKey: string | null
	existing: CaseRef | null
	matchedBy: MatchedBy | null
	candidate: CandidateMatch | null
	/** The row is not imported (an ERROR problem, another division's, or waiting for a decision). */
	outcome: 'SKIP' | 'CONFIRM' | null
	problems: Array<ImportProblem>
}

export type PlannedRow = {
	row: number
	name: string
	bureau: string
	outcome: RowOutcome
	importKey: string | null
	orgUnit: OrgUnitRef | null
	matchedBy: MatchedBy | null
	candidate: CandidateMatch | null
	/** The case the row matched, for an update or an unchanged row. */
	existing: Pick<ExistingCase, 'id' | 'trackingId' | 'version'> | null
	/** The document the case will hold (without a tracking id for a new case). */
	document: UseCaseDocument | null
	/** Document fields the import changes on an existing case. */
	changed: Array<string>
	problems: Array<ImportProblem>
}

/** An import's threshold is the duplicate detector's, a little stricter: thousands of rows are checked, not one form. */
const MATCH_THRESHOLD = 0.5

/**
 * Finds the case each row is, in order: the tracker's own tracking id; the file's Use Case ID as an
 * earlier import of it recorded (import key) or as the case's OMB id; an id the case had in an
 * earlier year; the same name in the same bureau for an imported case. A row that finds none may
 * look like a case under another bureau or a slightly different name (the duplicate detector's
 * similarity): that candidate waits for the governance lead to confirm or refuse it.
 */
export function createMatcher(context: {
	orgUnits: ReadonlyArray<OrgUnitRef>
	cases: ReadonlyArray<CaseRef>
	decisions?: MatchDecisions
}) {
	const decisions = context.decisions ?? {}
	const nameKey = (orgUnitCode: string, name: string) => `${orgUnitCode}:${normaliseName(name)}`
	const byKey = new Map<string, CaseRef>()
	const byTrackingId = new Map<string, CaseRef>()
	const byId = new Map<string, CaseRef>()
	const byOmbId = new Map<string, CaseRef>()
	const byFormerId = new Map<string, CaseRef>()
	const importedByName = new Map<string, CaseRef>()
	const registered = new Map<string, CaseRef>()
	const byName = new Map<string, Array<CaseRef>>()
	for (const ref of context.cases) {
		byId.set(ref.id, ref)
		const name = normaliseName(ref.name)
		byName.set(name, [...(byName.get(name) ?? []), ref])
		byTrackingId.set(ref.trackingId, ref)
		if (ref.importKey) byKey.set(ref.importKey, ref)
		if (ref.previousOmbId) byOmbId.set(ref.previousOmbId, ref)
		for (const former of ref.formerOmbIds ?? [])
			if (!byFormerId.has(former)) byFormerId.set(former, ref)
		if (ref.orgUnitCode)
			(ref.importKey ? importedByName : registered).set(nameKey(ref.orgUnitCode, ref.name), ref)
	}
	const index = indexDuplicateCandidates(
		context.cases.map((ref) => ({ ...ref, problemSolved: ref.problemSolved ?? undefined })),
	)
	const firstRowOfKey = new Map<string, number>()
	const claimed = new Map<string, number>()
	const divisions = new Map<string, { rows: number; firstRow: number; lastRow: number }>()

	function match(row: ParsedRow): RowMatch {
		const problems = [...row.problems]
		const result = (fields: Partial<RowMatch>): RowMatch => ({
			row,
			orgUnit: null,
			importKey: null,
			existing: null,
			matchedBy: null,
			candidate: null,
			outcome: null,
			problems,
			...fields,
		})
		const { orgUnit, note, otherDivision } = resolveBureau(row.bureau, context.orgUnits)
		if (otherDivision) {
			const summary = divisions.get(otherDivision)
			if (summary) {
				summary.rows++
				summary.lastRow = row.row
			} else divisions.set(otherDivision, { rows: 1, firstRow: row.row, lastRow: row.row })
			// Another division's row: its own problems are not CMS's to fix.
			return { ...result({ outcome: 'SKIP' }), problems: [] }
		}
		if (row.bureau && !orgUnit) {
			problems.push({
				row: row.row,
				name: row.name,
				column: 'agency_bureau',
				severity: 'ERROR',
				kind: 'UNKNOWN_COMPONENT',
				message: `“${row.bureau}” is not an org unit in the tracker: create it or map it to an existing unit under “Components the tracker does not know”, or correct the file.`,
			})
		}
		if (note)
			problems.push({
				row: row.row,
				name: row.name,
				column: 'agency_bureau',
				severity: 'WARNING',
				kind: 'SEVERAL_BUREAUS',
				message: note,
			})
		if (!orgUnit || problems.some((problem) => problem.severity === 'ERROR'))
			return result({ orgUnit, outcome: 'SKIP' })

		const importKey = importKeyFor(row, orgUnit.code)
		const repeated = firstRowOfKey.get(importKey)
		if (repeated !== undefined) {
			problems.push({
				row: row.row,
				name: row.name,
				column: row.fileId ? 'id' : 'use_case_name',
				severity: 'ERROR',
				kind: 'REPEATED_ROW',
				message: row.fileId
					? `Row ${repeated} has the same Use Case ID (${row.fileId}); only the first is imported.`
					: `Row ${repeated} has the same name and bureau; only the first is imported.`,
			})
			return result({ orgUnit, outcome: 'SKIP' })
		}
		firstRowOfKey.set(importKey, row.row)

		let existing: CaseRef | null = null
		let matchedBy: MatchedBy | null = null
		const found = (ref: CaseRef | undefined, by: MatchedBy) => {
			if (!existing && ref) [existing, matchedBy] = [ref, by]
		}
		if (row.fileId && TRACKING_ID_PATTERN.test(row.fileId))
			found(byTrackingId.get(row.fileId), 'TRACKING_ID')
		found(byKey.get(importKey), 'IMPORT_KEY')
		if (row.fileId) {
			found(byOmbId.get(row.fileId), 'OMB_ID')
			found(byFormerId.get(row.fileId), 'PREVIOUS_OMB_ID')
		}
		// A same-named imported case in the bureau is the row's unless both carry Use Case IDs and they differ.
		const sameName = importedByName.get(nameKey(orgUnit.code, row.name))
		if (
			sameName &&
			(!row.fileId || !sameName.previousOmbId || sameName.previousOmbId === row.fileId)
		)
			found(sameName, 'NAME')

		// A case registered in the tracker is the tracker's own record: the file neither duplicates it
		// nor overwrites what its owners and reviewers keep up to date.
		const namesake = existing ? undefined : registered.get(nameKey(orgUnit.code, row.name))
		if (namesake) {
			problems.push({
				row: row.row,
				name: row.name,
				column: 'use_case_name',
				severity: 'ERROR',
				kind: 'REGISTERED_IN_TRACKER',
				message: `${namesake.trackingId} with this name and bureau is registered in the tracker; the row is not imported, so the use case is not duplicated and the tracker’s answers are kept. To update the case from a file, give the row its Use Case ID (the tracker’s export has it).`,
			})
			return result({ orgUnit, importKey, outcome: 'SKIP' })
		}

		let candidate: CandidateMatch | null = null
		if (!existing) {
			const decision = decisions[String(row.row)]
			const decided = decision && decision !== 'NEW' ? byId.get(decision) : undefined
			if (decided) found(decided, 'CONFIRMED')
			else if (decision !== 'NEW') {
				const [best] = findIndexedDuplicates(
					{
						name: row.name,
						problemSolved: row.answers.problemSolved,
						vendorNames: row.answers.vendorNames,
					},
					index,
					{ limit: 1, threshold: MATCH_THRESHOLD, exclude: (ref) => claimed.has(ref.id) },
				)
				if (best) {
					const ref = best.candidate
					candidate = {
						id: ref.id,
						trackingId: ref.trackingId,
						name: ref.name,
						orgUnitCode: ref.orgUnitCode,
						score: best.score,
						reasons: best.reasons,
						registered: !ref.importKey,
					}
					problems.push({
						row: row.row,
						name: row.name,
						column: 'use_case_name',
						severity: 'ERROR',
						kind: 'CONFIRM_MATCH',
						message: `This may be ${ref.trackingId} “${ref.name}”${ref.orgUnitCode ? ` (${ref.orgUnitCode})` : ''}: ${best.reasons.join(', ') || 'alike'}. Say whether it is that use case or a new one.`,
					})
					return result({ orgUnit, importKey, candidate, outcome: 'CONFIRM' })
				}
			}
		}
		if (existing) {
			const ref = existing as CaseRef
			const earlier = claimed.get(ref.id)
			if (earlier !== undefined) {
				problems.push({
					row: row.row,
					name: row.name,
					column: 'use_case_name',
					severity: 'ERROR',
					kind: 'REPEATED_ROW',
					message: `Row ${earlier} is the same use case (${ref.trackingId}); only the first is imported.`,
				})
				return result({ orgUnit, importKey, outcome: 'SKIP' })
			}
			// A row that renames its case to another case's name is most often a misaligned file (one
			// column sorted on its own in a spreadsheet): every such row would scramble two cases.
			const name = normaliseName(row.name)
			const owner =
				name === normaliseName(ref.name)
					? undefined
					: byName.get(name)?.find((other) => other.id !== ref.id)
			if (owner) {
				problems.push({
					row: row.row,
					name: row.name,
					column: 'use_case_name',
					severity: 'ERROR',
					kind: 'NAME_OF_ANOTHER_CASE',
					message: `The row would rename ${ref.trackingId} “${ref.name}” to “${row.name}”, the name of ${owner.trackingId}. Were the rows sorted one column at a time? The row is not imported: correct its name or its Use Case ID.`,
				})
				return result({ orgUnit, importKey, existing: ref, matchedBy, outcome: 'SKIP' })
			}
			claimed.set(ref.id, row.row)
			if (matchedBy === 'CONFIRMED' && !ref.importKey) {
				problems.push({
					row: row.row,
					name: row.name,
					column: 'use_case_name',
					severity: 'ERROR',
					kind: 'REGISTERED_IN_TRACKER',
					message: `You confirmed this row is ${ref.trackingId}, which is registered in the tracker; the row is not imported and the tracker’s answers are kept.`,
				})
				return result({ orgUnit, importKey, existing: ref, matchedBy, outcome: 'SKIP' })
			}
		}
		// An id in this tracker's own series that no case has is most often a typo; imported, the new
		// case keeps it as its earlier id, and the tracker may hand the same id out one day.
		if (!existing && row.fileId && TRACKING_ID_PATTERN.test(row.fileId))
			problems.push({
				row: row.row,
				name: row.name,
				column: 'id',
				severity: 'WARNING',
				kind: 'UNKNOWN_TRACKING_ID',
				message: `${row.fileId} is written as a tracking id of this tracker, but no use case has it. Check it for a typo; as it stands, the row becomes a new use case that keeps ${row.fileId} as its earlier id.`,
			})
		return result({ orgUnit, importKey, existing, matchedBy })
	}

	/** One line per other HHS division whose rows the file holds. */
	function summaries(): Array<ImportProblem> {
		return [...divisions.entries()]
			.sort(([a, x], [b, y]) => y.rows - x.rows || a.localeCompare(b))
			.map(([division, summary]) => ({
				row: null,
				name: '',
				column: 'agency_bureau',
				severity: 'ERROR' as const,
				kind: 'OTHER_COMPONENT' as const,
				message: `HHS/${division}: ${summary.rows.toLocaleString('en-US')} ${summary.rows === 1 ? 'row' : 'rows'} (rows ${summary.firstRow}–${summary.lastRow}) are ${otherHhsDivisions[division]}’s, not CMS’s; they are not imported.`,
			}))
	}

	return { match, summaries }
}

/** The row's answers laid over the case's current document (an empty cell never erases an answer). */
export function mergeImported(
	base: UseCaseDocument | null,
	row: ParsedRow,
	context: {
		orgUnitCode: string
		keepDetermination: boolean
		keepIndependentReview?: boolean
		asOf?: Date
	},
): UseCaseDocument {
	const {
		practices: filePractices,
		determination,
		justification,
		asWritten: fileAsWritten,
		answered,
		...answers
	} = row.answers
	// The key is left out, not set to undefined, so that the case's own answer stays.
	const { independentReview: _fromFile, ...otherPractices } = filePractices
	const practices = unlessAsReported(
		context.keepIndependentReview ? otherPractices : filePractices,
		base,
		context.asOf ?? new Date(),
	)
	const previous: Partial<UseCaseDocument> = base ?? {}
	const ownTrackingId = row.fileId !== null && row.fileId === base?.trackingId
	const highImpact = { ...(base?.highImpact ?? {}) }
	if (!context.keepDetermination) {
		if (determination !== undefined) highImpact.determination = determination
		if (justification !== undefined) highImpact.justification = justification
	}
	// What the file now answers replaces what an earlier file left as written; the tracker's own answers stay.
	const ignored = new Set<string>([
		...(context.keepDetermination ? ['is_high_impact'] : []),
		...(context.keepIndependentReview ? ['hi_independent_review'] : []),
	])
	const asWritten: Partial<Record<KeptAsWrittenColumn, string>> = { ...(base?.asWritten ?? {}) }
	for (const column of answered) if (!ignored.has(column)) delete asWritten[column]
	for (const [column, text] of Object.entries(fileAsWritten) as Array<
		[KeptAsWrittenColumn, string]
	>)
		if (!ignored.has(column)) asWritten[column] = text
	// A new id from the file: the one the case had before is kept among its former ids.
	const previousOmbId = row.fileId && !ownTrackingId ? row.fileId : previous.previousOmbId
	const formerOmbIds = [...(previous.formerOmbIds ?? [])]
	if (
		previous.previousOmbId &&
		previousOmbId !== previous.previousOmbId &&
		!formerOmbIds.includes(previous.previousOmbId)
	)
		formerOmbIds.push(previous.previousOmbId)
	return UseCaseDocumentSchema.parse({
		...previous,
		...answers,
		name: row.name,
		orgUnit: context.orgUnitCode,
		previousOmbId,
		formerOmbIds: formerOmbIds.length ? formerOmbIds.slice(-20) : undefined,
		asWritten: Object.keys(asWritten).length ? asWritten : undefined,
		highImpact,
		practices: { ...(base?.practices ?? {}), ...practices },
	})
}

/**
 * The file's practice answers, less those that say what the tracker itself reports for the case: the
 * export reports a practice a current CAIO waiver covers as waived and one with recorded evidence as
 * done, while the case keeps its own answer. A file answering just that changes nothing.
 */
function unlessAsReported(
	practices: ImportedAnswers['practices'],
	base: UseCaseDocument | null,
	asOf: Date,
): ImportedAnswers['practices'] {
	if (!base) return practices
	const reported = reportedPractices(base, asOf)
	return Object.fromEntries(
		Object.entries(practices).filter(([key, value]) => {
			const field = key as keyof UseCaseDocument['practices']
			return !sameAnswer(value, reported[field]) || sameAnswer(value, base.practices[field])
		}),
	)
}

/** Alike as answers: a multiple choice is the same whatever order its choices were listed in. */
function sameAnswer(a: unknown, b: unknown) {
	const ordered = (value: unknown) =>
		Array.isArray(value) ? [...(value as Array<string>)].sort() : value
	return canonical(ordered(a)) === canonical(ordered(b))
}

/** JSON with object keys in order: PostgreSQL's jsonb stores keys in an order of its own. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
	if (value && typeof value === 'object') {
		return `{${Object.keys(value)
			.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
			.join(',')}}`
	}
	return JSON.stringify(value) ?? 'undefined'
}

function differingFields(before: UseCaseDocument, after: UseCaseDocument) {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<
		keyof UseCaseDocument
	>
	return [...keys].filter((key) => canonical(before[key]) !== canonical(after[key])).sort()
}

const fieldLabel = (path: FieldPath) => fieldRules[path].ombColumn ?? path

/**
 * What importing a matched row would do: create, update (with the fields that change) or leave
 * unchanged, over the case's full document. Also warns of the columns OMB requires for the row's
 * stage that the case will still lack.
 */
/** The free-text answers a spreadsheet round trip may damage (their OMB columns are the registry's). */
const damageableText = [
	'problemSolved',
	'benefits',
	'systemOutputs',
	'dataDescription',
	'atoSystemName',
] as const satisfies ReadonlyArray<keyof ImportedAnswers & FieldPath>

export function planRow(match: RowMatch, documents: ReadonlyMap<string, ExistingCase>): PlannedRow {
	const { row, orgUnit, importKey, matchedBy, candidate } = match
	const problems = [...match.problems]
	const base = {
		row: row.row,
		name: row.name,
		bureau: row.bureau,
		importKey,
		orgUnit,
		matchedBy,
		candidate,
		problems,
	}
	if (match.outcome || !orgUnit) {
		return {
			...base,
			outcome: match.outcome ?? 'SKIP',
			existing: match.existing
				? {
						id: match.existing.id,
						trackingId: match.existing.trackingId,
						version: match.existing.version,
					}
				: null,
			document: null,
			changed: [],
		}
	}
	const existing = match.existing ? (documents.get(match.existing.id) ?? null) : null
	if (match.existing && !existing)
		throw new Error(`The case ${match.existing.trackingId} was matched but not read.`)
	// A case already in the tracker has its determination recorded there, by the CAIO's office and
	// never by someone listed on the case: a file (imported by anyone) does not change it.
	const keepDetermination = existing !== null
	if (
		existing &&
		row.answers.determination &&
		row.answers.determination !== existing.document.highImpact.determination
	) {
		problems.push({
			row: row.row,
			name: row.name,
			column: 'is_high_impact',
			severity: 'WARNING',
			kind: 'TRACKER_ANSWER_KEPT',
			message: existing.determinedInTracker
				? 'The governance lead recorded this case’s high-impact determination in the tracker; the import keeps it and ignores the file’s answer.'
				: 'This case is in the tracker, where the CAIO’s office records its high-impact determination on the case page; the import ignores the file’s answer.',
		})
	}
	// The public inventory carries the public inquiries inbox in place of each contact (OMB allows it):
	// that file imported back must not replace the staff contacts with the inbox.
	const fileContact = row.answers.contactEmail
	const keepContact =
		existing !== null &&
		fileContact !== undefined &&
		fileContact.toLowerCase() === DEFAULT_PUBLIC_EMAIL &&
		existing.document.contactEmail !== undefined &&
		existing.document.contactEmail.toLowerCase() !== DEFAULT_PUBLIC_EMAIL
	if (keepContact)
		problems.push({
			row: row.row,
			name: row.name,
			column: 'contact_email',
			severity: 'WARNING',
			kind: 'TRACKER_ANSWER_KEPT',
			message: `${fileContact} is the public inquiries inbox the public inventory shows in place of contacts; the import keeps the case’s contact, ${existing.document.contactEmail}.`,
		})
	const keepIndependentReview = Boolean(existing?.independentReviewInTracker)
	if (
		keepIndependentReview &&
		existing &&
		row.answers.practices.independentReview &&
		row.answers.practices.independentReview !== existing.document.practices.independentReview
	) {
		problems.push({
			row: row.row,
			name: row.name,
			column: 'hi_independent_review',
			severity: 'WARNING',
			kind: 'TRACKER_ANSWER_KEPT',
			message:
				'The tracker answers hi_independent_review from who reviewed this case in its lanes; the import keeps that and ignores the file’s answer.',
		})
	}
	// The key is left out, not set to undefined, so that the case's own contact stays.
	const { contactEmail: _inbox, ...withoutContact } = row.answers
	const answers: ImportedAnswers = keepContact ? { ...withoutContact } : { ...row.answers }
	// A file Excel saved as Windows-1252 turned the characters it cannot hold into "?": that is
	// damage, not an edit, and the case keeps its text.
	let name = row.name
	const damaged: Array<OmbColumn> = []
	if (existing) {
		if (lostInExcelSave(existing.document.name, row.name)) {
			name = existing.document.name
			damaged.push('use_case_name')
		}
		for (const field of damageableText) {
			const stored = existing.document[field]
			const fromFile = answers[field]
			if (typeof stored === 'string' && fromFile && lostInExcelSave(stored, fromFile)) {
				delete answers[field]
				damaged.push(fieldRules[field].ombColumn as OmbColumn)
			}
		}
	}
	for (const column of damaged)
		problems.push({
			row: row.row,
			name: row.name,
			column,
			severity: 'WARNING',
			kind: 'TRACKER_ANSWER_KEPT',
			message:
				'The file holds “?” where the case has characters Excel cannot save in its “CSV (Comma delimited)” format (an emoji, a letter of another alphabet); the tracker keeps its answer. Save the file as “CSV UTF-8” to change it.',
		})
	const document = mergeImported(
		existing?.document ?? null,
		{ ...row, name, answers },
		{
			orgUnitCode: orgUnit.code,
			keepDetermination,
			keepIndependentReview,
		},
	)
	for (const path of missingOmbFields(document)) {
		const column = fieldLabel(path)
		// A column already reported, or kept as written, is not reported again.
		if (
			path === 'trackingId' ||
			problems.some((problem) => problem.column === column) ||
			(document.asWritten && column in document.asWritten)
		)
			continue
		problems.push({
			row: row.row,
			name: row.name,
			column,
			severity: 'WARNING',
			kind: 'REQUIRED_MISSING',
			message: `OMB requires ${column} for this stage, and the case will not have it.`,
		})
	}
	const changed = existing ? differingFields(existing.document, document) : []
	// Nobody edits a case while its reviewers decide on it; a file does not either.
	if (existing?.inReview && changed.length > 0) {
		problems.push({
			row: row.row,
			name: row.name,
			column: 'id',
			severity: 'ERROR',
			kind: 'IN_REVIEW',
			message: `${existing.trackingId} is in review, and its reviewers decide on the answers it has now; the file would change ${changedColumns(changed)}. Import the file again once the case is decided, or ask the governance lead to send it back for changes.`,
		})
		return {
			...base,
			outcome: 'SKIP',
			existing: { id: existing.id, trackingId: existing.trackingId, version: existing.version },
			document: null,
			changed: [],
		}
	}
	return {
		...base,
		outcome: existing ? (changed.length ? 'UPDATE' : 'UNCHANGED') : 'CREATE',
		existing: existing
			? { id: existing.id, trackingId: existing.trackingId, version: existing.version }
			: null,
		document,
		changed,
	}
}

/**
 * What importing each row would do, given the tracker's org units and cases (each known in full):
 * the whole plan at once, for tests and small files. The server matches first, reads in full only
 * the cases matched, and pauses between rows.
 */
export function planImport(
	file: ParsedFile,
	context: {
		orgUnits: ReadonlyArray<OrgUnitRef>
		existing: ReadonlyArray<ExistingCase>
		decisions?: MatchDecisions
	},
): Array<PlannedRow> {
	const matcher = createMatcher({
		orgUnits: context.orgUnits,
		cases: context.existing.map(caseRefOf),
		decisions: context.decisions,
	})
	const documents = new Map(context.existing.map((existing) => [existing.id, existing]))
	return file.rows.map((row) => planRow(matcher.match(row), documents))
}

export function countOutcomes(plan: ReadonlyArray<Pick<PlannedRow, 'outcome'>>) {
	const counts: Record<RowOutcome, number> = {
		CREATE: 0,
		UPDATE: 0,
		UNCHANGED: 0,
		SKIP: 0,
		CONFIRM: 0,
	}
	for (const row of plan) counts[row.outcome]++
	return counts
}
