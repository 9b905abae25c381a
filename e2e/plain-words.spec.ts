// What people read names things in words: no field id (`isWithheld`, `practices.testing`), stored
// value (`PRINCIPAL_BASIS`, `'assistive'`) or OMB column (`hi_testing_conducted`) on the pages where
// they read a case, its findings, its history, its activity, its practices, or their queue.
import { type Page } from '@playwright/test'
import { demoAccount, expect, signIn, test } from './support/fixtures.ts'

const internalName = [
	/\b[a-z]{2,}(?:[A-Z][a-z0-9]*)+(?:\.[a-z]+(?:[A-Z][a-z0-9]*)*)*\b/g, // camelCase field ids and paths
	/\b(?:practices|safeguards|highImpact|aiScreen|datasets|waivers)\.[a-zA-Z0-9.]+\b/g, // paths into groups
	/\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g, // SCREAMING_CASE stored values
	/\b(?:hi|is|has|have|use|system|data|link|code|pia|contact|agency|topic|development|operational|contracting|vendor|problem)_[a-z_]+\b/g, // OMB columns
]

async function internalNamesOn(page: Page) {
	const text = await page.getByRole('main').innerText()
	return [...new Set(internalName.flatMap((pattern) => text.match(pattern) ?? []))]
}

async function caseLinks(page: Page, listUrl: string) {
	await page.goto(listUrl)
	return page
		.locator('main table a[href^="/use-cases/"]')
		.evaluateAll((links) =>
			[
				...new Set(
					links
						.map((link) => link.getAttribute('href') ?? '')
						.filter((href) => /^\/use-cases\/[^/?#]+$/.test(href)),
				),
			].slice(0, 3),
		)
}

test('the case pages, findings, history, activity, practices and the queues use words, not internal names', async ({
	page,
}) => {
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	const cases = [
		...(await caseLinks(page, '/inventory?determination=HIGH_IMPACT')),
		...(await caseLinks(page, '/inventory?status=IN_REVIEW')),
	]
	expect(cases.length).toBeGreaterThan(2)
	const addresses = ['/', '/reviews', '/governance', '/notifications']
	for (const url of cases)
		addresses.push(
			url,
			`${url}?tab=data`,
			`${url}?tab=findings`,
			`${url}?tab=review`,
			`${url}/history`,
			`${url}/activity`,
			`${url}/governance`,
			`${url}/decide`,
		)
	const found: Array<string> = []
	for (const address of addresses) {
		const response = await page.goto(address)
		if (response?.status() === 404) continue
		for (const name of await internalNamesOn(page)) found.push(`${address}: ${name}`)
	}
	expect(found).toEqual([])
})
