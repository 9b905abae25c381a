import { randomBytes } from 'node:crypto'
import { afterEach, expect, inject, test, vi } from 'vitest'
import { sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { createScratchDatabase } from '#tests/postgres-cluster.ts'
import { type Database, openDatabase } from './db/database.server.ts'

process.env.SESSION_SECRET ??= 'cache-invalidation-test-secret-0123456789'

type RememberStore = { __remember_epic_web?: Map<string, unknown> }

const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Two app instances' connections to one database: `local` is this process's, `remote` another instance's. */
async function twoInstances(
	kind: 'PGlite' | 'PostgreSQL',
): Promise<{ local: Database; remote: Database }> {
	let local: Database
	let remote: Database
	if (kind === 'PGlite') {
		local = remote = openDatabase({ dataDir: null })
	} else {
		const url = await createScratchDatabase(
			inject('postgresUrl')!,
			`test_${randomBytes(6).toString('hex')}`,
		)
		local = openDatabase({ databaseUrl: url })
		remote = openDatabase({ databaseUrl: url })
		cleanups.push(() => remote.close())
	}
	cleanups.push(() => local.close())
	await local.migrate()
	;((globalThis as RememberStore).__remember_epic_web ??= new Map()).set('database', local)
	vi.resetModules()
	return { local, remote }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const kinds = inject('postgresUrl') ? (['PGlite', 'PostgreSQL'] as const) : (['PGlite'] as const)

for (const kind of kinds) {
	test(`${kind}: a sign-out committed by another instance is honoured here within 100 ms; without a listener nothing is reused`, async () => {
		const { local, remote } = await twoInstances(kind)
		const { seedOrgUnits, createUser, demoAccounts } = await import('#prisma/seed/seed.server.ts')
		await seedOrgUnits(local.prisma)
		await createUser(local.prisma, demoAccounts[1])
		const invalidation = await import('./cache-invalidation.server.ts')
		const { getSessionUser } = await import('./auth.server.ts')
		const { createUserSession } = await import('#app/modules/auth/sessions.server.ts')
		const reviewer = await sessionUserByEmail(local, demoAccounts[1].email)
		async function signIn() {
			const { setCookie } = await createUserSession(reviewer.id, testRequest)
			const session = await local.prisma.session.findFirstOrThrow({
				where: { userId: reviewer.id },
				orderBy: { createdAt: 'desc' },
			})
			const page = (method = 'GET') =>
				new Request('http://localhost/', { method, headers: { Cookie: setCookie.split(';')[0]! } })
			return { id: session.id, page }
		}
		// A revocation written by another instance that does not announce it.
		const revokeSilently = (sessionId: string) =>
			remote.prisma.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } })

		// Not listening for announcements: nothing is reused, so a revocation counts at once.
		expect(invalidation.cachesAreCoherent()).toBe(false)
		const first = await signIn()
		expect(await getSessionUser(first.page())).not.toBeNull()
		await revokeSilently(first.id)
		expect(await getSessionUser(first.page())).toBeNull()

		const listener = await invalidation.startInvalidationListener(local)
		cleanups.push(() => listener.stop())
		expect(invalidation.cachesAreCoherent()).toBe(true)

		// Listening: page views reuse the session for a few seconds; a request that changes
		// something reads it afresh.
		const second = await signIn()
		expect(await getSessionUser(second.page())).not.toBeNull()
		await revokeSilently(second.id)
		expect(await getSessionUser(second.page())).not.toBeNull()
		expect(await getSessionUser(second.page('POST'))).toBeNull()

		// The other instance signs a session out and announces it as it commits.
		const third = await signIn()
		expect(await getSessionUser(third.page())).not.toBeNull()
		await remote.prisma.$transaction(async (tx) => {
			await tx.session.update({ where: { id: third.id }, data: { revokedAt: new Date() } })
			await tx.$executeRaw`SELECT pg_notify(${invalidation.INVALIDATION_CHANNEL}, ${JSON.stringify({ kind: 'session', sessionId: third.id })})`
		})
		const committed = performance.now()
		while ((await getSessionUser(third.page())) !== null) {
			if (performance.now() - committed > 1_000)
				throw new Error('The remembered session was still accepted a second after the sign-out.')
			await sleep(1)
		}
		expect(performance.now() - committed).toBeLessThan(100)
	})
}

