// The review sections of a use case's page: its lanes, its decisions and conditions, and the
// discussion. Each form posts to the case page's action with an intent; the server checks again.
import { useEffect } from 'react'
import { Form, Link, useLocation } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput, ErrorList } from '#app/components/forms.tsx'
import { Tag, type TagTone } from '#app/components/status-tag.tsx'
import { commentTopics, fieldLabel } from '#app/modules/use-cases/field-rules.ts'
import { formatDateTime, formatDay } from '#app/utils/dates.ts'
import { type ReviewLaneName, reviewLaneLabels } from '#app/utils/permissions.ts'

const day = (value: Date | string | null) => (value ? formatDay(value) : '—')

const laneStatusLabels = {
	OPEN: 'Open',
	CHANGES_REQUESTED: 'Changes requested',
	APPROVED: 'Approved',
	REJECTED: 'Rejected',
} as const
const laneStatusTones: Record<keyof typeof laneStatusLabels, TagTone> = {
	OPEN: 'info',
	CHANGES_REQUESTED: 'warning',
	APPROVED: 'success',
	REJECTED: 'error',
}

export type PanelLane = {
	id: string
	lane: ReviewLaneName
	status: keyof typeof laneStatusLabels
	revision: number
	dueOn: Date | string | null
	note: string | null
	open: boolean
	overdue: boolean
	assignee: { id: string; name: string } | null
	decidedBy: { name: string } | null
	decidedAt: Date | string | null
	canClaim: boolean
	canDecide: boolean
}

export function ReviewLanes({
	useCaseId,
	round,
	lanes,
	canAssign,
	canDecide,
	decideWhyNot,
}: {
	useCaseId: string
	round: number
	lanes: Array<PanelLane>
	canAssign: boolean
	canDecide: boolean
	decideWhyNot: string | null
}) {
	return (
		<section aria-labelledby="review-heading" className="space-y-3 border border-base-lighter p-4">
			<div className="flex flex-wrap items-center justify-between gap-3">
				<h2 id="review-heading" className="text-xl font-bold">
					Review{round > 0 ? ` (round ${round})` : ''}
				</h2>
				<div className="flex flex-wrap gap-2">
					{canAssign ? (
						<Link
							to={`/use-cases/${useCaseId}/assign`}
							className="rounded border-2 border-primary px-3 py-1.5 font-bold no-underline"
						>
							Assign reviewers
						</Link>
					) : null}
					{canDecide ? (
						<Link
							to={`/use-cases/${useCaseId}/decide`}
							className="rounded bg-primary px-3 py-1.5 font-bold text-white no-underline hover:bg-primary-dark hover:text-white"
						>
							Decide
						</Link>
					) : null}
				</div>
			</div>
			{decideWhyNot ? <p className="text-base-darker">{decideWhyNot}</p> : null}
			{lanes.length === 0 ? (
				<p>
					{round === 0
						? 'Review starts when the use case is submitted.'
						: 'The findings require no review lane; the governance lead decides directly.'}
				</p>
			) : (
				<DataTable
					caption={`Review lanes of round ${round}`}
					rows={lanes}
					rowKey={(lane) => lane.id}
					columns={[
						{ header: 'Lane', rowHeader: true, cell: (lane) => reviewLaneLabels[lane.lane] },
						{
							header: 'Status',
							cell: (lane) => (
								<>
									<Tag tone={laneStatusTones[lane.status]}>{laneStatusLabels[lane.status]}</Tag>
									{lane.decidedBy && !lane.open
										? ` by ${lane.decidedBy.name} on ${day(lane.decidedAt)}`
										: ''}
									{lane.note ? (
										<p className="text-sm">
											{/* An open lane with a note was re-opened by the resubmission that answered it. */}
											{lane.status === 'OPEN'
												? `Before the resubmission${lane.decidedBy ? `, ${lane.decidedBy.name} asked for changes on ${day(lane.decidedAt)}` : ', changes were asked for'}: `
												: null}
											“{lane.note}”
										</p>
									) : null}
								</>
							),
						},
						{ header: 'Reviewer', cell: (lane) => lane.assignee?.name ?? 'Unassigned' },
						{
							header: 'Due',
							cell: (lane) => (
								<>
									{day(lane.dueOn)}
									{lane.overdue ? <strong className="ml-1 text-error">overdue</strong> : null}
								</>
							),
						},
						{
							header: 'Action',
							pinned: true,
							cell: (lane) =>
								lane.canClaim ? (
									<Form method="post">
										<CsrfInput />
										<input type="hidden" name="intent" value="claim" />
										<input type="hidden" name="laneReviewId" value={lane.id} />
										<input type="hidden" name="revision" value={lane.revision} />
										<Button variant="secondary" className="px-3 py-1">
											Claim {reviewLaneLabels[lane.lane]}
										</Button>
									</Form>
								) : lane.canDecide ? (
									<Link to={`/use-cases/${useCaseId}/lanes/${lane.id}`}>
										Review the {reviewLaneLabels[lane.lane]} lane
									</Link>
								) : null,
						},
					]}
				/>
			)}
		</section>
	)
}

