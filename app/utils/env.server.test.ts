import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { appUrlOf, authSettingsOf, demoDataRefused, EnvSchema, readEnv } from './env.server.ts'

test('no variables at all is a valid set-up: the embedded database on port 3000', () => {
	const env = readEnv({})
	expect(env.DATABASE_URL).toBeUndefined()
	expect(env.PORT).toBe(3000)
	expect(env.DATA_DIR).toBe('./data')
})

test('a bad value stops start-up with a message naming the variable and what is wrong', () => {
	expect(() => readEnv({ DATABASE_URL: 'mysql://localhost/x', PORT: 'eighty' })).toThrow(
		/Invalid environment variables:\n {2}PORT: .*\n {2}DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ connection URL/,
	)
	expect(() => readEnv({ SESSION_SECRET: 'short' })).toThrow(
		/SESSION_SECRET: must be at least 32 characters/,
	)
})

test('a migration role needs the runtime database it migrates for', () => {
	expect(() => readEnv({ MIGRATION_DATABASE_URL: 'postgresql://owner@db/x' })).toThrow(
		/MIGRATION_DATABASE_URL: .*set DATABASE_URL/,
	)
	expect(
		readEnv({
			MIGRATION_DATABASE_URL: 'postgresql://owner@db/x',
			DATABASE_URL: 'postgresql://app@db/x',
		}).MIGRATION_DATABASE_URL,
	).toBe('postgresql://owner@db/x')
})

