import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import {
	linkDataset,
	openSection,
	registerDraft,
	saveDraft,
	submitForReview,
} from './support/use-case-steps.ts'

test('a submitter registers a generative-AI pilot on Medicare claims through a vendor API, from draft to submission', async ({
	page,
	browser,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'My use cases' })
		.click()
	await page.getByRole('link', { name: 'Register a use case' }).click()
	await expectNoAccessibilityViolations(page)
	const caseUrl = await registerDraft(
		page,
		'1-800-MEDICARE call summariser',
		'Representatives spend two minutes writing up each call.',
	)
	await expectNoAccessibilityViolations(page)

	// Conditional questions follow the answers.
	await openSection(page, 'Technology and sourcing')
	await expect(page.getByLabel('Vendor name(s)')).toHaveCount(0)
	await page.getByLabel('Was it purchased, developed in-house, or both?').selectOption('PURCHASED')
	await expect(page.getByLabel('Vendor name(s)')).toBeVisible()
	await page.getByLabel('Was it purchased, developed in-house, or both?').selectOption('IN_HOUSE')
	await expect(page.getByLabel('Vendor name(s)')).toHaveCount(0)
	await page.getByLabel('Was it purchased, developed in-house, or both?').selectOption('PURCHASED')
	await page.getByLabel('Vendor name(s)').fill('Example Speech Analytics, Inc.')

	const ato = page.getByRole('group', { name: /Authorization to Operate/ })
	await ato.getByLabel('Yes').check()
	await expect(page.getByLabel('System name in the ATO')).toBeVisible()
	await ato.getByLabel('No').check()
	await expect(page.getByLabel('System name in the ATO')).toHaveCount(0)
	await ato.getByLabel('Yes').check()
	await page.getByLabel('System name in the ATO').fill('Contact Center Operations (CCO)')
	await page
		.getByRole('group', { name: /generative AI or a large language model/ })
		.getByLabel('Yes')
		.check()
	await page.getByLabel('Where does it run?').selectOption('VENDOR_API')

	await openSection(page, 'About the use case')
	await expect(page.getByLabel(/Date it became operational/)).toHaveCount(0)
	await page.getByLabel('Stage of development').selectOption('PILOT')
	await expect(page.getByLabel(/Date it became operational/)).toBeVisible()

	// Link two datasets, then save the draft and leave.
	await linkDataset(page, /Part B carrier and DMEPOS/)
	await linkDataset(page, /Master Beneficiary Summary File/)
	await saveDraft(page)
	await page.goto('/')

	// Come back: answers are there; submitting lists what is missing, each linked to its question.
	await page.goto(`${caseUrl}/edit`)
	await expect(page.getByLabel('Stage of development')).toHaveValue('PILOT')
	await openSection(page, 'Technology and sourcing')
	await expect(page.getByLabel('Vendor name(s)')).toHaveValue('Example Speech Analytics, Inc.')
	await expect(page.getByLabel('System name in the ATO')).toHaveValue(
		'Contact Center Operations (CCO)',
	)
	// The check step counts and lists what Submit will ask for, the dataset's reason among them.
	await openSection(page, 'Check your answers and submit')
	const check = page.getByRole('region', { name: /Check your answers and submit/ })
	const counted = await check
		.getByText(/^\d+ questions? needs? an answer before you can submit/)
		.textContent()
	await expect(
		check.getByRole('term').filter({ hasText: /Part B carrier and DMEPOS.*: why it is needed$/ }),
	).toBeVisible()
	await submitForReview(page)
	const summary = page.getByRole('alert')
	await expect(summary).toContainText('Your answers are saved as a draft, but')
	await expect(summary).toContainText(counted!.split(' before')[0]!)
	// The summary takes focus, so the person (scrolled down at the button) is taken to it.
	await expect(page.locator('#error-summary')).toBeFocused()
	await summary
		.getByRole('link', { name: 'Describe the expected benefits for the mission or the public.' })
		.click()
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toBeFocused()
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toHaveAttribute(
		'aria-invalid',
		'true',
	)
	await summary
		.getByRole('link', {
			// The dataset named once, then what to do.
			name: 'Medicare fee-for-service Part B carrier and DMEPOS claims (NCH/IDR): It holds PHI, so explain why the use case needs it (minimum necessary).',
		})
		.click()
	// The link lands on the answer it asks for: the dataset's "why is this data needed?".
	const partB = page.getByRole('group', { name: /Part B carrier and DMEPOS/ })
	await expect(partB.getByLabel(/Why is this data needed/)).toBeFocused()
	await expect(partB.getByText(/holds PHI, so explain why the use case needs it/)).toBeVisible()

	// A wrong answer found on leaving its field is shown beside it, not added to the summary above,
	// which would push the page down under the pointer.
	await openSection(page, 'About the use case')
	const contact = page.getByLabel('Contact e-mail for the inventory')
	const savedContact = await contact.inputValue()
	await contact.fill('dana.whitfield@cms')
	await contact.press('Tab')
	const emailProblem = 'Enter an e-mail address such as name@cms.hhs.gov.'
	await expect(page.getByText(emailProblem)).toBeVisible()
	await expect(summary.getByRole('link', { name: emailProblem })).toHaveCount(0)
	await contact.fill(savedContact)

	// A second tab opened now will be stale once the first one saves.
	const staleTab = await page.context().newPage()
	await staleTab.goto(`${caseUrl}/edit`)

	await openSection(page, 'About the use case')
	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Callers wait less; call records are consistent.')
	await page
		.getByLabel('What does the AI output?')
		.fill('A draft call summary that the representative edits and approves.')
	await page.getByLabel('Topic area').selectOption('SERVICE_DELIVERY')
	await page.getByLabel('AI classification (closest)').selectOption('GENERATIVE_AI')
	await page.getByLabel(/Date it became operational/).fill('2026-03-02')
	// Someone without an account: the problem is told beside the field, and nothing typed is lost.
	const team = page.getByLabel(/Developers and other people on this use case/)
	await team.fill('vendor team; bob@')
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(team).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByText(/Nobody with an account here has the e-mail “vendor”/)).toHaveCount(2)
	await expect(page.getByLabel(/Date it became operational/)).toHaveValue('2026-03-02')
	await team.fill(demoAccount('REVIEWER').email)
	await openSection(page, 'Decisions and people affected')
	await page.getByLabel('What role does the AI play in decisions?').selectOption('ASSISTIVE')
	await page
		.getByRole('group', { name: 'Which decisions does it inform?' })
		.getByLabel('None of these')
		.check()
	await page
		.getByRole('group', { name: 'Whose outcomes does it affect?' })
		.getByLabel(/beneficiaries/)
		.check()
	await page
		.getByRole('group', { name: /public interact with it directly/ })
		.getByLabel('No')
		.check()
	await openSection(page, 'Technology and sourcing')
	await page
		.getByRole('group', { name: /custom-developed code/ })
		.getByLabel('No')
		.check()
	await openSection(page, 'Data')
	await page
		.getByRole('group', { name: /PII that the agency maintains/ })
		.getByLabel('Yes')
		.check()
	await page
		.getByLabel('Describe the data used to train, fine-tune or evaluate the model')
		.fill('Call transcripts and recent claims shown to the representative.')
	await page
		.getByRole('group', { name: /demographic variables/ })
		.getByLabel('None of the above')
		.check()
	for (const name of [/Part B carrier and DMEPOS/, /Master Beneficiary Summary File/]) {
		const row = page.getByRole('group', { name })
		await row.getByLabel('Operation (inputs at run time)').check()
		await row
			.getByLabel(/Why is this data needed/)
			.fill('Only the caller’s last 12 months of records are sent.')
	}
	await openSection(page, 'Public reporting')
	await page.getByLabel('Should it be withheld from the public inventory?').selectOption('NO')
	await submitForReview(page)
	await expect(page).toHaveURL(/\?submitted=1$/)
	await expect(
		page
			.getByRole('complementary', { name: 'At a glance' })
			.getByText('Submitted', { exact: true }),
	).toBeVisible()
	await expect(page.getByText('Priya Raman (reviewer@cms.example)')).toBeVisible()
	await page
		.getByRole('navigation', { name: 'Use case sections' })
		.getByRole('link', { name: 'Data' })
		.click()
	await expect(
		page.getByText(
			'Protected health information (HIPAA PHI); Personally identifiable information (PII)',
			{ exact: false },
		),
	).toBeVisible()
	await expectNoAccessibilityViolations(page)

	// The dataset's page lists the use cases that touch it.
	await page.getByRole('link', { name: /Part B carrier and DMEPOS/ }).click()
	await expect(page.getByRole('link', { name: /1-800-MEDICARE call summariser/ })).toBeVisible()
	await page.goBack()

	// The stale tab's save is refused, and what it typed is kept.
	await staleTab
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Typed in the stale tab')
	await staleTab.getByRole('button', { name: 'Save draft' }).click()
	const conflict = staleTab.getByRole('alert')
	await expect(conflict).toContainText('You saved this use case in another tab or window')
	await expect(conflict.getByRole('row', { name: /Expected benefits/ })).toContainText(
		'Typed in the stale tab',
	)
	await expect(staleTab.getByLabel('Expected benefits for the mission or the public')).toHaveValue(
		'Typed in the stale tab',
	)

	// An amendment while waiting for review freezes version 2; the history shows the difference.
	await page.getByRole('link', { name: 'Edit' }).click()
	await openSection(page, 'Technology and sourcing')
	await page.getByLabel('Vendor name(s)').fill('Example Speech Analytics, Inc.; Transcribe Co')
	await page.getByRole('button', { name: 'Save changes' }).click()
	await expect(page).toHaveURL(/\?submitted=1$/)
	await page.getByRole('link', { name: 'History' }).click()
	await expect(page.getByText(/Version 1: submitted by Dana Whitfield/)).toBeVisible()
	await expect(page.getByText(/Version 2: resubmitted by Dana Whitfield/)).toBeVisible()
	await page.getByLabel('Compare', { exact: true }).selectOption('1')
	await page.getByLabel('with', { exact: true }).selectOption('2')
	await page.getByRole('button', { name: 'Compare' }).click()
	const vendorRow = page.getByRole('row', { name: /^Vendors/ })
	await expect(vendorRow).toContainText('Example Speech Analytics, Inc.')
	await expect(vendorRow).toContainText('Transcribe Co')
	await expectNoAccessibilityViolations(page)
	void browser
})

