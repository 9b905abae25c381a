// Who may hold, assign, claim and decide a review lane. Pure rules beside the state machine; the
// server module asks them inside the transaction that makes the change.
import { type ReviewLaneName, type RoleName, rolesGrant } from '#app/utils/permissions.ts'
import { type Refusal, type WorkflowStatus, statusWords } from './state-machine.ts'

export const laneActions = ['assign', 'claim', 'approve', 'reject', 'request_changes'] as const
export type LaneAction = (typeof laneActions)[number]
export type LaneDecision = Extract<LaneAction, 'approve' | 'reject' | 'request_changes'>

export const laneStatuses = ['OPEN', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED'] as const
export type LaneStatus = (typeof laneStatuses)[number]

export type Person = {
	roles: ReadonlyArray<{ role: RoleName; lanes: ReadonlyArray<ReviewLaneName> }>
	active?: boolean
}

/**
 * Whether this person may hold the lane. Reviewers hold the lanes granted to them; the governance
 * lead (the CAIO's office) may hold any lane, and only the lead holds the CAIO determination lane.
 */
export function mayHoldLane(person: Person, lane: ReviewLaneName) {
	if (person.active === false) return false
	const roleNames = person.roles.map((r) => r.role)
	if (rolesGrant(roleNames, 'decide:use-case:any')) return true
	if (lane === 'CAIO_DETERMINATION') return false
	return person.roles.some((r) => r.role === 'REVIEWER' && r.lanes.includes(lane))
}

export type LaneFacts = {
	caseStatus: WorkflowStatus
	laneStatus: LaneStatus
	lane: ReviewLaneName
	/** Whether the lane already has someone on it, and whether that is the actor. */
	assigned: boolean
	assignedToActor: boolean
	/** The case's high-impact determination is recorded (the CAIO lane approves nothing without it). */
	determinationRecorded: boolean
	versionIsCurrent: boolean
	revisionIsCurrent: boolean
}

/** `involved`: listed on the case now or on an earlier version, or created or edited it. */
export type LaneActor = Person & { involved: boolean }

const REVIEWABLE: ReadonlyArray<WorkflowStatus> = ['SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED']

const refuse = (code: Refusal['code'], reason: string): Refusal => ({
	allowed: false,
	code,
	reason,
})

const INDEPENDENCE =
	'You are or were listed on this use case (you submitted it, own it, are or were on its team, or wrote part of it), so you cannot review it or assign its reviewers.'

/**
 * Whether `actor` may take a lane action. For `assign`, `assignee` is the person being given the
 * lane, who must be independent of the case and able to hold the lane.
 */
export function decideLaneAction(
	action: LaneAction,
	actor: LaneActor,
	facts: LaneFacts,
	assignee?: LaneActor,
): { allowed: true } | Refusal {
	const roleNames = actor.roles.map((r) => r.role)
	if (actor.involved) return refuse('FORBIDDEN', INDEPENDENCE)
	if (!facts.revisionIsCurrent) {
		return refuse(
			'CONFLICT',
			'Someone else changed this lane after you opened it. Reload to see who holds it and what was decided.',
		)
	}
	switch (action) {
		case 'assign': {
			if (!rolesGrant(roleNames, 'assign:review:any'))
				return refuse('FORBIDDEN', 'Only the governance lead assigns reviewers.')
			if (!REVIEWABLE.includes(facts.caseStatus))
				return refuse(
					'CONFLICT',
					`The use case is ${statusWords[facts.caseStatus]}; its lanes cannot be assigned now.`,
				)
			if (facts.laneStatus !== 'OPEN' && facts.laneStatus !== 'CHANGES_REQUESTED')
				return refuse('CONFLICT', 'This lane is already decided.')
			if (!assignee) return refuse('INVALID', 'Choose the reviewer.')
			if (assignee.involved)
				return refuse(
					'INVALID',
					'That person is or was listed on this use case, or wrote part of it, so they cannot review it.',
				)
			if (!mayHoldLane(assignee, facts.lane))
				return refuse('INVALID', 'That person does not hold this review lane.')
			return { allowed: true }
		}
		case 'claim': {
			if (!rolesGrant(roleNames, 'claim:review:any') || !mayHoldLane(actor, facts.lane)) {
				return refuse('FORBIDDEN', 'You do not hold this review lane, so you cannot claim it.')
			}
			if (!REVIEWABLE.includes(facts.caseStatus))
				return refuse(
					'CONFLICT',
					`The use case is ${statusWords[facts.caseStatus]}; its lanes cannot be claimed now.`,
				)
			if (facts.assigned) return refuse('CONFLICT', 'Someone already holds this lane.')
			if (facts.laneStatus !== 'OPEN') return refuse('CONFLICT', 'This lane is already decided.')
			return { allowed: true }
		}
		case 'approve':
		case 'reject':
		case 'request_changes': {
			// The governance lead may step in on any lane (a reviewer away, a deadline); the decision is theirs on the record.
			const stepsIn = rolesGrant(roleNames, 'decide:use-case:any')
			if (
				!stepsIn &&
				(!facts.assignedToActor || !rolesGrant(roleNames, 'review:use-case:assigned'))
			) {
				return refuse(
					'FORBIDDEN',
					'Only the reviewer assigned to this lane, or the governance lead, can decide it.',
				)
			}
			if (facts.laneStatus !== 'OPEN')
				return refuse('CONFLICT', 'This lane was already decided; reload to see the decision.')
			if (facts.caseStatus !== 'IN_REVIEW')
				return refuse(
					'CONFLICT',
					`The use case is ${statusWords[facts.caseStatus]}; its lanes cannot be decided now.`,
				)
			if (!facts.versionIsCurrent)
				return refuse(
					'CONFLICT',
					'The use case changed after you opened it. Reload, read the current version, then decide the lane.',
				)
			if (
				action === 'approve' &&
				facts.lane === 'CAIO_DETERMINATION' &&
				!facts.determinationRecorded
			) {
				return refuse(
					'INVALID',
					'Record the high-impact determination before approving the CAIO determination lane.',
				)
			}
			return { allowed: true }
		}
	}
}

/** Lanes still to be decided: open, or waiting for the submitters' changes. */
export function isLaneOpen(status: LaneStatus) {
	return status === 'OPEN' || status === 'CHANGES_REQUESTED'
}
