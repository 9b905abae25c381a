// Between a stored UseCase row, the intake form and the use-case document, following the question
// registry: which answers sit in columns and which in the `answers` JSON, what a posted form makes
// of the document, and which answers differ between two versions. Pure; the database is read and
// written by use-cases.server.ts.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { fieldRules } from './field-rules.ts'
import {
	answersFromForm,
	fromFormValue,
	type Question,
	type QuestionRegistry,
	setValueAt,
	valueAt,
} from './question-kinds.ts'
import {
	documentSchemasFor,
	type UseCaseDocument,
	UseCaseDocumentSchema,
} from './use-case-document.ts'
import type { UseCaseFormValues } from './schemas.ts'

/** Answers kept in the `answers` JSON column: everything the columns and related records do not hold. */
export type StoredAnswers = Partial<
	Omit<UseCaseDocument, 'waivers' | 'pilotCertification' | 'datasets' | 'contacts'>
>

export function storedAnswers(row: { answers: Prisma.JsonValue }): StoredAnswers {
	return (row.answers ?? {}) as StoredAnswers
}

// Facts kept with the answers that no form asks for.
const unaskedAnswerPaths = [
	'previousOmbId',
	'formerOmbIds',
	'asWritten',
	'highImpact.determinedBy',
	'highImpact.determinedOn',
]

// Worked out once per registry: every stored case read goes through them.
const columnQuestionsOf = new WeakMap<
	QuestionRegistry,
	ReadonlyArray<{ path: string; column: string; question: Question }>
>()
const answerPathsOf = new WeakMap<QuestionRegistry, ReadonlyArray<string>>()

function columnQuestions(registry: QuestionRegistry) {
	let found = columnQuestionsOf.get(registry)
	if (!found) {
		found = Object.entries(registry).flatMap(([path, question]) =>
			typeof question.storage === 'object'
				? [{ path, column: question.storage.column, question }]
				: [],
		)
		columnQuestionsOf.set(registry, found)
	}
	return found
}

function answerPaths(registry: QuestionRegistry) {
	let found = answerPathsOf.get(registry)
	if (!found) {
		found = [
			...Object.keys(registry).filter((path) => registry[path]!.storage === 'answers'),
			...unaskedAnswerPaths,
		]
		answerPathsOf.set(registry, found)
	}
	return found
}

/** The answers a stored row holds, in its columns and its `answers` JSON, laid out as the document holds them. */
export function answersOfRecord(
	row: { answers: Prisma.JsonValue },
	registry: QuestionRegistry = fieldRules,
): Record<string, unknown> {
	const document: Record<string, unknown> = {}
	const answers = storedAnswers(row)
	for (const path of answerPaths(registry))
		setValueAt(document, path, valueAt(answers, path) ?? undefined)
	for (const { path, column } of columnQuestions(registry))
		setValueAt(document, path, (row as Record<string, unknown>)[column] ?? undefined)
	return document
}

type SubmitterColumns = {
	name: string
	contactEmail: string | null
	isWithheld: UseCaseDocument['isWithheld'] | null
	stage: UseCaseDocument['stage'] | null
	topicArea: UseCaseDocument['topicArea'] | null
	classification: UseCaseDocument['classification'] | null
	problemSolved: string | null
	benefits: string | null
	systemOutputs: string | null
	contractingUsage: UseCaseDocument['contractingUsage'] | null
	vendorNames: Array<string>
	decisionRole: UseCaseDocument['decisionRole'] | null
	generativeAi: boolean | null
	publicFacing: boolean | null
	hosting: UseCaseDocument['hosting'] | null
}

/** The UseCase columns a document fills, and the rest of its answers as the `answers` JSON. */
export function columnsOf(doc: UseCaseDocument, registry: QuestionRegistry = fieldRules) {
	const columns: Record<string, unknown> = {}
	// The submitter's answers only: the tracking id and the lead's determination are written by their own commands.
	for (const { path, column, question } of columnQuestions(registry)) {
		if (question.answeredBy === 'SUBMITTER') columns[column] = valueAt(doc, path) ?? null
	}
	const answers: Record<string, unknown> = {}
	for (const path of answerPaths(registry)) setValueAt(answers, path, valueAt(doc, path))
	return { ...(columns as SubmitterColumns), answers: answers as Prisma.InputJsonValue }
}

