import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import { Button, CsrfInput, RadioGroupField, TextAreaField } from '#app/components/forms.tsx'
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
	affectedPartyLabels,
	choiceLabel,
	classificationChoices,
	contractingChoices,
	datasetUsageLabels,
	decisionRoleLabels,
	highImpactChoices,
	highImpactDeterminations,
	hostingLabels,
	informedDecisionLabels,
	stageChoices,
	topicAreaChoices,
	useCaseStatusLabels,
} from '#app/modules/use-cases/vocabulary.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams, lockCounter, multiLineText, recordId } from '#app/utils/input-schemas.ts'
import { submissionKeySchema } from '#app/utils/form-submission.ts'
import { newSubmissionKey } from '#app/utils/form-submission.server.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { SessionUser } from '#app/utils/auth.server.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { PolicyFindings } from '#app/components/policy-findings.tsx'
import { dataVersionOf } from '#app/modules/data-version/versioned-cache.server.ts'
import { caseViewAt } from '#app/modules/use-cases/case-view.server.ts'
import { CommentFormSchema } from '#app/modules/workflow/comment-schema.ts'
import { addComment } from '#app/modules/workflow/comments.server.ts'
import { decisionAccess, meetCondition, retireUseCase, startReReview } from '#app/modules/workflow/decisions.server.ts'
import { mayHoldLane } from '#app/modules/workflow/lane-rules.ts'
import { claimLane } from '#app/modules/workflow/lanes.server.ts'
import { DuplicateList } from '../+duplicate-suggestions.tsx'
import { Decisions, Discussion, ReviewLanes } from '../+review-panel.tsx'
import type { Route } from './+types/index.ts'

const Params = idParams('useCaseId')
const DeterminationSchema = z.object({
	intent: z.literal('determine'),
	determination: z.enum(highImpactDeterminations, { error: 'Choose a determination.' }),
	rationale: multiLineText().max(10_000, 'At most 10,000 characters.').optional(),
	version: lockCounter(),
})
const note = (message: string) => multiLineText({ error: message }).min(3, message).max(5000, 'At most 5,000 characters.')
const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('withdraw') }),
	z.object({ intent: z.literal('delete') }),
	DeterminationSchema,
	z.object({ intent: z.literal('claim'), laneReviewId: recordId(), revision: lockCounter() }),
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
	if (!rolesGrant(user.roles.map((r) => r.role), 'determine:high-impact:any')) return { canDetermine: false, whyNot: null }
	if (involved) return { canDetermine: false, whyNot: `${INVOLVED_MESSAGE} someone independent of it must make the determination.` }
	if (['DRAFT', 'WITHDRAWN', 'RETIRED'].includes(useCase.status)) return { canDetermine: false, whyNot: null }
	return { canDetermine: true, whyNot: null }
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `${loaderData?.document.trackingId ?? ''} ${loaderData?.document.name ?? 'Use case'} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
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
			canRetire: decided && ((listed && rolesGrant(roles, 'update:use-case:own')) || rolesGrant(roles, 'bulk-update:use-case:any')),
			canReReview: decided && isLead,
			nextReviewDue: useCase.nextReviewDue,
			canComment: useCase.status === 'DRAFT' ? listed : listed || rolesGrant(roles, 'comment:use-case:any'),
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
			submissionKey: newSubmissionKey(),
		},
		showsGovernance: useCase.highImpactDetermination === 'HIGH_IMPACT' || useCase.waivers.length > 0,
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
		canWithdraw: listed && ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED'].includes(useCase.status),
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
				return data({ message: null, result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 })
			}
			return redirect(`/use-cases/${useCaseId}`)
		}
		if (value.intent === 'claim') {
			const actor = await requireUserWithPermission(request, 'claim:review:any')
			await claimLane(actor, value, requestInfo)
			return redirect(`/use-cases/${useCaseId}`)
		}
		if (value.intent === 'comment') {
			const actor = await requireUserWithPermission(request, 'read:use-case:any')
			const comment = await addComment(actor, { useCaseId, body: value.body, fieldPath: value.fieldPath, parentId: value.parentId, submissionKey: value.submissionKey }, requestInfo)
			return redirect(`/use-cases/${useCaseId}#comment-${comment.id}`)
		}
		if (value.intent === 'condition-met') {
			const actor = await requireUserWithPermission(request, 'read:use-case:any')
			await meetCondition(actor, value, requestInfo)
			return redirect(`/use-cases/${useCaseId}#conditions`)
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
		await deleteEmptyDraft(actor, useCaseId, requestInfo)
		return redirect('/use-cases/mine')
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data({ message: error.message, result: submission.reply({ formErrors: [error.message] }) }, { status: error.status })
		}
		throwAsResponse(error)
	}
}

