import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import {
	linkDataset,
	openCaseTab,
	openSection,
	registerDraft,
	signedInAs,
	submitForReview,
} from './support/use-case-steps.ts'

test('a deployed high-impact case missing its appeal process is blocked; an expired CAIO waiver still blocks, a current one lets the lead approve', async ({
	page,
	browser,
}) => {
	// A Marketplace eligibility model, deployed, whose output is the principal basis for eligibility.
	await signIn(page, demoAccount('SUBMITTER'))
	const name = 'Marketplace income inconsistency resolution model'
	const caseUrl = await registerDraft(
		page,
		name,
		'Income inconsistencies take caseworkers weeks to resolve.',
	)
	await page.getByLabel('Stage of development').selectOption('DEPLOYED')
	await page.getByLabel('Topic area').selectOption('GOVERNMENT_BENEFITS_PROCESSING')
	await page.getByLabel('AI classification (closest)').selectOption('CLASSICAL_ML')
	await page
		.getByRole('group', { name: /fixed rules or robotic process automation/ })
		.getByLabel('No')
		.check()
	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Consumers keep their coverage without gaps.')
	await page
		.getByLabel('What does the AI output?')
		.fill('A resolve-or-refer decision for each inconsistency.')
	await page.getByLabel(/Date it became operational/).fill('2025-08-01')
	await openSection(page, 'Decisions and people affected')
	await page.getByLabel('What role does the AI play in decisions?').selectOption('PRINCIPAL_BASIS')
	await page
		.getByRole('group', { name: 'Which decisions does it inform?' })
		.getByLabel('Eligibility or enrollment')
		.check()
	await page
		.getByRole('group', { name: 'Whose outcomes does it affect?' })
		.getByLabel(/beneficiaries/)
		.check()
	await page
		.getByLabel(/Why is its output, or is it not, a principal basis/)
		.fill('Resolved inconsistencies close without a caseworker looking at them.')
	await page
		.getByRole('group', { name: /public interact with it directly/ })
		.getByLabel('No')
		.check()
	await openSection(page, 'Technology and sourcing')
	await page
		.getByRole('group', { name: /generative AI or a large language model/ })
		.getByLabel('No')
		.check()
	await page.getByLabel('Where does it run?').selectOption('CMS_DATA_CENTER')
	await page.getByLabel('Was it purchased, developed in-house, or both?').selectOption('IN_HOUSE')
	await page
		.getByRole('group', { name: /Authorization to Operate/ })
		.getByLabel('Yes')
		.check()
	await page.getByLabel('System name in the ATO').fill('Federally Facilitated Marketplaces (FFM)')
	await page
		.getByRole('group', { name: /custom-developed code/ })
		.getByLabel('No')
		.check()
	await openSection(page, 'Data')
	await page
		.getByLabel('Describe the data used to train, fine-tune or evaluate the model')
		.fill('Three years of resolved inconsistencies.')
	await page
		.getByRole('group', { name: /PII that the agency maintains/ })
		.getByLabel('Yes')
		.check()
	await page
		.getByRole('group', { name: /demographic variables/ })
		.getByLabel('Income')
		.check()
	await linkDataset(page, /Federally-facilitated Exchange eligibility/)
	const ffe = page.getByRole('group', { name: /Federally-facilitated Exchange eligibility/ })
	await ffe.getByLabel('Operation (inputs at run time)').check()
	await ffe
		.getByLabel(/Why is this data needed/)
		.fill('Household income fields and the inconsistency record only.')
	await openSection(page, 'Safeguards')
	const safeguards = page.getByRole('region', { name: 'Safeguards' })
	await safeguards
		.getByRole('group', { name: /Privacy Impact Assessment completed/ })
		.getByLabel('Yes')
		.check()
	await safeguards
		.getByRole('group', { name: /retrieved by name or another personal identifier/ })
		.getByLabel('Yes')
		.check()
	await safeguards.getByLabel('SORN number that covers the records').fill('09-70-0560')
	await safeguards
		.getByRole('group', { name: /matched with another agency/ })
		.getByLabel('No')
		.check()
	await openSection(page, 'Public reporting')
	await page.getByLabel('Should it be withheld from the public inventory?').selectOption('NO')
	await submitForReview(page)
	await expect(page).toHaveURL(/\?submitted=1$/)

	// The lead determines it high-impact and asks for the seven practices.
	const lead = await signedInAs(browser, 'GOVERNANCE_LEAD')
	await lead.goto(caseUrl)
	const determination = lead.getByRole('region', { name: 'High-impact determination' })
	await determination.getByLabel('High-impact', { exact: true }).check()
	await determination.getByRole('button', { name: 'Record determination' }).click()
	await expect(determination.getByText(/High-impact, recorded by Marcus Oyelaran/)).toBeVisible()
	await openCaseTab(lead, 'Review')
	await lead.getByRole('link', { name: 'Decide' }).click()
	await lead.getByLabel('Send back to the submitters for changes').check()
	await lead.getByLabel('Reasons').fill('Document the seven minimum practices of M-25-21 §4(b).')
	await lead.getByRole('button', { name: 'Record decision' }).click()
	await expect(lead.getByText('Changes requested', { exact: true }).first()).toBeVisible()

	// The submitter documents six of them; the appeal process is still being set up.
	await page.goto(`${caseUrl}/edit?section=practices`)
	await page.getByLabel('Pre-deployment testing (§4(b)(i))').selectOption('YES')
	await page.getByLabel('AI impact assessment (§4(b)(ii))').selectOption('YES')
	await page
		.getByLabel(/Potential impacts, including on privacy/)
		.fill('Wrongly unresolved cases could end coverage; covered by the FFM PIA.')
	await page.getByLabel('Ongoing monitoring (§4(b)(iii))').selectOption('YES')
	await page.getByLabel('Operator training (§4(b)(iv))').selectOption('YES')
	await page.getByLabel('Fail-safe (§4(b)(v))').selectOption('YES')
	await page.getByLabel('Appeal process (§4(b)(vi))').selectOption('IN_PROGRESS')
	await page
		.getByRole('group', { name: /Consultation with end users and the public/ })
		.getByLabel('Direct usability testing')
		.check()
	await submitForReview(page, 'Resubmit for review')
	await expect(
		page
			.getByRole('complementary', { name: 'At a glance' })
			.getByText('In review', { exact: true }),
	).toBeVisible()

	// The lead takes every lane and approves them.
	await lead.goto(`${caseUrl}/assign`)
	for (const form of await lead.getByRole('form', { name: /^Assign the / }).all()) {
		if (!(await form.getByRole('button', { name: 'Assign' }).count())) continue
		await form
			.getByRole('combobox')
			.first()
			.selectOption({ label: 'Marcus Oyelaran (governance@cms.example)' })
		await form.getByRole('button', { name: 'Assign' }).click()
		await expect(lead.getByRole('status')).toContainText('lane assigned')
	}
	await lead.goto(caseUrl)
	await openCaseTab(lead, 'Review')
	while (await lead.getByRole('link', { name: /^Review the .* lane$/ }).count()) {
		await lead
			.getByRole('link', { name: /^Review the .* lane$/ })
			.first()
			.click()
		await lead.getByLabel('Approve this lane').check()
		await lead.getByLabel('Note').fill('Reviewed.')
		await lead.getByRole('button', { name: 'Record decision' }).click()
		await expect(lead).toHaveURL(/[?&]lane=approve$/)
		// The address changes before the case page replaces the lane's: count its links once it has.
		await expect(lead.getByLabel('Approve this lane')).toHaveCount(0)
	}

	// Approval is refused: the appeal process is late and nothing waives it.
	await lead.getByRole('link', { name: 'Decide' }).click()
	await expect(lead.getByText(/Blocking checks failing today.*Remedies and appeals/)).toBeVisible()
	await lead.getByLabel('Approve', { exact: true }).check()
	await lead.getByLabel('Reasons').fill('Approved for continued operation.')
	await lead.getByRole('button', { name: 'Record decision' }).click()
	await expect(lead.getByRole('alert')).toContainText(
		'A blocking check fails and no CAIO waiver covers it',
	)

	// The practice tracker shows the late practice; an expired waiver does not cover it.
	await lead.goto(caseUrl)
	await openCaseTab(lead, 'Minimum practices')
	const appeal = lead.getByRole('row', { name: /Remedy and appeal/ })
	await expect(appeal).toContainText('In progress')
	await expect(appeal).toContainText('Late: past 2026-04-03')
	await expectNoAccessibilityViolations(lead)
	const grant = lead.getByRole('form', { name: /Grant a waiver/ })
	await grant.getByLabel('Practice waived').selectOption('APPEAL')
	await grant
		.getByLabel('Written risk assessment')
		.fill(
			'Appeals run through the existing Marketplace appeals process until the AI-specific one is live.',
		)
	await grant.getByLabel('Granted on').fill('2025-06-01')
	await grant.getByLabel('Expires on (optional)').fill('2025-12-31')
	await grant.getByRole('button', { name: 'Grant waiver' }).click()
	await expect(lead.getByRole('status')).toContainText('Recorded')
	await expect(lead.getByRole('row', { name: /Remedy and appeal/ })).toContainText('Late')
	await lead.goto(`${caseUrl}/decide`)
	await expect(lead.getByText(/Blocking checks failing today.*Remedies and appeals/)).toBeVisible()

	// A current waiver, reported to OMB, covers it: the blocking check stops blocking.
	await lead.goto(`${caseUrl}/governance`)
	await grant.getByLabel('Practice waived').selectOption('APPEAL')
	await grant
		.getByLabel('Written risk assessment')
		.fill('Marketplace appeals cover AI-informed decisions until the new process is live in March.')
	await grant
		.getByLabel('Reported to OMB on (optional)')
		.fill(new Date().toISOString().slice(0, 10))
	await grant.getByRole('button', { name: 'Grant waiver' }).click()
	await expect(lead.getByRole('row', { name: /Remedy and appeal/ })).toContainText(
		'Waived by the CAIO until',
	)
	await lead.goto(`${caseUrl}/decide`)
	await expect(lead.getByText('No blocking check fails today.')).toBeVisible()
	await lead.getByLabel('Approve', { exact: true }).check()
	await lead
		.getByLabel('Reasons')
		.fill('Approved for continued operation under the CAIO waiver of the appeal practice.')
	await lead.getByRole('button', { name: 'Record decision' }).click()
	await expect(lead.getByText('Approved', { exact: true }).first()).toBeVisible()
	await openCaseTab(lead, 'Review')
	await expect(lead.getByRole('region', { name: 'Decisions' })).toContainText(
		'Approved by Marcus Oyelaran',
	)
})
