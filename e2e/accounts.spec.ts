import { type Browser, type Page } from '@playwright/test'
import { mailTo } from './support/mailbox.ts'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	submitSignIn,
	test,
} from './support/fixtures.ts'

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Main' })

const GOOD_PASSWORD = 'lantern orchard granite meadow'

/** The link in the newest e-mail to this address whose subject matches, once it has arrived. */
async function linkFromMail(address: string, subject: RegExp, after: number) {
	let link = ''
	await expect
		.poll(() => {
			const mail = mailTo(address)
				.filter(
					(message) => subject.test(message.subject) && Date.parse(message.receivedAt) >= after,
				)
				.at(-1)
			link =
				/https?:\/\/\S+\/(invitations|reset-password)\/[\w-]+/.exec(mail?.text ?? '')?.[0] ?? ''
			return link
		})
		.not.toBe('')
	return new URL(link).pathname
}

async function inviteAsAdmin(
	page: Page,
	person: { name: string; email: string; role: string; lane?: string },
) {
	await signIn(page, demoAccount('ADMIN'))
	await mainNavigation(page).getByRole('link', { name: 'Users and roles' }).click()
	await page.getByRole('link', { name: 'Invite a person' }).click()
	await expect(page.getByRole('heading', { name: 'Invite a person' })).toBeVisible()
	await expectNoAccessibilityViolations(page)
	await page.getByLabel('Full name').fill(person.name)
	await page.getByLabel('E-mail address').fill(person.email)
	await page
		.getByLabel('Org unit')
		.selectOption({ label: 'HHS/CMS/OIT — Office of Information Technology' })
	await page.getByRole('group', { name: 'Roles' }).getByLabel(person.role).check()
	if (person.lane) {
		const lanes = page.getByRole('group', { name: /Review lanes \(for the reviewer role\)/ })
		// A reviewer with no lane could review nothing: the form says so beside the lanes.
		await page.getByRole('button', { name: 'Send invitation' }).click()
		await expect(lanes).toContainText('a reviewer with no lane can review nothing')
		await lanes.getByLabel(person.lane).check()
	}
	const sent = Date.now() - 1000
	await page.getByRole('button', { name: 'Send invitation' }).click()
	await expect(page.getByRole('status')).toHaveText(
		'Invitation sent. The account is ready with the roles below.',
	)
	await expect(page.getByRole('heading', { name: person.name })).toBeVisible()
	await expect(page.getByText(/not yet accepted/)).toBeVisible()
	return sent
}

async function choosePassword(page: Page, password: string) {
	await page.getByLabel('New password', { exact: true }).fill(password)
	await page.getByLabel('Confirm new password').fill(password)
}

async function freshPage(browser: Browser) {
	const context = await browser.newContext()
	return { context, page: await context.newPage() }
}

