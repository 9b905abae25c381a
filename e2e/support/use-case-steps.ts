// Steps several journeys share: registering a draft and linking catalogue datasets to it.
import { type Page } from '@playwright/test'
import { expect } from './fixtures.ts'

export async function linkDataset(page: Page, name: RegExp) {
	const select = page.getByLabel('Link another dataset')
	const value = await select.locator('option', { hasText: name }).getAttribute('value')
	await select.selectOption(value ?? '')
	await page.getByRole('button', { name: 'Link dataset' }).click()
	await expect(page.getByRole('group', { name })).toBeVisible()
}

/** Creates a draft and returns the case's address (its edit page is open afterwards). */
export async function registerDraft(page: Page, name: string, problem = '') {
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill(name)
	if (problem) await page.getByLabel(/What problem is the AI intended to solve/).fill(problem)
	await page.getByRole('button', { name: 'Create draft' }).click()
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^CMS-\\d{4}-\\d{4}: ${name}$`) })).toBeVisible()
	return page.url().replace(/\/edit$/, '')
}
