// A person's browser without JavaScript, as far as the server can tell: a cookie jar, pages fetched
// and forms posted as urlencoded bodies with the CSRF token the pages carry. One jar can be pointed
// at another instance (`on`), as a load balancer would send the same person elsewhere.

export type Reply = {
	status: number
	location: string | null
	text: string
	headers: Headers
	ms: number
}

export class Browser {
	private readonly cookies: Map<string, string>
	private csrfToken: string | null

	constructor(
		readonly baseUrl: string,
		shared?: { cookies: Map<string, string>; csrfToken: string | null },
	) {
		this.cookies = shared?.cookies ?? new Map()
		this.csrfToken = shared?.csrfToken ?? null
	}

	/** The same person (same cookies) on another instance. */
	on(baseUrl: string) {
		const other = new Browser(baseUrl, { cookies: this.cookies, csrfToken: this.csrfToken })
		return other
	}

	private remember(response: Response) {
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';')
			const [name, ...value] = pair!.split('=')
			if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name!.trim())
			else this.cookies.set(name!.trim(), value.join('='))
		}
	}

	private cookieHeader() {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
	}

	private async send(path: string, init: RequestInit, timeoutMs: number): Promise<Reply> {
		const started = performance.now()
		const response = await fetch(`${this.baseUrl}${path}`, {
			...init,
			redirect: 'manual',
			headers: {
				...(init.headers as Record<string, string>),
				Cookie: this.cookieHeader(),
				Origin: this.baseUrl,
			},
			signal: AbortSignal.timeout(timeoutMs),
		})
		this.remember(response)
		const text = await response.text()
		const token = /name="csrf" value="([^"]+)"/.exec(text)?.[1]
		if (token) this.csrfToken = token
		return {
			status: response.status,
			location: response.headers.get('Location'),
			text,
			headers: response.headers,
			ms: performance.now() - started,
		}
	}

	get(path: string, timeoutMs = 30_000) {
		return this.send(path, { method: 'GET' }, timeoutMs)
	}

	/** Posts a form with this page's CSRF token (fetch a page first). */
	post(path: string, fields: Record<string, string | Array<string>>, timeoutMs = 30_000) {
		const body = new URLSearchParams()
		for (const [name, value] of Object.entries(fields))
			for (const item of [value].flat()) body.append(name, item)
		if (this.csrfToken) body.set('csrf', this.csrfToken)
		return this.send(
			path,
			{ method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
			timeoutMs,
		)
	}

	async signIn(email: string, password: string) {
		await this.get('/login')
		const reply = await this.post('/login', { email, password, redirectTo: '' })
		if (reply.status !== 302 || !this.cookies.has('aigt_session'))
			throw new Error(`Sign-in as ${email} failed: ${reply.status} ${reply.text.slice(0, 300)}`)
		return this
	}

	async signOut() {
		await this.get('/')
		return this.post('/logout', {})
	}
}

/** The value of a hidden field on a page, such as `submissionKey`. */
export function hiddenField(html: string, name: string) {
	return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? null
}
