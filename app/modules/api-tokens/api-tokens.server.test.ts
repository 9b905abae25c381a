import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { type ApiTestServer, startApiTestServer } from '#tests/api-server.ts'
import { databaseTargets } from '#tests/db-targets.ts'

describe.each(databaseTargets())('personal access tokens on $name', (target) => {
	let api: ApiTestServer
	beforeAll(async () => {
		api = await startApiTestServer(target)
	}, 240_000)
	afterAll(async () => {
		await api?.close()
	})

	const me = (token: string | null, headers: Record<string, string> = {}) =>
		api.call(token, 'GET', '/api/v1/me', { headers })

	test('a token acts as its user; only the hash of its secret is stored; its creation and last use are recorded', async () => {
		const { secret, id } = await api.tokenFor('submitter@cms.example')
		const response = await me(secret)
		expect(response.status).toBe(200)
		expect(await response.json()).toMatchObject({
			user: { email: 'submitter@cms.example', roles: ['SUBMITTER'] },
			token: { id, scopes: ['read'] },
		})
		const stored = await api.database.prisma.apiToken.findUniqueOrThrow({ where: { id } })
		expect(stored.secretHash).toBe(createHash('sha256').update(secret).digest('hex'))
		expect(JSON.stringify(stored)).not.toContain(secret.slice(13))
		expect(stored.hint).toBe(`${secret.slice(0, 13)}…`)
		await expect
			.poll(
				async () =>
					(await api.database.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt,
			)
			.not.toBeNull()
		const created = await api.database.prisma.auditEvent.findFirstOrThrow({
			where: { action: 'api_token.created', entityId: id },
		})
		expect(created.after).toMatchObject({ scopes: ['READ'] })
	})

	test('no token, a malformed or unknown one, or a session cookie alone: 401 with a Bearer challenge', async () => {
		for (const [token, detail] of [
			[null, /Send a personal access token/],
			['not-a-token', /not a personal access token/],
			[`aigt_pat_${'x'.repeat(43)}`, /not known/],
		] as const) {
			const response = await me(token, { Cookie: 'aigt_session=anything' })
			expect(response.status).toBe(401)
			expect(response.headers.get('www-authenticate')).toMatch(
				/^Bearer realm="ai-governance-tracker"/,
			)
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
			expect((await response.json()).detail).toMatch(detail)
		}
	})

	test('an expired token is refused', async () => {
		const { secret, id } = await api.tokenFor('reviewer@cms.example')
		expect((await me(secret)).status).toBe(200)
		await api.database.prisma.apiToken.update({
			where: { id },
			data: { expiresAt: new Date(Date.now() - 1000) },
		})
		const response = await me(secret)
		expect(response.status).toBe(401)
		expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"')
		expect((await response.json()).detail).toMatch(/expired/)
	})

	test('a revoked token stops at once; only its owner or an administrator may revoke it', async () => {
		const { revokeApiToken, listOwnApiTokens } =
			await import('#app/modules/api-tokens/api-tokens.server.ts')
		const owner = await sessionUserByEmail(api.database, 'governance@cms.example')
		const other = await sessionUserByEmail(api.database, 'reviewer@cms.example')
		const admin = await sessionUserByEmail(api.database, 'admin@cms.example')
		const first = await api.tokenFor('governance@cms.example')
		const second = await api.tokenFor('governance@cms.example')
		await expect(
			revokeApiToken(other, first.id, { asAdministrator: false }, testRequest),
		).rejects.toMatchObject({ code: 'NOT_FOUND' })
		expect((await me(first.secret)).status).toBe(200)

		await revokeApiToken(owner, first.id, { asAdministrator: false }, testRequest)
		const refused = await me(first.secret)
		expect(refused.status).toBe(401)
		expect((await refused.json()).detail).toMatch(/revoked/)

		await revokeApiToken(admin, second.id, { asAdministrator: true }, testRequest)
		expect((await me(second.secret)).status).toBe(401)
		const listed = await listOwnApiTokens(owner.id)
		expect(listed.find((t) => t.id === second.id)).toMatchObject({
			revokedBy: { name: expect.any(String) },
		})
		const events = await api.database.prisma.auditEvent.findMany({
			where: { action: 'api_token.revoked', entityId: { in: [first.id, second.id] } },
			select: { actorId: true },
		})
		expect(events.map((e) => e.actorId).sort()).toEqual([owner.id, admin.id].sort())
	})

	test('deactivating a person stops their tokens on the next request, and reactivating restores them', async () => {
		const { updateUserAccess } = await import('#app/modules/users/users.server.ts')
		const admin = await sessionUserByEmail(api.database, 'admin@cms.example')
		const { secret } = await api.tokenFor('leadership@cms.example')
		expect((await me(secret)).status).toBe(200)
		const setActive = async (active: boolean) => {
			const user = await api.database.prisma.user.findUniqueOrThrow({
				where: { email: 'leadership@cms.example' },
				select: { id: true, orgUnitId: true, updatedAt: true },
			})
			await updateUserAccess(
				admin.id,
				user.id,
				{
					active,
					orgUnitId: user.orgUnitId!,
					roles: ['LEADERSHIP'],
					lanes: [],
					emailNotifications: false,
					expectedUpdatedAt: user.updatedAt,
				},
				testRequest,
			)
		}
		await setActive(false)
		const refused = await me(secret)
		expect(refused.status).toBe(401)
		expect((await refused.json()).detail).toMatch(/deactivated/)
		await setActive(true)
		expect((await me(secret)).status).toBe(200)
	})

	test('a change made with a token is audited with the token’s id', async () => {
		const { secret, id } = await api.tokenFor('submitter@cms.example', 'READ_WRITE')
		const unit = await api.database.prisma.orgUnit.findFirstOrThrow({
			where: { code: 'HHS/CMS/OIT' },
			select: { id: true },
		})
		const response = await api.call(secret, 'POST', '/api/v1/use-cases', {
			body: { name: 'Call summary drafting assistant', orgUnitId: unit.id },
		})
		expect(response.status).toBe(201)
		const created = (await response.json()) as { id: string }
		const event = await api.database.prisma.auditEvent.findFirstOrThrow({
			where: { action: 'use_case.created', entityId: created.id },
		})
		expect(event.apiTokenId).toBe(id)
	})

	test('each token has its own request budget: past it, 429 with Retry-After', async () => {
		const { apiServer } = await import('#app/api/router.server.ts')
		const http = createServer(
			express().use(apiServer({ appUrl: 'http://127.0.0.1', requestsPerMinute: 3 })),
		)
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
		try {
			const address = http.address()
			const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/me`
			const busy = await api.tokenFor('reviewer@cms.example')
			const calm = await api.tokenFor('reviewer@cms.example')
			const statuses = []
			for (let i = 0; i < 4; i++)
				statuses.push(
					(await fetch(url, { headers: { Authorization: `Bearer ${busy.secret}` } })).status,
				)
			expect(statuses).toEqual([200, 200, 200, 429])
			const limited = await fetch(url, { headers: { Authorization: `Bearer ${busy.secret}` } })
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
			expect(
				(await fetch(url, { headers: { Authorization: `Bearer ${calm.secret}` } })).status,
			).toBe(200)
		} finally {
			http.closeAllConnections()
			await new Promise((resolve) => http.close(resolve))
		}
	})
})
