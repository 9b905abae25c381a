import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getEnv } from './env.server.ts'

let cached: string | undefined

/**
 * The key that signs cookies. Deployments set SESSION_SECRET; on the embedded database the app
 * makes one on first start and keeps it beside the data, so `npm start` needs no set-up and
 * sessions survive restarts.
 */
export function getSessionSecret(): string {
	if (cached) return cached
	const env = getEnv()
	if (env.SESSION_SECRET) return (cached = env.SESSION_SECRET)
	if (env.DATABASE_URL && env.NODE_ENV === 'production') {
		throw new Error(
			'SESSION_SECRET must be set (at least 32 characters) when DATABASE_URL is set in production',
		)
	}
	const file = path.resolve(env.DATA_DIR, 'session-secret')
	if (existsSync(file)) return (cached = readFileSync(file, 'utf8').trim())
	mkdirSync(path.dirname(file), { recursive: true })
	const secret = randomBytes(32).toString('base64url')
	writeFileSync(file, secret, { mode: 0o600 })
	return (cached = secret)
}
