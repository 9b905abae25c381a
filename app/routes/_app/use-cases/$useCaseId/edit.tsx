import { FormProvider, getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
	data,
	Form,
	Link,
	redirect,
	type ShouldRevalidateFunction,
	useFetcher,
	useNavigate,
	useSearchParams,
} from 'react-router'
import { z } from 'zod'
import {
	Button,
	CsrfInput,
	ErrorList,
	ErrorSummary,
	type ErrorSummaryItem,
	TextField,
} from '#app/components/forms.tsx'
import { findingsSummary, PolicyFindings } from '#app/components/policy-findings.tsx'
import {
	answersOf,
	LeaveWithoutSaving,
	useUnsavedAnswers,
} from '#app/components/unsaved-answers.tsx'
import { listOrgUnitOptions } from '#app/modules/datasets/datasets.server.ts'
import { evaluateWithCurrentPack, storedEvaluation } from '#app/modules/policies/packs.server.ts'
import { requestedChangesOf } from '#app/modules/workflow/review-queries.server.ts'
import {
	type FieldPath,
	type FormSectionId,
	fieldRules,
	formSections,
	owesMinimumNecessaryReason,
	questionsOfSection,
	requiredFields,
	questionLinkLabel,
	questionToAnswer,
	sectionOf,
	submissionProblems,
	visibleFields,
} from '#app/modules/use-cases/field-rules.ts'
import { formDefaults, isAnswered, valueAt } from '#app/modules/use-cases/question-kinds.ts'
import { UseCaseFormSchema } from '#app/modules/use-cases/schemas.ts'
import { documentFromLiveForm } from '#app/modules/use-cases/use-case-mapping.ts'
import {
	canEditUseCase,
	describeSaveConflict,
	findDuplicatesFor,
	getUseCaseForUser,
	listDatasetOptions,
	type SaveConflict,
	saveUseCase,
	StaleSaveError,
	toDocument,
} from '#app/modules/use-cases/use-cases.server.ts'
import { isListedOn } from '#app/modules/use-cases/use-case-record.server.ts'
import { statusWords } from '#app/modules/workflow/state-machine.ts'
import {
	choiceLabel,
	type DatasetUsage,
	datasetUsageLabels,
	independentReviewChoices,
} from '#app/modules/use-cases/vocabulary.ts'
import { formatTime } from '#app/utils/dates.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { DuplicateList } from '../+duplicate-suggestions.tsx'
import { RequestedChanges } from '../+review-panel.tsx'
import {
	CheckAnswers,
	type CheckAnswersSection,
	ConflictPanel,
	DatasetBlocks,
	type DatasetRow,
	QuestionField,
	datasetQuestionInputId,
	questionInputId,
	SectionTaskList,
	type SectionStatus,
	type StepId,
	stepsOf,
	stepTitle,
	type TaskListEntry,
} from '../+intake-form.tsx'
import { useLiveFindings } from './+live-findings.ts'
import type { Route } from './+types/edit.ts'

