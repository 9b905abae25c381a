// What a submission does to the review: the lanes a round needs, who is told. Called by the
// use-case save inside its transaction, after the state machine allowed the transition.
import { type Tx } from '#app/utils/db/tx.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { type ReviewLaneName } from '#app/utils/permissions.ts'
import { fieldLabel } from '#app/modules/use-cases/field-rules.ts'
import { openReviewLanes } from './review-round.server.ts'
import { type WorkflowAction, type WorkflowStatus } from './state-machine.ts'
import { recordStatusChange } from './status-history.server.ts'

export type SubmissionAction = Extract<WorkflowAction, 'submit' | 'amend' | 'resubmit' | 'reopen'>

export async function activeLeadIds(tx: Tx) {
	const leads = await tx.user.findMany({
		where: { active: true, roles: { some: { role: 'GOVERNANCE_LEAD' } } },
		select: { id: true },
	})
	return leads.map((lead) => lead.id)
}

/**
 * Opens or updates the review round after a submission-like change and tells the people who must
 * act. `round` is the round the case is in after the change.
 */
export async function applySubmission(
	tx: Tx,
	input: {
		action: SubmissionAction
		actor: { id: string; name: string }
		useCase: { id: string; trackingId: string; name: string }
		from: WorkflowStatus
		to: WorkflowStatus
		round: number
		requiredLanes: ReadonlyArray<ReviewLaneName>
		changedFields: ReadonlyArray<string>
	},
) {
	const { action, actor, useCase, round } = input
	if (input.from !== input.to)
		await recordStatusChange(tx, {
			useCaseId: useCase.id,
			from: input.from,
			to: input.to,
			actorId: actor.id,
		})

	if (action === 'amend') {
		// Lanes nobody has taken yet follow the findings; taken lanes stay with their reviewers.
		await tx.laneReview.deleteMany({
			where: {
				useCaseId: useCase.id,
				round,
				status: 'OPEN',
				assigneeId: null,
				origin: 'CHECKS',
				lane: { notIn: [...input.requiredLanes] },
			},
		})
	}
	if (action === 'resubmit') {
		await tx.laneReview.updateMany({
			where: { useCaseId: useCase.id, round, status: 'CHANGES_REQUESTED' },
			data: { status: 'OPEN', revision: { increment: 1 } },
		})
	}
	await openReviewLanes(tx, { useCaseId: useCase.id, round, lanes: input.requiredLanes })

	const link = `/use-cases/${useCase.id}`
	const leads = await activeLeadIds(tx)
	const title = `${useCase.trackingId} ${titles[action]}: ${useCase.name}`
	const changed = input.changedFields.length
		? ` Changed: ${input.changedFields.map((path) => fieldLabel(path)).join(', ')}.`
		: ''
	if (action === 'resubmit') {
		const lanes = await tx.laneReview.findMany({
			where: { useCaseId: useCase.id, round, assigneeId: { not: null } },
			select: { assigneeId: true },
		})
		await notify(
			tx,
			[...leads, ...lanes.map((lane) => lane.assigneeId!)],
			{
				kind: 'RESUBMITTED',
				title,
				body: `${actor.name} answered the requested changes on ${useCase.trackingId}.${changed}`,
				link,
				useCaseId: useCase.id,
			},
			{ actorId: actor.id },
		)
		return
	}
	const kind = action === 'submit' ? 'SUBMITTED' : action === 'amend' ? 'RESUBMITTED' : 'REOPENED'
	const body =
		action === 'reopen'
			? `${actor.name} changed ${useCase.trackingId} materially after its approval, so its review is open again (round ${round}).${changed}`
			: `${actor.name} ${action === 'submit' ? 'submitted' : 'amended and resubmitted'} ${useCase.trackingId} “${useCase.name}” for review.`
	await notify(tx, leads, { kind, title, body, link, useCaseId: useCase.id }, { actorId: actor.id })
}

const titles: Record<SubmissionAction, string> = {
	submit: 'submitted',
	amend: 'amended',
	resubmit: 'resubmitted',
	reopen: 're-opened for review',
}
