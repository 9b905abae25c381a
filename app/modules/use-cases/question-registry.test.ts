// A new question is one entry in the registry: the document, the form, the form's starting values,
// what a posted form saves, where it is stored, its words and the documentation all follow.
import { expect, test } from 'vitest'
import {
	fieldAnswerText,
	fieldLabel,
	questions,
	questionsOfSection,
	requiredFields,
	visibleFields,
} from './field-rules.ts'
import { questionTables, valueTables } from './question-docs.ts'
import { ask, formDefaults, kinds, when, type Condition } from './question-kinds.ts'
import { useCaseFormSchemaFor } from './schemas.ts'
import {
	documentSchemasFor,
	UseCaseDocumentSchema,
	StrictUseCaseDocumentSchema,
} from './use-case-document.ts'
import { columnsOf, formToDocument } from './use-case-mapping.ts'

// A question OMB might add in a later template: whether a generative system was red-teamed.
const generative: Condition = when('`generativeAi` is `true`', (doc) => doc.generativeAi === true)
const redTeamChoices = {
	YES: { selection: 'a) Yes', code: 'Yes' },
	PLANNED: { selection: 'b) Planned', code: 'Planned' },
	NO: { selection: 'c) No', code: 'No' },
} as const
const withRedTeaming = {
	...questions,
	'safeguards.redTeaming': ask(kinds.oneOf(redTeamChoices, 'radio'), {
		label: 'Has it been red-teamed against misuse?',
		name: 'Red-teaming',
		hint: 'Adversarial testing of a generative system before use.',
		answeredBy: 'SUBMITTER',
		section: 'safeguards',
		storage: 'answers',
		ombColumn: 'red_teaming',
		appliesWhen: generative,
		requiredWhen: generative,
		message: 'Say whether it has been red-teamed.',
	}),
}

const base = { name: 'Benefits letter drafter', generativeAi: true }

test('the document accepts the new answer, in its group; the app’s own registry does not know it', () => {
	const document = { ...base, safeguards: { redTeaming: 'PLANNED' } }
	expect(documentSchemasFor(withRedTeaming).strict.parse(document)).toMatchObject({
		safeguards: { redTeaming: 'PLANNED' },
	})
	expect(
		documentSchemasFor(withRedTeaming).strict.safeParse({
			...base,
			safeguards: { redTeaming: 'MAYBE' },
		}).success,
	).toBe(false)
	expect(StrictUseCaseDocumentSchema.safeParse(document).success).toBe(false)
	expect(UseCaseDocumentSchema.parse(document).safeguards).toEqual({})
})

test('the form asks it in its section, posts it by its path, and saves what was chosen in the answers JSON', () => {
	expect(questionsOfSection('safeguards', withRedTeaming)).toContain('safeguards.redTeaming')
	const posted = useCaseFormSchemaFor(withRedTeaming).parse({
		version: '3',
		name: 'Benefits letter drafter',
		orgUnit: 'HHS/CMS/OIT',
		generativeAi: 'YES',
		safeguards: { redTeaming: 'YES' },
	})
	expect(posted.safeguards).toMatchObject({ redTeaming: 'YES' })
	const document = formToDocument(
		posted,
		{
			trackingId: 'CMS-2026-0100',
			highImpact: {},
			independentReview: undefined,
			ownerEmail: 'owner@cms.hhs.gov',
			preserved: {},
		},
		[],
		withRedTeaming,
	)
	expect(document.safeguards).toMatchObject({ redTeaming: 'YES' })
	expect(columnsOf(document, withRedTeaming).answers).toMatchObject({
		safeguards: { redTeaming: 'YES' },
	})
	expect(formDefaults(withRedTeaming, document)).toMatchObject({
		safeguards: { redTeaming: 'YES' },
	})
})

test('its conditions decide when it is shown and required; a hidden answer is not kept', () => {
	const generativeDoc = UseCaseDocumentSchema.parse({ ...base, stage: 'PILOT' })
	expect(visibleFields(generativeDoc, withRedTeaming).has('safeguards.redTeaming')).toBe(true)
	expect(requiredFields(generativeDoc, withRedTeaming)).toContain('safeguards.redTeaming')
	const notGenerative = UseCaseDocumentSchema.parse({ ...base, generativeAi: false })
	expect(visibleFields(notGenerative, withRedTeaming).has('safeguards.redTeaming')).toBe(false)
	const posted = useCaseFormSchemaFor(withRedTeaming).parse({
		version: '3',
		name: 'Benefits letter drafter',
		orgUnit: 'HHS/CMS/OIT',
		generativeAi: 'NO',
		safeguards: { redTeaming: 'YES' },
	})
	const document = formToDocument(
		posted,
		{
			trackingId: 'CMS-2026-0100',
			highImpact: {},
			independentReview: undefined,
			ownerEmail: 'owner@cms.hhs.gov',
			preserved: {},
		},
		[],
		withRedTeaming,
	)
	expect(document.safeguards).not.toHaveProperty('redTeaming')
})

test('people read its name and its answers in words; the documentation lists it with its OMB column and values', () => {
	expect(fieldLabel('safeguards.redTeaming', withRedTeaming)).toBe('Red-teaming')
	expect(fieldAnswerText('safeguards.redTeaming', 'PLANNED', withRedTeaming)).toBe('Planned')
	expect(questionTables(withRedTeaming)).toContain(
		'| `safeguards.redTeaming` | Has it been red-teamed against misuse? | key | `red_teaming` | `generativeAi` is `true` |',
	)
	expect(valueTables(withRedTeaming)).toContain('#### `safeguards.redTeaming` (OMB `red_teaming`)')
	expect(valueTables(withRedTeaming)).toContain('| `PLANNED` | b) Planned | Planned |')
	expect(questionTables()).not.toContain('redTeaming')
})

test('every question the submitter answers sits in a section of the form, with words for people', () => {
	for (const [path, question] of Object.entries(questions)) {
		expect(question.name, path).toMatch(/^[A-Z]/)
		expect(question.label, path).toMatch(/^[A-Z]/)
		if (question.answeredBy === 'SUBMITTER') expect('section' in question, path).toBe(true)
		expect(fieldLabel(path), path).not.toMatch(/\b[a-z]+[A-Z]|_/)
	}
})
