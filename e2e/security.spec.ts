// The Content-Security-Policy as Chromium enforces it: the app's own scripts run (pages hydrate and
// navigate on the client), and a script injected without the page's nonce is refused. This journey
// provokes a violation on purpose, so it uses Playwright's plain `test` rather than the watched one.
import { expect, type Page, test } from '@playwright/test'
import { demoAccount, signIn } from './support/fixtures.ts'

/** The Content-Security-Policy violations Chromium reports on `page` from now on. */
function cspViolations(page: Page) {
	const violations: Array<string> = []
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
			violations.push(message.text())
	})
	return violations
}

test('Chromium runs the app’s scripts and refuses an injected inline script', async ({ page }) => {
	const violations = cspViolations(page)
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	// A client-side navigation: React Router's scripts (nonce-bearing) are running.
	await page.getByRole('link', { name: 'All use cases' }).first().click()
	await expect(page).toHaveURL(/\/use-cases$/)
	expect(violations).toEqual([])

	const ran = await page.evaluate(async () => {
		const script = document.createElement('script')
		script.textContent = 'window.__injected = true'
		document.body.append(script)
		await new Promise((resolve) => setTimeout(resolve, 50))
		return (window as unknown as { __injected?: boolean }).__injected === true
	})
	expect(ran).toBe(false)
	await expect.poll(() => violations.length).toBeGreaterThan(0)
	expect(violations[0]).toMatch(/script-src/)
})

test('the app cannot be framed by another page', async ({ page }) => {
	await page.goto('/login')
	const response = await page.request.get('/login')
	expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
	expect(response.headers()['x-frame-options']).toBe('SAMEORIGIN')
})

test('a page asked for again carries its own response’s nonce and still runs', async ({ page }) => {
	const violations = cspViolations(page)
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	const nonces: Array<string> = []
	for (const load of [() => page.goto('/inventory'), () => page.reload()]) {
		const response = await load()
		const policy = (await response?.headerValue('content-security-policy')) ?? ''
		const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
		expect(nonce).toBeTruthy()
		// Every script of the page carries this response's nonce, none an earlier one.
		const html = (await response?.text()) ?? ''
		const scriptNonces = [...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1])
		expect(scriptNonces.length).toBeGreaterThan(0)
		expect(new Set(scriptNonces)).toEqual(new Set([nonce]))
		nonces.push(nonce!)
	}
	expect(nonces[1]).not.toBe(nonces[0])
	// The page reloaded is a working page: a client-side navigation from it runs.
	await page.getByRole('link', { name: 'All use cases' }).first().click()
	await expect(page).toHaveURL(/\/use-cases$/)
	expect(violations).toEqual([])
})
