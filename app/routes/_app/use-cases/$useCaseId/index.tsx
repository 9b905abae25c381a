import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import { CaseAnswers } from '#app/components/case-answers.tsx'
import { ChangeTable } from '#app/components/change-table.tsx'
import { ConfirmAction, SuccessAlert } from '#app/components/confirm-action.tsx'
import { Button, CsrfInput, RadioGroupField, TextAreaField } from '#app/components/forms.tsx'
import { StatusTag } from '#app/components/status-tag.tsx'
import { determinationChoices, MIN_RATIONALE_LENGTH } from '#app/modules/policies/determination.ts'
import {
	datasetQuestionAt,
	fieldAnswerText,
	fieldLabel,
	questionLinkLabel,
	questionToAnswer,
	sectionOf,
} from '#app/modules/use-cases/field-rules.ts'
import { formatDay, formatMomentDay } from '#app/utils/dates.ts'
import { datasetCategoryLabels, datasetSensitivityLabels } from '#app/modules/datasets/schemas.ts'
import { inheritedSensitivities } from '#app/modules/use-cases/use-case-document.ts'
import {
	canEditUseCase,
	deleteEmptyDraft,
	findDuplicatesFor,
	INVOLVED_MESSAGE,
	isEmptyDraft,
	isInvolvedIn,
	isListedOn,
	openableBy,
	recordDetermination,
	withdrawUseCase,
} from '#app/modules/use-cases/use-cases.server.ts'
import {
	choiceLabel,
	datasetUsageLabels,
	highImpactChoices,
	highImpactDeterminations,
} from '#app/modules/use-cases/vocabulary.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams, lockCounter, multiLineText, recordId } from '#app/utils/input-schemas.ts'
import { submissionKeySchema } from '#app/utils/form-submission.ts'
import { newSubmissionKey } from '#app/utils/form-submission.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { SessionUser } from '#app/utils/auth.server.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { findingCount, PolicyFindings } from '#app/components/policy-findings.tsx'
import { dataVersionOf } from '#app/modules/data-version/versioned-cache.server.ts'
import { caseViewAt } from '#app/modules/use-cases/case-view.server.ts'
import { CommentFormSchema } from '#app/modules/workflow/comment-schema.ts'
import { addComment } from '#app/modules/workflow/comments.server.ts'
import {
	decisionAccess,
	meetCondition,
	retireUseCase,
	startReReview,
} from '#app/modules/workflow/decisions.server.ts'
import { mayHoldLane } from '#app/modules/workflow/lane-rules.ts'
import { claimLane } from '#app/modules/workflow/lanes.server.ts'
import { changesSinceLastReview } from '#app/modules/workflow/review-queries.server.ts'
import { DuplicateList } from '../+duplicate-suggestions.tsx'
import { datasetQuestionInputId, questionInputId } from '../+intake-form.tsx'
import { CaseTabs, showsGovernanceTab } from '../+case-tabs.tsx'
import { Decisions, Discussion, RequestedChanges, ReviewLanes } from '../+review-panel.tsx'
import type { Route } from './+types/index.ts'

const Params = idParams('useCaseId')
const DeterminationSchema = z.object({
	intent: z.literal('determine'),
	determination: z.enum(highImpactDeterminations, { error: 'Choose a determination.' }),
	rationale: multiLineText().max(10_000, 'At most 10,000 characters.').optional(),
	version: lockCounter(),
})
const note = (message: string) =>
	multiLineText({ error: message }).min(3, message).max(5000, 'At most 5,000 characters.')
const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('withdraw') }),
	z.object({ intent: z.literal('delete') }),
	DeterminationSchema,
	z.object({
		intent: z.literal('claim'),
		laneReviewId: recordId(),
		revision: lockCounter(),
		/** Where the reviewer claimed it from: the queue keeps them there. */
		returnTo: z.string().max(200).optional(),
	}),
	CommentFormSchema.extend({ intent: z.literal('comment'), submissionKey: submissionKeySchema }),
	z.object({
		intent: z.literal('condition-met'),
		conditionId: recordId(),
		revision: lockCounter(),
		note: note('Say how the condition was met.'),
	}),
	z.object({ intent: z.literal('retire'), reason: note('Say why it is retired.') }),
	z.object({ intent: z.literal('re-review'), reason: note('Say why the review starts again.') }),
])