const Params = idParams('useCaseId')
const stepIds = [...(Object.keys(formSections) as Array<FormSectionId>), 'check'] as const
const PageQuery = z.object({ section: z.enum(stepIds).catch('about').default('about') })

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `Edit ${loaderData?.useCase.trackingId ?? 'use case'} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'update:use-case:own')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const useCase = await getUseCaseForUser(user, useCaseId).catch(throwAsResponse)
	if (!canEditUseCase(user, useCase)) {
		throw data(
			{
				message: !isListedOn(user, useCase)
					? 'Only the people listed on a use case can edit it.'
					: useCase.status === 'IN_REVIEW'
						? 'This use case is in review, so it cannot be edited now. A reviewer who needs a change asks for it, which opens the form again; comment on the case meanwhile.'
						: `This use case is ${statusWords[useCase.status]}; it can no longer be edited.`,
			},
			{ status: 403 },
		)
	}
	const [orgUnits, datasetOptions] = await Promise.all([
		listOrgUnitOptions(useCase.orgUnitId),
		listDatasetOptions(),
	])
	const document = toDocument(useCase)
	return {
		evaluation:
			(await storedEvaluation(useCase.id, useCase.version)) ??
			(await evaluateWithCurrentPack(document)),
		useCase: {
			id: useCase.id,
			trackingId: useCase.trackingId,
			status: useCase.status,
			version: useCase.version,
			updatedAt: useCase.updatedAt.toISOString(),
		},
		document,
		datasetsWithUsage: useCase.datasets
			.filter((link) => link.usages.length > 0)
			.map((link) => link.dataset.id),
		team: useCase.contacts.filter((c) => c.role === 'DEVELOPER').map((c) => c.user.email),
		// Shown after each save, so people can join an existing case instead of duplicating it.
		duplicates: await findDuplicatesFor(user, {
			name: useCase.name,
			problemSolved: useCase.problemSolved ?? undefined,
			datasetIds: useCase.datasets.map((d) => d.dataset.id),
			vendorNames: useCase.vendorNames,
			excludeId: useCase.id,
		}),
		orgUnits: orgUnits.map((unit) => ({ code: unit.code, name: unit.name })),
		datasetOptions,
		requestedChanges:
			useCase.status === 'CHANGES_REQUESTED'
				? await requestedChangesOf(useCase.id, useCase.reviewRound)
				: [],
	}
}

// Opening another section changes only the address: nothing a loader shows has changed.
export const shouldRevalidate: ShouldRevalidateFunction = ({
	currentUrl,
	nextUrl,
	formMethod,
	actionResult,
	defaultShouldRevalidate,
}) => {
	// A submission leaves for the case page: this page's data is not read again (a case now in review
	// is no longer editable, and its loader would refuse).
	if ((actionResult as SaveResponse | undefined)?.outcome === 'left') return false
	if (!formMethod && currentUrl.pathname === nextUrl.pathname) return false
	return defaultShouldRevalidate
}

/** Document field paths (from the submission rules) → the form's field names. */
function formFieldName(path: string) {
	const dataset = /^datasets\.(\d+)\.(\w+)$/.exec(path)
	return dataset ? `datasets[${dataset[1]}].${dataset[2]}` : path
}

/** What a save answers. With JavaScript the page stays and reads it; without, a success redirects. */
type SaveResponse =
	| { outcome: 'saved'; version: number; savedAt: string; next: StepId | null }
	| {
			outcome: 'incomplete'
			saved: boolean
			version: number
			savedAt: string
			result: SubmissionResult<Array<string>>
	  }
	| { outcome: 'invalid'; result: SubmissionResult<Array<string>> }
	| { outcome: 'conflict'; conflict: SaveConflict; result: SubmissionResult<Array<string>> }
	| { outcome: 'left'; location: string }

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'update:use-case:own')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const formData = await request.formData()
	// The enhanced form reads the answer and stays on the page; a plain form post is redirected.
	const staysOnPage = formData.get('respond') === 'data'
	const { section } = PageQuery.parse(Object.fromEntries(new URL(request.url).searchParams))
	const submission = parseWithZod(formData, { schema: UseCaseFormSchema })
	const answer = (response: SaveResponse, status = 200) => data(response, { status })
	if (submission.status !== 'success') {
		return answer(
			{
				outcome: 'invalid',
				result: submission.reply({
					formErrors: ['Some answers need fixing; see the messages by each question.'],
				}),
			},
			400,
		)
	}
	const values = submission.value
	try {
		const result = await saveUseCase(actor, useCaseId, values, context.get(requestInfoContext))
		const savedAt = new Date().toISOString()
		if (result.status === 'submitted' || result.status === 'reopened') {
			const location =
				result.status === 'submitted'
					? `/use-cases/${useCaseId}?submitted=1`
					: `/use-cases/${useCaseId}?reopened=${encodeURIComponent(result.changed.join(','))}`
			return staysOnPage ? answer({ outcome: 'left', location }) : redirect(location)
		}
		if (result.status === 'incomplete') {
			const fieldErrors = Object.fromEntries(
				Object.entries(result.fieldErrors).map(([path, messages]) => [
					formFieldName(path),
					messages,
				]),
			)
			const count = Object.keys(fieldErrors).length
			const reply = submission.reply({
				fieldErrors,
				formErrors: [
					`${result.saved ? 'Your answers are saved as a draft, but ' : 'Nothing was saved: a submitted use case must stay complete, and '}${count === 1 ? '1 question needs' : `${count} questions need`} an answer before you can submit.`,
				],
			})
			// Without JavaScript the form comes back showing these answers; the next save must name the version just written.
			if (reply.initialValue) reply.initialValue.version = String(result.version)
			return answer(
				{
					outcome: 'incomplete',
					saved: result.saved,
					version: result.version,
					savedAt,
					result: reply,
				},
				result.saved ? 200 : 400,
			)
		}
		const next = values.next ?? null
		if (staysOnPage) return answer({ outcome: 'saved', version: result.version, savedAt, next })
		const anchor = values.addDatasetId
			? `#use-case-${useCaseId}-dataset-${values.addDatasetId}`
			: ''
		return redirect(
			`/use-cases/${useCaseId}/edit?section=${values.addDatasetId ? 'data' : (next ?? section)}&saved=${result.version}${anchor}`,
		)
	} catch (error) {
		if (error instanceof StaleSaveError) {
			const conflict = await describeSaveConflict(
				actor,
				useCaseId,
				values.overwriteVersion ?? values.version,
				values,
			)
			return answer(
				{
					outcome: 'conflict',
					conflict,
					result: submission.reply({ formErrors: [error.message] }),
				},
				409,
			)
		}
		if (error instanceof AppError && error.code === 'INVALID') {
			const result = error.field
				? submission.reply({
						fieldErrors: { [error.field]: [error.message] },
						formErrors: ['Some answers need fixing; see the messages by each question.'],
					})
				: submission.reply({ formErrors: [error.message] })
			return answer({ outcome: 'invalid', result }, error.status)
		}
		throwAsResponse(error)
	}
}

