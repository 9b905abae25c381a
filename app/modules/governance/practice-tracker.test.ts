import { expect, test } from 'vitest'
import {
	deployedEligibilityModel,
	developerCodingAssistant,
} from '#tests/fixtures/cms-example-cases.ts'
import { trackPractices } from './practice-tracker.ts'

const beforeDeadline = new Date('2026-03-01T12:00:00Z')
const afterDeadline = new Date('2026-06-01T12:00:00Z')
/** No release: the newest pack's reading. */
const newest = {}

const statusOf = (tracked: ReturnType<typeof trackPractices>) =>
	Object.fromEntries(tracked.practices.map((p) => [p.practice, p.status]))
const lateOf = (tracked: ReturnType<typeof trackPractices>) =>
	tracked.practices.filter((p) => p.late).map((p) => p.practice)

test('a deployed high-impact case: documented practices are yes, monitoring is in progress, appeal is missing', () => {
	const tracked = trackPractices(deployedEligibilityModel(), {}, beforeDeadline, newest)
	expect(tracked.applies).toBe(true)
	expect(statusOf(tracked)).toEqual({
		TESTING: 'YES',
		IMPACT_ASSESSMENT: 'YES',
		MONITORING: 'IN_PROGRESS',
		TRAINING: 'YES',
		FAILSAFE: 'YES',
		APPEAL: 'MISSING',
		PUBLIC_CONSULTATION: 'YES',
	})
	expect(lateOf(tracked)).toEqual([])
})

test('after 3 Apr 2026 the two gaps are late; a current CAIO waiver makes its practice waived, not late', () => {
	expect(lateOf(trackPractices(deployedEligibilityModel(), {}, afterDeadline, newest))).toEqual([
		'MONITORING',
		'APPEAL',
	])
	const waived = deployedEligibilityModel({
		waivers: [{ practice: 'APPEAL', grantedOn: '2026-02-01', reportedToOmbOn: '2026-02-20' }],
	})
	const tracked = trackPractices(waived, {}, afterDeadline, newest)
	expect(statusOf(tracked).APPEAL).toBe('WAIVED')
	expect(tracked.practices.find((p) => p.practice === 'APPEAL')?.waiverUntil).toBe('2027-02-01')
	expect(lateOf(tracked)).toEqual(['MONITORING'])
})

test('a waiver that lapsed or was revoked no longer covers its practice', () => {
	const lapsed = deployedEligibilityModel({
		waivers: [{ practice: 'APPEAL', grantedOn: '2025-01-10' }],
	})
	expect(statusOf(trackPractices(lapsed, {}, afterDeadline, newest)).APPEAL).toBe('MISSING')
	const revoked = deployedEligibilityModel({
		waivers: [{ practice: 'APPEAL', grantedOn: '2026-02-01', revokedOn: '2026-05-01' }],
	})
	expect(lateOf(trackPractices(revoked, {}, afterDeadline, newest))).toContain('APPEAL')
})

test('OMB’s "not applicable" for fail-safe and appeal counts as settled', () => {
	const tracked = trackPractices(
		deployedEligibilityModel({
			practices: {
				...deployedEligibilityModel().practices,
				appeal: 'PRECLUDED_BY_LAW',
				monitoring: 'YES',
			},
		}),
		{},
		afterDeadline,
		newest,
	)
	expect(statusOf(tracked).APPEAL).toBe('NOT_APPLICABLE')
	expect(lateOf(tracked)).toEqual([])
})

test('a CAIO-certified pilot is not late; an uncertified one is', () => {
	const certified = deployedEligibilityModel({
		stage: 'PILOT',
		pilotCertification: { certifiedOn: '2026-01-01', endsOn: '2026-12-31', scaleLimit: '2 states' },
	})
	expect(lateOf(trackPractices(certified, {}, afterDeadline, newest))).toEqual([])
	expect(
		lateOf(trackPractices(deployedEligibilityModel({ stage: 'PILOT' }), {}, afterDeadline, newest)),
	).toEqual(['MONITORING', 'APPEAL'])
})

test('evidence is carried per practice; a case that is not high-impact is not tracked', () => {
	const evidence = {
		TESTING: {
			evidenceUrl: 'https://share.cms.gov/test-report',
			ownerName: 'Dana Whitfield',
			documentedOn: '2026-01-15',
			note: null,
		},
	}
	expect(
		trackPractices(deployedEligibilityModel(), evidence, beforeDeadline, newest).practices[0]
			?.evidence,
	).toEqual(evidence.TESTING)
	expect(trackPractices(developerCodingAssistant(), {}, afterDeadline, newest).applies).toBe(false)
	expect(lateOf(trackPractices(developerCodingAssistant(), {}, afterDeadline, newest))).toEqual([])
})