function determinationAccess(user: SessionUser, useCase: { status: string }, involved: boolean) {
	if (
		!rolesGrant(
			user.roles.map((r) => r.role),
			'determine:high-impact:any',
		)
	)
		return { canDetermine: false, whyNot: null }
	if (involved)
		return {
			canDetermine: false,
			whyNot: `${INVOLVED_MESSAGE} someone independent of it must make the determination.`,
		}
	if (['DRAFT', 'WITHDRAWN', 'RETIRED'].includes(useCase.status))
		return { canDetermine: false, whyNot: null }
	return { canDetermine: true, whyNot: null }
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{
		title: `${loaderData?.document.trackingId ?? ''} ${loaderData?.document.name ?? 'Use case'} · AI Governance Tracker`,
	},
]

const PageQuery = z.object({
	tab: z.enum(['overview', 'data', 'findings', 'review']).catch('overview').default('overview'),
	confirm: z.enum(['withdraw', 'delete']).optional().catch(undefined),
})

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const { tab, confirm } = PageQuery.parse(searchParamsOf(request))
	const view = await caseViewAt(useCaseId, await dataVersionOf(request))
	try {
		openableBy(user, view?.useCase ?? null)
	} catch (error) {
		throwAsResponse(error)
	}
	const { useCase, document, lanes, decisions, comments, evaluation } = view!
	const listed = isListedOn(user, useCase)
	// Ever listed on it, or wrote part of it: may never review or decide it.
	const involved = isInvolvedIn(user, useCase)
	const duplicates =
		listed && useCase.status === 'DRAFT'
			? await findDuplicatesFor(user, {
					name: useCase.name,
					problemSolved: useCase.problemSolved ?? undefined,
					datasetIds: useCase.datasets.map((d) => d.dataset.id),
					vendorNames: useCase.vendorNames,
					excludeId: useCase.id,
				})
			: []
	const roles = user.roles.map((r) => r.role)
	const inReview = ['SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED'].includes(useCase.status)
	const decided = useCase.status === 'APPROVED' || useCase.status === 'APPROVED_WITH_CONDITIONS'
	const isLead = rolesGrant(roles, 'decide:use-case:any')
	const access = decisionAccess(user, useCase)
	return {
		review: {
			round: useCase.reviewRound,
			canAssign: isLead && !involved && inReview,
			canDecide: access.canDecide,
			decideWhyNot: access.whyNot,
			canRetire:
				decided &&
				((listed && rolesGrant(roles, 'update:use-case:own')) ||
					rolesGrant(roles, 'bulk-update:use-case:any')),
			canReReview: decided && isLead,
			nextReviewDue: useCase.nextReviewDue,
			canComment:
				useCase.status === 'DRAFT' ? listed : listed || rolesGrant(roles, 'comment:use-case:any'),
			lanes: lanes.map((lane) => ({
				...lane,
				canClaim:
					inReview &&
					!involved &&
					lane.assignee === null &&
					lane.status === 'OPEN' &&
					rolesGrant(roles, 'claim:review:any') &&
					mayHoldLane({ roles: user.roles }, lane.lane),
				canDecide:
					useCase.status === 'IN_REVIEW' &&
					!involved &&
					lane.status === 'OPEN' &&
					(lane.assignee?.id === user.id || isLead),
			})),
			decisions: decisions.map((decision) => ({
				...decision,
				conditions: decision.conditions.map(({ ownerId, ...condition }) => ({
					...condition,
					canMeet: condition.metAt === null && (ownerId === user.id || (isLead && !involved)),
				})),
			})),
			comments,
			submissionKey: newSubmissionKey(context),
		},
		showsGovernance: showsGovernanceTab(useCase),
		tab,
		confirm,
		// For a reviewer back on a case they judged before: what changed since.
		changesSinceReview: roles.some((role) => role === 'REVIEWER' || role === 'GOVERNANCE_LEAD')
			? await changesSinceLastReview(user.id, useCase.id, document)
			: null,
		evaluation,
		useCase: {
			id: useCase.id,
			status: useCase.status,
			version: useCase.version,
			owner: useCase.owner,
			orgUnit: useCase.orgUnit,
			team: useCase.contacts.filter((c) => c.role === 'DEVELOPER').map((c) => c.user),
		},
		document,
		duplicates,
		canEdit: canEditUseCase(user, useCase),
		canWithdraw:
			listed && ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED'].includes(useCase.status),
		canDelete: listed && isEmptyDraft(useCase),
		determination: determinationAccess(user, useCase, involved),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const { useCaseId } = parseOrBadRequest(Params, params)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: ActionSchema })
	if (submission.status !== 'success') {
		await requireUserWithPermission(request, 'read:use-case:any')
		return data({ message: null, result: submission.reply() }, { status: 400 })
	}
	const requestInfo = context.get(requestInfoContext)
	const value = submission.value
	try {
		if (value.intent === 'determine') {
			const actor = await requireUserWithPermission(request, 'determine:high-impact:any')
			const outcome = await recordDetermination(actor, useCaseId, value, requestInfo)
			if (outcome.status === 'invalid') {
				return data(
					{ message: null, result: submission.reply({ fieldErrors: outcome.fieldErrors }) },
					{ status: 400 },
				)
			}
			return redirect(`/use-cases/${useCaseId}`)
		}
		if (value.intent === 'claim') {
			const actor = await requireUserWithPermission(request, 'claim:review:any')
			const claimed = await claimLane(actor, value, requestInfo)
			const back = safeRedirect(value.returnTo, `/use-cases/${useCaseId}?tab=review`)
			return redirect(
				`${back}${back.includes('?') ? '&' : '?'}claimed=${encodeURIComponent(claimed)}`,
			)
		}
		if (value.intent === 'comment') {
			const actor = await requireUserWithPermission(request, 'read:use-case:any')
			const comment = await addComment(actor, { ...value, useCaseId }, requestInfo)
			return redirect(`/use-cases/${useCaseId}?tab=review&commented=1#comment-${comment.id}`)
		}
		if (value.intent === 'condition-met') {
			const actor = await requireUserWithPermission(request, 'read:use-case:any')
			await meetCondition(actor, value, requestInfo)
			return redirect(`/use-cases/${useCaseId}?tab=review#conditions`)
		}
		if (value.intent === 'retire') {
			const actor = await requireUserWithPermission(request, 'read:use-case:any')
			await retireUseCase(actor, { useCaseId, reason: value.reason }, requestInfo)
			return redirect(`/use-cases/${useCaseId}`)
		}
		if (value.intent === 're-review') {
			const actor = await requireUserWithPermission(request, 'decide:use-case:any')
			await startReReview(actor, { useCaseId, reason: value.reason }, requestInfo)
			return redirect(`/use-cases/${useCaseId}`)
		}
		const actor = await requireUserWithPermission(request, 'withdraw:use-case:own')
		if (value.intent === 'withdraw') {
			await withdrawUseCase(actor, useCaseId, requestInfo)
			return redirect(`/use-cases/${useCaseId}`)
		}
		const deleted = await deleteEmptyDraft(actor, useCaseId, requestInfo)
		return redirect(`/use-cases/mine?deleted=${encodeURIComponent(deleted)}`)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data(
				{ message: error.message, result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		}
		throwAsResponse(error)
	}
}