/**
 * Saves from this page one at a time, each over the version the previous save answered with: a
 * click while a save is under way queues one more, sent with the answers as they are when it goes.
 * The form is never remounted, so nothing typed during a save is lost.
 */
function useSaveQueue(
	useCaseId: string,
	loadedVersion: number,
	onResponse: (response: SaveResponse, submitter: HTMLElement | null) => void,
) {
	const fetcher = useFetcher<SaveResponse>({ key: `save-use-case-${useCaseId}` })
	const formRef = useRef<HTMLFormElement>(null)
	const version = useRef(loadedVersion)
	const inFlight = useRef<{ submitter: HTMLElement | null; answers: string } | null>(null)
	const queued = useRef<{ submitter: HTMLElement | null } | null>(null)
	const handled = useRef<SaveResponse | undefined>(undefined)
	const { submit } = fetcher
	const { blocker, markSaved } = useUnsavedAnswers(formRef)

	const send = useCallback(
		(submitter: HTMLElement | null) => {
			const form = formRef.current
			if (!form) return
			const body = new FormData(form, submitter?.isConnected ? submitter : null)
			body.set('version', String(version.current))
			body.set('respond', 'data')
			inFlight.current = { submitter, answers: answersOf(form) }
			void submit(body, {
				method: 'post',
				action: `${form.getAttribute('action') ?? ''}` || undefined,
			})
		},
		[submit],
	)

	const enqueue = useCallback(
		(submitter: HTMLElement | null) => {
			if (inFlight.current) queued.current = { submitter }
			else send(submitter)
		},
		[send],
	)

	useEffect(() => {
		if (fetcher.state !== 'idle' || !fetcher.data || handled.current === fetcher.data) return
		handled.current = fetcher.data
		const response = fetcher.data
		const submitter = inFlight.current?.submitter ?? null
		const sentAnswers = inFlight.current?.answers ?? null
		inFlight.current = null
		if (response.outcome === 'saved' || response.outcome === 'incomplete')
			version.current = response.version
		// What was sent is now saved; anything typed since is still unsaved.
		if (
			sentAnswers !== null &&
			(response.outcome === 'saved' || (response.outcome === 'incomplete' && response.saved))
		)
			markSaved(sentAnswers)
		// The case left the form (submitted, say): leaving the page is what the person asked for.
		if (response.outcome === 'left' && formRef.current) markSaved(answersOf(formRef.current))
		onResponse(response, submitter)
		if (response.outcome === 'conflict' || response.outcome === 'left') queued.current = null
		const next = queued.current
		queued.current = null
		if (next) send(next.submitter)
	}, [fetcher.state, fetcher.data, onResponse, send, markSaved])

	return { formRef, enqueue, saving: fetcher.state !== 'idle', leaving: blocker }
}

/** The name of the hidden button Conform submits the form with to check a field (its `INTENT`). */
const CONFORM_INTENT = '__intent__'

