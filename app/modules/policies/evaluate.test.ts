import { describe, expect, test } from 'vitest'
import {
	baseCase,
	callCentreSummariser,
	deployedEligibilityModel,
	developerCodingAssistant,
	marketplaceIdentityProofing,
	medicareFraudPaymentSuspension,
} from '#tests/fixtures/cms-example-cases.ts'
import {
	evaluateUseCase,
	type Evaluation,
	unimplementedCheckIds,
} from '#app/modules/policies/evaluate.ts'
import { type PolicyPack, shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'

const pack = shippedPolicyPack()
const afterDeadline = new Date('2026-05-01T00:00:00Z')
const beforeDeadline = new Date('2026-03-01T00:00:00Z')

function result(evaluation: Evaluation, checkId: string) {
	const found = evaluation.results.find((r) => r.checkId === checkId)
	if (!found) throw new Error(`no result for ${checkId}`)
	return found
}

function statuses(
	evaluation: Evaluation,
	wanted: ReadonlyArray<string> = ['FAIL', 'NEEDS_ATTENTION'],
) {
	return Object.fromEntries(
		evaluation.results.filter((r) => wanted.includes(r.status)).map((r) => [r.checkId, r.status]),
	)
}

test('Marketplace identity proofing is presumed high-impact under §6(m): the CAIO and the privacy, legal and civil-rights lanes review it', () => {
	const evaluation = evaluateUseCase(marketplaceIdentityProofing(), { pack, asOf: afterDeadline })
	expect(evaluation.packVersion).toBe('2026.5')
	expect(evaluation.presumedHighImpact).toBe(true)
	expect(evaluation.presumedCategories).toEqual(['m'])
	expect(evaluation.requiredLanes).toEqual([
		'PRIVACY',
		'LEGAL',
		'CIVIL_RIGHTS',
		'CAIO_DETERMINATION',
	])
	expect(evaluation.routes.map((route) => route.routeId)).toEqual([
		'ROUTE-HIGH-IMPACT',
		'ROUTE-SYSTEM-OF-RECORDS',
	])
	expect(evaluation.routes[0]!.reason).toBe('the governance lead determined it high-impact')
	const presumption = result(evaluation, 'M2521-4A-C1')
	expect(presumption.status).toBe('PASS')
	expect(presumption.reason).toContain(
		'Role in decisions: Principal basis for a decision or action; Decisions it informs: Identity proofing or access to benefits systems.',
	)
	expect(presumption.clauseIds).toEqual(['M2521-4A', 'M2521-6', 'M2521-6M'])
	// Still in development: the practices are to do before deployment, not yet a failure.
	expect(result(evaluation, 'M2521-4B-I-C1')).toMatchObject({
		status: 'NEEDS_ATTENTION',
		lane: 'CAIO_DETERMINATION',
	})
	expect(result(evaluation, 'M2521-4B-I-C1').reason).toContain(
		'Pre-deployment testing: In-progress',
	)
	expect(result(evaluation, 'M2521-4A-I-C3').status).toBe('NOT_APPLICABLE')
	expect(evaluation.blocked).toBe(false)
})

test('a Medicare fraud model that is the principal basis for payment suspensions is presumed under §6(f) and §6(m)', () => {
	const evaluation = evaluateUseCase(medicareFraudPaymentSuspension(), {
		pack,
		asOf: afterDeadline,
	})
	expect(evaluation.presumedCategories).toEqual(['f', 'm'])
	const presumption = result(evaluation, 'M2521-4A-C1')
	expect(presumption.reason).toContain(
		'Role in decisions: Principal basis for a decision or action; Decisions it informs: Fraud or improper-payment detection; Coverage or payment.',
	)
	expect(presumption.reason).toContain('§6(f) healthcare and §6(m)')
	expect(presumption.drivingFields).toEqual([
		'decisionRole',
		'informedDecisions',
		'highImpact.determination',
	])
	// Fully documented: nothing fails, yet the board's representatives and the CAIO still review it,
	// and the privacy reviewer confirms the PHI and system-of-records use the submitter attested.
	expect(statuses(evaluation)).toEqual({})
	expect(evaluation.requiredLanes).toEqual([
		'PRIVACY',
		'LEGAL',
		'CIVIL_RIGHTS',
		'CAIO_DETERMINATION',
	])
	expect(evaluation.routes.map((route) => route.routeId)).toEqual([
		'ROUTE-HIGH-IMPACT',
		'ROUTE-PHI',
		'ROUTE-SYSTEM-OF-RECORDS',
	])
	expect(result(evaluation, 'M2521-4A-I-C3').reason).toContain(
		'all seven minimum practices are documented',
	)
})

test('the same fraud model recorded as plain "not high-impact" fails the presumption check and binds the practices anyway', () => {
	const doc = medicareFraudPaymentSuspension()
	doc.highImpact.determination = 'NOT_HIGH_IMPACT'
	doc.practices = { publicConsultation: [] }
	const evaluation = evaluateUseCase(doc, { pack, asOf: afterDeadline })
	expect(result(evaluation, 'M2521-4A-C1').status).toBe('FAIL')
	expect(result(evaluation, 'M2521-4A-I-C3').status).toBe('FAIL')
	expect(result(evaluation, 'M2521-4A-I-C3').reason).toContain(
		'; High-impact determination: Not high-impact, without the documented departure',
	)
	expect(evaluation.blocked).toBe(true)
})

test('a developer coding assistant is not high-impact and needs no review lane', () => {
	const evaluation = evaluateUseCase(developerCodingAssistant(), { pack, asOf: afterDeadline })
	expect(evaluation.presumedHighImpact).toBe(false)
	expect(evaluation.presumedCategories).toEqual([])
	expect(evaluation.requiredLanes).toEqual([])
	expect(statuses(evaluation)).toEqual({})
	expect(result(evaluation, 'M2521-4A-C1').reason).toBe(
		'Role in decisions: Informs no decisions; it informs no decision listed in §6. No M-25-21 §6 presumption applies.',
	)
	expect(result(evaluation, 'M2521-3B-IV-C1').status).toBe('PASS')
	for (const id of ['M2521-4B-I-C1', 'M2521-4B-VII-C1', 'M2521-4A-I-C3', 'HIPAA-BAA-C1']) {
		expect(result(evaluation, id).status).toBe('NOT_APPLICABLE')
	}
})

test('a call-centre summariser sending PHI to a vendor API fails BAA, minimum necessary and FedRAMP, and must show the Privacy Act binds the vendor and the risk analysis reaches its logs', () => {
	const evaluation = evaluateUseCase(callCentreSummariser(), { pack, asOf: afterDeadline })
	expect(evaluation.presumedCategories).toEqual([])
	expect(statuses(evaluation)).toEqual({
		'PRIVACY-ACT-CONTRACTOR-C1': 'NEEDS_ATTENTION',
		'HIPAA-MIN-NEC-C1': 'FAIL',
		'HIPAA-BAA-C1': 'FAIL',
		'HIPAA-SECURITY-C1': 'NEEDS_ATTENTION',
		'FEDRAMP-C1': 'FAIL',
		'M2521-3B-IV-C1': 'FAIL',
	})
	expect(evaluation.requiredLanes).toEqual(['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE'])
	expect(evaluation.blocked).toBe(true)
	const baa = result(evaluation, 'HIPAA-BAA-C1')
	expect(baa.reason).toContain('Business associate agreement: No.')
	expect(baa.reason).toContain('it runs on a vendor’s hosted model or API')
	expect(baa.drivingFields).toEqual(
		expect.arrayContaining([
			'safeguards.businessAssociateAgreement',
			'hosting',
			'datasets.0.sensitivities',
		]),
	)
	expect(result(evaluation, 'HIPAA-MIN-NEC-C1').reason).toContain(
		"'1-800-MEDICARE call transcripts' has no minimum-necessary justification",
	)
	expect(result(evaluation, 'HIPAA-MIN-NEC-C1').drivingFields).toContain(
		'datasets.1.minimumNecessaryJustification',
	)
	expect(result(evaluation, 'FEDRAMP-C1').reason).toContain('FedRAMP authorized: No.')
	expect(result(evaluation, 'FEDRAMP-C1').nextStep).toContain('Moderate or High')
})

test('a deployed high-impact case missing two practices after 3 Apr 2026 fails: discontinue or waive', () => {
	const evaluation = evaluateUseCase(deployedEligibilityModel(), { pack, asOf: afterDeadline })
	expect(evaluation.presumedCategories).toEqual(['m'])
	const deadline = result(evaluation, 'M2521-4A-I-C3')
	expect(deadline).toMatchObject({
		status: 'FAIL',
		severity: 'BLOCKING',
		lane: 'CAIO_DETERMINATION',
	})
	expect(deadline.reason).toContain(
		'2 of the seven minimum practices are not documented: ongoing monitoring (Development of monitoring protocols is in-progess) and remedy and appeal (not answered)',
	)
	expect(deadline.nextStep).toBe(
		'Discontinue the use safely, or obtain a CAIO waiver for each missing practice.',
	)
	expect(result(evaluation, 'M2521-4B-III-C1').status).toBe('FAIL')
	expect(result(evaluation, 'M2521-4B-VI-C1').status).toBe('FAIL')
	expect(result(evaluation, 'M2521-4B-I-C1').status).toBe('PASS')
	expect(evaluation.blocked).toBe(true)
	expect(evaluation.requiredLanes).toContain('CAIO_DETERMINATION')
})

test('before 3 Apr 2026 the same gaps need attention but do not block', () => {
	const evaluation = evaluateUseCase(deployedEligibilityModel(), { pack, asOf: beforeDeadline })
	expect(result(evaluation, 'M2521-4A-I-C3').status).toBe('NEEDS_ATTENTION')
	expect(result(evaluation, 'M2521-4A-I-C3').reason).toContain('They are due by 3 Apr 2026')
	expect(evaluation.blocked).toBe(false)
})

const waiversFor = (expiresOn: string) => [
	{
		practice: 'MONITORING' as const,
		grantedOn: '2026-03-20',
		reportedToOmbOn: '2026-03-27',
		expiresOn,
	},
	{
		practice: 'APPEAL' as const,
		grantedOn: '2026-03-20',
		reportedToOmbOn: '2026-03-27',
		expiresOn,
	},
]

test('valid CAIO waivers for the two missing practices lift the block', () => {
	const doc = deployedEligibilityModel({
		waivers: waiversFor('2027-03-20'),
		practices: { ...deployedEligibilityModel().practices, appeal: 'CAIO_WAIVED' },
	})
	const evaluation = evaluateUseCase(doc, { pack, asOf: afterDeadline })
	expect(result(evaluation, 'M2521-4A-I-C3').status).toBe('PASS')
	expect(result(evaluation, 'M2521-4A-I-C3').reason).toContain(
		'ongoing monitoring and remedy and appeal covered by a CAIO waiver',
	)
	expect(result(evaluation, 'M2521-4B-III-C1').reason).toContain(
		'a CAIO waiver granted on 2026-03-20 covers it until 2027-03-20',
	)
	expect(result(evaluation, 'M2521-4A-II-C3').status).toBe('PASS')
	expect(evaluation.results.filter((r) => r.status === 'FAIL')).toEqual([])
	expect(evaluation.blocked).toBe(false)
})

test('expired waivers block again and say when they expired', () => {
	const doc = deployedEligibilityModel({ waivers: waiversFor('2026-04-20') })
	const evaluation = evaluateUseCase(doc, { pack, asOf: afterDeadline })
	expect(result(evaluation, 'M2521-4A-I-C3').status).toBe('FAIL')
	expect(result(evaluation, 'M2521-4B-III-C1').status).toBe('FAIL')
	expect(result(evaluation, 'M2521-4B-III-C1').reason).toContain(
		'the CAIO waiver expired on 2026-04-20',
	)
	expect(evaluation.blocked).toBe(true)
})

test('a revoked waiver no longer covers its practice', () => {
	const waivers = waiversFor('2027-03-20').map((w) => ({ ...w, revokedOn: '2026-04-15' }))
	const evaluation = evaluateUseCase(deployedEligibilityModel({ waivers }), {
		pack,
		asOf: afterDeadline,
	})
	expect(result(evaluation, 'M2521-4B-VI-C1').reason).toContain(
		'the CAIO waiver was revoked on 2026-04-15',
	)
	expect(evaluation.blocked).toBe(true)
})

test('an admin can switch a check off, change its severity and its lane without touching code', () => {
	const edited: PolicyPack = {
		...pack,
		version: '2026.5.1',
		checks: pack.checks.map((check) => {
			if (check.id === 'FEDRAMP-C1') return { ...check, enabled: false }
			if (check.id === 'HIPAA-BAA-C1')
				return { ...check, severity: 'WARNING' as const, lane: 'LEGAL' as const }
			if (check.id === 'HIPAA-MIN-NEC-C1' || check.id === 'M2521-3B-IV-C1')
				return { ...check, severity: 'INFO' as const }
			return check
		}),
	}
	const evaluation = evaluateUseCase(callCentreSummariser(), { pack: edited, asOf: afterDeadline })
	expect(evaluation.packVersion).toBe('2026.5.1')
	expect(evaluation.results.some((r) => r.checkId === 'FEDRAMP-C1')).toBe(false)
	expect(result(evaluation, 'HIPAA-BAA-C1')).toMatchObject({
		status: 'FAIL',
		severity: 'WARNING',
		lane: 'LEGAL',
	})
	// With every remaining failure downgraded, nothing blocks; the status itself is unchanged.
	expect(evaluation.blocked).toBe(false)
	expect(evaluation.requiredLanes).toEqual(['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE'])
})

test('a pack naming a check this release does not implement is refused', () => {
	const edited: PolicyPack = {
		...pack,
		checks: [...pack.checks, { ...pack.checks[0]!, id: 'M2521-99-C1' }],
	}
	expect(unimplementedCheckIds(edited)).toEqual(['M2521-99-C1'])
	expect(() =>
		evaluateUseCase(callCentreSummariser(), { pack: edited, asOf: afterDeadline }),
	).toThrow(/M2521-99-C1/)
})

test('results follow the pack order and every result carries its clause, reason and fields', () => {
	const evaluation = evaluateUseCase(deployedEligibilityModel(), { pack, asOf: afterDeadline })
	expect(evaluation.results.map((r) => r.checkId)).toEqual(pack.checks.map((c) => c.id))
	for (const r of evaluation.results) {
		expect(r.clauseIds.length).toBeGreaterThan(0)
		expect(r.reason.length).toBeGreaterThan(20)
		expect(r.drivingFields.length).toBeGreaterThan(0)
		if (r.status === 'FAIL' || r.status === 'NEEDS_ATTENTION') expect(r.nextStep).toBeTruthy()
	}
})

test('evaluation is deterministic for the same case, pack and day', () => {
	const a = evaluateUseCase(marketplaceIdentityProofing(), { pack, asOf: afterDeadline })
	const b = evaluateUseCase(marketplaceIdentityProofing(), {
		pack,
		asOf: new Date('2026-05-01T23:59:59Z'),
	})
	expect(b).toEqual(a)
})

describe('review lanes named by the pack’s routing rules', () => {
	const claims = {
		name: 'Medicare Part A claims',
		category: 'MEDICARE_CLAIMS' as const,
		sensitivities: ['PII' as const, 'PHI' as const],
		usage: ['OPERATION' as const],
		minimumNecessaryJustification: 'Claim lines for the beneficiary under review only.',
	}

	test('a presumed high-impact case needs the CAIO, privacy, legal and civil-rights lanes whatever the submitter answered', () => {
		// Everything answered in the case's favour, and the lead's departure from the presumption justified.
		const doc = medicareFraudPaymentSuspension()
		doc.highImpact = {
			...doc.highImpact,
			determination: 'PRESUMED_NOT_HIGH_IMPACT',
			justification:
				'Investigators review every flagged provider’s records before any suspension; the score only orders their queue.',
		}
		doc.datasets = doc.datasets.filter((dataset) => !dataset.sensitivities.includes('PHI'))
		doc.datasets.forEach((dataset) => delete dataset.sornNumber)
		doc.safeguards = {
			...doc.safeguards,
			retrievedByPersonalIdentifier: false,
			sornNumber: undefined,
		}
		const evaluation = evaluateUseCase(doc, { pack, asOf: afterDeadline })
		expect(statuses(evaluation)).toEqual({})
		expect(evaluation.requiredLanes).toEqual([
			'PRIVACY',
			'LEGAL',
			'CIVIL_RIGHTS',
			'CAIO_DETERMINATION',
		])
		expect(evaluation.routes).toEqual([
			expect.objectContaining({
				routeId: 'ROUTE-HIGH-IMPACT',
				reason: 'it is presumed high-impact under M-25-21 §6(f) and §6(m)',
				clauseIds: ['M2521-3A-II', 'M2521-4A', 'M2521-6'],
			}),
		])
	})

	test('a determined high-impact case needs them too, even with no §6 letter', () => {
		const doc = baseCase({
			highImpact: {
				determination: 'HIGH_IMPACT',
				determinedBy: 'Avery Chen',
				determinedOn: '2026-01-05',
			},
			stage: 'PRE_DEPLOYMENT',
		})
		const evaluation = evaluateUseCase(doc, { pack, asOf: afterDeadline })
		expect(evaluation.presumedCategories).toEqual([])
		expect(evaluation.requiredLanes).toEqual(
			expect.arrayContaining(['PRIVACY', 'LEGAL', 'CIVIL_RIGHTS', 'CAIO_DETERMINATION']),
		)
	})

	test('the lanes come from the pack: an agency naming another board representative gets that lane instead', () => {
		const edited = structuredClone(pack)
		edited.routes.find((route) => route.id === 'ROUTE-HIGH-IMPACT')!.lanes = [
			'CAIO_DETERMINATION',
			'PRIVACY',
			'LEGAL',
		]
		const evaluation = evaluateUseCase(marketplaceIdentityProofing(), {
			pack: edited,
			asOf: afterDeadline,
		})
		expect(evaluation.requiredLanes).not.toContain('CIVIL_RIGHTS')
		const switchedOff = structuredClone(pack)
		switchedOff.routes.forEach((route) => (route.enabled = false))
		expect(
			evaluateUseCase(marketplaceIdentityProofing(), { pack: switchedOff, asOf: afterDeadline })
				.routes,
		).toEqual([])
	})

	test('PHI keeps the privacy lane when every safeguard is attested; the attestation only lowers the findings', () => {
		const attested = baseCase({
			hasPii: true,
			datasets: [claims],
			safeguards: {
				piaCompleted: true,
				retrievedByPersonalIdentifier: false,
				sudRecordsExcluded: true,
				ephiRiskAnalysis: true,
			},
		})
		const evaluation = evaluateUseCase(attested, { pack, asOf: afterDeadline })
		expect(statuses(evaluation)).toEqual({})
		expect(evaluation.requiredLanes).toEqual(['PRIVACY'])
		expect(evaluation.routes.map((route) => route.routeId)).toEqual(['ROUTE-PHI'])
		expect(evaluation.routes[0]!.reason).toBe("dataset 'Medicare Part A claims' holds PHI")
	})

	test('Part 2 records route to privacy and legal; a system of records routes to privacy', () => {
		const part2 = baseCase({
			hasPii: true,
			datasets: [{ ...claims, sensitivities: ['PII', 'PHI', 'PART2'], sornNumber: '09-70-0558' }],
			safeguards: {
				piaCompleted: true,
				part2ConsentBasis: 'AUDIT_EVALUATION',
				ephiRiskAnalysis: true,
			},
		})
		const evaluation = evaluateUseCase(part2, { pack, asOf: afterDeadline })
		expect(statuses(evaluation)).toEqual({})
		expect(evaluation.requiredLanes).toEqual(['PRIVACY', 'LEGAL'])
		expect(evaluation.routes.map((route) => route.routeId)).toEqual([
			'ROUTE-PHI',
			'ROUTE-PART2',
			'ROUTE-SYSTEM-OF-RECORDS',
		])
	})

	test('a retired case needs no routed lane: nothing in use is left to confirm', () => {
		const doc = medicareFraudPaymentSuspension()
		doc.stage = 'RETIRED'
		expect(evaluateUseCase(doc, { pack, asOf: afterDeadline }).routes).toEqual([])
	})

	test('under 2026.1 a presumption sends the case to the CAIO alone, as it did when that pack was published', () => {
		const evaluation = evaluateUseCase(medicareFraudPaymentSuspension(), {
			pack: shippedPolicyPack('2026.1'),
			asOf: afterDeadline,
		})
		expect(evaluation.requiredLanes).toEqual(['CAIO_DETERMINATION'])
	})
})

test('a reading introduced by 2026.4 changes nothing for a case judged under 2026.3 or its editions', () => {
	// PHI already used to train a vendor's model before deployment, with the BAA refused (audit finding 2).
	const doc = baseCase({
		stage: 'PRE_DEPLOYMENT',
		hosting: 'VENDOR_API',
		datasets: [
			{
				name: 'Medicare Part A claims',
				category: 'MEDICARE_CLAIMS',
				sensitivities: ['PII', 'PHI'],
				usage: ['TRAINING'],
				minimumNecessaryJustification: 'Claim header fields only.',
			},
		],
		safeguards: { businessAssociateAgreement: false },
	})
	const under = (pack: PolicyPack) =>
		result(evaluateUseCase(doc, { pack, asOf: afterDeadline }), 'HIPAA-BAA-C1').status
	expect(under(shippedPolicyPack('2026.4'))).toBe('FAIL')
	expect(under(shippedPolicyPack('2026.3'))).toBe('NEEDS_ATTENTION')
	expect(under({ ...shippedPolicyPack('2026.3'), version: '2026.3.2' })).toBe('NEEDS_ATTENTION')
})

test('2026.5 cites the impact assessment and M-25-22’s high-impact terms only where the case is high-impact; 2026.4 cites them as it did', () => {
	const vendorWithPii = baseCase({
		hasPii: true,
		contractingUsage: 'PURCHASED',
		vendorNames: ['Example Federal Services'],
		safeguards: { piaCompleted: true, vendorAiContractTerms: true },
	})
	const cites = (pack: PolicyPack, doc: typeof vendorWithPii, checkId: string) =>
		result(evaluateUseCase(doc, { pack, asOf: afterDeadline }), checkId).clauseIds
	const now = shippedPolicyPack('2026.5')
	expect(cites(now, vendorWithPii, 'EGOV-208-PIA-C1')).toEqual(['EGOV-208-PIA'])
	expect(cites(now, vendorWithPii, 'M2522-DATA-C1')).not.toContain('M2522-HI')
	const highImpact = baseCase({
		...vendorWithPii,
		highImpact: {
			determination: 'HIGH_IMPACT',
			determinedBy: 'Avery Chen, CAIO office',
			determinedOn: '2025-09-15',
		},
	})
	expect(cites(now, highImpact, 'EGOV-208-PIA-C1')).toEqual(['EGOV-208-PIA', 'M2521-4B-II'])
	expect(cites(now, highImpact, 'M2522-DATA-C1')).toContain('M2522-HI')
	const before = shippedPolicyPack('2026.4')
	expect(cites(before, vendorWithPii, 'EGOV-208-PIA-C1')).toEqual(['EGOV-208-PIA', 'M2521-4B-II'])
	expect(cites(before, vendorWithPii, 'M2522-DATA-C1')).toContain('M2522-HI')
	expect(cites(before, highImpact, 'EGOV-208-PIA-C1')).toEqual(['EGOV-208-PIA', 'M2521-4B-II'])
})
