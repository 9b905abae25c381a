// Starts the built app for the end-to-end tests on a throwaway embedded database, or on
// E2E_DATABASE_URL when the run provides a PostgreSQL database.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startMailSink } from './mail-sink.js'

// A fixed, git-ignored place, emptied before each run: Playwright may kill this process before it
// can clean up after itself.
const dataDir = path.resolve('.cache/e2e-data')
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
}
if (process.env.E2E_DATABASE_URL) {
	env.DATABASE_URL = process.env.E2E_DATABASE_URL
	env.SESSION_SECRET = randomBytes(32).toString('hex')
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
