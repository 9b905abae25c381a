// The use-case document as a row of OMB's 2025 individual AI use case inventory, a public version of
// that row, and the consolidated reporting of the 20 common commercial (COTS) tasks. Pure: the
// streamed exports, the validation page, the inventory cycles and the tests all call it.
// Column names, order and values follow OMB's data dictionary (reference/omb-2025-data-dictionary.md);
// the choices behind each decision are in docs/decisions/010-omb-export-import-and-cycles.md.
import { z } from 'zod'
import { reportedPractices } from '#app/modules/policies/checks/minimum-practices.ts'
import {
	asksMinimumPractices,
	fieldRules,
	type FieldPath,
	missingOmbFields,
	validateForInventory,
} from '#app/modules/use-cases/field-rules.ts'
import { isPartialDate, type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import {
	appealChoices,
	classificationChoices,
	contractingChoices,
	type CotsCommonTask,
	cotsCommonTasks,
	demographicFeatureChoices,
	failsafeChoices,
	highImpactChoices,
	independentReviewChoices,
	monitoringChoices,
	type OmbChoice,
	ombMultipleChoiceColumns,
	practiceProgressChoices,
	publicConsultationChoices,
	stageChoices,
	topicAreaChoices,
	trainingChoices,
	type UseCaseStatus,
	withholdingChoices,
} from '#app/modules/use-cases/vocabulary.ts'

/** OMB's 36 columns of the individually reported use case inventory, in OMB's order and spelling. */
export const ombColumns = [
	'agency',
	'agency_name',
	'id',
	'use_case_name',
	'agency_bureau',
	'contact_email',
	'is_withheld',
	'development_stage',
	'is_high_impact',
	'HI_justification',
	'topic_area',
	'classification',
	'problem_solved',
	'benefits',
	'system_outputs',
	'operational_date',
	'contracting_usage',
	'vendor_name',
	'have_ato',
	'system_name_ato',
	'data_description',
	'link_to_data',
	'has_pii',
	'pia_url',
	'demographic_features',
	'has_custom_code',
	'code_url',
	'hi_testing_conducted',
	'hi_assessment_completed',
	'hi_potential_impacts',
	'hi_independent_review',
	'hi_ongoing_monitoring',
	'hi_training_established',
	'hi_failsafe_presence',
	'hi_appeal_process',
	'hi_public_consultation',
] as const
export type OmbColumn = (typeof ombColumns)[number]

/** One inventory row as OMB's CSV holds it: every column a string ('' when unanswered). */
export type OmbRow = Record<OmbColumn, string>

/**
 * `selections`: the Excel template's valid selections ("b) Pilot – The use case has been deployed…"),
 * what agencies submit. `codes`: the shorthand codes of OMB's consolidated CSV ("Pilot").
 */
export const ombValueStyles = ['selections', 'codes'] as const
export type OmbValueStyle = (typeof ombValueStyles)[number]

export type OmbAgency = { agency: string; agencyName: string }

/** CMS reports inside HHS's inventory: OMB's `agency` is the department, CMS is the bureau. */
export const cmsAgency: OmbAgency = {
	agency: 'HHS',
	agencyName: 'Department of Health and Human Services',
}

/** The public inbox that replaces contact e-mails in the public file (OMB allows it). */
export const DEFAULT_PUBLIC_EMAIL = 'ai@cms.hhs.gov'

/** `asOf`: the day a CAIO waiver must cover a practice on to be reported as waived (today by default). */
export type OmbRowOptions = OmbAgency & { values?: OmbValueStyle; asOf?: Date }

export type OmbMultipleChoiceColumn = keyof typeof ombMultipleChoiceColumns
export const ombMultiSelectColumns = [
	'demographic_features',
	'hi_public_consultation',
] as const satisfies ReadonlyArray<OmbMultipleChoiceColumn>
const yesNoColumns = new Set<OmbColumn>(['have_ato', 'has_pii', 'has_custom_code'])
export const ombLinkColumns = [
	'link_to_data',
	'pia_url',
	'code_url',
] as const satisfies ReadonlyArray<OmbColumn>

function valueOf(choice: OmbChoice, style: OmbValueStyle) {
	return style === 'codes' ? choice.code : choice.selection
}

function single<Choices extends Record<string, OmbChoice>>(
	choices: Choices,
	key: keyof Choices | undefined,
	style: OmbValueStyle,
) {
	return key === undefined ? '' : valueOf(choices[key] as OmbChoice, style)
}

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'Yes' : 'No')

