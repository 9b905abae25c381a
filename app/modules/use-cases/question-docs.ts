// The parts of docs/use-case-json.md that describe the questions: written from the registry by
// `npm run docs:questions`, and checked against it by a test, so the contract never drifts.
import { type FormSectionId, formSections, questions } from './field-rules.ts'
import { type Choices, type Question, type QuestionRegistry } from './question-kinds.ts'
import { type OmbChoice } from './vocabulary.ts'

export const QUESTIONS_START =
	'<!-- questions:start (written by `npm run docs:questions` from field-rules.ts) -->'
export const QUESTIONS_END = '<!-- questions:end -->'
export const VALUES_START =
	'<!-- values:start (written by `npm run docs:questions` from field-rules.ts) -->'
export const VALUES_END = '<!-- values:end -->'

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const many = (question: Question) => question.kind === 'manyOf' || question.kind === 'list'
const fieldName = (path: string, question: Question) => `\`${path}${many(question) ? '[]' : ''}\``
const ombColumn = (question: Question) => (question.ombColumn ? `\`${question.ombColumn}\`` : '—')
const storedIn = (question: Question) =>
	typeof question.storage === 'object'
		? `column \`${question.storage.column}\``
		: question.storage === 'answers'
			? '`answers` JSON'
			: 'own record'

function questionRow(path: string, question: Question) {
	const required =
		question.requiredWhen.describe === 'never'
			? 'never'
			: question.appliesWhen.describe === 'always'
				? question.requiredWhen.describe
				: `${question.requiredWhen.describe} (when asked)`
	return `| ${fieldName(path, question)} | ${cell(question.label)} | ${cell(question.type)} | ${ombColumn(question)} | ${cell(question.appliesWhen.describe)} | ${cell(required)} | ${storedIn(question)} |`
}

const header = [
	'| field | question | type | OMB column | asked when | required | stored in |',
	'|---|---|---|---|---|---|---|',
]

/** One table per section of the intake form, then the answers the tracker and the governance lead give. */
export function questionTables(registry: QuestionRegistry = questions): string {
	const entries = Object.entries(registry)
	const blocks = (Object.keys(formSections) as Array<FormSectionId>).flatMap((section) => {
		const rows = entries.filter(
			([, question]) => question.answeredBy === 'SUBMITTER' && question.section === section,
		)
		if (rows.length === 0) return []
		return [
			`#### ${formSections[section].title}`,
			'',
			formSections[section].summary,
			'',
			...header,
			...rows.map(([path, question]) => questionRow(path, question)),
			'',
		]
	})
	const others = entries.filter(([, question]) => question.answeredBy !== 'SUBMITTER')
	return [
		...blocks,
		'#### Answered by the tracker and the governance lead',
		'',
		'Not asked on the intake form: the tracker allocates the tracking id and derives the independent review from who reviewed the case; the Chief AI Officer’s office records the high-impact determination.',
		'',
		...header,
		...others.map(([path, question]) => questionRow(path, question)),
	].join('\n')
}

const isOmbChoice = (choice: OmbChoice | string): choice is OmbChoice => typeof choice !== 'string'

function valueTable(choices: Choices) {
	const values = Object.entries(choices)
	if (values.every(([, choice]) => isOmbChoice(choice))) {
		return [
			'| key | OMB valid selection (Excel) | OMB CSV code |',
			'|---|---|---|',
			...values.map(
				([key, choice]) =>
					`| \`${key}\` | ${cell((choice as OmbChoice).selection)} | ${cell((choice as OmbChoice).code)} |`,
			),
		]
	}
	return [
		'| key | meaning |',
		'|---|---|',
		...values.map(
			([key, choice]) =>
				`| \`${key}\` | ${cell(typeof choice === 'string' ? choice : choice.selection)} |`,
		),
	]
}

/** The keys of every choice question, with OMB's selection and code or the tracker's label; questions sharing a list share a table. */
export function valueTables(registry: QuestionRegistry = questions): string {
	const byChoices = new Map<Choices, Array<[string, Question]>>()
	for (const [path, question] of Object.entries(registry)) {
		if (!question.choices || question.kind === 'yesNo') continue
		byChoices.set(question.choices, [...(byChoices.get(question.choices) ?? []), [path, question]])
	}
	return [...byChoices.entries()]
		.flatMap(([choices, askedBy]) => {
			const fields = askedBy
				.map(([path, question]) => `${path}${many(question) ? '[]' : ''}`)
				.join(', ')
			const columns = askedBy.flatMap(([, question]) =>
				question.ombColumn ? [question.ombColumn] : [],
			)
			return [
				`#### \`${fields}\`${columns.length ? ` (OMB \`${columns.join(', ')}\`)` : ''}`,
				'',
				...valueTable(choices),
				'',
			]
		})
		.join('\n')
		.trimEnd()
}

/** The document with its generated blocks rewritten from the registry. */
export function withGeneratedBlocks(
	markdown: string,
	registry: QuestionRegistry = questions,
): string {
	return replaceBlock(
		replaceBlock(markdown, QUESTIONS_START, QUESTIONS_END, questionTables(registry)),
		VALUES_START,
		VALUES_END,
		valueTables(registry),
	)
}

function replaceBlock(markdown: string, start: string, end: string, content: string) {
	const from = markdown.indexOf(start)
	const to = markdown.indexOf(end)
	if (from === -1 || to === -1 || to < from)
		throw new Error(`docs/use-case-json.md has no ${start} … ${end} block`)
	return `${markdown.slice(0, from + start.length)}\n${content}\n${markdown.slice(to)}`
}
