import { readFileSync } from 'node:fs'
import { parseStrictCsv } from '../tests/strict-csv.ts'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import { openCaseTab } from './support/use-case-steps.ts'

test('leadership narrows the inventory to high-impact cases on claims data in one office, and opens one', async ({
	page,
}) => {
	await signIn(page, demoAccount('LEADERSHIP'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Inventory' })
		.click()
	await expect(page.getByRole('heading', { name: 'AI use case inventory' })).toBeVisible()
	await expectNoAccessibilityViolations(page)

	const filters = page.getByRole('search', { name: 'Search and filter the inventory' })
	await filters.getByRole('checkbox', { name: /^High-impact \(\d+\)$/ }).check()
	await filters.getByRole('checkbox', { name: /^Medicare claims \(\d+\)$/ }).check()
	await filters
		.getByRole('checkbox', { name: /^CMMI — Center for Medicare and Medicaid Innovation/ })
		.check()
	await filters.getByRole('button', { name: 'Apply filters' }).first().click()
	await expect(page).toHaveURL(/determination=HIGH_IMPACT/)
	await expect(page).toHaveURL(/datasetCategory=MEDICARE_CLAIMS/)
	await expect(page).toHaveURL(/orgUnit=HHS%2FCMS%2FCMMI/)
	await expect(page.getByRole('heading', { name: '1 use case' })).toBeVisible()
	const table = page.getByRole('table')
	await expect(table.getByRole('row')).toHaveCount(2)
	const row = table.getByRole('row', { name: /WISeR Model prior-authorization technology/ })
	await expect(row).toContainText('Approved with conditions')
	await expect(row).toContainText('High-impact')
	await expect(row).toContainText('Overdue')
	await expectNoAccessibilityViolations(page)

	// The same view as a download: exactly the filtered rows.
	const csv = await page.request.get(
		(await page.getByRole('link', { name: 'Download this view (CSV)' }).getAttribute('href')) ?? '',
	)
	expect(csv.status()).toBe(200)
	// UTF-8 with its byte-order mark, so that Excel reads accents and dashes right.
	expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	const [header, ...records] = parseStrictCsv(await csv.text())
	expect(header!.slice(0, 6)).toEqual([
		'tracking_id',
		'name',
		'org_unit',
		'stage',
		'status',
		'high_impact',
	])
	expect(records).toHaveLength(1)
	expect(records[0]![1]).toBe('WISeR Model prior-authorization technology')

	// Sorting is a link in the column header, and the header says how the table is sorted.
	await table.getByRole('link', { name: /^Name/ }).click()
	await expect(page).toHaveURL(/sort=name/)
	await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
		'aria-sort',
		'ascending',
	)

	await page.getByRole('table').getByRole('link', { name: 'CMS-2026-0011' }).click()
	await expect(
		page.getByRole('heading', { name: 'WISeR Model prior-authorization technology', level: 1 }),
	).toBeVisible()
	await expect(
		page
			.getByRole('complementary', { name: 'At a glance' })
			.getByText('Approved with conditions', { exact: true }),
	).toBeVisible()
	await openCaseTab(page, 'Findings')
	const findings = page.getByRole('region', { name: 'Policy findings' })
	await expect(findings.getByText(/^Failing \(\d+\)$/)).toBeVisible()
	await expectNoAccessibilityViolations(page)
})

test('on a phone the results come first after the search, the facets wait behind one toggle, and a link skips the filters', async ({
	page,
}) => {
	await page.setViewportSize({ width: 390, height: 844 })
	await signIn(page, demoAccount('LEADERSHIP'))
	await page.goto('/inventory?stage=DEPLOYED')
	const filters = page.getByRole('search', { name: 'Search and filter the inventory' })
	const toggle = filters.getByText('Filters (1 chosen)', { exact: true })
	const deployed = filters.getByRole('checkbox', { name: /^Deployed \(\d+\)$/ })
	await expect(toggle).toBeVisible()
	await expect(deployed).toBeHidden()
	// The filter in use is shown beside the results, where it can be removed.
	await expect(page.getByRole('group', { name: 'Filters in force' })).toContainText(
		'Stage: Deployed',
	)
	const results = page.getByRole('heading', { name: /^\d+ use cases?/ })
	expect((await results.boundingBox())!.y).toBeLessThan(844)

	await toggle.click()
	await expect(deployed).toBeVisible()
	await expect(deployed).toBeChecked()
	await page.getByRole('link', { name: /^Skip the filters to the \d+ results?$/ }).click()
	await expect(page.getByRole('region', { name: /^\d+ use cases?/ })).toBeFocused()
	await expectNoAccessibilityViolations(page)

	// On a wide screen every facet stands beside the results, and no skip link is needed.
	await page.goto('/inventory')
	await page.setViewportSize({ width: 1280, height: 900 })
	await expect(filters.getByRole('checkbox', { name: /^High-impact \(\d+\)$/ })).toBeVisible()
	await expect(page.getByRole('link', { name: /^Skip the filters/ })).toBeHidden()
})

test('a bad filter value is a clear 400, not an empty page or an error', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	const badStatus = await page.goto('/inventory?status=APROVED')
	expect(badStatus?.status()).toBe(400)
	await expect(page.getByText(/“APROVED” is not a status/)).toBeVisible()
	await expectNoAccessibilityViolations(page)
	expect((await page.goto('/inventory?orgUnit=HHS/CMS/NOWHERE'))?.status()).toBe(400)
	await expect(page.getByText(/No org unit has the code HHS\/CMS\/NOWHERE/)).toBeVisible()
	expect((await page.request.get('/inventory/view.csv?sort=owner')).status()).toBe(400)
	// Everyone signed in reads the inventory; only the governance lead acts on it in bulk.
	expect((await page.goto('/inventory'))?.status()).toBe(200)
	await expect(page.getByRole('button', { name: 'Add tag' })).toHaveCount(0)
	expect((await page.goto('/dashboards'))?.status()).toBe(403)
})

