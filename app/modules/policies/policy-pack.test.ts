import { expect, test } from 'vitest'
import { checkImplementations } from '#app/modules/policies/checks/registry.ts'
import { PRESUMED_CATEGORIES, categoryClauseId } from '#app/modules/policies/checks/high-impact.ts'
import release2026_1 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.1.json'
import release2026_2 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.2.json'
import release2026_3 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.3.json'
import release2026_4 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.4.json'
import release2026_5 from '#app/modules/policies/pack/federal-ai-policy-pack-2026.5.json'
import {
	compareVersions,
	parsePolicyPack,
	policyPackSchema,
	releaseOf,
	shippedPolicyPack,
	shippedPolicyPacks,
} from '#app/modules/policies/policy-pack.ts'

test('the releases 2026.1 to 2026.5 ship, and the newest is the shipped pack', () => {
	expect(shippedPolicyPacks().map((pack) => pack.version)).toEqual([
		'2026.1',
		'2026.2',
		'2026.3',
		'2026.4',
		'2026.5',
	])
	const pack = shippedPolicyPack()
	expect(pack.version).toBe('2026.5')
	expect(pack.title).toBe('Federal AI policy pack 2026.5')
	expect(pack.references.length).toBeGreaterThan(60)
	expect(shippedPolicyPack('2026.1').checks.length).toBeLessThan(pack.checks.length)
})

test('2026.3 adds the checks the trigger matrix names and no check tested, and changes nothing else of 2026.2', () => {
	const before = shippedPolicyPack('2026.2')
	const after = shippedPolicyPack('2026.3')
	const added = after.checks.filter((check) => !before.checks.some((old) => old.id === check.id))
	expect(added.map((check) => [check.id, check.clauseIds, check.lane, check.severity])).toEqual([
		['PRIVACY-ACT-CONTRACTOR-C1', ['PRIVACY-ACT-CONTRACTOR', 'M2522-PRIVACY'], 'LEGAL', 'BLOCKING'],
		['PRIVACY-ACT-ACCURACY-C1', ['PRIVACY-ACT-ACCURACY'], 'PRIVACY', 'BLOCKING'],
		['HIPAA-SECURITY-C1', ['HIPAA-SECURITY'], 'SECURITY', 'BLOCKING'],
		['CMS-DUA-C1', ['CMS-DUA'], 'DATA_GOVERNANCE', 'WARNING'],
	])
	expect(after.checks.filter((check) => !added.includes(check))).toEqual(before.checks)
	expect(after.routes).toEqual(before.routes)
	expect(after.references.filter((reference) => reference.id !== 'CMS-DUA')).toEqual(
		before.references,
	)
})

test('2026.4 adds the check that a high-impact determination is tracked, has the inventory check cite OMB’s dictionary, and changes nothing else of 2026.3', () => {
	const before = shippedPolicyPack('2026.3')
	const after = shippedPolicyPack('2026.4')
	const added = after.checks.filter((check) => !before.checks.some((old) => old.id === check.id))
	expect(added.map((check) => [check.id, check.clauseIds, check.lane, check.severity])).toEqual([
		['M2521-4A-C4', ['M2521-4A'], 'CAIO_DETERMINATION', 'WARNING'],
	])
	const inventory = (pack: typeof after) =>
		pack.checks.find((check) => check.id === 'M2521-3B-V-C1')!
	expect(inventory(after).clauseIds).toEqual(['M2521-3B-V', 'AAIA-2022', 'OMB-INV-2025'])
	expect({ ...inventory(after), clauseIds: [], description: '' }).toEqual({
		...inventory(before),
		clauseIds: [],
		description: '',
	})
	expect(
		after.checks.filter((check) => !added.includes(check) && check.id !== 'M2521-3B-V-C1'),
	).toEqual(before.checks.filter((check) => check.id !== 'M2521-3B-V-C1'))
	expect(after.routes).toEqual(before.routes)
	expect(after.references).toEqual(before.references)
})

