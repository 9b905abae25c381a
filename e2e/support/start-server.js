// Starts the built app for the end-to-end tests on a throwaway embedded database, or on
// E2E_DATABASE_URL when the run provides a PostgreSQL database.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startMailSink } from './mail-sink.js'

const port = process.env.PORT ?? '3210'
// A fixed, git-ignored place per port, emptied before each run: Playwright may kill this process
// before it can clean up after itself, and two runs on two ports (npm test) must not share it.
const dataDir = path.resolve(`.cache/e2e-data-${port}`)
rmSync(dataDir, { recursive: true, force: true })
mkdirSync(dataDir, { recursive: true })
// A real mail server for the app's notification e-mail; the journeys read what it received
// (e2e/support/mailbox.ts) from the file playwright.config.ts names.
const mailboxFile = path.resolve(process.env.E2E_MAILBOX_FILE ?? '.cache/e2e-mail/messages.jsonl')
mkdirSync(path.dirname(mailboxFile), { recursive: true })
writeFileSync(mailboxFile, '')
const mailSink = await startMailSink(mailboxFile)

const env = {
	...process.env,
	NODE_ENV: 'production',
	DATA_DIR: dataDir,
	COOKIE_SECURE: 'false',
	SEED_DEMO_DATA: 'true',
	SMTP_URL: mailSink.url,
	// Single sign-on beside passwords, against the identity provider e2e/sso.spec.ts starts on this port.
	AUTH_MODE: 'both',
	OIDC_ISSUER: `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`,
	OIDC_CLIENT_ID: 'aigovernancetrackere2e',
	OIDC_CLIENT_SECRET: 'e2e-client-secret',
	OIDC_REDIRECT_URI: `http://localhost:${port}/auth/oidc/callback`,
	OIDC_POST_LOGOUT_REDIRECT_URI: `http://localhost:${port}/login?signedOut=1`,
	OIDC_ORG_UNIT_CLAIM: 'org_unit',
}
if (process.env.E2E_DATABASE_URL) {
	env.DATABASE_URL = process.env.E2E_DATABASE_URL
	env.SESSION_SECRET = randomBytes(32).toString('hex')
	// Production on PostgreSQL never seeds demo accounts itself: the test run loads them first, as a
	// test deployment would.
	delete env.SEED_DEMO_DATA
	const seeded = spawnSync('npx', ['tsx', 'scripts/db-seed.ts'], {
		stdio: 'inherit',
		env: { ...env, NODE_ENV: 'test' },
	})
	if (seeded.status !== 0) process.exit(seeded.status ?? 1)
} else {
	delete env.DATABASE_URL
}

const child = spawn(process.execPath, ['server.js'], { stdio: 'inherit', env })
const stop = () => {
	child.kill('SIGTERM')
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
child.on('exit', (code) => {
	mailSink.close().finally(() => process.exit(code ?? 0))
})
