// The audit trail follows the drafts' privacy: events about a draft are seen only by the people on
// it, in the audit page's query and in its CSV stream alike, until the draft is submitted.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'

async function loadModules() {
	return {
		seed: await import('#prisma/seed/seed.server.ts'),
		useCases: await import('#app/modules/use-cases/use-cases.server.ts'),
		comments: await import('#app/modules/workflow/comments.server.ts'),
		audit: await import('./audit-query.server.ts'),
		schemas: await import('./schemas.ts'),
	}
}

for (const target of databaseTargets()) {
	describe(`audit events about drafts on ${target.name}`, () => {
		let database: Database
		let m: Awaited<ReturnType<typeof loadModules>>

		beforeAll(async () => {
			database = await openAppDatabase(target)
			m = await loadModules()
			await m.seed.seedDemoData(database.prisma)
		}, 180_000)

		afterAll(async () => {
			await database?.close()
		})

		async function seenBy(email: string, filters: Record<string, string> = {}) {
			const reader = await sessionUserByEmail(database, email)
			const query = m.schemas.AuditQuerySchema.parse(filters)
			const page = await m.audit.findAuditEvents(query, reader)
			const streamed: Array<{ entityId: string; after: unknown }> = []
			for await (const event of m.audit.streamAuditEvents(query, reader)) streamed.push(event)
			return { page: page.events, streamed, actions: page.actions }
		}

		test('another person’s draft name and comments are not in the audit page or its CSV; the people on it see them', async () => {
			const lead = await sessionUserByEmail(database, 'governance@cms.example')
			const orgUnitId = (
				await database.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })
			).id
			// A governance lead's own draft: the other audit readers (leadership, administrators) must not see it.
			const draft = await m.useCases.createDraft(
				lead,
				{ name: 'Confidential merger screening idea', orgUnitId },
				testRequest,
			)
			await m.comments.addComment(
				lead,
				{ useCaseId: draft.id, body: 'Only half-formed: do not circulate.' },
				testRequest,
			)

			for (const email of ['leadership@cms.example', 'admin@cms.example']) {
				const { page, streamed, actions } = await seenBy(email, { entityId: draft.id })
				expect(page, email).toEqual([])
				expect(streamed, email).toEqual([])
				const everything = await seenBy(email)
				expect(JSON.stringify(everything.streamed)).not.toContain(
					'Confidential merger screening idea',
				)
				expect(JSON.stringify(everything.streamed)).not.toContain('do not circulate')
				expect(actions.length).toBeGreaterThan(0)
			}
			const own = await seenBy('governance@cms.example', { entityId: draft.id })
			expect(own.page.map((event) => event.action).sort()).toEqual([
				'comment.added',
				'use_case.created',
			])
			expect(own.streamed).toHaveLength(2)
		})

		test('a deleted draft stays private: only its own author’s events remain visible to them', async () => {
			const lead = await sessionUserByEmail(database, 'governance@cms.example')
			const orgUnitId = (
				await database.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/OIT' } })
			).id
			const draft = await m.useCases.createDraft(
				lead,
				{ name: 'Abandoned chatbot sketch', orgUnitId },
				testRequest,
			)
			await m.useCases.deleteEmptyDraft(lead, draft.id, testRequest)
			expect((await seenBy('leadership@cms.example', { entityId: draft.id })).streamed).toEqual([])
			expect(
				(await seenBy('governance@cms.example', { entityId: draft.id })).page
					.map((event) => event.action)
					.sort(),
			).toEqual(['use_case.created', 'use_case.deleted'])
		})

		test('once submitted, the case’s whole trail is visible to every audit reader', async () => {
			const submitted = await database.prisma.useCase.findFirstOrThrow({
				where: { status: { not: 'DRAFT' } },
				select: { id: true },
			})
			const { page } = await seenBy('leadership@cms.example', { entityId: submitted.id })
			expect(page.length).toBeGreaterThan(0)
		})
	})
}
