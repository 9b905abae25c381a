// A browser-like client for the HTTP tests: keeps cookies, follows no redirects (tests assert on
// them), and fills in the CSRF token the way the app's forms do.
import { DEMO_PASSWORD } from '#prisma/seed/demo-accounts.ts'

export type FormFields = Record<string, string | ReadonlyArray<string>>

const CSRF_INPUT = /<input type="hidden" name="csrf" value="([^"]*)"/

export class HttpClient {
	readonly cookies = new Map<string, string>()
	private token: string | null = null

	constructor(readonly baseUrl: string) {}

	async fetch(pathOrUrl: string, init: RequestInit = {}) {
		const headers = new Headers(init.headers)
		if (this.cookies.size && !headers.has('Cookie')) {
			headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
		}
		const response = await fetch(new URL(pathOrUrl, this.baseUrl), {
			...init,
			headers,
			redirect: 'manual',
		})
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';')
			const separator = pair!.indexOf('=')
			const name = pair!.slice(0, separator)
			const value = pair!.slice(separator + 1)
			if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie))
				this.cookies.delete(name)
			else this.cookies.set(name, value)
		}
		return response
	}

	get(path: string, headers: HeadersInit = {}) {
		return this.fetch(path, { headers })
	}

	/** The token a page of the app would put in its forms for this client right now. */
	async csrfToken(): Promise<string> {
		if (this.token) return this.token
		const signedIn = this.cookies.has('aigt_session')
		const page = await this.get(signedIn ? '/settings' : '/login')
		const token = CSRF_INPUT.exec(await page.text())?.[1]
		if (!token)
			throw new Error(
				`No CSRF token on ${signedIn ? '/settings' : '/login'} (status ${page.status})`,
			)
		this.token = token
		return token
	}

	/** Posts a url-encoded form as the app's pages do, with the CSRF token unless `csrf: false`. */
	async post(
		path: string,
		fields: FormFields = {},
		options: { csrf?: boolean; headers?: HeadersInit } = {},
	) {
		const body = new URLSearchParams()
		if (options.csrf !== false) body.append('csrf', await this.csrfToken())
		for (const [name, value] of Object.entries(fields)) {
			for (const item of typeof value === 'string' ? [value] : value) body.append(name, item)
		}
		return this.fetch(path, { method: 'POST', body, headers: options.headers })
	}

	async signIn(email: string, password = DEMO_PASSWORD, headers: HeadersInit = {}) {
		// The session may have ended since the token was read.
		this.token = null
		const response = await this.post('/login', { email, password }, { headers })
		if (response.status !== 302)
			throw new Error(
				`Signing in as ${email} answered ${response.status}: ${await response.text()}`,
			)
		// The token is bound to the session, which sign-in has just replaced.
		this.token = null
		return response
	}
}
