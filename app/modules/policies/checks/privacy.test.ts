import { expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import {
	computerMatching,
	decisionRecordsAccuracy,
	privacyActContractor,
	privacyImpactAssessment,
	systemOfRecordsNotice,
} from './privacy.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }
const enrollment = {
	name: 'Medicare enrollment database (EDB)',
	category: 'ENROLLMENT_ELIGIBILITY' as const,
	sensitivities: ['PII' as const],
	usage: ['OPERATION' as const],
}

test('no PII, no PIA needed', () => {
	expect(privacyImpactAssessment(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('PII in a live case without a PIA fails, naming the dataset and the answer', () => {
	const outcome = privacyImpactAssessment(
		baseCase({ datasets: [enrollment], safeguards: { piaCompleted: false } }),
		ctx,
	)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.reason).toContain(
		"Dataset 'Medicare enrollment database (EDB)' holds personal information (though Involves PII: No)",
	)
	expect(outcome.reason).toContain('Privacy Impact Assessment completed: No.')
	expect(outcome.drivingFields).toEqual(
		expect.arrayContaining(['hasPii', 'datasets.0.sensitivities', 'safeguards.piaCompleted']),
	)
})

test('PII before deployment, or with an unanswered PIA, needs attention', () => {
	expect(
		privacyImpactAssessment(
			baseCase({ stage: 'PRE_DEPLOYMENT', hasPii: true, safeguards: { piaCompleted: false } }),
			ctx,
		).status,
	).toBe('NEEDS_ATTENTION')
	const datasetPia = baseCase({
		datasets: [{ ...enrollment, piaUrl: 'https://www.hhs.gov/pia/edb.pdf' }],
	})
	const outcome = privacyImpactAssessment(datasetPia, ctx)
	expect(outcome.status).toBe('NEEDS_ATTENTION')
	expect(outcome.reason).toContain('may not cover this AI use')
})

test('a completed PIA or a PIA link passes', () => {
	expect(
		privacyImpactAssessment(baseCase({ hasPii: true, safeguards: { piaCompleted: true } }), ctx)
			.status,
	).toBe('PASS')
	expect(
		privacyImpactAssessment(
			baseCase({ hasPii: true, piaUrl: 'https://www.hhs.gov/pia/x.pdf' }),
			ctx,
		).status,
	).toBe('PASS')
})

test('records retrieved by identifier need a SORN, from the case or a dataset', () => {
	const missing = systemOfRecordsNotice(
		baseCase({ hasPii: true, safeguards: { retrievedByPersonalIdentifier: true } }),
		ctx,
	)
	expect(missing.status).toBe('FAIL')
	expect(missing.reason).toContain('no SORN number is recorded')
	const fromDataset = systemOfRecordsNotice(
		baseCase({
			datasets: [{ ...enrollment, sornNumber: '09-70-0502' }],
			safeguards: { retrievedByPersonalIdentifier: true },
		}),
		ctx,
	)
	expect(fromDataset).toMatchObject({ status: 'PASS' })
	expect(fromDataset.reason).toContain('SORN 09-70-0502')
	expect(fromDataset.drivingFields).toContain('datasets.0.sornNumber')
})

test('an unanswered retrieval question with PII needs an answer; without PII it does not apply', () => {
	expect(systemOfRecordsNotice(baseCase({ hasPii: true }), ctx).status).toBe('NEEDS_ATTENTION')
	expect(systemOfRecordsNotice(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
	expect(
		systemOfRecordsNotice(
			baseCase({ hasPii: true, safeguards: { retrievedByPersonalIdentifier: false } }),
			ctx,
		).status,
	).toBe('NOT_APPLICABLE')
})

test('a dataset published as a system of records engages the SORN check even when the AI does not retrieve by identifier', () => {
	const outcome = systemOfRecordsNotice(
		baseCase({
			hasPii: true,
			datasets: [{ ...enrollment, sornNumber: '09-70-0502' }],
			safeguards: { retrievedByPersonalIdentifier: false },
		}),
		ctx,
	)
	expect(outcome.status).toBe('PASS')
	expect(outcome.reason).toBe(
		`Dataset '${enrollment.name}' is drawn from a system of records and is covered by SORN 09-70-0502.`,
	)
	expect(outcome.nextStep).toContain('The privacy reviewer confirms')
	expect(
		systemOfRecordsNotice(
			baseCase({
				stage: 'RETIRED',
				hasPii: true,
				safeguards: { retrievedByPersonalIdentifier: true },
			}),
			ctx,
		).status,
	).toBe('NOT_APPLICABLE')
})

test('computer matching sends the case to legal; eligibility uses must answer the question', () => {
	expect(computerMatching(baseCase({ safeguards: { computerMatching: true } }), ctx).status).toBe(
		'NEEDS_ATTENTION',
	)
	const unanswered = computerMatching(
		baseCase({ hasPii: true, informedDecisions: ['ELIGIBILITY_ENROLLMENT'] }),
		ctx,
	)
	expect(unanswered.status).toBe('NEEDS_ATTENTION')
	expect(unanswered.reason).toContain('Decisions it informs: Eligibility or enrollment')
	// With no personal data no records about people are matched, and the form does not ask.
	expect(
		computerMatching(baseCase({ informedDecisions: ['ELIGIBILITY_ENROLLMENT'] }), ctx).status,
	).toBe('NOT_APPLICABLE')
	expect(
		computerMatching(
			baseCase({ hasPii: true, stage: 'RETIRED', informedDecisions: ['ELIGIBILITY_ENROLLMENT'] }),
			ctx,
		).status,
	).toBe('NOT_APPLICABLE')
	expect(
		computerMatching(
			baseCase({
				informedDecisions: ['ELIGIBILITY_ENROLLMENT'],
				safeguards: { computerMatching: false },
			}),
			ctx,
		).status,
	).toBe('PASS')
	expect(computerMatching(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

const systemOfRecords = { ...enrollment, sornNumber: '09-70-0502' }

test('a vendor handling records of a system of records must be bound by the Privacy Act in its contract', () => {
	const hosted = baseCase({ hasPii: true, hosting: 'FEDRAMP_CLOUD', datasets: [systemOfRecords] })
	const unanswered = privacyActContractor(hosted, ctx)
	expect(unanswered.status).toBe('NEEDS_ATTENTION')
	expect(unanswered.reason).toBe(
		'Records come from a system of records and a party other than CMS handles them (it runs in a FedRAMP-authorized cloud, whose operator holds the data for CMS); Privacy Act clauses in the contract: not answered. Stage: Deployed.',
	)
	expect(unanswered.drivingFields).toEqual(
		expect.arrayContaining([
			'datasets.0.sornNumber',
			'hosting',
			'safeguards.privacyActContractClauses',
		]),
	)
	const refused = {
		...hosted,
		safeguards: { ...hosted.safeguards, privacyActContractClauses: false },
	}
	expect(privacyActContractor(refused, ctx).status).toBe('FAIL')
	expect(privacyActContractor({ ...refused, stage: 'PRE_DEPLOYMENT' }, ctx).status).toBe(
		'NEEDS_ATTENTION',
	)
	const bound = { ...hosted, safeguards: { ...hosted.safeguards, privacyActContractClauses: true } }
	expect(privacyActContractor(bound, ctx)).toMatchObject({ status: 'PASS', nextStep: null })
})

test('pack 2026.4: records of a system of records already used to train a vendor’s model need the contract clauses now', () => {
	const training = baseCase({
		hasPii: true,
		stage: 'PRE_DEPLOYMENT',
		hosting: 'VENDOR_API',
		datasets: [{ ...systemOfRecords, usage: ['TRAINING'] }],
		safeguards: { privacyActContractClauses: false },
	})
	const outcome = privacyActContractor(training, ctx)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.drivingFields).toContain('datasets.0.usage')
	expect(privacyActContractor(training, { ...ctx, release: '2026.3' }).status).toBe(
		'NEEDS_ATTENTION',
	)
})

test('no contract clause is asked where CMS alone runs the system, or no system of records is involved', () => {
	const inHouse = baseCase({ hasPii: true, datasets: [systemOfRecords] })
	expect(privacyActContractor(inHouse, ctx).status).toBe('NOT_APPLICABLE')
	const noRecords = baseCase({
		hasPii: true,
		hosting: 'VENDOR_API',
		datasets: [enrollment],
		safeguards: { retrievedByPersonalIdentifier: false },
	})
	expect(privacyActContractor(noRecords, ctx).status).toBe('NOT_APPLICABLE')
	const retrievedByVendor = { ...noRecords, safeguards: { retrievedByPersonalIdentifier: true } }
	expect(privacyActContractor(retrievedByVendor, ctx).status).toBe('NEEDS_ATTENTION')
	expect(privacyActContractor({ ...retrievedByVendor, stage: 'RETIRED' }, ctx).status).toBe(
		'NOT_APPLICABLE',
	)
})

test('records behind decisions the AI makes or principally informs must be accurate, relevant, timely and complete', () => {
	const deciding = baseCase({
		datasets: [enrollment],
		decisionRole: 'PRINCIPAL_BASIS',
		informedDecisions: ['ELIGIBILITY_ENROLLMENT'],
	})
	const unanswered = decisionRecordsAccuracy(deciding, ctx)
	expect(unanswered.status).toBe('NEEDS_ATTENTION')
	expect(unanswered.reason).toContain(
		'Role in decisions: Principal basis for a decision or action; Decisions it informs: Eligibility or enrollment; Records accurate enough for decisions: not answered',
	)
	const automated = decisionRecordsAccuracy(
		{
			...deciding,
			decisionRole: 'FULLY_AUTOMATED',
			safeguards: { decisionRecordsAccurate: false },
		},
		ctx,
	)
	expect(automated.status).toBe('FAIL')
	expect(automated.reason).toContain(
		'Role in decisions: Decides or acts without a person; Decisions it informs: Eligibility or enrollment',
	)
	expect(
		decisionRecordsAccuracy({ ...deciding, safeguards: { decisionRecordsAccurate: true } }, ctx)
			.status,
	).toBe('PASS')
})

test('an assistive output, a decision about no one, or no personal data engages no accuracy finding', () => {
	const deciding = baseCase({
		datasets: [enrollment],
		decisionRole: 'PRINCIPAL_BASIS',
		informedDecisions: ['ELIGIBILITY_ENROLLMENT'],
	})
	expect(decisionRecordsAccuracy({ ...deciding, decisionRole: 'ASSISTIVE' }, ctx).status).toBe(
		'NOT_APPLICABLE',
	)
	expect(decisionRecordsAccuracy({ ...deciding, informedDecisions: ['NONE'] }, ctx).status).toBe(
		'NOT_APPLICABLE',
	)
	expect(decisionRecordsAccuracy({ ...deciding, hasPii: false, datasets: [] }, ctx).status).toBe(
		'NOT_APPLICABLE',
	)
})

test('pack 2026.5: the PIA finding cites the AI impact assessment (M2521-4B-II) only on a high-impact or presumed case', () => {
	const withPii = { hasPii: true, safeguards: { piaCompleted: true } }
	expect(privacyImpactAssessment(baseCase(withPii), ctx).citedClauses).toEqual([])
	const determined = baseCase({
		...withPii,
		highImpact: {
			determination: 'HIGH_IMPACT',
			determinedBy: 'Avery Chen, CAIO office',
			determinedOn: '2025-09-15',
		},
	})
	expect(privacyImpactAssessment(determined, ctx).citedClauses).toEqual(['M2521-4B-II'])
})
