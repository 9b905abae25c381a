import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import { formatDay } from '#app/utils/dates.ts'
import { Button, CsrfInput, ErrorList } from '#app/components/forms.tsx'
import { mayHoldLane } from '#app/modules/workflow/lane-rules.ts'
import { assignLane, eligibleReviewers, lanesOfRound } from '#app/modules/workflow/lanes.server.ts'
import { INVOLVED_MESSAGE, isInvolvedIn } from '#app/modules/use-cases/use-cases.server.ts'
import { getReviewCase } from '#app/modules/workflow/review-case.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams, isoDay, lockCounter, recordId } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { type ReviewLaneName, reviewLaneLabels, reviewLanes } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/assign.ts'

const Params = idParams('useCaseId')
const AssignSchema = z.object({
	lane: z.enum(reviewLanes, { error: 'Choose a lane.' }),
	assigneeId: recordId('reviewer'),
	dueOn: isoDay('Give a due date such as 2026-12-15.'),
	revision: lockCounter().optional(),
})

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `Assign reviewers · ${loaderData?.useCase.trackingId ?? ''} · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'assign:review:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const useCase = await getReviewCase(useCaseId).catch(throwAsResponse)
	if (isInvolvedIn(user, useCase)) {
		throw data(
			{ message: `${INVOLVED_MESSAGE} another governance lead must assign its reviewers.` },
			{ status: 403 },
		)
	}
	const [lanes, people] = await Promise.all([
		lanesOfRound(useCase.id, Math.max(useCase.reviewRound, 1)),
		eligibleReviewers(useCase),
	])
	const present = new Set(lanes.map((lane) => lane.lane))
	return {
		useCase: {
			id: useCase.id,
			trackingId: useCase.trackingId,
			name: useCase.name,
			status: useCase.status,
			round: useCase.reviewRound,
		},
		lanes,
		candidates: Object.fromEntries(
			reviewLanes.map((lane) => [
				lane,
				people
					.filter((person) => mayHoldLane(person, lane))
					.map(({ id, name, email }) => ({ id, name, email })),
			]),
		) as Record<ReviewLaneName, Array<{ id: string; name: string; email: string }>>,
		addable: reviewLanes.filter((lane) => !present.has(lane)),
		defaultDue: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'assign:review:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: AssignSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { lane, assigneeId, dueOn, revision } = submission.value
	try {
		await assignLane(
			actor,
			{ useCaseId, lane, assigneeId, dueOn: new Date(`${dueOn}T12:00:00Z`), revision },
			context.get(requestInfoContext),
		)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		throwAsResponse(error)
	}
	return redirect(`/use-cases/${useCaseId}/assign?assigned=${lane}`)
}

const controlClass = 'mt-1 block max-w-full border border-base-dark px-3 py-2'

function LaneForm({
	lane,
	revision,
	candidates,
	defaultAssignee,
	defaultDue,
	label,
}: {
	lane: ReviewLaneName
	revision?: number
	candidates: Array<{ id: string; name: string; email: string }>
	defaultAssignee?: string
	defaultDue: string
	label: string
}) {
	const id = `lane-${lane}`
	return (
		<Form
			method="post"
			aria-label={`Assign the ${reviewLaneLabels[lane]} lane`}
			className="flex flex-wrap items-end gap-3"
		>
			<CsrfInput />
			<input type="hidden" name="lane" value={lane} />
			{revision ? <input type="hidden" name="revision" value={revision} /> : null}
			<div>
				<label htmlFor={`${id}-assignee`} className="block font-semibold">
					Reviewer for {reviewLaneLabels[lane]}
				</label>
				<select
					id={`${id}-assignee`}
					name="assigneeId"
					defaultValue={defaultAssignee ?? ''}
					className={controlClass}
				>
					<option value="">Choose…</option>
					{candidates.map((person) => (
						<option key={person.id} value={person.id}>
							{person.name} ({person.email})
						</option>
					))}
				</select>
			</div>
			<div>
				<label htmlFor={`${id}-due`} className="block font-semibold">
					Due on
				</label>
				<input
					id={`${id}-due`}
					type="date"
					name="dueOn"
					defaultValue={defaultDue}
					className={controlClass}
				/>
			</div>
			<Button className="py-2">{label}</Button>
		</Form>
	)
}

export default function AssignReviewers({ loaderData, actionData }: Route.ComponentProps) {
	const { useCase, lanes, candidates, addable, defaultDue } = loaderData
	const [searchParams] = useSearchParams()
	const assigned = searchParams.get('assigned') as ReviewLaneName | null
	const formErrors =
		actionData?.result?.error?.[''] ?? Object.values(actionData?.result?.error ?? {}).flat()
	return (
		<div className="max-w-5xl space-y-6">
			<p>
				<Link to={`/use-cases/${useCase.id}`}>Back to {useCase.trackingId}</Link>
			</p>
			<h1 className="text-3xl font-bold">Assign reviewers: {useCase.name}</h1>
			<p>
				The findings decide which lanes this review round needs. Only people who hold a lane and are
				independent of the use case are offered; the server checks again.
			</p>
			{assigned && assigned in reviewLaneLabels ? (
				<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
					{reviewLaneLabels[assigned]} lane assigned; the reviewer has been notified.
				</p>
			) : null}
			{formErrors?.length ? (
				<div role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					<ErrorList errors={formErrors as Array<string>} />
				</div>
			) : null}
			<ul className="space-y-4">
				{lanes.map((lane) => (
					<li key={lane.id} className="space-y-2 border border-base-lighter p-4">
						<h2 className="text-lg font-bold">{reviewLaneLabels[lane.lane]}</h2>
						<p>
							{lane.open
								? lane.assignee
									? `Held by ${lane.assignee.name}, due ${lane.dueOn ? formatDay(lane.dueOn) : '—'}.`
									: 'Not assigned yet.'
								: `Decided: ${lane.status.toLowerCase().replace('_', ' ')}.`}
						</p>
						{lane.open ? (
							<LaneForm
								lane={lane.lane}
								revision={lane.revision}
								candidates={candidates[lane.lane]}
								defaultAssignee={lane.assignee?.id}
								defaultDue={
									lane.dueOn ? new Date(lane.dueOn).toISOString().slice(0, 10) : defaultDue
								}
								label={lane.assignee ? 'Reassign' : 'Assign'}
							/>
						) : null}
					</li>
				))}
			</ul>
			{addable.length ? (
				<section
					aria-labelledby="add-lane-heading"
					className="space-y-3 border-t border-base-lighter pt-4"
				>
					<h2 id="add-lane-heading" className="text-xl font-bold">
						Add a lane the findings did not ask for
					</h2>
					{addable.map((lane) => (
						// A lane is created at revision 1: of two leads adding it at once, the second is told.
						<LaneForm
							key={lane}
							lane={lane}
							revision={1}
							candidates={candidates[lane]}
							defaultDue={defaultDue}
							label={`Add ${reviewLaneLabels[lane]}`}
						/>
					))}
				</section>
			) : null}
		</div>
	)
}
