// The kinds of question the intake asks, and everything that follows from a registry of them: the
// use-case document's shape, the form's schema, the form's starting values, the document a posted
// form makes, and the words an answer is shown in. field-rules.ts holds the registry itself; a
// question is one entry there, whatever its kind.
import { z } from 'zod'
import { multiLineText, singleLineText, webAddress } from '#app/utils/input-schemas.ts'
import { formatPartialDate } from '#app/utils/dates.ts'
import type { UseCaseDocument } from './use-case-document.ts'
import { choiceLabel, type OmbChoice } from './vocabulary.ts'
import { isPartialDate, readPartialDate } from './partial-date.ts'

/** When a question applies, or must be answered, with the words the documentation shows for it. */
export type Condition = ((doc: UseCaseDocument) => boolean) & { describe: string }

/** A condition with its description. Declare each as `const name: Condition = when(…)`. */
export function when(describe: string, test: (doc: UseCaseDocument) => boolean): Condition {
	return Object.assign((doc: UseCaseDocument) => test(doc), { describe })
}

/**
 * Who gives the answer. Submission only waits for the submitter's answers: the tracking id is
 * allocated by the tracker, and the high-impact determination is the governance lead's to record
 * during review. The inventory needs all of them.
 */
export type AnsweredBy = 'SUBMITTER' | 'GOVERNANCE_LEAD' | 'TRACKER'

/**
 * Where a saved answer lives: a column of the UseCase table (filtered, sorted or counted), the
 * `answers` JSON column (a new question there needs no migration), or a record of its own.
 */
export type Storage = { column: string } | 'answers' | 'record'

/** The answers a choice question offers: OMB's selections and codes, or the tracker's own labels. */
export type Choices = Readonly<Record<string, OmbChoice | string>>

export type Control = 'input' | 'textarea' | 'select' | 'radio' | 'checkboxes' | 'none'

type KindSpec = {
	kind:
		| 'text'
		| 'longText'
		| 'email'
		| 'url'
		| 'date'
		| 'yesNo'
		| 'oneOf'
		| 'manyOf'
		| 'list'
		| 'orgUnit'
		| 'trackingId'
	control: Control
	/** The answer's type as docs/use-case-json.md describes it. */
	type: string
	inputType?: 'text' | 'email' | 'url' | 'date'
	choices?: Choices
	/** The answer in the use-case document (docs/use-case-json.md). */
	schema: z.ZodType
	/** The answer as the browser posts it. */
	formSchema: z.ZodType
}

export type QuestionDetails = {
	/** The question as the form asks it. */
	label: string
	/** A short name for lists, summaries, the history and the activity page ("Involves PII"). */
	name: string
	/** Help under the question, from OMB's dictionary and the policy it serves. */
	hint?: string
	answeredBy: AnsweredBy
	/** The section of the intake form that asks it (the submitter's questions only). */
	section?: string
	storage: Storage
	/** The column of OMB's 2025 inventory it fills; absent for the tracker's own questions. */
	ombColumn?: string
	/** Whether the question is shown at all for these answers. */
	appliesWhen: Condition
	/** Whether it must be answered (only ever asked when it applies). */
	requiredWhen: Condition
	/** What to tell the person when a required answer is missing. */
	message: string
}

export type Question = KindSpec & QuestionDetails
export type QuestionRegistry = Readonly<Record<string, Question>>

/** One registry entry: a kind (what is asked and how it is stored) and the details of the question. */
export function ask<const K extends KindSpec, const D extends QuestionDetails>(
	kind: K,
	details: D,
): K & D {
	return { ...kind, ...details }
}

// A NUL can never be stored (PostgreSQL refuses it in text and JSON), so a document holding one is
// refused; other control characters are left to the forms, so that answers stored before stay readable.
export const NO_NUL = /^[^\u0000]*$/
export const NUL_MESSAGE = 'Remove the NUL characters from this text.'

export const partialDate = z.string().trim().refine(isPartialDate, {
	error: 'Use a date such as 2026-04-03, a month such as 2026-04, or a year.',
})
/** The form takes a date as people write it (7/14/2025, July 2025) and keeps it in ISO 8601's forms. */
const typedPartialDate = z
	.string()
	.trim()
	.transform((text) => readPartialDate(text) ?? text)
	.pipe(
		z.string().refine(isPartialDate, {
			// Said with what was typed: "13/45/2025" looks like a date, and the person must see which part is not.
			error: (issue) =>
				`Use a date such as 7/14/2025 or 2025-07-14, a month such as July 2025, or a year${typeof issue.input === 'string' && issue.input ? ` (“${issue.input.slice(0, 40)}” is not one)` : ''}.`,
		}),
	)

