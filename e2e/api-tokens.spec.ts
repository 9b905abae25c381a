import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	signOut,
	test,
} from './support/fixtures.ts'

test('a person creates a token in Settings, sees it once, uses it with fetch, and revokes it', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await page.getByRole('link', { name: 'Settings' }).click()
	await page
		.getByRole('navigation', { name: 'Settings' })
		.getByRole('link', { name: 'API tokens' })
		.click()
	await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible()
	await expectNoAccessibilityViolations(page)

	await page.getByLabel('Name').fill('Nightly inventory report')
	await page.getByRole('radio', { name: /^Read and write/ }).check()
	await expect(page.getByLabel('Expires after')).toHaveValue('90')
	await page.getByRole('button', { name: 'Create token' }).click()

	const shown = page.getByLabel('Token', { exact: true })
	await expect(
		page.getByRole('heading', { name: 'Your new token “Nightly inventory report”' }),
	).toBeVisible()
	const secret = await shown.inputValue()
	expect(secret).toMatch(/^aigt_pat_[0-9A-Za-z]{43}$/)
	await expectNoAccessibilityViolations(page)
	const row = page.getByRole('row', { name: /Nightly inventory report/ })
	await expect(row).toContainText('Read and write')
	await expect(row).toContainText('Never')
	await expect(row).toContainText(secret.slice(0, 13))

	// Shown once: the secret is gone after a reload, and only its first characters are listed.
	await page.reload()
	await expect(page.getByLabel('Token', { exact: true })).toHaveCount(0)
	expect(await page.content()).not.toContain(secret)

	// The token works from a script, without the browser's cookies.
	const me = await page.evaluate(async (token) => {
		const response = await fetch('/api/v1/me', {
			headers: { Authorization: `Bearer ${token}` },
			credentials: 'omit',
		})
		return { status: response.status, body: await response.json() }
	}, secret)
	expect(me).toMatchObject({
		status: 200,
		body: { user: { email: demoAccount('SUBMITTER').email }, token: { scopes: ['read', 'write'] } },
	})
	const cookieOnly = await page.evaluate(async () => (await fetch('/api/v1/me')).status)
	expect(cookieOnly).toBe(401)

	await page.reload()
	await expect(row).not.toContainText('Never')
	await row.getByRole('button', { name: 'Revoke Nightly inventory report' }).click()
	await expect(page.getByRole('status')).toContainText('The token is revoked')
	await expect(row).toContainText('Revoked')

	const after = await page.evaluate(
		async (token) =>
			(await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status,
		secret,
	)
	expect(after).toBe(401)
})

test('an administrator sees everyone’s tokens and revokes one; the API reference is readable', async ({
	page,
}) => {
	await signIn(page, demoAccount('REVIEWER'))
	await page.goto('/settings/api-tokens')
	await page.getByLabel('Name').fill('Review queue script')
	await page.getByRole('button', { name: 'Create token' }).click()
	const secret = await page.getByLabel('Token', { exact: true }).inputValue()
	await signOut(page)

	await signIn(page, demoAccount('ADMIN'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'API tokens' })
		.click()
	const row = page.getByRole('row', { name: /Review queue script/ })
	await expect(row).toContainText(demoAccount('REVIEWER').email)
	await expectNoAccessibilityViolations(page)
	await row.getByRole('button', { name: 'Revoke Review queue script' }).click()
	await expect(page.getByRole('status')).toContainText('The token is revoked')
	const status = await page.evaluate(
		async (token) =>
			(await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status,
		secret,
	)
	expect(status).toBe(401)

	await page.goto('/api-reference')
	await expect(
		page.getByRole('heading', { level: 1, name: 'REST API and MCP server reference' }),
	).toBeVisible()
	await expect(
		page.getByRole('heading', { name: /GET \/use-cases — Search and filter the inventory/ }),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)
})
