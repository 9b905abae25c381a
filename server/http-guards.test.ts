// The HTTP server's guards, against the production server: origin checks on every state change,
// CSRF tokens bound to the session, body limits before any parsing, the Content-Security-Policy,
// no caching of personal pages, and a process that survives what used to stop it.
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { HttpClient } from '#tests/http-client.ts'
import { startTestServer, type TestServer } from '#tests/test-server.ts'

const MB = 1024 * 1024

/**
 * Sends a request by hand, as an uploading client would: the headers, then the first `sentBytes`
 * of a body that may claim to be much longer, then waits for the answer. It resolves as soon as a
 * whole answer (by its Content-Length) has arrived, so a server that answers before reading the
 * body and keeps the connection open does not make it wait.
 */
async function rawPost(
	url: string,
	path: string,
	headers: Record<string, string>,
	sentBytes: number,
) {
	const { hostname, port } = new URL(url)
	return new Promise<{ status: number; answer: string }>((resolve, reject) => {
		const socket = net.connect(Number(port), hostname)
		let received = Buffer.alloc(0)
		const result = () => {
			const answer = received.toString('utf8')
			return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), answer }
		}
		const answerIsWhole = () => {
			const headerEnd = received.indexOf('\r\n\r\n')
			if (headerEnd < 0) return false
			const length = /\r\ncontent-length: *(\d+)/i.exec(
				received.subarray(0, headerEnd).toString('latin1'),
			)?.[1]
			return length !== undefined && received.length - (headerEnd + 4) >= Number(length)
		}
		socket.on('connect', () => {
			socket.write(
				`POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${Object.entries(headers)
					.map(([k, v]) => `${k}: ${v}\r\n`)
					.join('')}\r\n`,
			)
			socket.write(Buffer.alloc(sentBytes, 'a'))
		})
		socket.on('data', (data) => {
			received = Buffer.concat([received, data])
			if (answerIsWhole()) {
				resolve(result())
				socket.destroy()
			}
		})
		// A server that answered and closed the connection mid-body makes the next write fail: that is the answer.
		socket.on('error', (error) => (received.length > 0 ? resolve(result()) : reject(error)))
		socket.on('close', () => resolve(result()))
		setTimeout(() => socket.destroy(), 20_000).unref()
	})
}

