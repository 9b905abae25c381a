import { demoAccount, expect, expectNoAccessibilityViolations, signIn, test } from './support/fixtures.ts'

test('findings update as a submitter answers, and each cites a clause that opens its reference page', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill('Marketplace identity proofing risk score')
	await page.getByRole('button', { name: 'Create draft' }).click()
	const findings = page.getByRole('region', { name: 'Policy findings' })
	await expect(findings).toContainText('Not presumed high-impact.')

	// The findings follow the answers as they are given, before anything is saved.
	await page.getByLabel('What role does the AI play in decisions?').selectOption('PRINCIPAL_BASIS')
	await page.getByRole('group', { name: 'Which decisions does it inform?' }).getByLabel('Identity proofing or access to benefits systems').check()
	await expect(findings).toContainText('Presumed high-impact under M-25-21 §6(m).')
	await expect(page.getByText('The findings below follow your answers as you type')).toBeVisible()
	await page.getByRole('group', { name: 'Which decisions does it inform?' }).getByLabel('Identity proofing or access to benefits systems').uncheck()
	await expect(findings).toContainText('Not presumed high-impact.')
	await page.getByRole('group', { name: 'Which decisions does it inform?' }).getByLabel('Identity proofing or access to benefits systems').check()
	await expect(findings).toContainText('Presumed high-impact under M-25-21 §6(m).')
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status')).toContainText('Draft saved')
	await expect(findings).toContainText('Presumed high-impact under M-25-21 §6(m).')
	await expect(findings).toContainText('CAIO determination')
	await expectNoAccessibilityViolations(page)

	await findings.getByRole('link', { name: 'M2521-6', exact: true }).first().click()
	await expect(page).toHaveURL(/\/policies\/M2521-6$/)
	await expect(page.getByText('M2521-6', { exact: true })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Checks that cite this clause' })).toBeVisible()
	await expect(page.getByText(/M2521-4A-C1/)).toBeVisible()
	await expectNoAccessibilityViolations(page)
})

test('the policy library is searchable and keeps superseded instruments readable', async ({ page }) => {
	await signIn(page, demoAccount('REVIEWER'))
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy library' }).click()
	await page.getByLabel('Search clauses').fill('business associate')
	await page.getByRole('button', { name: 'Search' }).click()
	await expect(page.getByRole('link', { name: 'HIPAA-BAA' })).toBeVisible()

	await page.goto('/policies/M2410')
	await expect(page.getByText(/Superseded by/)).toBeVisible()
	await page.getByRole('link', { name: /^M2521-1:/ }).click()
	await expect(page).toHaveURL(/\/policies\/M2521-1$/)
	expect((await page.goto('/policies/NO-SUCH-CLAUSE'))?.status()).toBe(404)
	expect((await page.goto('/policies/bad%20id'))?.status()).toBe(400)
})

test('an admin changes a check’s severity, publishes the next pack, and watches every open case checked again', async ({ page }) => {
	await signIn(page, demoAccount('ADMIN'))
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy pack editor' }).click()
	await expect(page.getByRole('heading', { name: 'Policy pack editor' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	const settings = page.getByRole('form', { name: 'Settings for M2521-8-C1' })
	await settings.getByLabel('Severity').selectOption('INFO')
	await settings.getByRole('button', { name: 'Save M2521-8-C1' }).click()
	await expect(page.getByRole('form', { name: 'Settings for M2521-8-C1' }).getByLabel('Severity')).toHaveValue('INFO')
	const draftVersion = (await page.getByRole('button', { name: /^Publish pack / }).textContent())!.replace('Publish pack ', '').trim()

	// Until it is published, the library still shows the pack in force.
	await page.goto('/policies/M2521-8')
	await expect(page.getByText(/M2521-8-C1: .*\(warning,/)).toBeVisible()

	await page.goto('/admin/policy-pack')
	await page.getByRole('button', { name: `Publish pack ${draftVersion}` }).click()
	await expect(page.getByRole('heading', { name: `Checking every use case against pack ${draftVersion}` })).toBeVisible()
	await expect(page.getByRole('status')).toContainText(/Done: (\d+) of \1 use cases checked/, { timeout: 60_000 })
	await expect(page.getByRole('progressbar', { name: 'Progress' })).toBeVisible()
	await expectNoAccessibilityViolations(page)

	await page.goto('/policies/M2521-8')
	await expect(page.getByText(/M2521-8-C1: .*\(info,/)).toBeVisible()
	await page.goto('/policies')
	await expect(page.getByText(new RegExp(`pack ${draftVersion.replace('.', '\\.')}`)).first()).toBeVisible()
})
