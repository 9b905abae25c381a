import { createCookie } from 'react-router'
import { cookiesAreSecure, getEnv } from './env.server.ts'
import { getSessionSecret } from './secrets.server.ts'

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000

let sessionCookie: ReturnType<typeof createCookie> | undefined

/** The cookie holds only the session id, signed; everything else stays in the database. */
export function getSessionCookie() {
	sessionCookie ??= createCookie('aigt_session', {
		httpOnly: true,
		sameSite: 'lax',
		secure: cookiesAreSecure(getEnv()),
		path: '/',
		secrets: [getSessionSecret()],
	})
	return sessionCookie
}

export async function readSessionId(request: Request): Promise<string | null> {
	const value: unknown = await getSessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length > 0 ? value : null
}
