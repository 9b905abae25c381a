// The public transparency site, without signing in: browsing, searching, filtering, a use case's
// page, the downloads (checked against the governance office's public OMB export), what must never
// appear there, caching, and the files served as they are.
import { readFileSync } from 'node:fs'
import { type Page, type Response } from '@playwright/test'
import { expect, expectNoAccessibilityViolations, test } from './support/fixtures.ts'
import { signedInAs } from './support/use-case-steps.ts'

type OmbRecord = Record<string, string | Array<string>>

/** Every response the public site sends this page must be free of cookies. */
function watchCookies(page: Page) {
	const cookies: Array<string> = []
	page.on('response', (response: Response) => {
		if (!new URL(response.url()).pathname.startsWith('/public')) return
		const setCookie = response.headers()['set-cookie']
		if (setCookie) cookies.push(`${response.url()}: ${setCookie}`)
	})
	return cookies
}

test('anyone browses, searches, filters and opens a use case, on accessible pages that set no cookie', async ({
	page,
}) => {
	const cookies = watchCookies(page)
	const home = await page.goto('/public')
	expect(home?.status()).toBe(200)
	await expect(
		page.getByRole('region', { name: 'Official website of the United States government' }),
	).toContainText('An official website of the United States government')
	await expect(
		page.getByRole('heading', { level: 1, name: 'How CMS uses artificial intelligence' }),
	).toBeVisible()
	await expect(page.locator('meta[name="description"]')).toHaveAttribute(
		'content',
		/public inventory of AI use cases/,
	)
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
		'content',
		'How CMS uses artificial intelligence',
	)
	await expectNoAccessibilityViolations(page)

	await page
		.getByRole('navigation', { name: 'Public site' })
		.getByRole('link', { name: 'AI use case inventory' })
		.click()
	await expect(page.getByRole('heading', { level: 1, name: 'AI use case inventory' })).toBeVisible()
	const total = Number(
		(await page.getByRole('heading', { level: 2, name: /use cases?$/ }).textContent())?.match(
			/\d+/,
		)?.[0],
	)
	expect(total).toBeGreaterThan(10)
	await expectNoAccessibilityViolations(page)

	// Search: what the box finds, and the withheld case it never finds.
	const filters = page.getByRole('search', { name: 'Search and filter the inventory' })
	await filters.getByLabel('Search').fill('fraud')
	await filters.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page).toHaveURL(/\/public\/inventory\?q=fraud$/)
	const results = page.getByRole('table')
	await expect(
		results.getByRole('link', { name: 'Agent/Broker Fraud Analysis (ABCQI)' }),
	).toBeVisible()
	await expect(results.getByText('Fraud Prevention System predictive models')).toHaveCount(0)

	// Filters: a stage, with the counts beside each value; the address holds the view.
	await filters.getByLabel('Search').fill('')
	await filters.getByRole('checkbox', { name: /^Deployed \(\d+\)$/ }).check()
	await filters.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page).toHaveURL(/\/public\/inventory\?stage=DEPLOYED$/)
	// The address changes a moment before the new results replace the search's; the page's title
	// (no longer “matching fraud”) changes with them.
	await expect(page).toHaveTitle(/^AI use case inventory/)
	const deployed = page.getByRole('table').getByRole('row')
	await expect(deployed.first()).toBeVisible()
	for (const stage of await page
		.getByRole('table')
		.locator('tbody tr td:nth-child(4)')
		.allTextContents())
		expect(stage).toBe('Deployed')
	await expectNoAccessibilityViolations(page)

	// Sorting is a link in the column header, and the header says how the table is sorted.
	await page
		.getByRole('table')
		.getByRole('link', { name: /^Use case ID/ })
		.click()
	await expect(page).toHaveURL(/stage=DEPLOYED&sort=id/)
	await expect(page.getByRole('columnheader', { name: /^Use case ID/ })).toHaveAttribute(
		'aria-sort',
		'ascending',
	)

	// A use case: every column of the public file, the public inbox, the ATO system held back.
	await page
		.getByRole('table')
		.getByRole('link', { name: 'Agent/Broker Fraud Analysis (ABCQI)' })
		.click()
	await expect(
		page.getByRole('heading', { level: 1, name: 'Agent/Broker Fraud Analysis (ABCQI)' }),
	).toBeVisible()
	const definition = (label: string) =>
		page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]')
	await expect(definition('Email address')).toHaveText('ai@cms.hhs.gov')
	await expect(definition('System(s) name')).toHaveText('Not published in the public inventory')
	await expect(definition('Stage of development')).toContainText('c) Deployed')
	await expect(page.locator('dt')).toHaveCount(36)
	await expect(page.getByRole('link', { name: 'Report a problem', exact: true })).toHaveAttribute(
		'href',
		/^mailto:ai@cms\.hhs\.gov\?subject=/,
	)
	await expectNoAccessibilityViolations(page)

	// The summary, as charts and as tables.
	await page
		.getByRole('navigation', { name: 'Public site' })
		.getByRole('link', { name: 'Summary' })
		.click()
	await expect(page.getByRole('heading', { level: 1, name: 'What CMS uses AI for' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await page.getByRole('link', { name: 'Show as table: Use cases by stage of development' }).click()
	await expect(page.getByRole('table', { name: 'Use cases by stage of development' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await page
		.getByRole('table', { name: 'Use cases by stage of development' })
		.getByRole('link', { name: 'Deployed' })
		.click()
	await expect(page).toHaveURL(/\/public\/inventory\?stage=DEPLOYED$/)

	// The policy library, read-only, with what superseded what.
	await page
		.getByRole('navigation', { name: 'Public site' })
		.getByRole('link', { name: 'AI policies' })
		.click()
	await expect(
		page.getByRole('heading', { level: 1, name: 'AI policies CMS follows' }),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)
	const superseded = page.getByRole('row', { name: /Superseded by/ }).first()
	const oldId = (await superseded.getByRole('link').first().textContent()) as string
	await superseded.getByRole('link').first().click()
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	const notice = page.locator('p', { hasText: /^Superseded by/ })
	await expect(notice).toContainText('Kept here so that older records stay readable.')
	await expectNoAccessibilityViolations(page)
	await notice.getByRole('link').click()
	await expect(
		page
			.getByRole('region', { name: 'Replaces' })
			.getByRole('link', { name: new RegExp(`^${oldId}: `) }),
	).toBeVisible()

	for (const [link, heading] of [
		['Downloads', 'Download the AI use case inventory'],
		['Data dictionary', 'Data dictionary'],
	] as const) {
		await page
			.getByRole('navigation', { name: 'Public site' })
			.getByRole('link', { name: link })
			.click()
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
		await expectNoAccessibilityViolations(page)
	}
	await page.getByRole('link', { name: 'Accessibility statement' }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: 'Accessibility statement' }),
	).toBeVisible()
	await expect(page.getByRole('link', { name: 'Report a problem with this page' })).toHaveAttribute(
		'href',
		/^mailto:ai@cms\.hhs\.gov/,
	)
	await expectNoAccessibilityViolations(page)

	const missing = await page.goto('/public/inventory/CMS-0000-0000')
	expect(missing?.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute(
		'href',
		'/public',
	)
	await expectNoAccessibilityViolations(page)
	expect((await page.goto('/public/inventory?stage=LIVE'))?.status()).toBe(400)
	await expectNoAccessibilityViolations(page)

	expect(cookies).toEqual([])
	expect(await page.context().cookies()).toEqual([])
})

test('the downloads are the public OMB export, and nothing withheld or protected appears on the public site', async ({
	page,
	browser,
}) => {
	await page.goto('/public/downloads')
	const csvDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: /^Current \d{4} inventory, CSV$/ }).click()
	const publicCsv = readFileSync((await (await csvDownload).path()) as string, 'utf8')
	const jsonDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: /^Current \d{4} inventory, JSON$/ }).click()
	const publicJson = JSON.parse(
		readFileSync((await (await jsonDownload).path()) as string, 'utf8'),
	) as { useCases: Array<OmbRecord> }

	// The governance office's own public export, and the full OMB file it is made from.
	const lead = await signedInAs(browser, 'GOVERNANCE_LEAD')
	const staffCsv = await (await lead.request.get('/inventory/export/public.csv')).text()
	const staffJson = (await (await lead.request.get('/inventory/export/public.json')).json()) as {
		useCases: Array<OmbRecord>
	}
	const full = (await (await lead.request.get('/inventory/export/omb.json')).json()) as {
		useCases: Array<OmbRecord>
	}
	expect(publicCsv).toBe(staffCsv)
	expect(publicJson.useCases).toEqual(staffJson.useCases)
	expect(publicJson.useCases.length).toBeGreaterThan(10)

	const withheld = full.useCases.filter((row) => row.is_withheld !== 'a) No')
	expect(withheld.length).toBeGreaterThan(0)
	const publicText = JSON.stringify(publicJson.useCases)
	// Details that must not appear: the withheld cases' names and ids, every team's own e-mail, and
	// the ATO system names (those no published column mentions anyway).
	const secrets = [
		...withheld.flatMap((row) => [row.use_case_name as string, row.id as string]),
		...full.useCases
			.map((row) => row.contact_email as string)
			.filter((email) => email && email !== 'ai@cms.hhs.gov'),
		...full.useCases
			.map((row) => row.system_name_ato as string)
			.filter((name) => name && !publicText.includes(name)),
	].filter(Boolean)
	expect(secrets.length).toBeGreaterThan(5)
	for (const row of publicJson.useCases)
		expect(row).toMatchObject({
			contact_email: 'ai@cms.hhs.gov',
			system_name_ato: '',
			is_withheld: 'a) No',
		})

	const bodies: Array<string> = [publicCsv, JSON.stringify(publicJson)]
	const sitemap = await (await page.request.get('/public/sitemap.xml')).text()
	bodies.push(sitemap)
	const pages = [
		'/public',
		'/public/inventory',
		'/public/summary',
		'/public/downloads',
		'/public/policies',
		...publicJson.useCases.map((row) => `/public/inventory/${String(row.id)}`),
	]
	for (const path of pages) {
		const response = await page.request.get(path)
		expect(response.status(), path).toBe(200)
		bodies.push(await response.text())
	}
	const everything = bodies.join('\n')
	for (const secret of secrets)
		expect(everything.includes(secret), `“${secret}” appears on the public site`).toBe(false)
	for (const row of publicJson.useCases)
		expect(sitemap).toContain(`/public/inventory/${String(row.id)}`)

	// Searching for a withheld case finds nothing.
	for (const row of withheld) {
		await page.goto(`/public/inventory?q=${encodeURIComponent(row.use_case_name as string)}`)
		await expect(page.getByRole('heading', { level: 2, name: '0 use cases' })).toBeVisible()
		expect((await page.request.get(`/public/inventory/${String(row.id)}`)).status()).toBe(404)
	}
	await lead.context().close()
})

