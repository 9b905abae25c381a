// The demo accounts listed in the README; the end-to-end tests sign in with them too.
import { type ReviewLaneName, type RoleName } from '../../app/utils/permissions.ts'

export const DEMO_PASSWORD = 'Governance-demo-2026'

export type UserSeed = {
	email: string
	name: string
	password: string
	orgUnitCode: string
	roles: ReadonlyArray<{ role: RoleName; lanes?: ReadonlyArray<ReviewLaneName> }>
}

/** A demo person: all of them share the published demo password (and no one else may use it). */
export function demoPerson<const Email extends string, const Roles extends UserSeed['roles']>(
	email: Email,
	name: string,
	orgUnitCode: string,
	...roles: Roles
) {
	return { email, name, password: DEMO_PASSWORD, orgUnitCode, roles } satisfies UserSeed
}

export const demoAccounts = [
	demoPerson('submitter@cms.example', 'Dana Whitfield', 'HHS/CMS/CPI', { role: 'SUBMITTER' }),
	demoPerson('reviewer@cms.example', 'Priya Raman', 'HHS/CMS/OIT', {
		role: 'REVIEWER',
		lanes: ['PRIVACY', 'SECURITY'],
	}),
	demoPerson('governance@cms.example', 'Marcus Oyelaran', 'HHS/CMS/OIT', {
		role: 'GOVERNANCE_LEAD',
	}),
	demoPerson('leadership@cms.example', 'Elena Vasquez', 'HHS/CMS', { role: 'LEADERSHIP' }),
	demoPerson('admin@cms.example', 'Jordan Lee', 'HHS/CMS/OIT', { role: 'ADMIN' }),
] as const

export type DemoAccount = (typeof demoAccounts)[number]
