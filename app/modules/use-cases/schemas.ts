// The intake form, as the browser posts it: every question the submitter answers, named by its path
// in the use-case document (`stage`, `safeguards.sornNumber`) with its form schema from the question
// registry, plus the team, one row per linked dataset, and what the post asks for.
import { z } from 'zod'
import { submissionKeySchema } from '#app/utils/form-submission.ts'
import {
	lockCounter,
	multiLineText,
	pageNumber,
	recordId,
	singleLineText,
	wholeNumber,
} from '#app/utils/input-schemas.ts'
import { formSections, questions } from './field-rules.ts'
import { formShape, type QuestionRegistry } from './question-kinds.ts'
import { datasetUsages, stages } from './vocabulary.ts'

const text = (max: number) =>
	multiLineText()
		.max(max, `At most ${max.toLocaleString('en-US')} characters.`)
		.optional()
const many = <T extends readonly [string, ...Array<string>]>(values: T) =>
	z
		.array(z.enum(values, { error: 'Choose from the list.' }))
		.max(values.length)
		.default([])

export const LinkedDatasetFormSchema = z.object({
	datasetId: recordId('dataset'),
	usages: many(datasetUsages),
	minimumNecessaryJustification: text(4000),
	remove: z.boolean().default(false),
})

const sectionIds = Object.keys(formSections) as [
	keyof typeof formSections,
	...Array<keyof typeof formSections>,
]

/** The intake form's schema for a registry of questions (the app's, or a test's with one more). */
export function useCaseFormSchemaFor<R extends QuestionRegistry>(registry: R) {
	return z.object({
		intent: z.enum(['save', 'submit']).default('save'),
		version: lockCounter(),
		/**
		 * Sent only by "Save my answers over theirs" after a conflict: the version the person has now
		 * seen, which this save replaces.
		 */
		overwriteVersion: lockCounter().optional(),
		/** The section to open after saving ("Save and continue"), or the check-your-answers page. */
		next: z.enum([...sectionIds, 'check']).optional(),
		...formShape(registry),
		/** Developers and program contacts, by e-mail: they are listed on the case and may not review it. */
		teamEmails: text(2000),
		datasets: z.array(LinkedDatasetFormSchema).max(100).default([]),
		addDatasetId: recordId('dataset').optional(),
	})
}

export const UseCaseFormSchema = useCaseFormSchemaFor(questions)

export type UseCaseFormValues = z.infer<typeof UseCaseFormSchema>

export const NewUseCaseSchema = z.object({
	name: singleLineText({ error: 'Give the use case a name.' })
		.min(3, 'Names are at least 3 characters.')
		.max(200, 'Names are at most 200 characters.'),
	orgUnitId: recordId('org unit'),
	problemSolved: text(10_000),
	submissionKey: submissionKeySchema,
})

export const UseCaseListQuerySchema = z.object({
	q: singleLineText().max(200, 'Searches are at most 200 characters.').default(''),
	status: z
		.enum([
			'DRAFT',
			'SUBMITTED',
			'IN_REVIEW',
			'CHANGES_REQUESTED',
			'APPROVED',
			'APPROVED_WITH_CONDITIONS',
			'REJECTED',
			'WITHDRAWN',
			'RETIRED',
		])
		.optional(),
	stage: z.enum(stages).optional(),
	page: pageNumber(),
})

export const DuplicateQuerySchema = z.object({
	name: singleLineText().max(200, 'Names are at most 200 characters.').default(''),
	problem: multiLineText().max(2000, 'At most 2,000 characters.').default(''),
	exclude: recordId('use case').optional(),
})

/** Version numbers to compare; 0 is the current working copy. */
export const VersionDiffQuerySchema = z.object({
	from: wholeNumber({
		min: 0,
		max: 100_000,
		error: 'Versions are numbered from 0 (the current copy).',
	}).optional(),
	to: wholeNumber({
		min: 0,
		max: 100_000,
		error: 'Versions are numbered from 0 (the current copy).',
	}).optional(),
})
