// Starts the built app for the end-to-end tests on a throwaway embedded database (or on
// E2E_DATABASE_URL), with SMTP pointed at E2E_SMTP_URL when the tests provide one.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ai-governance-e2e-'))
const env = {
	...process.env,
	NODE_ENV: 'production',
	DATA_DIR: dataDir,
	COOKIE_SECURE: 'false',
	SEED_DEMO_DATA: 'true',
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
	rmSync(dataDir, { recursive: true, force: true })
	process.exit(code ?? 0)
})
