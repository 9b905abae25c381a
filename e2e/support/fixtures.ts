import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test as base } from '@playwright/test'
import { type DemoAccount, demoAccounts } from '../../prisma/seed/demo-accounts.ts'

export type DemoRole = DemoAccount['roles'][number]['role']

export function demoAccount(role: DemoRole) {
	const account = demoAccounts.find((a) => a.roles.some((r) => r.role === role))
	if (!account) throw new Error(`No demo account holds ${role}`)
	return account
}

/** Fills and sends the sign-in form; the caller asserts on what happens next. */
export async function submitSignIn(page: Page, account: { email: string; password: string }, path = '/login') {
	await page.goto(path)
	await page.getByLabel('E-mail address').fill(account.email)
	await page.getByLabel('Password').fill(account.password)
	await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, account: { email: string; password: string }, path = '/login') {
	await submitSignIn(page, account, path)
	await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** Fails the test with the list of WCAG 2.1 A/AA violations on the current page. */
export async function expectNoAccessibilityViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
	expect(summary).toEqual([])
}

export const test = base
export { expect }
