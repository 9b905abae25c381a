import { readFileSync } from 'node:fs'
import { type Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	signOut,
	test,
} from './support/fixtures.ts'

// OMB's 36 columns, as the data dictionary names them: written out here, not taken from the app's
// own list, so that the journey checks the export against OMB's spelling and order.
const ombHeader = `
agency agency_name id use_case_name agency_bureau contact_email is_withheld
development_stage is_high_impact HI_justification topic_area classification problem_solved
benefits system_outputs operational_date contracting_usage vendor_name have_ato
system_name_ato data_description link_to_data has_pii pia_url demographic_features
has_custom_code code_url hi_testing_conducted hi_assessment_completed hi_potential_impacts
hi_independent_review hi_ongoing_monitoring hi_training_established hi_failsafe_presence
hi_appeal_process hi_public_consultation
`
	.trim()
	.split(/\s+/)

const thisYear = new Date().getUTCFullYear()
const lastYear = thisYear - 1

async function uploadForPreview(page: Page, fixture: string) {
	await page.goto('/inventory/import')
	await page
		.getByLabel('Inventory file (CSV, at most 5 MB)')
		.setInputFiles(`e2e/fixtures/${fixture}`)
	await page.getByRole('button', { name: 'Check the file' }).click()
	await expect(
		page.getByRole('heading', { name: `Check before importing: ${fixture}` }),
	).toBeVisible()
}

async function importAndWait(page: Page, buttonName: string | RegExp, result: string) {
	await page.getByRole('button', { name: buttonName }).click()
	// The page polls the import until it finishes.
	await expect(page.getByRole('status')).toHaveText(result, { timeout: 60_000 })
}

async function downloadCsv(page: Page, linkName: string) {
	const downloadPromise = page.waitForEvent('download')
	await page.getByRole('link', { name: linkName, exact: true }).click()
	const download = await downloadPromise
	const text = readFileSync(await download.path(), 'utf8')
	expect(text.charCodeAt(0)).toBe(0xfeff)
	const [header, ...rows] = parse(text, { bom: true }) as Array<Array<string>>
	return {
		fileName: download.suggestedFilename(),
		header: header!,
		rows: rows.map((row) =>
			Object.fromEntries(header!.map((column, index) => [column, row[index] ?? ''])),
		),
	}
}

