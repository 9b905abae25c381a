import { describe, expect, test } from 'vitest'
import { roleNames, type RoleName } from '#app/utils/permissions.ts'
import {
	decideTransition,
	factsFor,
	type WorkflowAction,
	workflowActions,
	type WorkflowActor,
	type WorkflowFacts,
	type WorkflowStatus,
	workflowStatuses,
} from './state-machine.ts'

// The transitions, written out by hand so that a change to the module has to change this table too.
const transitions: Record<WorkflowAction, Partial<Record<WorkflowStatus, WorkflowStatus>>> = {
	submit: { DRAFT: 'SUBMITTED' },
	amend: { SUBMITTED: 'SUBMITTED' },
	start_review: { SUBMITTED: 'IN_REVIEW' },
	request_changes: { SUBMITTED: 'CHANGES_REQUESTED', IN_REVIEW: 'CHANGES_REQUESTED' },
	resubmit: { CHANGES_REQUESTED: 'IN_REVIEW' },
	approve: { SUBMITTED: 'APPROVED', IN_REVIEW: 'APPROVED' },
	approve_with_conditions: {
		SUBMITTED: 'APPROVED_WITH_CONDITIONS',
		IN_REVIEW: 'APPROVED_WITH_CONDITIONS',
	},
	reject: { SUBMITTED: 'REJECTED', IN_REVIEW: 'REJECTED' },
	withdraw: {
		DRAFT: 'WITHDRAWN',
		SUBMITTED: 'WITHDRAWN',
		IN_REVIEW: 'WITHDRAWN',
		CHANGES_REQUESTED: 'WITHDRAWN',
	},
	retire: { APPROVED: 'RETIRED', APPROVED_WITH_CONDITIONS: 'RETIRED' },
	reopen: { APPROVED: 'IN_REVIEW', APPROVED_WITH_CONDITIONS: 'IN_REVIEW' },
}

// Who may take each action: as a person listed on the case, as one who was listed on an earlier
// version or wrote part of it (involved, no longer listed), and as someone independent of it.
// A reviewer may ask for changes only while holding an open lane (covered separately below).
const allowedRoles: Record<WorkflowAction, Record<Relation, ReadonlyArray<RoleName>>> = {
	submit: { listed: ['SUBMITTER'], formerly: [], independent: [] },
	amend: { listed: ['SUBMITTER'], formerly: [], independent: [] },
	start_review: { listed: [], formerly: [], independent: ['REVIEWER', 'GOVERNANCE_LEAD'] },
	request_changes: { listed: [], formerly: [], independent: ['GOVERNANCE_LEAD'] },
	resubmit: { listed: ['SUBMITTER'], formerly: [], independent: [] },
	approve: { listed: [], formerly: [], independent: ['GOVERNANCE_LEAD'] },
	approve_with_conditions: { listed: [], formerly: [], independent: ['GOVERNANCE_LEAD'] },
	reject: { listed: [], formerly: [], independent: ['GOVERNANCE_LEAD'] },
	withdraw: { listed: ['SUBMITTER'], formerly: [], independent: [] },
	// Retiring or re-opening judges nothing, so a lead on the case's team may do it too.
	retire: {
		listed: ['SUBMITTER', 'GOVERNANCE_LEAD'],
		formerly: ['GOVERNANCE_LEAD'],
		independent: ['GOVERNANCE_LEAD'],
	},
	reopen: {
		listed: ['SUBMITTER', 'GOVERNANCE_LEAD'],
		formerly: ['GOVERNANCE_LEAD'],
		independent: ['GOVERNANCE_LEAD'],
	},
}

type Relation = 'listed' | 'formerly' | 'independent'
const relations: Record<Relation, Pick<WorkflowActor, 'listed' | 'involved'>> = {
	listed: { listed: true, involved: true },
	formerly: { listed: false, involved: true },
	independent: { listed: false, involved: false },
}

// Facts under which every guard holds, so that only status and role decide.
function passingFacts(status: WorkflowStatus, action: WorkflowAction): WorkflowFacts {
	return factsFor(status, { conditions: action === 'approve_with_conditions' ? 1 : 0 })
}

describe('every status × every action × every role, listed on the case, formerly listed, or independent', () => {
	for (const status of workflowStatuses) {
		for (const action of workflowActions) {
			for (const role of roleNames) {
				for (const relation of Object.keys(relations) as Array<Relation>) {
					const actor: WorkflowActor = {
						roles: [role],
						...relations[relation],
						holdsOpenLane: false,
					}
					const target = transitions[action][status]
					const expected = target !== undefined && allowedRoles[action][relation].includes(role)
					test(`${role} (${relation}) ${action} from ${status}: ${expected ? `→ ${target}` : 'refused'}`, () => {
						const verdict = decideTransition(action, actor, passingFacts(status, action))
						if (expected) {
							expect(verdict).toEqual({ allowed: true, to: target })
						} else {
							expect(verdict.allowed).toBe(false)
							if (!verdict.allowed) {
								// From a wrong status the answer is a conflict; otherwise the caller is not allowed.
								expect(verdict.code).toBe(target === undefined ? 'CONFLICT' : 'FORBIDDEN')
								expect(verdict.reason.length).toBeGreaterThan(20)
							}
						}
					})
				}
			}
		}
	}
})

