// The product's screenshots (docs/screenshots/<SCREENSHOT_SET>/): the intake form, a case page, the
// inventory and the dashboards at desktop width and at 320 px, on a fresh copy of the demo data.
//   npx react-router build && SCREENSHOT_SET=after npx playwright test -c scripts/screenshots/playwright.config.ts
import path from 'node:path'
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test'
import base from '../../playwright.config.ts'

export default defineConfig({
	...base,
	testDir: '.',
	testMatch: 'take-screenshots.ts',
	reporter: [['list']],
	timeout: 180_000,
	// The server starts from the repository's root, whichever directory this config sits in.
	webServer: {
		...(base.webServer as Extract<PlaywrightTestConfig['webServer'], { command: string }>),
		cwd: path.resolve(import.meta.dirname, '../..'),
	},
})