function DeterminationForm({
	version,
	presumed,
	lastResult,
}: {
	version: number
	presumed: boolean
	lastResult?: SubmissionResult<Array<string>>
}) {
	const [form, fields] = useForm({
		id: `determination-${version}`,
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: DeterminationSchema }),
	})
	return (
		<Form
			method="post"
			{...getFormProps(form)}
			className="mt-4 space-y-4 border-t border-base-lighter pt-4"
		>
			<CsrfInput />
			<input type="hidden" name="intent" value="determine" />
			<input type="hidden" name="version" value={version} />
			<RadioGroupField
				legend="Record the determination"
				hint={
					presumed
						? 'The checks presume it high-impact (M-25-21 §6): “Presumed high-impact, but determined not” needs a written justification.'
						: 'The checks found no §6 presumption: recording it high-impact, or presumed so, needs a written reason.'
				}
				field={fields.determination}
				options={determinationChoices(presumed).map((key) => ({
					value: key,
					label: choiceLabel(highImpactChoices[key]),
				}))}
			/>
			<TextAreaField
				label="Rationale"
				hint={`Required when the determination departs from the presumption: at least ${MIN_RATIONALE_LENGTH} characters, a full sentence or more.`}
				field={fields.rationale}
			/>
			<Button>Record determination</Button>
		</Form>
	)
}

