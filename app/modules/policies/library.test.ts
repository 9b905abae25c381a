import { expect, test } from 'vitest'
import { referenceWithChecks, searchReferences } from './library.ts'
import { shippedPolicyPack } from './policy-pack.ts'

test('searching finds references by words in their title, citation or summary', () => {
	const results = searchReferences(shippedPolicyPack(), 'minimum necessary')
	expect(results.map((r) => r.id)).toContain('HIPAA-MIN-NEC')
	expect(results.find((r) => r.id === 'HIPAA-MIN-NEC')?.checkCount).toBeGreaterThan(0)
	expect(searchReferences(shippedPolicyPack(), 'zzzz-no-such-words')).toEqual([])
})

test('a reference page lists the checks that cite it', () => {
	const page = referenceWithChecks(shippedPolicyPack(), 'HIPAA-BAA')
	expect(page?.checks.map((c) => c.id)).toContain('HIPAA-BAA-C1')
})

test('a superseded instrument stays readable and names what replaced it', () => {
	const page = referenceWithChecks(shippedPolicyPack(), 'M2410')
	expect(page?.reference.status).toBe('SUPERSEDED')
	expect(page?.supersededBy?.id).toBe('M2521-1')
	expect(referenceWithChecks(shippedPolicyPack(), 'NOPE')).toBeNull()
})

test('a clause page lists the routing rules that cite it, with their lanes', () => {
	const page = referenceWithChecks(shippedPolicyPack(), 'M2521-3A-II')
	expect(page?.routes.map((route) => route.id)).toEqual(['ROUTE-HIGH-IMPACT'])
	expect(page?.routes[0]?.lanes).toContain('CIVIL_RIGHTS')
})
