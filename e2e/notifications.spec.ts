import { type Page } from '@playwright/test'
import { mailTo } from './support/mailbox.ts'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	test,
} from './support/fixtures.ts'
import { submitIdentityProofingCase } from './support/use-case-steps.ts'

/** The header link, "Notifications, 3 unread", and the number in it. */
function notificationsLink(page: Page) {
	return page.getByRole('banner').getByRole('link', { name: /^Notifications, \d+ unread$/ })
}

async function unreadCount(page: Page) {
	const name = await notificationsLink(page).getAttribute('aria-label')
	return Number(/(\d+) unread/.exec(name ?? '')?.[1])
}

/**
 * On the notifications page, the header's count is exactly the unread items listed. Reminders from
 * the background loop may arrive at any moment, so the journey compares the two rather than
 * expecting a fixed number.
 */
async function expectHeaderToMatchList(page: Page) {
	const list = page.getByRole('list', { name: 'Your notifications, newest first' })
	const listed = await list.getByText('Unread', { exact: true }).count()
	expect(await unreadCount(page)).toBe(listed)
	return listed
}

test('the governance lead is told of each submission in the app and by e-mail, opens it, turns e-mail off, and clears the list', async ({
	page,
	browser,
}) => {
	const lead = demoAccount('GOVERNANCE_LEAD')
	const leadContext = await browser.newContext()
	const leadPage = await leadContext.newPage()
	await signIn(leadPage, lead)
	// Start from a clear list, so that everything unread below fits on the first page.
	await leadPage.goto('/notifications')
	if (await leadPage.getByRole('button', { name: 'Mark all as read' }).count())
		await leadPage.getByRole('button', { name: 'Mark all as read' }).click()
	await expect(leadPage.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0)

	// The submitter submits a complete case: the lead hears of it.
	await signIn(page, demoAccount('SUBMITTER'))
	const firstName = 'Provider enrollment anomaly screening'
	const firstCase = await submitIdentityProofingCase(page, firstName)

	await leadPage.reload()
	const unreadNow = await unreadCount(leadPage)
	expect(unreadNow).toBeGreaterThanOrEqual(1)
	await expect(
		notificationsLink(leadPage).getByText(String(unreadNow), { exact: true }),
	).toBeVisible()
	await expectNoAccessibilityViolations(leadPage)
	// On a phone the link folds into the menu; the count stays on the Menu button.
	const viewport = leadPage.viewportSize()!
	await leadPage.setViewportSize({ width: 390, height: 844 })
	const menu = leadPage.getByRole('banner').locator('summary')
	await expect(menu).toHaveText(`Menu, ${unreadNow} unread notifications${unreadNow}`)
	await expect(menu.getByText(String(unreadNow), { exact: true })).toBeVisible()
	await expectNoAccessibilityViolations(leadPage)
	await leadPage.setViewportSize(viewport)

	await notificationsLink(leadPage).click()
	await expect(leadPage.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
	const list = leadPage.getByRole('list', { name: 'Your notifications, newest first' })
	const newest = list.getByRole('listitem').first()
	await expect(
		newest.getByRole('button', { name: new RegExp(`submitted: ${firstName}$`) }),
	).toBeVisible()
	await expect(newest.getByText('Unread', { exact: true })).toBeVisible()
	await expect(newest.getByText(`Dana Whitfield submitted`)).toBeVisible()
	await expectNoAccessibilityViolations(leadPage)

	// Opening it lands on the case, and the count goes down.
	await newest.getByRole('button', { name: new RegExp(`submitted: ${firstName}$`) }).click()
	await expect(leadPage).toHaveURL(firstCase)
	await expect(
		leadPage.getByRole('heading', { level: 1, name: new RegExp(firstName) }),
	).toBeVisible()
	await leadPage.goto('/notifications')
	await expect(
		list
			.getByRole('listitem')
			.filter({ hasText: `submitted: ${firstName}` })
			.getByText('Read', { exact: true }),
	).toBeVisible()
	await expectHeaderToMatchList(leadPage)

	// The e-mail reached the lead, with the case's address in it.
	await expect
		.poll(
			() =>
				mailTo(lead.email).filter((mail) => mail.subject.endsWith(`submitted: ${firstName}`))
					.length,
			{ timeout: 30_000 },
		)
		.toBe(1)
	const email = mailTo(lead.email).find((mail) => mail.subject.endsWith(`submitted: ${firstName}`))
	expect(email?.text).toContain(`Dana Whitfield submitted`)
	expect(email?.text).toContain(firstCase)
	expect(email?.html).toContain(`href="${firstCase}"`)

	// The lead turns e-mail off.
	await leadPage.getByRole('banner').getByRole('link', { name: 'Settings' }).click()
	await expect(leadPage.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
	const emailChoice = leadPage.getByRole('group', { name: 'Notification e-mail' })
	await expect(emailChoice.getByLabel('On: e-mail me each notification')).toBeChecked()
	await expectNoAccessibilityViolations(leadPage)
	await emailChoice.getByLabel('Off: show notifications in the tracker only').check()
	await leadPage.getByRole('button', { name: 'Save settings' }).click()
	await expect(leadPage.getByRole('status')).toHaveText(
		/Your settings are saved\. E-mail notifications are off: you will see notifications here in the tracker only\./,
	)
	await expect(emailChoice.getByLabel('Off: show notifications in the tracker only')).toBeChecked()
	await expectNoAccessibilityViolations(leadPage)

	// The next submission arrives in the app only.
	const secondName = 'Part D prescriber outlier flags'
	await submitIdentityProofingCase(page, secondName)
	await leadPage.goto('/notifications')
	const second = list.getByRole('listitem').filter({
		has: leadPage.getByRole('button', { name: new RegExp(`submitted: ${secondName}$`) }),
	})
	await expect(second.getByText('Unread', { exact: true })).toBeVisible()
	expect(await expectHeaderToMatchList(leadPage)).toBeGreaterThanOrEqual(1)

	// With e-mail back on, a third submission is e-mailed. The dispatcher sends the oldest first,
	// so once the third has arrived, the second would have too had it been queued: it was not.
	await leadPage.goto('/settings')
	await emailChoice.getByLabel('On: e-mail me each notification').check()
	await leadPage.getByRole('button', { name: 'Save settings' }).click()
	await expect(leadPage.getByRole('status')).toHaveText(
		/E-mail notifications are on: each notification is also sent to governance@cms\.example\./,
	)
	const thirdName = 'Medicaid eligibility document triage'
	await submitIdentityProofingCase(page, thirdName)
	await expect
		.poll(
			() =>
				mailTo(lead.email).filter((mail) => mail.subject.endsWith(`submitted: ${thirdName}`))
					.length,
			{ timeout: 30_000 },
		)
		.toBe(1)
	expect(
		mailTo(lead.email).filter((mail) => mail.subject.endsWith(`submitted: ${secondName}`)),
	).toEqual([])

	// "Mark all as read" clears the count.
	await leadPage.goto('/notifications')
	const beforeClearing = await expectHeaderToMatchList(leadPage)
	expect(beforeClearing).toBeGreaterThanOrEqual(2)
	await leadPage.getByRole('button', { name: 'Mark all as read' }).click()
	await expect(leadPage.getByRole('status')).toHaveText(
		new RegExp(`^Marked (${beforeClearing}|${beforeClearing + 1}) notifications as read\\.$`),
	)
	await expect(notificationsLink(leadPage)).toHaveAccessibleName('Notifications, 0 unread')
	await expect(leadPage.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0)
	await expect(leadPage.getByText('Unread', { exact: true })).toHaveCount(0)
	await expectNoAccessibilityViolations(leadPage)
	await leadContext.close()
})

test("nobody can open someone else's notification", async ({ page, browser }) => {
	const leadContext = await browser.newContext()
	const leadPage = await leadContext.newPage()
	await signIn(leadPage, demoAccount('GOVERNANCE_LEAD'))
	await signIn(page, demoAccount('SUBMITTER'))
	await submitIdentityProofingCase(page, 'Home health claim review prioritiser')
	await leadPage.goto('/notifications')
	const action = await leadPage
		.getByRole('list', { name: 'Your notifications, newest first' })
		.locator('form')
		.first()
		.getAttribute('action')
	expect(action).toMatch(/^\/notifications\/[^/]+$/)
	const unread = await unreadCount(leadPage)

	// The submitter posts to the lead's notification with a valid form token of their own.
	await page.goto('/notifications')
	await expectNoAccessibilityViolations(page)
	const token = await page.locator('input[name="csrf"]').first().inputValue()
	const response = await page.request.post(action!, { form: { csrf: token }, maxRedirects: 0 })
	expect(response.status()).toBe(404)
	await leadPage.reload()
	expect(await unreadCount(leadPage)).toBe(unread)
	await leadContext.close()
})