function AtAGlance({ term, children }: { term: string; children: React.ReactNode }) {
	return (
		<div className="py-2">
			<dt className="text-sm font-semibold text-base-darker">{term}</dt>
			<dd className="mt-0.5">{children}</dd>
		</div>
	)
}

export default function UseCasePage({ loaderData, actionData }: Route.ComponentProps) {
	const {
		useCase,
		document: doc,
		duplicates,
		canEdit,
		canWithdraw,
		canDelete,
		evaluation,
		determination,
		review,
		showsGovernance,
		tab,
		confirm,
		changesSinceReview,
	} = loaderData
	const sensitivities = inheritedSensitivities(doc.datasets)
	const [searchParams] = useSearchParams()
	const reopened = searchParams.get('reopened')
	const claimed = searchParams.get('claimed')
	const fieldErrors = actionData?.result?.error ?? {}
	const failing = evaluation.results.filter((result) => result.status === 'FAIL').length
	const attention = evaluation.results.filter(
		(result) => result.status === 'NEEDS_ATTENTION',
	).length
	const decidedLanes = review.lanes.filter(
		(lane) => lane.status === 'APPROVED' || lane.status === 'REJECTED',
	).length
	const base = `/use-cases/${useCase.id}`
	const questionLink = canEdit
		? (result: { nextStep: string | null; nextQuestion?: string }) => {
				const path = questionToAnswer(result, doc)
				if (!path) return null
				const formId = `use-case-${useCase.id}`
				// The edit form names a dataset's block by its catalogue id, else by its name.
				const part = datasetQuestionAt(path)
				const dataset = part ? doc.datasets[part.index] : undefined
				return {
					href: dataset
						? `${base}/edit?section=data#${datasetQuestionInputId(formId, dataset.id ?? dataset.name, path)}`
						: path === 'datasets'
							? `${base}/edit?section=data#add-dataset`
							: `${base}/edit?section=${sectionOf(path)}#${questionInputId(formId, path)}`,
					label: questionLinkLabel(path, doc),
				}
			}
		: undefined
	return (
		<div className="space-y-6">
			<p>
				<Link to="/use-cases">All use cases</Link>
			</p>
			<div className="flex flex-wrap items-start justify-between gap-4">
				<div className="min-w-0">
					<p className="font-mono text-base-darker">{doc.trackingId}</p>
					<h1 className="text-3xl font-bold break-words">{doc.name}</h1>
					<p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1">
						<StatusTag status={useCase.status} />
						<span>
							{useCase.orgUnit.name} · owner {useCase.owner.name}
						</span>
					</p>
				</div>
				{canEdit ? (
					<Link
						to="edit"
						className="rounded bg-primary px-4 py-2 font-bold text-white no-underline hover:bg-primary-dark hover:text-white"
					>
						Edit
					</Link>
				) : null}
			</div>
			{searchParams.get('submitted') ? (
				<SuccessAlert>
					Submitted for review. The governance lead has been notified; the review lanes follow from
					the findings.
				</SuccessAlert>
			) : null}
			{reopened ? (
				<SuccessAlert>
					Saved. The change to{' '}
					{reopened
						.split(',')
						.map((path) => fieldLabel(path))
						.join(', ')}{' '}
					is material, so the review has started again (round {review.round}).
				</SuccessAlert>
			) : null}
			{claimed ? (
				<SuccessAlert>You claimed {claimed}. It is in your review queue.</SuccessAlert>
			) : null}
			{searchParams.get('lane') ? (
				<SuccessAlert>Your decision on the lane is recorded.</SuccessAlert>
			) : null}
			{searchParams.get('commented') ? (
				<SuccessAlert>
					Your comment is posted; the people listed on the case are notified.
				</SuccessAlert>
			) : null}
			{actionData?.message ? (
				<p role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					{actionData.message}
				</p>
			) : null}
			{useCase.status === 'CHANGES_REQUESTED' && canEdit ? (
				<RequestedChanges
					changes={review.lanes.filter((lane) => lane.status === 'CHANGES_REQUESTED')}
					editHref="edit"
				/>
			) : null}
			<CaseTabs
				useCaseId={useCase.id}
				current={tab}
				findings={
					failing
						? findingCount('FAIL', failing)
						: attention
							? findingCount('NEEDS_ATTENTION', attention)
							: undefined
				}
				showsGovernance={showsGovernance}
			/>

			{tab === 'overview' ? (
				<div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_22rem]">
					<div className="min-w-0 space-y-6">
						<DuplicateList matches={duplicates} />
						{confirm === 'withdraw' ? (
							<ConfirmAction
								title={`Withdraw ${doc.trackingId}?`}
								intent="withdraw"
								confirmLabel="Yes, withdraw it"
								cancelTo={base}
								danger
							>
								<p>
									Its review stops, and the governance lead and its reviewers are told. The use case
									and its history stay in the tracker; its tracking id is never reused.
								</p>
							</ConfirmAction>
						) : null}
						{confirm === 'delete' ? (
							<ConfirmAction
								title={`Delete the draft ${doc.trackingId}?`}
								intent="delete"
								confirmLabel="Yes, delete this draft"
								cancelTo={base}
								danger
							>
								<p>
									Nothing has been answered on it yet. Deleting it cannot be undone; the audit trail
									keeps a record, and its tracking id is not reused.
								</p>
							</ConfirmAction>
						) : null}
						<section
							aria-labelledby="determination-heading"
							className="border border-base-lighter p-4"
						>
							<h2 id="determination-heading" className="text-xl font-bold">
								High-impact determination
							</h2>
							<p>
								{evaluation.presumedHighImpact
									? `The checks presume it high-impact under M-25-21 §6(${evaluation.presumedCategories.join('), §6(')}).`
									: 'The checks find no M-25-21 §6 presumption.'}
							</p>
							<p className="font-semibold">
								{doc.highImpact.determination
									? `${choiceLabel(highImpactChoices[doc.highImpact.determination])}, recorded by ${doc.highImpact.determinedBy ?? 'the governance lead'} on ${doc.highImpact.determinedOn ? formatDay(doc.highImpact.determinedOn) : 'an unknown date'}.`
									: 'Not yet determined by the governance lead.'}
							</p>
							{doc.highImpact.justification ? (
								<p>Rationale: {doc.highImpact.justification}</p>
							) : null}
							{determination.canDetermine ? (
								<DeterminationForm
									version={useCase.version}
									presumed={evaluation.presumedHighImpact}
									lastResult={actionData?.result}
								/>
							) : determination.whyNot ? (
								<p className="mt-2 text-base-darker">{determination.whyNot}</p>
							) : null}
						</section>
						<section aria-labelledby="answers-heading" className="space-y-3">
							<h2 id="answers-heading" className="text-2xl font-bold">
								Answers
							</h2>
							<dl className="grid gap-x-6 gap-y-2 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
								<dt className="font-semibold">Developers and others listed</dt>
								<dd>
									{useCase.team.length ? (
										useCase.team.map((member) => `${member.name} (${member.email})`).join('; ')
									) : (
										<span className="text-base-dark">None</span>
									)}
								</dd>
							</dl>
							<CaseAnswers doc={doc} />
						</section>
						{doc.asWritten && Object.keys(doc.asWritten).length ? (
							<section
								aria-labelledby="as-written-heading"
								className="space-y-2 border-l-4 border-warning-dark bg-warning-lighter p-3"
							>
								<h2 id="as-written-heading" className="text-xl font-bold">
									Kept as written
								</h2>
								<p>
									An imported file answered these in words the tracker could not read as one of its
									values. OMB’s file carries them as written; answering the question here replaces
									them.
								</p>
								<dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[18rem_1fr]">
									{Object.entries(doc.asWritten).map(([column, text]) => (
										<div key={column} className="contents">
											<dt className="break-words font-mono">{column}</dt>
											<dd className="whitespace-pre-line break-words">{text}</dd>
										</div>
									))}
								</dl>
							</section>
						) : null}
						{canWithdraw || canDelete ? (
							<section
								aria-labelledby="manage-heading"
								className="space-y-3 border-t border-base-lighter pt-6"
							>
								<h2 id="manage-heading" className="text-xl font-bold">
									Withdraw or delete
								</h2>
								<div className="flex flex-wrap gap-4">
									{canWithdraw ? (
										<Link
											to="?confirm=withdraw"
											preventScrollReset
											className="rounded border-2 border-primary px-4 py-2 font-bold no-underline"
										>
											Withdraw this use case
										</Link>
									) : null}
									{canDelete ? (
										<Link
											to="?confirm=delete"
											preventScrollReset
											className="rounded bg-error px-4 py-2 font-bold text-white no-underline hover:text-white"
										>
											Delete this empty draft
										</Link>
									) : null}
								</div>
							</section>
						) : null}
					</div>
					<aside
						aria-labelledby="glance-heading"
						className="space-y-2 self-start border border-base-lighter bg-base-lightest p-4"
					>
						<h2 id="glance-heading" className="text-lg font-bold">
							At a glance
						</h2>
						<dl className="divide-y divide-base-lighter">
							<AtAGlance term="Status">
								<StatusTag status={useCase.status} />
							</AtAGlance>
							<AtAGlance term="Stage">
								{doc.stage ? fieldAnswerText('stage', doc.stage).split(' – ')[0] : 'Not chosen yet'}
							</AtAGlance>
							<AtAGlance term="Findings">
								<Link to="?tab=findings">
									{failing || attention
										? [
												failing ? findingCount('FAIL', failing) : null,
												attention ? findingCount('NEEDS_ATTENTION', attention) : null,
											]
												.filter(Boolean)
												.join(', ')
										: 'All checks pass'}
								</Link>
							</AtAGlance>
							<AtAGlance term={`Review${review.round > 0 ? ` (round ${review.round})` : ''}`}>
								<Link to="?tab=review">
									{review.lanes.length
										? `${decidedLanes} of ${review.lanes.length} ${review.lanes.length === 1 ? 'lane' : 'lanes'} decided`
										: review.round === 0
											? 'Not submitted yet'
											: 'No lane needed'}
								</Link>
							</AtAGlance>
							<AtAGlance term="Data">
								<Link to="?tab=data">
									{doc.datasets.length === 1 ? '1 dataset' : `${doc.datasets.length} datasets`}
								</Link>
								{sensitivities.length ? (
									<span className="block text-sm">
										Strictest: {datasetSensitivityLabels[sensitivities[0]!]}
									</span>
								) : null}
							</AtAGlance>
							{review.nextReviewDue ? (
								<AtAGlance term="Next periodic review">{formatDay(review.nextReviewDue)}</AtAGlance>
							) : null}
						</dl>
					</aside>
				</div>
			) : null}

			{tab === 'data' ? (
				<section aria-labelledby="datasets-heading" className="space-y-3">
					<h2 id="datasets-heading" className="text-2xl font-bold">
						Datasets it touches
					</h2>
					<p>
						Strictest sensitivity inherited from its datasets:{' '}
						{sensitivities.length
							? sensitivities.map((s) => datasetSensitivityLabels[s]).join('; ')
							: 'none of its datasets is sensitive'}
						.
					</p>
					{doc.datasets.length === 0 ? <p>No datasets linked.</p> : null}
					<ul className="grid gap-3 lg:grid-cols-2">
						{doc.datasets.map((dataset) => (
							<li key={dataset.id} className="border border-base-lighter p-3">
								<Link to={`/datasets/${dataset.id}`} className="font-semibold">
									{dataset.name}
								</Link>
								<p className="text-sm">
									{datasetCategoryLabels[dataset.category]} ·{' '}
									{dataset.sensitivities.map((s) => datasetSensitivityLabels[s]).join('; ') ||
										'no sensitive data'}
								</p>
								<p className="text-sm">
									Used for{' '}
									{dataset.usage.map((u) => datasetUsageLabels[u].toLowerCase()).join(', ')}
								</p>
								{dataset.minimumNecessaryJustification ? (
									<p className="text-sm">Why needed: {dataset.minimumNecessaryJustification}</p>
								) : null}
							</li>
						))}
					</ul>
					<CaseAnswers doc={doc} sections={['data']} />
				</section>
			) : null}

			{tab === 'findings' ? (
				<PolicyFindings evaluation={evaluation} questionLink={questionLink} />
			) : null}

			{tab === 'review' ? (
				<div className="space-y-6">
					{changesSinceReview ? (
						<section
							aria-labelledby="since-heading"
							className="space-y-2 border-l-8 border-primary bg-primary-lighter p-4"
						>
							<h2 id="since-heading" className="text-xl font-bold">
								What changed since you reviewed it on{' '}
								{formatMomentDay(changesSinceReview.decidedAt)}
							</h2>
							{changesSinceReview.changes.length ? (
								<ChangeTable
									caption={`Changes since version ${changesSinceReview.versionNumber}`}
									changes={changesSinceReview.changes}
									beforeHeading="When you reviewed it"
									afterHeading="Now"
								/>
							) : (
								<p>No answer has changed since.</p>
							)}
						</section>
					) : null}
					<ReviewLanes
						useCaseId={useCase.id}
						round={review.round}
						lanes={review.lanes}
						canAssign={review.canAssign}
						canDecide={review.canDecide}
						decideWhyNot={review.decideWhyNot}
					/>
					<Decisions decisions={review.decisions} />
					{review.canRetire || review.canReReview ? (
						<section
							aria-labelledby="lifecycle-heading"
							className="space-y-3 border border-base-lighter p-4"
						>
							<h2 id="lifecycle-heading" className="text-xl font-bold">
								After approval
							</h2>
							<div className="grid gap-4 md:grid-cols-2">
								{review.canReReview ? (
									<ReasonForm
										intent="re-review"
										label="Why review it again?"
										placeholder="Yearly re-review"
										action={<Button variant="secondary">Start a re-review</Button>}
									/>
								) : null}
								{review.canRetire ? (
									<ReasonForm
										intent="retire"
										label="Why is it retired?"
										action={<Button variant="danger">Retire this use case</Button>}
									/>
								) : null}
							</div>
						</section>
					) : null}
					<Discussion
						comments={review.comments}
						submissionKey={review.submissionKey}
						canComment={review.canComment}
						errors={
							actionData?.result?.status === 'error'
								? {
										body: fieldErrors.body ?? undefined,
										form: actionData?.result?.error?.[''] ?? undefined,
									}
								: undefined
						}
					/>
				</div>
			) : null}
		</div>
	)
}

/** A lifecycle step that asks why: the reason goes into the audit trail and the notification. */
function ReasonForm({
	intent,
	label,
	placeholder,
	action,
}: {
	intent: 're-review' | 'retire'
	label: string
	placeholder?: string
	action: React.ReactNode
}) {
	return (
		<Form method="post" className="space-y-2">
			<CsrfInput />
			<input type="hidden" name="intent" value={intent} />
			<label htmlFor={`${intent}-reason`} className="block font-semibold">
				{label}
			</label>
			<input
				id={`${intent}-reason`}
				name="reason"
				className="block w-full border border-base-dark px-3 py-2"
				placeholder={placeholder}
			/>
			{action}
		</Form>
	)
}