function DeterminationForm({ version, presumed, lastResult }: { version: number; presumed: boolean; lastResult?: SubmissionResult<Array<string>> }) {
	const [form, fields] = useForm({
		id: `determination-${version}`,
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: DeterminationSchema }),
	})
	return (
		<Form method="post" {...getFormProps(form)} className="mt-4 space-y-4 border-t border-base-lighter pt-4">
			<CsrfInput />
			<input type="hidden" name="intent" value="determine" />
			<input type="hidden" name="version" value={version} />
			<RadioGroupField
				legend="Record the determination"
				hint={presumed ? 'It is presumed high-impact: departing from that needs a written justification.' : undefined}
				field={fields.determination}
				options={highImpactDeterminations.map((key) => ({ value: key, label: choiceLabel(highImpactChoices[key]) }))}
			/>
			<TextAreaField label="Rationale" hint="Required when the determination departs from the presumption." field={fields.rationale} />
			<Button>Record determination</Button>
		</Form>
	)
}

// The parts of a case a comment can be about.
const commentFieldOptions = [
	{ value: 'name', label: 'Name' },
	{ value: 'problemSolved', label: 'Problem it solves' },
	{ value: 'benefits', label: 'Expected benefits' },
	{ value: 'systemOutputs', label: 'Outputs' },
	{ value: 'decisionRole', label: 'Role in decisions' },
	{ value: 'informedDecisions', label: 'Decisions it informs' },
	{ value: 'datasets', label: 'Datasets' },
	{ value: 'safeguards', label: 'Safeguards' },
	{ value: 'practices', label: 'Minimum practices' },
	{ value: 'contractingUsage', label: 'Sourcing and vendors' },
	{ value: 'hosting', label: 'Hosting' },
	{ value: 'stage', label: 'Stage' },
]

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
	return (
		<div className="contents">
			<dt className="font-semibold">{term}</dt>
			<dd>{children || <span className="text-base-dark">Not answered</span>}</dd>
		</div>
	)
}

