import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)
// The e2e mail server records every message here; the journeys read it (e2e/support/mailbox.ts).
process.env.E2E_MAILBOX_FILE ??= path.resolve(`.cache/e2e-mail/messages-${port}.jsonl`)
// The identity provider the single sign-on journeys start (e2e/sso.spec.ts), next to the app's port.
process.env.E2E_OIDC_PORT ??= String(port + 1)

/**
 * Journeys run against the production build on a fresh embedded database in a temporary
 * directory (or on E2E_DATABASE_URL when set), in Debian's Chromium.
 */
export default defineConfig({
	testDir: './e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: 'node e2e/support/start-server.js',
		url: `http://localhost:${port}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			E2E_MAILBOX_FILE: process.env.E2E_MAILBOX_FILE,
			E2E_OIDC_PORT: process.env.E2E_OIDC_PORT,
		},
	},
})
