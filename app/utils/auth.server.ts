import { redirect } from 'react-router'
import { Authenticator } from 'remix-auth'
import { FormStrategy } from 'remix-auth-form'
import { type Tx } from '#app/utils/db/tx.ts'
import {
	cachesAreCoherent,
	invalidateEverywhere,
	subscribeToInvalidations,
} from './cache-invalidation.server.ts'
import { prisma, type PrismaClient } from './db.server.ts'
import { decoyPasswordHash, verifyPassword } from './password.server.ts'
import { mergeRoleGrants } from './permissions.ts'
import { readSessionId } from './session.server.ts'

export type AuthenticatedUser = { userId: string }

export class InvalidCredentialsError extends Error {
	constructor() {
		super('Email or password is incorrect.')
	}
}

/** Password sign-in today; an OpenID Connect strategy joins it under another name for SSO. */
export const authenticator = new Authenticator<AuthenticatedUser>()

authenticator.use(
	new FormStrategy(async ({ form }) =>
		verifyPasswordLogin(String(form.get('email') ?? ''), String(form.get('password') ?? '')),
	),
	'password',
)

export async function verifyPasswordLogin(
	email: string,
	password: string,
): Promise<AuthenticatedUser> {
	const user = await prisma.user.findUnique({
		where: { email: email.trim().toLowerCase() },
		select: { id: true, active: true, password: { select: { hash: true } } },
	})
	const passwordHash = user?.password?.hash ?? (await decoyPasswordHash())
	const matches = await verifyPassword(passwordHash, password)
	// Unknown e-mail, wrong password and a deactivated account all look the same from outside.
	if (!user || !user.password || !matches || !user.active) throw new InvalidCredentialsError()
	return { userId: user.id }
}

export const userSelect = {
	id: true,
	name: true,
	email: true,
	orgUnit: { select: { code: true, shortName: true } },
	roles: { select: { role: true, lanes: true } },
} as const

// The root, layout and page loaders of one request share one Request object: look the session up
// once for all of them. Across page views, a session read in the last few seconds is reused: every
// page checks it three times and a person clicks through pages quickly. A sign-out, deactivation or
// change of roles is announced to every instance (cache-invalidation.server.ts), which forget the
// entry at once; an instance not listening for announcements reuses nothing, and a request that
// changes anything (any method but GET and HEAD) always reads the session afresh
// (see docs/decisions/003-database-sessions.md).
export const SESSION_REUSE_MS = 5_000
const MAX_REMEMBERED_SESSIONS = 10_000
const sessionsByRequest = new WeakMap<Request, Promise<Awaited<ReturnType<typeof readSession>>>>()
const recentSessions = new Map<
	string,
	{ at: number; userId: string | null; session: ReturnType<typeof readSession> }
>()
const READ_ONLY_METHODS = new Set(['GET', 'HEAD'])

subscribeToInvalidations('sessions', (invalidation) => {
	if (invalidation.kind === 'session') recentSessions.delete(invalidation.sessionId)
	else if (invalidation.kind === 'user') {
		for (const [id, entry] of recentSessions)
			if (entry.userId === invalidation.userId || entry.userId === null) recentSessions.delete(id)
	} else if (invalidation.kind === 'all') recentSessions.clear()
})

async function loadSessionUser(request: Request): Promise<Awaited<ReturnType<typeof readSession>>> {
	const sessionId = await readSessionId(request)
	if (!sessionId) return null
	const now = Date.now()
	const recent = recentSessions.get(sessionId)
	if (
		recent &&
		now - recent.at < SESSION_REUSE_MS &&
		READ_ONLY_METHODS.has(request.method) &&
		cachesAreCoherent()
	)
		return recent.session
	const session = readSession(sessionId)
	if (recentSessions.size >= MAX_REMEMBERED_SESSIONS) {
		for (const [id, entry] of recentSessions)
			if (now - entry.at >= SESSION_REUSE_MS) recentSessions.delete(id)
	}
	const entry: { at: number; userId: string | null; session: typeof session } = {
		at: now,
		userId: null,
		session,
	}
	recentSessions.set(sessionId, entry)
	session.then(
		(found) => (entry.userId = found?.user.id ?? null),
		() => recentSessions.delete(sessionId),
	)
	return session
}

async function readSession(sessionId: string) {
	const session = await prisma.session.findUnique({
		where: { id: sessionId },
		select: {
			id: true,
			expiresAt: true,
			revokedAt: true,
			method: true,
			user: { select: { ...userSelect, active: true, password: { select: { mustChange: true } } } },
		},
	})
	if (!session || session.revokedAt || session.expiresAt <= new Date() || !session.user.active)
		return null
	const { active: _active, password, roles, ...user } = session.user
	return {
		sessionId: session.id,
		method: session.method,
		// A temporary password set by an administrator: nothing but choosing a new one until then.
		mustChangePassword: session.method === 'PASSWORD' && Boolean(password?.mustChange),
		user: { ...user, roles: mergeRoleGrants(roles) },
	}
}

/**
 * Every instance forgets remembered sessions: one that was revoked, or all of a person whose access
 * changed. Pass the transaction of the change (announced as it commits); without one, call it after
 * the change committed.
 */
export async function forgetSessions(
	which: { sessionId: string } | { userId: string },
	via: Tx | PrismaClient = prisma,
) {
	await invalidateEverywhere(
		'sessionId' in which
			? { kind: 'session', sessionId: which.sessionId }
			: { kind: 'user', userId: which.userId },
		via,
	)
}

export function getSessionUser(request: Request) {
	let session = sessionsByRequest.get(request)
	if (!session) {
		session = loadSessionUser(request)
		sessionsByRequest.set(request, session)
	}
	return session
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>['user']

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
	const session = await getSessionUser(request)
	if (session?.mustChangePassword) throw redirect('/change-password')
	if (session) return session.user
	const url = new URL(request.url)
	// Client navigations fetch `<path>.data?_routes=…`; come back to the page, not to its data.
	url.searchParams.delete('_routes')
	const path = url.pathname.replace(/\.data$/, '').replace(/^\/_(root)?$/, '/')
	const back = `${path}${url.searchParams.size ? `?${url.searchParams}` : ''}`
	throw redirect(back === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: back })}`)
}

export async function requireAnonymous(request: Request) {
	if (await getSessionUser(request)) throw redirect('/')
}
