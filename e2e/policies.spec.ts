import { readdirSync } from 'node:fs'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import {
	openCaseTab,
	openSection,
	saveDraft,
	submitIdentityProofingCase,
} from './support/use-case-steps.ts'

/** The newest release in the repository, the one a fresh database starts on, as a pattern: `2026\.3`. */
const newestRelease = readdirSync('app/modules/policies/pack')
	.flatMap((file) => {
		const match = /^federal-ai-policy-pack-(\d{4})\.(\d+)\.json$/.exec(file)
		return match ? [[Number(match[1]), Number(match[2])] as const] : []
	})
	.sort(([yearA, a], [yearB, b]) => yearA - yearB || a - b)
	.map(([year, number]) => `${year}\\.${number}`)
	.at(-1)!

test('findings update as a submitter answers, and each cites a clause that opens its reference page', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill('Marketplace identity proofing risk score')
	await page.getByRole('button', { name: 'Create draft' }).click()
	const findings = page.getByRole('region', { name: 'Policy findings' })
	await expect(findings).toContainText('Not presumed high-impact.')

	// The findings follow the answers as they are given, before anything is saved.
	await openSection(page, 'Decisions and people affected')
	await page.getByLabel('What role does the AI play in decisions?').selectOption('PRINCIPAL_BASIS')
	await page
		.getByRole('group', { name: 'Which decisions does it inform?' })
		.getByLabel('Identity proofing or access to benefits systems')
		.check()
	await expect(findings).toContainText('Presumed high-impact under M-25-21 §6(m).')
	await expect(
		page.getByText(
			'These findings follow your answers as you type; they are not saved until you save.',
		),
	).toBeVisible()
	await page
		.getByRole('group', { name: 'Which decisions does it inform?' })
		.getByLabel('Identity proofing or access to benefits systems')
		.uncheck()
	await expect(findings).toContainText('Not presumed high-impact.')
	await page
		.getByRole('group', { name: 'Which decisions does it inform?' })
		.getByLabel('Identity proofing or access to benefits systems')
		.check()
	await expect(findings).toContainText('Presumed high-impact under M-25-21 §6(m).')
	await saveDraft(page)
	await expect(findings).toContainText('Presumed high-impact under M-25-21 §6(m).')
	await expect(findings).toContainText('CAIO determination')
	await expectNoAccessibilityViolations(page)

	await findings.getByRole('link', { name: 'M2521-6', exact: true }).first().click()
	await expect(page).toHaveURL(/\/policies\/M2521-6$/)
	// The address changes a moment before the reference page replaces the case page, whose findings
	// link to the same clause; its heading says the new page is the one on screen.
	await expect(page.getByRole('heading', { name: 'Checks that cite this clause' })).toBeVisible()
	await expect(page.getByText('M2521-6', { exact: true })).toBeVisible()
	await expect(page.getByText(/M2521-4A-C1/)).toBeVisible()
	await expectNoAccessibilityViolations(page)
})

