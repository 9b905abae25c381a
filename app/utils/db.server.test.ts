import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, test, vi } from 'vitest'
import { LOCK_FILE_NAME } from './db/embedded-lock.server.ts'

type RememberStore = { __remember_epic_web?: Map<string, unknown> }
const store = () => ((globalThis as RememberStore).__remember_epic_web ??= new Map())
let dataDir = ''

afterEach(async () => {
	const opened = store().get('database') as { close(): Promise<void> } | undefined
	store().delete('database')
	await opened?.close()
	vi.unstubAllEnvs()
	rmSync(dataDir, { recursive: true, force: true })
})

test('importing the app database, or a module built on it, takes no lock until the first query', async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'app-database-'))
	vi.stubEnv('DATA_DIR', dataDir)
	vi.stubEnv('DATABASE_URL', '')
	store().delete('database')
	vi.resetModules()
	const { prisma } = await import('#app/utils/db.server.ts')
	// The seed imports the policy packs' module, which reads the shared client.
	await import('#prisma/seed/seed.server.ts')
	const lock = path.join(dataDir, LOCK_FILE_NAME)
	expect(existsSync(lock)).toBe(false)

	// The first query opens it, as before: a second process is kept out from then on.
	await expect(prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }])
	expect(existsSync(lock)).toBe(true)
}, 60_000)
