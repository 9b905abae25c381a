// Local accounts on both databases: invitations, reset links and temporary passwords, with the
// e-mail going through the outbox to a real SMTP server.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'
import { type SmtpSink, startSmtpSink } from '#tests/smtp-sink.ts'

const APP_URL = 'https://ai-governance.cms.example'
const GOOD = 'lantern orchard granite meadow'

for (const target of databaseTargets()) {
	describe(`${target.name}: local accounts`, () => {
		let database: Database
		let sink: SmtpSink
		let passwords: typeof import('./passwords.server.ts')
		let tokens: typeof import('#app/modules/api-tokens/api-tokens.server.ts')
		let invitations: typeof import('#app/modules/users/invitations.server.ts')
		let dispatch: typeof import('#app/modules/notifications/email-dispatch.server.ts')
		let auth: typeof import('#app/utils/auth.server.ts')
		let unitId: string
		let adminId: string

		beforeAll(async () => {
			sink = await startSmtpSink()
			Object.assign(process.env, {
				SESSION_SECRET: 'a test secret that is at least thirty-two characters long',
				SMTP_URL: sink.url,
				AUTH_MODE: 'password',
			})
			database = await openAppDatabase(target)
			passwords = await import('./passwords.server.ts')
			tokens = await import('#app/modules/api-tokens/api-tokens.server.ts')
			invitations = await import('#app/modules/users/invitations.server.ts')
			dispatch = await import('#app/modules/notifications/email-dispatch.server.ts')
			auth = await import('#app/utils/auth.server.ts')
			// The migrations insert CMS's organisation.
			unitId = (
				await database.prisma.orgUnit.findUniqueOrThrow({
					where: { code: 'HHS/CMS/OIT' },
					select: { id: true },
				})
			).id
			adminId = (
				await database.prisma.user.create({
					data: {
						email: 'admin@cms.example',
						name: 'Admin',
						roles: { create: [{ role: 'ADMIN' }] },
					},
				})
			).id
		})
		afterAll(async () => {
			await sink?.stop()
			await database?.close()
		})

		async function deliver() {
			const mailer = dispatch.createSmtpMailer(sink.url, 'ai-governance@cms.example')
			await dispatch.dispatchPendingEmails(database.prisma, { mailer, appUrl: APP_URL })
			mailer.close()
		}
		function lastLinkTo(address: string, path: 'invitations' | 'reset-password') {
			const mail = sink.messages.filter((message) => message.to.includes(address)).at(-1)
			const match = new RegExp(`${APP_URL}/${path}/([\\w-]+)`).exec(mail?.text ?? '')
			return match?.[1] ?? null
		}
		async function invite(
			email: string,
			extra: Partial<Parameters<typeof invitations.inviteUser>[1]> = {},
		) {
			return invitations.inviteUser(
				adminId,
				{
					name: 'Jo Test',
					email,
					orgUnitId: unitId,
					roles: ['REVIEWER'],
					lanes: ['LEGAL'],
					...extra,
				},
				testRequest,
			)
		}
		const session = (userId: string) =>
			database.prisma.session.create({
				data: {
					id: `s-${crypto.randomUUID()}`,
					userId,
					expiresAt: new Date(Date.now() + 3_600_000),
				},
				select: { id: true },
			})
		const isRevoked = async (id: string) =>
			Boolean((await database.prisma.session.findUniqueOrThrow({ where: { id } })).revokedAt)

		test('an invitation prepares the account with its roles and e-mails a single-use link; only its hash is stored, and the outbox forgets the sealed link once sent', async () => {
			const { userId, linkToPassOn } = await invite('jo.test@cms.hhs.gov')
			expect(linkToPassOn).toBeNull()
			expect(
				await database.prisma.userRole.findMany({
					where: { userId },
					select: { role: true, lanes: true, source: true },
				}),
			).toEqual([{ role: 'REVIEWER', lanes: ['LEGAL'], source: 'MANUAL' }])
			const queued = await database.prisma.notification.findFirstOrThrow({
				where: { userId, kind: 'ACCOUNT_INVITATION' },
			})
			expect(queued.link).toBe('/login')
			expect(queued.emailSecretLink).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
			expect(queued.emailSecretLink).not.toContain('invitations')

			await deliver()
			const token = lastLinkTo('jo.test@cms.hhs.gov', 'invitations')!
			expect(token).toMatch(/^[\w-]{43}$/)
			const stored = await database.prisma.accountToken.findFirstOrThrow({ where: { userId } })
			expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('base64url'))
			expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 24 * 3_600_000)
			expect(
				await database.prisma.notification.findFirstOrThrow({ where: { id: queued.id } }),
			).toMatchObject({ emailStatus: 'SENT', emailSecretLink: null })

			await expect(
				invitations.acceptInvitation(token, 'passwordpassword', testRequest),
			).rejects.toMatchObject({
				code: 'INVALID',
				message: expect.stringMatching(/common or breached/),
			})
			expect(await invitations.acceptInvitation(token, GOOD, testRequest)).toEqual({ userId })
			await expect(invitations.acceptInvitation(token, GOOD, testRequest)).rejects.toMatchObject({
				code: 'NOT_FOUND',
			})
			expect(
				(await database.prisma.user.findUniqueOrThrow({ where: { id: userId } }))
					.invitationAcceptedAt,
			).toBeInstanceOf(Date)
			expect(await auth.verifyPasswordLogin('jo.test@cms.hhs.gov', GOOD)).toEqual({ userId })
			expect(
				await database.prisma.auditEvent.count({
					where: { entityId: userId, action: { in: ['user.invited', 'user.invitation_accepted'] } },
				}),
			).toBe(2)
		})

		test('an e-mail address that already has an account cannot be invited again', async () => {
			await invite('twice@cms.hhs.gov')
			await expect(invite('Twice@CMS.hhs.gov')).rejects.toMatchObject({ code: 'CONFLICT' })
		})

		test('sending the invitation again makes the earlier link stop working', async () => {
			await invite('again@cms.hhs.gov')
			await deliver()
			const first = lastLinkTo('again@cms.hhs.gov', 'invitations')!
			const { id: userId } = await database.prisma.user.findUniqueOrThrow({
				where: { email: 'again@cms.hhs.gov' },
				select: { id: true },
			})
			await invitations.resendInvitation(adminId, userId, testRequest)
			await deliver()
			const second = lastLinkTo('again@cms.hhs.gov', 'invitations')!
			expect(second).not.toBe(first)
			await expect(invitations.findInvitation(first)).rejects.toMatchObject({ code: 'NOT_FOUND' })
			expect(await invitations.findInvitation(second)).toMatchObject({ email: 'again@cms.hhs.gov' })
		})

		test('a reset link reaches a person who turned notification e-mail off, works once within 30 minutes, and ends every session', async () => {
			const user = await database.prisma.user.create({
				data: { email: 'quiet@cms.hhs.gov', name: 'Quinn Quiet', emailNotifications: false },
			})
			const open = await session(user.id)
			await passwords.sendPasswordResetLink(adminId, user.id, testRequest)
			await deliver()
			const token = lastLinkTo('quiet@cms.hhs.gov', 'reset-password')!
			expect(token).toBeTruthy()
			const stored = await database.prisma.accountToken.findFirstOrThrow({
				where: { userId: user.id, purpose: 'PASSWORD_RESET' },
			})
			expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30 * 60_000)

			// Thirty-one minutes later the link has expired.
			vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * 60_000 })
			await expect(
				passwords.resetPasswordWithToken(token, GOOD, testRequest),
			).rejects.toMatchObject({
				code: 'NOT_FOUND',
				message: expect.stringMatching(/expired or has already been used/),
			})
			vi.useRealTimers()

			expect(await passwords.resetPasswordWithToken(token, GOOD, testRequest)).toEqual({
				userId: user.id,
			})
			expect(await isRevoked(open.id)).toBe(true)
			await expect(
				passwords.resetPasswordWithToken(token, 'another fine passphrase here', testRequest),
			).rejects.toMatchObject({ code: 'NOT_FOUND' })
			expect(
				await database.prisma.auditEvent.count({
					where: {
						entityId: user.id,
						action: { in: ['user.password_reset_link_sent', 'auth.password_reset'] },
					},
				}),
			).toBe(2)
		})

		test('two uses of one reset link at the same moment: one wins, the other is refused', async () => {
			const user = await database.prisma.user.create({
				data: { email: 'race@cms.hhs.gov', name: 'Rae Race' },
			})
			await passwords.sendPasswordResetLink(adminId, user.id, testRequest)
			await deliver()
			const token = lastLinkTo('race@cms.hhs.gov', 'reset-password')!
			const results = await Promise.allSettled([
				passwords.resetPasswordWithToken(token, 'first racing passphrase', testRequest),
				passwords.resetPasswordWithToken(token, 'second racing passphrase', testRequest),
			])
			expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
		})

		test('signing a person out everywhere ends their sessions and tokens, and keeps no ID token of the provider', async () => {
			const users = await import('#app/modules/users/users.server.ts')
			const user = await database.prisma.user.create({
				data: { email: 'everywhere@cms.hhs.gov', name: 'Ever Ywhere' },
			})
			const viaSso = await database.prisma.session.create({
				data: {
					id: `s-${crypto.randomUUID()}`,
					userId: user.id,
					method: 'OIDC',
					idToken: 'header.payload.signature',
					expiresAt: new Date(Date.now() + 3_600_000),
				},
			})
			const viaPassword = await session(user.id)
			const { secret } = await tokens.createApiToken(
				{ id: user.id },
				{ name: 'Nightly export', access: 'READ', expiresInDays: 30 },
				testRequest,
			)
			expect(await users.revokeAllSessions(adminId, user.id, testRequest)).toBe(2)
			const ended = await database.prisma.session.findMany({
				where: { id: { in: [viaSso.id, viaPassword.id] } },
				select: { revokedAt: true, idToken: true },
			})
			expect(ended).toEqual([
				{ revokedAt: expect.any(Date), idToken: null },
				{ revokedAt: expect.any(Date), idToken: null },
			])
			expect(await tokens.authenticateApiToken(secret)).toEqual({ rejected: 'revoked' })
			expect(
				await database.prisma.auditEvent.findFirstOrThrow({
					where: { action: 'user.sessions_revoked', entityId: user.id },
					select: { actorId: true, after: true },
				}),
			).toEqual({ actorId: adminId, after: { revokedSessions: 2, revokedApiTokens: 1 } })
		})

		test('a temporary password forces a change at the next sign-in; the change ends other sessions and keeps the current one', async () => {
			const user = await database.prisma.user.create({
				data: { email: 'temp@cms.hhs.gov', name: 'Tem Porary' },
			})
			const earlier = await session(user.id)
			const { secret } = await tokens.createApiToken(
				{ id: user.id },
				{ name: 'Reporting script', access: 'READ_WRITE', expiresInDays: 30 },
				testRequest,
			)
			expect(await tokens.authenticateApiToken(secret)).toHaveProperty('caller')
			const temporary = await passwords.setTemporaryPassword(adminId, user.id, testRequest)
			expect(temporary).toMatch(/^[\w-]{20}$/)
			expect(await isRevoked(earlier.id)).toBe(true)
			// The remedy for a compromised account stops its tokens too: they sign in as the person.
			expect(await tokens.authenticateApiToken(secret)).toEqual({ rejected: 'revoked' })
			expect(
				(await database.prisma.password.findUniqueOrThrow({ where: { userId: user.id } }))
					.mustChange,
			).toBe(true)

			await auth.verifyPasswordLogin('temp@cms.hhs.gov', temporary)
			const current = await session(user.id)
			const other = await session(user.id)
			await expect(
				passwords.changeOwnPassword(
					{ id: user.id, sessionId: current.id },
					{ currentPassword: 'wrong', newPassword: GOOD },
					testRequest,
				),
			).rejects.toMatchObject({
				message: 'Your current password is not right.',
			})
			await expect(
				passwords.changeOwnPassword(
					{ id: user.id, sessionId: current.id },
					{ currentPassword: temporary, newPassword: 'Governance-demo-2026' },
					testRequest,
				),
			).rejects.toMatchObject({
				message: expect.stringMatching(/demo password/),
			})
			await passwords.changeOwnPassword(
				{ id: user.id, sessionId: current.id },
				{ currentPassword: temporary, newPassword: GOOD },
				testRequest,
			)
			expect(
				(await database.prisma.password.findUniqueOrThrow({ where: { userId: user.id } }))
					.mustChange,
			).toBe(false)
			expect([await isRevoked(current.id), await isRevoked(other.id)]).toEqual([false, true])
			expect(
				await database.prisma.auditEvent.findFirst({
					where: { entityId: user.id, action: 'auth.password_changed' },
				}),
			).toMatchObject({ after: { temporaryPasswordReplaced: true, otherSessionsEnded: 1 } })
		})

		test('a temporary password, and a changed password, end the invitation and reset links still waiting', async () => {
			const accountTokens = await import('./account-tokens.server.ts')
			const user = await database.prisma.user.create({
				data: { email: 'links@cms.hhs.gov', name: 'Lin Ks' },
			})
			const issue = (purpose: 'INVITATION' | 'PASSWORD_RESET') =>
				database.prisma.$transaction((tx) =>
					accountTokens.issueAccountToken(tx, { userId: user.id, purpose, createdById: adminId }),
				)
			const invitation = await issue('INVITATION')
			const reset = await issue('PASSWORD_RESET')
			const temporary = await passwords.setTemporaryPassword(adminId, user.id, testRequest)
			await expect(accountTokens.findUsableToken(invitation, 'INVITATION')).rejects.toMatchObject({
				message: expect.stringMatching(/^This invitation link has expired/),
			})
			await expect(passwords.findPasswordReset(reset)).rejects.toMatchObject({
				message: expect.stringMatching(/^This reset link has expired/),
			})
			expect(
				await database.prisma.auditEvent.findFirst({
					where: { entityId: user.id, action: 'user.temporary_password_set' },
					select: { after: true },
				}),
			).toMatchObject({ after: { linksExpired: 2 } })

			// A reset link sent before the person changed their password themselves ends with it too.
			const later = await issue('PASSWORD_RESET')
			await auth.verifyPasswordLogin('links@cms.hhs.gov', temporary)
			const current = await session(user.id)
			await passwords.changeOwnPassword(
				{ id: user.id, sessionId: current.id },
				{ currentPassword: temporary, newPassword: GOOD },
				testRequest,
			)
			await expect(passwords.findPasswordReset(later)).rejects.toMatchObject({
				message: expect.stringMatching(/^This reset link has expired/),
			})
		})

		test('guessing the current password on the change form is throttled like the sign-in form', async () => {
			const user = await database.prisma.user.create({
				data: { email: 'guess@cms.hhs.gov', name: 'Gus Guess' },
			})
			const temporary = await passwords.setTemporaryPassword(adminId, user.id, testRequest)
			const current = await session(user.id)
			const attempt = (currentPassword: string) =>
				passwords.changeOwnPassword(
					{ id: user.id, sessionId: current.id },
					{ currentPassword, newPassword: GOOD },
					testRequest,
				)
			for (let guess = 0; guess < 5; guess++)
				await expect(attempt(`guess number ${guess}`)).rejects.toMatchObject({
					message: 'Your current password is not right.',
				})
			await expect(attempt(temporary)).rejects.toMatchObject({
				message: 'Too many wrong passwords. Wait 15 minutes, then try again.',
			})
		})

		test('without e-mail configured, reset links are refused and an invitation’s link is handed to the administrator instead', async () => {
			vi.stubEnv('SMTP_URL', '')
			vi.resetModules()
			const { getEnv } = await import('#app/utils/env.server.ts')
			expect(getEnv().SMTP_URL).toBeUndefined()
			const freshPasswords = await import('./passwords.server.ts')
			const freshInvitations = await import('#app/modules/users/invitations.server.ts')
			const user = await database.prisma.user.create({
				data: { email: 'nomail@cms.hhs.gov', name: 'No Mail' },
			})
			await expect(
				freshPasswords.sendPasswordResetLink(adminId, user.id, testRequest),
			).rejects.toMatchObject({
				code: 'INVALID',
				message: expect.stringMatching(/temporary password instead/),
			})
			const invited = await freshInvitations.inviteUser(
				adminId,
				{
					name: 'Off Line',
					email: 'offline@cms.hhs.gov',
					orgUnitId: unitId,
					roles: ['SUBMITTER'],
					lanes: [],
				},
				testRequest,
			)
			expect(invited.linkToPassOn).toMatch(/^\/invitations\/[\w-]{43}$/)
			expect(
				await database.prisma.notification.findFirstOrThrow({ where: { userId: invited.userId } }),
			).toMatchObject({ emailStatus: 'SKIPPED', emailSecretLink: null })
			vi.unstubAllEnvs()
		})
	})
}

