import { describe, expect, test } from 'vitest'
import { type ReviewLaneName, reviewLanes } from '#app/utils/permissions.ts'
import { decideLaneAction, type LaneActor, type LaneFacts, mayHoldLane } from './lane-rules.ts'

const reviewer = (lanes: Array<ReviewLaneName>, involved = false): LaneActor => ({
	roles: [{ role: 'REVIEWER', lanes }],
	involved,
})
const lead = (involved = false): LaneActor => ({
	roles: [{ role: 'GOVERNANCE_LEAD', lanes: [] }],
	involved,
})
const submitter: LaneActor = { roles: [{ role: 'SUBMITTER', lanes: [] }], involved: true }

function facts(changes: Partial<LaneFacts> = {}): LaneFacts {
	return {
		caseStatus: 'IN_REVIEW',
		laneStatus: 'OPEN',
		lane: 'PRIVACY',
		assigned: false,
		assignedToActor: false,
		determinationRecorded: false,
		versionIsCurrent: true,
		revisionIsCurrent: true,
		...changes,
	}
}

describe('who may hold a lane', () => {
	test('reviewers hold their granted lanes; the lead holds every lane; only the lead holds the CAIO lane', () => {
		for (const lane of reviewLanes) {
			expect(mayHoldLane(lead(), lane), lane).toBe(true)
			expect(mayHoldLane(reviewer(['PRIVACY', 'SECURITY']), lane), lane).toBe(
				lane === 'PRIVACY' || lane === 'SECURITY',
			)
			expect(mayHoldLane(reviewer([...reviewLanes]), lane), lane).toBe(
				lane !== 'CAIO_DETERMINATION',
			)
			expect(mayHoldLane(submitter, lane), lane).toBe(false)
		}
	})

	test('a deactivated person holds nothing', () => {
		expect(mayHoldLane({ ...lead(), active: false }, 'PRIVACY')).toBe(false)
	})
})

describe('assigning', () => {
	test('the lead assigns an independent reviewer who holds the lane', () => {
		expect(
			decideLaneAction('assign', lead(), facts({ caseStatus: 'SUBMITTED' }), reviewer(['PRIVACY'])),
		).toEqual({ allowed: true })
	})

	test('refused: a reviewer without the lane, a listed assignee, a listed lead, a non-lead, a decided lane, a closed case', () => {
		expect(decideLaneAction('assign', lead(), facts(), reviewer(['SECURITY']))).toMatchObject({
			allowed: false,
			code: 'INVALID',
		})
		expect(decideLaneAction('assign', lead(), facts(), reviewer(['PRIVACY'], true))).toMatchObject({
			allowed: false,
			code: 'INVALID',
		})
		expect(decideLaneAction('assign', lead(true), facts(), reviewer(['PRIVACY']))).toMatchObject({
			allowed: false,
			code: 'FORBIDDEN',
		})
		expect(
			decideLaneAction('assign', reviewer(['PRIVACY']), facts(), reviewer(['PRIVACY'])),
		).toMatchObject({ allowed: false, code: 'FORBIDDEN' })
		expect(
			decideLaneAction('assign', lead(), facts({ laneStatus: 'APPROVED' }), reviewer(['PRIVACY'])),
		).toMatchObject({ allowed: false, code: 'CONFLICT' })
		for (const caseStatus of ['DRAFT', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'RETIRED'] as const) {
			expect(
				decideLaneAction('assign', lead(), facts({ caseStatus }), reviewer(['PRIVACY'])),
				caseStatus,
			).toMatchObject({ allowed: false, code: 'CONFLICT' })
		}
	})
})

describe('claiming', () => {
	test('a reviewer claims an unassigned open lane they hold', () => {
		expect(
			decideLaneAction('claim', reviewer(['PRIVACY']), facts({ caseStatus: 'SUBMITTED' })),
		).toEqual({ allowed: true })
	})

	test('refused: a lane they do not hold, a held lane, being listed, a stale page', () => {
		expect(decideLaneAction('claim', reviewer(['SECURITY']), facts())).toMatchObject({
			allowed: false,
			code: 'FORBIDDEN',
		})
		expect(
			decideLaneAction('claim', reviewer(['PRIVACY']), facts({ assigned: true })),
		).toMatchObject({ allowed: false, code: 'CONFLICT' })
		expect(decideLaneAction('claim', reviewer(['PRIVACY'], true), facts())).toMatchObject({
			allowed: false,
			code: 'FORBIDDEN',
		})
		expect(
			decideLaneAction('claim', reviewer(['PRIVACY']), facts({ revisionIsCurrent: false })),
		).toMatchObject({ allowed: false, code: 'CONFLICT' })
	})
})

describe('deciding a lane', () => {
	const mine = facts({ assigned: true, assignedToActor: true })

	test('the assigned reviewer approves, rejects or asks for changes', () => {
		for (const action of ['approve', 'reject', 'request_changes'] as const) {
			expect(decideLaneAction(action, reviewer(['PRIVACY']), mine), action).toEqual({
				allowed: true,
			})
		}
	})

	test('the governance lead may step in on any lane of a case they are independent of', () => {
		expect(decideLaneAction('approve', lead(), facts({ assigned: true }))).toEqual({
			allowed: true,
		})
		expect(decideLaneAction('reject', lead(), facts())).toEqual({ allowed: true })
		expect(decideLaneAction('approve', lead(true), facts({ assigned: true }))).toMatchObject({
			allowed: false,
			code: 'FORBIDDEN',
		})
	})

	test('refused: someone else’s lane, an already decided lane, a stale version, a case not in review', () => {
		expect(
			decideLaneAction('approve', reviewer(['PRIVACY']), facts({ assigned: true })),
		).toMatchObject({ allowed: false, code: 'FORBIDDEN' })
		expect(
			decideLaneAction('approve', reviewer(['PRIVACY', 'SECURITY']), facts({ assigned: false })),
		).toMatchObject({ allowed: false, code: 'FORBIDDEN' })
		expect(
			decideLaneAction('approve', reviewer(['PRIVACY']), { ...mine, laneStatus: 'APPROVED' }),
		).toMatchObject({ allowed: false, code: 'CONFLICT' })
		expect(
			decideLaneAction('approve', reviewer(['PRIVACY']), { ...mine, versionIsCurrent: false }),
		).toMatchObject({ allowed: false, code: 'CONFLICT' })
		expect(
			decideLaneAction('approve', reviewer(['PRIVACY']), {
				...mine,
				caseStatus: 'CHANGES_REQUESTED',
			}),
		).toMatchObject({ allowed: false, code: 'CONFLICT' })
	})

	test('the CAIO determination lane is approved only once the determination is recorded', () => {
		const caio = { ...mine, lane: 'CAIO_DETERMINATION' as const }
		expect(decideLaneAction('approve', lead(), caio)).toMatchObject({
			allowed: false,
			code: 'INVALID',
		})
		expect(decideLaneAction('approve', lead(), { ...caio, determinationRecorded: true })).toEqual({
			allowed: true,
		})
	})

	test('even holding every role, a person listed on the case cannot decide its lane', () => {
		const everything: LaneActor = {
			roles: [
				{ role: 'REVIEWER', lanes: [...reviewLanes] },
				{ role: 'GOVERNANCE_LEAD', lanes: [] },
				{ role: 'SUBMITTER', lanes: [] },
			],
			involved: true,
		}
		for (const action of ['approve', 'reject', 'request_changes', 'claim'] as const) {
			expect(decideLaneAction(action, everything, mine), action).toMatchObject({
				allowed: false,
				code: 'FORBIDDEN',
			})
		}
	})
})
