// The review workflow: every status a use case can be in, every action that moves it, and the
// guards on each (who, from which status, what must hold). Routes and modules ask this module;
// nothing else decides whether a status may change.
import { type RoleName, rolesGrant } from '#app/utils/permissions.ts'

export const workflowStatuses = [
	'DRAFT',
	'SUBMITTED',
	'IN_REVIEW',
	'CHANGES_REQUESTED',
	'APPROVED',
	'APPROVED_WITH_CONDITIONS',
	'REJECTED',
	'WITHDRAWN',
	'RETIRED',
] as const
export type WorkflowStatus = (typeof workflowStatuses)[number]

export const workflowActions = [
	/** The people on a draft send it for review. */
	'submit',
	/** Before review starts, the people on the case change it; each amendment is a new submission. */
	'amend',
	/** The first lane is assigned or claimed. */
	'start_review',
	/** A reviewer holding a lane, or the governance lead, sends the case back to its submitters. */
	'request_changes',
	/** The submitters answer the requested changes. */
	'resubmit',
	'approve',
	'approve_with_conditions',
	'reject',
	/** The submitters stop a case before it is decided. */
	'withdraw',
	/** An approved case stops being used. */
	'retire',
	/** A material change, or the periodic re-review, opens a new review round on an approved case. */
	'reopen',
] as const
export type WorkflowAction = (typeof workflowActions)[number]

export type WorkflowActor = {
	roles: ReadonlyArray<RoleName>
	/** Submitted it, owns it, or is listed on it now: may act for the case (submit, amend, withdraw). */
	listed: boolean
	/** Listed on it now or on any earlier version, or created or edited it: may never review or decide it. */
	involved: boolean
	/** Holds (is assigned) an open lane of the current round. */
	holdsOpenLane: boolean
}

export type WorkflowFacts = {
	status: WorkflowStatus
	/** Every question the stage requires is answered (the field rules decide). */
	complete: boolean
	/** Required lanes of the current round not yet approved or rejected. */
	openLanes: number
	/** Lanes of the current round a reviewer rejected. */
	rejectedLanes: number
	/** An enabled blocking check fails and no waiver covers it. */
	blocked: boolean
	/** Conditions the decision would carry. */
	conditions: number
	/** The version the actor read is the current one. */
	versionIsCurrent: boolean
}

/** Facts in which every guard holds but the status; pass what the action depends on. */
export function factsFor(
	status: WorkflowStatus,
	facts: Partial<Omit<WorkflowFacts, 'status'>> = {},
): WorkflowFacts {
	return {
		status,
		complete: true,
		openLanes: 0,
		rejectedLanes: 0,
		blocked: false,
		conditions: 0,
		versionIsCurrent: true,
		...facts,
	}
}

export type Refusal = { allowed: false; code: 'FORBIDDEN' | 'CONFLICT' | 'INVALID'; reason: string }
export type Verdict = { allowed: true; to: WorkflowStatus } | Refusal

const DECIDED: ReadonlyArray<WorkflowStatus> = ['APPROVED', 'APPROVED_WITH_CONDITIONS']
const BEFORE_DECISION: ReadonlyArray<WorkflowStatus> = [
	'DRAFT',
	'SUBMITTED',
	'IN_REVIEW',
	'CHANGES_REQUESTED',
]

export const statusWords: Record<WorkflowStatus, string> = {
	DRAFT: 'a draft',
	SUBMITTED: 'submitted',
	IN_REVIEW: 'in review',
	CHANGES_REQUESTED: 'waiting for requested changes',
	APPROVED: 'approved',
	APPROVED_WITH_CONDITIONS: 'approved with conditions',
	REJECTED: 'rejected',
	WITHDRAWN: 'withdrawn',
	RETIRED: 'retired',
}

type Rule = {
	from: ReadonlyArray<WorkflowStatus>
	to: (facts: WorkflowFacts) => WorkflowStatus
	/** Who may take the action at all; null when allowed. */
	who: (actor: WorkflowActor) => string | null
	/** What must hold of the case; null when it holds. */
	holds?: (facts: WorkflowFacts) => Omit<Refusal, 'allowed'> | null
}

const can = (actor: WorkflowActor, permission: Parameters<typeof rolesGrant>[1]) =>
	rolesGrant(actor.roles, permission)

const INDEPENDENCE =
	'You are or were listed on this use case (you submitted it, own it, are or were on its team, or wrote part of it), so someone independent of it must do this.'

function listedWith(permission: Parameters<typeof rolesGrant>[1], doing: string) {
	return (actor: WorkflowActor) => {
		if (!actor.listed) return `Only the people listed on this use case can ${doing}.`
		if (!can(actor, permission)) return `Your roles do not allow you to ${doing}.`
		return null
	}
}

function independentWith(permission: Parameters<typeof rolesGrant>[1], doing: string) {
	return (actor: WorkflowActor) => {
		if (!can(actor, permission)) return `Only the governance lead can ${doing}.`
		if (actor.involved) return INDEPENDENCE
		return null
	}
}

const invalid = (reason: string) => ({ code: 'INVALID' as const, reason })

const mustBeComplete = (facts: WorkflowFacts) =>
	facts.complete
		? null
		: invalid('Some questions the stage requires are unanswered; answer them, then submit.')