test('the governance lead tags two cases in bulk and exports the selection', async ({ page }) => {
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	await page.goto('/inventory?stage=DEPLOYED&sort=trackingId')
	await expectNoAccessibilityViolations(page)
	const table = page.getByRole('table')
	await table.getByRole('checkbox', { name: /^Select CMS-2025-0002 / }).check()
	await table.getByRole('checkbox', { name: /^Select CMS-2025-0003 / }).check()
	await page.getByLabel('Tag', { exact: true }).fill('exec-briefing')
	await page.getByRole('button', { name: 'Add tag' }).click()
	await expect(page.getByRole('status')).toHaveText('Added the tag “exec-briefing” to 2 use cases.')
	// Back on the same view.
	await expect(page).toHaveURL(/stage=DEPLOYED/)
	await expect(table.getByRole('row', { name: /CMS-2025-0002/ })).toContainText('exec-briefing')
	await expectNoAccessibilityViolations(page)

	await page.goto('/inventory?tag=exec-briefing')
	await expect(page.getByRole('heading', { name: '2 use cases' })).toBeVisible()
	await page.getByLabel('Select all 2 use cases on this page').check()
	await expect(
		page.getByRole('table').getByRole('checkbox', { name: /^Select CMS-2025-0003 / }),
	).toBeChecked()
	const downloadPromise = page.waitForEvent('download')
	await page.getByRole('button', { name: 'Export selection as CSV' }).click()
	const download = await downloadPromise
	expect(download.suggestedFilename()).toMatch(/^inventory-selection-\d{4}-\d{2}-\d{2}\.csv$/)
	const [, ...selected] = parseStrictCsv(readFileSync(await download.path(), 'utf8'))
	expect(selected.map((record) => record[0]).sort()).toEqual(['CMS-2025-0002', 'CMS-2025-0003'])

	// Each case's change is in the audit trail.
	await page.goto('/audit?action=use_case.tag_added')
	await expect(page.getByRole('table').getByRole('row')).toHaveCount(3)
})