export type PanelDecision = {
	id: string
	round: number
	outcome: 'APPROVED' | 'APPROVED_WITH_CONDITIONS' | 'REJECTED'
	note: string
	decidedAt: Date | string
	snapshotNumber: number
	decidedBy: { name: string }
	conditions: Array<{
		id: string
		text: string
		dueOn: Date | string
		metAt: Date | string | null
		metNote: string | null
		revision: number
		owner: { name: string }
		metBy: { name: string } | null
		canMeet: boolean
	}>
}

const outcomeLabels = {
	APPROVED: 'Approved',
	APPROVED_WITH_CONDITIONS: 'Approved with conditions',
	REJECTED: 'Rejected',
} as const

export function Decisions({
	decisions,
	conditionErrors,
}: {
	decisions: Array<PanelDecision>
	conditionErrors?: Record<string, Array<string>>
}) {
	if (decisions.length === 0) return null
	const now = new Date()
	return (
		<section aria-labelledby="decisions-heading" className="space-y-3">
			<h2 id="decisions-heading" className="text-xl font-bold">
				Decisions
			</h2>
			<ul className="space-y-3">
				{decisions.map((decision) => (
					<li key={decision.id} className="border border-base-lighter p-3">
						<p className="font-semibold">
							{outcomeLabels[decision.outcome]} by {decision.decidedBy.name} on{' '}
							{day(decision.decidedAt)} (round {decision.round}, version {decision.snapshotNumber})
						</p>
						<p>{decision.note}</p>
						{decision.conditions.length ? (
							<div id="conditions">
								<h3 className="mt-2 font-bold">Conditions</h3>
								<ul className="space-y-2">
									{decision.conditions.map((condition) => (
										<li key={condition.id} className="border-l-4 border-base-light pl-3">
											<p>{condition.text}</p>
											<p className="text-sm">
												Owner {condition.owner.name}, due {day(condition.dueOn)} ·{' '}
												{condition.metAt ? (
													`met on ${day(condition.metAt)} (${condition.metBy?.name ?? ''}): ${condition.metNote ?? ''}`
												) : new Date(condition.dueOn) < now ? (
													<strong className="text-error">overdue</strong>
												) : (
													'open'
												)}
											</p>
											{condition.canMeet ? (
												<Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
													<CsrfInput />
													<input type="hidden" name="intent" value="condition-met" />
													<input type="hidden" name="conditionId" value={condition.id} />
													<input type="hidden" name="revision" value={condition.revision} />
													<div>
														<label
															htmlFor={`met-note-${condition.id}`}
															className="block text-sm font-semibold"
														>
															How it was met
														</label>
														<input
															id={`met-note-${condition.id}`}
															name="note"
															required
															maxLength={2000}
															className="border border-base-dark px-2 py-1"
														/>
														<ErrorList errors={conditionErrors?.[condition.id]} />
													</div>
													<Button variant="secondary" className="px-3 py-1">
														Mark met
													</Button>
												</Form>
											) : null}
										</li>
									))}
								</ul>
							</div>
						) : null}
					</li>
				))}
			</ul>
		</section>
	)
}

export type PanelComment = {
	id: string
	body: string
	fieldPath: string | null
	lane: ReviewLaneName | null
	createdAt: Date | string
	author: { name: string }
	replies: Array<Omit<PanelComment, 'replies'>>
}

function CommentBody({ comment }: { comment: Omit<PanelComment, 'replies'> }) {
	return (
		<div id={`comment-${comment.id}`} tabIndex={-1} className="focus:outline-4">
			<p className="text-sm font-semibold">
				{comment.author.name} · {formatDateTime(comment.createdAt)}
				{comment.lane ? ` · ${reviewLaneLabels[comment.lane]} lane` : ''}
				{comment.fieldPath ? ` · on “${fieldLabel(comment.fieldPath)}”` : ''}
			</p>
			<p className="whitespace-pre-line">{comment.body}</p>
		</div>
	)
}

