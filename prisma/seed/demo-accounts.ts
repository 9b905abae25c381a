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

export const demoAccounts = [
	{
		email: 'submitter@cms.example',
		name: 'Dana Whitfield',
		password: DEMO_PASSWORD,
		orgUnitCode: 'HHS/CMS/CPI',
		roles: [{ role: 'SUBMITTER' }],
	},
	{
		email: 'reviewer@cms.example',
		name: 'Priya Raman',
		password: DEMO_PASSWORD,
		orgUnitCode: 'HHS/CMS/OIT',
		roles: [{ role: 'REVIEWER', lanes: ['PRIVACY', 'SECURITY'] }],
	},
	{
		email: 'governance@cms.example',
		name: 'Marcus Oyelaran',
		password: DEMO_PASSWORD,
		orgUnitCode: 'HHS/CMS/OIT',
		roles: [{ role: 'GOVERNANCE_LEAD' }],
	},
	{
		email: 'leadership@cms.example',
		name: 'Elena Vasquez',
		password: DEMO_PASSWORD,
		orgUnitCode: 'HHS/CMS',
		roles: [{ role: 'LEADERSHIP' }],
	},
	{
		email: 'admin@cms.example',
		name: 'Jordan Lee',
		password: DEMO_PASSWORD,
		orgUnitCode: 'HHS/CMS/OIT',
		roles: [{ role: 'ADMIN' }],
	},
] as const satisfies ReadonlyArray<UserSeed>

export type DemoAccount = (typeof demoAccounts)[number]
