import { randomBytes } from 'node:crypto'
import { createCookie } from 'react-router'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { invalidateEverywhere } from './cache-invalidation.server.ts'
import { prisma } from './db.server.ts'
import { getEnv } from './env.server.ts'
import { type RequestInfo } from './request-context.ts'
import { getSessionSecret } from './secrets.server.ts'

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000

function cookieIsSecure() {
	const env = getEnv()
	if (env.COOKIE_SECURE) return env.COOKIE_SECURE === 'true'
	return env.NODE_ENV === 'production'
}

let sessionCookie: ReturnType<typeof createCookie> | undefined

/** The cookie holds only the session id, signed; everything else stays in the database. */
export function getSessionCookie() {
	sessionCookie ??= createCookie('aigt_session', {
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieIsSecure(),
		path: '/',
		secrets: [getSessionSecret()],
	})
	return sessionCookie
}

export async function readSessionId(request: Request): Promise<string | null> {
	const value: unknown = await getSessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length > 0 ? value : null
}

export async function createUserSession(userId: string, request: RequestInfo) {
	const session = await prisma.$transaction(async (tx) => {
		const created = await tx.session.create({
			data: {
				id: randomBytes(32).toString('base64url'),
				userId,
				expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
				ipAddress: request.ipAddress,
				userAgent: request.userAgent?.slice(0, 500),
			},
			select: { id: true, expiresAt: true },
		})
		await recordEvent(tx, {
			actorId: userId,
			action: 'auth.signed_in',
			entityType: 'User',
			entityId: userId,
			request,
		})
		return created
	})
	const setCookie = await getSessionCookie().serialize(session.id, { expires: session.expiresAt })
	return { setCookie }
}

export async function revokeSession(sessionId: string, request: RequestInfo) {
	await prisma.$transaction(async (tx) => {
		const session = await tx.session.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true } })
		if (!session || session.revokedAt) return
		await tx.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } })
		await recordEvent(tx, {
			actorId: session.userId,
			action: 'auth.signed_out',
			entityType: 'User',
			entityId: session.userId,
			request,
		})
		// Announced as the sign-out commits: no instance accepts the session afterwards.
		await invalidateEverywhere({ kind: 'session', sessionId }, tx)
	})
	return { setCookie: await getSessionCookie().serialize('', { maxAge: 0 }) }
}