/** Names run long in agencies' files (a programme, its acronym and a description); 500 holds OMB's longest. */
export const MAX_NAME_LENGTH = 500

const documentText = (max: number) =>
	z
		.string()
		.trim()
		.regex(NO_NUL, NUL_MESSAGE)
		.min(1, 'Enter an answer or leave it out.')
		.max(max, `At most ${max} characters.`)
const atMost = (max: number) => `At most ${max.toLocaleString('en-US')} characters.`
const formLine = (max: number) => singleLineText().max(max, atMost(max)).optional()
const formText = (max: number) => multiLineText().max(max, atMost(max)).optional()
const webLink = z
	.url({ protocol: /^https?$/, error: 'Enter a web address that starts with https:// or http://.' })
	.regex(NO_NUL, NUL_MESSAGE)
	.max(500, 'Links are at most 500 characters.')
const email = z.email('Enter an e-mail address such as name@cms.hhs.gov.').max(254)

type KeyList<C extends Choices> = [Extract<keyof C, string>, ...Array<Extract<keyof C, string>>]
const keysOf = <C extends Choices>(choices: C) => Object.keys(choices) as KeyList<C>

/** The kinds of question, each with its document and form schemas. */
export const kinds = {
	/** One line of text, at most `max` characters; `pattern` checks its form (a SORN number). */
	text: (max = 200, pattern?: { regex: RegExp; message: string }) =>
		({
			kind: 'text',
			control: 'input',
			type: pattern ? 'string' : `text ≤ ${max.toLocaleString('en-US')}`,
			inputType: 'text',
			schema: (pattern
				? documentText(max).regex(pattern.regex, pattern.message)
				: documentText(max)
			).optional(),
			formSchema: pattern
				? singleLineText().regex(pattern.regex, pattern.message).max(max).optional()
				: formLine(max),
		}) as const,
	/** The use case's name: the one answer every draft has. */
	name: () =>
		({
			kind: 'text',
			control: 'input',
			type: `text, 1–${MAX_NAME_LENGTH}, **required**`,
			inputType: 'text',
			schema: documentText(MAX_NAME_LENGTH),
			formSchema: singleLineText({ error: 'Give the use case a name.' })
				.min(3, 'Names are at least 3 characters.')
				.max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters.`),
		}) as const,
	/** Several paragraphs. */
	longText: (max = 10_000) =>
		({
			kind: 'longText',
			control: 'textarea',
			type: `text ≤ ${max.toLocaleString('en-US')}`,
			schema: documentText(max).optional(),
			formSchema: formText(max),
		}) as const,
	email: () =>
		({
			kind: 'email',
			control: 'input',
			type: 'e-mail',
			inputType: 'email',
			schema: email.optional(),
			formSchema: email.optional(),
		}) as const,
	url: () =>
		({
			kind: 'url',
			control: 'input',
			type: 'link',
			inputType: 'url',
			schema: webLink.optional(),
			formSchema: webAddress().optional(),
		}) as const,
	/** A date as precise as it is known (a day, a month or a year), typed as text. */
	date: () =>
		({
			kind: 'date',
			control: 'input',
			type: 'date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
			inputType: 'text',
			schema: partialDate.optional(),
			formSchema: typedPartialDate.optional(),
		}) as const,
	/** OMB's Yes/No questions and the tracker's own: a boolean in the document, two radio buttons on the form. */
	yesNo: () =>
		({
			kind: 'yesNo',
			control: 'radio',
			type: 'boolean',
			choices: { YES: 'Yes', NO: 'No' },
			schema: z.boolean().optional(),
			formSchema: z.enum(['YES', 'NO'], { error: 'Choose Yes or No.' }).optional(),
		}) as const,
	/** One answer from a list, stored as its key. */
	oneOf: <const C extends Choices>(choices: C, control: 'select' | 'radio' = 'select') =>
		({
			kind: 'oneOf',
			control,
			type: 'key',
			choices,
			schema: z.enum(keysOf(choices)).optional(),
			formSchema: z.enum(keysOf(choices), { error: 'Choose from the list.' }).optional(),
		}) as const,
	/** Any number of answers from a list. */
	manyOf: <const C extends Choices>(choices: C) =>
		({
			kind: 'manyOf',
			control: 'checkboxes',
			type: 'keys',
			choices,
			schema: z
				.array(z.enum(keysOf(choices)))
				.max(Object.keys(choices).length)
				.default([]),
			formSchema: z
				.array(z.enum(keysOf(choices), { error: 'Choose from the list.' }))
				.max(Object.keys(choices).length)
				.default([]),
		}) as const,
	/** Several short texts (vendors), typed on one line separated by semicolons. */
	list: (max = 20) =>
		({
			kind: 'list',
			control: 'input',
			type: `≤ ${max} texts of ≤ 200`,
			inputType: 'text',
			schema: z.array(documentText(200)).max(max).default([]),
			formSchema: formText(1000),
		}) as const,
	/** The responsible org unit, by its slash path ("HHS/CMS/OIT"); the form offers the units in the database. */
	orgUnit: () =>
		({
			kind: 'orgUnit',
			control: 'select',
			type: 'text ≤ 100',
			schema: documentText(100).optional(),
			formSchema: singleLineText({ error: 'Choose the org unit responsible for it.' })
				.min(1, 'Choose the org unit responsible for it.')
				.max(100),
		}) as const,
	trackingId: (pattern: RegExp) =>
		({
			kind: 'trackingId',
			control: 'none',
			type: 'string `CMS-YYYY-NNNN`',
			schema: z.string().regex(pattern, 'Tracking ids look like CMS-2026-0001.').optional(),
			formSchema: z.never().optional(),
		}) as const,
}

// ── Paths: `stage` is a top-level answer, `safeguards.sornNumber` one inside a group. ──

type SchemaOf<E, Which extends 'schema' | 'formSchema'> = E extends { [K in Which]: infer S }
	? S
	: never
type OnTheForm<E> = E extends { answeredBy: 'SUBMITTER' } ? true : false

/** Top-level questions' schemas, keyed by their path. */
export type TopLevelShape<
	R,
	Which extends 'schema' | 'formSchema',
	FormOnly extends boolean = false,
> = {
	[
		P in keyof R as P extends `${string}.${string}`
			? never
			: FormOnly extends true
				? OnTheForm<R[P]> extends true
					? P
					: never
				: P
	]: SchemaOf<R[P], Which>
}

/** One group's questions' schemas, keyed by the part of their path after the group. */
export type GroupShape<
	R,
	G extends string,
	Which extends 'schema' | 'formSchema',
	FormOnly extends boolean = false,
> = {
	[
		P in keyof R as P extends `${G}.${infer K}`
			? FormOnly extends true
				? OnTheForm<R[P]> extends true
					? K
					: never
				: K
			: never
	]: SchemaOf<R[P], Which>
}

const isGrouped = (path: string) => path.includes('.')

/** The document schemas of the registry's top-level questions. */
export function topLevelShape<R extends QuestionRegistry>(registry: R): TopLevelShape<R, 'schema'> {
	return Object.fromEntries(
		Object.entries(registry)
			.filter(([path]) => !isGrouped(path))
			.map(([path, q]) => [path, q.schema]),
	) as TopLevelShape<R, 'schema'>
}

/** The document schemas of one group's questions (`safeguards`, `practices`…). */
export function groupShape<R extends QuestionRegistry, G extends string>(
	registry: R,
	group: G,
): GroupShape<R, G, 'schema'> {
	return Object.fromEntries(
		Object.entries(registry)
			.filter(([path]) => path.startsWith(`${group}.`))
			.map(([path, q]) => [path.slice(group.length + 1), q.schema]),
	) as GroupShape<R, G, 'schema'>
}

/** Paths of the questions the submitter answers on the form, in registry order. */
export function formPaths(registry: QuestionRegistry): Array<string> {
	return Object.entries(registry)
		.filter(([, q]) => q.answeredBy === 'SUBMITTER')
		.map(([path]) => path)
}

/** The form fields of the submitter's questions: top-level ones by name, grouped ones inside their group. */
export function formShape<R extends QuestionRegistry>(registry: R) {
	const shape: Record<string, z.ZodType> = {}
	const groups: Record<string, Record<string, z.ZodType>> = {}
	for (const path of formPaths(registry)) {
		const question = registry[path]!
		if (!isGrouped(path)) shape[path] = question.formSchema
		else {
			const [group, key] = path.split('.') as [string, string]
			;(groups[group] ??= {})[key] = question.formSchema
		}
	}
	for (const [group, fields] of Object.entries(groups)) shape[group] = z.object(fields).prefault({})
	return shape as TopLevelShape<R, 'formSchema', true> & {
		[G in GroupNames<R>]: z.ZodPrefault<z.ZodObject<GroupShape<R, G, 'formSchema', true>>>
	}
}

type GroupNames<R> = keyof R extends infer P
	? P extends `${infer G}.${string}`
		? G
		: never
	: never

// ── Values: reading and writing answers by path ──

type Nested = Record<string, unknown>

// The registry's paths are split once, not once per case and question: an export of 100,000 cases
// reads about a hundred answers of each. Other paths are split as they come, without being kept.
const splitPaths = new Map<string, ReadonlyArray<string>>()
const MAX_SPLIT_PATHS = 1_000
function keysOfPath(path: string): ReadonlyArray<string> {
	let keys = splitPaths.get(path)
	if (!keys) {
		keys = path.split('.')
		if (splitPaths.size < MAX_SPLIT_PATHS) splitPaths.set(path, keys)
	}
	return keys
}

export function valueAt(source: unknown, path: string): unknown {
	let value: unknown = source
	for (const key of keysOfPath(path)) {
		if (value === null || typeof value !== 'object') return undefined
		value = (value as Nested)[key]
	}
	return value
}

export function setValueAt(target: Nested, path: string, value: unknown) {
	const keys = keysOfPath(path)
	let parent = target
	for (let index = 0; index < keys.length - 1; index++) {
		const key = keys[index]!
		if (parent[key] === null || typeof parent[key] !== 'object') parent[key] = {}
		parent = parent[key] as Nested
	}
	const last = keys.at(-1)!
	if (value === undefined) delete parent[last]
	else parent[last] = value
}

/** A document answer as the form shows it. */
export function toFormValue(question: Pick<Question, 'kind'>, value: unknown): unknown {
	if (value === undefined || value === null) return undefined
	if (question.kind === 'yesNo') return value === true ? 'YES' : value === false ? 'NO' : undefined
	if (question.kind === 'list') return Array.isArray(value) ? value.join('; ') : undefined
	return value
}

/** A posted form answer as the document holds it. */
export function fromFormValue(question: Pick<Question, 'kind'>, value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined
	if (question.kind === 'yesNo') return value === 'YES' ? true : value === 'NO' ? false : undefined
	if (question.kind === 'list') {
		return String(value)
			.split(/[;\n]/)
			.map((entry) => entry.trim())
			.filter(Boolean)
	}
	return value
}

/** The form's starting values for a document: every submitter's question, as the form shows it. */
export function formDefaults(registry: QuestionRegistry, doc: unknown): Nested {
	const values: Nested = {}
	for (const path of formPaths(registry))
		setValueAt(values, path, toFormValue(registry[path]!, valueAt(doc, path)))
	return values
}

/** The submitter's answers from a posted form, laid out as the document holds them. */
export function answersFromForm(registry: QuestionRegistry, values: unknown): Nested {
	const answers: Nested = {}
	for (const path of formPaths(registry))
		setValueAt(answers, path, fromFormValue(registry[path]!, valueAt(values, path)))
	return answers
}

/** The words of one choice, as the form offers it. */
export function choiceText(choice: OmbChoice | string | undefined): string {
	if (choice === undefined) return ''
	return typeof choice === 'string' ? choice : choiceLabel(choice)
}

/** The options of a choice question, in the registry's order. */
export function optionsOf(
	question: Pick<Question, 'choices'>,
): Array<{ value: string; label: string }> {
	return Object.entries(question.choices ?? {}).map(([value, choice]) => ({
		value,
		label: choiceText(choice),
	}))
}

/** An answer in words ("Yes", "Pilot – …", "Providers and suppliers; Health plans…"); empty when unanswered. */
export function answerText(question: Pick<Question, 'kind' | 'choices'>, value: unknown): string {
	if (value === undefined || value === null || value === '') return ''
	if (Array.isArray(value)) {
		return value
			.map((entry) =>
				question.choices
					? choiceText(question.choices[String(entry)]) || String(entry)
					: String(entry),
			)
			.join('; ')
	}
	if (typeof value === 'boolean') return value ? 'Yes' : 'No'
	if (question.choices && typeof value === 'string')
		return choiceText(question.choices[value]) || value
	if (question.kind === 'date' && typeof value === 'string') return formatPartialDate(value)
	return String(value)
}

/** Whether an answer counts as given: blank text and empty lists do not. */
export function isAnswered(value: unknown) {
	if (value === undefined || value === null) return false
	if (typeof value === 'string') return value.trim().length > 0
	if (Array.isArray(value)) return value.length > 0
	return true
}
