// From the identity provider's groups claim to the tracker's roles and review lanes.
import { type ReviewLaneName, type RoleName, reviewLanes } from '#app/utils/permissions.ts'

export type GroupMapping = { group: string; role: RoleName; lanes: ReadonlyArray<ReviewLaneName> }
export type RoleGrant = { role: RoleName; lanes: Array<ReviewLaneName> }

/**
 * The groups a claim holds: an array of names, or one string (some providers send a single group,
 * or a space- or comma-separated list). Anything else holds none.
 */
export function groupsFromClaim(value: unknown): Array<string> {
	const values = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[\s,]+/)
			: []
	return [
		...new Set(
			values
				.filter((group): group is string => typeof group === 'string')
				.map((group) => group.trim())
				.filter(Boolean),
		),
	]
}

/**
 * The roles a person's groups grant: one grant per role, the lanes of every matching mapping
 * together (only reviewers hold lanes). Groups are compared exactly, as directories name them.
 */
export function rolesForGroups(
	groups: ReadonlyArray<string>,
	mappings: ReadonlyArray<GroupMapping>,
): Array<RoleGrant> {
	const held = new Set(groups)
	const byRole = new Map<RoleName, Set<ReviewLaneName>>()
	for (const mapping of mappings) {
		if (!held.has(mapping.group)) continue
		const lanes = byRole.get(mapping.role) ?? new Set<ReviewLaneName>()
		if (mapping.role === 'REVIEWER') for (const lane of mapping.lanes) lanes.add(lane)
		byRole.set(mapping.role, lanes)
	}
	return [...byRole]
		.map(([role, lanes]) => ({ role, lanes: reviewLanes.filter((lane) => lanes.has(lane)) }))
		.sort((a, b) => a.role.localeCompare(b.role))
}

/** Whether two sets of grants are the same (order aside): a sign-in that changes nothing records nothing. */
export function sameGrants(a: ReadonlyArray<RoleGrant>, b: ReadonlyArray<RoleGrant>) {
	const key = (grants: ReadonlyArray<RoleGrant>) =>
		grants
			.map((grant) => `${grant.role}:${[...grant.lanes].sort().join('+')}`)
			.sort()
			.join(',')
	return key(a) === key(b)
}
