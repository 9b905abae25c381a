import { expect, test } from 'vitest'
import { deployedEligibilityModel } from '#tests/fixtures/cms-example-cases.ts'
import { type Waiver } from '#app/modules/use-cases/use-case-document.ts'
import {
	minimumPracticesDeadline,
	pilotCertification,
	practiceChecks,
	practiceCheckId,
	waiverStanding,
	waiverUpkeep,
	waiverValidUntil,
} from './minimum-practices.ts'

const after = { asOf: new Date('2026-05-01T00:00:00Z') }
const onDeadline = { asOf: new Date('2026-04-03T18:00:00Z') }
const before = { asOf: new Date('2026-02-01T00:00:00Z') }
const run = (id: string) => practiceChecks[id]!

const allMet = {
	testing: 'YES',
	impactAssessment: 'YES',
	potentialImpacts: 'Coverage loss if wrong; privacy and civil-rights impacts assessed in the PIA.',
	independentReview: 'YES_CAIO',
	monitoring: 'YES',
	training: 'YES',
	failsafe: 'NOT_APPLICABLE',
	failsafeNotApplicableReason:
		'Every resolve-or-refer output is acted on by a caseworker, who can stop the model at any time.',
	appeal: 'PRECLUDED_BY_LAW',
	publicConsultation: ['PUBLIC_HEARINGS'],
} as const

test('there is one check per practice, numbered as in §4(b)', () => {
	expect(Object.keys(practiceChecks)).toEqual(
		['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'].map((r) => `M2521-4B-${r}-C1`),
	)
	expect(practiceCheckId('APPEAL')).toBe('M2521-4B-VI-C1')
})

test('the deadline day itself still counts as on time', () => {
	expect(minimumPracticesDeadline(deployedEligibilityModel(), onDeadline).status).toBe(
		'NEEDS_ATTENTION',
	)
	expect(minimumPracticesDeadline(deployedEligibilityModel(), after).status).toBe('FAIL')
})

test('"not applicable" fail-safe, precluded appeal and any consultation method count as documented', () => {
	const doc = deployedEligibilityModel({
		practices: { ...allMet, publicConsultation: [...allMet.publicConsultation] },
	})
	expect(minimumPracticesDeadline(doc, after).status).toBe('PASS')
	for (const check of Object.values(practiceChecks)) expect(check(doc, after).status).toBe('PASS')
})

// Pack 2026.4 (audit finding 7): "not applicable" needs its reasons where the output affects people.
test('a fail-safe or appeal "not applicable" on a case that affects people needs a written reason (M2521-4B-V-C2, 4B-VI-C1)', () => {
	const unexplained = deployedEligibilityModel({
		practices: {
			...allMet,
			failsafeNotApplicableReason: undefined,
			appeal: 'NOT_APPLICABLE',
			publicConsultation: [...allMet.publicConsultation],
		},
	})
	const failsafe = run('M2521-4B-V-C1')(unexplained, after)
	expect(failsafe.status).toBe('NEEDS_ATTENTION')
	expect(failsafe.reason).toContain(
		'marked not applicable though the output affects beneficiaries, and no reason says why',
	)
	expect(failsafe.drivingFields).toContain('practices.failsafeNotApplicableReason')
	const appeal = run('M2521-4B-VI-C1')(unexplained, after)
	expect(appeal.status).toBe('NEEDS_ATTENTION')
	expect(appeal.reason).toContain('M2521-4B-VI-C1')
	expect(appeal.nextStep).toContain('precluded by law')
	// A reason too short to explain anything is not one; a written one clears it.
	const terse = {
		...unexplained,
		practices: { ...unexplained.practices, appealNotApplicableReason: 'No appeals.' },
	}
	expect(run('M2521-4B-VI-C1')(terse, after).reason).toContain('too short')
	const explained = {
		...unexplained,
		practices: {
			...unexplained.practices,
			appealNotApplicableReason:
				'The output only orders the worklist; every determination is a caseworker’s, appealed as any other.',
		},
	}
	expect(run('M2521-4B-VI-C1')(explained, after).status).toBe('PASS')
	// Internal operations only: nobody to appeal or protect, so "not applicable" stands alone.
	const internal = { ...unexplained, affectedParties: ['INTERNAL_ONLY' as const] }
	expect(run('M2521-4B-V-C1')(internal, after).status).toBe('PASS')
	// Under pack 2026.3 the answer alone met the practice.
	expect(run('M2521-4B-V-C1')(unexplained, { ...after, release: '2026.3' }).status).toBe('PASS')
})

