import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ApiTestServer, startApiTestServer } from '#tests/api-server.ts'
import { databaseTargets } from '#tests/db-targets.ts'
import { callCentreSummariser } from '#tests/fixtures/cms-example-cases.ts'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { type RoleName, roleNames } from '#app/utils/permissions.ts'

const everyone = roleNames
const changesOwnCases: ReadonlyArray<RoleName> = ['SUBMITTER']
const readsReports: ReadonlyArray<RoleName> = ['GOVERNANCE_LEAD', 'LEADERSHIP']

// Who may call each operation, written out from the pages' rules (not from the API's code): a new
// operation fails this test until it is added here.
const expected: Record<string, { scope: 'read' | 'write'; roles: ReadonlyArray<RoleName> }> = {
	listUseCases: { scope: 'read', roles: everyone },
	findSimilarUseCases: { scope: 'read', roles: everyone },
	getUseCase: { scope: 'read', roles: everyone },
	listUseCaseVersions: { scope: 'read', roles: everyone },
	getUseCaseVersion: { scope: 'read', roles: everyone },
	diffUseCaseVersions: { scope: 'read', roles: everyone },
	createUseCase: { scope: 'write', roles: changesOwnCases },
	updateUseCase: { scope: 'write', roles: changesOwnCases },
	submitUseCase: { scope: 'write', roles: changesOwnCases },
	withdrawUseCase: { scope: 'write', roles: changesOwnCases },
	addComment: { scope: 'write', roles: ['SUBMITTER', 'REVIEWER', 'GOVERNANCE_LEAD'] },
	listDatasets: { scope: 'read', roles: everyone },
	getDataset: { scope: 'read', roles: everyone },
	getPolicyPack: { scope: 'read', roles: everyone },
	listPolicyReferences: { scope: 'read', roles: everyone },
	getPolicyReference: { scope: 'read', roles: everyone },
	listPolicyChecks: { scope: 'read', roles: everyone },
	evaluateUseCase: { scope: 'read', roles: everyone },
	getMe: { scope: 'read', roles: everyone },
	getDashboard: { scope: 'read', roles: readsReports },
	exportOmbCsv: { scope: 'read', roles: readsReports },
	exportOmbJson: { scope: 'read', roles: readsReports },
	exportPublicCsv: { scope: 'read', roles: readsReports },
	exportPublicJson: { scope: 'read', roles: readsReports },
	exportCotsCsv: { scope: 'read', roles: readsReports },
}

const accounts: Record<RoleName, string> = {
	SUBMITTER: 'submitter@cms.example',
	REVIEWER: 'reviewer@cms.example',
	GOVERNANCE_LEAD: 'governance@cms.example',
	LEADERSHIP: 'leadership@cms.example',
	ADMIN: 'admin@cms.example',
}

const ROUTE_REFUSAL = /^(This needs a token with the|Your roles do not allow this)/