test.runIf(inject('postgresUrl'))(
	'PostgreSQL: a listener whose connection is cut stops trusting caches at once and listens again by itself',
	async () => {
		const { local, remote } = await twoInstances('PostgreSQL')
		const invalidation = await import('./cache-invalidation.server.ts')
		const heard: Array<string> = []
		invalidation.subscribeToInvalidations('test', (message) => heard.push(message.kind))
		const listener = await invalidation.startInvalidationListener(local)
		cleanups.push(() => listener.stop())
		expect(invalidation.cachesAreCoherent()).toBe(true)

		await remote.prisma
			.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`
		await vi.waitFor(() => expect(invalidation.cachesAreCoherent()).toBe(false), {
			timeout: 2_000,
			interval: 5,
		})
		await vi.waitFor(() => expect(invalidation.cachesAreCoherent()).toBe(true), {
			timeout: 5_000,
			interval: 20,
		})
		heard.length = 0
		await remote.prisma
			.$executeRaw`SELECT pg_notify(${invalidation.INVALIDATION_CHANNEL}, ${JSON.stringify({ kind: 'unread', userIds: ['someone'] })})`
		await vi.waitFor(() => expect(heard).toContain('unread'), { timeout: 1_000, interval: 5 })
	},
)

for (const kind of kinds) {
	test(`${kind}: a token is remembered for reads only while listening; a revocation or deactivation counts at once, and a use that may write reads the token afresh`, async () => {
		const { local, remote } = await twoInstances(kind)
		const { seedOrgUnits, createUser, demoAccounts } = await import('#prisma/seed/seed.server.ts')
		await seedOrgUnits(local.prisma)
		await createUser(local.prisma, demoAccounts[1])
		const invalidation = await import('./cache-invalidation.server.ts')
		const tokens = await import('#app/modules/api-tokens/api-tokens.server.ts')
		const owner = await sessionUserByEmail(local, demoAccounts[1].email)
		const create = async (access: 'READ' | 'READ_WRITE') => {
			const { token, secret } = await tokens.createApiToken(
				owner,
				{ name: `${access} token`, access, expiresInDays: 30 },
				testRequest,
			)
			return { id: token.id, secret }
		}
		const use = async (secret: string, readOnly = true) => {
			const outcome = await tokens.authenticateApiToken(secret, new Date(), { readOnly })
			return 'caller' in outcome ? 'accepted' : outcome.rejected
		}
		// Another instance revokes a token without announcing it.
		const revokeSilently = (id: string) =>
			remote.prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } })

		// Not listening: every use reads the token.
		const unheard = await create('READ')
		expect(await use(unheard.secret)).toBe('accepted')
		await revokeSilently(unheard.id)
		expect(await use(unheard.secret)).toBe('revoked')

		const listener = await invalidation.startInvalidationListener(local)
		cleanups.push(() => listener.stop())
		// Listening: reads reuse the token for a few seconds; a token that may write, on a use that
		// may change something, is read afresh.
		const reader = await create('READ')
		expect(await use(reader.secret)).toBe('accepted')
		await revokeSilently(reader.id)
		expect(await use(reader.secret)).toBe('accepted')
		const writer = await create('READ_WRITE')
		expect(await use(writer.secret, false)).toBe('accepted')
		await revokeSilently(writer.id)
		expect(await use(writer.secret)).toBe('accepted')
		expect(await use(writer.secret, false)).toBe('revoked')

		// Revoked in the app: forgotten here at once, and announced to the others as it commits.
		const revoked = await create('READ')
		expect(await use(revoked.secret)).toBe('accepted')
		await tokens.revokeApiToken(owner, revoked.id, { asAdministrator: false }, testRequest)
		expect(await use(revoked.secret)).toBe('revoked')

		// Another instance deactivates the owner and announces it: honoured here within 100 ms.
		const last = await create('READ')
		expect(await use(last.secret)).toBe('accepted')
		await remote.prisma.$transaction(async (tx) => {
			await tx.user.update({ where: { id: owner.id }, data: { active: false } })
			await tx.$executeRaw`SELECT pg_notify(${invalidation.INVALIDATION_CHANNEL}, ${JSON.stringify({ kind: 'user', userId: owner.id })})`
		})
		const committed = performance.now()
		while ((await use(last.secret)) !== 'inactive') {
			if (performance.now() - committed > 1_000)
				throw new Error(
					'The remembered token was still accepted a second after its owner was deactivated.',
				)
			await sleep(1)
		}
		expect(performance.now() - committed).toBeLessThan(100)
	})
}