test('an impact assessment without independent review or described impacts is not documented', () => {
	const doc = deployedEligibilityModel({
		practices: {
			...allMet,
			publicConsultation: ['OTHER'],
			independentReview: 'IN_PROGRESS',
			potentialImpacts: undefined,
		},
	})
	const outcome = run('M2521-4B-II-C1')(doc, after)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.reason).toContain(
		'AI impact assessment: Yes; Independent review: In-progress; potential impacts are not described',
	)
	expect(outcome.drivingFields).toEqual(
		expect.arrayContaining([
			'practices.impactAssessment',
			'practices.independentReview',
			'practices.potentialImpacts',
		]),
	)
})

test('"in progress" and "consultation in progress" are not documented', () => {
	const doc = deployedEligibilityModel({
		practices: { ...allMet, training: 'IN_PROGRESS', publicConsultation: ['IN_PROGRESS'] },
	})
	expect(run('M2521-4B-IV-C1')(doc, after).status).toBe('FAIL')
	expect(run('M2521-4B-VII-C1')(doc, after).reason).toContain(
		'Public consultation: In-progress (§4(b)(vii))',
	)
})

test('an answer of "CAIO waived" without a waiver on record does not cover the practice', () => {
	const doc = deployedEligibilityModel({
		practices: { ...allMet, publicConsultation: ['OTHER'], monitoring: 'CAIO_WAIVED' },
	})
	const outcome = run('M2521-4B-III-C1')(doc, after)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.reason).toContain('no CAIO waiver is recorded')
	expect(waiverUpkeep(doc, after).status).toBe('NEEDS_ATTENTION')
})

test('a pre-deployment high-impact case is told to finish the practices before deployment', () => {
	const doc = deployedEligibilityModel({ stage: 'PRE_DEPLOYMENT' })
	expect(run('M2521-4B-III-C1')(doc, after)).toMatchObject({ status: 'NEEDS_ATTENTION' })
	expect(run('M2521-4B-III-C1')(doc, after).reason).toContain(
		'before the case is piloted or deployed',
	)
	expect(minimumPracticesDeadline(doc, after).status).toBe('NOT_APPLICABLE')
})

test('a retired or not-high-impact case is outside the practices', () => {
	expect(run('M2521-4B-I-C1')(deployedEligibilityModel({ stage: 'RETIRED' }), after).status).toBe(
		'NOT_APPLICABLE',
	)
	const notHighImpact = deployedEligibilityModel({
		decisionRole: 'ASSISTIVE',
		highImpact: { determination: 'NOT_HIGH_IMPACT' },
	})
	expect(minimumPracticesDeadline(notHighImpact, after).status).toBe('NOT_APPLICABLE')
})

test('a high-impact pilot under a current CAIO certification is exempt', () => {
	const doc = deployedEligibilityModel({
		stage: 'PILOT',
		pilotCertification: {
			certifiedOn: '2026-03-01',
			endsOn: '2026-09-01',
			scaleLimit: 'two states, 5,000 consumers',
		},
	})
	expect(pilotCertification(doc, after).status).toBe('PASS')
	expect(pilotCertification(doc, after).reason).toContain(
		'limited to two states, 5,000 consumers, until 2026-09-01',
	)
	expect(run('M2521-4B-III-C1')(doc, after).status).toBe('NOT_APPLICABLE')
	expect(minimumPracticesDeadline(doc, after).status).toBe('NOT_APPLICABLE')
})