export function Discussion({
	comments,
	submissionKey,
	canComment,
	errors,
}: {
	comments: Array<PanelComment>
	/** Sent with every comment form of this page: a comment posted twice is added once. */
	submissionKey: string
	canComment: boolean
	errors?: { body?: Array<string>; form?: Array<string> }
}) {
	// A posted comment comes back as one more in the list: the boxes start empty again then.
	const posted = comments.reduce((count, thread) => count + 1 + thread.replies.length, 0)
	// The page comes back at the comment just posted (or one a notification links to): the focus goes
	// there too, so a keyboard or screen-reader user reads on from it, not from the top of the page.
	const { hash } = useLocation()
	useEffect(() => {
		if (!hash.startsWith('#comment-')) return
		document.getElementById(decodeURIComponent(hash.slice(1)))?.focus()
	}, [hash, posted])
	return (
		<section aria-labelledby="discussion-heading" className="space-y-3">
			<h2 id="discussion-heading" className="text-xl font-bold">
				Discussion
			</h2>
			{comments.length === 0 ? <p>No comments yet.</p> : null}
			<ul className="space-y-3">
				{comments.map((thread) => (
					<li key={thread.id} className="border border-base-lighter p-3">
						<CommentBody comment={thread} />
						{thread.replies.length ? (
							<ul className="mt-2 space-y-2 border-l-4 border-base-lighter pl-4">
								{thread.replies.map((reply) => (
									<li key={reply.id}>
										<CommentBody comment={reply} />
									</li>
								))}
							</ul>
						) : null}
						{canComment ? (
							<Form key={posted} method="post" className="mt-2 flex flex-wrap items-end gap-2">
								<CsrfInput />
								<input type="hidden" name="intent" value="comment" />
								<input type="hidden" name="submissionKey" value={submissionKey} />
								<input type="hidden" name="parentId" value={thread.id} />
								<div className="grow">
									<label htmlFor={`reply-${thread.id}`} className="block text-sm font-semibold">
										Reply to {thread.author.name}
									</label>
									<input
										id={`reply-${thread.id}`}
										name="body"
										required
										maxLength={5000}
										className="block w-full border border-base-dark px-2 py-1"
									/>
								</div>
								<Button variant="secondary" className="px-3 py-1">
									Reply
								</Button>
							</Form>
						) : null}
					</li>
				))}
			</ul>
			{canComment ? (
				<Form key={posted} method="post" className="space-y-2 border-t border-base-lighter pt-3">
					<CsrfInput />
					<input type="hidden" name="intent" value="comment" />
					<input type="hidden" name="submissionKey" value={submissionKey} />
					<ErrorList errors={errors?.form} />
					<div>
						<label htmlFor="comment-field" className="block font-semibold">
							About (optional)
						</label>
						<select
							id="comment-field"
							name="fieldPath"
							defaultValue=""
							className="mt-1 max-w-full border border-base-dark px-3 py-2"
						>
							<option value="">The use case as a whole</option>
							{commentTopics.map((group) => (
								<optgroup key={group.section} label={group.section}>
									{group.topics.map((topic) => (
										<option key={topic.path} value={topic.path}>
											{topic.name}
										</option>
									))}
								</optgroup>
							))}
						</select>
					</div>
					<div>
						<label htmlFor="comment-body" className="block font-semibold">
							Comment
						</label>
						<p id="comment-body-hint" className="text-sm text-base-dark">
							Mention someone with @ and their e-mail address, e.g. @reviewer@cms.example; they are
							notified.
						</p>
						<textarea
							id="comment-body"
							name="body"
							rows={3}
							maxLength={5000}
							aria-describedby={
								errors?.body?.length ? 'comment-body-hint comment-body-error' : 'comment-body-hint'
							}
							aria-invalid={errors?.body?.length ? true : undefined}
							className="mt-1 block w-full border border-base-dark px-3 py-2"
						/>
						<ErrorList id="comment-body-error" errors={errors?.body} />
					</div>
					<Button>Add comment</Button>
				</Form>
			) : null}
		</section>
	)
}

export type RequestedChange = {
	lane: ReviewLaneName
	note: string | null
	decidedBy: { name: string } | null
}

/** The reviewers' requests, where the submitter works on the case: on its page and in the form. */
export function RequestedChanges({
	changes,
	editHref,
}: {
	changes: ReadonlyArray<RequestedChange>
	editHref?: string
}) {
	if (!changes.length) return null
	return (
		<section
			aria-labelledby="requested-changes-heading"
			className="space-y-2 border-l-4 border-warning-dark bg-warning-lighter p-3"
		>
			<h2 id="requested-changes-heading" className="text-lg font-bold">
				What the reviewers asked you to change
			</h2>
			<ul className="space-y-1">
				{changes.map((change) => (
					<li key={change.lane}>
						<span className="font-semibold">
							{reviewLaneLabels[change.lane]}
							{change.decidedBy ? ` (${change.decidedBy.name})` : ''}:
						</span>{' '}
						{change.note ? `“${change.note}”` : 'no note was left; see the comments.'}
					</li>
				))}
			</ul>
			<p>
				{editHref ? <Link to={editHref}>Change the answers</Link> : 'Change the answers'}, then
				resubmit from the last step of the form; reply to a reviewer in the comments.
			</p>
		</section>
	)
}