export default function UseCasePage({ loaderData, actionData }: Route.ComponentProps) {
	const { useCase, document: doc, duplicates, canEdit, canWithdraw, canDelete, evaluation, determination, review, showsGovernance } = loaderData
	const sensitivities = inheritedSensitivities(doc.datasets)
	const [searchParams] = useSearchParams()
	const reopened = searchParams.get('reopened')
	const fieldErrors = actionData?.result?.error ?? {}
	const yes = (value: boolean | undefined) => (value === undefined ? '' : value ? 'Yes' : 'No')
	return (
		<div className="max-w-5xl space-y-6">
			<p>
				<Link to="/use-cases">All use cases</Link>
			</p>
			<div className="flex flex-wrap items-start justify-between gap-4">
				<div>
					<p className="font-mono text-base-darker">{doc.trackingId}</p>
					<h1 className="text-3xl font-bold">{doc.name}</h1>
					<p className="mt-1">
						<span className="rounded bg-primary-lighter px-2 py-0.5 font-semibold text-primary-darker">{useCaseStatusLabels[useCase.status]}</span>{' '}
						· {useCase.orgUnit.name} · owner {useCase.owner.name}
					</p>
				</div>
				<div className="flex flex-wrap gap-2">
					{canEdit ? (
						<Link to="edit" className="rounded bg-primary px-4 py-2 font-bold text-white no-underline hover:bg-primary-dark hover:text-white">
							Edit
						</Link>
					) : null}
					<Link to="history" className="rounded border-2 border-primary px-4 py-2 font-bold no-underline">
						History
					</Link>
					<Link to={`/use-cases/${useCase.id}/activity`} className="rounded border-2 border-primary px-4 py-2 font-bold no-underline">
						Activity
					</Link>
					{showsGovernance ? (
						<Link to={`/use-cases/${useCase.id}/governance`} className="rounded border-2 border-primary px-4 py-2 font-bold no-underline">
							Minimum practices and waivers
						</Link>
					) : null}
				</div>
			</div>
			{searchParams.get('submitted') ? (
				<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
					Submitted for review. The governance lead has been notified; the review lanes below follow from the findings.
				</p>
			) : null}
			{reopened ? (
				<p role="status" className="border-l-4 border-warning-dark bg-warning-lighter p-3">
					Saved. The change to {reopened.split(',').join(', ')} is material, so the review has started again (round {review.round}).
				</p>
			) : null}
			{actionData?.message ? (
				<p role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					{actionData.message}
				</p>
			) : null}
			<DuplicateList matches={duplicates} />
			<section aria-labelledby="determination-heading" className="border border-base-lighter p-4">
				<h2 id="determination-heading" className="text-xl font-bold">High-impact determination</h2>
				<p>
					{evaluation.presumedHighImpact
						? `The checks presume it high-impact under M-25-21 §6(${evaluation.presumedCategories.join('), §6(')}).`
						: 'The checks find no M-25-21 §6 presumption.'}
				</p>
				<p className="font-semibold">
					{doc.highImpact.determination
						? `${choiceLabel(highImpactChoices[doc.highImpact.determination])}, recorded by ${doc.highImpact.determinedBy ?? 'the governance lead'} on ${doc.highImpact.determinedOn ?? 'an unknown date'}.`
						: 'Not yet determined by the governance lead.'}
				</p>
				{doc.highImpact.justification ? <p>Rationale: {doc.highImpact.justification}</p> : null}
				{determination.canDetermine ? (
					<DeterminationForm version={useCase.version} presumed={evaluation.presumedHighImpact} lastResult={actionData?.result} />
				) : determination.whyNot ? (
					<p className="mt-2 text-base-darker">{determination.whyNot}</p>
				) : null}
			</section>
			<dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[18rem_1fr]">
				<Fact term="Contact e-mail">{doc.contactEmail}</Fact>
				<Fact term="Developers and others listed">{useCase.team.map((member) => `${member.name} (${member.email})`).join('; ')}</Fact>
				<Fact term="Stage">{doc.stage ? choiceLabel(stageChoices[doc.stage]) : ''}</Fact>
				<Fact term="Topic area">{doc.topicArea ? choiceLabel(topicAreaChoices[doc.topicArea]) : ''}</Fact>
				<Fact term="Classification">{doc.classification ? classificationChoices[doc.classification].code : ''}</Fact>
				<Fact term="Problem it solves">{doc.problemSolved}</Fact>
				<Fact term="Expected benefits">{doc.benefits}</Fact>
				<Fact term="Outputs">{doc.systemOutputs}</Fact>
				<Fact term="Role in decisions">{doc.decisionRole ? decisionRoleLabels[doc.decisionRole] : ''}</Fact>
				<Fact term="Decisions it informs">{doc.informedDecisions.map((d) => informedDecisionLabels[d]).join('; ')}</Fact>
				<Fact term="Whose outcomes it affects">{doc.affectedParties.map((p) => affectedPartyLabels[p]).join('; ')}</Fact>
				<Fact term="Generative AI">{yes(doc.generativeAi)}</Fact>
				<Fact term="Public-facing">{yes(doc.publicFacing)}</Fact>
				<Fact term="Hosting">{doc.hosting ? hostingLabels[doc.hosting] : ''}</Fact>
				<Fact term="Sourcing">{doc.contractingUsage ? choiceLabel(contractingChoices[doc.contractingUsage]) : ''}</Fact>
				<Fact term="Vendors">{doc.vendorNames.join('; ')}</Fact>
				<Fact term="Authorization to Operate">{doc.hasAto === undefined ? '' : doc.hasAto ? `Yes — ${doc.atoSystemName ?? 'system not named'}` : 'No'}</Fact>
				<Fact term="Involves PII">{yes(doc.hasPii)}</Fact>
				<Fact term="Strictest data sensitivity">
					{sensitivities.length ? sensitivities.map((s) => datasetSensitivityLabels[s]).join('; ') : 'None of its datasets is sensitive'}
				</Fact>
				{doc.operationalDate ? <Fact term="Operational since">{doc.operationalDate}</Fact> : null}
			</dl>
			{doc.asWritten && Object.keys(doc.asWritten).length ? (
				<section aria-labelledby="as-written-heading" className="space-y-2 border-l-4 border-warning-dark bg-warning-lighter p-3">
					<h2 id="as-written-heading" className="text-xl font-bold">
						Kept as written
					</h2>
					<p>An imported file answered these in words the tracker could not read as one of its values. OMB’s file carries them as written; answering the question here replaces them.</p>
					<dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[18rem_1fr]">
						{Object.entries(doc.asWritten).map(([column, text]) => (
							<div key={column} className="contents">
								<dt className="font-mono">{column}</dt>
								<dd className="whitespace-pre-line">{text}</dd>
							</div>
						))}
					</dl>
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
			{review.nextReviewDue ? <p>Next periodic review due {new Date(review.nextReviewDue).toISOString().slice(0, 10)}.</p> : null}
			{review.canRetire || review.canReReview ? (
				<section aria-labelledby="lifecycle-heading" className="space-y-3 border border-base-lighter p-4">
					<h2 id="lifecycle-heading" className="text-xl font-bold">After approval</h2>
					<div className="grid gap-4 md:grid-cols-2">
						{review.canReReview ? (
							<Form method="post" className="space-y-2">
								<CsrfInput />
								<input type="hidden" name="intent" value="re-review" />
								<label htmlFor="re-review-reason" className="block font-semibold">
									Why review it again?
								</label>
								<input id="re-review-reason" name="reason" className="block w-full border border-base-dark px-3 py-2" placeholder="Yearly re-review" />
								<Button variant="secondary">Start a re-review</Button>
							</Form>
						) : null}
						{review.canRetire ? (
							<Form method="post" className="space-y-2">
								<CsrfInput />
								<input type="hidden" name="intent" value="retire" />
								<label htmlFor="retire-reason" className="block font-semibold">
									Why is it retired?
								</label>
								<input id="retire-reason" name="reason" className="block w-full border border-base-dark px-3 py-2" />
								<Button variant="danger">Retire this use case</Button>
							</Form>
						) : null}
					</div>
				</section>
			) : null}
			<PolicyFindings evaluation={evaluation} />
			<section aria-labelledby="datasets-heading" className="space-y-2">
				<h2 id="datasets-heading" className="text-xl font-bold">Datasets it touches</h2>
				{doc.datasets.length === 0 ? <p>No datasets linked.</p> : null}
				<ul className="space-y-3">
					{doc.datasets.map((dataset) => (
						<li key={dataset.id} className="border border-base-lighter p-3">
							<Link to={`/datasets/${dataset.id}`} className="font-semibold">
								{dataset.name}
							</Link>
							<p className="text-sm">
								{datasetCategoryLabels[dataset.category]} · {dataset.sensitivities.join(', ') || 'no sensitive data'} · used for{' '}
								{dataset.usage.map((u) => datasetUsageLabels[u].toLowerCase()).join(', ')}
							</p>
							{dataset.minimumNecessaryJustification ? <p className="text-sm">Why needed: {dataset.minimumNecessaryJustification}</p> : null}
						</li>
					))}
				</ul>
			</section>
			<Discussion
				comments={review.comments}
				submissionKey={review.submissionKey}
				canComment={review.canComment}
				fieldOptions={commentFieldOptions}
				errors={actionData?.result?.status === 'error' ? { body: fieldErrors.body ?? undefined, form: actionData?.result?.error?.[''] ?? undefined } : undefined}
			/>
			{canWithdraw || canDelete ? (
				<section aria-labelledby="manage-heading" className="space-y-3 border-t border-base-lighter pt-6">
					<h2 id="manage-heading" className="text-xl font-bold">Withdraw or delete</h2>
					<div className="flex flex-wrap gap-4">
						{canWithdraw ? (
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="withdraw" />
								<Button variant="secondary">Withdraw this use case</Button>
							</Form>
						) : null}
						{canDelete ? (
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="delete" />
								<Button variant="danger">Delete this empty draft</Button>
							</Form>
						) : null}
					</div>
				</section>
			) : null}
		</div>
	)
}