const documentSchemaCache = new WeakMap<
	QuestionRegistry,
	ReturnType<typeof documentSchemasFor>['lenient']
>()
function documentSchemaOf(registry: QuestionRegistry) {
	if (registry === fieldRules) return UseCaseDocumentSchema
	let schema = documentSchemaCache.get(registry)
	if (!schema) documentSchemaCache.set(registry, (schema = documentSchemasFor(registry).lenient))
	return schema
}

/**
 * The form's answers as a use-case document, keeping only the questions that apply to these
 * answers: a hidden question's stale answer is dropped rather than silently kept. The governance
 * lead's and the tracker's answers are carried over from the case as it stands.
 */
export function formToDocument(
	values: UseCaseFormValues,
	context: {
		trackingId: string
		highImpact: UseCaseDocument['highImpact']
		/** The tracker's own answer, from who reviewed the case. */
		independentReview: UseCaseDocument['practices']['independentReview']
		ownerEmail: string
		preserved: StoredAnswers
	},
	linkedDatasets: UseCaseDocument['datasets'],
	registry: QuestionRegistry = fieldRules,
): UseCaseDocument {
	const submitted = answersFromForm(registry, values)
	const draft = documentSchemaOf(registry).parse({
		...context.preserved,
		...submitted,
		trackingId: context.trackingId,
		ownerEmail: context.ownerEmail,
		highImpact: { ...context.highImpact, ...(submitted.highImpact as object) },
		practices: { ...(submitted.practices as object), independentReview: context.independentReview },
		datasets: linkedDatasets,
	}) as UseCaseDocument
	for (const [path, question] of Object.entries(registry)) {
		if (question.answeredBy === 'GOVERNANCE_LEAD' || question.appliesWhen(draft)) continue
		setValueAt(
			draft as unknown as Record<string, unknown>,
			path,
			question.kind === 'manyOf' || question.kind === 'list' ? [] : undefined,
		)
	}
	return draft
}

const groupsInDocument = ['highImpact', 'practices', 'aiScreen', 'safeguards'] as const

/**
 * The document fields that differ, for the audit trail and the version diff: each question by its
 * own path (`safeguards.sornNumber`), the rest (datasets, waivers, contacts) as a whole.
 */
export function changedFields(before: UseCaseDocument, after: UseCaseDocument): Array<string> {
	const differs = (path: string) =>
		JSON.stringify(valueAt(before, path)) !== JSON.stringify(valueAt(after, path))
	const grouped = new Set<string>(groupsInDocument)
	const topLevel = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
		(key) => !grouped.has(key),
	)
	const inGroups = groupsInDocument.flatMap((group) =>
		[...new Set([...Object.keys(before[group] ?? {}), ...Object.keys(after[group] ?? {})])].map(
			(key) => `${group}.${key}`,
		),
	)
	return [...topLevel, ...inGroups].filter(differs).sort()
}

/**
 * The document the form's answers make as they are typed, for showing and hiding questions and the
 * section statuses: each answer that is not (yet) valid counts as unanswered; the rest of the case
 * is as saved, with the datasets now on the form.
 */
export function documentFromLiveForm(
	saved: UseCaseDocument,
	values: unknown,
	datasets: UseCaseDocument['datasets'],
): UseCaseDocument {
	const answers: Record<string, unknown> = {}
	for (const [path, question] of Object.entries(fieldRules)) {
		if (question.answeredBy !== 'SUBMITTER') continue
		const raw = valueAt(values, path)
		const value = fromFormValue(
			question,
			question.kind === 'manyOf' && typeof raw === 'string' ? [raw] : raw,
		)
		const checked = question.schema.safeParse(value)
		setValueAt(
			answers,
			path,
			checked.success
				? checked.data
				: question.kind === 'manyOf' || question.kind === 'list'
					? []
					: undefined,
		)
	}
	const merged = {
		...saved,
		...answers,
		name: (answers.name as string | undefined) ?? saved.name,
		highImpact: { ...saved.highImpact, ...(answers.highImpact as object) },
		practices: { ...saved.practices, ...(answers.practices as object) },
		aiScreen: answers.aiScreen ?? {},
		safeguards: answers.safeguards ?? {},
		datasets,
	}
	const parsed = UseCaseDocumentSchema.safeParse(merged)
	return parsed.success ? parsed.data : saved
}
