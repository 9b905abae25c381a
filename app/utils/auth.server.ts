import { redirect } from 'react-router'
import { Authenticator } from 'remix-auth'
import { FormStrategy } from 'remix-auth-form'
import { prisma } from './db.server.ts'
import { decoyPasswordHash, verifyPassword } from './password.server.ts'
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
	new FormStrategy(async ({ form }) => verifyPasswordLogin(String(form.get('email') ?? ''), String(form.get('password') ?? ''))),
	'password',
)

export async function verifyPasswordLogin(email: string, password: string): Promise<AuthenticatedUser> {
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

const userSelect = {
	id: true,
	name: true,
	email: true,
	orgUnit: { select: { code: true, shortName: true } },
	roles: { select: { role: true, lanes: true } },
} as const

async function loadSessionUser(request: Request) {
	const sessionId = await readSessionId(request)
	if (!sessionId) return null
	const session = await prisma.session.findUnique({
		where: { id: sessionId },
		select: { id: true, expiresAt: true, revokedAt: true, user: { select: { ...userSelect, active: true } } },
	})
	if (!session || session.revokedAt || session.expiresAt <= new Date() || !session.user.active) return null
	const { active: _active, ...user } = session.user
	return { sessionId: session.id, user }
}

// The root, layout and page loaders of one request share one Request object: look the session up
// once for all of them. A new request (the next page, or the data after an action) looks again.
const sessionsByRequest = new WeakMap<Request, ReturnType<typeof loadSessionUser>>()

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
	if (session) return session.user
	const url = new URL(request.url)
	// Client navigations fetch `<path>.data?_routes=…`; come back to the page, not to its data.
	url.searchParams.delete('_routes')
	const path = url.pathname.replace(/\.data$/, '').replace(/^\/_root$/, '/')
	const back = `${path}${url.searchParams.size ? `?${url.searchParams}` : ''}`
	throw redirect(back === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: back })}`)
}

export async function requireAnonymous(request: Request) {
	if (await getSessionUser(request)) throw redirect('/')
}
