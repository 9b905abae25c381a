// The sign-in page under each AUTH_MODE: what it shows, and what it refuses.
import { RouterContextProvider } from 'react-router'
import { afterEach, expect, test, vi } from 'vitest'

const provider = {
	OIDC_ISSUER: 'https://cms.okta.example/oauth2/default',
	OIDC_CLIENT_ID: 'tracker',
	OIDC_CLIENT_SECRET: 'secret',
	OIDC_REDIRECT_URI: 'https://ai-governance.cms.example/auth/oidc/callback',
	SESSION_SECRET: 'a test secret that is at least thirty-two characters long',
}

// What these paths decide, they decide before any database read: a database that throws when used proves it.
const noDatabase = new Proxy(
	{},
	{
		get: () => {
			throw new Error('the sign-in page used the database')
		},
	},
)

async function loginRoute(env: Record<string, string>) {
	for (const [name, value] of Object.entries({ ...provider, ...env })) vi.stubEnv(name, value)
	vi.resetModules()
	const store = ((
		globalThis as { __remember_epic_web?: Map<string, unknown> }
	).__remember_epic_web ??= new Map())
	store.set('database', { prisma: noDatabase })
	return import('./login.tsx')
}

function routeArgs(request: Request) {
	return {
		request,
		params: {},
		context: new RouterContextProvider(),
		unstable_pattern: '/login',
	} as never
}

afterEach(() => {
	vi.unstubAllEnvs()
})

test('AUTH_MODE=oidc shows only "Sign in with CMS account"; the password form appears at ?method=password for the break-glass administrator', async () => {
	const login = await loginRoute({
		AUTH_MODE: 'oidc',
		BREAK_GLASS_ADMIN_EMAIL: 'break.glass@cms.hhs.gov',
	})
	expect(await login.loader(routeArgs(new Request('http://localhost/login')))).toMatchObject({
		singleSignOn: true,
		passwordForm: false,
	})
	expect(
		await login.loader(routeArgs(new Request('http://localhost/login?method=password'))),
	).toMatchObject({ singleSignOn: true, passwordForm: true, emergencyOnly: true })
})

test('AUTH_MODE=oidc refuses a password sign-in by anyone but the break-glass administrator, before any password is checked', async () => {
	const login = await loginRoute({
		AUTH_MODE: 'oidc',
		BREAK_GLASS_ADMIN_EMAIL: 'break.glass@cms.hhs.gov',
	})
	const body = new URLSearchParams({
		email: 'reviewer@cms.example',
		password: 'Governance-demo-2026',
	})
	const response = await login.action(
		routeArgs(new Request('http://localhost/login', { method: 'POST', body })),
	)
	expect(response).toMatchObject({
		init: { status: 403 },
		data: {
			result: {
				error: { '': ['Password sign-in is turned off here. Sign in with your CMS account.'] },
			},
		},
	})
})

test('both: the button and the password form; password alone (the embedded demo): the form only', async () => {
	const both = await loginRoute({})
	expect(await both.loader(routeArgs(new Request('http://localhost/login')))).toMatchObject({
		singleSignOn: true,
		passwordForm: true,
		emergencyOnly: false,
	})
	const passwordOnly = await loginRoute({
		OIDC_ISSUER: '',
		OIDC_CLIENT_ID: '',
		OIDC_CLIENT_SECRET: '',
		OIDC_REDIRECT_URI: '',
	})
	expect(await passwordOnly.loader(routeArgs(new Request('http://localhost/login')))).toMatchObject(
		{ singleSignOn: false, passwordForm: true },
	)
})