function decisionGate(outcome: 'approve' | 'approve_with_conditions' | 'reject') {
	return (facts: WorkflowFacts) => {
		if (!facts.versionIsCurrent) {
			return {
				code: 'CONFLICT' as const,
				reason:
					'The use case changed after you opened it. Reload, read the current version, then decide.',
			}
		}
		if (facts.openLanes > 0) {
			return invalid(
				`${facts.openLanes === 1 ? 'A required review lane is' : `${facts.openLanes} required review lanes are`} still open: every lane must be approved or rejected first.`,
			)
		}
		if (outcome === 'reject') return null
		if (facts.rejectedLanes > 0)
			return invalid(
				'A reviewer rejected a lane; the case can be rejected, or sent back for changes, but not approved.',
			)
		if (facts.blocked)
			return invalid(
				'A blocking check fails and no CAIO waiver covers it; the case cannot be approved until it passes or is waived.',
			)
		if (outcome === 'approve_with_conditions' && facts.conditions === 0)
			return invalid('Add at least one condition, with an owner and a due date.')
		if (outcome === 'approve' && facts.conditions > 0)
			return invalid('Conditions belong to an approval with conditions.')
		return null
	}
}

const rules: Record<WorkflowAction, Rule> = {
	submit: {
		from: ['DRAFT'],
		to: () => 'SUBMITTED',
		who: listedWith('submit:use-case:own', 'submit it'),
		holds: mustBeComplete,
	},
	amend: {
		from: ['SUBMITTED'],
		to: () => 'SUBMITTED',
		who: listedWith('update:use-case:own', 'amend it'),
		holds: mustBeComplete,
	},
	start_review: {
		from: ['SUBMITTED'],
		to: () => 'IN_REVIEW',
		who: (actor) => {
			if (!can(actor, 'assign:review:any') && !can(actor, 'claim:review:any'))
				return 'Only reviewers and the governance lead start a review.'
			if (actor.involved) return INDEPENDENCE
			return null
		},
	},
	request_changes: {
		from: ['SUBMITTED', 'IN_REVIEW'],
		to: () => 'CHANGES_REQUESTED',
		who: (actor) => {
			if (actor.involved) return INDEPENDENCE
			if (can(actor, 'decide:use-case:any')) return null
			if (can(actor, 'review:use-case:assigned') && actor.holdsOpenLane) return null
			return 'Only a reviewer holding an open lane of this case, or the governance lead, can ask for changes.'
		},
	},
	resubmit: {
		from: ['CHANGES_REQUESTED'],
		to: () => 'IN_REVIEW',
		who: listedWith('submit:use-case:own', 'resubmit it'),
		holds: mustBeComplete,
	},
	// A case whose findings need no lane can be decided straight from submission.
	approve: {
		from: ['SUBMITTED', 'IN_REVIEW'],
		to: () => 'APPROVED',
		who: independentWith('decide:use-case:any', 'approve a use case'),
		holds: decisionGate('approve'),
	},
	approve_with_conditions: {
		from: ['SUBMITTED', 'IN_REVIEW'],
		to: () => 'APPROVED_WITH_CONDITIONS',
		who: independentWith('decide:use-case:any', 'approve a use case'),
		holds: decisionGate('approve_with_conditions'),
	},
	reject: {
		from: ['SUBMITTED', 'IN_REVIEW'],
		to: () => 'REJECTED',
		who: independentWith('decide:use-case:any', 'reject a use case'),
		holds: decisionGate('reject'),
	},
	withdraw: {
		from: BEFORE_DECISION,
		to: () => 'WITHDRAWN',
		who: listedWith('withdraw:use-case:own', 'withdraw it'),
	},
	retire: {
		from: DECIDED,
		to: () => 'RETIRED',
		who: (actor) => {
			if (actor.listed && can(actor, 'update:use-case:own')) return null
			if (can(actor, 'bulk-update:use-case:any')) return null
			return 'Only the people listed on the use case, or the governance lead, can retire it.'
		},
	},
	reopen: {
		from: DECIDED,
		to: () => 'IN_REVIEW',
		who: (actor) => {
			// The people on the case re-open it by changing it materially; the lead by starting a periodic re-review.
			if (actor.listed && can(actor, 'update:use-case:own')) return null
			if (can(actor, 'decide:use-case:any')) return null
			return 'Only the people listed on the use case, or the governance lead, can re-open its review.'
		},
	},
}

/** Whether `actor` may take `action` on a case with these facts, and the status it leads to. */
export function decideTransition(
	action: WorkflowAction,
	actor: WorkflowActor,
	facts: WorkflowFacts,
): Verdict {
	const rule = rules[action]
	if (!rule.from.includes(facts.status)) {
		return {
			allowed: false,
			code: 'CONFLICT',
			reason: `This use case is ${statusWords[facts.status]}, so it cannot be ${actionWords[action]} now.`,
		}
	}
	const notAllowed = rule.who(actor)
	if (notAllowed) return { allowed: false, code: 'FORBIDDEN', reason: notAllowed }
	const unmet = rule.holds?.(facts)
	if (unmet) return { allowed: false, ...unmet }
	return { allowed: true, to: rule.to(facts) }
}

const actionWords: Record<WorkflowAction, string> = {
	submit: 'submitted',
	amend: 'amended',
	start_review: 'taken into review',
	request_changes: 'sent back for changes',
	resubmit: 'resubmitted',
	approve: 'approved',
	approve_with_conditions: 'approved with conditions',
	reject: 'rejected',
	withdraw: 'withdrawn',
	retire: 'retired',
	reopen: 're-opened for review',
}

export function isDecided(status: WorkflowStatus) {
	return DECIDED.includes(status)
}
