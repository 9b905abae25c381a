// The pieces of the intake form: a question drawn from the registry, the task list of sections with
// their status, the linked datasets, the check-your-answers page and the conflict panel.
import { useField } from '@conform-to/react'
import { Link } from 'react-router'
import { ChangeTable } from '#app/components/change-table.tsx'
import {
	CheckboxGroupField,
	ErrorList,
	RadioGroupField,
	RequiredMark,
	SelectField,
	TextAreaField,
	TextField,
} from '#app/components/forms.tsx'
import { Tag, type TagTone } from '#app/components/status-tag.tsx'
import { datasetSensitivityLabels } from '#app/modules/datasets/schemas.ts'
import {
	type FieldPath,
	type FormSectionId,
	datasetQuestionAt,
	datasetQuestionLabels,
	fieldRules,
	formSections,
	holdsRecordsAboutIndividuals,
} from '#app/modules/use-cases/field-rules.ts'
import { answerText, optionsOf } from '#app/modules/use-cases/question-kinds.ts'
import type { SaveConflict } from '#app/modules/use-cases/use-cases.server.ts'
import { type DatasetSensitivity, datasetUsageLabels } from '#app/modules/use-cases/vocabulary.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'

export type StepId = FormSectionId | 'check'

/** The id of a question's input, so that links from findings, errors and the check page land on it. */
export function questionInputId(formId: string, path: string) {
	const question = fieldRules[path as FieldPath]
	// A group of radio buttons or checkboxes is reached through its first option.
	if (question && (question.control === 'radio' || question.control === 'checkboxes')) {
		const first = question.kind === 'yesNo' ? 'YES' : Object.keys(question.choices ?? {})[0]
		return `${formId}-${path}-${first}`
	}
	return `${formId}-${path}`
}

/**
 * The id of a linked dataset's question on the form (`datasets.0.minimumNecessaryJustification`): its
 * text box, or for how it is used its block, whose legend names the dataset.
 */
export function datasetQuestionInputId(formId: string, datasetId: string, path: string) {
	const block = `${formId}-dataset-${datasetId}`
	return datasetQuestionAt(path)?.part === 'minimumNecessaryJustification'
		? `${block}-justification`
		: block
}

/** One question of the registry, drawn by its kind, with its hint and whether it is required now. */
export function QuestionField({
	path,
	required,
	orgUnits,
}: {
	path: FieldPath
	required: boolean
	orgUnits: Array<{ code: string; name: string }>
}) {
	const question = fieldRules[path]
	const [field] = useField<string | Array<string> | undefined>(path)
	const common = { hint: question.hint, required }
	switch (question.control) {
		case 'textarea':
			return <TextAreaField label={question.label} field={field as never} {...common} />
		case 'select':
			return (
				<SelectField
					label={question.label}
					field={field as never}
					{...common}
					options={
						question.kind === 'orgUnit'
							? orgUnits.map((unit) => ({
									value: unit.code,
									label: orgUnitLabel(unit),
								}))
							: optionsOf(question)
					}
					placeholder={path === 'cotsTask' ? 'No, none of them' : undefined}
				/>
			)
		case 'radio':
			return (
				<RadioGroupField
					legend={question.label}
					field={field as never}
					{...common}
					options={optionsOf(question)}
				/>
			)
		case 'checkboxes':
			return (
				<CheckboxGroupField
					legend={question.label}
					field={field as never}
					{...common}
					options={optionsOf(question)}
				/>
			)
		case 'input':
			return (
				<TextField
					label={question.label}
					type={question.inputType === 'text' ? 'text' : question.inputType}
					field={field as never}
					{...common}
				/>
			)
		default:
			return null
	}
}

export type SectionStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'NEEDS_ATTENTION'
const sectionStatusWords: Record<SectionStatus, { label: string; tone: TagTone }> = {
	NOT_STARTED: { label: 'Not started', tone: 'neutral' },
	IN_PROGRESS: { label: 'In progress', tone: 'info' },
	COMPLETE: { label: 'Complete', tone: 'success' },
	NEEDS_ATTENTION: { label: 'Needs attention', tone: 'error' },
}

export type TaskListEntry = {
	id: StepId
	title: string
	status: SectionStatus | null
	href: string
}

/**
 * The sections of the form with their status (GOV.UK task list): each is a link that opens its
 * section; the current one is marked for screen readers.
 */
