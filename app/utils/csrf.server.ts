import { randomBytes, timingSafeEqual } from 'node:crypto'
import { type MiddlewareFunction, createContext, createCookie, data } from 'react-router'
import { CSRF_FIELD_NAME, CSRF_HEADER_NAME } from './csrf.ts'
import { getEnv } from './env.server.ts'
import { getSessionSecret } from './secrets.server.ts'


export const csrfTokenContext = createContext<string>('')

let csrfCookie: ReturnType<typeof createCookie> | undefined
function getCsrfCookie() {
	const env = getEnv()
	csrfCookie ??= createCookie('aigt_csrf', {
		httpOnly: true,
		sameSite: 'lax',
		secure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : env.NODE_ENV === 'production',
		path: '/',
		secrets: [getSessionSecret()],
	})
	return csrfCookie
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

async function submittedToken(request: Request): Promise<string | null> {
	const header = request.headers.get(CSRF_HEADER_NAME)
	if (header) return header
	const contentType = request.headers.get('Content-Type') ?? ''
	if (!contentType.includes('application/x-www-form-urlencoded') && !contentType.includes('multipart/form-data')) {
		return null
	}
	try {
		const value = (await request.clone().formData()).get(CSRF_FIELD_NAME)
		return typeof value === 'string' ? value : null
	} catch {
		return null
	}
}

function sameToken(a: string, b: string) {
	const left = Buffer.from(a)
	const right = Buffer.from(b)
	return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Double-submit token: a signed cookie holds a random token and every mutating request must
 * echo it in a form field or header. A page on another site can make the browser send the
 * cookie but cannot read it to echo it, so forged posts fail here, before any action runs.
 */
export const csrfMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
	const cookieHeader = request.headers.get('Cookie')
	const stored: unknown = await getCsrfCookie().parse(cookieHeader)
	const existing = typeof stored === 'string' && stored.length >= 32 ? stored : null

	if (!SAFE_METHODS.has(request.method)) {
		const submitted = await submittedToken(request)
		if (!existing || !submitted || !sameToken(existing, submitted)) {
			throw data(
				{ error: 'Forbidden', message: 'This form has expired or did not come from this site. Reload the page and try again.' },
				{ status: 403 },
			)
		}
	}

	const token = existing ?? randomBytes(32).toString('base64url')
	context.set(csrfTokenContext, token)
	const response = await next()
	if (!existing) response.headers.append('Set-Cookie', await getCsrfCookie().serialize(token))
	return response
}
