import { type Page } from '@playwright/test'
import { demoAccount, expect, signIn, test } from './support/fixtures.ts'
import { linkDataset, registerDraft } from './support/use-case-steps.ts'

/** Saves the draft and waits for that save's own answer: the page names the version it made. */
async function saveDraft(page: Page) {
	const version = Number(await page.locator('input[name="version"]').first().getAttribute('value'))
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status')).toContainText(`Draft saved (version ${version + 1})`)
}

test('saving right after typing, twice in quick succession, never reports a conflict', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(page, 'Hospice claims outlier finder', 'Outlier hospice claims are found by hand.')

	// Type, then save at once: the live findings request is still pending when the save goes out.
	const preview = page.waitForRequest((request) => request.url().includes('findings-preview'))
	await page.getByLabel('Expected benefits for the mission or the public').fill('Fewer improper hospice payments.')
	await preview
	await saveDraft(page)

	// A second change and save within 300 ms of the first save's answer.
	const secondPreview = page.waitForRequest((request) => request.url().includes('findings-preview'))
	await page.getByLabel('What does the AI output?').fill('A ranked list of claims for a reviewer.')
	await secondPreview
	await saveDraft(page)
	await expect(page.getByRole('alert')).toHaveCount(0)

	// Linking a dataset right after a change keeps both.
	await page.getByLabel('Topic area').selectOption('GOVERNMENT_BENEFITS_PROCESSING')
	await linkDataset(page, /Master Beneficiary Summary File/)
	await saveDraft(page)
	await expect(page.getByRole('alert')).toHaveCount(0)

	await page.reload()
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toHaveValue('Fewer improper hospice payments.')
	await expect(page.getByLabel('What does the AI output?')).toHaveValue('A ranked list of claims for a reviewer.')
	await expect(page.getByLabel('Topic area')).toHaveValue('GOVERNMENT_BENEFITS_PROCESSING')
	await expect(page.getByRole('group', { name: /Master Beneficiary Summary File/ })).toBeVisible()
})