export function SectionTaskList({
	entries,
	current,
	onSelect,
	idPrefix,
}: {
	entries: Array<TaskListEntry>
	current: StepId
	onSelect: (id: StepId) => void
	idPrefix: string
}) {
	return (
		<ol className="divide-y divide-base-lighter border-y border-base-lighter">
			{entries.map((entry, index) => {
				const statusId = `${idPrefix}-${entry.id}-status`
				const isCurrent = entry.id === current
				return (
					<li
						key={entry.id}
						className={`flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 ${isCurrent ? 'border-l-4 border-primary pl-2' : 'pl-3'}`}
					>
						<a
							href={entry.href}
							aria-current={isCurrent ? 'step' : undefined}
							aria-describedby={entry.status ? statusId : undefined}
							onClick={(event) => {
								event.preventDefault()
								onSelect(entry.id)
							}}
							className={isCurrent ? 'font-bold no-underline' : ''}
						>
							<span className="sr-only">{`Step ${index + 1} of ${entries.length}: `}</span>
							{entry.title}
						</a>
						{entry.status ? (
							<Tag id={statusId} tone={sectionStatusWords[entry.status].tone}>
								{sectionStatusWords[entry.status].label}
							</Tag>
						) : null}
					</li>
				)
			})}
		</ol>
	)
}

export type DatasetRow = {
	id: string
	name: string
	sensitivities: Array<DatasetSensitivity>
	usage: Array<string>
	minimumNecessaryJustification?: string
	/** Added on this page and not saved yet. */
	pending: boolean
}

/** The datasets linked to the case, one block each (the "add another" pattern). */
export function DatasetBlocks({
	rows,
	formId,
	allErrors,
	onRemovePending,
}: {
	rows: Array<DatasetRow>
	formId: string
	allErrors: Record<string, Array<string> | undefined>
	onRemovePending: (datasetId: string) => void
}) {
	return (
		<>
			{rows.length === 0 ? <p>No datasets linked yet.</p> : null}
			{rows.map((row, index) => {
				const name = `datasets[${index}]`
				const id = `${formId}-dataset-${row.id}`
				const personal = holdsRecordsAboutIndividuals(row)
				const justificationErrors = allErrors[`${name}.minimumNecessaryJustification`]
				const usageErrors = allErrors[`${name}.usages`]
				return (
					<fieldset
						key={row.id}
						id={id}
						tabIndex={-1}
						className="space-y-3 border border-base-light p-4"
					>
						<legend className="px-1 text-lg font-bold">
							{row.name}
							{row.pending ? (
								<span className="ml-2 text-sm font-normal text-base-darker">
									(added: save to keep it)
								</span>
							) : null}
						</legend>
						<p className="text-sm">
							Sensitivity:{' '}
							{row.sensitivities.length
								? row.sensitivities.map((s) => datasetSensitivityLabels[s]).join('; ')
								: 'none recorded'}
						</p>
						<input type="hidden" name={`${name}.datasetId`} value={row.id} />
						<fieldset aria-describedby={usageErrors ? `${id}-usage-error` : undefined}>
							<legend className="font-semibold">
								{datasetQuestionLabels.usage}
								<RequiredMark />
							</legend>
							{Object.entries(datasetUsageLabels).map(([usage, label]) => (
								<div key={usage} className="mt-2 flex items-center gap-2">
									<input
										id={`${id}-${usage}`}
										type="checkbox"
										name={`${name}.usages`}
										value={usage}
										defaultChecked={row.usage.includes(usage)}
										className="size-5"
									/>
									<label htmlFor={`${id}-${usage}`}>{label}</label>
								</div>
							))}
							<ErrorList id={`${id}-usage-error`} errors={usageErrors} />
						</fieldset>
						<div>
							<label htmlFor={`${id}-justification`} className="block font-semibold">
								{datasetQuestionLabels.minimumNecessaryJustification}
								{personal ? <RequiredMark /> : <span className="font-normal"> (optional)</span>}
							</label>
							<p id={`${id}-justification-hint`} className="text-sm text-base-dark">
								{personal
									? 'It holds records about individuals: say why the use case needs them, and what is left out (HIPAA’s minimum necessary standard).'
									: 'Say what part of it the use case needs.'}
							</p>
							<textarea
								id={`${id}-justification`}
								name={`${name}.minimumNecessaryJustification`}
								defaultValue={row.minimumNecessaryJustification ?? ''}
								rows={3}
								aria-required={personal || undefined}
								aria-invalid={justificationErrors ? true : undefined}
								aria-describedby={`${justificationErrors ? `${id}-justification-error ` : ''}${id}-justification-hint`}
								className="mt-1 block w-full border border-base-dark px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-error"
							/>
							<ErrorList id={`${id}-justification-error`} errors={justificationErrors} />
						</div>
						{row.pending ? (
							<button
								type="button"
								onClick={() => onRemovePending(row.id)}
								className="font-semibold text-primary underline"
							>
								Remove {row.name}
							</button>
						) : (
							<div className="flex items-center gap-2">
								<input
									id={`${id}-remove`}
									type="checkbox"
									name={`${name}.remove`}
									value="on"
									className="size-5"
								/>
								<label htmlFor={`${id}-remove`}>Remove this dataset when saving</label>
							</div>
						)}
					</fieldset>
				)
			})}
		</>
	)
}

