import { expect, test } from 'vitest'
import {
	type KnownPermission,
	type RoleName,
	permissionMatrix,
	permissionsOf,
	roleNames,
	rolesGrant,
} from './permissions.ts'

const allPermissions = [
	...new Set(Object.values(permissionMatrix).flat()),
] as Array<KnownPermission>

// The expected grants, written out per role so a change to the matrix has to change this table too.
const expected: Record<RoleName, Array<KnownPermission>> = {
	SUBMITTER: [
		'read:use-case:any',
		'read:inventory:any',
		'read:dataset:any',
		'read:policy:any',
		'create:use-case:own',
		'update:use-case:own',
		'submit:use-case:own',
		'withdraw:use-case:own',
		'delete:use-case:own',
		'comment:use-case:own',
		'update:dataset:own',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
	REVIEWER: [
		'read:use-case:any',
		'read:inventory:any',
		'read:dataset:any',
		'read:policy:any',
		'review:use-case:assigned',
		'claim:review:any',
		'comment:use-case:any',
		'read:review-queue:own',
		'update:dataset:own',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
	GOVERNANCE_LEAD: [
		'read:use-case:any',
		'read:inventory:any',
		'read:dataset:any',
		'read:policy:any',
		'review:use-case:assigned',
		'claim:review:any',
		'comment:use-case:any',
		'read:review-queue:own',
		'assign:review:any',
		'decide:use-case:any',
		'determine:high-impact:any',
		'manage:waiver:any',
		'manage:cycle:any',
		'bulk-update:use-case:any',
		'export:inventory:any',
		'import:inventory:any',
		'create:org-unit:any',
		'read:dashboard:any',
		'read:audit:any',
		'update:dataset:own',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
	LEADERSHIP: [
		'read:use-case:any',
		'read:inventory:any',
		'read:dataset:any',
		'read:policy:any',
		'read:dashboard:any',
		'export:inventory:any',
		'read:audit:any',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
	ADMIN: [
		'read:use-case:any',
		'read:inventory:any',
		'read:dataset:any',
		'read:policy:any',
		'manage:user:any',
		'manage:org-unit:any',
		'create:org-unit:any',
		'create:dataset:any',
		'update:dataset:any',
		'manage:policy:any',
		'read:audit:any',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
}

for (const role of roleNames) {
	test(`${role} holds exactly its permissions and no others`, () => {
		for (const permission of allPermissions) {
			expect(rolesGrant([role], permission), `${role} → ${permission}`).toBe(
				expected[role].includes(permission),
			)
		}
	})
}

test('leadership can read and export but change nothing', () => {
	const writes = permissionsOf(['LEADERSHIP']).filter(
		// Their own settings and read markers are not records of the tracker.
		(p) =>
			!p.startsWith('read:') &&
			!p.startsWith('export:') &&
			p !== 'update:profile:own' &&
			p !== 'update:notification:own',
	)
	expect(writes).toEqual([])
})

test('nobody but the governance lead decides a case or records a high-impact determination', () => {
	for (const role of roleNames) {
		expect(rolesGrant([role], 'decide:use-case:any')).toBe(role === 'GOVERNANCE_LEAD')
		expect(rolesGrant([role], 'determine:high-impact:any')).toBe(role === 'GOVERNANCE_LEAD')
	}
})

test('several roles add up', () => {
	const granted = permissionsOf(['SUBMITTER', 'REVIEWER'])
	expect(granted).toContain('create:use-case:own')
	expect(granted).toContain('review:use-case:assigned')
	expect(granted).not.toContain('decide:use-case:any')
	expect(new Set(granted).size).toBe(granted.length)
})

test('no role means no permission', () => {
	expect(permissionsOf([])).toEqual([])
	expect(rolesGrant([], 'read:use-case:any')).toBe(false)
})
