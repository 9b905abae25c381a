// Steps several journeys share: registering a draft, moving through the intake form's sections,
// linking catalogue datasets and submitting.
import { type Browser, type Page } from '@playwright/test'
import { type DemoRole, demoAccount, expect, signIn } from './fixtures.ts'

/** Opens a section of the intake form from its task list, as a person would. */
export async function openSection(page: Page, title: string | RegExp) {
	await page
		.getByRole('navigation', { name: 'Sections of the form' })
		.getByRole('link', { name: title })
		.click()
	await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused()
}

/** Opens a tab of the case page (Overview, Data, Findings, Review…) from its navigation. */
export async function openCaseTab(page: Page, name: string) {
	const tab = page
		.getByRole('navigation', { name: 'Use case sections' })
		.getByRole('link', { name: new RegExp(`^${name}`) })
	const href = (await tab.getAttribute('href')) ?? ''
	const samePage = new URL(page.url()).pathname === href.split('?')[0]
	await tab.click()
	await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === href)
	// On the case page the address changes before React shows the new tab: wait until the tab
	// itself is current, so that what the caller reads next (often a count, which does not wait)
	// is the new panel. The other tabs are pages of their own.
	if (samePage) await expect(tab).toHaveAttribute('aria-current', 'page')
}

/** Adds a dataset from the catalogue in place; its block appears and takes focus. */
export async function linkDataset(page: Page, name: RegExp) {
	if (!(await page.getByLabel('Add a dataset from the catalogue').isVisible()))
		await openSection(page, 'Data')
	const select = page.getByLabel('Add a dataset from the catalogue')
	const value = await select.locator('option', { hasText: name }).getAttribute('value')
	await select.selectOption(value ?? '')
	await page.getByRole('button', { name: 'Add dataset' }).click()
	const added = page.getByRole('group', { name })
	await expect(added).toBeFocused()
	// A draft keeps the dataset at once: its save is answered before the journey goes on.
	if (await page.getByRole('button', { name: 'Save draft' }).isVisible())
		await expect(added).not.toContainText('save to keep it')
}

/** Goes to the last step and submits. */
export async function submitForReview(
	page: Page,
	button: 'Submit for review' | 'Resubmit for review' = 'Submit for review',
) {
	await openSection(page, 'Check your answers and submit')
	await page.getByRole('button', { name: button }).click()
}

/** Saves the draft and waits for that save's own answer: the page names the version it made. */
export async function saveDraft(page: Page) {
	const version = Number(await page.locator('input[name="version"]').first().getAttribute('value'))
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status')).toContainText(
		new RegExp(`Draft saved at .+ \\(version ${version + 1}\\)`),
	)
}

/** Creates a draft and returns the case's address (its edit page is open afterwards). */
export async function registerDraft(page: Page, name: string, problem = '') {
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill(name)
	if (problem) await page.getByLabel(/What problem is the AI intended to solve/).fill(problem)
	await page.getByRole('button', { name: 'Create draft' }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: new RegExp(`^CMS-\\d{4}-\\d{4}: ${name}$`) }),
	).toBeVisible()
	return page.url().replace(/\/edit(\?.*)?$/, '')
}

/**
 * Registers and submits a complete pre-deployment case as the signed-in submitter: a Marketplace
 * identity-proofing score that is the principal basis for the decision, so presumed high-impact
 * under M-25-21 §6(m). Returns the case's address.
 */
export async function submitIdentityProofingCase(page: Page, name: string) {
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill(name)
	await page.getByRole('button', { name: 'Create draft' }).click()
	await page.getByLabel('Stage of development').selectOption('PRE_DEPLOYMENT')
	await page.getByLabel('Topic area').selectOption('GOVERNMENT_BENEFITS_PROCESSING')
	await page.getByLabel('AI classification (closest)').selectOption('CLASSICAL_ML')
	await page
		.getByLabel('What problem is the AI intended to solve?')
		.fill('Manual identity checks delay Marketplace applications.')
	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Faster, consistent identity proofing for applicants.')
	await page
		.getByLabel('What does the AI output?')
		.fill('A risk score that decides whether extra identity documents are required.')
	await openSection(page, 'Decisions and people affected')
	await page.getByLabel('What role does the AI play in decisions?').selectOption('PRINCIPAL_BASIS')
	await page
		.getByRole('group', { name: 'Which decisions does it inform?' })
		.getByLabel('Identity proofing or access to benefits systems')
		.check()
	await page
		.getByRole('group', { name: 'Whose outcomes does it affect?' })
		.getByLabel(/beneficiaries/)
		.check()
	await page
		.getByRole('group', { name: /public interact with it directly/ })
		.getByLabel('No')
		.check()
	await openSection(page, 'Technology and sourcing')
	await page
		.getByRole('group', { name: /generative AI or a large language model/ })
		.getByLabel('No')
		.check()
	await page.getByLabel('Where does it run?').selectOption('CMS_DATA_CENTER')
	await openSection(page, 'Public reporting')
	await page.getByLabel('Should it be withheld from the public inventory?').selectOption('NO')
	await submitForReview(page)
	await expect(page).toHaveURL(/\?submitted=1$/)
	return page.url().replace(/\?.*$/, '')
}

/** A second person, signed in in their own browser context. */
export async function signedInAs(browser: Browser, role: DemoRole) {
	const page = await (await browser.newContext()).newPage()
	await signIn(page, demoAccount(role))
	return page
}