test('public pages are cached by data version: a client that holds the page is told it has not changed', async ({
	page,
}) => {
	const first = await page.request.get('/public/inventory?stage=PILOT')
	const etag = first.headers()['etag'] as string
	expect(etag).toMatch(/^W\/".+"$/)
	expect(first.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
	expect(first.headers()['set-cookie']).toBeUndefined()
	const again = await page.request.get('/public/inventory?stage=PILOT', {
		headers: { 'If-None-Match': etag },
	})
	expect(again.status()).toBe(304)
	expect(again.headers()['etag']).toBe(etag)
	// The app itself stays private: never cached as public.
	const login = await page.request.get('/login')
	expect(login.headers()['cache-control'] ?? '').not.toContain('public')
})

test('the site’s plain files: icons, robots.txt, security.txt and the web manifest', async ({
	page,
}) => {
	const robots = await page.request.get('/robots.txt')
	expect(robots.status()).toBe(200)
	const rules = await robots.text()
	expect(rules).toContain('Allow: /public/')
	expect(rules).toMatch(/^Disallow: \/$/m)
	const security = await page.request.get('/.well-known/security.txt')
	expect(security.status()).toBe(200)
	const fields = await security.text()
	expect(fields).toMatch(/^Contact: https:\/\//m)
	const expires = /^Expires: (.+)$/m.exec(fields)?.[1]
	expect(Number.isNaN(Date.parse(expires ?? ''))).toBe(false)
	for (const [path, type] of [
		['/favicon.ico', 'image/'],
		['/favicon.svg', 'image/svg+xml'],
		['/apple-touch-icon.png', 'image/png'],
		['/icon-512.png', 'image/png'],
		['/site.webmanifest', 'application/manifest+json'],
	] as const) {
		const response = await page.request.get(path)
		expect(response.status(), path).toBe(200)
		expect(response.headers()['content-type'], path).toContain(type)
	}
	await page.goto('/public')
	await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute(
		'href',
		'/favicon.svg',
	)
})

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false })

	test('the public inventory searches, filters, pages and opens a case with plain forms and links', async ({
		page,
	}) => {
		await page.goto('/public')
		await page
			.getByRole('search', { name: 'Search the AI use case inventory' })
			.getByLabel('Search AI use cases')
			.fill('claims')
		await page.getByRole('button', { name: 'Search' }).click()
		await expect(page).toHaveURL(/\/public\/inventory\?q=claims$/)
		const filters = page.getByRole('search', { name: 'Search and filter the inventory' })
		await filters.getByRole('checkbox', { name: /^Not high-impact \(\d+\)$/ }).check()
		await filters.getByRole('button', { name: 'Apply filters' }).click()
		await expect(page).toHaveURL(/\/public\/inventory\?q=claims&highImpact=NOT_HIGH_IMPACT$/)
		await expect(filters.getByRole('checkbox', { name: /^Not high-impact/ })).toBeChecked()
		const first = page.getByRole('table').getByRole('rowheader').first().getByRole('link')
		const name = (await first.textContent()) as string
		await first.click()
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
		await page.getByRole('link', { name: 'AI use case inventory' }).first().click()
		await expect(
			page.getByRole('heading', { level: 1, name: 'AI use case inventory' }),
		).toBeVisible()
		await page
			.getByRole('table')
			.getByRole('link', { name: /^Stage/ })
			.click()
		await expect(page).toHaveURL(/sort=stage/)
	})
})
