import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { type MiddlewareFunction, createContext, createCookie, data } from 'react-router'
import { CSRF_FIELD_NAME, CSRF_HEADER_NAME } from './csrf.ts'
import { cookiesAreSecure, getEnv } from './env.server.ts'
import { isBearerOnly, policyFor } from './request-policy.ts'
import { getSessionSecret } from './secrets.server.ts'
import { getSessionUser } from './auth.server.ts'
import { peekForm } from './form-body.server.ts'

/** This request's CSRF token for the forms a page renders; worked out on first use (a probe such as /livez never needs it). */
export const csrfTokenContext = createContext<() => Promise<string>>(async () => '')

// A visitor without a session (the sign-in page) gets a random id in a signed cookie to bind
// their token to; once signed in, the token is bound to the session instead.
let visitorCookie: ReturnType<typeof createCookie> | undefined
function getVisitorCookie() {
	visitorCookie ??= createCookie('aigt_csrf', {
		httpOnly: true,
		sameSite: 'lax',
		secure: cookiesAreSecure(getEnv()),
		path: '/',
		secrets: [getSessionSecret()],
	})
	return visitorCookie
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The token for a session (or a visitor): a MAC of its id under the app's secret, never stored. */
function csrfTokenFor(binding: { sessionId: string } | { visitorId: string }) {
	const subject =
		'sessionId' in binding ? `session:${binding.sessionId}` : `visitor:${binding.visitorId}`
	return createHmac('sha256', getSessionSecret()).update(`csrf\0${subject}`).digest('base64url')
}

async function submittedToken(request: Request): Promise<string | null> {
	const header = request.headers.get(CSRF_HEADER_NAME)
	if (header) return header
	const value = (await peekForm(request))?.get(CSRF_FIELD_NAME)
	return typeof value === 'string' ? value : null
}

function sameToken(a: string, b: string) {
	const left = Buffer.from(a)
	const right = Buffer.from(b)
	return left.length === right.length && timingSafeEqual(left, right)
}

const FORGED =
	'This form has expired or did not come from this site. Reload the page and try again.'

/**
 * Every state-changing request must carry the token of the session that sends it, in a form field
 * or a header. The token is a MAC of the session id, so it changes with every sign-in, and a token
 * (or a token cookie) obtained by anyone else, from another session or another port of this host,
 * is worth nothing here. Requests with a bearer token and no cookie, where the path allows them
 * (request-policy.ts), carry no ambient credentials to forge and need no token.
 */
export const csrfMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
	let newVisitorId: string | null = null
	let binding: Promise<{ sessionId: string } | { visitorId: string } | null> | null = null
	const bindingOf = () =>
		(binding ??= (async () => {
			// A session that has ended (signed out in another tab, say) binds nothing: the visitor signs in again.
			const sessionId = (await getSessionUser(request))?.sessionId
			if (sessionId) return { sessionId }
			const stored: unknown = await getVisitorCookie().parse(request.headers.get('Cookie'))
			return typeof stored === 'string' && stored.length >= 32 ? { visitorId: stored } : null
		})())

	if (!SAFE_METHODS.has(request.method)) {
		const exempt =
			policyFor(new URL(request.url).pathname).bearerTokens && isBearerOnly(request.headers)
		if (!exempt) {
			const bound = await bindingOf()
			const submitted = await submittedToken(request)
			if (!bound || !submitted || !sameToken(csrfTokenFor(bound), submitted)) {
				throw data({ error: 'Forbidden', message: FORGED }, { status: 403 })
			}
		}
	}

	context.set(csrfTokenContext, async () => {
		const bound = await bindingOf()
		if (bound) return csrfTokenFor(bound)
		newVisitorId ??= randomBytes(32).toString('base64url')
		return csrfTokenFor({ visitorId: newVisitorId })
	})
	const response = await next()
	if (newVisitorId)
		response.headers.append('Set-Cookie', await getVisitorCookie().serialize(newVisitorId))
	return response
}