test('a refused bulk action keeps the view, the ticked cases and what was typed, and its reason takes the focus', async ({
	page,
}) => {
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	await page.goto('/inventory?stage=DEPLOYED&sort=trackingId')
	const table = page.getByRole('table')
	const second = table.getByRole('checkbox', { name: /^Select CMS-2025-0002 / })
	const third = table.getByRole('checkbox', { name: /^Select CMS-2025-0003 / })
	await second.check()
	await third.check()
	await page.getByLabel('Tag', { exact: true }).fill('Exec Briefing!')
	await page.getByRole('button', { name: 'Add tag' }).click()
	const reason = page.locator('#bulk-error')
	await expect(reason).toBeFocused()
	await expect(reason).toContainText(/tag/i)
	await expect(page).toHaveURL(/\/inventory\?stage=DEPLOYED&sort=trackingId$/)
	await expect(second).toBeChecked()
	await expect(third).toBeChecked()
	await expect(page.getByLabel('Tag', { exact: true })).toHaveValue('Exec Briefing!')
	await expectNoAccessibilityViolations(page)

	// Corrected, it goes through.
	await page.getByLabel('Tag', { exact: true }).fill('exec-review')
	await page.getByRole('button', { name: 'Add tag' }).click()
	await expect(page.getByRole('status')).toHaveText('Added the tag “exec-review” to 2 use cases.')
})

test('at 1280 px the lead’s inventory fits its column, and a move to the next page puts the focus on the results', async ({
	page,
}) => {
	await page.setViewportSize({ width: 1280, height: 800 })
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	await page.goto('/inventory?sort=trackingId')
	const results = page.getByRole('region', { name: /^\d+ use cases/ })
	const tableBox = page.getByRole('region', { name: /^AI use cases in this view/ })
	const sideways = await tableBox.evaluate((box) => box.scrollWidth - box.clientWidth)
	expect(sideways, 'how far the table scrolls sideways').toBe(0)

	await page
		.getByRole('navigation', { name: 'Pages' })
		.getByRole('link', { name: 'Next page' })
		.click()
	await expect(page).toHaveURL(/page=2/)
	await expect(results).toBeFocused()
	await expect(results.getByRole('heading', { level: 2 })).toContainText('(showing 26–')
	await expectNoAccessibilityViolations(page)

	await page.getByRole('link', { name: 'Previous page' }).click()
	await expect(results.getByRole('heading', { level: 2 })).toContainText('(showing 1–25)')
	await expect(results).toBeFocused()
})

test('leadership reads the dashboards, switches a chart to its table, and follows a chart to the inventory', async ({
	page,
}) => {
	await signIn(page, demoAccount('LEADERSHIP'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Dashboards' })
		.click()
	await expect(page.getByRole('heading', { name: 'Dashboards', level: 1 })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Use cases by stage' })).toBeVisible()
	await expect(
		page.getByRole('region', {
			name: 'High-impact cases with minimum practices late',
			exact: true,
		}),
	).toContainText('WISeR Model prior-authorization technology')
	await expect(
		page.getByRole('region', { name: 'Waivers lapsing in the next 60 days', exact: true }),
	).toContainText('Consultation with end users and the public')
	await expectNoAccessibilityViolations(page)

	const stage = page.getByRole('region', { name: 'Use cases by stage' })
	await stage.getByRole('link', { name: 'Show as table: Use cases by stage' }).click()
	await expect(page).toHaveURL(/table=stage/)
	const stageTable = stage.getByRole('table', { name: 'Use cases by stage' })
	await expect(stageTable).toBeVisible()
	const pilots = Number(
		await stageTable
			.getByRole('row', { name: /^Pilot/ })
			.getByRole('cell')
			.textContent(),
	)
	expect(pilots).toBeGreaterThan(0)
	await expectNoAccessibilityViolations(page)

	// A bar of another chart is a link to the inventory view it counts.
	await page
		.getByRole('region', { name: 'Use cases by high-impact determination' })
		.getByRole('link', {
			name: /^Presumed high-impact, determined not: \d+ use cases?\. Open them in the inventory\.$/,
		})
		.click()
	await expect(page).toHaveURL(/\/inventory\?determination=PRESUMED_NOT_HIGH_IMPACT$/)
	await expect(page.getByRole('group', { name: 'Filters in force' })).toContainText(
		'High-impact determination: Presumed high-impact, determined not',
	)
	await expectNoAccessibilityViolations(page)

	await page.goBack()
	await page
		.getByRole('region', { name: 'Use cases by stage' })
		.getByRole('table')
		.getByRole('link', { name: 'Pilot' })
		.click()
	await expect(page).toHaveURL(/\/inventory\?stage=PILOT$/)
	await expect(
		page.getByRole('heading', { name: `${pilots} use case${pilots === 1 ? '' : 's'}` }),
	).toBeVisible()
})
