import { type Page, type Route } from '@playwright/test'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import { linkDataset, openSection, registerDraft } from './support/use-case-steps.ts'

const isSave = (route: Route) =>
	route.request().method() === 'POST' &&
	/\/edit(\.data)?(\?|$)/.test(new URL(route.request().url()).pathname + '?')

/** Holds the page's saves until released, so a journey can act while one is under way. */
async function holdSaves(page: Page) {
	const held: Array<() => Promise<void>> = []
	let sent = 0
	await page.route('**/edit*', async (route) => {
		if (!isSave(route)) return route.continue()
		sent += 1
		held.push(() => route.continue())
	})
	return {
		sent: () => sent,
		waitForHeld: async (count: number) => expect.poll(() => held.length).toBe(count),
		releaseNext: async () => held.shift()?.(),
	}
}

test('saving right after typing, twice in quick succession, never reports a conflict', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(
		page,
		'Hospice claims outlier finder',
		'Outlier hospice claims are found by hand.',
	)

	// Type, then save at once: the live findings request is still pending when the save goes out.
	const preview = page.waitForRequest((request) => request.url().includes('findings-preview'))
	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Fewer improper hospice payments.')
	await preview
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status')).toContainText(/Draft saved at .+ \(version 2\)/)
	await expect(page.getByRole('status')).toBeFocused()

	// A second change and save at once after the first save's answer.
	await page.getByLabel('What does the AI output?').fill('A ranked list of claims for a reviewer.')
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status')).toContainText('(version 3)')
	await expect(page.getByRole('alert')).toHaveCount(0)

	// Adding a dataset to a draft right after a change saves both at once, and the block takes focus.
	await page.getByLabel('Topic area').selectOption('GOVERNMENT_BENEFITS_PROCESSING')
	await linkDataset(page, /Master Beneficiary Summary File/)
	await expect(page.getByRole('status')).toContainText('(version 4)')
	await expect(page.getByRole('alert')).toHaveCount(0)
	await expectNoAccessibilityViolations(page)

	await page.reload()
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toHaveValue(
		'Fewer improper hospice payments.',
	)
	await expect(page.getByLabel('What does the AI output?')).toHaveValue(
		'A ranked list of claims for a reviewer.',
	)
	await expect(page.getByLabel('Topic area')).toHaveValue('GOVERNMENT_BENEFITS_PROCESSING')
	await openSection(page, 'Data')
	await expect(page.getByRole('group', { name: /Master Beneficiary Summary File/ })).toBeVisible()
})

test('leaving the form with answers not saved asks first; its own sections and a saved form do not', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	const caseUrl = await registerDraft(
		page,
		'Durable equipment order checker',
		'Orders for wheelchairs are checked by hand.',
	)
	const outputs = page.getByLabel('What does the AI output?')
	const backToCase = page.getByRole('link', { name: /^Back to CMS-\d{4}-\d{4}$/ })
	const dialog = page.getByRole('dialog', { name: 'Leave without saving?' })
	const stay = dialog.getByRole('button', { name: 'Stay on this page' })

	await outputs.fill('A flag on orders missing documentation.')
	// The sections are one form: moving between them keeps the answer and asks nothing.
	await openSection(page, 'Data')
	await openSection(page, 'About the use case')
	await expect(dialog).toBeHidden()
	await expect(outputs).toHaveValue('A flag on orders missing documentation.')

	await backToCase.click()
	await expect(dialog).toBeVisible()
	await expect(stay).toBeFocused()
	await expectNoAccessibilityViolations(page)
	await stay.click()
	await expect(dialog).toBeHidden()
	await expect(page).toHaveURL(/\/edit/)
	await expect(outputs).toHaveValue('A flag on orders missing documentation.')

	// Escape stays too; closing the tab asks through the browser.
	await backToCase.click()
	await expect(dialog).toBeVisible()
	await page.keyboard.press('Escape')
	await expect(dialog).toBeHidden()
	const asked = page.waitForEvent('dialog')
	await page.close({ runBeforeUnload: true })
	const unload = await asked
	expect(unload.type()).toBe('beforeunload')
	await unload.dismiss()
	expect(page.isClosed()).toBe(false)

	// Once saved, leaving asks nothing.
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status')).toContainText('(version 2)')
	await backToCase.click()
	await expect(page).toHaveURL(caseUrl)
	await expect(dialog).toHaveCount(0)

	// Leaving on purpose leaves, and what was not saved is gone.
	await page.goto(`${caseUrl}/edit`)
	await outputs.fill('Something I changed my mind about.')
	await backToCase.click()
	await dialog.getByRole('button', { name: 'Leave without saving' }).click()
	await expect(page).toHaveURL(caseUrl)
	await page.goto(`${caseUrl}/edit`)
	await expect(outputs).toHaveValue('A flag on orders missing documentation.')

	// Opening the Data section shows its dataset chooser, which is no answer: leaving asks nothing.
	await page.goto(`${caseUrl}/edit?section=technology`)
	await page.getByRole('button', { name: 'Save and continue' }).first().click()
	await expect(page.getByLabel('Add a dataset from the catalogue')).toBeVisible()
	await backToCase.click()
	await expect(page).toHaveURL(caseUrl)
	await expect(dialog).toHaveCount(0)
})