test('the governance lead imports CMS’s inventory twice, reports two years and certifies; leadership downloads OMB’s and the public file', async ({
	page,
	browser,
}) => {
	test.setTimeout(240_000)
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))

	// The 2025 file: its problems row by row before anything is imported.
	await page.goto('/inventory/import')
	await expect(page.getByRole('heading', { name: 'Import an inventory file' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await uploadForPreview(page, 'cms-ai-inventory-2025.csv')
	const problems = page.getByRole('table', { name: /row by row/ })
	await expect(problems).toContainText(
		'Row 2 has the same Use Case ID (HHS-1041); only the first is imported.',
	)
	await expect(problems).toContainText('The use case has no name.')
	await expect(problems).toContainText(
		'“Health Care Quality” is not one of OMB’s choices for topic_area; it is kept as written.',
	)
	await expect(problems).toContainText(
		'“Q1 FY2025” is not a date the tracker can read; it is kept as written.',
	)
	// The demo data registered this one in the tracker already: it is not duplicated.
	await expect(
		problems.getByRole('row', { name: /Agent\/Broker Fraud Analysis \(ABCQI\)/ }),
	).toContainText('is registered in the tracker; the row is not imported')
	// Three rows look like cases the demo data registered from CMS's published inventories: the lead decides.
	const lookAlikes = page.getByRole('region', {
		name: 'Rows that may be use cases the tracker has',
	})
	await expect(
		lookAlikes.getByRole('row', { name: /Fraud Prevention System provider risk model/ }),
	).toContainText('Fraud Prevention System predictive models')
	await expectNoAccessibilityViolations(page)
	await lookAlikes.getByRole('button', { name: 'Each is a new use case' }).click()
	await expect(
		page.getByText('12 new use cases to create, each submitted for review'),
	).toBeVisible()
	await expect(
		page.getByText('3 rows of HHS not imported because of the problems below'),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await importAndWait(
		page,
		'Import 12 use cases',
		'Done: 12 created, 0 updated, 0 unchanged, 3 not imported.',
	)
	await expectNoAccessibilityViolations(page)

	// The same file again: every row already matches its case, and nothing is duplicated.
	await uploadForPreview(page, 'cms-ai-inventory-2025.csv')
	await expect(page.getByText(/^This exact file was imported on/)).toBeVisible()
	await expect(page.getByText('0 new use cases to create, each submitted for review')).toBeVisible()
	await expect(page.getByText('12 rows matching its use case already: unchanged')).toBeVisible()
	await importAndWait(
		page,
		'Import 12 use cases',
		'Done: 0 created, 0 updated, 12 unchanged, 3 not imported.',
	)
	await page.goto('/use-cases?q=IDR+Support+Bot')
	await expect(page.getByText('1 use case', { exact: true })).toBeVisible()

	// Last year's inventory is frozen; a year is opened once.
	await page.goto('/inventory/cycles')
	await expect(page.getByRole('heading', { name: 'Reporting years' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await page.getByLabel('Reporting year', { exact: true }).fill(String(lastYear))
	await page.getByRole('button', { name: 'Open and freeze the snapshot' }).click()
	await expect(
		page.getByRole('heading', { name: `${lastYear} AI use case inventory` }),
	).toBeVisible()
	await expect(
		page.getByText(
			'This is the first reporting year opened in the tracker, so there is no earlier snapshot to compare with.',
		),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await page.goto('/inventory/cycles')
	await page.getByLabel('Reporting year', { exact: true }).fill(String(lastYear))
	await page.getByRole('button', { name: 'Open and freeze the snapshot' }).click()
	await expect(
		page.getByText(
			new RegExp(
				`The ${lastYear} reporting year was opened on \\d{4}-\\d{2}-\\d{2} by Marcus Oyelaran\\. A year is opened once`,
			),
		),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)

	// The update HHS published, as Excel saves it: one new case, two changed, one unchanged.
	await uploadForPreview(page, 'cms-ai-inventory-2026-update.csv')
	await expect(page.getByText('1 new use case to create, each submitted for review')).toBeVisible()
	await expect(page.getByText('2 use cases to update')).toBeVisible()
	await expect(page.getByRole('row', { name: /Integrated Data Repository/ })).toContainText(
		'operational_date, pia_url, development_stage',
	)
	await importAndWait(
		page,
		'Import 4 use cases',
		'Done: 1 created, 2 updated, 1 unchanged, 0 not imported.',
	)

	// This year's inventory: what changed since last year, what is still missing, and the certification.
	await page.goto('/inventory/cycles')
	await page.getByLabel('Reporting year', { exact: true }).fill(String(thisYear))
	await page.getByRole('button', { name: 'Open and freeze the snapshot' }).click()
	await expect(
		page.getByRole('heading', { name: `${thisYear} AI use case inventory` }),
	).toBeVisible()
	const since = page.getByRole('region', { name: `Since the ${lastYear} inventory` })
	await expect(since.getByRole('region', { name: 'Added (1)' })).toContainText(
		'Plan Justification Tool: Pre-deployment',
	)
	await expect(since.getByRole('region', { name: 'Retired (1)' })).toContainText(
		'Content Analysis POC: was Pilot',
	)
	await expect(since.getByRole('region', { name: 'Moved stage (1)' })).toContainText(
		'Integrated Data Repository (IDR) Customer Analytic Environment (CAE): Pilot → Deployed',
	)
	await expect(since.getByRole('region', { name: /^No longer reported/ })).toContainText(
		`Text Network Analysis POC: Retired; reported as retired in ${lastYear}, which is its one time`,
	)
	const missing = page.getByRole('table', { name: /missing required columns/ })
	await expect(
		missing.getByRole('row', { name: /Production Operations Anomaly Analysis/ }),
	).toContainText('vendor_name')
	await expect(
		missing.getByRole('link', { name: 'Production Operations Anomaly Analysis' }),
	).toHaveAttribute('href', /^\/use-cases\/.+/)
	await expectNoAccessibilityViolations(page)

	await page
		.getByLabel('Certification note')
		.fill('Reviewed with every component’s AI lead; the gaps listed are being completed.')
	await page.getByRole('button', { name: 'Certify the submission' }).click()
	await expect(
		page.getByText(
			/use cases? lacks? columns OMB requires for (its|their) stage: confirm you certify knowing this/,
		),
	).toBeVisible()
	await page.getByLabel(/I certify knowing that/).check()
	await page.getByRole('button', { name: 'Certify the submission' }).click()
	const certification = page.getByRole('region', { name: 'Certification' })
	await expect(certification.getByText(/^Certified by Marcus Oyelaran on /)).toBeVisible()
	await expect(certification.getByText('Certification is final.')).toBeVisible()
	await expect(page.getByRole('button', { name: 'Certify the submission' })).toHaveCount(0)
	await expectNoAccessibilityViolations(page)

	// Leadership checks the inventory and downloads OMB's file and the public one.
	const leadershipContext = await browser.newContext()
	const leadership = await leadershipContext.newPage()
	await signIn(leadership, demoAccount('LEADERSHIP'))
	expect((await leadership.goto('/inventory/import'))?.status()).toBe(403)
	await leadership.goto('/inventory/export')
	await expect(
		leadership.getByRole('heading', { name: `Export the ${thisYear} inventory` }),
	).toBeVisible()
	await expect(
		leadership.getByRole('table', { name: 'Problems by use case' }).getByRole('link').first(),
	).toHaveAttribute('href', /^\/use-cases\/.+/)
	// Each column named as the form asks it, OMB's name beside it.
	await expect(leadership.getByRole('table', { name: 'Problems by column' })).toContainText(
		'Vendors (vendor_name)',
	)
	await expectNoAccessibilityViolations(leadership)
	const problemList = parse(
		await (await leadership.request.get('/inventory/export/problems.csv')).text(),
		{ bom: true, columns: true },
	) as Array<Record<string, string>>
	expect(problemList).toContainEqual(
		expect.objectContaining({
			use_case_name: 'Production Operations Anomaly Analysis',
			column: 'vendor_name',
			kind: 'MISSING',
		}),
	)

	const omb = await downloadCsv(leadership, 'OMB inventory (CSV)')
	expect(omb.fileName).toBe(`cms-ai-use-case-inventory-${thisYear}.csv`)
	expect(omb.header).toEqual(ombHeader)
	const fps = omb.rows.find(
		(row) => row.use_case_name === 'Fraud Prevention System provider risk model',
	)
	expect(fps).toMatchObject({
		id: 'HHS-1049',
		agency_bureau: 'HHS/CMS/CPI',
		contact_email: 'submitter@cms.example',
		is_withheld:
			'b) Yes – agency has determined that there’s a risk to disclosure, such as a harm to an interest protected by a FOIA exemption',
	})
	expect(omb.rows.find((row) => row.id === 'HHS-1042')?.development_stage).toBe(
		'c) Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.',
	)
	expect(omb.rows.map((row) => row.use_case_name)).not.toContain('Text Network Analysis POC')

	const published = await downloadCsv(leadership, 'Public inventory (CSV)')
	expect(published.header).toEqual(ombHeader)
	expect(published.rows.length).toBeLessThan(omb.rows.length)
	expect(published.rows.map((row) => row.use_case_name)).not.toContain(
		'Fraud Prevention System provider risk model',
	)
	expect(new Set(published.rows.map((row) => row.contact_email))).toEqual(
		new Set(['ai@cms.hhs.gov']),
	)
	expect(published.rows.find((row) => row.id === 'HHS-1041')?.use_case_name).toBe('IDR Support Bot')

	const json = await (
		await leadership.request.get('/inventory/export/omb.json?values=codes')
	).json()
	expect(json).toMatchObject({
		format: 'OMB 2025 individual AI use case inventory',
		agency: 'HHS',
		year: thisYear,
		values: 'codes',
	})
	expect(json.useCases).toHaveLength(omb.rows.length)
	expect(json.useCases.find((useCase: { id: string }) => useCase.id === 'HHS-1049')).toMatchObject({
		is_withheld: 'Yes - Disclosure Risk',
		demographic_features: ['c) Age'],
	})
	const cots = parse(await (await leadership.request.get('/inventory/export/cots.csv')).text(), {
		bom: true,
	}) as Array<Array<string>>
	expect(cots[0]).toEqual([
		'Agency',
		'AI Use Case',
		'Agency Use (Y/N)?',
		'Name of Commercial Product or Service Used',
		'Estimated # of Licenses/Users',
	])
	expect(cots).toHaveLength(21)

	// Each download is on the audit trail: who took which file.
	await leadership.goto('/audit?action=inventory.exported')
	const exports = leadership.getByRole('table').getByRole('row')
	await expect(exports.filter({ hasText: `Inventory ${thisYear}:omb.csv` })).toContainText(
		'Elena Vasquez',
	)
	await expect(exports.filter({ hasText: `Inventory ${thisYear}:public.csv` })).toContainText(
		'Elena Vasquez',
	)
	await leadershipContext.close()
})

test('a file over 5 MB is refused beside the field before it is sent, saying how large it is and what to do', async ({
	page,
}) => {
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	await page.goto('/inventory/import')
	const field = page.getByLabel('Inventory file (CSV, at most 5 MB)')
	await field.setInputFiles({
		name: 'everything.csv',
		mimeType: 'text/csv',
		buffer: Buffer.alloc(7 * 1024 * 1024, 'a'),
	})
	let uploads = 0
	page.on('request', (request) => {
		if (request.method() === 'POST') uploads++
	})
	await page.getByRole('button', { name: 'Check the file' }).click()
	await expect(
		page.getByText(/^The file is 7\.0 MB; at most 5 MB can be imported\. Split it/),
	).toBeVisible()
	await expect(field).toBeFocused()
	await expect(field).toHaveAttribute('aria-invalid', 'true')
	expect(uploads).toBe(0)
	await expectNoAccessibilityViolations(page)
})

test('a submitter reads the reporting years but cannot export, import or open one; a bad address is a 400', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	expect((await page.request.get('/inventory/export/omb.csv')).status()).toBe(403)
	expect((await page.request.get('/inventory/export/public.csv')).status()).toBe(403)
	expect((await page.goto('/inventory/export'))?.status()).toBe(403)
	expect((await page.goto('/inventory/import'))?.status()).toBe(403)
	await page.goto('/inventory/cycles')
	await expect(page.getByRole('heading', { name: 'Reporting years' })).toBeVisible()
	await expect(page.getByRole('button', { name: 'Open and freeze the snapshot' })).toHaveCount(0)
	await expectNoAccessibilityViolations(page)
	await signOut(page)

	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	expect((await page.request.get('/inventory/export/omb.csv?values=letters')).status()).toBe(400)
	expect(
		(await page.request.get('/inventory/export/public.csv?inbox=not-an-address')).status(),
	).toBe(400)
	expect((await page.goto('/inventory/cycles/1999'))?.status()).toBe(400)
	expect((await page.goto('/inventory/cycles/2099'))?.status()).toBe(404)
	expect((await page.request.get('/inventory/cycles/2099/omb.csv')).status()).toBe(404)
	expect((await page.goto('/inventory/import/no-such-import'))?.status()).toBe(404)
})