test('while typing a name, similar registered use cases are suggested', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(page, 'Medicare FFS claims fraud detection model')
	await page.goto('/use-cases/new')
	await page.getByLabel('Use case name').fill('Medicare claims fraud model')
	await expect(page.getByRole('heading', { name: /look similar/ })).toBeVisible()
	await expect(
		page.getByRole('link', { name: /Medicare FFS claims fraud detection model/ }),
	).toBeVisible()
})

test('another person’s draft can be neither read nor changed, and bad input is a 4xx with a message', async ({
	page,
	browser,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	const draftUrl = await registerDraft(page, 'Provider enrollment anomaly flags')

	const otherContext = await browser.newContext()
	const other = await otherContext.newPage()
	await signIn(other, demoAccount('REVIEWER'))
	expect((await other.goto(draftUrl))?.status()).toBe(404)
	expect((await other.goto(`${draftUrl}/edit`))?.status()).toBe(403)
	await other.goto('/')
	const otherToken = await other.locator('input[name="csrf"]').first().inputValue()
	const forged = await other.request.post(`${draftUrl}/edit`, {
		form: { csrf: otherToken, intent: 'save', version: '1', name: 'Hijacked', orgUnitId: 'x' },
		maxRedirects: 0,
	})
	expect(forged.status()).toBe(403)
	await otherContext.close()

	await page.goto(`${draftUrl}/edit`)
	const token = await page.locator('input[name="csrf"]').first().inputValue()
	const orgUnitId = await page.getByLabel('Responsible org unit (Bureau/Component)').inputValue()
	const post = (form: Record<string, string>) =>
		page.request.post(`${draftUrl}/edit`, {
			form: {
				csrf: token,
				intent: 'save',
				version: '2',
				orgUnitId,
				name: 'Provider enrollment anomaly flags',
				...form,
			},
			maxRedirects: 0,
		})
	const badInputs: Array<Record<string, string>> = [
		{ stage: 'Deployed' },
		{ name: 'x'.repeat(201) },
		{ contactEmail: '<script>alert(1)</script>' },
		{ version: 'abc' },
		{ orgUnitId: 'nope' },
	]
	for (const bad of badInputs) {
		const response = await post(bad)
		expect(response.status(), JSON.stringify(bad)).toBeGreaterThanOrEqual(400)
		expect(response.status(), JSON.stringify(bad)).toBeLessThan(500)
	}
	expect((await page.goto('/use-cases/does-not-exist'))?.status()).toBe(404)
	expect((await page.goto('/use-cases?stage=NOPE'))?.status()).toBe(400)

	// A name with markup is stored and shown as text, never run.
	await page.goto(`${draftUrl}/edit`)
	await page.getByLabel('Use case name').fill('<script>alert(1)</script> flags')
	await saveDraft(page)
	await expect(
		page.getByRole('heading', { level: 1, name: /<script>alert\(1\)<\/script> flags/ }),
	).toBeVisible()
})

test('an empty draft can be deleted; a filled one can only be withdrawn', async ({ page }) => {
	await signIn(page, demoAccount('SUBMITTER'))
	const emptyUrl = await registerDraft(page, 'Scratch idea for scheduling')
	await page.goto(emptyUrl)
	await page.getByRole('link', { name: 'Delete this empty draft' }).click()
	await expect(
		page.getByRole('heading', { name: /^Delete the draft CMS-\d{4}-\d{4}\?$/ }),
	).toBeFocused()
	await expectNoAccessibilityViolations(page)
	await page.getByRole('button', { name: 'Yes, delete this draft' }).click()
	await expect(page.getByRole('heading', { name: 'My use cases' })).toBeVisible()
	await expect(page.getByRole('status')).toContainText(
		/The draft CMS-\d{4}-\d{4} “Scratch idea for scheduling” is deleted\./,
	)
	expect((await page.goto(emptyUrl))?.status()).toBe(404)

	const filledUrl = await registerDraft(page, 'Budget execution forecast assistant')
	await page.getByLabel('Stage of development').selectOption('PRE_DEPLOYMENT')
	await saveDraft(page)
	await page.goto(filledUrl)
	await expect(page.getByRole('link', { name: 'Delete this empty draft' })).toHaveCount(0)
	await page.getByRole('link', { name: 'Withdraw this use case' }).click()
	await page.getByRole('button', { name: 'Yes, withdraw it' }).click()
	await expect(
		page
			.getByRole('complementary', { name: 'At a glance' })
			.getByText('Withdrawn', { exact: true }),
	).toBeVisible()
})

test('a keyboard user adds a dataset: the choice made with the arrow keys is kept, and Add with no choice says what to do', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(page, 'Keyboard dataset probe')
	await openSection(page, 'Data')
	const select = page.getByLabel('Add a dataset from the catalogue')
	const add = page.getByRole('button', { name: 'Add dataset' })

	await add.focus()
	await page.keyboard.press('Enter')
	await expect(page.getByText('Choose a dataset in the list, then add it.')).toBeVisible()
	await expect(select).toBeFocused()

	await page.keyboard.press('ArrowDown')
	await page.keyboard.press('ArrowDown')
	const chosen = await select.evaluate(
		(element: HTMLSelectElement) => element.selectedOptions[0]!.text,
	)
	expect(chosen).not.toBe('Choose a dataset…')
	await expect(page.getByText('Choose a dataset in the list, then add it.')).toBeHidden()
	await page.keyboard.press('Tab')
	await expect(add).toBeFocused()
	await page.keyboard.press('Enter')
	const name = chosen.replace(/ \(.*\)$/, '')
	const added = page.getByRole('group', {
		name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
	})
	await expect(added).toBeFocused()
	await expect(added).not.toContainText('save to keep it')
	await expectNoAccessibilityViolations(page)
})

test('the first Save with a date that does not exist shows the error summary, takes the focus, and keeps the other answers on the page', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(page, 'Impossible date probe')
	await openSection(page, 'About the use case')
	await page.getByLabel(/^Stage of development/).selectOption('PILOT')
	await page.getByLabel(/^Expected benefits/).fill('Reviewers reach the riskiest claims first.')
	await page.getByLabel(/^Date it became operational/).fill('13/45/2025')
	await page.getByRole('button', { name: 'Save draft' }).first().click()
	const summary = page.locator('#error-summary')
	await expect(summary).toBeFocused()
	await expect(summary.getByRole('link', { name: /“13\/45\/2025” is not one\)\.$/ })).toBeVisible()
	await expect(page.getByLabel(/^Expected benefits/)).toHaveValue(
		'Reviewers reach the riskiest claims first.',
	)
	await expectNoAccessibilityViolations(page)
})
