import AxeBuilder from '@axe-core/playwright'
import {
	type Browser,
	type BrowserContext,
	expect,
	type Page,
	test as base,
} from '@playwright/test'
import { type DemoAccount, demoAccounts } from '../../prisma/seed/demo-accounts.ts'

export type DemoRole = DemoAccount['roles'][number]['role']

export function demoAccount(role: DemoRole) {
	const account = demoAccounts.find((a) => a.roles.some((r) => r.role === role))
	if (!account) throw new Error(`No demo account holds ${role}`)
	return account
}

/** Fills and sends the sign-in form; the caller asserts on what happens next. */
export async function submitSignIn(
	page: Page,
	account: { email: string; password: string },
	path = '/login',
) {
	await page.goto(path)
	await page.getByLabel('E-mail address').fill(account.email)
	await page.getByLabel('Password').fill(account.password)
	await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(
	page: Page,
	account: { email: string; password: string },
	path = '/login',
) {
	await submitSignIn(page, account, path)
	await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** Signs out and waits for the sign-in page, so the next step cannot run on the page being left. */
export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click()
	await expect(page).toHaveURL(/\/login\?signedOut=1$/)
}

/** The rules axe holds every page to: WCAG 2.1 A/AA (Section 508) and WCAG 2.2 AA, target size among them. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Fails the test with the list of WCAG A/AA violations on the current page. */
export async function expectNoAccessibilityViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
	)
	expect(summary).toEqual([])
}

// What no journey may cause in the browser: a Content-Security-Policy violation (the policy would
// have blocked something the app itself relies on), a hydration mismatch, or an uncaught error.
const BROWSER_PROBLEM =
	/Content[ -]Security[ -]Policy|Hydration failed|did not match|hydrat.* mismatch/i
const browserProblems: Array<string> = []
const watched = new WeakSet<BrowserContext>()

function watch(context: BrowserContext) {
	if (watched.has(context)) return context
	watched.add(context)
	context.on('console', (message) => {
		if (message.type() === 'error' && BROWSER_PROBLEM.test(message.text()))
			browserProblems.push(`${message.location().url}: ${message.text()}`)
	})
	context.on('weberror', (error) =>
		browserProblems.push(
			`uncaught in ${error.page()?.url() ?? 'a page'}: ${error.error().message}`,
		),
	)
	return context
}

/**
 * The journeys' `test`: every browser context a test opens (its own page, and any other context or
 * page it creates for a second person) is watched, and the test fails on any problem above.
 */
export const test = base.extend<{ browserProblemsFailTheTest: void }, { browser: Browser }>({
	browser: [
		async ({ browser }, use) => {
			const newContext = browser.newContext.bind(browser)
			browser.newContext = async (...args) => watch(await newContext(...args))
			const newPage = browser.newPage.bind(browser)
			browser.newPage = async (...args) => {
				const page = await newPage(...args)
				watch(page.context())
				return page
			}
			await use(browser)
		},
		{ scope: 'worker' },
	],
	context: async ({ context }, use) => {
		await use(watch(context))
	},
	browserProblemsFailTheTest: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first argument's pattern
		async ({}, use) => {
			browserProblems.length = 0
			await use()
			expect(
				browserProblems,
				'Content-Security-Policy violations or other browser errors during the journey',
			).toEqual([])
		},
		{ auto: true },
	],
})
export { expect }
