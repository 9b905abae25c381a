import { demoAccounts } from '../prisma/seed/demo-accounts.ts'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	signOut,
	submitSignIn,
	test,
} from './support/fixtures.ts'
import { saveDraft } from './support/use-case-steps.ts'

test('the sign-in page is the front door and meets WCAG 2.1 AA', async ({ page }) => {
	await page.goto('/')
	await expect(page).toHaveURL(/\/login$/)
	await expect(page.getByRole('heading', { name: 'AI Governance Tracker' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
})

const navigationByRole = {
	SUBMITTER: {
		sees: ['My use cases', 'All use cases', 'Datasets'],
		doesNotSee: ['Audit log', 'Users and roles', 'Review queue', 'Governance desk'],
	},
	REVIEWER: {
		sees: ['All use cases', 'Review queue', 'Datasets'],
		doesNotSee: ['My use cases', 'Audit log', 'Users and roles', 'Governance desk'],
	},
	GOVERNANCE_LEAD: {
		sees: ['All use cases', 'Review queue', 'Governance desk', 'Datasets', 'Audit log'],
		doesNotSee: ['My use cases', 'Users and roles'],
	},
	LEADERSHIP: {
		sees: ['All use cases', 'Datasets', 'Audit log'],
		doesNotSee: ['My use cases', 'Users and roles', 'Review queue', 'Governance desk'],
	},
	ADMIN: {
		sees: ['All use cases', 'Datasets', 'Audit log', 'Users and roles'],
		doesNotSee: ['My use cases', 'Review queue', 'Governance desk'],
	},
} as const

for (const account of demoAccounts) {
	const role = account.roles[0].role
	test(`${account.email} signs in, sees the navigation for ${role}, and signs out`, async ({
		page,
	}) => {
		await signIn(page, account)
		await expect(page.getByRole('heading', { name: `Welcome, ${account.name}` })).toBeVisible()
		const nav = page.getByRole('navigation', { name: 'Main' })
		await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible()
		for (const label of navigationByRole[role].sees)
			await expect(nav.getByRole('link', { name: label })).toBeVisible()
		for (const label of navigationByRole[role].doesNotSee)
			await expect(nav.getByRole('link', { name: label })).toHaveCount(0)
		await expect(page.getByRole('banner')).toContainText(account.name)
		await expectNoAccessibilityViolations(page)

		await signOut(page)
		// The session is revoked on the server: going back does not get in.
		await page.goto('/')
		await expect(page).toHaveURL(/\/login$/)
	})
}

test('a wrong password and an unknown e-mail get the same message, and the e-mail is kept', async ({
	page,
}) => {
	const submitter = demoAccount('SUBMITTER')
	await submitSignIn(page, { email: submitter.email, password: 'not-the-password' })
	await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.')
	// The message takes the focus: a keyboard user goes on from it, not from the top of the page.
	await expect(page.getByRole('alert')).toBeFocused()
	await expect(page.getByLabel('E-mail address')).toHaveValue(submitter.email)
	await expect(page).toHaveURL(/\/login$/)

	await submitSignIn(page, { email: 'nobody-here@cms.example', password: 'whatever-it-is' })
	await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.')
})

test('a badly formed e-mail is reported next to the field', async ({ page }) => {
	await page.goto('/login')
	await page.getByLabel('E-mail address').fill('not an email')
	await page.getByLabel('Password').fill('x')
	await page.getByRole('button', { name: 'Sign in', exact: true }).click()
	await expect(page.getByText('Enter an e-mail address such as name@cms.hhs.gov.')).toBeVisible()
	await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true')
})

test('repeated failures lock the account out for a while, even with the right password', async ({
	page,
}) => {
	const email = 'throttle-check@cms.example'
	for (let attempt = 0; attempt < 5; attempt++) {
		await submitSignIn(page, { email, password: `wrong-${attempt}` })
		await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.')
	}
	await submitSignIn(page, { email, password: 'wrong-again' })
	await expect(page.getByRole('alert')).toHaveText(
		'Too many sign-in attempts. Wait 15 minutes, then try again.',
	)
})

test('after sign-in the user lands where they were going, but never on another site', async ({
	page,
}) => {
	const admin = demoAccount('ADMIN')
	await signIn(page, admin, '/login?redirectTo=/admin/users')
	await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible()
	await signOut(page)

	await signIn(page, admin, '/login?redirectTo=//evil.example/steal')
	await expect(page).toHaveURL(/localhost:\d+\/$/)
})

test('a page the role may not use answers 403 and says so', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible()
	const response = await page.goto('/admin/users')
	expect(response?.status()).toBe(403)
	await expect(
		page.getByRole('heading', { name: 'You do not have access to this page' }),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)
})

test('a forged POST without the CSRF token is refused before anything happens', async ({
	page,
	request,
}) => {
	// Without a token, even the right password does not sign in.
	const forgedLogin = await request.post('/login', {
		form: { email: demoAccount('ADMIN').email, password: demoAccount('ADMIN').password },
		maxRedirects: 0,
	})
	expect(forgedLogin.status()).toBe(403)

	// A signed-in admin's browser tricked into posting to an admin form.
	await signIn(page, demoAccount('ADMIN'))
	await page.goto('/admin/users')
	await page.getByRole('link', { name: 'Dana Whitfield' }).click()
	const userUrl = page.url()
	const forged = await page.request.post(userUrl, {
		form: { intent: 'revoke-sessions' },
		maxRedirects: 0,
	})
	expect(forged.status()).toBe(403)
	const wrongToken = await page.request.post(userUrl, {
		form: { intent: 'revoke-sessions', csrf: 'guessed' },
		maxRedirects: 0,
	})
	expect(wrongToken.status()).toBe(403)
})

test('an admin changes a user’s roles; the change shows and stale forms are refused', async ({
	page,
	browser,
}) => {
	await signIn(page, demoAccount('ADMIN'))
	await page.goto('/admin/users')
	await page.getByRole('link', { name: 'Priya Raman' }).click()
	await expect(page.getByRole('heading', { name: 'Priya Raman' })).toBeVisible()

	// A second tab opens the same form before the first one saves.
	const otherTab = await page.context().newPage()
	await otherTab.goto(page.url())

	await page.getByRole('checkbox', { name: 'Legal' }).check()
	await page.getByRole('button', { name: 'Save access' }).click()
	await expect(page.getByRole('checkbox', { name: 'Legal' })).toBeChecked()

	await otherTab.getByRole('checkbox', { name: 'Data governance' }).check()
	await otherTab.getByRole('button', { name: 'Save access' }).click()
	await expect(otherTab.getByRole('alert')).toContainText(
		'Someone else changed this user while you were editing',
	)
	await expect(otherTab.getByRole('checkbox', { name: 'Data governance' })).toBeChecked()
	void browser
})

test('bad addresses and bodies get 4xx answers, never a 500', async ({ page, request }) => {
	for (const path of [
		'/no-such-page',
		'/admin/users/%00',
		'/admin/users?page=abc',
		'/admin/users?page=-1',
		'/login?redirectTo=%E0%A4%A',
	]) {
		const response = await request.get(path, { maxRedirects: 0 })
		expect(response.status(), path).toBeLessThan(500)
	}
	await signIn(page, demoAccount('ADMIN'))
	await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible()
	for (const path of [
		'/admin/users/does-not-exist',
		'/admin/users?page=abc',
		`/admin/users/${'x'.repeat(500)}`,
	]) {
		const response = await page.request.get(path, { maxRedirects: 0 })
		expect([400, 404], path).toContain(response.status())
	}
	const junkLogin = await request.post('/login', {
		data: '<script>alert(1)</script>',
		headers: { 'Content-Type': 'text/plain' },
	})
	expect(junkLogin.status()).toBe(403)
})

test('health check reports the database', async ({ request }) => {
	const response = await request.get('/healthz')
	expect(response.status()).toBe(200)
	expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
})

test('forms work without JavaScript: sign in, register a draft, save an answer', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await signIn(page, demoAccount('SUBMITTER'))
	await expect(page.getByRole('heading', { name: /^Welcome/ })).toBeVisible()
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill('Plain-HTML draft')
	await page.getByRole('button', { name: 'Create draft' }).click()
	await expect(page.getByRole('heading', { level: 1, name: /Plain-HTML draft$/ })).toBeVisible()
	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Works in any browser.')
	await saveDraft(page)
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toHaveValue(
		'Works in any browser.',
	)
	await context.close()
})
