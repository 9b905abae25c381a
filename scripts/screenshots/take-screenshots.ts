import path from 'node:path'
import { type Page, test } from '@playwright/test'
import { demoAccount, signIn } from '../../e2e/support/fixtures.ts'

const set = process.env.SCREENSHOT_SET ?? 'after'
const directory = path.resolve(import.meta.dirname, '../../docs/screenshots', set)
const widths = [
	{ name: 'desktop', width: 1440, height: 900 },
	{ name: '320px', width: 320, height: 640 },
]

async function shoot(page: Page, name: string) {
	for (const viewport of widths) {
		await page.setViewportSize({ width: viewport.width, height: viewport.height })
		// From the top of the page with nothing focused (sticky panels sit where they start), once layout settles.
		await page.evaluate(() => {
			;(document.activeElement as HTMLElement | null)?.blur()
			window.scrollTo(0, 0)
			return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
		})
		await page.screenshot({
			path: path.join(directory, `${name}-${viewport.name}.png`),
			fullPage: true,
		})
	}
}

test('screenshots of the everyday pages', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill('Home health claims outlier finder')
	await page.getByRole('button', { name: 'Create draft' }).click()
	await page.waitForURL(/\/edit/)
	await page.getByLabel('Stage of development').selectOption('PILOT')
	await page
		.getByLabel(/What problem is the AI intended to solve/)
		.fill('Outlier home health claims are found by hand, months after payment.')
	await shoot(page, 'intake-form')

	await page.goto('/logout')
	await page.context().clearCookies()
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	await page.goto('/inventory?q=broker%20fraud')
	await page
		.getByRole('row', { name: /Agent\/Broker Fraud Analysis/ })
		.getByRole('link')
		.first()
		.click()
	await page.waitForURL(/\/use-cases\//)
	await shoot(page, 'case-page')

	await page.goto('/inventory')
	await shoot(page, 'inventory')

	await page.goto('/dashboards')
	await shoot(page, 'dashboards')
})