describe('the HTTP server', () => {
	let server: TestServer<{ notificationId: string }>

	beforeAll(async () => {
		server = await startTestServer({ kind: 'embedded' }, async (prisma) => {
			const submitter = await prisma.user.findUniqueOrThrow({
				where: { email: 'submitter@cms.example' },
			})
			const notification = await prisma.notification.create({
				data: {
					userId: submitter.id,
					kind: 'COMMENTED',
					title: 'A comment',
					body: 'On your case.',
					link: '/use-cases',
				},
			})
			return { notificationId: notification.id }
		})
	}, 240_000)

	afterAll(async () => {
		await server?.stop()
	})

	describe('state-changing requests from another origin are refused before anything reads them', () => {
		test('a form posted from another site, or from another port of this host, is refused with 403', async () => {
			const client = new HttpClient(server.url)
			await client.signIn('submitter@cms.example')
			const foreign: Array<Record<string, string>> = [
				{ Origin: 'http://evil.example' },
				{ Origin: server.url.replace(/:\d+$/, ':1') },
				{ Origin: 'null' },
				{ 'Sec-Fetch-Site': 'same-site' },
				{ 'Sec-Fetch-Site': 'cross-site' },
			]
			for (const headers of foreign) {
				// A resource route's action, as in the attack on /notifications/:id.
				const response = await client.post(
					`/notifications/${server.fixtures.notificationId}`,
					{ intent: 'read' },
					{ headers },
				)
				expect(response.status, JSON.stringify(headers)).toBe(403)
				expect(await response.text()).toContain('This form did not come from this site')
			}
			const read = await client.post(
				`/notifications/${server.fixtures.notificationId}`,
				{ intent: 'read' },
				{ headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' } },
			)
			expect(read.status).toBeLessThan(400)
		})
	})

	describe('CSRF tokens are bound to the session', () => {
		test('the token changes at sign-in, and a token of another session or visitor is refused', async () => {
			const victim = new HttpClient(server.url)
			const before = await victim.csrfToken()
			await victim.signIn('submitter@cms.example')
			const after = await victim.csrfToken()
			expect(after).not.toBe(before)

			const attacker = new HttpClient(server.url)
			const attackerVisitorToken = await attacker.csrfToken()
			await attacker.signIn('reviewer@cms.example')
			const attackerSessionToken = await attacker.csrfToken()
			const target = `/notifications/${server.fixtures.notificationId}`
			// The victim's own pre-sign-in token, the attacker's token, and the attacker's planted cookie with its token.
			for (const token of [before, attackerVisitorToken, attackerSessionToken]) {
				expect(
					(
						await victim.fetch(target, {
							method: 'POST',
							body: new URLSearchParams({ csrf: token, intent: 'read' }),
						})
					).status,
				).toBe(403)
			}
			const planted = await victim.fetch(target, {
				method: 'POST',
				body: new URLSearchParams({ csrf: attackerVisitorToken, intent: 'read' }),
				headers: {
					Cookie: `aigt_session=${victim.cookies.get('aigt_session')}; aigt_csrf=${attacker.cookies.get('aigt_csrf')}`,
				},
			})
			expect(planted.status).toBe(403)
			expect((await victim.post(target, { intent: 'read' })).status).toBeLessThan(400)
		})

		test('a new sign-in of the same person gets a new token', async () => {
			const first = new HttpClient(server.url)
			await first.signIn('leadership@cms.example')
			const second = new HttpClient(server.url)
			await second.signIn('leadership@cms.example')
			expect(await first.csrfToken()).not.toBe(await second.csrfToken())
		})
	})

	describe('sign-in throttling', () => {
		test('twenty wrong passwords at once are checked at most five times', async () => {
			const client = new HttpClient(server.url)
			// Its own address (the server trusts X-Forwarded-For from loopback), so the other tests' sign-ins stay unaffected.
			const headers = { 'X-Forwarded-For': '203.0.113.77' }
			await client.csrfToken()
			const answers = await Promise.all(
				Array.from({ length: 20 }, () =>
					client.post(
						'/login',
						{ email: 'throttle-target@cms.example', password: 'wrong-password' },
						{ headers },
					),
				),
			)
			const statuses = answers.map((answer) => answer.status)
			expect(statuses.filter((status) => status === 400)).toHaveLength(5)
			expect(statuses.filter((status) => status === 429)).toHaveLength(15)
		})
	})

	describe('request bodies are limited before any parsing', () => {
		test('a 100 MB anonymous sign-in post is refused with 413 without being read', async () => {
			// The client has sent 16 KB of the 100 MB it announced (one write, taken in by the socket at
			// once, so none is left to fail when the server closes): the answer must not wait for the rest.
			const result = await rawPost(
				server.url,
				'/login',
				{ 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(100 * MB) },
				16 * 1024,
			)
			expect(result.status).toBe(413)
			expect(result.answer).toContain('at most 1 MB')
			expect((await fetch(`${server.url}/livez`)).status).toBe(200)
		})

		test('a body of unknown length (chunked) is refused before it is read', async () => {
			const result = await rawPost(
				server.url,
				'/login',
				{ 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
				0,
			)
			expect(result.status).toBe(411)
			expect((await fetch(`${server.url}/livez`)).status).toBe(200)
		})

		test('the import accepts a larger body than a form, and no more than its stated limit', async () => {
			// All 2 MB is sent and the connection kept: the server answers 403 (no session) after letting the body in, not 413.
			const small = await rawPost(
				server.url,
				'/inventory/import',
				{ 'Content-Type': 'text/plain', 'Content-Length': String(2 * MB) },
				2 * MB,
			)
			expect(small.status).toBe(403)
			const form = await rawPost(
				server.url,
				'/use-cases/new',
				{ 'Content-Type': 'text/plain', 'Content-Length': String(2 * MB) },
				0,
			)
			expect(form.status).toBe(413)
			const large = await rawPost(
				server.url,
				'/inventory/import',
				{ 'Content-Type': 'text/plain', 'Content-Length': String(7 * MB) },
				0,
			)
			expect(large.status).toBe(413)
			expect(large.answer).toContain('at most 6 MB')
		})
	})

	describe('headers', () => {
		test('pages carry a strict Content-Security-Policy whose nonce is on every inline script', async () => {
			const client = new HttpClient(server.url)
			await client.signIn('governance@cms.example')
			const response = await client.get('/inventory')
			const policy = response.headers.get('Content-Security-Policy') ?? ''
			const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1]
			expect(nonce).toBeTruthy()
			expect(policy).not.toContain('unsafe-inline')
			expect(policy).toContain("frame-ancestors 'none'")
			expect(policy).toContain("form-action 'self'")
			expect(policy).toContain("object-src 'none'")
			const html = await response.text()
			const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!)
			expect(scripts.length).toBeGreaterThan(0)
			for (const attributes of scripts) {
				if (/\bsrc=/.test(attributes)) continue
				expect(attributes).toContain(`nonce="${nonce}"`)
			}
			const again = await client.get('/inventory')
			expect(again.headers.get('Content-Security-Policy')).not.toBe(policy)
		})

		test('personal pages and their data are never stored by a cache', async () => {
			const client = new HttpClient(server.url)
			await client.signIn('leadership@cms.example')
			for (const path of [
				'/inventory',
				'/inventory.data',
				'/use-cases',
				'/_.data',
				'/inventory/export/omb.csv',
			]) {
				const response = await client.get(path)
				expect(response.status, path).toBe(200)
				expect(response.headers.get('Cache-Control'), path).toBe('no-store')
			}
			expect((await new HttpClient(server.url).get('/login')).headers.get('Cache-Control')).toBe(
				'no-store',
			)
		})
	})

	describe('what used to stop the process', () => {
		test('a NUL byte in the audit export filters is a 400, and the server stays up', async () => {
			const client = new HttpClient(server.url)
			await client.signIn('leadership@cms.example')
			for (const query of ['actor=%00', 'entityId=%00', 'actor=a%00b']) {
				const response = await client.get(`/audit/events.csv?${query}`)
				expect(response.status, query).toBe(400)
			}
			expect((await fetch(`${server.url}/livez`)).status).toBe(200)
			expect(server.alive()).toBe(true)
		})
	})
})
