import { randomBytes } from 'node:crypto'
import { createCookie } from 'react-router'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { invalidateEverywhere } from './cache-invalidation.server.ts'
import { prisma } from './db.server.ts'
import { cookiesAreSecure, getEnv } from './env.server.ts'
import { type RequestInfo } from './request-context.ts'
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

export type SignInDetails = {
	/** How the person proved who they are; `via` adds which page (an invitation, a reset link). */
	method: 'PASSWORD' | 'OIDC'
	via?: 'password' | 'invitation' | 'password-reset' | 'password-change' | 'single-sign-on'
	/** Single sign-on: the identity provider's session id and the ID token (for signing out there). */
	oidcSessionId?: string | null
	idToken?: string | null
}

/** Every way of signing in ends here: one place creates sessions (and their cookie). */
export async function createUserSession(userId: string, request: RequestInfo, details: SignInDetails = { method: 'PASSWORD' }) {
	const session = await prisma.$transaction(async (tx) => {
		const created = await tx.session.create({
			data: {
				id: randomBytes(32).toString('base64url'),
				userId,
				expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
				ipAddress: request.ipAddress,
				userAgent: request.userAgent?.slice(0, 500),
				method: details.method,
				oidcSessionId: details.oidcSessionId ?? null,
				idToken: details.idToken ?? null,
			},
			select: { id: true, expiresAt: true },
		})
		await recordEvent(tx, {
			actorId: userId,
			action: 'auth.signed_in',
			entityType: 'User',
			entityId: userId,
			after: { method: details.method, via: details.via ?? (details.method === 'OIDC' ? 'single-sign-on' : 'password') },
			request,
		})
		return created
	})
	const setCookie = await getSessionCookie().serialize(session.id, { expires: session.expiresAt })
	return { setCookie }
}

/** Ends a session; returns the cookie that clears it and, for single sign-on, its ID token. */
export async function revokeSession(sessionId: string, request: RequestInfo) {
	const ended = await prisma.$transaction(async (tx) => {
		const session = await tx.session.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true, method: true, idToken: true } })
		if (!session || session.revokedAt) return null
		await tx.session.update({ where: { id: sessionId }, data: { revokedAt: new Date(), idToken: null } })
		await recordEvent(tx, {
			actorId: session.userId,
			action: 'auth.signed_out',
			entityType: 'User',
			entityId: session.userId,
			request,
		})
		// Announced as the sign-out commits: no instance accepts the session afterwards.
		await invalidateEverywhere({ kind: 'session', sessionId }, tx)
		return session
	})
	return {
		setCookie: await getSessionCookie().serialize('', { maxAge: 0 }),
		idToken: ended?.method === 'OIDC' ? ended.idToken : null,
	}
}
