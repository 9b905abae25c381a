import { expect, test } from 'vitest'
import { groupsFromClaim, rolesForGroups, sameGrants } from './role-mapping.ts'

const mappings = [
	{ group: 'CMS-AI-Submitters', role: 'SUBMITTER', lanes: [] },
	{ group: 'CMS-Privacy-Office', role: 'REVIEWER', lanes: ['PRIVACY'] },
	{ group: 'CMS-ISSO', role: 'REVIEWER', lanes: ['SECURITY'] },
	{ group: 'CMS-CAIO', role: 'GOVERNANCE_LEAD', lanes: [] },
] as const

test('a claim is an array of groups, or one string of them; anything else is no groups', () => {
	expect(groupsFromClaim(['a', 'b', 'a', ' c ', 7, null])).toEqual(['a', 'b', 'c'])
	expect(groupsFromClaim('a b,c')).toEqual(['a', 'b', 'c'])
	expect(groupsFromClaim(undefined)).toEqual([])
	expect(groupsFromClaim({ a: 1 })).toEqual([])
})

test('each matching group grants its role; reviewer lanes from several groups add up', () => {
	expect(rolesForGroups(['CMS-Privacy-Office', 'CMS-ISSO', 'Unrelated'], mappings)).toEqual([
		{ role: 'REVIEWER', lanes: ['PRIVACY', 'SECURITY'] },
	])
	expect(rolesForGroups(['CMS-AI-Submitters', 'CMS-CAIO'], mappings)).toEqual([
		{ role: 'GOVERNANCE_LEAD', lanes: [] },
		{ role: 'SUBMITTER', lanes: [] },
	])
})

test('group names match exactly: a different case or a prefix grants nothing', () => {
	expect(rolesForGroups(['cms-caio', 'CMS-CAIO-Staff'], mappings)).toEqual([])
})

test('lanes only ever go with the reviewer role', () => {
	expect(rolesForGroups(['x'], [{ group: 'x', role: 'SUBMITTER', lanes: ['LEGAL'] }])).toEqual([
		{ role: 'SUBMITTER', lanes: [] },
	])
})

test('grants compare equal whatever their order', () => {
	expect(
		sameGrants(
			[
				{ role: 'REVIEWER', lanes: ['SECURITY', 'PRIVACY'] },
				{ role: 'SUBMITTER', lanes: [] },
			],
			[
				{ role: 'SUBMITTER', lanes: [] },
				{ role: 'REVIEWER', lanes: ['PRIVACY', 'SECURITY'] },
			],
		),
	).toBe(true)
	expect(
		sameGrants(
			[{ role: 'REVIEWER', lanes: ['PRIVACY'] }],
			[{ role: 'REVIEWER', lanes: ['SECURITY'] }],
		),
	).toBe(false)
})