export type CheckAnswersSection = {
	id: FormSectionId
	title: string
	rows: Array<{ path: string; name: string; value: unknown; required: boolean; href: string }>
}

/** GOV.UK's check-your-answers page: every answer by section, each with a way back to change it. */
export function CheckAnswers({
	sections,
	onChange,
}: {
	sections: Array<CheckAnswersSection>
	onChange: (path: string) => void
}) {
	return (
		<div className="space-y-8">
			{sections.map((section) => (
				<section key={section.id} aria-labelledby={`check-${section.id}`} className="space-y-2">
					<h3 id={`check-${section.id}`} className="text-xl font-bold">
						{section.title}
					</h3>
					<dl className="divide-y divide-base-lighter border-y border-base-lighter">
						{section.rows.map((row) => {
							// A choice is shown in its words (OMB's selection or the tracker's label), never its key.
							const text = answerText(
								fieldRules[row.path as FieldPath] ?? { kind: 'text' },
								row.value,
							)
							return (
								<div
									key={row.path}
									className="grid gap-1 py-3 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_auto] sm:gap-4"
								>
									<dt className="font-semibold">{row.name}</dt>
									<dd className="break-words whitespace-pre-line">
										{text || (
											<span
												className={row.required ? 'font-semibold text-error' : 'text-base-dark'}
											>
												{row.required ? 'Required: not answered yet' : 'Not answered'}
											</span>
										)}
									</dd>
									<dd>
										<a
											href={row.href}
											onClick={(event) => {
												event.preventDefault()
												onChange(row.path)
											}}
										>
											Change<span className="sr-only"> {row.name.toLowerCase()}</span>
										</a>
									</dd>
								</div>
							)
						})}
					</dl>
				</section>
			))}
		</div>
	)
}

/**
 * A save refused because someone saved first: who and when, their answers beside the person's own,
 * and the two ways on. It sits by the button that was pressed.
 */
export function ConflictPanel({
	conflict,
	panelRef,
	useCaseId,
}: {
	conflict: SaveConflict
	panelRef: React.Ref<HTMLDivElement>
	useCaseId: string
}) {
	const who = conflict.byYou
		? 'You saved this use case in another tab or window'
		: `${conflict.savedBy} saved this use case`
	return (
		<div
			ref={panelRef}
			tabIndex={-1}
			role="alert"
			aria-labelledby="conflict-title"
			className="space-y-3 border-l-8 border-warning-dark bg-warning-lighter p-4"
		>
			<h3 id="conflict-title" className="text-lg font-bold">
				{who} on {formatDateTime(conflict.savedAt)}, after you opened it.
			</h3>
			<p>
				Nothing you typed is lost: your answers are still in the form. Compare them with the saved
				ones, then choose.
			</p>
			{conflict.events.length ? (
				<ul className="list-disc pl-6">
					{conflict.events.map((event) => (
						<li key={event}>{event}</li>
					))}
				</ul>
			) : null}
			{conflict.changes.length ? (
				<ChangeTable
					caption="Answers changed since you opened the use case"
					showCaption={false}
					changes={conflict.changes.map((change) => ({
						path: change.path,
						label: change.label,
						before: change.theirs,
						after: change.yours,
					}))}
					beforeHeading={conflict.byYou ? 'Saved in the other tab' : `Saved by ${conflict.savedBy}`}
					afterHeading="In your form"
				/>
			) : null}
			<div className="flex flex-wrap items-center gap-4">
				<button
					type="submit"
					name="overwriteVersion"
					value={conflict.version}
					className="rounded bg-primary px-5 py-2.5 font-bold text-white hover:bg-primary-dark"
				>
					Save my answers over theirs
				</button>
				<Link to={`/use-cases/${useCaseId}/edit`} reloadDocument>
					Discard my changes and open the saved version
				</Link>
			</div>
		</div>
	)
}

/** The steps in order: the sections that apply, then the check-your-answers page. */
export function stepsOf(sections: Array<FormSectionId>): Array<StepId> {
	return [...sections, 'check']
}

export function stepTitle(step: StepId) {
	return step === 'check' ? 'Check your answers and submit' : formSections[step].title
}