describe('single sign-on alone (AUTH_MODE=oidc)', () => {
	test('password sign-in is refused except for the break-glass administrator; invitations carry no password link', async () => {
		vi.stubEnv('AUTH_MODE', 'oidc')
		vi.stubEnv('OIDC_ISSUER', 'https://cms.okta.example')
		vi.stubEnv('OIDC_CLIENT_ID', 'tracker')
		vi.stubEnv('OIDC_CLIENT_SECRET', 'secret')
		vi.stubEnv('OIDC_REDIRECT_URI', 'https://ai-governance.cms.example/auth/oidc/callback')
		vi.stubEnv('BREAK_GLASS_ADMIN_EMAIL', 'Break.Glass@cms.hhs.gov')
		vi.resetModules()
		const { passwordSignInAllowedFor } = await import('./auth-settings.server.ts')
		expect(passwordSignInAllowedFor('someone@cms.hhs.gov')).toBe(false)
		expect(passwordSignInAllowedFor('break.glass@cms.hhs.gov')).toBe(true)
		vi.unstubAllEnvs()
	})
})

for (const target of databaseTargets()) {
	describe(`${target.name}: a new deployment's first administrator`, () => {
		let database: Database
		beforeAll(async () => {
			Object.assign(process.env, {
				SESSION_SECRET: 'a test secret that is at least thirty-two characters long',
				AUTH_MODE: 'password',
			})
			database = await openAppDatabase(target)
		})
		afterAll(async () => {
			await database?.close()
		})

		test('is prepared with an invitation link while no administrator exists, and never again', async () => {
			const { ensureInitialAdministrator, acceptInvitation } =
				await import('#app/modules/users/invitations.server.ts')
			const prepared = await ensureInitialAdministrator('First.Admin@agency.example', 'Fran Admin')
			expect(prepared?.invitationPath).toMatch(/^\/invitations\/[\w-]{43}$/)
			const admin = await database.prisma.user.findUniqueOrThrow({
				where: { email: 'first.admin@agency.example' },
				include: { roles: true },
			})
			expect(admin.roles.map((grant) => grant.role)).toEqual(['ADMIN'])
			await acceptInvitation(
				prepared!.invitationPath!.split('/').at(-1)!,
				'lantern orchard granite meadow',
				testRequest,
			)
			expect(await ensureInitialAdministrator('someone.else@agency.example', undefined)).toBeNull()
			expect(
				await database.prisma.user.count({ where: { email: 'someone.else@agency.example' } }),
			).toBe(0)
		})
	})
}