test('2026.5 adds the public-facing information-quality and Paperwork Reduction Act checks and their references, cites the high-impact clauses only where a finding does, and changes nothing else of 2026.4', () => {
	const before = shippedPolicyPack('2026.4')
	const after = shippedPolicyPack('2026.5')
	const added = after.checks.filter((check) => !before.checks.some((old) => old.id === check.id))
	expect(added.map((check) => [check.id, check.clauseIds, check.lane, check.severity])).toEqual([
		['IQA-C1', ['IQA'], 'DATA_GOVERNANCE', 'WARNING'],
		['PRA-C1', ['PRA', 'M2521-4B-VII', 'M2521-8'], 'LEGAL', 'WARNING'],
	])
	const clauses = (pack: typeof after, id: string) =>
		pack.checks.find((check) => check.id === id)!.clauseIds
	// The checks add these clauses to a finding on a high-impact or presumed case (citedClauses).
	expect(clauses(after, 'EGOV-208-PIA-C1')).toEqual(['EGOV-208-PIA'])
	expect(clauses(after, 'M2522-DATA-C1')).not.toContain('M2522-HI')
	const recited = ['EGOV-208-PIA-C1', 'M2522-DATA-C1']
	const rest = (pack: typeof after) =>
		pack.checks.filter((check) => !added.includes(check) && !recited.includes(check.id))
	expect(rest(after)).toEqual(rest(before))
	expect(after.routes).toEqual(before.routes)
	expect(after.references.filter((reference) => !['IQA', 'PRA'].includes(reference.id))).toEqual(
		before.references,
	)
})

test('each shipped release is valid, and reading it without validation gives what the schema gives', () => {
	for (const [file, version] of [
		[release2026_1, '2026.1'],
		[release2026_2, '2026.2'],
		[release2026_3, '2026.3'],
		[release2026_4, '2026.4'],
		[release2026_5, '2026.5'],
	] as const) {
		expect(shippedPolicyPack(version)).toEqual(parsePolicyPack(file))
	}
})

test('2026.1, written before routing rules, keeps its one rule: a presumption goes to the CAIO', () => {
	expect(shippedPolicyPack('2026.1').routes).toEqual([
		expect.objectContaining({
			when: 'PRESUMED_HIGH_IMPACT',
			lanes: ['CAIO_DETERMINATION'],
			enabled: true,
		}),
	])
})

test('since 2026.2 the pack names the high-impact review lanes, not the code', () => {
	const route = shippedPolicyPack().routes.find((r) => r.when === 'HIGH_IMPACT_OR_PRESUMED')
	expect(route?.lanes).toEqual(['CAIO_DETERMINATION', 'PRIVACY', 'LEGAL', 'CIVIL_RIGHTS'])
	expect(route?.clauseIds).toContain('M2521-3A-II')
})

test('versions order numerically, and an edition belongs to its release', () => {
	expect(['2026.10', '2026.2.1', '2026.2', '2025.3', '2026.1'].sort(compareVersions)).toEqual([
		'2025.3',
		'2026.1',
		'2026.2',
		'2026.2.1',
		'2026.10',
	])
	expect(releaseOf('2026.2.3')).toBe('2026.2')
	expect(releaseOf('2026.2')).toBe('2026.2')
})

test('every clause id a check cites is a reference in the pack', () => {
	const pack = shippedPolicyPack()
	const ids = new Set(pack.references.map((reference) => reference.id))
	const dangling = pack.checks.flatMap((check) =>
		check.clauseIds.filter((id) => !ids.has(id)).map((id) => `${check.id} → ${id}`),
	)
	expect(dangling).toEqual([])
})

test('every check in the pack has an implementation, and every implementation is in the pack', () => {
	const inPack = shippedPolicyPack()
		.checks.map((check) => check.id)
		.sort()
	expect(inPack).toEqual(Object.keys(checkImplementations).sort())
})

test('each §6 letter a finding can cite is a reference of its own', () => {
	const ids = new Set(shippedPolicyPack().references.map((reference) => reference.id))
	expect(PRESUMED_CATEGORIES.map(categoryClauseId).filter((id) => !ids.has(id))).toEqual([])
})

