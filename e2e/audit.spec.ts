import { readFileSync } from 'node:fs'
import { parseStrictCsv } from '../tests/strict-csv.ts'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	signOut,
	test,
} from './support/fixtures.ts'

test('leadership reads the audit trail, filters it, and downloads exactly what it shows as CSV', async ({
	page,
}) => {
	const leadership = demoAccount('LEADERSHIP')
	await signIn(page, leadership)
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Audit log' })
		.click()
	await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
	await expectNoAccessibilityViolations(page)

	await page.getByLabel('Actor (name or e-mail)').fill(leadership.email)
	await page.getByLabel('Action').selectOption('auth.signed_in')
	await page.getByRole('button', { name: 'Apply' }).click()
	await expect(page).toHaveURL(/action=auth.signed_in/)
	const rows = page.getByRole('table').getByRole('row')
	// The address changes a moment before the filtered table replaces the whole trail, whose newest
	// row is this very sign-in: wait until every row shown is one of leadership's sign-ins.
	await expect(rows.filter({ hasNotText: 'auth.signed_in' })).toHaveCount(1)
	await expect(rows.filter({ hasNotText: leadership.name })).toHaveCount(1)
	await expect(rows.nth(1)).toContainText(leadership.name)
	const shown = await rows.count()

	const downloadPromise = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download these events as CSV' }).click()
	const download = await downloadPromise
	expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/)
	const [header, ...records] = parseStrictCsv(readFileSync(await download.path(), 'utf8'))
	expect(header).toEqual([
		'time',
		'actor',
		'action',
		'entity_type',
		'entity_id',
		'before',
		'after',
		'request_id',
		'ip_address',
	])
	expect(records).toHaveLength(shown - 1)
	for (const record of records)
		expect(record.slice(1, 4)).toEqual([
			`${leadership.name} <${leadership.email}>`,
			'auth.signed_in',
			'User',
		])
})

test('the audit log is not for submitters, and a bad date is a clear 400', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	expect((await page.goto('/audit'))?.status()).toBe(403)
	expect((await page.request.get('/audit/events.csv')).status()).toBe(403)
	await signOut(page)

	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	const response = await page.goto('/audit?from=2026-13-45')
	expect(response?.status()).toBe(400)
	await expect(page.getByText(/Use a date such as 2026-04-03/)).toBeVisible()
})
