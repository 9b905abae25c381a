// Single sign-on against a real OpenID Connect provider (oauth2-mock-server), on both databases.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'
import { type IdentityProvider, startIdentityProvider } from '#tests/oidc-provider.ts'

// Letters only: the mock does not undo the form-encoding of client credentials in HTTP Basic (RFC 6749 §2.3.1).
const CLIENT_ID = 'aigovernancetracker'

for (const target of databaseTargets()) {
	describe(`${target.name}: single sign-on through OpenID Connect`, () => {
		let database: Database
		let provider: IdentityProvider
		let oidc: typeof import('./oidc.server.ts')
		let backchannel: typeof import('./backchannel-logout.server.ts')
		let mapping: typeof import('./role-mapping.server.ts')
		let settings: import('#app/utils/env.server.ts').OidcSettings
		let oitId: string

		beforeAll(async () => {
			provider = await startIdentityProvider({ clientId: CLIENT_ID })
			Object.assign(process.env, {
				SESSION_SECRET: 'a test secret that is at least thirty-two characters long',
				OIDC_ISSUER: provider.issuer,
				OIDC_CLIENT_ID: CLIENT_ID,
				OIDC_CLIENT_SECRET: 'test-client-secret',
				OIDC_REDIRECT_URI: 'http://localhost:3000/auth/oidc/callback',
				OIDC_ORG_UNIT_CLAIM: 'org_unit',
			})
			database = await openAppDatabase(target)
			oidc = await import('./oidc.server.ts')
			backchannel = await import('./backchannel-logout.server.ts')
			mapping = await import('./role-mapping.server.ts')
			const { authSettingsOf, getEnv } = await import('#app/utils/env.server.ts')
			settings = authSettingsOf(getEnv()).oidc!
			const { prisma } = database
			// The migrations insert CMS's organisation.
			oitId = (
				await prisma.orgUnit.findUniqueOrThrow({
					where: { code: 'HHS/CMS/OIT' },
					select: { id: true },
				})
			).id
			const admin = await prisma.user.create({
				data: { email: 'admin@cms.example', name: 'Admin' },
			})
			await mapping.addGroupMapping(
				admin.id,
				{ group: 'CMS-AI-Submitters', role: 'SUBMITTER', lanes: [] },
				testRequest,
			)
			await mapping.addGroupMapping(
				admin.id,
				{ group: 'CMS-Privacy-Office', role: 'REVIEWER', lanes: ['PRIVACY'] },
				testRequest,
			)
			await mapping.addGroupMapping(
				admin.id,
				{ group: 'CMS-CAIO', role: 'GOVERNANCE_LEAD', lanes: [] },
				testRequest,
			)
		})
		afterAll(async () => {
			oidc?.forgetOidcConfigurations()
			await provider?.stop()
			await database?.close()
		})
		afterEach(() => {
			vi.useRealTimers()
		})

		/** What a browser does: start, follow the provider's redirect, come back with the state cookie. */
		async function browserSignIn(
			options: { cookie?: (value: string) => string; redirectTo?: string } = {},
		) {
			const started = await oidc.startSingleSignOn(settings, options.redirectTo ?? '/inventory')
			const cookie = started.setCookie.split(';')[0]!
			const authorize = await fetch(started.authorizationUrl, { redirect: 'manual' })
			const callbackUrl = authorize.headers.get('location')!
			const callback = new Request(callbackUrl, {
				headers: { Cookie: options.cookie ? options.cookie(cookie) : cookie },
			})
			return {
				started,
				callback,
				complete: () => oidc.completeSingleSignOn(settings, callback, testRequest),
			}
		}
		const signIn = async () => (await browserSignIn()).complete()

		const rolesOf = (userId: string) =>
			database.prisma.userRole.findMany({
				where: { userId },
				select: { role: true, lanes: true, source: true },
				orderBy: [{ role: 'asc' }, { source: 'asc' }],
			})
		const auditActions = async (action: string) =>
			database.prisma.auditEvent.count({ where: { action } })

		test('the authorization request uses PKCE (S256), state and nonce, and asks for the configured scopes', async () => {
			const started = await oidc.startSingleSignOn(settings, '/inventory')
			const url = new URL(started.authorizationUrl)
			expect(url.origin + url.pathname).toBe(`${provider.issuer}/authorize`)
			expect(url.searchParams.get('code_challenge_method')).toBe('S256')
			expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
			expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/)
			expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/)
			expect(url.searchParams.get('scope')).toBe('openid email profile')
			expect(url.searchParams.get('redirect_uri')).toBe(settings.redirectUri)
			expect(started.setCookie).toMatch(
				/^aigt_oidc=.+; Max-Age=600; Path=\/auth\/oidc; HttpOnly; SameSite=Lax/,
			)
		})

		test('a first sign-in provisions the person with name, e-mail, org unit and the roles their groups map to', async () => {
			provider.signInAs({
				sub: 'okta|00u1first',
				email: 'Ana.Sousa@cms.hhs.gov',
				name: 'Ana Sousa',
				groups: ['CMS-AI-Submitters', 'CMS-Privacy-Office', 'Everyone'],
				org_unit: 'OIT',
			})
			const result = await signIn()
			expect(result).toMatchObject({
				matchedBy: 'provisioned',
				rolesChanged: true,
				redirectTo: '/inventory',
			})
			expect(result.idToken.split('.')).toHaveLength(3)
			expect(result.oidcSessionId).toBeTruthy()
			const user = await database.prisma.user.findUniqueOrThrow({ where: { id: result.userId } })
			expect(user).toMatchObject({
				email: 'ana.sousa@cms.hhs.gov',
				name: 'Ana Sousa',
				oidcSubject: 'okta|00u1first',
				orgUnitId: oitId,
			})
			expect(await rolesOf(result.userId)).toEqual([
				{ role: 'SUBMITTER', lanes: [], source: 'IDENTITY_PROVIDER' },
				{ role: 'REVIEWER', lanes: ['PRIVACY'], source: 'IDENTITY_PROVIDER' },
			])
			const provisioned = await database.prisma.auditEvent.findFirstOrThrow({
				where: { action: 'user.provisioned', entityId: result.userId },
			})
			expect(provisioned.after).toMatchObject({
				subject: 'okta|00u1first',
				email: 'ana.sousa@cms.hhs.gov',
				source: 'single-sign-on',
			})
		})

		test('a changed group changes the provider roles at the next sign-in; roles granted by hand stay', async () => {
			provider.signInAs({
				sub: 'okta|00u2change',
				email: 'ben.ortiz@cms.hhs.gov',
				name: 'Ben Ortiz',
				groups: ['CMS-Privacy-Office'],
			})
			const first = await signIn()
			await database.prisma.userRole.create({
				data: { userId: first.userId, role: 'LEADERSHIP', source: 'MANUAL' },
			})

			provider.signInAs({
				sub: 'okta|00u2change',
				email: 'ben.ortiz@cms.hhs.gov',
				name: 'Ben Ortiz',
				groups: ['CMS-CAIO'],
			})
			const second = await signIn()
			expect(second).toMatchObject({
				userId: first.userId,
				matchedBy: 'subject',
				rolesChanged: true,
			})
			expect(await rolesOf(first.userId)).toEqual([
				{ role: 'GOVERNANCE_LEAD', lanes: [], source: 'IDENTITY_PROVIDER' },
				{ role: 'LEADERSHIP', lanes: [], source: 'MANUAL' },
			])
			const refreshed = await database.prisma.auditEvent.findFirstOrThrow({
				where: { action: 'user.idp_roles_refreshed', entityId: first.userId },
				orderBy: { createdAt: 'desc' },
			})
			expect(refreshed.before).toEqual({ roles: [{ role: 'REVIEWER', lanes: ['PRIVACY'] }] })
			expect(refreshed.after).toEqual({
				roles: [{ role: 'GOVERNANCE_LEAD', lanes: [] }],
				groups: ['CMS-CAIO'],
			})

			// Nothing changed: no event.
			const events = await auditActions('user.idp_roles_refreshed')
			expect((await signIn()).rolesChanged).toBe(false)
			expect(await auditActions('user.idp_roles_refreshed')).toBe(events)
		})

		test('an administrator may not map a group they are in (that would change their own roles)', async () => {
			provider.signInAs({
				sub: 'okta|00u1admin',
				email: 'ida.admin@cms.hhs.gov',
				name: 'Ida Admin',
				groups: ['CMS-Tracker-Admins'],
			})
			const { userId } = await signIn()
			expect(
				(await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).oidcGroups,
			).toEqual(['CMS-Tracker-Admins'])
			await expect(
				mapping.addGroupMapping(
					userId,
					{ group: 'CMS-Tracker-Admins', role: 'GOVERNANCE_LEAD', lanes: [] },
					testRequest,
				),
			).rejects.toMatchObject({ code: 'FORBIDDEN' })
			expect(
				await database.prisma.oidcGroupMapping.count({ where: { group: 'CMS-Tracker-Admins' } }),
			).toBe(0)
		})

		test('the account is found by subject, not by e-mail: another subject with the same e-mail is refused', async () => {
			provider.signInAs({
				sub: 'okta|00u3owner',
				email: 'cy.kim@cms.hhs.gov',
				name: 'Cy Kim',
				groups: [],
			})
			await signIn()
			provider.signInAs({
				sub: 'okta|00u3impostor',
				email: 'cy.kim@cms.hhs.gov',
				name: 'Cy Kim',
				groups: ['CMS-CAIO'],
			})
			await expect(signIn()).rejects.toMatchObject({
				reason: 'e-mail belongs to an account linked to another subject',
			})
		})

		test('a prepared account (an invitation) is matched by e-mail once, then by subject; its hand-granted roles stay', async () => {
			const invited = await database.prisma.user.create({
				data: {
					email: 'dee.park@cms.hhs.gov',
					name: 'Dee Park (invited)',
					invitedAt: new Date(),
					roles: { create: [{ role: 'REVIEWER', lanes: ['SECURITY'] }] },
				},
			})
			provider.signInAs({
				sub: 'okta|00u4dee',
				email: 'dee.park@cms.hhs.gov',
				name: 'Dee Park',
				groups: ['CMS-Privacy-Office'],
			})
			const first = await signIn()
			expect(first).toMatchObject({ userId: invited.id, matchedBy: 'email' })
			const linked = await database.prisma.user.findUniqueOrThrow({ where: { id: invited.id } })
			expect(linked.oidcSubject).toBe('okta|00u4dee')
			expect(linked.invitationAcceptedAt).toBeInstanceOf(Date)
			expect(linked.name).toBe('Dee Park')
			expect(await rolesOf(invited.id)).toEqual([
				{ role: 'REVIEWER', lanes: ['SECURITY'], source: 'MANUAL' },
				{ role: 'REVIEWER', lanes: ['PRIVACY'], source: 'IDENTITY_PROVIDER' },
			])
			// The directory changes her e-mail: still the same account, found by subject.
			provider.signInAs({
				sub: 'okta|00u4dee',
				email: 'dee.park-lee@cms.hhs.gov',
				name: 'Dee Park-Lee',
				groups: ['CMS-Privacy-Office'],
			})
			expect(await signIn()).toMatchObject({ userId: invited.id, matchedBy: 'subject' })
			expect(
				await database.prisma.user.findUniqueOrThrow({ where: { id: invited.id } }),
			).toMatchObject({ email: 'dee.park-lee@cms.hhs.gov', name: 'Dee Park-Lee' })
		})

		test('an e-mail the provider marks unverified never links to an existing account', async () => {
			await database.prisma.user.create({ data: { email: 'eli.fox@cms.hhs.gov', name: 'Eli Fox' } })
			provider.signInAs({
				sub: 'okta|00u5eli',
				email: 'eli.fox@cms.hhs.gov',
				email_verified: false,
				name: 'Eli Fox',
			})
			await expect(signIn()).rejects.toMatchObject({
				reason: 'e-mail not verified by the provider',
			})
		})

		test('a deactivated account is refused', async () => {
			provider.signInAs({ sub: 'okta|00u6gone', email: 'gia.lo@cms.hhs.gov', name: 'Gia Lo' })
			const { userId } = await signIn()
			await database.prisma.user.update({ where: { id: userId }, data: { active: false } })
			await expect(signIn()).rejects.toMatchObject({ reason: 'account deactivated' })
		})

		describe('refused ID tokens and callbacks', () => {
			const person = {
				sub: 'okta|00u7refused',
				email: 'hal.ito@cms.hhs.gov',
				name: 'Hal Ito',
				groups: ['CMS-CAIO'],
			}

			test('a tampered ID token (payload changed after signing) fails the signature check', async () => {
				provider.signInAs(person)
				provider.alterNextTokenResponse((body) => {
					const [header, payload, signature] = String(body.id_token).split('.')
					const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
					claims.groups = ['CMS-CAIO', 'Domain-Admins']
					body.id_token = [
						header,
						Buffer.from(JSON.stringify(claims)).toString('base64url'),
						signature,
					].join('.')
				})
				await expect(signIn()).rejects.toMatchObject({
					reason: expect.stringMatching(/token or ID token refused: .*signature/i),
				})
				expect(await database.prisma.user.count({ where: { oidcSubject: person.sub } })).toBe(0)
			})

			test('a wrong nonce is refused', async () => {
				provider.signInAs(person)
				provider.alterNextIdToken((payload) => {
					payload.nonce = 'a-nonce-from-another-sign-in'
				})
				await expect(signIn()).rejects.toMatchObject({ reason: expect.stringMatching(/nonce/) })
			})

			test('a wrong audience is refused', async () => {
				provider.signInAs(person)
				provider.alterNextIdToken((payload) => {
					payload.aud = 'another-application'
				})
				await expect(signIn()).rejects.toMatchObject({ reason: expect.stringMatching(/aud/) })
			})

			test('a wrong issuer is refused', async () => {
				provider.signInAs(person)
				provider.alterNextIdToken((payload) => {
					payload.iss = 'https://impostor.example'
				})
				await expect(signIn()).rejects.toMatchObject({ reason: expect.stringMatching(/iss/) })
			})

			test('an expired ID token is refused', async () => {
				provider.signInAs(person)
				provider.alterNextIdToken((payload) => {
					payload.iat = Math.floor(Date.now() / 1000) - 7200
					payload.exp = Math.floor(Date.now() / 1000) - 3600
				})
				await expect(signIn()).rejects.toMatchObject({
					reason: expect.stringMatching(/exp|timestamp/i),
				})
			})

			test('a replayed callback (the same code and state) is refused, and so is its code at the provider', async () => {
				provider.signInAs(person)
				const attempt = await browserSignIn()
				await attempt.complete()
				await expect(attempt.complete()).rejects.toMatchObject({
					reason: 'sign-in request already used or expired',
				})
				expect(
					await database.prisma.auditEvent.count({
						where: {
							action: 'auth.sso_refused',
							after: { path: ['reason'], equals: 'sign-in request already used or expired' },
						},
					}),
				).toBeGreaterThan(0)
			})

			test('a callback in a browser that did not start the sign-in (no or another state cookie) is refused', async () => {
				provider.signInAs(person)
				const withoutCookie = await browserSignIn({ cookie: () => '' })
				await expect(withoutCookie.complete()).rejects.toMatchObject({
					reason: 'state does not match this browser',
				})
				const other = await oidc.startSingleSignOn(settings, '/')
				const withOtherCookie = await browserSignIn({
					cookie: () => other.setCookie.split(';')[0]!,
				})
				await expect(withOtherCookie.complete()).rejects.toMatchObject({
					reason: 'state does not match this browser',
				})
			})

			test('an error from the provider is refused with its reason', async () => {
				const started = await oidc.startSingleSignOn(settings, '/')
				const state = new URL(started.authorizationUrl).searchParams.get('state')!
				const callback = new Request(`${settings.redirectUri}?error=access_denied&state=${state}`, {
					headers: { Cookie: started.setCookie.split(';')[0]! },
				})
				await expect(
					oidc.completeSingleSignOn(settings, callback, testRequest),
				).rejects.toMatchObject({
					reason: 'provider returned access_denied',
					message: 'Sign-in was cancelled or refused at the CMS sign-in service.',
				})
			})
		})

		test('new signing keys are picked up from the provider’s JWKS without a restart', async () => {
			provider.signInAs({ sub: 'okta|00u8rotate', email: 'ivy.ng@cms.hhs.gov', name: 'Ivy Ng' })
			await signIn()
			// The provider publishes two new keys and signs with each in turn.
			const known = new Set(provider.server.issuer.keys.toJSON().map((key) => key.kid))
			await provider.server.issuer.keys.generate('RS256')
			await provider.server.issuer.keys.generate('RS256')
			const added = provider.server.issuer.keys
				.toJSON()
				.map((key) => key.kid)
				.filter((kid) => !known.has(kid))
			// A key the cached set does not know is fetched once the cache is a minute old (openid-client's floor).
			vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 })
			const signingKeys = new Set<string>()
			for (let attempt = 0; attempt < 3; attempt++) {
				const { idToken } = await signIn()
				signingKeys.add(JSON.parse(Buffer.from(idToken.split('.')[0]!, 'base64url').toString()).kid)
			}
			for (const kid of added) expect(signingKeys).toContain(kid)
		})

		test('RP-initiated logout sends the ID token back to the provider’s end-session endpoint', async () => {
			const url = new URL((await oidc.endSessionUrl(settings, 'header.payload.signature'))!)
			expect(url.origin + url.pathname).toBe(`${provider.issuer}/endsession`)
			expect(url.searchParams.get('id_token_hint')).toBe('header.payload.signature')
			expect(url.searchParams.get('post_logout_redirect_uri')).toBe(
				'http://localhost:3000/login?signedOut=1',
			)
			expect(await oidc.endSessionUrl(settings, null)).toBeNull()
		})

		describe('back-channel logout', () => {
			async function signedInSession(sub: string) {
				provider.signInAs({ sub, email: `${sub.replace(/\W/g, '')}@cms.hhs.gov`, name: sub })
				const result = await signIn()
				return database.prisma.session.create({
					data: {
						id: `session-${crypto.randomUUID()}`,
						userId: result.userId,
						expiresAt: new Date(Date.now() + 3_600_000),
						method: 'OIDC',
						oidcSessionId: result.oidcSessionId,
					},
				})
			}
			const revoked = async (id: string) =>
				Boolean((await database.prisma.session.findUniqueOrThrow({ where: { id } })).revokedAt)

			test('a valid logout token for a subject ends all of that person’s single sign-on sessions, and only theirs', async () => {
				const first = await signedInSession('okta|00u9jo')
				const second = await signedInSession('okta|00u9jo')
				const someoneElse = await signedInSession('okta|00u9kai')
				const answer = await backchannel.handleBackchannelLogout(
					settings,
					await provider.logoutToken({ sub: 'okta|00u9jo' }),
					testRequest,
				)
				expect(answer).toEqual({ status: 200, body: {} })
				expect([
					await revoked(first.id),
					await revoked(second.id),
					await revoked(someoneElse.id),
				]).toEqual([true, true, false])
				expect(
					await database.prisma.auditEvent.findFirst({
						where: { action: 'auth.backchannel_logout', entityId: first.userId },
					}),
				).toMatchObject({ after: { sessionsEnded: 2 } })
			})

			test('a logout token naming a provider session (sid) ends that session alone', async () => {
				const first = await signedInSession('okta|00u9lee')
				const second = await signedInSession('okta|00u9lee')
				const answer = await backchannel.handleBackchannelLogout(
					settings,
					await provider.logoutToken({ sid: second.oidcSessionId! }),
					testRequest,
				)
				expect(answer.status).toBe(200)
				expect([await revoked(first.id), await revoked(second.id)]).toEqual([false, true])
			})

			test('forged, foreign, stale or malformed logout tokens are refused with 400 and end nothing', async () => {
				const session = await signedInSession('okta|00u9max')
				const [header, payload] = (await provider.logoutToken({ sub: 'okta|00u9max' })).split('.')
				const refused = [
					`${header}.${payload}.${'A'.repeat(342)}`,
					await provider.logoutToken({ sub: 'okta|00u9max', aud: 'another-application' }),
					await provider.logoutToken({
						sub: 'okta|00u9max',
						events: { 'http://example.com/other-event': {} },
					}),
					await provider.logoutToken({ sub: 'okta|00u9max', nonce: 'logout tokens have none' }),
					await provider.logoutToken({
						sub: 'okta|00u9max',
						iat: Math.floor(Date.now() / 1000) - 3600,
					}),
					await provider.logoutToken({}),
					'not a token',
				]
				for (const token of refused) {
					const answer = await backchannel.handleBackchannelLogout(settings, token, testRequest)
					expect(answer.status, token.slice(0, 40)).toBe(400)
					expect(answer.body.error).toBe('invalid_request')
				}
				expect(
					await backchannel.handleBackchannelLogout(settings, undefined, testRequest),
				).toMatchObject({ status: 400 })
				expect(await revoked(session.id)).toBe(false)
			})
		})
	})
}