/** A Python string literal, as `repr()` writes it: OMB's CSV stores select-multiple answers as Python lists. */
function pythonString(text: string) {
	const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
	const escaped = text
		.replace(/\\/g, '\\\\')
		.replace(new RegExp(quote, 'g'), `\\${quote}`)
		.replace(/\n/g, '\\n')
	return `${quote}${escaped}${quote}`
}

/**
 * A select-multiple answer in the requested style: in OMB's consolidated CSV a stringified Python
 * list (`['b) Sex', 'c) Age']`, `[]` when empty, as the dictionary's list-formatting notice says);
 * in the template style the selections separated by "; ". Both in alphabetical order of the
 * lettered selections, as OMB standardised them.
 */
function multiple<Choices extends Record<string, OmbChoice>>(
	choices: Choices,
	keys: ReadonlyArray<keyof Choices>,
	style: OmbValueStyle,
) {
	const chosen = [...new Set(keys)]
		.map((key) => choices[key] as OmbChoice)
		.sort((a, b) => a.selection.localeCompare(b.selection))
	const values = chosen.map((choice) => valueOf(choice, style))
	return style === 'codes' ? `[${values.map(pythonString).join(', ')}]` : values.join('; ')
}

/** Parses a select-multiple cell written by `multiple` back into its values. */
export function splitMultiple(cell: string, style: OmbValueStyle): Array<string> {
	const text = cell.trim()
	if (text === '') return []
	if (style === 'codes' && text.startsWith('[') && text.endsWith(']')) {
		const items: Array<string> = []
		const pattern = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g
		for (const match of text.slice(1, -1).matchAll(pattern)) {
			items.push((match[1] ?? match[2] ?? '').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1'))
		}
		return items
	}
	return text
		.split(';')
		.map((item) => item.trim())
		.filter(Boolean)
}

/** Vendors are kept one per entry; OMB's column is free text, so they are joined with "; " (names contain commas). */
export const VENDOR_SEPARATOR = '; '

const isPilotOrDeployed = (document: UseCaseDocument) =>
	document.stage === 'PILOT' || document.stage === 'DEPLOYED'
/** The hi_* block: the minimum practices of a high-impact use case. */
const practiceColumns = ombColumns.filter((column) => column.startsWith('hi_'))

/**
 * Columns OMB's template shows only under a condition: the dictionary's "question should only appear
 * if …" (the justification, the vendors, the ATO's system name), and the hi_* block it asks only of
 * high-impact deployed use cases. The tracker asks some of these earlier or more widely (a vendor
 * during acquisition, the practices while a high-impact case is prepared); OMB's file leaves them
 * empty until OMB asks. A condition resting on an answer kept as written is not judged: the cell goes
 * out, for the governance lead to see.
 */
const ombAsksOnlyWhen: Partial<
	Record<
		OmbColumn,
		{ asks: (document: UseCaseDocument) => boolean; dependsOn: ReadonlyArray<OmbColumn> }
	>
> = {
	HI_justification: {
		asks: (document) => document.highImpact.determination === 'PRESUMED_NOT_HIGH_IMPACT',
		dependsOn: ['is_high_impact'],
	},
	vendor_name: {
		asks: (document) =>
			isPilotOrDeployed(document) &&
			(document.contractingUsage === 'PURCHASED' ||
				document.contractingUsage === 'CONTRACT_AND_IN_HOUSE'),
		dependsOn: ['development_stage', 'contracting_usage'],
	},
	system_name_ato: {
		asks: (document) => isPilotOrDeployed(document) && document.hasAto === true,
		dependsOn: ['development_stage', 'have_ato'],
	},
	...Object.fromEntries(
		practiceColumns.map((column) => [
			column,
			{ asks: asksMinimumPractices, dependsOn: ['development_stage', 'is_high_impact'] },
		]),
	),
}

/** Whether OMB's template asks this column of the case (most columns: always). */
export function ombAsks(column: OmbColumn, document: UseCaseDocument) {
	const rule = ombAsksOnlyWhen[column]
	if (!rule) return true
	if (
		rule.dependsOn.some((other) => document.asWritten?.[other as keyof typeof document.asWritten])
	)
		return true
	return rule.asks(document)
}

/**
 * The case as one row of OMB's 2025 individual use case inventory. An answer an imported file gave
 * in words the tracker could not read as one of its values (`asWritten`) goes out as it was written.
 */
export function toOmbRow(document: UseCaseDocument, options: OmbRowOptions): OmbRow {
	const style = options.values ?? 'selections'
	// The practices as they stand, waivers and recorded evidence included, as the checks read them.
	const practices = reportedPractices(document, options.asOf ?? new Date())
	const row: OmbRow = {
		agency: options.agency,
		agency_name: options.agencyName,
		// OMB asks for the same id every year: an id an earlier inventory gave the case wins.
		id: document.previousOmbId ?? document.trackingId ?? '',
		use_case_name: document.name,
		agency_bureau: document.orgUnit ?? '',
		contact_email: document.contactEmail ?? '',
		is_withheld: single(withholdingChoices, document.isWithheld, style),
		development_stage: single(stageChoices, document.stage, style),
		is_high_impact: single(highImpactChoices, document.highImpact.determination, style),
		HI_justification: document.highImpact.justification ?? '',
		topic_area: single(topicAreaChoices, document.topicArea, style),
		classification: single(classificationChoices, document.classification, style),
		problem_solved: document.problemSolved ?? '',
		benefits: document.benefits ?? '',
		system_outputs: document.systemOutputs ?? '',
		operational_date: document.operationalDate ?? '',
		contracting_usage: single(contractingChoices, document.contractingUsage, style),
		vendor_name: document.vendorNames.join(VENDOR_SEPARATOR),
		have_ato: yesNo(document.hasAto),
		system_name_ato: document.atoSystemName ?? '',
		data_description: document.dataDescription ?? '',
		link_to_data: document.linkToData ?? '',
		has_pii: yesNo(document.hasPii),
		pia_url: document.piaUrl ?? '',
		demographic_features: multiple(demographicFeatureChoices, document.demographicFeatures, style),
		has_custom_code: yesNo(document.hasCustomCode),
		code_url: document.codeUrl ?? '',
		hi_testing_conducted: single(practiceProgressChoices, practices.testing, style),
		hi_assessment_completed: single(practiceProgressChoices, practices.impactAssessment, style),
		hi_potential_impacts: practices.potentialImpacts ?? '',
		hi_independent_review: single(independentReviewChoices, practices.independentReview, style),
		hi_ongoing_monitoring: single(monitoringChoices, practices.monitoring, style),
		hi_training_established: single(trainingChoices, practices.training, style),
		hi_failsafe_presence: single(failsafeChoices, practices.failsafe, style),
		hi_appeal_process: single(appealChoices, practices.appeal, style),
		hi_public_consultation: multiple(
			publicConsultationChoices,
			practices.publicConsultation,
			style,
		),
	}
	for (const [column, text] of Object.entries(document.asWritten ?? {}))
		if (text) row[column as OmbColumn] = text
	// A column OMB does not ask of the case goes out as an unanswered one does.
	for (const column of Object.keys(ombAsksOnlyWhen) as Array<OmbColumn>)
		if (!ombAsks(column, document))
			row[column] =
				column === 'hi_public_consultation' ? multiple(publicConsultationChoices, [], style) : ''
	return row
}

/** The same row for a JSON file: select-multiple answers as arrays rather than one joined string. */
export function toOmbJsonRecord(
	row: OmbRow,
	style: OmbValueStyle,
): Record<string, string | Array<string>> {
	const record: Record<string, string | Array<string>> = { ...row }
	for (const column of ombMultiSelectColumns) {
		if (column in row) record[column] = splitMultiple(row[column], style)
	}
	return record
}

/** Rewrites a stored row (e.g. a cycle's snapshot, kept as selections) in the other value style. */
export function convertOmbRow(row: OmbRow, from: OmbValueStyle, to: OmbValueStyle): OmbRow {
	if (from === to) return { ...row }
	const converted = { ...row }
	for (const [column, choices] of Object.entries(ombMultipleChoiceColumns) as Array<
		[OmbMultipleChoiceColumn, Record<string, OmbChoice>]
	>) {
		const cell = row[column]
		if (yesNoColumns.has(column)) continue
		const byValue = new Map(Object.values(choices).map((choice) => [valueOf(choice, from), choice]))
		if ((ombMultiSelectColumns as ReadonlyArray<string>).includes(column)) {
			const items = splitMultiple(cell, from).map((item) => byValue.get(item))
			if (items.every(Boolean)) {
				const chosen = (items as Array<OmbChoice>)
					.sort((a, b) => a.selection.localeCompare(b.selection))
					.map((choice) => valueOf(choice, to))
				converted[column] =
					to === 'codes' ? `[${chosen.map(pythonString).join(', ')}]` : chosen.join('; ')
			}
			continue
		}
		const choice = byValue.get(cell)
		// A value the vocabulary does not know is kept as it is, so validation can report it.
		if (choice) converted[column] = valueOf(choice, to)
	}
	return converted
}

// ── Validation ──

export type OmbProblemKind = 'NOT_ALLOWED' | 'MISSING' | 'INVALID' | 'CONTRADICTION'

export type OmbProblem = {
	/** The OMB column concerned; null for a tracker answer outside OMB's template. */
	column: OmbColumn | null
	/** The use-case document field, for a link to the form. */
	field: string | null
	kind: OmbProblemKind
	message: string
}

const fieldColumns: Partial<Record<string, OmbColumn>> = Object.fromEntries(
	(Object.entries(fieldRules) as Array<[FieldPath, { ombColumn?: string }]>)
		.filter(([, rule]) => rule.ombColumn !== undefined)
		.map(([path, rule]) => [path, rule.ombColumn as OmbColumn]),
)

const emailSchema = z.email()
const linkSchema = z.url({ protocol: /^https?$/ })

function allowedValues(column: OmbMultipleChoiceColumn, style: OmbValueStyle) {
	return new Set(
		Object.values(ombMultipleChoiceColumns[column] as Record<string, OmbChoice>).map((choice) =>
			valueOf(choice, style),
		),
	)
}

/**
 * Every reason OMB would refuse or question this row: a value that is not one of OMB's choices in
 * the requested style, a malformed date, e-mail or link, a column OMB requires for the case's stage
 * left empty (field-rules' `missingOmbFields`), and answers that contradict each other
 * (`validateForInventory`). It reports; it never changes the row.
 */
export function validateOmbRow(
	row: OmbRow,
	document: UseCaseDocument,
	options: { values?: OmbValueStyle; status?: UseCaseStatus } = {},
): Array<OmbProblem> {
	const style = options.values ?? 'selections'
	const problems: Array<OmbProblem> = []
	const written = document.asWritten ?? {}
	const asWritten = (column: OmbColumn) => column in written
	const note = (column: OmbColumn) =>
		asWritten(column) ? ' It is kept as an imported file wrote it.' : ''

	for (const column of Object.keys(ombMultipleChoiceColumns) as Array<OmbMultipleChoiceColumn>) {
		const cell = row[column]
		if (cell === undefined || cell.trim() === '') continue
		const allowed = allowedValues(column, style)
		const values = (ombMultiSelectColumns as ReadonlyArray<string>).includes(column)
			? splitMultiple(cell, style)
			: [cell]
		for (const value of values) {
			if (!allowed.has(value)) {
				problems.push({
					column,
					field: null,
					kind: 'NOT_ALLOWED',
					message: `“${value}” is not one of OMB’s ${style === 'codes' ? 'shorthand codes' : 'valid selections'} for ${column}.${note(column)}`,
				})
			}
		}
	}
	if (row.operational_date && !isPartialDate(row.operational_date)) {
		problems.push({
			column: 'operational_date',
			field: 'operationalDate',
			kind: 'INVALID',
			message: `“${row.operational_date}” is not a date (YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known).${note('operational_date')}`,
		})
	}
	// OMB's dictionary types the contact and the link columns as free text: what an imported file wrote there is its answer.
	if (
		row.contact_email &&
		!asWritten('contact_email') &&
		!emailSchema.safeParse(row.contact_email).success
	) {
		problems.push({
			column: 'contact_email',
			field: 'contactEmail',
			kind: 'INVALID',
			message: `“${row.contact_email}” is not an e-mail address.`,
		})
	}
	for (const column of ombLinkColumns) {
		if (row[column] && !asWritten(column) && !linkSchema.safeParse(row[column]).success) {
			problems.push({
				column,
				field: null,
				kind: 'INVALID',
				message: `“${row[column]}” is not a web address (https://…).`,
			})
		}
	}

	const missing = new Set<string>(missingOmbFields(document))
	for (const path of missing) {
		problems.push({
			column: fieldColumns[path] ?? null,
			field: path,
			kind: 'MISSING',
			message: fieldRules[path as FieldPath].message,
		})
	}
	for (const [path, messages] of Object.entries(validateForInventory(document).fieldErrors)) {
		if (missing.has(path)) continue
		for (const message of messages)
			problems.push({
				column: fieldColumns[path] ?? null,
				field: path,
				kind: 'CONTRADICTION',
				message,
			})
	}
	if (
		options.status === 'RETIRED' &&
		document.stage !== undefined &&
		document.stage !== 'RETIRED'
	) {
		problems.push({
			column: 'development_stage',
			field: 'stage',
			kind: 'CONTRADICTION',
			message: `The use case is retired, but its stage says ${stageChoices[document.stage].code}: set the stage to Retired.`,
		})
	}
	return problems
}

// ── The public version ──

/**
 * Columns blanked in the public file even for a case that is not withheld. The contact e-mail is
 * replaced by the public inbox instead, and the Use Case ID column may be dropped; see ADR 010 for
 * why the ATO system name is the one detail held back.
 */
export const publicBlankedColumns = ['system_name_ato'] as const satisfies ReadonlyArray<OmbColumn>

export type PublicRowOptions = OmbRowOptions & {
	/** Replaces every contact e-mail; defaults to ai@cms.hhs.gov. */
	publicEmail?: string
	/** OMB lets agencies drop the Use Case ID column from the public inventory. */
	includeIds?: boolean
}

/** The public file's columns: OMB's, without `id` when IDs are left out. */
export function publicColumns(includeIds = true): Array<OmbColumn> {
	return includeIds ? [...ombColumns] : ombColumns.filter((column) => column !== 'id')
}

/** Only a case whose answer to is_withheld is "No" is published; an unanswered one is held back. */
export function isPublishable(document: Pick<UseCaseDocument, 'isWithheld'>) {
	return document.isWithheld === 'NO'
}

/** One case's public row, or null when it is withheld (or its withholding is not yet answered). */
export function toPublicRow(
	document: UseCaseDocument,
	options: PublicRowOptions,
): Partial<OmbRow> | null {
	if (!isPublishable(document)) return null
	return publicVersionOfRow(toOmbRow(document, options), options)
}

/**
 * The public version of an OMB row in the `values` style (a case's, or one frozen in a reporting
 * year's snapshot), or null unless its is_withheld answer is "No". The public site reads only this.
 */
export function publicVersionOfRow(
	omb: OmbRow,
	options: Pick<PublicRowOptions, 'values' | 'publicEmail' | 'includeIds'>,
): Partial<OmbRow> | null {
	if (omb.is_withheld !== valueOf(withholdingChoices.NO, options.values ?? 'selections'))
		return null
	const row: Partial<OmbRow> = { ...omb }
	row.contact_email = options.publicEmail ?? DEFAULT_PUBLIC_EMAIL
	for (const column of publicBlankedColumns) row[column] = ''
	if (options.includeIds === false) delete row.id
	return row
}

/** The public inventory: withheld cases removed, protected details blanked, the public inbox as contact. */
export function toPublicRows(documents: Iterable<UseCaseDocument>, options: PublicRowOptions) {
	const rows: Array<Partial<OmbRow>> = []
	for (const document of documents) {
		const row = toPublicRow(document, options)
		if (row) rows.push(row)
	}
	return { columns: publicColumns(options.includeIds ?? true), rows }
}

// ── Consolidated COTS reporting ──

/** OMB's consolidated COTS file's columns, in its order and spelling. */
export const cotsColumns = [
	'Agency',
	'AI Use Case',
	'Agency Use (Y/N)?',
	'Name of Commercial Product or Service Used',
	'Estimated # of Licenses/Users',
] as const
export type CotsColumn = (typeof cotsColumns)[number]
export type CotsRow = Record<CotsColumn, string>

/** The 20 tasks exactly as OMB's 2025 consolidated COTS file names them, keyed by the guidance's letter. */
export const ombCotsTaskTexts: Record<CotsCommonTask, string> = {
	A: 'Scheduling internal-to-government meetings or appointments or setting reminders using AI.',
	B: 'Logging and analyzing time spent on tasks using AI-powered time management tools.',
	C: 'Transcribing, summarizing, or other efforts that improve the accessibility of a virtual meeting or interview using AI.',
	D: 'Prioritizing and categorizing incoming emails using AI.',
	E: 'Editing images, videos, or other public affairs materials using AI.',
	F: 'Scheduling and managing social media posts using AI.',
	G: 'Generating first drafts of documents, briefing, or communication materials using AI.',
	H: 'Improving the quality of written communications using AI tools.',
	I: 'Summarizing the key points of a lengthy report using AI.',
	J: 'Creating visual representations of data sets for reports or presentations using AI.',
	K: 'Using AI-assisted tools in word processors.',
	L: 'Generating code using AI.',
	M: 'Searching for agency information using a knowledge retrieval system.',
	N: 'Identifying and cataloging items in a storage room using AI-driven image recognition.',
	O: 'Managing or implementing security controls for information systems (e.g., cybersecurity) using AI',
	P: 'Managing and prioritizing internal service or help desk tickets using AI.',
	Q: 'Curating news articles and updates based on user preferences using AI.',
	R: 'Planning travel routes using AI-driven map applications.',
	S: 'Finding and booking travel accommodations using AI-powered platforms.',
	T: 'Unlocking smartphones or other devices without the need for passwords or PINs using AI-based facial recognition technology.',
}

/** OMB's licence and user bands, smallest first. */
export const ombLicenceBands = [
	'1-100',
	'101-1000',
	'1001-5000',
	'5001-10,000',
	'10,000-50,000',
	'50,000+',
] as const
export type OmbLicenceBand = (typeof ombLicenceBands)[number]
const bandRanges: ReadonlyArray<[number, number]> = [
	[1, 100],
	[101, 1000],
	[1001, 5000],
	[5001, 10_000],
	[10_000, 50_000],
	[50_000, Number.POSITIVE_INFINITY],
]

function bandOf(count: number): OmbLicenceBand | null {
	const index = bandRanges.findIndex(([low, high]) => count >= low && count <= high)
	return index < 0 ? null : (ombLicenceBands[index] as OmbLicenceBand)
}

/**
 * OMB's band for an "estimated users" answer: a band as OMB writes it, a number, or a range such as
 * "1,000–5,000" (placed by its middle). Null when the text names no number OMB's bands can hold.
 */
export function ombLicenceBand(text: string | undefined): OmbLicenceBand | null {
	if (!text) return null
	const plain = text
		.normalize('NFKC')
		.replace(/[\u2013\u2014]/g, '-')
		.replace(/\s+/g, '')
		.replace(/,/g, '')
		.toLowerCase()
	const exact = ombLicenceBands.find((band) => band.replace(/,/g, '') === plain)
	if (exact) return exact
	const plus = /^(\d+)\+$/.exec(plain)
	if (plus) return bandOf(Number(plus[1]))
	const range = /^(\d+)-(\d+)$/.exec(plain)
	if (range) {
		const [low, high] = [Number(range[1]), Number(range[2])]
		return low <= high ? bandOf((low + high) / 2) : null
	}
	if (/^\d+$/.test(plain)) return bandOf(Number(plain))
	return null
}

/**
 * Why a case naming one of the 20 common tasks must still be reported on its own, or null when it
 * may be consolidated. M-25-21's guidance never consolidates a high-impact case, nor one presumed
 * high-impact whose determination has not been made.
 */
export function consolidationBlocker(
	document: UseCaseDocument,
	presumedHighImpact: boolean,
): string | null {
	if (!document.cotsTask) return 'It names none of the 20 common commercial tasks.'
	if (document.contractingUsage !== 'PURCHASED')
		return 'Only a commercial product purchased from a vendor is reported in consolidated form.'
	const determination = document.highImpact.determination
	if (determination === 'HIGH_IMPACT')
		return 'A high-impact use case is always reported individually.'
	if (determination === undefined && presumedHighImpact) {
		return 'It is presumed high-impact and no determination is recorded, so it is reported individually.'
	}
	return null
}

export function isConsolidatedCots(document: UseCaseDocument, presumedHighImpact: boolean) {
	return consolidationBlocker(document, presumedHighImpact) === null
}

export type CotsCase = { document: UseCaseDocument; presumedHighImpact: boolean }

/**
 * OMB's consolidated COTS file for one agency: one row per common task, Y with the products and
 * the largest user band when at least one qualifying case names the task, N otherwise.
 */
export function toCotsRows(
	cases: Iterable<CotsCase>,
	options: Pick<OmbAgency, 'agencyName'>,
): Array<CotsRow> {
	const byTask = new Map<
		CotsCommonTask,
		{ products: Array<string>; band: number; rawUsers: Array<string> }
	>()
	for (const { document, presumedHighImpact } of cases) {
		if (!isConsolidatedCots(document, presumedHighImpact)) continue
		const task = document.cotsTask as CotsCommonTask
		const entry = byTask.get(task) ?? { products: [], band: -1, rawUsers: [] }
		for (const product of document.vendorNames)
			if (!entry.products.includes(product)) entry.products.push(product)
		const band = ombLicenceBand(document.estimatedUsers)
		if (band) entry.band = Math.max(entry.band, ombLicenceBands.indexOf(band))
		else if (document.estimatedUsers) entry.rawUsers.push(document.estimatedUsers)
		byTask.set(task, entry)
	}
	return cotsCommonTasks.map((task) => {
		const entry = byTask.get(task)
		return {
			Agency: options.agencyName,
			'AI Use Case': ombCotsTaskTexts[task],
			'Agency Use (Y/N)?': entry ? 'Y' : 'N',
			'Name of Commercial Product or Service Used': entry ? entry.products.join(', ') : '',
			// An answer outside OMB's bands is passed through as written; the export page reports it.
			'Estimated # of Licenses/Users': entry
				? entry.band >= 0
					? (ombLicenceBands[entry.band] as string)
					: (entry.rawUsers[0] ?? '')
				: '',
		}
	})
}

/** Problems with a consolidated case's own answers, for the export page. */
export function cotsProblems(document: UseCaseDocument): Array<string> {
	const problems: Array<string> = []
	if (document.vendorNames.length === 0)
		problems.push('Name the commercial product or service used.')
	if (!document.estimatedUsers) problems.push('Estimate the number of licences or users.')
	else if (!ombLicenceBand(document.estimatedUsers)) {
		problems.push(
			`“${document.estimatedUsers}” fits none of OMB’s bands (${ombLicenceBands.join(', ')}).`,
		)
	}
	return problems
}
