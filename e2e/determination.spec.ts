import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import { submitIdentityProofingCase } from './support/use-case-steps.ts'

test('the governance lead records a high-impact determination; departing from the presumption needs a rationale', async ({
	page,
	browser,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	const caseUrl = await submitIdentityProofingCase(
		page,
		'Marketplace remote identity proofing risk score',
	)
	await expect(
		page.getByText('The checks presume it high-impact under M-25-21 §6(m).'),
	).toBeVisible()
	await expect(page.getByRole('button', { name: 'Record determination' })).toHaveCount(0)

	const leadContext = await browser.newContext()
	const lead = await leadContext.newPage()
	await signIn(lead, demoAccount('GOVERNANCE_LEAD'))
	await lead.goto(caseUrl)
	const section = lead.getByRole('region', { name: 'High-impact determination' })
	await section.getByLabel('Presumed high-impact, but determined not high impact').check()
	await section.getByRole('button', { name: 'Record determination' }).click()
	await expect(section.getByText(/explain why its output is not a principal basis/)).toBeVisible()
	await expectNoAccessibilityViolations(lead)

	// A presumed case cannot be recorded plainly "not high-impact", so the form does not offer it (the
	// server refuses it too, by the rule tested in app/modules/policies/determination.test.ts).
	await expect(section.getByRole('radio')).toHaveCount(2)
	await expect(section.getByLabel('Not high-impact', { exact: true })).toHaveCount(0)
	await expect(
		section.getByText(/^Required when the determination departs from the presumption: at least 40/),
	).toBeVisible()

	await section.getByLabel('Presumed high-impact, but determined not high impact').check()
	await section
		.getByLabel('Rationale')
		.fill(
			'The score only routes an application to a caseworker, who decides on the documents; no one is denied by the score.',
		)
	await section.getByRole('button', { name: 'Record determination' }).click()
	await expect(
		section.getByText(
			/Presumed high-impact, but determined not high impact, recorded by Marcus Oyelaran on [A-Z][a-z]{2} \d{1,2}, \d{4}\./,
		),
	).toBeVisible()
	await expect(section.getByText(/Rationale: The score only routes/)).toBeVisible()
	await leadContext.close()

	// The submitter sees it, and the history holds the frozen version it was made on.
	await page.goto(caseUrl)
	await expect(page.getByText(/recorded by Marcus Oyelaran/)).toBeVisible()
	await page.getByRole('link', { name: 'History' }).click()
	await expect(
		page.getByText(/Version 2: high-impact determination recorded by Marcus Oyelaran/),
	).toBeVisible()
})