export default function EditUseCase({ loaderData, actionData }: Route.ComponentProps) {
	const {
		useCase,
		document: saved,
		orgUnits,
		datasetOptions,
		datasetsWithUsage,
		team,
		duplicates,
		evaluation,
		requestedChanges,
	} = loaderData
	const navigate = useNavigate()
	const [searchParams, setSearchParams] = useSearchParams()
	const section = PageQuery.parse(Object.fromEntries(searchParams)).section
	const formId = `use-case-${useCase.id}`

	// The latest answer to a save, from the enhanced form or (without JavaScript) from the page post.
	const [response, setResponse] = useState<SaveResponse | undefined>(
		actionData as SaveResponse | undefined,
	)
	const [responseCount, setResponseCount] = useState(0)
	const statusRef = useRef<HTMLParagraphElement>(null)
	const conflictRef = useRef<HTMLDivElement>(null)
	const [pendingDatasets, setPendingDatasets] = useState<Array<string>>([])
	const sentDatasets = useRef<Array<string>>([])
	// A save's answer may open the next section; the opener is declared with the sections, further down.
	const openStepRef = useRef<(step: StepId) => void>(() => {})

	// Live findings: the answers as typed are evaluated (nothing is saved) shortly after each change.
	const liveFindings = useLiveFindings(useCase.id)
	const { saveAnswered } = liveFindings

	const onResponse = useCallback(
		(next: SaveResponse, submitter: HTMLElement | null) => {
			if (next.outcome === 'left') {
				void navigate(next.location)
				return
			}
			setResponse(next)
			setResponseCount((count) => count + 1)
			if (next.outcome === 'saved' || (next.outcome === 'incomplete' && next.saved)) {
				setPendingDatasets((pending) => pending.filter((id) => !sentDatasets.current.includes(id)))
				saveAnswered()
			}
			if (next.outcome === 'saved' && next.next) {
				openStepRef.current(next.next)
				return
			}
			// Focus goes to the outcome only when the person is still on the button they pressed (not typing on).
			const stillOnButton =
				!document.activeElement ||
				document.activeElement === document.body ||
				document.activeElement === submitter
			requestAnimationFrame(() => {
				if (next.outcome === 'conflict') conflictRef.current?.focus()
				else if (next.outcome === 'saved' && stillOnButton) statusRef.current?.focus()
			})
		},
		[navigate, saveAnswered],
	)
	const { formRef, enqueue, saving, leaving } = useSaveQueue(
		useCase.id,
		useCase.version,
		onResponse,
	)
	// The version the next save builds on: the latest this page saved, or a newer one the page has loaded since.
	const formVersion = Math.max(
		useCase.version,
		response?.outcome === 'saved' || response?.outcome === 'incomplete' ? response.version : 0,
	)

	const lastResult = response && 'result' in response ? response.result : undefined
	// With JavaScript the form keeps what was typed during a save: the answer's echo of the posted
	// values is not applied over it. (The page's own post, without JavaScript, renders from the echo.)
	const appliedResult = useMemo(
		() =>
			lastResult && response !== actionData
				? { ...lastResult, initialValue: undefined }
				: lastResult,
		[lastResult, response, actionData],
	)
	const [form, fields] = useForm({
		id: formId,
		lastResult: appliedResult,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: UseCaseFormSchema }),
		defaultValue: {
			...formDefaults(fieldRules, saved),
			orgUnit: saved.orgUnit,
			teamEmails: team.join('; '),
		},
	})

	// The datasets on the form: those saved, and those added here since, in the catalogue's order.
	const rows: Array<DatasetRow> = useMemo(() => {
		const savedRows = saved.datasets.map((dataset) => ({
			id: dataset.id ?? dataset.name,
			name: dataset.name,
			sensitivities: dataset.sensitivities,
			// A dataset linked but not yet told how it is used is stored with no usages.
			usage: datasetsWithUsage.includes(dataset.id ?? '') ? dataset.usage : [],
			minimumNecessaryJustification: dataset.minimumNecessaryJustification,
			pending: false,
		}))
		const added = pendingDatasets
			.filter((id) => !savedRows.some((row) => row.id === id))
			.flatMap((id) => {
				const option = datasetOptions.find((candidate) => candidate.id === id)
				return option
					? [
							{
								id,
								name: option.name,
								sensitivities: option.sensitivities,
								usage: [],
								pending: true,
							},
						]
					: []
			})
		return [...savedRows, ...added].sort((a, b) => a.name.localeCompare(b.name))
	}, [saved.datasets, datasetsWithUsage, pendingDatasets, datasetOptions])

	// The case as the answers now stand, so questions, required marks and statuses follow the typing.
	const live = useMemo(
		() =>
			documentFromLiveForm(
				saved,
				form.value ?? {},
				rows.map((row, index) => {
					const savedDataset = saved.datasets.find((dataset) => dataset.id === row.id)
					const option = datasetOptions.find((candidate) => candidate.id === row.id)
					// Why the data is needed, as typed (as saved until the form has been touched): the
					// check step counts it as Submit will.
					const typed = valueAt(form.value, `datasets.${index}.minimumNecessaryJustification`)
					const minimumNecessaryJustification =
						typeof typed === 'string'
							? typed.trim() || undefined
							: savedDataset?.minimumNecessaryJustification
					return {
						...(savedDataset ?? {
							id: row.id,
							name: row.name,
							category: option?.category ?? 'ADMINISTRATIVE_HR',
							sensitivities: row.sensitivities,
							sornNumber: option?.sornNumber ?? undefined,
							usage: ['OPERATION' as const],
							dataUseAgreementRequired: option?.dataUseAgreementRequired ?? false,
						}),
						minimumNecessaryJustification,
					}
				}),
			),
		[saved, form.value, rows, datasetOptions],
	)
	const visible = visibleFields(live)
	const required = new Set<string>(requiredFields(live))
	// Each dataset's uses as ticked (as saved until the form has been touched).
	const chosenUsages = rows.map((row, index) => {
		const ticked = valueAt(form.value, `datasets.${index}.usages`)
		if (Array.isArray(ticked)) return ticked.map(String)
		if (typeof ticked === 'string') return ticked ? [ticked] : []
		return form.value?.datasets === undefined ? row.usage : []
	})
	// What Submit would refuse now, counted as Submit counts it (a dataset's reason and use among them).
	const unanswered = Object.keys(submissionProblems(live, chosenUsages)).length
	const sections = (Object.keys(formSections) as Array<FormSectionId>).filter((id) =>
		id === 'data' || id === 'about'
			? true
			: questionsOfSection(id).some((path) => visible.has(path)),
	)
	const steps = stepsOf(sections)
	const current: StepId = steps.includes(section) ? section : 'about'

	// Errors from the browser's checks and the server's, keyed by form field name.
	const errorsByField = form.allErrors
	const sectionOfError = (name: string): FormSectionId | null =>
		name.startsWith('datasets') ? 'data' : sectionOf(name)
	const statusOf = (id: FormSectionId): SectionStatus => {
		const paths = questionsOfSection(id).filter((path) => visible.has(path))
		if (Object.keys(errorsByField).some((name) => name !== '' && sectionOfError(name) === id))
			return 'NEEDS_ATTENTION'
		const answered = paths.filter((path) => isAnswered(valueAt(live, path)))
		const missing = paths.filter((path) => required.has(path) && !isAnswered(valueAt(live, path)))
		const datasetsMissing =
			id === 'data' && (live.stage === 'PILOT' || live.stage === 'DEPLOYED') && rows.length === 0
		if (answered.length === 0 && (id !== 'data' || rows.length === 0)) return 'NOT_STARTED'
		if (missing.length || datasetsMissing) return 'IN_PROGRESS'
		return answered.length === paths.length || missing.length === 0 ? 'COMPLETE' : 'IN_PROGRESS'
	}
	const stepHref = (step: StepId) => `?section=${step}`
	const taskList: Array<TaskListEntry> = steps.map((step) => ({
		id: step,
		title: stepTitle(step),
		status: step === 'check' ? null : statusOf(step),
		href: stepHref(step),
	}))

	const headingRefs = useRef(new Map<StepId, HTMLHeadingElement>())
	const focusOnOpen = useRef<string | null>(null)
	const [openings, setOpenings] = useState(0)
	function openStep(step: StepId, focusTarget?: string) {
		focusOnOpen.current = focusTarget ?? `heading:${step}`
		setOpenings((count) => count + 1)
		if (step === current) return
		setSearchParams(
			(previous) => {
				const next = new URLSearchParams(previous)
				next.set('section', step)
				next.delete('saved')
				return next
			},
			{ preventScrollReset: focusTarget !== undefined },
		)
	}
	useEffect(() => {
		openStepRef.current = openStep
	})
	// Leaving a field for one of the form's buttons: the press checks every answer at once. Checking
	// the field on its way out (Conform listens for focusout on the document) would show its message
	// first and move the buttons down under the pointer, and the press landed beside them: the first
	// Save with a wrong date did nothing at all.
	useEffect(() => {
		const form = formRef.current
		if (!form) return
		const leaveTheCheckToThePress = (event: FocusEvent) => {
			const next = event.relatedTarget
			if (next instanceof HTMLButtonElement && next.form === form && next.type === 'submit')
				event.stopPropagation()
		}
		form.addEventListener('focusout', leaveTheCheckToThePress)
		return () => form.removeEventListener('focusout', leaveTheCheckToThePress)
	}, [formRef])
	// After a section opens, focus goes to its heading (or to the question a link pointed at).
	useEffect(() => {
		const target = focusOnOpen.current
		if (!target) return
		// The section opens once the address has changed; until then its contents are hidden.
		const element = target.startsWith('heading:')
			? headingRefs.current.get(target.slice('heading:'.length) as StepId)
			: document.getElementById(target)
		if (!element || element.closest('[hidden]')) return
		focusOnOpen.current = null
		element.focus()
	}, [current, openings])
	// Arriving from a link to a question (a finding, the case page), focus lands on it.
	useEffect(() => {
		const id = window.location.hash.slice(1)
		if (id) document.getElementById(decodeURIComponent(id))?.focus()
	}, [])

	// Where a question is answered: its step, and the element the focus goes to there. The page's
	// links (href, for a new tab or no JavaScript) and its in-page moves both read it.
	const questionPlace = (path: string): { step: StepId; target?: string } | null => {
		const dataset = /^datasets(?:\.(\d+)|\[(\d+)\])\.(\w+)$/.exec(path)
		if (dataset) {
			const index = dataset[1] ?? dataset[2]
			const row = rows[Number(index)]
			return {
				step: 'data',
				target: row
					? datasetQuestionInputId(formId, row.id, `datasets.${index}.${dataset[3]}`)
					: undefined,
			}
		}
		if (path === 'datasets') return { step: 'data', target: 'add-dataset' }
		const step = sectionOf(path)
		return step ? { step, target: questionInputId(formId, path) } : null
	}
	const goToQuestion = (path: string) => {
		const place = questionPlace(path)
		if (place) openStep(place.step, place.target)
	}
	const questionHref = (path: string) => {
		const place = questionPlace(path)
		return `?section=${place?.step ?? 'data'}${place?.target ? `#${place.target}` : ''}`
	}

	// The error summary lists what the last submission attempt found, each linked to its question,
	// and drops each as it is fixed. An answer found wrong while typing on (when its field is left)
	// is shown beside its field only: the summary growing above would push the page down under the
	// pointer as the person moves to the next question.
	const [attempts, setAttempts] = useState(0)
	const showSummary = attempts > 0 || Boolean(lastResult?.error)
	// What the attempt found: the form's errors, and the server's answer (which the form takes in after this render).
	const errorNames = [...Object.entries(errorsByField), ...Object.entries(lastResult?.error ?? {})]
		.filter(([name, messages]) => name !== '' && messages?.length)
		.map(([name]) => name)
	// Taken at each attempt and each answer to a save (React's way of deriving state while rendering).
	const summaryKey = `${attempts}-${responseCount}`
	const [summary, setSummary] = useState({ key: summaryKey, fields: new Set(errorNames) })
	if (summary.key !== summaryKey) setSummary({ key: summaryKey, fields: new Set(errorNames) })
	const summaryItems: Array<ErrorSummaryItem> = showSummary
		? Object.entries(errorsByField)
				.filter(([name, messages]) => messages?.length && summary.fields.has(name))
				.flatMap(([name, messages]) => {
					const path = name.replace(/^datasets\[(\d+)\]/, 'datasets.$1')
					const row = /^datasets\.(\d+)/.exec(path)
					const label = row ? `${rows[Number(row[1])]?.name ?? 'A dataset'}: ` : ''
					return (messages ?? []).map((message) => ({
						message: `${label}${message}`,
						href: questionHref(path),
						onSelect: () => goToQuestion(path),
					}))
				})
		: []
	const formLevelErrors = (form.errors ?? []).filter(Boolean)

	const requestPreview = liveFindings.request
	const previewed = liveFindings.evaluation
	const shownEvaluation = previewed ?? evaluation

	const linkedIds = new Set(rows.map((row) => row.id))
	const isDraft = useCase.status === 'DRAFT' || useCase.status === 'CHANGES_REQUESTED'
	// Not a controlled select: a re-render between the browser's `input` and `change` events (the
	// form's own field checks cause one) would set it back to its state before the choice, and the
	// choice made with the keyboard was lost before it reached `onChange`.
	const addSelect = useRef<HTMLSelectElement>(null)
	const [addProblem, setAddProblem] = useState(false)
	const addDataset = () => {
		const select = addSelect.current
		const id = select?.value ?? ''
		if (!select || !id) {
			setAddProblem(true)
			select?.focus()
			return
		}
		setAddProblem(false)
		select.value = ''
		setPendingDatasets((pending) => [...pending, id])
		const pendingWithIt = [...pendingDatasets, id]
		requestAnimationFrame(() => {
			document.getElementById(`${formId}-dataset-${id}`)?.focus()
			// A draft keeps what is added at once, as a person expects of "Add"; a case under review or
			// approved changes only when they save, since the change may re-open its review.
			if (isDraft) {
				liveFindings.saveSent()
				sentDatasets.current = pendingWithIt
				enqueue(null)
			} else requestPreview(formRef.current)
		})
	}

	const conflict = response?.outcome === 'conflict' ? response.conflict : null
	const savedNote =
		response?.outcome === 'saved' || (response?.outcome === 'incomplete' && response.saved)
			? `Draft saved at ${formatTime(response.savedAt)} (version ${response.version}).`
			: !response && searchParams.get('saved')
				? // Without JavaScript the save came back as a redirect: the page just loaded is that version.
					String(useCase.version) === searchParams.get('saved')
					? `Draft saved at ${formatTime(useCase.updatedAt)} (version ${useCase.version}).`
					: `Draft saved (version ${searchParams.get('saved')}).`
				: null
	const saveLabel = isDraft ? 'Save draft' : 'Save changes'
	const stepIndex = steps.indexOf(current)
	const nextStep = steps[stepIndex + 1]

	const actionBar = (step: StepId) =>
		step === current ? (
			<div className="space-y-3 border-t border-base-lighter pt-6">
				{conflict ? (
					<ConflictPanel conflict={conflict} panelRef={conflictRef} useCaseId={useCase.id} />
				) : null}
				<p
					ref={statusRef}
					tabIndex={-1}
					role="status"
					className={savedNote ? 'border-l-4 border-success bg-success-lighter p-3' : 'sr-only'}
				>
					{saving ? 'Saving…' : (savedNote ?? '')}
				</p>
				<div className="flex flex-wrap gap-4">
					{step === 'check' && isDraft ? (
						<Button name="intent" value="submit">
							{useCase.status === 'DRAFT' ? 'Submit for review' : 'Resubmit for review'}
						</Button>
					) : null}
					{nextStep && step !== 'check' ? (
						<Button name="next" value={nextStep}>
							Save and continue
						</Button>
					) : null}
					<Button variant="secondary" name="intent" value="save">
						{saveLabel}
					</Button>
				</div>
			</div>
		) : null

	return (
		<div className="space-y-6">
			<LeaveWithoutSaving blocker={leaving} saveLabel={saveLabel} />
			<p>
				<Link to={`/use-cases/${useCase.id}`}>Back to {useCase.trackingId}</Link>
			</p>
			<div>
				<h1 className="text-3xl font-bold break-words">
					{useCase.trackingId}: {saved.name}
				</h1>
				<p className="mt-2 max-w-3xl">
					Answer the sections in any order and save as you go; questions marked{' '}
					<span className="font-bold text-error">*</span> are required for submission at the stage
					you choose. The last step checks every answer before you submit.
				</p>
			</div>
			<RequestedChanges changes={requestedChanges} />
			{/* Below the widest layout the findings come after the form: the way to them starts here. */}
			<p className="xl:hidden">
				<a href="#findings-heading">Policy findings: {findingsSummary(shownEvaluation)}</a>
			</p>
			<div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_24rem]">
				<nav aria-label="Sections of the form" className="lg:sticky lg:top-4 lg:self-start">
					<h2 className="mb-2 text-lg font-bold">
						Step {stepIndex + 1} of {steps.length}
					</h2>
					<SectionTaskList
						entries={taskList}
						current={current}
						onSelect={(step) => openStep(step)}
						idPrefix="tasks"
					/>
				</nav>

				<FormProvider context={form.context}>
					<Form
						method="post"
						{...getFormProps(form)}
						ref={formRef}
						onSubmit={(event) => {
							const submitter = (event.nativeEvent as SubmitEvent).submitter
							form.onSubmit(event)
							// Conform checks a field as it is left by submitting the form with a hidden
							// button of its own: that is neither an attempt nor a save.
							if (submitter?.getAttribute('name') === CONFORM_INTENT) return
							liveFindings.saveSent()
							setAttempts((count) => count + 1)
							if (event.defaultPrevented) return
							event.preventDefault()
							sentDatasets.current = [...pendingDatasets]
							enqueue(submitter)
						}}
						onChange={(event) => requestPreview(event.currentTarget)}
						className="min-w-0 space-y-6"
					>
						<CsrfInput />
						<input type="hidden" name="version" value={formVersion} />
						<ErrorSummary
							id="error-summary"
							items={summaryItems}
							intro={formLevelErrors.join(' ') || undefined}
							focusKey={summaryKey}
						/>
						{!summaryItems.length && formLevelErrors.length && !conflict ? (
							<div
								role="alert"
								className="border-l-4 border-error bg-error-lighter p-3 font-semibold"
							>
								{formLevelErrors.join(' ')}
							</div>
						) : null}
						{current === 'about' ? <DuplicateList matches={duplicates} /> : null}

						{sections.map((step) => (
							<section
								key={step}
								hidden={step !== current}
								aria-labelledby={`section-${step}`}
								className="space-y-6"
							>
								<div>
									<h2
										id={`section-${step}`}
										tabIndex={-1}
										ref={(element) => {
											if (element) headingRefs.current.set(step, element)
										}}
										className="text-2xl font-bold"
									>
										{formSections[step].title}
									</h2>
									<p className="mt-1 text-base-darker">{formSections[step].summary}</p>
								</div>
								{questionsOfSection(step)
									.filter((path) => visible.has(path))
									.map((path) => (
										<QuestionField
											key={path}
											path={path}
											required={required.has(path)}
											orgUnits={orgUnits}
										/>
									))}
								{step === 'about' ? (
									<TextField
										label="Developers and other people on this use case (optional)"
										hint="The e-mail addresses they sign in to the tracker with, separated by semicolons. People listed on a case cannot review or decide it."
										field={fields.teamEmails}
									/>
								) : null}
								{step === 'practices' ? (
									<div>
										<p className="font-semibold">Independent review</p>
										<p>
											{saved.practices.independentReview
												? choiceLabel(independentReviewChoices[saved.practices.independentReview])
												: 'None on record yet'}
											. {fieldRules['practices.independentReview'].hint}
										</p>
									</div>
								) : null}
								{step === 'data' ? (
									<div className="space-y-4">
										<h3 className="text-xl font-bold">
											Datasets from the catalogue
											{live.stage === 'PILOT' || live.stage === 'DEPLOYED' ? (
												<span className="sr-only"> (at least one required)</span>
											) : null}
										</h3>
										<DatasetBlocks
											rows={rows}
											formId={formId}
											allErrors={errorsByField}
											onRemovePending={(id) => {
												setPendingDatasets((pending) =>
													pending.filter((candidate) => candidate !== id),
												)
												requestAnimationFrame(() => document.getElementById('add-dataset')?.focus())
											}}
										/>
										{/* Only the open section offers it: a hidden "Add dataset" button would be the form's default button. */}
										{current === 'data' ? (
											<div>
												<label htmlFor="add-dataset" className="block font-semibold">
													Add a dataset from the catalogue
												</label>
												<div className="mt-1 flex flex-wrap gap-2">
													<select
														ref={addSelect}
														id="add-dataset"
														name="addDatasetId"
														data-not-an-answer
														defaultValue=""
														aria-invalid={addProblem || undefined}
														aria-describedby={addProblem ? 'add-dataset-problem' : undefined}
														onChange={() => setAddProblem(false)}
														className="max-w-full min-w-0 border border-base-dark px-3 py-2"
													>
														<option value="">Choose a dataset…</option>
														{datasetOptions
															.filter((option) => !linkedIds.has(option.id))
															.map((option) => (
																<option key={option.id} value={option.id}>
																	{option.name}
																	{option.sensitivities.length
																		? ` (${option.sensitivities.join(', ')})`
																		: ''}
																</option>
															))}
													</select>
													<Button
														variant="secondary"
														name="intent"
														value="save"
														onClick={(event) => {
															event.preventDefault()
															addDataset()
														}}
													>
														Add dataset
													</Button>
												</div>
												<ErrorList
													id="add-dataset-problem"
													errors={
														addProblem ? ['Choose a dataset in the list, then add it.'] : null
													}
												/>
											</div>
										) : null}
									</div>
								) : null}
								{actionBar(step)}
							</section>
						))}

						<section
							hidden={current !== 'check'}
							aria-labelledby="section-check"
							className="space-y-6"
						>
							<div>
								<h2
									id="section-check"
									tabIndex={-1}
									ref={(element) => {
										if (element) headingRefs.current.set('check', element)
									}}
									className="text-2xl font-bold"
								>
									{stepTitle('check')}
								</h2>
								<p className="mt-1 text-base-darker">
									{unanswered === 0
										? 'Every required answer is given. Read them once more, then submit.'
										: `${unanswered === 1 ? '1 question needs' : `${unanswered} questions need`} an answer before you can submit: change ${unanswered === 1 ? 'it' : 'them'} below.`}
								</p>
							</div>
							<CheckAnswers
								sections={checkSections(
									sections,
									visible,
									required,
									live,
									questionHref,
									chosenUsages,
								)}
								onChange={goToQuestion}
							/>
							{actionBar('check')}
						</section>
					</Form>
				</FormProvider>

				<aside
					aria-labelledby="findings-heading"
					className="min-w-0 lg:col-span-2 xl:col-span-1 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto"
				>
					<p className="mb-2 text-sm" aria-live="polite">
						{previewed
							? 'These findings follow your answers as you type; they are not saved until you save.'
							: 'These findings are for the answers as last saved. Change an answer and they follow it as you type.'}
					</p>
					<PolicyFindings
						evaluation={shownEvaluation}
						compact
						questionLink={(result) => {
							const target = questionToAnswer(result, live)
							if (!target) return null
							return {
								href: questionHref(target),
								label: questionLinkLabel(target, live),
								onSelect: () => goToQuestion(target),
							}
						}}
					/>
				</aside>
			</div>
		</div>
	)
}