describe('independence', () => {
	const judging: Array<WorkflowAction> = [
		'start_review',
		'request_changes',
		'approve',
		'approve_with_conditions',
		'reject',
	]
	test('a person listed on a case, now or on any earlier version, cannot review or decide it, whatever roles they hold', () => {
		for (const relation of ['listed', 'formerly'] as const) {
			const everything: WorkflowActor = {
				roles: [...roleNames],
				...relations[relation],
				holdsOpenLane: true,
			}
			for (const action of judging) {
				for (const status of workflowStatuses) {
					const verdict = decideTransition(action, everything, passingFacts(status, action))
					expect(verdict.allowed, `${relation}: ${action} from ${status}`).toBe(false)
				}
			}
			const verdict = decideTransition('approve', everything, passingFacts('IN_REVIEW', 'approve'))
			expect(verdict).toMatchObject({
				allowed: false,
				code: 'FORBIDDEN',
				reason: expect.stringMatching(/were listed on this use case/),
			})
		}
	})
})

describe('guards on what must hold', () => {
	const lead: WorkflowActor = {
		roles: ['GOVERNANCE_LEAD'],
		listed: false,
		involved: false,
		holdsOpenLane: false,
	}
	const submitter: WorkflowActor = {
		roles: ['SUBMITTER'],
		listed: true,
		involved: true,
		holdsOpenLane: false,
	}
	const inReview = (changes: Partial<WorkflowFacts> = {}, action: WorkflowAction = 'approve') => ({
		...passingFacts('IN_REVIEW', action),
		...changes,
	})

	test('an incomplete case cannot be submitted, amended or resubmitted', () => {
		expect(
			decideTransition('submit', submitter, {
				...passingFacts('DRAFT', 'submit'),
				complete: false,
			}),
		).toMatchObject({ allowed: false, code: 'INVALID' })
		expect(
			decideTransition('amend', submitter, {
				...passingFacts('SUBMITTED', 'amend'),
				complete: false,
			}),
		).toMatchObject({ allowed: false, code: 'INVALID' })
		expect(
			decideTransition('resubmit', submitter, {
				...passingFacts('CHANGES_REQUESTED', 'resubmit'),
				complete: false,
			}),
		).toMatchObject({
			allowed: false,
			code: 'INVALID',
		})
	})

	test('no final decision while a required lane is open', () => {
		for (const action of ['approve', 'approve_with_conditions', 'reject'] as const) {
			expect(decideTransition(action, lead, inReview({ openLanes: 2 }, action))).toMatchObject({
				allowed: false,
				code: 'INVALID',
				reason: expect.stringMatching(/2 required review lanes are still open/),
			})
		}
	})

	test('a blocking failure without a waiver stops approval, not rejection', () => {
		expect(decideTransition('approve', lead, inReview({ blocked: true }))).toMatchObject({
			allowed: false,
			reason: expect.stringMatching(/blocking check/),
		})
		expect(
			decideTransition(
				'approve_with_conditions',
				lead,
				inReview({ blocked: true }, 'approve_with_conditions'),
			),
		).toMatchObject({ allowed: false })
		expect(decideTransition('reject', lead, inReview({ blocked: true }, 'reject'))).toEqual({
			allowed: true,
			to: 'REJECTED',
		})
	})

	test('a rejected lane stops approval', () => {
		expect(decideTransition('approve', lead, inReview({ rejectedLanes: 1 }))).toMatchObject({
			allowed: false,
			reason: expect.stringMatching(/rejected a lane/),
		})
		expect(decideTransition('reject', lead, inReview({ rejectedLanes: 1 }, 'reject'))).toEqual({
			allowed: true,
			to: 'REJECTED',
		})
	})

	test('conditions go with an approval with conditions, and only with it', () => {
		expect(
			decideTransition(
				'approve_with_conditions',
				lead,
				inReview({ conditions: 0 }, 'approve_with_conditions'),
			),
		).toMatchObject({
			allowed: false,
			reason: expect.stringMatching(/at least one condition/),
		})
		expect(decideTransition('approve', lead, inReview({ conditions: 1 }))).toMatchObject({
			allowed: false,
		})
	})

	test('a decision on a stale version is a conflict', () => {
		for (const action of ['approve', 'approve_with_conditions', 'reject'] as const) {
			expect(
				decideTransition(action, lead, inReview({ versionIsCurrent: false }, action)),
			).toMatchObject({ allowed: false, code: 'CONFLICT' })
		}
	})

	test('a reviewer asks for changes only while holding an open lane of the case', () => {
		const reviewer: WorkflowActor = {
			roles: ['REVIEWER'],
			listed: false,
			involved: false,
			holdsOpenLane: false,
		}
		expect(
			decideTransition('request_changes', reviewer, passingFacts('IN_REVIEW', 'request_changes')),
		).toMatchObject({ allowed: false, code: 'FORBIDDEN' })
		expect(
			decideTransition(
				'request_changes',
				{ ...reviewer, holdsOpenLane: true },
				passingFacts('IN_REVIEW', 'request_changes'),
			),
		).toEqual({
			allowed: true,
			to: 'CHANGES_REQUESTED',
		})
	})
})