test('a high-impact pilot whose certification ended is not exempt and fails', () => {
	const doc = deployedEligibilityModel({
		stage: 'PILOT',
		pilotCertification: {
			certifiedOn: '2025-10-01',
			endsOn: '2026-04-10',
			scaleLimit: 'one state',
		},
	})
	expect(pilotCertification(doc, after)).toMatchObject({ status: 'FAIL' })
	expect(pilotCertification(doc, after).reason).toContain('ended on 2026-04-10')
	expect(minimumPracticesDeadline(doc, after).status).toBe('FAIL')
	expect(minimumPracticesDeadline(doc, after).reason).toContain(
		'Stage: Pilot, without a current CAIO pilot certification',
	)
})

test('an uncertified high-impact pilot needs certification or the practices', () => {
	const doc = deployedEligibilityModel({ stage: 'PILOT' })
	expect(pilotCertification(doc, before).status).toBe('NEEDS_ATTENTION')
	const compliant = deployedEligibilityModel({
		stage: 'PILOT',
		practices: { ...allMet, publicConsultation: ['OTHER'] },
	})
	expect(pilotCertification(compliant, after).status).toBe('PASS')
})

const waiver = (overrides: Partial<Waiver> = {}): Waiver => ({
	practice: 'MONITORING',
	grantedOn: '2025-06-01',
	...overrides,
})

test('a waiver lapses 12 months after its last re-certification, or at its expiry if sooner', () => {
	expect(waiverValidUntil(waiver())).toBe('2026-06-01')
	expect(waiverValidUntil(waiver({ recertifiedOn: '2026-05-15' }))).toBe('2027-05-15')
	expect(waiverValidUntil(waiver({ expiresOn: '2025-12-31' }))).toBe('2025-12-31')
})

test('waiver standing: valid, not yet granted, revoked, expired and lapsed', () => {
	const doc = (w: Waiver) => deployedEligibilityModel({ waivers: [w] })
	expect(waiverStanding(doc(waiver()), 'MONITORING', after.asOf)).toMatchObject({
		valid: true,
		until: '2026-06-01',
	})
	expect(
		waiverStanding(doc(waiver({ grantedOn: '2026-06-01' })), 'MONITORING', after.asOf),
	).toMatchObject({ valid: false })
	expect(
		waiverStanding(doc(waiver({ revokedOn: '2026-04-30' })), 'MONITORING', after.asOf),
	).toMatchObject({
		why: 'the CAIO waiver was revoked on 2026-04-30',
	})
	expect(
		waiverStanding(doc(waiver({ expiresOn: '2026-04-30' })), 'MONITORING', after.asOf),
	).toMatchObject({
		why: 'the CAIO waiver expired on 2026-04-30',
	})
	expect(
		waiverStanding(doc(waiver({ grantedOn: '2025-03-01' })), 'MONITORING', after.asOf),
	).toMatchObject({
		why: 'the CAIO waiver lapsed on 2026-03-01: it was not re-certified within 12 months of 2025-03-01',
	})
	expect(waiverStanding(doc(waiver()), 'APPEAL', after.asOf)).toMatchObject({
		valid: false,
		why: 'no CAIO waiver is recorded',
	})
})

test('waiver upkeep flags late OMB reports and missed re-certification', () => {
	const late = deployedEligibilityModel({
		waivers: [waiver({ grantedOn: '2026-02-01', reportedToOmbOn: '2026-03-20' })],
	})
	expect(waiverUpkeep(late, after).reason).toContain(
		'reported to OMB on 2026-03-20, after the 30-day limit of 2026-03-03',
	)
	const unreported = deployedEligibilityModel({ waivers: [waiver({ grantedOn: '2026-02-01' })] })
	expect(waiverUpkeep(unreported, after).reason).toContain(
		'no record of being reported to OMB (due 2026-03-03)',
	)
	const stale = deployedEligibilityModel({
		waivers: [waiver({ grantedOn: '2025-03-01', reportedToOmbOn: '2025-03-10' })],
	})
	expect(waiverUpkeep(stale, after).reason).toContain(
		'due for its yearly re-certification on 2026-03-01',
	)
	const fine = deployedEligibilityModel({
		waivers: [waiver({ grantedOn: '2026-02-01', reportedToOmbOn: '2026-02-10' })],
	})
	expect(waiverUpkeep(fine, after).status).toBe('PASS')
	expect(waiverUpkeep(deployedEligibilityModel(), after).status).toBe('NOT_APPLICABLE')
})