test('the policy library is searchable and keeps superseded instruments readable', async ({
	page,
}) => {
	await signIn(page, demoAccount('REVIEWER'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Policy library' })
		.click()
	await page.getByLabel('Search clauses').fill('business associate')
	await page.getByRole('button', { name: 'Search' }).click()
	await expect(page.getByRole('link', { name: 'HIPAA-BAA' })).toBeVisible()

	await page.goto('/policies/M2410')
	await expect(page.getByText(/Superseded by/)).toBeVisible()
	await page.getByRole('link', { name: /^M2521-1:/ }).click()
	await expect(page).toHaveURL(/\/policies\/M2521-1$/)
	expect((await page.goto('/policies/NO-SUCH-CLAUSE'))?.status()).toBe(404)
	expect((await page.goto('/policies/bad%20id'))?.status()).toBe(400)
})

test('an admin changes a check’s severity, publishes the next pack, and watches every open case checked again', async ({
	page,
}) => {
	await signIn(page, demoAccount('ADMIN'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Policy pack editor' })
		.click()
	await expect(page.getByRole('heading', { name: 'Policy pack editor' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	const settings = page.getByRole('form', { name: 'Settings for M2521-8-C1' })
	await settings.getByLabel('Severity').selectOption('INFO')
	await settings.getByRole('button', { name: 'Save M2521-8-C1' }).click()
	await expect(
		page.getByRole('form', { name: 'Settings for M2521-8-C1' }).getByLabel('Severity'),
	).toHaveValue('INFO')
	const draftVersion = (await page
		.getByRole('link', { name: /^Review and publish draft / })
		.textContent())!
		.replace('Review and publish draft ', '')
		.trim()
	expect(draftVersion).toMatch(new RegExp(`^${newestRelease}\\.\\d+$`))

	// Until it is published, the library still shows the pack in force.
	await page.goto('/policies/M2521-8')
	await expect(page.getByText(/M2521-8-C1: .*\(warning,/)).toBeVisible()

	// Before publishing, the page shows what changes and how many cases are checked again.
	await page.goto('/admin/policy-pack')
	await page.getByRole('link', { name: `Review and publish draft ${draftVersion}` }).click()
	await expect(page.getByRole('heading', { name: `Publish draft ${draftVersion}` })).toBeVisible()
	const changed = page.getByRole('table', { name: 'Changed checks' })
	await expect(changed.getByRole('row', { name: /M2521-8-C1/ })).toContainText(
		'severity: WARNING → INFO',
	)
	await expectNoAccessibilityViolations(page)
	await page
		.getByRole('button', {
			name: new RegExp(
				`^Publish pack ${draftVersion.replaceAll('.', '\\.')} and re-check \\d+ use cases$`,
			),
		})
		.click()
	await expect(
		page.getByRole('heading', { name: `Checking every use case against pack ${draftVersion}` }),
	).toBeVisible()
	await expect(page.getByRole('status')).toContainText(/Done: (\d+) of \1 use cases checked/, {
		timeout: 60_000,
	})
	await expect(page.getByRole('progressbar', { name: 'Progress' })).toBeVisible()
	await expectNoAccessibilityViolations(page)

	await page.goto('/policies/M2521-8')
	await expect(page.getByText(/M2521-8-C1: .*\(info,/)).toBeVisible()
	await page.goto('/policies')
	await expect(
		page.getByText(new RegExp(`pack ${draftVersion.replace('.', '\\.')}`)).first(),
	).toBeVisible()
})

test('a presumed high-impact case opens the privacy, legal and civil-rights lanes besides the CAIO’s, whatever the submitter answered', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	const caseUrl = await submitIdentityProofingCase(
		page,
		'Marketplace identity risk score for the board review',
	)
	await page.goto(caseUrl)
	await openCaseTab(page, 'Review')
	const review = page.getByRole('region', { name: /^Review/ })
	for (const lane of ['Privacy', 'Legal', 'Civil rights', 'CAIO determination']) {
		await expect(review.getByRole('row', { name: new RegExp(`^${lane}`) })).toContainText(
			'Unassigned',
		)
	}
	await expect(review.getByRole('row')).toHaveCount(5)
	await openCaseTab(page, 'Findings')
	const findings = page.getByRole('region', { name: 'Policy findings' })
	await expect(findings).toContainText('Reviewers it needs whatever the answers:')
	await expect(findings).toContainText(
		'CAIO determination, Privacy, Legal, Civil rights: it is presumed high-impact under M-25-21 §6(m)',
	)
	await expectNoAccessibilityViolations(page)
})

test('the administrator sees the release that ships with the tracker in force on a fresh database, and the routing rules’ lanes', async ({
	page,
}) => {
	await signIn(page, demoAccount('ADMIN'))
	await page.goto('/admin/policy-pack')
	// The release that ships is in force (or an edition of it published by an earlier journey).
	await expect(
		page.getByText(new RegExp(`In force: pack ${newestRelease}(\\.\\d+)? `)),
	).toBeVisible()
	await expect(page.getByRole('heading', { name: /is waiting for publication/ })).toHaveCount(0)
	const highImpact = page.getByRole('form', { name: 'Lanes for ROUTE-HIGH-IMPACT' })
	for (const lane of ['Privacy', 'Legal', 'Civil rights', 'CAIO determination'])
		await expect(highImpact.getByLabel(lane, { exact: true })).toBeChecked()
	await expect(highImpact.getByLabel('Security', { exact: true })).not.toBeChecked()
	await expect(page.getByLabel(/Publish a new release automatically/)).not.toBeChecked()
	expect((await page.goto('/admin/policy-pack/publish/2019.1'))?.status()).toBe(404)
	expect((await page.goto('/admin/policy-pack/publish/not-a-version'))?.status()).toBe(400)
})

test('two administrators change the draft at once: the second is told, with a 409, and keeps what they set', async ({
	page,
	browser,
}) => {
	await signIn(page, demoAccount('ADMIN'))
	const other = await (await browser.newContext()).newPage()
	await signIn(other, demoAccount('ADMIN'))
	await page.goto('/admin/policy-pack')
	await other.goto('/admin/policy-pack')

	const mine = page.getByRole('form', { name: 'Settings for M2521-2B-C2' })
	await mine.getByLabel('Severity').selectOption('BLOCKING')
	await mine.getByRole('button', { name: 'Save M2521-2B-C2' }).click()
	await expect(
		page.getByRole('form', { name: 'Settings for M2521-2B-C2' }).getByLabel('Severity'),
	).toHaveValue('BLOCKING')

	// The other administrator still has the page as it was before that save.
	const theirs = other.getByRole('form', { name: 'Settings for EO14179-SEC2-C1' })
	await theirs.getByLabel('Severity').selectOption('INFO')
	const answer = other.waitForResponse(
		(response) =>
			response.request().method() === 'POST' && response.url().includes('/admin/policy-pack'),
	)
	await theirs.getByRole('button', { name: 'Save EO14179-SEC2-C1' }).click()
	expect((await answer).status()).toBe(409)
	await expect(other.getByRole('alert')).toContainText(
		'Another administrator changed the draft pack',
	)
	await expect(theirs.getByLabel('Severity')).toHaveValue('INFO')
	await expect(theirs).toContainText('Not saved')
	await expectNoAccessibilityViolations(other)
	await other.context().close()
})
