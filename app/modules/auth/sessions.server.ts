// A person's own sessions: where they are signed in, and ending any of them.
import { createHash, randomBytes } from 'node:crypto'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { forgetSessions } from '#app/utils/auth.server.ts'
import { invalidateEverywhere } from '#app/utils/cache-invalidation.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { getSessionCookie, SESSION_LIFETIME_MS } from '#app/utils/session.server.ts'
import { deviceLabel } from './device-label.ts'

/** More than anyone has: a person's open sessions are few, and each lasts 12 hours. */
const MAX_LISTED_SESSIONS = 100

export async function listOwnSessions(userId: string, currentSessionId: string) {
	const sessions = await prisma.session.findMany({
		where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
		orderBy: { createdAt: 'desc' },
		take: MAX_LISTED_SESSIONS,
		select: {
			id: true,
			createdAt: true,
			expiresAt: true,
			ipAddress: true,
			userAgent: true,
			method: true,
		},
	})
	return sessions.map(({ id, userAgent, ...session }) => ({
		...session,
		// The session id is the cookie's secret: pages see a reference to it, never the id itself.
		reference: sessionReference(id),
		device: deviceLabel(userAgent),
		current: id === currentSessionId,
	}))
}

function sessionReference(sessionId: string) {
	return createHash('sha256').update(sessionId).digest('base64url').slice(0, 22)
}

/** Ends one of the person's own sessions by its reference; returns whether it was the one in use. */
export async function endOwnSession(
	user: { id: string; sessionId: string },
	reference: string,
	request: RequestInfo,
) {
	const sessions = await prisma.session.findMany({
		where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } },
		select: { id: true },
		take: MAX_LISTED_SESSIONS,
	})
	const target = sessions.find((session) => sessionReference(session.id) === reference)
	if (!target) throw new AppError('NOT_FOUND', 'That session has already ended.')
	await prisma.$transaction(async (tx) => {
		const ended = await tx.session.updateMany({
			where: { id: target.id, userId: user.id, revokedAt: null },
			data: { revokedAt: new Date(), idToken: null },
		})
		if (ended.count === 0) throw new AppError('NOT_FOUND', 'That session has already ended.')
		await recordEvent(tx, {
			actorId: user.id,
			action: 'auth.session_ended',
			entityType: 'User',
			entityId: user.id,
			after: { session: reference, current: target.id === user.sessionId },
			request,
		})
	})
	forgetSessions({ sessionId: target.id })
	return { endedCurrent: target.id === user.sessionId }
}

/** Ends the person's sessions, all of them or all but the one they are using; returns how many. */
export async function endSessions(tx: Tx, userId: string, keepSessionId: string | null) {
	const ended = await tx.session.updateMany({
		where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
		// The ID token was kept only to sign out at the identity provider from this session.
		data: { revokedAt: new Date(), idToken: null },
	})
	return ended.count
}

/** "Sign out everywhere else". */
export async function endOtherSessions(
	user: { id: string; sessionId: string },
	request: RequestInfo,
) {
	const count = await prisma.$transaction(async (tx) => {
		const sessionsEnded = await endSessions(tx, user.id, user.sessionId)
		await recordEvent(tx, {
			actorId: user.id,
			action: 'auth.other_sessions_ended',
			entityType: 'User',
			entityId: user.id,
			after: { sessionsEnded },
			request,
		})
		return sessionsEnded
	})
	forgetSessions({ userId: user.id })
	return count
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
export async function createUserSession(
	userId: string,
	request: RequestInfo,
	details: SignInDetails = { method: 'PASSWORD' },
) {
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
			after: {
				method: details.method,
				via: details.via ?? (details.method === 'OIDC' ? 'single-sign-on' : 'password'),
			},
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
		const session = await tx.session.findUnique({
			where: { id: sessionId },
			select: { userId: true, revokedAt: true, method: true, idToken: true },
		})
		if (!session || session.revokedAt) return null
		await tx.session.update({
			where: { id: sessionId },
			data: { revokedAt: new Date(), idToken: null },
		})
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