test('an empty variable counts as unset', () => {
	expect(readEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
})

test('docker-compose runs PostgreSQL 16 and wires the app to the variables the app reads', async () => {
	const compose = parse(await readFile('docker-compose.yml', 'utf8'))
	expect(compose.services.db.image).toBe('postgres:16')
	expect(compose.services.db.healthcheck.test).toBeDefined()
	expect(Object.keys(compose.volumes)).toContain('db-data')
	const app = compose.services.app
	expect(app.build).toBe('.')
	expect(app.depends_on.db.condition).toBe('service_healthy')
	expect(app.healthcheck.test.join(' ')).toContain('/healthz')

	const known = Object.keys(EnvSchema.shape)
	for (const name of Object.keys(app.environment))
		expect(known, `${name} is not read by the app`).toContain(name)

	// Two roles, made by the init script the db service mounts: the app runs as one that owns nothing.
	const db = compose.services.db.environment
	expect(compose.services.db.volumes).toContain(
		'./docker/postgres-init:/docker-entrypoint-initdb.d:ro',
	)
	const roles = await readFile('docker/postgres-init/01-roles.sql', 'utf8')
	for (const variable of ['DATABASE_URL', 'MIGRATION_DATABASE_URL']) {
		const url = new URL(app.environment[variable])
		expect(url.hostname).toBe('db')
		expect(url.pathname).toBe(`/${db.POSTGRES_DB}`)
		expect(roles).toContain(`CREATE ROLE ${url.username} LOGIN PASSWORD '${url.password}';`)
	}
	expect(roles).toContain(
		`ALTER DATABASE ${db.POSTGRES_DB} OWNER TO ${new URL(app.environment.MIGRATION_DATABASE_URL).username};`,
	)
	expect(new URL(app.environment.DATABASE_URL).username).not.toBe(
		new URL(app.environment.MIGRATION_DATABASE_URL).username,
	)
	// The environment passes the app's own validation.
	expect(() => readEnv(app.environment)).not.toThrow()
})

test('docker-compose runs two app instances behind one port: a proxy that publishes it and waits for them', async () => {
	const compose = parse(await readFile('docker-compose.yml', 'utf8'))
	const { app, proxy } = compose.services
	expect(app.deploy.replicas).toBe(2)
	expect(app.ports).toBeUndefined()
	expect(proxy.ports).toEqual(['3000:3000'])
	expect(proxy.depends_on.app.condition).toBe('service_healthy')
	const caddyfile = compose.configs[proxy.configs[0].source].content as string
	expect(caddyfile).toMatch(/dynamic a app 3000/)
	expect(caddyfile).toMatch(/health_uri \/livez/)
	// Behind the proxy, the person's address comes from X-Forwarded-For (sign-in throttling, audit).
	expect(readEnv(app.environment).TRUST_PROXY).toBe('loopback, uniquelocal')
})

test('links in e-mail start at APP_URL, or at this machine on PORT when it is not set', () => {
	expect(appUrlOf(readEnv({}))).toBe('http://localhost:3000')
	expect(appUrlOf(readEnv({ PORT: '8080' }))).toBe('http://localhost:8080')
	expect(appUrlOf(readEnv({ APP_URL: 'https://ai-governance.cms.gov/' }))).toBe(
		'https://ai-governance.cms.gov',
	)
	expect(appUrlOf(readEnv({ APP_URL: 'https://apps.cms.gov/ai-governance' }))).toBe(
		'https://apps.cms.gov/ai-governance',
	)
	expect(() => readEnv({ APP_URL: 'ai-governance.cms.gov' })).toThrow(
		/APP_URL: must be an http:\/\/ or https:\/\/ address/,
	)
	expect(() => readEnv({ APP_URL: 'https://ai-governance.cms.gov/?next=1' })).toThrow(/APP_URL/)
})

test('the README configuration table describes every variable the app reads', async () => {
	const readme = await readFile('README.md', 'utf8')
	const table = readme.slice(
		readme.indexOf('### Configuration'),
		readme.indexOf('A wrong value stops start-up'),
	)
	for (const name of Object.keys(EnvSchema.shape).filter((name) => name !== 'NODE_ENV')) {
		expect(table, `${name} is missing from the README`).toMatch(
			new RegExp(`^\\| \`${name}\` \\|`, 'm'),
		)
	}
})

describe('sign-in settings', () => {
	const provider = {
		OIDC_ISSUER: 'https://cms.okta.com/oauth2/default',
		OIDC_CLIENT_ID: '0oa1tracker',
		OIDC_CLIENT_SECRET: 'client-secret',
		OIDC_REDIRECT_URI: 'https://ai-governance.cms.gov/auth/oidc/callback',
	}

	test('passwords alone without an identity provider; passwords and single sign-on side by side with one', () => {
		expect(authSettingsOf(readEnv({}))).toEqual({
			mode: 'password',
			oidc: null,
			breakGlassAdminEmail: null,
		})
		const both = authSettingsOf(readEnv(provider))
		expect(both.mode).toBe('both')
		expect(both.oidc).toMatchObject({
			issuer: 'https://cms.okta.com/oauth2/default',
			tokenAuthMethod: 'client_secret_basic',
			scopes: 'openid email profile',
			roleClaim: 'groups',
			orgUnitClaim: null,
			postLogoutRedirectUri: 'http://localhost:3000/login?signedOut=1',
		})
	})

	test('an identity provider is configured whole: issuer, client id and redirect URI together, a secret unless the client is public', () => {
		expect(() => readEnv({ OIDC_ISSUER: provider.OIDC_ISSUER })).toThrow(
			/OIDC_CLIENT_ID: is required for single sign-on[\s\S]*OIDC_REDIRECT_URI: is required/,
		)
		expect(() => readEnv({ AUTH_MODE: 'oidc' })).toThrow(/OIDC_ISSUER: is required/)
		expect(() =>
			readEnv({
				...provider,
				OIDC_CLIENT_SECRET: undefined,
				OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
			}),
		).toThrow(/OIDC_CLIENT_SECRET: is required with OIDC_TOKEN_AUTH_METHOD=client_secret_post/)
		// Login.gov-style public client with PKCE and no secret.
		expect(
			authSettingsOf(readEnv({ ...provider, OIDC_CLIENT_SECRET: undefined })).oidc?.tokenAuthMethod,
		).toBe('none')
	})

	test('the issuer must be https, except on this machine', () => {
		expect(() => readEnv({ ...provider, OIDC_ISSUER: 'http://idp.cms.gov' })).toThrow(
			/OIDC_ISSUER: must be an https:\/\/ address/,
		)
		expect(readEnv({ ...provider, OIDC_ISSUER: 'http://127.0.0.1:8080' }).OIDC_ISSUER).toBe(
			'http://127.0.0.1:8080',
		)
		expect(() => readEnv({ ...provider, OIDC_SCOPES: 'email profile' })).toThrow(
			/OIDC_SCOPES: must include openid/,
		)
	})

	test('AUTH_MODE=oidc names a break-glass administrator; with passwords alone one means nothing', () => {
		expect(
			authSettingsOf(
				readEnv({
					...provider,
					AUTH_MODE: 'oidc',
					BREAK_GLASS_ADMIN_EMAIL: 'Break.Glass@cms.hhs.gov',
				}),
			).breakGlassAdminEmail,
		).toBe('break.glass@cms.hhs.gov')
		expect(() =>
			readEnv({ AUTH_MODE: 'password', BREAK_GLASS_ADMIN_EMAIL: 'admin@cms.hhs.gov' }),
		).toThrow(/BREAK_GLASS_ADMIN_EMAIL: only means something with AUTH_MODE=oidc/)
	})

	test('demo accounts are never loaded into a production PostgreSQL database', () => {
		const production = {
			NODE_ENV: 'production',
			DATABASE_URL: 'postgres://db/ai',
			SESSION_SECRET: 'x'.repeat(32),
		}
		expect(() => readEnv({ ...production, SEED_DEMO_DATA: 'true' })).toThrow(
			/SEED_DEMO_DATA: demo accounts are never loaded into a production PostgreSQL database/,
		)
		expect(demoDataRefused(readEnv(production))).toBe(true)
		expect(demoDataRefused(readEnv({ DATABASE_URL: 'postgres://db/ai' }))).toBe(false)
		expect(demoDataRefused(readEnv({ NODE_ENV: 'production' }))).toBe(false)
	})
})
