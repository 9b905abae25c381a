import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { appUrlOf, EnvSchema, readEnv } from './env.server.ts'

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
	expect(() => readEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/)
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
	for (const name of Object.keys(app.environment)) expect(known, `${name} is not read by the app`).toContain(name)

	const db = compose.services.db.environment
	const url = new URL(app.environment.DATABASE_URL)
	expect(url.hostname).toBe('db')
	expect(url.username).toBe(db.POSTGRES_USER)
	expect(url.password).toBe(db.POSTGRES_PASSWORD)
	expect(url.pathname).toBe(`/${db.POSTGRES_DB}`)
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
	expect(appUrlOf(readEnv({ APP_URL: 'https://ai-governance.cms.gov/' }))).toBe('https://ai-governance.cms.gov')
	expect(appUrlOf(readEnv({ APP_URL: 'https://apps.cms.gov/ai-governance' }))).toBe('https://apps.cms.gov/ai-governance')
	expect(() => readEnv({ APP_URL: 'ai-governance.cms.gov' })).toThrow(/APP_URL: must be an http:\/\/ or https:\/\/ address/)
	expect(() => readEnv({ APP_URL: 'https://ai-governance.cms.gov/?next=1' })).toThrow(/APP_URL/)
})

test('the README configuration table describes every variable the app reads', async () => {
	const readme = await readFile('README.md', 'utf8')
	const table = readme.slice(readme.indexOf('### Configuration'), readme.indexOf('A wrong value stops start-up'))
	for (const name of Object.keys(EnvSchema.shape).filter((name) => name !== 'NODE_ENV')) {
		expect(table, `${name} is missing from the README`).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'))
	}
})
