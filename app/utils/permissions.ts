// Who may do what. One matrix, role → permission strings, used by the server to authorise every
// loader and action (permissions.server.ts) and by the UI only to decide what to show.

import { keysOf } from './keys-of.ts'

export const roleLabels = {
	SUBMITTER: 'Submitter',
	REVIEWER: 'Reviewer',
	GOVERNANCE_LEAD: 'Governance lead',
	LEADERSHIP: 'Leadership',
	ADMIN: 'Administrator',
} as const
export const roleNames = keysOf(roleLabels)
export type RoleName = (typeof roleNames)[number]
export const roleOptions = roleNames.map((role) => ({ value: role, label: roleLabels[role] }))

/** The lanes' short names, as the people who work in them say them. */
export const reviewLaneLabels = {
	PRIVACY: 'Privacy',
	SECURITY: 'Security',
	LEGAL: 'Legal',
	CIVIL_RIGHTS: 'Civil rights',
	DATA_GOVERNANCE: 'Data governance',
	CAIO_DETERMINATION: 'CAIO determination',
} as const
export const reviewLanes = keysOf(reviewLaneLabels)
export type ReviewLaneName = (typeof reviewLanes)[number]
export const reviewLaneOptions = reviewLanes.map((lane) => ({
	value: lane,
	label: reviewLaneLabels[lane],
}))

/**
 * `action:entity:access`. Access `own` means the caller's own records (the route checks
 * ownership), `assigned` the records assigned to the caller, `any` every record.
 */
export type Permission = `${string}:${string}:${'own' | 'assigned' | 'any'}`

const readEverything = [
	'read:use-case:any',
	'read:inventory:any',
	'read:dataset:any',
	'read:policy:any',
] as const satisfies ReadonlyArray<Permission>

const reviewWork = [
	'review:use-case:assigned',
	'claim:review:any',
	'comment:use-case:any',
	'read:review-queue:own',
] as const satisfies ReadonlyArray<Permission>

export const permissionMatrix = {
	SUBMITTER: [
		...readEverything,
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
		...readEverything,
		...reviewWork,
		'update:dataset:own',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
	GOVERNANCE_LEAD: [
		...readEverything,
		...reviewWork,
		'assign:review:any',
		'decide:use-case:any',
		'determine:high-impact:any',
		'manage:waiver:any',
		'manage:cycle:any',
		'bulk-update:use-case:any',
		'export:inventory:any',
		'import:inventory:any',
		// Adding a component met in an inventory file, or another name for one: additive, audited.
		'create:org-unit:any',
		'read:dashboard:any',
		'read:audit:any',
		'update:dataset:own',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
	LEADERSHIP: [
		...readEverything,
		'read:dashboard:any',
		'export:inventory:any',
		'read:audit:any',
		'update:profile:own',
		'read:notification:own',
		'update:notification:own',
	],
	ADMIN: [
		...readEverything,
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
} as const satisfies Record<RoleName, ReadonlyArray<Permission>>

export type KnownPermission = (typeof permissionMatrix)[RoleName][number]

export function permissionsOf(roles: ReadonlyArray<RoleName>): Array<KnownPermission> {
	return [...new Set(roles.flatMap((role) => permissionMatrix[role]))]
}

export function rolesGrant(roles: ReadonlyArray<RoleName>, permission: KnownPermission): boolean {
	return roles.some((role) =>
		(permissionMatrix[role] as ReadonlyArray<string>).includes(permission),
	)
}

/**
 * One entry per role: a role granted by hand and the same role from the identity provider's groups
 * are held once, with the lanes of both.
 */
export function mergeRoleGrants<
	Grant extends { role: RoleName; lanes: ReadonlyArray<ReviewLaneName> },
>(grants: ReadonlyArray<Grant>) {
	const lanesByRole = new Map<RoleName, Set<ReviewLaneName>>()
	for (const grant of grants) {
		const lanes = lanesByRole.get(grant.role) ?? new Set<ReviewLaneName>()
		for (const lane of grant.lanes) lanes.add(lane)
		lanesByRole.set(grant.role, lanes)
	}
	return roleNames
		.filter((role) => lanesByRole.has(role))
		.map((role) => ({
			role,
			lanes: reviewLanes.filter((lane) => lanesByRole.get(role)!.has(lane)),
		}))
}

/** For the UI only: whether to show a control. The server checks again on every request. */
export function userHasPermission(
	user: { roles: ReadonlyArray<{ role: RoleName }> } | null | undefined,
	permission: KnownPermission,
) {
	return user
		? rolesGrant(
				user.roles.map((r) => r.role),
				permission,
			)
		: false
}
