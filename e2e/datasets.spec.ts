import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'

test('anyone signed in browses, searches and filters the dataset catalogue', async ({ page }) => {
	await signIn(page, demoAccount('LEADERSHIP'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Datasets' })
		.click()
	await expect(page.getByRole('heading', { name: 'Dataset catalogue' })).toBeVisible()
	await expect(page.getByText(/^\d+ datasets$/)).toHaveText(/^(1[5-9]|2[0-5]) datasets$/)
	await expectNoAccessibilityViolations(page)

	await page.getByLabel('Search').fill('prescription drug event')
	await page.getByRole('button', { name: 'Apply' }).click()
	await expect(page).toHaveURL(/q=prescription/)
	await expect(page.getByRole('link', { name: /Part D prescription drug event/i })).toBeVisible()

	await page.getByLabel('Search').fill('')
	await page.getByLabel('Sensitivity').selectOption('PART2')
	await page.getByRole('button', { name: 'Apply' }).click()
	await expect(page.getByText('1 dataset', { exact: true })).toBeVisible()
	await page.getByRole('link', { name: /substance use/i }).click()
	await expect(page.getByText('Substance use disorder records (42 CFR Part 2)')).toBeVisible()
	await expect(page.getByRole('link', { name: 'Edit dataset' })).toHaveCount(0)
	await expectNoAccessibilityViolations(page)
})

test('a wrong filter value in the address is a clear 400, not a crash', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	const response = await page.goto('/datasets?category=NOT_A_CATEGORY')
	expect(response?.status()).toBe(400)
	await expect(page.getByRole('heading', { name: 'That request could not be read' })).toBeVisible()
})

test('an admin adds a dataset: errors show by the fields, the answers stay, and the steward can then edit it', async ({
	page,
	browser,
}) => {
	await signIn(page, demoAccount('ADMIN'))
	await page.goto('/datasets')
	await page.getByRole('link', { name: 'Add a dataset' }).click()
	await page.getByLabel('Name').fill('Medicare Shared Savings Program ACO assignment')
	await page.getByLabel('Privacy Act SORN number (optional)').fill('not-a-sorn')
	await page.getByRole('checkbox', { name: 'Personally identifiable information (PII)' }).check()
	await page.getByRole('button', { name: 'Add dataset' }).click()

	await expect(page.getByText('Describe what the dataset holds.')).toBeVisible()
	await expect(page.getByText('Choose a category.')).toBeVisible()
	await expect(
		page.getByText(
			'A SORN number looks like 09-70-0558 (or OPM/GOVT-1 for a government-wide notice).',
		),
	).toBeVisible()
	await expect(page.getByLabel('Name')).toHaveValue(
		'Medicare Shared Savings Program ACO assignment',
	)
	await expect(
		page.getByRole('checkbox', { name: 'Personally identifiable information (PII)' }),
	).toBeChecked()

	await page
		.getByLabel('Description')
		.fill(
			'Beneficiary assignment lists that CMS sends to Accountable Care Organizations each quarter.',
		)
	await page.getByLabel('Category').selectOption('ENROLLMENT_ELIGIBILITY')
	await page
		.getByLabel('Owning org unit')
		.selectOption({ label: 'HHS/CMS/CM — Center for Medicare' })
	await page.getByLabel('Privacy Act SORN number (optional)').fill('09-70-0558')
	await page.getByLabel('Data steward’s e-mail (optional)').fill(demoAccount('REVIEWER').email)
	await page.getByRole('button', { name: 'Add dataset' }).click()

	await expect(
		page.getByRole('heading', { name: 'Medicare Shared Savings Program ACO assignment' }),
	).toBeVisible()
	await expect(page.getByText('Priya Raman (reviewer@cms.example)')).toBeVisible()
	// The dataset's own address, without the one-time "saved" notice.
	const datasetUrl = page.url().split('?')[0]!

	// The steward edits; an admin tab opened earlier then saves over it and is refused.
	const stewardContext = await browser.newContext()
	const steward = await stewardContext.newPage()
	await signIn(steward, demoAccount('REVIEWER'))
	await page.goto(`${datasetUrl}/edit`)
	await steward.goto(datasetUrl)
	await steward.getByRole('link', { name: 'Edit dataset' }).click()
	await steward
		.getByLabel('FISMA system it lives in (optional)')
		.fill('Integrated Data Repository (IDR)')
	await steward.getByRole('button', { name: 'Save dataset' }).click()
	await expect(steward.getByText('Integrated Data Repository (IDR)')).toBeVisible()

	await page
		.getByLabel('FISMA system it lives in (optional)')
		.fill('Chronic Conditions Data Warehouse')
	await page.getByRole('button', { name: 'Save dataset' }).click()
	await expect(page.getByRole('alert')).toContainText(
		'Someone else saved this dataset after you opened it',
	)
	await expect(page.getByLabel('FISMA system it lives in (optional)')).toHaveValue(
		'Chronic Conditions Data Warehouse',
	)
	await stewardContext.close()
})

test('a submitter can neither add a dataset nor edit one they do not steward', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	expect((await page.goto('/datasets/new'))?.status()).toBe(403)
	await page.goto('/datasets')
	await page.getByRole('link', { name: /Part D prescription drug event/i }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: /Part D prescription drug event/i }),
	).toBeVisible()
	await expect(page.getByRole('link', { name: 'Edit dataset' })).toHaveCount(0)
	expect((await page.goto(`${page.url()}/edit`))?.status()).toBe(403)
})