function checkSections(
	sections: Array<FormSectionId>,
	visible: Set<FieldPath>,
	required: Set<string>,
	live: ReturnType<typeof documentFromLiveForm>,
	questionHref: (path: string) => string,
	chosenUsages: ReadonlyArray<ReadonlyArray<string>>,
): Array<CheckAnswersSection> {
	return sections.map((id) => ({
		id,
		title: formSections[id].title,
		rows: [
			...questionsOfSection(id)
				.filter((path) => visible.has(path))
				.map((path) => ({
					path,
					name: fieldRules[path].name,
					value: valueAt(live, path),
					required: required.has(path),
					href: questionHref(path),
				})),
			...(id === 'data'
				? [
						{
							path: 'datasets',
							name: 'Datasets',
							value: live.datasets.map((dataset) => dataset.name).join('\n'),
							required: live.stage === 'PILOT' || live.stage === 'DEPLOYED',
							href: '?section=data#add-dataset',
						},
						...live.datasets.flatMap((dataset, index) => [
							{
								path: `datasets.${index}.usages`,
								name: `${dataset.name}: how it is used`,
								value: (chosenUsages[index] ?? [])
									.map((usage) => datasetUsageLabels[usage as DatasetUsage] ?? usage)
									.join('; '),
								required: true,
								href: questionHref(`datasets.${index}.usages`),
							},
							...(owesMinimumNecessaryReason(live.stage, dataset)
								? [
										{
											path: `datasets.${index}.minimumNecessaryJustification`,
											name: `${dataset.name}: why it is needed`,
											value: dataset.minimumNecessaryJustification,
											required: true,
											href: questionHref(`datasets.${index}.minimumNecessaryJustification`),
										},
									]
								: []),
						]),
					]
				: []),
		],
	}))
}
