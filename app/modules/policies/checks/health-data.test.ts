import { expect, test } from 'vitest'
import { baseCase } from '#tests/fixtures/cms-example-cases.ts'
import {
	businessAssociateAgreement,
	dataUseAgreement,
	ephiSecurity,
	minimumNecessary,
	part2Records,
} from './health-data.ts'

const ctx = { asOf: new Date('2026-05-01T00:00:00Z') }
const claims = {
	name: 'Medicare Part A claims',
	category: 'MEDICARE_CLAIMS' as const,
	sensitivities: ['PII' as const, 'PHI' as const],
	usage: ['TRAINING' as const],
	minimumNecessaryJustification: 'Diagnosis and procedure codes only.',
}

test('minimum necessary: every PHI dataset needs a justification', () => {
	expect(minimumNecessary(baseCase({ datasets: [claims] }), ctx).status).toBe('PASS')
	const outcome = minimumNecessary(
		baseCase({
			datasets: [
				claims,
				{ ...claims, name: 'MA encounters', minimumNecessaryJustification: undefined },
			],
		}),
		ctx,
	)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.reason).toContain("'MA encounters' has no minimum-necessary justification")
	expect(outcome.reason).toContain('used for training')
	expect(outcome.drivingFields).toContain('datasets.1.minimumNecessaryJustification')
	expect(minimumNecessary(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('minimum necessary before deployment needs attention rather than failing', () => {
	const doc = baseCase({
		stage: 'PRE_DEPLOYMENT',
		datasets: [{ ...claims, minimumNecessaryJustification: undefined }],
	})
	expect(minimumNecessary(doc, ctx).status).toBe('NEEDS_ATTENTION')
})

test('a BAA is needed when a vendor touches PHI', () => {
	const vendor = {
		contractingUsage: 'PURCHASED' as const,
		vendorNames: ['Example Analytics'],
		datasets: [claims],
	}
	const missing = businessAssociateAgreement(
		baseCase({ ...vendor, safeguards: { businessAssociateAgreement: false } }),
		ctx,
	)
	expect(missing.status).toBe('FAIL')
	expect(missing.reason).toContain('it was purchased from a vendor')
	expect(missing.drivingFields).toEqual(
		expect.arrayContaining([
			'contractingUsage',
			'vendorNames',
			'safeguards.businessAssociateAgreement',
		]),
	)
	expect(businessAssociateAgreement(baseCase({ ...vendor }), ctx).status).toBe('NEEDS_ATTENTION')
	expect(
		businessAssociateAgreement(
			baseCase({ ...vendor, safeguards: { businessAssociateAgreement: true } }),
			ctx,
		).status,
	).toBe('PASS')
})

test('a hosted vendor API alone makes the vendor a business associate', () => {
	const outcome = businessAssociateAgreement(
		baseCase({
			hosting: 'VENDOR_API',
			datasets: [claims],
			safeguards: { businessAssociateAgreement: false },
		}),
		ctx,
	)
	expect(outcome.status).toBe('FAIL')
	expect(outcome.drivingFields).toContain('hosting')
})

test('any host other than CMS is a business associate: a FedRAMP cloud or a contractor’s data centre holding PHI needs a BAA', () => {
	for (const hosting of ['FEDRAMP_CLOUD', 'CONTRACTOR_DATA_CENTER'] as const) {
		const missing = businessAssociateAgreement(baseCase({ hosting, datasets: [claims] }), ctx)
		expect(missing.status, hosting).toBe('NEEDS_ATTENTION')
		expect(missing.reason, hosting).toContain('whose operator holds the data for CMS')
		expect(missing.drivingFields, hosting).toContain('hosting')
		expect(
			businessAssociateAgreement(
				baseCase({
					hosting,
					datasets: [claims],
					safeguards: { businessAssociateAgreement: false },
				}),
				ctx,
			).status,
			hosting,
		).toBe('FAIL')
		expect(
			businessAssociateAgreement(
				baseCase({ hosting, datasets: [claims], safeguards: { businessAssociateAgreement: true } }),
				ctx,
			).status,
			hosting,
		).toBe('PASS')
	}
})

test('PHI with the host unanswered needs attention; a retired case needs no BAA', () => {
	expect(
		businessAssociateAgreement(baseCase({ hosting: undefined, datasets: [claims] }), ctx).status,
	).toBe('NEEDS_ATTENTION')
	expect(
		businessAssociateAgreement(
			baseCase({ stage: 'RETIRED', hosting: 'VENDOR_API', datasets: [claims] }),
			ctx,
		).status,
	).toBe('NOT_APPLICABLE')
})

test('no BAA question without PHI or without a vendor', () => {
	expect(businessAssociateAgreement(baseCase({ datasets: [claims] }), ctx).status).toBe(
		'NOT_APPLICABLE',
	)
	expect(businessAssociateAgreement(baseCase({ contractingUsage: 'PURCHASED' }), ctx).status).toBe(
		'NOT_APPLICABLE',
	)
})

test('Part 2 records need a recorded basis', () => {
	const part2 = {
		...claims,
		name: 'SUD treatment claims',
		sensitivities: ['PHI' as const, 'PART2' as const],
	}
	const none = part2Records(
		baseCase({ datasets: [part2], safeguards: { part2ConsentBasis: 'NONE' } }),
		ctx,
	)
	expect(none.status).toBe('FAIL')
	expect(none.reason).toContain(
		"Dataset 'SUD treatment claims' holds 42 CFR Part 2 substance-use records; Part 2 consent basis: No basis recorded.",
	)
	expect(part2Records(baseCase({ datasets: [part2] }), ctx).status).toBe('NEEDS_ATTENTION')
	expect(
		part2Records(baseCase({ datasets: [part2], safeguards: { part2ConsentBasis: 'QSOA' } }), ctx)
			.status,
	).toBe('PASS')
})

test('claims without a Part 2 flag need the SUD screen confirmed', () => {
	const unscreened = part2Records(baseCase({ datasets: [claims] }), ctx)
	expect(unscreened.status).toBe('NEEDS_ATTENTION')
	expect(unscreened.reason).toContain("Dataset 'Medicare Part A claims' is claims or clinical data")
	expect(
		part2Records(baseCase({ datasets: [claims], safeguards: { sudRecordsExcluded: true } }), ctx)
			.status,
	).toBe('PASS')
	expect(part2Records(baseCase(), ctx).status).toBe('NOT_APPLICABLE')
})

test('PHI needs the HIPAA security risk analysis to reach the AI, its logs and the copies it keeps', () => {
	const phi = baseCase({ datasets: [claims] })
	const unanswered = ephiSecurity(phi, ctx)
	expect(unanswered.status).toBe('NEEDS_ATTENTION')
	expect(unanswered.reason).toBe(
		"Dataset 'Medicare Part A claims' holds PHI; HIPAA security risk analysis covers the AI: not answered. Stage: Deployed.",
	)
	expect(unanswered.drivingFields).toEqual([
		'datasets.0.sensitivities',
		'safeguards.ephiRiskAnalysis',
	])
	const notCovered = { ...phi, safeguards: { ephiRiskAnalysis: false } }
	expect(ephiSecurity(notCovered, ctx).status).toBe('FAIL')
	// Before deployment the analysis is still to do while the PHI only feeds the system at run time
	// (PHI already used for training is covered by the 2026.4 test below).
	const runTimeOnly = baseCase({
		stage: 'PRE_DEPLOYMENT',
		datasets: [{ ...claims, usage: ['OPERATION'] }],
		safeguards: { ephiRiskAnalysis: false },
	})
	expect(ephiSecurity(runTimeOnly, ctx).status).toBe('NEEDS_ATTENTION')
	expect(ephiSecurity({ ...phi, safeguards: { ephiRiskAnalysis: true } }, ctx).status).toBe('PASS')
	expect(ephiSecurity({ ...notCovered, stage: 'RETIRED' }, ctx).status).toBe('NOT_APPLICABLE')
	const part2Only = baseCase({ datasets: [{ ...claims, sensitivities: ['PART2'] }] })
	expect(ephiSecurity(part2Only, ctx).status).toBe('NEEDS_ATTENTION')
	const piiOnly = baseCase({ hasPii: true, datasets: [{ ...claims, sensitivities: ['PII'] }] })
	expect(ephiSecurity(piiOnly, ctx).status).toBe('NOT_APPLICABLE')
})

test('data that need a DUA and leave CMS need an executed agreement or contract terms covering the use', () => {
	const governed = { ...claims, dataUseAgreementRequired: true }
	const hosted = baseCase({ hosting: 'CONTRACTOR_DATA_CENTER', datasets: [governed] })
	const unanswered = dataUseAgreement(hosted, ctx)
	expect(unanswered.status).toBe('NEEDS_ATTENTION')
	expect(unanswered.reason).toBe(
		"Dataset 'Medicare Part A claims' requires a data use agreement and a party other than CMS handles the data (it runs in a contractor’s data centre, whose operator holds the data for CMS); Data use agreement: not answered. Stage: Deployed.",
	)
	expect(unanswered.drivingFields).toEqual([
		'datasets.0.dataUseAgreementRequired',
		'hosting',
		'safeguards.dataUseAgreement',
	])
	expect(dataUseAgreement({ ...hosted, safeguards: { dataUseAgreement: false } }, ctx).status).toBe(
		'FAIL',
	)
	expect(dataUseAgreement({ ...hosted, safeguards: { dataUseAgreement: true } }, ctx).status).toBe(
		'PASS',
	)
	// The data stay with CMS, or no dataset needs a DUA, or the case is retired: nothing to ask.
	expect(dataUseAgreement(baseCase({ datasets: [governed] }), ctx).status).toBe('NOT_APPLICABLE')
	expect(
		dataUseAgreement({ ...hosted, datasets: [{ ...claims, dataUseAgreementRequired: false }] }, ctx)
			.status,
	).toBe('NOT_APPLICABLE')
	expect(dataUseAgreement({ ...hosted, stage: 'RETIRED' }, ctx).status).toBe('NOT_APPLICABLE')
})

// Pack 2026.4 (audit finding 2): PHI, Part 2 records and agreement-governed data already used to train
// or evaluate the model during development have reached the party that handles them, so a "no" is a
// present failure, not a to-do before deployment; a case judged under 2026.3 keeps its result.
test('data already flowing to a vendor during development: a "no" to the BAA, the Part 2 basis, the DUA or the risk analysis fails now', () => {
	const flowing = baseCase({
		stage: 'PRE_DEPLOYMENT',
		hosting: 'VENDOR_API',
		datasets: [
			{
				...claims,
				sensitivities: ['PII', 'PHI', 'PART2'],
				usage: ['TRAINING'],
				dataUseAgreementRequired: true,
			},
		],
		safeguards: {
			businessAssociateAgreement: false,
			part2ConsentBasis: 'NONE',
			dataUseAgreement: false,
			ephiRiskAnalysis: false,
		},
	})
	for (const check of [businessAssociateAgreement, part2Records, dataUseAgreement, ephiSecurity]) {
		const outcome = check(flowing, ctx)
		expect(outcome.status).toBe('FAIL')
		expect(outcome.reason).toContain('already used to train or evaluate the model')
		expect(outcome.drivingFields).toContain('datasets.0.usage')
		// The same case judged under pack 2026.3 keeps the stage-only reading.
		expect(check(flowing, { ...ctx, release: '2026.3' }).status).toBe('NEEDS_ATTENTION')
	}
	expect(businessAssociateAgreement(flowing, ctx).nextStep).toContain('Stop sending PHI')
})

test('data used only at run time is not flowing before deployment, and an unanswered safeguard still needs an answer', () => {
	const later = baseCase({
		stage: 'PRE_DEPLOYMENT',
		hosting: 'VENDOR_API',
		datasets: [{ ...claims, usage: ['OPERATION'], dataUseAgreementRequired: true }],
		safeguards: { businessAssociateAgreement: false, dataUseAgreement: false },
	})
	expect(businessAssociateAgreement(later, ctx).status).toBe('NEEDS_ATTENTION')
	expect(dataUseAgreement(later, ctx).status).toBe('NEEDS_ATTENTION')
	const unanswered = baseCase({
		stage: 'PRE_DEPLOYMENT',
		hosting: 'VENDOR_API',
		datasets: [{ ...claims, usage: ['EVALUATION'] }],
	})
	expect(businessAssociateAgreement(unanswered, ctx).status).toBe('NEEDS_ATTENTION')
	const evaluated = baseCase({
		stage: 'PRE_DEPLOYMENT',
		hosting: 'VENDOR_API',
		datasets: [{ ...claims, usage: ['EVALUATION'] }],
		safeguards: { businessAssociateAgreement: true },
	})
	expect(businessAssociateAgreement(evaluated, ctx).status).toBe('PASS')
})
