import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
	callCentreSummariser,
	deployedEligibilityModel,
} from '#tests/fixtures/cms-example-cases.ts'
import { sessionUserByEmail, testRequest } from '#tests/app-database.ts'
import { type ApiTestServer, startApiTestServer } from '#tests/api-server.ts'
import { databaseTargets } from '#tests/db-targets.ts'

type TextContent = { type: 'text'; text: string }

describe.each(databaseTargets())(
	'the MCP server on $name, driven by the SDK’s own client over HTTP',
	(target) => {
		let api: ApiTestServer
		const clients: Array<Client> = []

		beforeAll(async () => {
			api = await startApiTestServer(target)
		}, 240_000)
		afterAll(async () => {
			await Promise.all(clients.map((client) => client.close()))
			await api?.close()
		})

		async function connect(token: string) {
			const client = new Client({ name: 'vitest', version: '1.0.0' })
			await client.connect(
				new StreamableHTTPClientTransport(new URL(`${api.base}/mcp`), {
					requestInit: { headers: { Authorization: `Bearer ${token}` } },
				}),
			)
			clients.push(client)
			return client
		}

		const text = (result: Record<string, unknown>) =>
			((result.content ?? []) as Array<TextContent>).map((c) => c.text).join('\n')

		test('lists its tools, each with a schema and a description, and searches the inventory as the token’s user', async () => {
			const client = await connect((await api.tokenFor('leadership@cms.example')).secret)
			const { tools } = await client.listTools()
			expect(tools.map((tool) => tool.name).sort()).toEqual(
				[
					'add_comment',
					'create_draft_use_case',
					'evaluate_use_case',
					'find_similar_use_cases',
					'get_policy_reference',
					'get_use_case',
					'inventory_summary',
					'list_policy_references',
					'search_use_cases',
				].sort(),
			)
			for (const tool of tools) {
				expect(tool.description!.length, tool.name).toBeGreaterThan(60)
				expect(tool.inputSchema.type).toBe('object')
				expect(tool.outputSchema?.type, tool.name).toBe('object')
			}

			const result = await client.callTool({
				name: 'search_use_cases',
				arguments: { q: 'fraud', limit: 5 },
			})
			expect(result.isError).toBeFalsy()
			const structured = result.structuredContent as {
				data: Array<{ trackingId: string; status: string }>
				next: string | null
			}
			expect(structured.data.length).toBeGreaterThan(0)
			expect(structured.data.every((row) => row.status !== 'DRAFT')).toBe(true)
			expect(text(result)).toContain(structured.data[0]!.trackingId)

			const summary = await client.callTool({ name: 'inventory_summary', arguments: {} })
			expect(summary.isError).toBeFalsy()
			expect((summary.structuredContent as { total: number }).total).toBeGreaterThan(0)
		})

		test('evaluates a proposed case and explains each finding with its clause', async () => {
			const client = await connect((await api.tokenFor('submitter@cms.example')).secret)
			const result = await client.callTool({
				name: 'evaluate_use_case',
				arguments: { document: deployedEligibilityModel(), asOf: '2026-05-01' },
			})
			expect(result.isError).toBeFalsy()
			const evaluation = result.structuredContent as {
				presumedHighImpact: boolean
				results: Array<{ status: string; clauseIds: Array<string> }>
			}
			expect(evaluation.presumedHighImpact).toBe(true)
			const failing = evaluation.results.filter((r) => r.status === 'FAIL')
			expect(failing.length).toBeGreaterThan(0)
			for (const finding of failing)
				for (const clause of finding.clauseIds) expect(text(result)).toContain(clause)

			const invalid = await client.callTool({
				name: 'evaluate_use_case',
				arguments: { document: { ...callCentreSummariser(), stage: 'SOMEDAY' } },
			})
			expect(invalid.isError).toBe(true)
		})

		test('creates a draft with a write token; a read token and a revoked token are refused', async () => {
			const write = await api.tokenFor('submitter@cms.example', 'READ_WRITE')
			const writer = await connect(write.secret)
			const created = await writer.callTool({
				name: 'create_draft_use_case',
				arguments: {
					name: 'Provider directory accuracy checker',
					orgUnit: 'HHS/CMS/CPI',
					problemSolved: 'Directories list providers who have moved.',
				},
			})
			expect(created.isError, text(created)).toBeFalsy()
			const { trackingId } = created.structuredContent as { trackingId: string }
			const draft = await api.database.prisma.useCase.findUniqueOrThrow({
				where: { trackingId },
				select: { id: true, status: true, owner: { select: { email: true } } },
			})
			expect(draft).toMatchObject({ status: 'DRAFT', owner: { email: 'submitter@cms.example' } })
			const audit = await api.database.prisma.auditEvent.findFirstOrThrow({
				where: { action: 'use_case.created', entityId: draft.id },
			})
			expect(audit.apiTokenId).toBe(write.id)

			// Their own draft reads as a resource; nobody else sees it, through search or by address.
			const resource = await writer.readResource({ uri: `usecase://${trackingId}` })
			expect(JSON.parse((resource.contents[0] as { text: string }).text)).toMatchObject({
				trackingId,
				status: 'DRAFT',
			})
			const other = await connect((await api.tokenFor('governance@cms.example')).secret)
			const search = await other.callTool({
				name: 'search_use_cases',
				arguments: { q: trackingId },
			})
			expect((search.structuredContent as { data: Array<unknown> }).data).toEqual([])
			const hidden = await other.callTool({
				name: 'get_use_case',
				arguments: { useCase: trackingId },
			})
			expect(hidden.isError).toBe(true)
			await expect(other.readResource({ uri: `usecase://${trackingId}` })).rejects.toThrow()

			const reader = await connect((await api.tokenFor('submitter@cms.example', 'READ')).secret)
			const refused = await reader.callTool({
				name: 'create_draft_use_case',
				arguments: { name: 'Should not exist', orgUnit: 'HHS/CMS/CPI' },
			})
			expect(refused.isError).toBe(true)
			expect(text(refused)).toMatch(/write scope/)
			expect(await api.database.prisma.useCase.count({ where: { name: 'Should not exist' } })).toBe(
				0,
			)

			const { revokeApiToken } = await import('#app/modules/api-tokens/api-tokens.server.ts')
			await revokeApiToken(
				await sessionUserByEmail(api.database, 'submitter@cms.example'),
				write.id,
				{ asAdministrator: false },
				testRequest,
			)
			await expect(
				writer.callTool({
					name: 'create_draft_use_case',
					arguments: { name: 'After revocation', orgUnit: 'HHS/CMS/CPI' },
				}),
			).rejects.toThrow()
			expect(await api.database.prisma.useCase.count({ where: { name: 'After revocation' } })).toBe(
				0,
			)
		})

		test('permissions follow the pages: a submitter gets no dashboard figures; a reviewer comments', async () => {
			const submitter = await connect((await api.tokenFor('submitter@cms.example')).secret)
			const summary = await submitter.callTool({ name: 'inventory_summary', arguments: {} })
			expect(summary.isError).toBe(true)
			expect(text(summary)).toMatch(/roles do not allow/)

			const reviewer = await connect(
				(await api.tokenFor('reviewer@cms.example', 'READ_WRITE')).secret,
			)
			const someCase = await api.database.prisma.useCase.findFirstOrThrow({
				where: { status: 'IN_REVIEW' },
				select: { trackingId: true },
			})
			const comment = await reviewer.callTool({
				name: 'add_comment',
				arguments: { useCase: someCase.trackingId, body: 'Please attach the PIA.' },
			})
			expect(comment.isError, text(comment)).toBeFalsy()
		})

		test('policy clauses are resources and tools; the submission prompt names the case', async () => {
			const client = await connect((await api.tokenFor('reviewer@cms.example')).secret)
			const listed = await client.listResources()
			expect(listed.resources.map((r) => r.uri)).toContain('policy://M2521-4B-II')
			const clause = await client.readResource({ uri: 'policy://M2521-4B-II' })
			expect(JSON.parse((clause.contents[0] as { text: string }).text).reference.id).toBe(
				'M2521-4B-II',
			)
			const reference = await client.callTool({
				name: 'get_policy_reference',
				arguments: { referenceId: 'M2521-4B-II' },
			})
			expect(text(reference)).toContain('M2521-4B-II')
			const references = await client.callTool({
				name: 'list_policy_references',
				arguments: { q: 'privacy' },
			})
			expect(
				(references.structuredContent as { data: Array<unknown> }).data.length,
			).toBeGreaterThan(0)
			const similar = await client.callTool({
				name: 'find_similar_use_cases',
				arguments: { name: 'Medicare claims fraud detection' },
			})
			expect(similar.isError).toBeFalsy()
			const { prompts } = await client.listPrompts()
			expect(prompts.map((p) => p.name)).toEqual(['prepare_use_case_for_submission'])
			const prompt = await client.getPrompt({
				name: 'prepare_use_case_for_submission',
				arguments: { useCase: 'CMS-2026-0042' },
			})
			expect((prompt.messages[0]!.content as TextContent).text).toContain('CMS-2026-0042')
		})

		test('without a token: 401 pointing at the protected resource metadata, which names this server', async () => {
			const response = await fetch(`${api.base}/mcp`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json, text/event-stream',
				},
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
			})
			expect(response.status).toBe(401)
			const challenge = response.headers.get('www-authenticate') ?? ''
			const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1]
			expect(metadataUrl).toBe(`${api.base}/.well-known/oauth-protected-resource/mcp`)
			const metadata = (await (await fetch(metadataUrl!)).json()) as {
				resource: string
				scopes_supported: Array<string>
				bearer_methods_supported: Array<string>
			}
			expect(metadata).toMatchObject({
				resource: `${api.base}/mcp`,
				scopes_supported: ['read', 'write'],
				bearer_methods_supported: ['header'],
			})
			const client = new Client({ name: 'vitest', version: '1.0.0' })
			await expect(
				client.connect(new StreamableHTTPClientTransport(new URL(`${api.base}/mcp`))),
			).rejects.toThrow()
		})
	},
)
