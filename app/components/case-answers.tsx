import {
	type FormSectionId,
	fieldAnswerText,
	formSections,
	questionsOfSection,
	visibleFields,
	fieldRules,
} from '#app/modules/use-cases/field-rules.ts'
import { valueAt } from '#app/modules/use-cases/question-kinds.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'

/** A case's answers, section by section as the intake form asks them, in the registry's words. */
export function CaseAnswers({
	doc,
	headingLevel = 3,
	sections,
}: {
	doc: UseCaseDocument
	headingLevel?: 2 | 3
	sections?: Array<FormSectionId>
}) {
	const visible = visibleFields(doc)
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	const shown = (sections ?? (Object.keys(formSections) as Array<FormSectionId>)).filter((id) =>
		questionsOfSection(id).some((path) => visible.has(path)),
	)
	return (
		<div className="space-y-6">
			{shown.map((id) => (
				<section key={id} aria-labelledby={`answers-${id}`} className="space-y-2">
					<Heading id={`answers-${id}`} className="text-xl font-bold">
						{formSections[id].title}
					</Heading>
					<dl className="answer-list divide-y divide-base-lighter border-y border-base-lighter">
						{questionsOfSection(id)
							.filter((path) => visible.has(path))
							.map((path) => {
								const text = fieldAnswerText(path, valueAt(doc, path))
								return (
									<div key={path}>
										<dt>{fieldRules[path].name}</dt>
										<dd>{text || <span className="text-base-dark">Not answered</span>}</dd>
									</div>
								)
							})}
					</dl>
				</section>
			))}
		</div>
	)
}