test('an answer typed while a save is under way is kept, and a second click waits its turn instead of conflicting', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(
		page,
		'Home health visit note summariser',
		'Nurses retype visit notes for each claim.',
	)
	const saves = await holdSaves(page)

	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Nurses spend their time with patients.')
	await page.getByRole('button', { name: 'Save draft' }).click()
	await saves.waitForHeld(1)
	await expect(page.getByRole('status')).toHaveText('Saving…')

	// While the first save is under way: type another answer and save again.
	await page
		.getByLabel('What does the AI output?')
		.fill('A draft visit summary the nurse corrects.')
	await page.getByRole('button', { name: 'Save draft' }).click()
	// The second save waits for the first one's answer, so it can name the version that answer gives.
	expect(saves.sent()).toBe(1)
	await saves.releaseNext()
	await saves.waitForHeld(1)
	expect(saves.sent()).toBe(2)
	await expect(page.getByLabel('What does the AI output?')).toHaveValue(
		'A draft visit summary the nurse corrects.',
	)
	await saves.releaseNext()
	await expect(page.getByRole('status')).toContainText('(version 3)')
	await expect(page.getByRole('alert')).toHaveCount(0)

	await page.unrouteAll()
	await page.reload()
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toHaveValue(
		'Nurses spend their time with patients.',
	)
	await expect(page.getByLabel('What does the AI output?')).toHaveValue(
		'A draft visit summary the nurse corrects.',
	)
})

test('a findings preview still on its way when a save goes out never undoes what the page shows of the save', async ({
	page,
}) => {
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(page, 'Durable equipment order checker')
	// Held: the preview of the typed name (and whatever the browser must fetch to send it), and the
	// page's reload after the save. The preview is let through first, so it would land in the middle
	// of the reload, where a late answer once made the page drop the reload.
	const previews: Array<() => Promise<void>> = []
	const preview = /\/(__manifest|use-cases\/[^/]+\/findings-preview)/
	await page.route(preview, (route) => {
		previews.push(() => route.continue().catch(() => undefined))
	})
	const reloads: Array<() => Promise<void>> = []
	await page.route(/\/edit\.data/, (route) => {
		if (route.request().method() !== 'GET') return route.continue()
		reloads.push(() => route.continue())
	})

	await page.getByLabel('Use case name').fill('Durable medical equipment order checker')
	await expect.poll(() => previews.length).toBeGreaterThan(0)
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect.poll(() => reloads.length).toBe(1)
	await page.unroute(preview)
	await Promise.all(previews.map((release) => release()))
	// A late preview lands within this time; nothing the test can wait for marks that it has not.
	await page.waitForTimeout(1_000)
	await reloads[0]!()

	await expect(page.getByRole('status')).toContainText('(version 2)')
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: /^CMS-\d{4}-\d{4}: Durable medical equipment order checker$/,
		}),
	).toBeVisible()
	await expect(page.getByText('These findings are for the answers as last saved')).toBeVisible()
})

