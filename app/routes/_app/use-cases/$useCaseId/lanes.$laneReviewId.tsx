import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import {
	Button,
	CsrfInput,
	FormErrors,
	RadioGroupField,
	TextAreaField,
} from '#app/components/forms.tsx'
import { PolicyFindings } from '#app/components/policy-findings.tsx'
import { evaluateWithCurrentPack, storedEvaluation } from '#app/modules/policies/packs.server.ts'
import {
	getUseCaseForUser,
	INVOLVED_MESSAGE,
	isInvolvedIn,
	toDocument,
} from '#app/modules/use-cases/use-cases.server.ts'
import { decideLane, lanesOfRound } from '#app/modules/workflow/lanes.server.ts'
import { changesSinceLastReview } from '#app/modules/workflow/review-queries.server.ts'
import { CommentFormSchema } from '#app/modules/workflow/comment-schema.ts'
import { addComment, listComments } from '#app/modules/workflow/comments.server.ts'
import { submissionKeySchema } from '#app/utils/form-submission.ts'
import { newSubmissionKey } from '#app/utils/form-submission.server.ts'
import { CaseAnswers } from '#app/components/case-answers.tsx'
import { ChangeTable } from '#app/components/change-table.tsx'
import { formatMomentDay } from '#app/utils/dates.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams, lockCounter } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels, rolesGrant } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { Discussion } from '../+review-panel.tsx'
import type { Route } from './+types/lanes.$laneReviewId.ts'

const Params = idParams('useCaseId', 'laneReviewId')
const LaneDecisionSchema = z.object({
	intent: z.literal('decide'),
	decision: z.enum(['approve', 'reject', 'request_changes'], {
		error: 'Choose your decision on this lane.',
	}),
	note: z
		.string({ error: 'Explain your decision; the submitters and the governance lead read it.' })
		.trim()
		.min(3, 'Explain your decision; the submitters and the governance lead read it.')
		.max(5000, 'At most 5,000 characters.'),
	version: lockCounter(),
	revision: lockCounter(),
})
/** The lane page holds the case's discussion too: a reviewer asks and decides in one place. */
const LanePageActionSchema = z.discriminatedUnion('intent', [
	LaneDecisionSchema,
	CommentFormSchema.extend({ intent: z.literal('comment'), submissionKey: submissionKeySchema }),
])

