// Single sign-on journeys against a real OpenID Connect provider (oauth2-mock-server), started here
// on the port the app was configured with (playwright.config.ts → E2E_OIDC_PORT).
import { type Browser, type Page } from '@playwright/test'
import {
	type IdentityProvider,
	type Person,
	startIdentityProvider,
} from '../tests/oidc-provider.ts'
import {
	demoAccount,
	expect,
	expectNoAccessibilityViolations,
	signIn,
	signOut,
	test,
} from './support/fixtures.ts'

const CLIENT_ID = 'aigovernancetrackere2e'
let provider: IdentityProvider

test.beforeAll(async () => {
	provider = await startIdentityProvider({
		port: Number(process.env.E2E_OIDC_PORT),
		clientId: CLIENT_ID,
	})
})
test.afterAll(async () => {
	await provider?.stop()
})

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`

async function signInWithCmsAccount(page: Page, person: Person) {
	provider.signInAs(person)
	await page.goto('/login')
	await page.getByRole('button', { name: 'Sign in with CMS account' }).click()
}

async function addMapping(page: Page, group: string, role: string, lane?: string) {
	await page.getByLabel('Group', { exact: true }).fill(group)
	await page.getByLabel('Role', { exact: true }).selectOption({ label: role })
	if (lane)
		await page
			.getByRole('group', { name: 'Review lanes (for the reviewer role)' })
			.getByLabel(lane)
			.check()
	await page.getByRole('button', { name: 'Add mapping' }).click()
	await expect(page.getByRole('status')).toContainText('Mapping added.')
}

async function asAdmin(browser: Browser) {
	const context = await browser.newContext()
	const page = await context.newPage()
	await signIn(page, demoAccount('ADMIN'))
	return { context, page }
}

test('an administrator maps directory groups to roles; a first sign-in provisions the person with them, and a changed group changes them at the next sign-in', async ({
	page,
	browser,
}) => {
	const id = unique()
	const privacyGroup = `CMS-Privacy-${id}`
	const caioGroup = `CMS-CAIO-${id}`
	const admin = await asAdmin(browser)
	await admin.page.goto('/admin/users')
	await admin.page.getByRole('link', { name: 'single sign-on and group mapping' }).click()
	await expect(
		admin.page.getByRole('heading', { name: 'Single sign-on and group mapping' }),
	).toBeVisible()
	await expect(
		admin.page.getByText('People sign in with their CMS account or with a password.'),
	).toBeVisible()
	await addMapping(admin.page, privacyGroup, 'Reviewer', 'Privacy')
	await addMapping(admin.page, caioGroup, 'Governance lead')
	await expect(admin.page.getByRole('row', { name: new RegExp(privacyGroup) })).toContainText(
		'Privacy',
	)
	await expectNoAccessibilityViolations(admin.page)

	const person = {
		sub: `okta|${id}`,
		email: `pat.quinn.${id}@cms.hhs.gov`,
		name: 'Pat Quinn',
		groups: [privacyGroup, 'Everyone'],
		org_unit: 'OIT',
	}
	await signInWithCmsAccount(page, person)
	await expect(mainNavigation(page).getByRole('link', { name: 'Review queue' })).toBeVisible()
	await expect(mainNavigation(page).getByRole('link', { name: 'Governance desk' })).toHaveCount(0)
	await page.goto('/settings/sessions')
	await expect(page.getByRole('row', { name: /this session/ })).toContainText('CMS account')
	await page.goto('/settings/password')
	await expect(page.getByText('You sign in with your CMS account')).toBeVisible()

	// The administrator sees the provider's roles apart from roles granted by hand.
	await admin.page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`)
	await expect(admin.page.getByRole('row', { name: /Pat Quinn/ })).toContainText(
		'Reviewer (Privacy), from CMS groups',
	)
	await expect(admin.page.getByRole('row', { name: /Pat Quinn/ })).toContainText('OIT')
	await admin.page.getByRole('link', { name: 'Pat Quinn' }).click()
	await expect(
		admin.page.getByRole('heading', { name: 'Roles from the CMS identity provider' }),
	).toBeVisible()
	await expect(admin.page.getByText('Linked to a CMS account (single sign-on).')).toBeVisible()
	await expectNoAccessibilityViolations(admin.page)

	// The directory moves Pat to the CAIO's office: the next sign-in brings the new roles.
	await signOut(page)
	await signInWithCmsAccount(page, { ...person, groups: [caioGroup] })
	await expect(mainNavigation(page).getByRole('link', { name: 'Governance desk' })).toBeVisible()
	await admin.page.reload()
	await expect(
		admin.page.getByRole('listitem').filter({ hasText: /^Governance lead$/ }),
	).toBeVisible()
	await admin.context.close()
})

test('signing out ends the session at the identity provider too (RP-initiated logout)', async ({
	page,
}) => {
	const id = unique()
	const person = {
		sub: `okta|${id}`,
		email: `sam.lee.${id}@cms.hhs.gov`,
		name: 'Sam Lee',
		groups: [],
	}
	await signInWithCmsAccount(page, person)
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
	expect(provider.openSessions(person.sub)).toHaveLength(1)
	const before = provider.endSessionRequests.length
	await signOut(page)
	await expect(page.getByRole('status')).toHaveText('You are signed out.')
	expect(provider.endSessionRequests.slice(before)).toEqual([
		expect.objectContaining({
			postLogoutRedirectUri: expect.stringMatching(/\/login\?signedOut=1$/),
		}),
	])
	expect(provider.endSessionRequests.at(-1)?.idTokenHint).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
	expect(provider.openSessions(person.sub)).toEqual([])
	await page.goto('/')
	await expect(page).toHaveURL(/\/login$/)
})

