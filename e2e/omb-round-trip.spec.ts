import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
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

// A file shaped like OMB's consolidated inventory: CMS's rows with answers over several lines, dates
// with times, months and years, "Not available" links, two contacts; one row of another HHS division
// and one of another agency.
const fixture = 'e2e/fixtures/omb-multiline-answers.csv'

async function checkFile(page: Page, file: string, name: string) {
	await page.goto('/inventory/import')
	await page
		.getByLabel('Inventory file (CSV, at most 5 MB)')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: readFileSync(file) })
	await page.getByRole('button', { name: 'Check the file' }).click()
	await expect(page.getByRole('heading', { name: `Check before importing: ${name}` })).toBeVisible()
}

test('a file with answers over several lines imports, exports, and imports back changing nothing', async ({
	page,
}) => {
	test.setTimeout(180_000)
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	await checkFile(page, fixture, 'omb-multiline-answers.csv')
	// Other agencies and divisions are one line each, not a problem per row.
	await expect(
		page.getByText('1 row of 1 other agency: not imported (one line each below)'),
	).toBeVisible()
	const groups = page.getByRole('table', { name: 'By problem and column' })
	await expect(groups.getByRole('row', { name: /Another agency’s rows/ })).toContainText(
		'Not imported',
	)
	await expect(groups.getByRole('row', { name: /Kept as written pia_url/ })).toContainText(
		'Imported; this answer kept as written',
	)
	await expectNoAccessibilityViolations(page)
	// Filtering the list to one kind and column; the CSV of problems has the same rows.
	await page.getByRole('link', { name: 'Kept as written' }).first().click()
	const list = page.getByRole('table', { name: /shown by the filters, row by row/ })
	await expect(list.getByRole('row')).not.toHaveCount(1)
	const csvHref = await page
		.getByRole('link', { name: 'Download these problems (CSV)' })
		.getAttribute('href')
	const problems = parse(await (await page.request.get(csvHref!)).text(), {
		bom: true,
		columns: true,
	}) as Array<Record<string, string>>
	expect(problems.length).toBeGreaterThan(0)
	expect(problems.every((problem) => problem.problem === 'KEPT_AS_WRITTEN')).toBe(true)
	await page.getByRole('link', { name: 'Show every problem' }).click()

	if (await page.getByRole('button', { name: 'Each is a new use case' }).isVisible())
		await page.getByRole('button', { name: 'Each is a new use case' }).click()
	await expect(
		page.getByText('14 new use cases to create, each submitted for review'),
	).toBeVisible()
	await page.getByRole('button', { name: 'Import 14 use cases' }).click()
	await expect(page.getByRole('status')).toHaveText(
		/^Done: 14 created, 0 updated, 0 unchanged, 1 not imported\.$/,
		{ timeout: 90_000 },
	)

	// The tracker's OMB file, as downloaded, holds each answer with its line breaks.
	const exported = await (await page.request.get('/inventory/export/omb.csv?values=codes')).text()
	const records = parse(exported, { bom: true, columns: true }) as Array<Record<string, string>>
	const ours = records.filter((record) => (record.use_case_name ?? '').startsWith('Round-trip'))
	expect(ours).toHaveLength(14)
	const original = parse(readFileSync(fixture, 'utf8'), { bom: true, columns: true }) as Array<
		Record<string, string>
	>
	for (const record of ours) {
		const source = original.find((row) => row.use_case_name === record.use_case_name)!
		expect(record.problem_solved, record.use_case_name).toBe((source.problem_solved ?? '').trim())
		expect(record.system_outputs).toBe((source.system_outputs ?? '').trim())
	}
	expect(ours.some((record) => (record.problem_solved ?? '').includes('\n'))).toBe(true)
	// A PIA the file said is not public is kept as the file wrote it, on the case's page too.
	const notPublic = ours.find(
		(record) =>
			record.pia_url === 'PIA not publicly available' && (record.use_case_name ?? '').length < 100,
	)!
	await page.goto(`/use-cases?q=${encodeURIComponent(notPublic.use_case_name!)}`)
	await page.getByRole('link', { name: notPublic.use_case_name! }).click()
	await expect(page.getByRole('region', { name: 'Kept as written' })).toContainText(
		'PIA not publicly available',
	)
	await expectNoAccessibilityViolations(page)

	// Imported back exactly as downloaded: nothing is created and nothing changes.
	const directory = mkdtempSync(path.join(tmpdir(), 'round-trip-'))
	const file = path.join(directory, 'cms-omb-export.csv')
	writeFileSync(file, exported)
	await checkFile(page, file, 'cms-omb-export.csv')
	await expect(page.getByText(/^0 new use cases to create/)).toBeVisible()
	await expect(page.getByText(/^0 use cases to update/)).toBeVisible()
	await expect(page.getByText(/^0 rows that may be a use case the tracker has/)).toHaveCount(0)
	await page.getByRole('button', { name: /^Import \d+ use cases$/ }).click()
	await expect(page.getByRole('status')).toHaveText(
		/^Done: 0 created, 0 updated, \d+ unchanged, \d+ not imported\.$/,
		{ timeout: 90_000 },
	)
	await expectNoAccessibilityViolations(page)
})

test('an administrator keeps the org units; a governance lead maps an unknown component from the preview', async ({
	page,
}) => {
	await signIn(page, demoAccount('ADMIN'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Org units' })
		.click()
	await expect(page.getByRole('heading', { name: 'Org units' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'HHS/CMS/OPOLE' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await page.getByLabel('Abbreviation').fill('IDEA')
	await page.getByLabel('Full name').fill('Innovation and Data Experimentation Accelerator')
	await page.getByRole('button', { name: 'Add the unit' }).click()
	await expect(page.getByRole('status')).toHaveText('HHS/CMS/IDEA was added.')
	await page.getByRole('link', { name: 'HHS/CMS/IDEA' }).click()
	await expect(
		page.getByRole('heading', {
			name: 'Innovation and Data Experimentation Accelerator',
			level: 1,
		}),
	).toBeVisible()
	await page.getByLabel('Abbreviation').fill('IDEAS')
	await page.getByRole('button', { name: 'Rename' }).click()
	await expect(page.getByRole('status')).toHaveText('Renamed.')
	await expect(page.getByText('HHS/CMS/IDEAS', { exact: true })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await signOut(page)

	// A governance lead meets a component the tracker does not know, and maps it to a unit.
	await signIn(page, demoAccount('GOVERNANCE_LEAD'))
	expect((await page.goto('/admin/org-units'))?.status()).toBe(403)
	const directory = mkdtempSync(path.join(tmpdir(), 'unknown-component-'))
	const file = path.join(directory, 'cms-components.csv')
	writeFileSync(
		file,
		'agency,use_case_name,agency_bureau,development_stage\nHHS,Press release drafting assistant,CMS/Digital Service at CMS,Pilot\n',
	)
	await checkFile(page, file, 'cms-components.csv')
	const components = page.getByRole('region', { name: 'Components the tracker does not know' })
	await expect(components).toContainText('“CMS/Digital Service at CMS”: 1 row (first on row 2)')
	await expectNoAccessibilityViolations(page)
	await components
		.getByLabel('It is this org unit')
		.selectOption({ label: 'HHS/CMS/IDEAS — Innovation and Data Experimentation Accelerator' })
	await components.getByRole('button', { name: 'Map to this unit' }).click()
	await expect(
		page.getByRole('region', { name: 'Components the tracker does not know' }),
	).toHaveCount(0)
	await expect(page.getByText('1 new use case to create, each submitted for review')).toBeVisible()
})
