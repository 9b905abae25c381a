// A real OpenID Connect provider for the tests (oauth2-mock-server on 127.0.0.1), with the pieces
// an agency identity provider has and the mock lacks: people with groups, and sessions that
// RP-initiated logout ends. Used by the Vitest suites and the end-to-end journeys.
import { randomUUID } from 'node:crypto'
import { type IncomingMessage } from 'node:http'
import {
	type MutableRedirectUri,
	type MutableResponse,
	type MutableToken,
	OAuth2Server,
} from 'oauth2-mock-server'

export type Person = {
	sub: string
	email?: string
	email_verified?: boolean
	name?: string
	groups?: Array<string>
	org_unit?: string
}

export type IdentityProvider = {
	issuer: string
	server: OAuth2Server
	/** Who signs in next (the mock's authorize endpoint signs in whoever this is, without a form). */
	signInAs(person: Person): void
	/** Changes the next ID token before it is signed (a wrong nonce, audience, expiry…). */
	alterNextIdToken(change: (payload: Record<string, unknown>) => void): void
	/** Changes the next token endpoint response after signing (a tampered ID token). */
	alterNextTokenResponse(change: (body: Record<string, unknown>) => void): void
	/** Provider sessions (`sid`) still open, by subject. */
	openSessions(subject: string): Array<string>
	/** End-session requests received (RP-initiated logout), with the ID token hint each carried. */
	endSessionRequests: Array<{ idTokenHint: string | null; postLogoutRedirectUri: string | null }>
	/** A logout token as the provider would post it to a back-channel logout endpoint. */
	logoutToken(claims: {
		sub?: string
		sid?: string
		aud?: string
		events?: unknown
		nonce?: string
		iat?: number
	}): Promise<string>
	stop(): Promise<void>
}

export async function startIdentityProvider({
	port = 0,
	clientId,
}: {
	port?: number
	clientId: string
}): Promise<IdentityProvider> {
	const server = new OAuth2Server()
	await server.issuer.keys.generate('RS256')
	let person: Person = { sub: 'unset' }
	const sessions = new Map<string, { sub: string; open: boolean }>()
	const idTokenChanges: Array<(payload: Record<string, unknown>) => void> = []
	const responseChanges: Array<(body: Record<string, unknown>) => void> = []
	const endSessionRequests: IdentityProvider['endSessionRequests'] = []

	server.service.on('beforeTokenSigning', (token: MutableToken) => {
		const payload = token.payload as Record<string, unknown>
		const { sub, ...claims } = person
		payload.sub = sub
		// The ID token is the one with an audience; the access token of this grant has none.
		if (payload.aud === undefined) return
		const sid = randomUUID()
		sessions.set(sid, { sub, open: true })
		Object.assign(payload, claims, { sid })
		idTokenChanges.shift()?.(payload)
	})
	server.service.on('beforeResponse', (response: MutableResponse) => {
		if (response.statusCode === 200)
			responseChanges.shift()?.(response.body as Record<string, unknown>)
	})
	server.service.on(
		'beforePostLogoutRedirect',
		(_redirect: MutableRedirectUri, request: IncomingMessage) => {
			const query = new URL(request.url ?? '/', 'http://provider').searchParams
			const idTokenHint = query.get('id_token_hint')
			endSessionRequests.push({
				idTokenHint,
				postLogoutRedirectUri: query.get('post_logout_redirect_uri'),
			})
			const sid = idTokenHint
				? (
						JSON.parse(Buffer.from(idTokenHint.split('.')[1] ?? '', 'base64url').toString()) as {
							sid?: string
						}
					).sid
				: undefined
			const session = sid ? sessions.get(sid) : undefined
			if (session) session.open = false
		},
	)

	// An address the app accepts (http only on loopback) and Node reaches without resolving names.
	server.issuer.url = undefined
	await server.start(port, '127.0.0.1')
	const address = server.address()
	server.issuer.url = `http://127.0.0.1:${address.port}`
	const issuer = server.issuer.url

	return {
		issuer,
		server,
		signInAs(next) {
			person = next
		},
		alterNextIdToken(change) {
			idTokenChanges.push(change)
		},
		alterNextTokenResponse(change) {
			responseChanges.push(change)
		},
		openSessions(subject) {
			return [...sessions]
				.filter(([, session]) => session.sub === subject && session.open)
				.map(([sid]) => sid)
		},
		endSessionRequests,
		async logoutToken(claims) {
			const { iat, ...rest } = claims
			return server.issuer.buildToken({
				scopesOrTransform: (_header, payload) => {
					const claims = payload as Record<string, unknown>
					delete claims.exp
					delete claims.nbf
					Object.assign(claims, {
						aud: clientId,
						jti: randomUUID(),
						events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
						...(iat !== undefined ? { iat } : {}),
						...rest,
					})
				},
			})
		},
		stop: () => server.stop(),
	}
}