test('with JavaScript off (or before the page’s scripts run), signing in and out through the identity provider still works', async ({
	browser,
}) => {
	// Plain form posts whose redirects lead to the provider: the Content-Security-Policy must let them go there.
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	const id = unique()
	const person = {
		sub: `okta|${id}`,
		email: `noa.ito.${id}@cms.hhs.gov`,
		name: 'Noa Ito',
		groups: [],
	}
	await signInWithCmsAccount(page, person)
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
	expect(provider.openSessions(person.sub)).toHaveLength(1)
	await signOut(page)
	await expect(page.getByRole('status')).toHaveText('You are signed out.')
	expect(provider.openSessions(person.sub)).toEqual([])
	await context.close()
})

test('back-channel logout from the identity provider ends the person’s sessions in the tracker at once', async ({
	page,
	request,
}) => {
	const id = unique()
	const person = {
		sub: `okta|${id}`,
		email: `kim.cho.${id}@cms.hhs.gov`,
		name: 'Kim Cho',
		groups: [],
	}
	await signInWithCmsAccount(page, person)
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

	const forged = await request.post('/auth/oidc/backchannel-logout', {
		form: { logout_token: 'e30.e30.forged' },
	})
	expect(forged.status()).toBe(400)
	await page.reload()
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

	const answer = await request.post('/auth/oidc/backchannel-logout', {
		form: { logout_token: await provider.logoutToken({ sub: person.sub }) },
	})
	expect(answer.status()).toBe(200)
	expect(answer.headers()['cache-control']).toBe('no-store')
	await page.reload()
	await expect(page).toHaveURL(/\/login/)
})

test('tampered ID tokens, a wrong nonce, a wrong audience and a replayed code are refused; nothing is signed in', async ({
	page,
	browser,
}) => {
	const id = unique()
	const person = {
		sub: `okta|${id}`,
		email: `val.ruiz.${id}@cms.hhs.gov`,
		name: 'Val Ruiz',
		groups: [],
	}
	const refusals: Array<[string, () => void]> = [
		[
			'tampered',
			() =>
				provider.alterNextTokenResponse((body) => {
					const [header, payload, signature] = String(body.id_token).split('.')
					const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
					claims.name = 'Someone Else'
					body.id_token = [
						header,
						Buffer.from(JSON.stringify(claims)).toString('base64url'),
						signature,
					].join('.')
				}),
		],
		[
			'wrong nonce',
			() => provider.alterNextIdToken((payload) => void (payload.nonce = 'another-nonce')),
		],
		[
			'wrong audience',
			() => provider.alterNextIdToken((payload) => void (payload.aud = 'another-application')),
		],
	]
	for (const [what, alter] of refusals) {
		alter()
		await signInWithCmsAccount(page, person)
		await expect(
			page.getByRole('heading', { name: 'Sign-in did not complete' }),
			what,
		).toBeVisible()
		await expect(page.getByRole('alert')).toHaveText(
			'Sign-in through your CMS account did not complete. Start again from the sign-in page.',
		)
	}
	await expectNoAccessibilityViolations(page)
	await page.goto('/')
	await expect(page).toHaveURL(/\/login$/)

	// A successful sign-in, then its callback address (code and state) again: refused.
	let callback = ''
	page.on('request', (sent) => {
		if (sent.url().includes('/auth/oidc/callback')) callback = sent.url()
	})
	await signInWithCmsAccount(page, person)
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
	expect(callback).toContain('code=')
	const replay = await page.goto(callback)
	expect(replay?.status()).toBe(401)
	await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible()

	const admin = await asAdmin(browser)
	await admin.page.goto('/audit?action=auth.sso_refused')
	await expect(admin.page.getByRole('table')).toContainText('auth.sso_refused')
	await admin.context.close()
})

test('an administrator pre-provisions a person who then signs in through the identity provider: matched by e-mail once, by subject afterwards', async ({
	page,
	browser,
}) => {
	const id = unique()
	const email = `ada.osei.${id}@cms.hhs.gov`
	const admin = await asAdmin(browser)
	await admin.page.goto('/admin/users/new')
	await admin.page.getByLabel('Full name').fill('Ada Osei')
	await admin.page.getByLabel('E-mail address').fill(email)
	await admin.page
		.getByLabel('Org unit')
		.selectOption({ label: 'HHS/CMS/OIT — Office of Information Technology' })
	await admin.page.getByRole('group', { name: 'Roles' }).getByLabel('Leadership').check()
	await admin.page.getByRole('button', { name: 'Send invitation' }).click()
	await expect(admin.page.getByText(/not yet accepted/)).toBeVisible()
	await expect(admin.page.getByText('Not yet signed in with a CMS account.')).toBeVisible()

	await signInWithCmsAccount(page, { sub: `entra|${id}`, email, name: 'Ada Osei', groups: [] })
	await expect(mainNavigation(page).getByRole('link', { name: 'Dashboards' })).toBeVisible()

	await admin.page.reload()
	await expect(admin.page.getByText('Linked to a CMS account (single sign-on).')).toBeVisible()
	await expect(admin.page.getByText(/Invited .*; accepted /)).toBeVisible()
	// Someone else with the same e-mail but another identity is not let in to Ada's account.
	await signOut(page)
	await signInWithCmsAccount(page, {
		sub: `entra|impostor-${id}`,
		email,
		name: 'Ada Osei',
		groups: [],
	})
	await expect(page.getByRole('alert')).toContainText('linked to a different CMS identity')
	await admin.context.close()
})