describe.each(databaseTargets())('the REST API on $name', (target) => {
	let api: ApiTestServer
	const tokens = {} as Record<RoleName, { READ: string; READ_WRITE: string }>
	let submitterWrite: string
	let oitId: string

	beforeAll(async () => {
		api = await startApiTestServer(target)
		for (const role of roleNames) {
			tokens[role] = {
				READ: (await api.tokenFor(accounts[role], 'READ')).secret,
				READ_WRITE: (await api.tokenFor(accounts[role], 'READ_WRITE')).secret,
			}
		}
		submitterWrite = tokens.SUBMITTER.READ_WRITE
		oitId = (
			await api.database.prisma.orgUnit.findFirstOrThrow({
				where: { code: 'HHS/CMS/OIT' },
				select: { id: true },
			})
		).id
	}, 240_000)
	afterAll(async () => {
		await api?.close()
	})

	async function newDraft(name = 'Appeals letter drafting assistant') {
		const response = await api.call(submitterWrite, 'POST', '/api/v1/use-cases', {
			body: { name, orgUnitId: oitId },
		})
		expect(response.status).toBe(201)
		return (await response.json()) as { id: string; trackingId: string; version: number }
	}

	test('every operation × role × scope: refused exactly where the pages refuse, with 403', async () => {
		const { apiRoutes } = await import('#app/api/router.server.ts')
		expect(apiRoutes.map((route) => route.operationId).sort()).toEqual(Object.keys(expected).sort())
		// A submitted case none of these accounts is listed on: changes to it are refused by the module, never carried out.
		const someoneElses = await api.database.prisma.useCase.findFirstOrThrow({
			where: {
				status: 'IN_REVIEW',
				contacts: { none: { user: { email: { in: Object.values(accounts) } } } },
				versions: { some: {} },
			},
			select: { id: true, version: true },
		})
		const dataset = await api.database.prisma.dataset.findFirstOrThrow({ select: { id: true } })
		const fill = (path: string) =>
			path
				.replace('{useCaseId}', someoneElses.id)
				.replace('{number}', '1')
				.replace('{datasetId}', dataset.id)
				.replace('{referenceId}', 'M2521-4B-II')
		const bodies: Record<string, unknown> = {
			createUseCase: { name: 'Matrix probe draft', orgUnitId: oitId },
			updateUseCase: { benefits: 'Faster answers.', version: someoneElses.version },
			submitUseCase: { version: someoneElses.version },
			withdrawUseCase: { version: someoneElses.version },
			addComment: { body: 'Which contract covers the vendor model?' },
			evaluateUseCase: callCentreSummariser(),
		}
		const rows: Array<string> = []
		for (const route of apiRoutes) {
			for (const role of roleNames) {
				for (const access of ['READ', 'READ_WRITE'] as const) {
					const response = await api.call(
						tokens[role][access],
						route.method.toUpperCase(),
						`/api/v1${fill(route.path)}`,
						{
							body: route.body ? bodies[route.operationId] : undefined,
						},
					)
					const rule = expected[route.operationId]!
					const allowed =
						rule.roles.includes(role) && (rule.scope === 'read' || access === 'READ_WRITE')
					const body = response.headers.get('content-type')?.includes('json')
						? ((await response.json()) as { detail?: string })
						: {}
					const refusedHere = response.status === 403 && ROUTE_REFUSAL.test(body.detail ?? '')
					if (
						refusedHere === allowed ||
						response.status === 401 ||
						response.status === 400 ||
						response.status >= 500
					) {
						rows.push(
							`${route.method} ${route.path} as ${role} with ${access}: ${response.status} ${body.detail ?? ''}`,
						)
					}
				}
			}
		}
		expect(rows).toEqual([])
	}, 240_000)

	test('the inventory pages with a cursor: every visible case once, in order, and nobody else’s draft', async () => {
		const seen: Array<{ id: string; trackingId: string; status: string }> = []
		let next: string | null = null
		do {
			const query = new URLSearchParams({
				sort: 'trackingId',
				limit: '7',
				...(next ? { cursor: next } : {}),
			})
			const response = await api.call(tokens.LEADERSHIP.READ, 'GET', `/api/v1/use-cases?${query}`)
			expect(response.status).toBe(200)
			const page = (await response.json()) as { data: typeof seen; next: string | null }
			seen.push(...page.data)
			next = page.next
		} while (next)
		const visible = await api.database.prisma.useCase.findMany({
			where: { status: { not: 'DRAFT' } },
			orderBy: { trackingId: 'asc' },
			select: { trackingId: true },
		})
		expect(seen.map((row) => row.trackingId)).toEqual(visible.map((row) => row.trackingId))

		const filtered = await api.call(
			tokens.LEADERSHIP.READ,
			'GET',
			'/api/v1/use-cases?status=APPROVED&status=IN_REVIEW&sort=name&dir=desc&limit=100',
		)
		const rows = ((await filtered.json()) as { data: typeof seen }).data
		expect(rows.length).toBeGreaterThan(0)
		expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['APPROVED', 'IN_REVIEW']))

		const wrongSort = await api.call(
			tokens.LEADERSHIP.READ,
			'GET',
			`/api/v1/use-cases?sort=name&cursor=${encodeURIComponent(next ?? Buffer.from(JSON.stringify({ s: 'trackingId', d: 'asc', k: 'x', i: 'y' })).toString('base64url'))}`,
		)
		expect(wrongSort.status).toBe(400)
		const badFilter = await api.call(tokens.LEADERSHIP.READ, 'GET', '/api/v1/use-cases?status=LOST')
		expect(badFilter.status).toBe(400)
		expect(((await badFilter.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe(
			'status.0',
		)
	})

	test('a draft is private to the people on it: others get 404, by id and by tracking id', async () => {
		const draft = await newDraft('Private draft about provider enrolment')
		expect(
			(await api.call(tokens.SUBMITTER.READ, 'GET', `/api/v1/use-cases/${draft.trackingId}`))
				.status,
		).toBe(200)
		for (const role of ['REVIEWER', 'GOVERNANCE_LEAD', 'LEADERSHIP', 'ADMIN'] as const) {
			expect(
				(await api.call(tokens[role].READ, 'GET', `/api/v1/use-cases/${draft.id}`)).status,
			).toBe(404)
			expect(
				(await api.call(tokens[role].READ, 'GET', `/api/v1/use-cases/${draft.trackingId}`)).status,
			).toBe(404)
		}
		const listed = await api.call(
			tokens.LEADERSHIP.READ,
			'GET',
			`/api/v1/use-cases?q=${draft.trackingId}`,
		)
		expect(((await listed.json()) as { data: Array<unknown> }).data).toEqual([])
	})

	test('one case reads with its answers, datasets, findings and clauses, review and versions, and its version as ETag', async () => {
		const decided = await api.database.prisma.useCase.findFirstOrThrow({
			where: { status: 'APPROVED', datasets: { some: {} } },
			select: { trackingId: true, version: true },
		})
		const response = await api.call(
			tokens.REVIEWER.READ,
			'GET',
			`/api/v1/use-cases/${decided.trackingId}`,
		)
		expect(response.status).toBe(200)
		expect(response.headers.get('etag')).toBe(`"${decided.version}"`)
		const detail = (await response.json()) as {
			document: { datasets: Array<unknown> }
			findings: { results: Array<{ clauseIds: Array<string> }> }
			review: { decisions: Array<unknown> }
			versions: Array<{ number: number }>
		}
		expect(detail.document.datasets.length).toBeGreaterThan(0)
		expect(detail.findings.results.every((result) => result.clauseIds.length > 0)).toBe(true)
		expect(detail.review.decisions.length).toBeGreaterThan(0)
		const [first] = detail.versions
		const version = await api.call(
			tokens.REVIEWER.READ,
			'GET',
			`/api/v1/use-cases/${decided.trackingId}/versions/${first!.number}`,
		)
		expect(version.status).toBe(200)
		const diff = await api.call(
			tokens.REVIEWER.READ,
			'GET',
			`/api/v1/use-cases/${decided.trackingId}/diff?from=${first!.number}&to=0`,
		)
		expect(diff.status).toBe(200)
		expect(
			(
				await api.call(
					tokens.REVIEWER.READ,
					'GET',
					`/api/v1/use-cases/${decided.trackingId}/diff?from=999`,
				)
			).status,
		).toBe(404)
		expect(
			(
				await api.call(
					tokens.REVIEWER.READ,
					'GET',
					`/api/v1/use-cases/${decided.trackingId}/versions`,
				)
			).status,
		).toBe(200)
	})

	test('writes are conditional: a stale If-Match is 412, a stale version 409, neither 428; of two concurrent saves one wins', async () => {
		const draft = await newDraft()
		const path = `/api/v1/use-cases/${draft.id}`
		expect(
			(
				await api.call(submitterWrite, 'PATCH', path, {
					body: { benefits: 'Letters go out in days, not weeks.' },
				})
			).status,
		).toBe(428)

		const saved = await api.call(submitterWrite, 'PATCH', path, {
			body: { benefits: 'Letters go out in days, not weeks.', stage: 'PRE_DEPLOYMENT' },
			headers: { 'If-Match': '"1"' },
		})
		expect(saved.status).toBe(200)
		expect(await saved.json()).toEqual({ status: 'saved', version: 2 })
		expect(saved.headers.get('etag')).toBe('"2"')

		const stale = await api.call(submitterWrite, 'PATCH', path, {
			body: { benefits: 'Overwritten?' },
			headers: { 'If-Match': '"1"' },
		})
		expect(stale.status).toBe(412)
		expect(await stale.json()).toMatchObject({ currentVersion: 2 })
		expect(
			(
				await api.call(submitterWrite, 'PATCH', path, {
					body: { benefits: 'Overwritten?', version: 1 },
				})
			).status,
		).toBe(409)

		const racing = await Promise.all(
			['First writer', 'Second writer'].map((benefits) =>
				api.call(submitterWrite, 'PATCH', path, { body: { benefits, version: 2 } }),
			),
		)
		expect(racing.map((r) => r.status).sort()).toEqual([200, 409])
		const current = await api.database.prisma.useCase.findUniqueOrThrow({
			where: { id: draft.id },
			select: { version: true, benefits: true, stage: true },
		})
		expect(current.version).toBe(3)
		expect(['First writer', 'Second writer']).toContain(current.benefits)
		expect(current.stage).toBe('PRE_DEPLOYMENT')

		const withdrawnStale = await api.call(submitterWrite, 'POST', `${path}/withdraw`, {
			headers: { 'If-Match': '"2"' },
		})
		expect(withdrawnStale.status).toBe(412)
		const withdrawn = await api.call(submitterWrite, 'POST', `${path}/withdraw`, {
			headers: { 'If-Match': '"3"' },
		})
		expect(withdrawn.status).toBe(200)
		expect(await withdrawn.json()).toEqual({ status: 'WITHDRAWN', version: 4 })
	})

	test('a change of one answer leaves every answer it does not name as it was, lists included', async () => {
		// A demo draft with a linked dataset and answered lists, changed by its owner.
		const owner = (await api.tokenFor('thomas.brennan@cms.example', 'READ_WRITE')).secret
		const path = '/api/v1/use-cases/CMS-2026-0005'
		const read = async () =>
			(await (await api.call(owner, 'GET', path)).json()) as {
				version: number
				document: Record<string, unknown>
			}
		const before = await read()
		expect(before.document.datasets).toHaveLength(1)
		expect(before.document.informedDecisions).toEqual(['NONE'])
		const changed = await api.call(owner, 'PATCH', path, {
			body: { benefits: 'Better oversight of plans.' },
			headers: { 'If-Match': `"${before.version}"` },
		})
		expect(changed.status).toBe(200)
		const after = await read()
		expect(after.version).toBe(before.version + 1)
		expect(after.document).toEqual({ ...before.document, benefits: 'Better oversight of plans.' })
	})

	test('bad input is a 400 with field paths from the form’s schema; unknown fields and non-JSON bodies are refused', async () => {
		const draft = await newDraft()
		const path = `/api/v1/use-cases/${draft.id}`
		const invalid = await api.call(submitterWrite, 'PATCH', path, {
			body: {
				stage: 'SOMEDAY',
				piaUrl: 'ftp://x',
				datasets: [{ datasetId: 'x', usages: ['GUESSING'] }],
				version: 1,
			},
		})
		expect(invalid.status).toBe(400)
		const problem = (await invalid.json()) as { errors: Array<{ path: string; pointer: string }> }
		expect(problem.errors.map((e) => e.path).sort()).toEqual([
			'datasets.0.usages.0',
			'piaUrl',
			'stage',
		])
		expect(problem.errors.find((e) => e.path === 'datasets.0.usages.0')!.pointer).toBe(
			'/datasets/0/usages/0',
		)

		const unknown = await api.call(submitterWrite, 'PATCH', path, {
			body: { nickname: 'x', version: 1 },
		})
		expect(unknown.status).toBe(400)
		const form = await fetch(`${api.base}${path}`, {
			method: 'PATCH',
			headers: {
				Authorization: `Bearer ${submitterWrite}`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'benefits=x&version=1',
		})
		expect(form.status).toBe(415)
		const broken = await fetch(`${api.base}${path}`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${submitterWrite}`, 'Content-Type': 'application/json' },
			body: '{"benefits": ',
		})
		expect(broken.status).toBe(400)
		expect(broken.headers.get('content-type')).toMatch(/problem\+json/)
		const unchanged = await api.database.prisma.useCase.findUniqueOrThrow({
			where: { id: draft.id },
			select: { version: true },
		})
		expect(unchanged.version).toBe(1)
	})

	test('submitting an incomplete draft is a 422 naming each question; a complete one is submitted', async () => {
		const draft = await newDraft('Improper payment triage model')
		const path = `/api/v1/use-cases/${draft.id}`
		const incomplete = await api.call(submitterWrite, 'POST', `${path}/submit`, {
			body: { version: 1 },
		})
		expect(incomplete.status).toBe(422)
		const problem = (await incomplete.json()) as {
			errors: Array<{ path: string }>
			saved: boolean
			version: number
		}
		expect(problem.errors.map((e) => e.path)).toContain('stage')
		expect(problem.saved).toBe(true)

		const example = callCentreSummariser()
		const dataset = await api.database.prisma.dataset.findFirstOrThrow({
			where: { sensitivities: { isEmpty: true } },
			select: { id: true },
		})
		const filled = await api.call(submitterWrite, 'PATCH', path, {
			body: {
				version: problem.version,
				stage: 'PRE_DEPLOYMENT',
				isWithheld: 'NO',
				topicArea: example.topicArea,
				classification: example.classification,
				problemSolved: example.problemSolved,
				benefits: example.benefits,
				systemOutputs: example.systemOutputs,
				contractingUsage: 'IN_HOUSE',
				hasAto: 'YES',
				atoSystemName: 'CMS Cloud',
				dataDescription: 'Call transcripts.',
				hasPii: 'NO',
				hasCustomCode: 'NO',
				decisionRole: 'NONE',
				affectedParties: ['INTERNAL_ONLY'],
				informedDecisions: ['NONE'],
				publicFacing: 'NO',
				generativeAi: 'NO',
				hosting: 'CMS_DATA_CENTER',
				aiScreen: { ruleBasedOnly: 'NO' },
				datasets: [{ datasetId: dataset.id, usages: ['OPERATION'] }],
			},
		})
		const filledBody = (await filled.json()) as { version: number; errors?: unknown }
		expect(filled.status, JSON.stringify(filledBody)).toBe(200)
		const submitted = await api.call(submitterWrite, 'POST', `${path}/submit`, {
			headers: { 'If-Match': `"${filledBody.version}"` },
		})
		const submittedBody = (await submitted.json()) as { status: string; errors?: unknown }
		expect(submitted.status, JSON.stringify(submittedBody)).toBe(200)
		expect(submittedBody.status).toBe('submitted')
	})

	test('comments, similar cases, datasets, the policy library, the dashboard and the OMB files', async () => {
		const someCase = await api.database.prisma.useCase.findFirstOrThrow({
			where: { status: 'IN_REVIEW' },
			select: { id: true, name: true },
		})
		const comment = await api.call(
			tokens.REVIEWER.READ_WRITE,
			'POST',
			`/api/v1/use-cases/${someCase.id}/comments`,
			{ body: { body: 'Which contract covers this?' } },
		)
		expect(comment.status).toBe(201)
		const similar = await api.call(
			tokens.SUBMITTER.READ,
			'GET',
			`/api/v1/use-cases/similar?name=${encodeURIComponent(someCase.name)}`,
		)
		expect(
			((await similar.json()) as { data: Array<{ id: string }> }).data.map((m) => m.id),
		).toContain(someCase.id)
		const datasets = await api.call(
			tokens.SUBMITTER.READ,
			'GET',
			'/api/v1/datasets?sensitivity=PHI',
		)
		expect(((await datasets.json()) as { total: number }).total).toBeGreaterThan(0)
		expect((await api.call(tokens.SUBMITTER.READ, 'GET', '/api/v1/datasets/nope')).status).toBe(404)
		expect(
			(
				await api.call(
					tokens.SUBMITTER.READ,
					'GET',
					'/api/v1/policy-references?q=minimum practices',
				)
			).status,
		).toBe(200)
		expect(
			(await api.call(tokens.SUBMITTER.READ, 'GET', '/api/v1/policy-references/NOPE')).status,
		).toBe(404)
		expect((await api.call(tokens.LEADERSHIP.READ, 'GET', '/api/v1/dashboard')).status).toBe(200)
		const csv = await api.call(
			tokens.LEADERSHIP.READ,
			'GET',
			'/api/v1/exports/omb.csv?values=codes',
		)
		expect(csv.status).toBe(200)
		expect(csv.headers.get('content-disposition')).toMatch(/attachment/)
		expect((await csv.text()).split('\n')[0]).toContain('use_case_name')
		expect(
			(await api.call(tokens.LEADERSHIP.READ, 'GET', '/api/v1/exports/public.json?ids=omit'))
				.status,
		).toBe(200)
		const audited = await api.database.prisma.auditEvent.findFirst({
			where: { action: { contains: 'export' }, apiTokenId: { not: null } },
		})
		expect(audited).not.toBeNull()
	})

	test('POST /evaluate answers what `npm run evaluate` prints for the same document, and stores nothing', async () => {
		const before = await api.database.prisma.checkRun.count()
		const document = callCentreSummariser()
		const response = await api.call(
			tokens.SUBMITTER.READ,
			'POST',
			'/api/v1/evaluate?asOf=2026-05-01',
			{ body: document },
		)
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual(
			JSON.parse(
				JSON.stringify(
					evaluateUseCase(document, {
						pack: shippedPolicyPack(),
						asOf: new Date('2026-05-01T00:00:00Z'),
					}),
				),
			),
		)
		expect(await api.database.prisma.checkRun.count()).toBe(before)
		const misspelt = await api.call(tokens.SUBMITTER.READ, 'POST', '/api/v1/evaluate', {
			body: { ...document, stagee: 'PILOT' },
		})
		expect(misspelt.status).toBe(400)
	})

	test('an unknown address is a 404 problem, a wrong method a 405 with Allow; no CORS headers are given', async () => {
		const missing = await api.call(tokens.SUBMITTER.READ, 'GET', '/api/v1/nothing-here')
		expect(missing.status).toBe(404)
		expect(missing.headers.get('content-type')).toMatch(/problem\+json/)
		const wrong = await fetch(`${api.base}/api/v1/datasets`, {
			method: 'DELETE',
			headers: { Authorization: `Bearer ${tokens.SUBMITTER.READ}` },
		})
		expect(wrong.status).toBe(405)
		expect(wrong.headers.get('allow')).toBe('GET')
		const preflight = await fetch(`${api.base}/api/v1/me`, {
			method: 'OPTIONS',
			headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
		})
		expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
		const crossOrigin = await fetch(`${api.base}/api/v1/me`, {
			headers: {
				Origin: 'https://elsewhere.example',
				Authorization: `Bearer ${tokens.SUBMITTER.READ}`,
			},
		})
		expect(crossOrigin.headers.get('access-control-allow-origin')).toBeNull()
	})

	test('the OpenAPI document lists every operation the router serves, and every one was answered and checked against it above', async () => {
		const { apiRoutes, apiServer, expressPath } = await import('#app/api/router.server.ts')
		const document = (await (await fetch(`${api.base}/api/v1/openapi.json`)).json()) as {
			openapi: string
			paths: Record<string, Record<string, unknown>>
		}
		expect(document.openapi).toBe('3.1.0')
		// What Express actually routes, read from the router itself.
		const router = apiServer({ appUrl: api.base, requestsPerMinute: 1 }) as unknown as {
			stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>
		}
		const served = router.stack.flatMap((layer) =>
			layer.route && !layer.route.path.includes('*')
				? Object.keys(layer.route.methods).map((m) => `${m} ${layer.route!.path}`)
				: [],
		)
		const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
			Object.keys(operations).map((method) => `${method} /api/v1${expressPath(path)}`),
		)
		expect(served.sort()).toEqual(documented.sort())
		const operations = apiRoutes.map((route) => `${route.method} ${route.path}`)
		const answered = new Set([...api.answered].map((key) => key.split(' ').slice(0, 2).join(' ')))
		expect(operations.filter((operation) => !answered.has(operation))).toEqual([])
	})
})