test('the pack covers the instruments the catalogue must list', () => {
	const ids = new Set(shippedPolicyPack().references.map((reference) => reference.id))
	const required = [
		...['SEC1', 'SEC2', 'SEC3', 'SEC4', 'SEC5A', 'SEC5B', 'SEC6'].map((s) => `EO14179-${s}`),
		'NAIIA-5002',
		'NAIIA-5101',
		'AIGA-2020',
		'EO13960',
		'M2521-4A',
		'M2521-4A-I',
		'M2521-4A-II',
		...['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'].map((r) => `M2521-4B-${r}`),
		'M2521-5-DEF',
		'M2521-3B-IV',
		'M2521-2B',
		'M2522-DATA-IP',
		'EGOV-208-PIA',
		'PRIVACY-ACT-SORN',
		'PRIVACY-ACT-MATCHING',
		'HIPAA-PRIVACY-USE',
		'HIPAA-MIN-NEC',
		'HIPAA-SECURITY',
		'HIPAA-BAA',
		'42CFR2',
		'FISMA-ATO',
		'FEDRAMP',
		'NIST-AI-RMF',
		'EO14110',
		'M2410',
	]
	expect(required.filter((id) => !ids.has(id))).toEqual([])
})

test('EO 14110 and M-24-10 stay readable, marked superseded by references that are in force', () => {
	const pack = shippedPolicyPack()
	const byId = new Map(pack.references.map((reference) => [reference.id, reference]))
	for (const id of ['EO14110', 'M2410', 'M2418']) {
		const reference = byId.get(id)
		expect(reference?.status).toBe('SUPERSEDED')
		expect(byId.get(reference?.supersededBy ?? '')?.status).toBe('IN_FORCE')
	}
	expect(
		pack.references
			.filter((r) => r.status === 'SUPERSEDED')
			.map((r) => r.id)
			.sort(),
	).toEqual(['EO14110', 'M2410', 'M2418'])
})

test('summaries are two to four sentences', () => {
	const outside = shippedPolicyPack()
		.references.map((reference) => ({
			id: reference.id,
			sentences: reference.summary.split(/(?<=[.!?])\s+(?=[A-Z])/).length,
		}))
		.filter(({ sentences }) => sentences > 4)
	expect(outside).toEqual([])
})

test('a check citing an unknown clause, a duplicate id or an unexplained supersession is rejected with its path', () => {
	const broken = structuredClone(release2026_3) as {
		references: Array<Record<string, unknown>>
		checks: Array<Record<string, unknown>>
	}
	broken.checks[0]!.clauseIds = ['M2521-99']
	broken.checks[1]!.id = broken.checks[2]!.id
	broken.references[0]!.status = 'SUPERSEDED'
	const result = policyPackSchema.safeParse(broken)
	expect(result.success).toBe(false)
	const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
	expect(messages).toEqual(
		expect.arrayContaining([
			'checks.0.clauseIds.0: clause M2521-99 is not a reference in this pack',
			expect.stringMatching(/^checks\.2\.id: duplicate check id/),
			'references.0.supersededBy: a superseded reference must say what superseded it',
		]),
	)
})

test('a routing rule citing an unknown clause, repeating an id or naming an unknown lane is refused', () => {
	const broken = structuredClone(release2026_3) as { routes: Array<Record<string, unknown>> }
	broken.routes[0]!.clauseIds = ['M2521-99']
	broken.routes[1]!.id = broken.routes[2]!.id
	const messages = policyPackSchema
		.safeParse(broken)
		.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
	expect(messages).toEqual(
		expect.arrayContaining([
			'routes.0.clauseIds.0: clause M2521-99 is not a reference in this pack',
			expect.stringMatching(/^routes\.2\.id: duplicate routing rule id/),
		]),
	)
	broken.routes[0]!.lanes = ['CLINICAL']
	expect(() => parsePolicyPack(broken)).toThrow()
})

test('an unknown lane or severity is refused', () => {
	const broken = structuredClone(release2026_3) as { checks: Array<Record<string, unknown>> }
	broken.checks[0]!.lane = 'CLINICAL'
	broken.checks[1]!.severity = 'CRITICAL'
	expect(() => parsePolicyPack(broken)).toThrow()
})