const decisionOptions = [
	{ value: 'approve', label: 'Approve this lane' },
	{ value: 'request_changes', label: 'Ask the submitters for changes' },
	{ value: 'reject', label: 'Reject this lane' },
]

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{
		title: `${loaderData?.laneLabel ?? 'Review lane'} · ${loaderData?.useCase.trackingId ?? ''} · AI Governance Tracker`,
	},
]

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'review:use-case:assigned')
	const { useCaseId, laneReviewId } = parseOrBadRequest(Params, params)
	const useCase = await getUseCaseForUser(user, useCaseId).catch(throwAsResponse)
	const lane = (await lanesOfRound(useCase.id, useCase.reviewRound)).find(
		(candidate) => candidate.id === laneReviewId,
	)
	if (!lane)
		throw data(
			{ message: 'This lane is not part of the case’s current review round.' },
			{ status: 404 },
		)
	const roles = user.roles.map((r) => r.role)
	const isLead = rolesGrant(roles, 'decide:use-case:any')
	if (isInvolvedIn(user, useCase))
		throw data({ message: `${INVOLVED_MESSAGE} you cannot review it.` }, { status: 403 })
	if (lane.assignee?.id !== user.id && !isLead)
		throw data(
			{
				message: 'Only the reviewer assigned to this lane, or the governance lead, can decide it.',
			},
			{ status: 403 },
		)
	const document = toDocument(useCase)
	const evaluation =
		(await storedEvaluation(useCase.id, useCase.version)) ??
		(await evaluateWithCurrentPack(document))
	return {
		useCase: {
			id: useCase.id,
			trackingId: useCase.trackingId,
			name: useCase.name,
			status: useCase.status,
			version: useCase.version,
		},
		lane,
		laneLabel: reviewLaneLabels[lane.lane],
		// The findings this lane is asked to weigh, then the rest for context.
		evaluation: {
			...evaluation,
			results: evaluation.results.filter((result) => result.lane === lane.lane),
		},
		otherFindings: evaluation.results.filter((result) => result.lane !== lane.lane).length,
		document,
		changesSinceReview: await changesSinceLastReview(user.id, useCase.id, document),
		comments: await listComments(useCase.id),
		canComment: rolesGrant(roles, 'comment:use-case:any'),
		submissionKey: newSubmissionKey(context),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'review:use-case:assigned')
	const { useCaseId, laneReviewId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: LanePageActionSchema })
	const form = submission.payload.intent === 'comment' ? 'comment' : 'decide'
	if (submission.status !== 'success')
		return data({ form, result: submission.reply() }, { status: 400 })
	const value = submission.value
	const requestInfo = context.get(requestInfoContext)
	try {
		if (value.intent === 'comment') {
			const comment = await addComment(actor, { ...value, useCaseId }, requestInfo)
			return redirect(
				`/use-cases/${useCaseId}/lanes/${laneReviewId}?commented=1#comment-${comment.id}`,
			)
		}
		await decideLane(actor, { laneReviewId, ...value }, requestInfo)
		return redirect(`/use-cases/${useCaseId}?tab=review&lane=${value.decision}`)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data(
				{ form, result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		throwAsResponse(error)
	}
}

export default function ReviewLane({ loaderData, actionData }: Route.ComponentProps) {
	const {
		useCase,
		lane,
		laneLabel,
		evaluation,
		otherFindings,
		document,
		changesSinceReview,
		comments,
		canComment,
		submissionKey,
	} = loaderData
	const [searchParams] = useSearchParams()
	// Each form reads only its own answer: a comment's problems stay by the comment box.
	const commentResult = actionData?.form === 'comment' ? actionData.result : undefined
	const decisionResult = actionData?.form === 'decide' ? actionData.result : undefined
	const [form, fields] = useForm({
		id: `lane-${lane.id}-${lane.revision}`,
		lastResult: decisionResult,
		shouldValidate: 'onBlur',
		// Messages clear as the person corrects the answer, so nothing moves under the pointer on blur.
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LaneDecisionSchema }),
	})
	return (
		<div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
			<div className="min-w-0 space-y-6">
				<p>
					<Link to={`/use-cases/${useCase.id}?tab=review`}>Back to {useCase.trackingId}</Link>
				</p>
				<h1 className="text-3xl font-bold">
					{laneLabel}: {useCase.name}
				</h1>
				<p>
					You decide this lane on version {useCase.version} of the use case. If someone changes the
					case, or another reviewer decides the lane first, your decision is refused and nothing is
					lost: reload and decide again.
				</p>
				{lane.status !== 'OPEN' ? (
					<p role="status" className="border-l-4 border-base-dark bg-base-lightest p-3">
						This lane is {lane.status.toLowerCase().replace(/_/g, ' ')}
						{lane.decidedBy ? ` by ${lane.decidedBy.name}` : ''}.
					</p>
				) : useCase.status !== 'IN_REVIEW' ? (
					<p role="status" className="border-l-4 border-base-dark bg-base-lightest p-3">
						The use case is not in review now, so the lane cannot be decided.
					</p>
				) : (
					<Form
						method="post"
						{...getFormProps(form)}
						className="space-y-4 border border-base-lighter p-4"
					>
						<CsrfInput />
						<input type="hidden" name="version" value={useCase.version} />
						<input type="hidden" name="revision" value={lane.revision} />
						<input type="hidden" name="intent" value="decide" />
						<FormErrors id="lane-errors" errors={form.errors} />
						<RadioGroupField
							legend="Your decision"
							field={fields.decision}
							options={decisionOptions}
						/>
						<TextAreaField
							label="Note"
							hint="What you checked, and what must change if you ask for changes."
							field={fields.note}
							rows={5}
						/>
						<Button>Record decision</Button>
					</Form>
				)}
				{changesSinceReview ? (
					<section
						aria-labelledby="since-heading"
						className="space-y-2 border-l-8 border-primary bg-primary-lighter p-4"
					>
						<h2 id="since-heading" className="text-xl font-bold">
							What changed since you reviewed it on {formatMomentDay(changesSinceReview.decidedAt)}
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
				<PolicyFindings evaluation={evaluation} />
				{otherFindings ? (
					<p className="text-sm">
						{otherFindings === 1 ? '1 finding belongs' : `${otherFindings} findings belong`} to
						other lanes; they are on the use case’s page.
					</p>
				) : null}
				{searchParams.get('commented') ? (
					<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
						Your comment is posted; the people listed on the case are notified.
					</p>
				) : null}
				<Discussion
					comments={comments}
					submissionKey={submissionKey}
					canComment={canComment}
					errors={
						commentResult?.status === 'error'
							? {
									body: commentResult.error?.body ?? undefined,
									form: commentResult.error?.[''] ?? undefined,
								}
							: undefined
					}
				/>
			</div>
			<section aria-labelledby="case-answers-heading" className="min-w-0 space-y-4">
				<h2 id="case-answers-heading" className="text-2xl font-bold">
					The case’s answers
				</h2>
				<CaseAnswers doc={document} />
			</section>
		</div>
	)
}