test('a real conflict names the other editor and when, shows their answers beside mine, and keeps mine', async ({
	page,
	browser,
}) => {
	const colleague = {
		email: 'ayesha.khan@cms.example',
		password: demoAccount('SUBMITTER').password,
	}
	await signIn(page, demoAccount('SUBMITTER'))
	const caseUrl = await registerDraft(
		page,
		'Durable equipment supplier risk ranking',
		'Supplier audits are chosen by hand.',
	)
	await page.getByLabel(/Developers and other people on this use case/).fill(colleague.email)
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status')).toContainText('Draft saved')

	// Ayesha, listed on the case, saves a change from her own browser.
	const other = await (await browser.newContext()).newPage()
	await signIn(other, colleague)
	await other.goto(`${caseUrl}/edit`)
	await other
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Audits reach the riskiest suppliers first.')
	await other.getByRole('button', { name: 'Save draft' }).click()
	await expect(other.getByRole('status')).toContainText('Draft saved')

	// My form still holds the version before hers.
	await page
		.getByLabel('Expected benefits for the mission or the public')
		.fill('Fewer audits of compliant suppliers.')
	await page.getByRole('button', { name: 'Save draft' }).click()
	const conflict = page.getByRole('alert').filter({ hasText: 'after you opened it' })
	await expect(conflict).toContainText(
		/Ayesha Khan saved this use case on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M ET, after you opened it/,
	)
	await expect(conflict).toBeFocused()
	const row = conflict.getByRole('row', { name: /Expected benefits/ })
	await expect(row.getByRole('cell').nth(0)).toHaveText(
		'Audits reach the riskiest suppliers first.',
	)
	await expect(row.getByRole('cell').nth(1)).toHaveText('Fewer audits of compliant suppliers.')
	// It sits by the button that was pressed, and my answer is still in the form.
	const button = page.getByRole('button', { name: 'Save draft' })
	const [panelBox, buttonBox] = [await conflict.boundingBox(), await button.boundingBox()]
	expect(
		Math.abs((buttonBox?.y ?? 0) - ((panelBox?.y ?? 0) + (panelBox?.height ?? 0))),
	).toBeLessThan(200)
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toHaveValue(
		'Fewer audits of compliant suppliers.',
	)
	await expectNoAccessibilityViolations(page)

	await conflict.getByRole('button', { name: 'Save my answers over theirs' }).click()
	await expect(page.getByRole('status')).toContainText('Draft saved')
	await page.reload()
	await expect(page.getByLabel('Expected benefits for the mission or the public')).toHaveValue(
		'Fewer audits of compliant suppliers.',
	)

	// The same person in a second tab is told it was them.
	const secondTab = await page.context().newPage()
	await secondTab.goto(`${caseUrl}/edit`)
	await secondTab.getByLabel('What does the AI output?').fill('A ranked list of suppliers.')
	await secondTab.getByRole('button', { name: 'Save draft' }).click()
	await expect(secondTab.getByRole('status')).toContainText('Draft saved')
	await page.getByLabel('What does the AI output?').fill('A score per supplier.')
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('alert').filter({ hasText: 'after you opened it' })).toContainText(
		'You saved this use case in another tab or window',
	)
	await other.context().close()
})

test('without JavaScript the sections, saving and adding a dataset still work', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await signIn(page, demoAccount('SUBMITTER'))
	await registerDraft(page, 'Plain-form appeal letter triage')
	await page.getByLabel('Stage of development').selectOption('PILOT')
	await page.getByRole('button', { name: 'Save and continue' }).click()
	await expect(
		page.getByRole('heading', { level: 2, name: 'Decisions and people affected' }),
	).toBeVisible()
	await expect(page.getByRole('status')).toContainText('Draft saved')
	await page
		.getByRole('navigation', { name: 'Sections of the form' })
		.getByRole('link', { name: 'Data' })
		.click()
	const select = page.getByLabel('Add a dataset from the catalogue')
	await select.selectOption(
		(await select
			.locator('option', { hasText: /Master Beneficiary Summary File/ })
			.getAttribute('value')) ?? '',
	)
	await page.getByRole('button', { name: 'Add dataset' }).click()
	await expect(page.getByRole('group', { name: /Master Beneficiary Summary File/ })).toBeVisible()
	await page
		.getByRole('navigation', { name: 'Sections of the form' })
		.getByRole('link', { name: 'About the use case' })
		.click()
	await expect(page.getByLabel('Stage of development')).toHaveValue('PILOT')
	await context.close()
})
