// Starts the built app for the end-to-end tests on a throwaway embedded database, or on
// E2E_DATABASE_URL when the run provides a PostgreSQL database.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

// A fixed, git-ignored place, emptied before each run: Playwright may kill this process before it
// can clean up after itself.
const dataDir = path.resolve('.cache/e2e-data')
rmSync(dataDir, { recursive: true, force: true })
mkdirSync(dataDir, { recursive: true })
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
child.on('exit', (code) => process.exit(code ?? 0))