test('an administrator invites a person, who accepts by e-mail with a password of their own (a common one is refused)', async ({
	page,
	browser,
}) => {
	const person = {
		name: 'Noor Haddad',
		email: `noor.haddad.${Date.now()}@cms.example`,
		role: 'Reviewer',
		lane: 'Legal',
	}
	const sent = await inviteAsAdmin(page, person)
	const invitation = await linkFromMail(
		person.email,
		/You are invited to the AI Governance Tracker/,
		sent,
	)

	const invited = await freshPage(browser)
	await invited.page.goto(invitation)
	await expect(
		invited.page.getByRole('heading', { name: 'Welcome to the AI Governance Tracker' }),
	).toBeVisible()
	await expectNoAccessibilityViolations(invited.page)
	await choosePassword(invited.page, 'passwordpassword1')
	await invited.page.getByRole('button', { name: 'Choose password and sign in' }).click()
	await expect(invited.page.getByRole('alert')).toContainText(
		'on a list of common or breached passwords',
	)
	await choosePassword(invited.page, GOOD_PASSWORD)
	await invited.page.getByRole('button', { name: 'Choose password and sign in' }).click()
	await expect(
		mainNavigation(invited.page).getByRole('link', { name: 'Review queue' }),
	).toBeVisible()

	// The link worked once.
	await invited.context.clearCookies()
	const again = await invited.page.goto(invitation)
	expect(again?.status()).toBe(404)
	await invited.context.close()

	await page.reload()
	await expect(page.getByText(/Invited .*; accepted /)).toBeVisible()
	await expect(page.getByRole('row', { name: new RegExp(person.name) })).toHaveCount(0)
	await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`)
	await expect(page.getByRole('row', { name: new RegExp(person.name) })).toContainText(
		'Reviewer (Legal)',
	)
	await expect(page.getByRole('row', { name: new RegExp(person.name) })).toContainText('Active')
})

test('an administrator e-mails a reset link: it works once, within 30 minutes, and signs out every other session', async ({
	page,
	browser,
}) => {
	const person = {
		name: 'Ravi Menon',
		email: `ravi.menon.${Date.now()}@cms.example`,
		role: 'Submitter',
	}
	const sent = await inviteAsAdmin(page, person)
	const invited = await freshPage(browser)
	await invited.page.goto(await linkFromMail(person.email, /invited/, sent))
	await choosePassword(invited.page, GOOD_PASSWORD)
	await invited.page.getByRole('button', { name: 'Choose password and sign in' }).click()
	await expect(
		mainNavigation(invited.page).getByRole('link', { name: 'My use cases' }),
	).toBeVisible()

	const resetSent = Date.now() - 1000
	await page.getByRole('button', { name: 'E-mail a password reset link' }).click()
	await expect(page.getByRole('status')).toHaveText(
		'Reset link sent by e-mail. It works once, within 30 minutes.',
	)
	const reset = await linkFromMail(person.email, /Choose a new password/, resetSent)

	const elsewhere = await freshPage(browser)
	await elsewhere.page.goto(reset)
	await expect(elsewhere.page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
	await expectNoAccessibilityViolations(elsewhere.page)
	await choosePassword(elsewhere.page, 'Ravi Menon 2026')
	await elsewhere.page.getByRole('button', { name: 'Save new password' }).click()
	await expect(elsewhere.page.getByRole('alert')).toContainText('Do not use your name')
	await choosePassword(elsewhere.page, 'copper kettle winter harbour')
	await elsewhere.page.getByRole('button', { name: 'Save new password' }).click()
	await expect(elsewhere.page.getByRole('status')).toHaveText(
		'Your password is changed. Your other sessions have been signed out.',
	)

	// The session opened with the invitation has ended; the old password no longer works; the link is used up.
	await invited.page.reload()
	await expect(invited.page).toHaveURL(/\/login/)
	await submitSignIn(invited.page, { email: person.email, password: GOOD_PASSWORD })
	await expect(invited.page.getByRole('alert')).toHaveText('Email or password is incorrect.')
	await signIn(invited.page, { email: person.email, password: 'copper kettle winter harbour' })
	expect((await elsewhere.page.goto(reset))?.status()).toBe(404)
	await invited.context.close()
	await elsewhere.context.close()
})

test('a temporary password must be changed at the next sign-in before anything else opens', async ({
	page,
	browser,
}) => {
	const person = {
		name: 'Lena Brooks',
		email: `lena.brooks.${Date.now()}@cms.example`,
		role: 'Leadership',
	}
	await inviteAsAdmin(page, person)
	await page.getByRole('button', { name: 'Set a temporary password' }).click()
	const shown = page.getByRole('status').filter({ hasText: 'Temporary password' })
	await expect(shown).toBeVisible()
	const temporary = (await shown.locator('strong').textContent())!.trim()
	expect(temporary).toMatch(/^[\w-]{20}$/)

	const person2 = await freshPage(browser)
	await signIn(person2.page, { email: person.email, password: temporary })
	await expect(person2.page).toHaveURL(/\/change-password$/)
	await expectNoAccessibilityViolations(person2.page)
	await person2.page.goto('/inventory')
	await expect(person2.page).toHaveURL(/\/change-password$/)
	// Until the page's scripts run, the browser's own length check holds the form back without a word
	// on the page; the app's messages next to the fields come once the form is the app's.
	await expect(
		person2.page
			.getByRole('button', { name: 'Save my new password' })
			.locator('xpath=ancestor::form'),
	).toHaveAttribute('novalidate')
	await person2.page.getByLabel('Temporary password').fill(temporary)
	await choosePassword(person2.page, 'short one')
	await person2.page.getByRole('button', { name: 'Save my new password' }).click()
	await expect(person2.page.getByText('Use at least 15 characters.').first()).toBeVisible()
	await choosePassword(person2.page, 'violet anchor thimble river')
	await person2.page.getByRole('button', { name: 'Save my new password' }).click()
	await expect(person2.page.getByRole('status')).toHaveText(
		'Your password is changed. Your other sessions have been signed out.',
	)
	await mainNavigation(person2.page).getByRole('link', { name: 'Inventory' }).click()
	await expect(person2.page.getByRole('heading', { level: 1 })).toHaveText('AI use case inventory')
	await person2.context.close()
})

test('a person changes their password, sees their sessions (device, time, address) and ends another one; all audited', async ({
	page,
	browser,
}) => {
	const person = {
		name: 'Omar Aziz',
		email: `omar.aziz.${Date.now()}@cms.example`,
		role: 'Submitter',
	}
	const sent = await inviteAsAdmin(page, person)
	const first = await freshPage(browser)
	await first.page.goto(await linkFromMail(person.email, /invited/, sent))
	await choosePassword(first.page, GOOD_PASSWORD)
	await first.page.getByRole('button', { name: 'Choose password and sign in' }).click()
	await expect(mainNavigation(first.page).getByRole('link', { name: 'My use cases' })).toBeVisible()

	const second = await freshPage(browser)
	await signIn(second.page, { email: person.email, password: GOOD_PASSWORD })

	await first.page.getByRole('link', { name: 'Settings' }).click()
	await first.page
		.getByRole('navigation', { name: 'Settings' })
		.getByRole('link', { name: 'Signed-in sessions' })
		.click()
	const sessions = first.page.getByRole('table', { name: 'Your signed-in sessions' })
	await expect(sessions.getByRole('row')).toHaveCount(3)
	await expect(sessions.getByRole('row', { name: /this session/ })).toContainText(
		/Chrome on Windows.*(AM|PM) ET.*(127\.0\.0\.1|::1).*Password/,
	)
	await expectNoAccessibilityViolations(first.page)
	await sessions.getByRole('button', { name: /^End session: (?!.*this session)/ }).click()
	await expect(sessions.getByRole('row')).toHaveCount(2)
	await second.page.reload()
	await expect(second.page).toHaveURL(/\/login/)

	// Changing the password: the current one first, the new one by the rules.
	await first.page
		.getByRole('navigation', { name: 'Settings' })
		.getByRole('link', { name: 'Password' })
		.click()
	await first.page.getByLabel('Current password').fill('not my password at all')
	await choosePassword(first.page, 'marble compass willow tide')
	await first.page.getByRole('button', { name: 'Change password' }).click()
	await expect(first.page.getByRole('alert')).toHaveText('Your current password is not right.')
	await first.page.getByLabel('Current password').fill(GOOD_PASSWORD)
	await choosePassword(first.page, 'Governance-demo-2026')
	await first.page.getByRole('button', { name: 'Change password' }).click()
	await expect(first.page.getByRole('alert')).toContainText('demo password')
	await first.page.getByLabel('Current password').fill(GOOD_PASSWORD)
	await choosePassword(first.page, 'marble compass willow tide')
	await first.page.getByRole('button', { name: 'Change password' }).click()
	await expect(first.page.getByRole('status')).toHaveText(
		'Your password is changed. Your other sessions have been signed out.',
	)
	await expectNoAccessibilityViolations(first.page)

	// The audit log has each step.
	await page.goto(`/audit?action=auth.password_changed`)
	await expect(page.getByRole('table')).toContainText(person.name)
	await page.goto(`/audit?action=auth.session_ended`)
	await expect(page.getByRole('table')).toContainText(person.name)
	await page.goto(`/audit?action=user.invitation_accepted`)
	await expect(page.getByRole('table')).toContainText(person.name)
	await first.context.close()
	await second.context.close()
})
