// The HTTP fuzz suite: malformed query strings and bodies sent to every loader and action of every
// route (tests/route-matrix.ts), as a person holding every role and as nobody. Wrong types and
// sizes, NUL and control characters, unicode, repeated keys, huge integers, impossible dates, odd
// ids, JavaScript's own property names, bodies that are not forms, list positions no form uses.
// Whatever arrives, the answer must not be a 5xx, and the server must still be alive afterwards.
// Run bounded in `npm test` (3,000 requests), long with `npm run fuzz`.
import fc from 'fast-check'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { CSRF_HEADER_NAME } from '#app/utils/csrf.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { DEMO_PASSWORD } from '#prisma/seed/demo-accounts.ts'
import { HttpClient } from './http-client.ts'
import {
	authorizationMatrix,
	type Fixtures,
	prepareRouteFixtures,
	routeExports,
} from './route-matrix.ts'
import { type TestServer } from './test-server.ts'

const FUZZ_EMAIL = 'fuzz-every-role@cms.example'

/** The route fixtures, and a person holding every role (and every lane), who reaches every action. */
export async function prepareFuzzFixtures(prisma: PrismaClient) {
	const fixtures = await prepareRouteFixtures(prisma)
	const orgUnit = await prisma.orgUnit.findFirstOrThrow({ select: { id: true } })
	await prisma.user.create({
		data: {
			email: FUZZ_EMAIL,
			name: 'Fuzz Every Role',
			orgUnitId: orgUnit.id,
			password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
			roles: {
				create: [
					{ role: 'SUBMITTER' },
					{ role: 'REVIEWER', lanes: ['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE'] },
					{ role: 'GOVERNANCE_LEAD' },
					{ role: 'LEADERSHIP' },
					{ role: 'ADMIN' },
				],
			},
		},
	})
	return fixtures
}

// What each name the app reads usually carries: requests start plausible, so that a mutation
// reaches the code behind validation rather than stopping at the first missing field.
const plausibleQuery: Record<string, string> = {
	q: 'claims',
	page: '2',
	status: 'APPROVED',
	stage: 'DEPLOYED',
	determination: 'HIGH_IMPACT',
	orgUnit: 'HHS/CMS/OIT',
	datasetCategory: 'MEDICARE_CLAIMS',
	sensitivity: 'PII',
	topicArea: 'HEALTH_MEDICAL',
	classification: 'CLASSICAL_ML',
	vendor: 'Acme Analytics',
	tag: 'omb-2026',
	overdue: 'true',
	sort: 'name',
	dir: 'asc',
	actor: 'governance',
	action: 'use_case.updated',
	entityType: 'UseCase',
	entityId: 'CASE',
	useCase: 'CMS-2025-0001',
	from: '2026-01-01',
	to: '2026-12-31',
	values: 'codes',
	ids: 'omit',
	inbox: 'ai@cms.hhs.gov',
	name: 'Claims review assistant',
	problem: 'Reviews take too long.',
	exclude: 'CASE',
	marked: '3',
	category: 'MEDICARE_CLAIMS',
	redirectTo: '/inventory',
	discarded: '1',
	submitted: '1',
	_routes: 'root',
	index: '',
}
const plausibleFields: Record<string, string> = {
	version: '1',
	revision: '1',
	name: 'A fuzzed use case',
	orgUnitId: 'ORG_UNIT',
	problemSolved: 'Reviews take too long.',
	benefits: 'Faster reviews.',
	teamEmails: 'reviewer@cms.example',
	contactEmail: 'ai@cms.hhs.gov',
	stage: 'PILOT',
	status: 'APPROVED',
	'datasets[0].datasetId': 'DATASET',
	'datasets[0].usages': 'TRAINING',
	addDatasetId: 'DATASET',
	operationalDate: '2026-03-01',
	piaUrl: 'https://example.gov/pia',
	vendorNames: 'Acme',
	lane: 'PRIVACY',
	assigneeId: 'USER',
	dueOn: '2026-12-15',
	laneReviewId: 'LANE',
	decision: 'approve',
	note: 'Reviewed and fine.',
	outcome: 'APPROVED',
	'conditions[0].text': 'Share the model card.',
	'conditions[0].ownerEmail': 'submitter@cms.example',
	'conditions[0].dueOn': '2027-01-15',
	nextReviewMonths: '12',
	determination: 'NOT_HIGH_IMPACT',
	rationale: 'A rationale long enough to be read as one.',
	body: 'A comment on the case.',
	fieldPath: 'benefits',
	parentId: 'CASE',
	conditionId: 'CASE',
	reason: 'It is no longer used.',
	practice: 'TESTING',
	riskAssessment: 'Testing would expose live data to a vendor, which the contract forbids.',
	grantedOn: '2026-02-01',
	expiresOn: '2026-12-31',
	reportedToOmbOn: '2026-02-15',
	waiverId: 'CASE',
	date: '2026-03-01',
	certifiedOn: '2026-03-01',
	endsOn: '2026-09-01',
	scaleLimit: 'Two states',
	certificationId: 'CASE',
	evidenceUrl: 'https://example.gov/evidence',
	ownerEmail: 'submitter@cms.example',
	documentedOn: '2026-01-10',
	tag: 'omb-2026',
	ids: 'CASE',
	pageIds: 'CASE',
	allOnPage: 'on',
	returnTo: '?status=APPROVED',
	roles: 'REVIEWER',
	lanes: 'SECURITY',
	active: 'on',
	updatedAt: '2026-01-01T00:00:00.000Z',
	emailNotifications: 'on',
	email: 'nobody@cms.example',
	password: 'not-the-password',
	redirectTo: '/inventory',
	id: 'M2521-4B-II',
	instrument: 'OMB M-25-21',
	title: 'A clause',
	citation: 'M-25-21 §4',
	effectiveDate: '2025-04-03',
	link: 'https://www.whitehouse.gov/m-25-21.pdf',
	summary: 'A summary of the clause that is at least forty characters long.',
	checkId: 'pia-required',
	enabled: 'on',
	severity: 'BLOCKING',
	year: '2026',
	acknowledgeIncomplete: 'on',
	category: 'MEDICARE_CLAIMS',
	sensitivities: 'PII',
	description: 'A dataset description long enough to pass.',
	stewardEmail: 'reviewer@cms.example',
	sornNumber: '09-70-0558',
	fismaSystem: 'IDR',
}
const intents = [
	'save',
	'submit',
	'withdraw',
	'delete',
	'determine',
	'claim',
	'comment',
	'condition-met',
	'retire',
	're-review',
	'evidence',
	'grant-waiver',
	'waiver-report',
	'waiver-recertify',
	'waiver-revoke',
	'waiver-report-revocation',
	'certify-pilot',
	'revoke-pilot',
	'add-tag',
	'remove-tag',
	'assign-reviewer',
	'update-access',
	'revoke-sessions',
	'check',
	'publish',
	'start',
	'discard',
	'mark-all-read',
]

/** Ways to break a value, each applied to every field of a request at once or to one field. */
const mutations: Record<string, (value: string) => string> = {
	nul: (value) => `${value}\u0000`,
	leadingNul: (value) => `\u0000${value}`,
	control: (value) => `${value}\u0007\u001b[31m\u007f`,
	hugeInt: () => '2147483648',
	hugerInt: () => '99999999999999999999999',
	negative: () => '-1',
	float: () => '1e308',
	notANumber: () => 'NaN',
	yearZero: () => '0000-01-01',
	farFuture: () => '9999-12-31',
	impossibleDay: () => '2026-02-30',
	maxDate: () => '275760-09-13T00:00:00.000Z',
	unicode: (value) => `${value} 🙂\u2028\uFEFF北京`,
	loneSurrogate: (value) => `${value}\uD800`,
	proto: () => '__proto__',
	constructorWord: () => 'constructor',
	long: (value) => `${value}${'x'.repeat(6000)}`,
	empty: () => '',
	json: () => '{"$ne":null}',
	formula: (value) => `=${value}`,
	traversal: () => '../../../etc/passwd',
	sql: (value) => `${value}' OR '1'='1`,
	whitespace: () => ' \t\r\n ',
}
const mutationNames = Object.keys(mutations)

function encodePathSegment(value: string) {
	try {
		return encodeURIComponent(value)
	} catch {
		// A lone surrogate has no UTF-8 form: send the bytes a broken client would.
		return '%ED%A0%80'
	}
}

type FuzzFailure = { request: string; status: number }

/** Sends generated requests to every route; returns how many were sent and which answered 5xx. */
export async function fuzzServer(
	server: TestServer<Fixtures>,
	{ runs, seed }: { runs: number; seed?: number },
) {
	const routes = Object.entries(authorizationMatrix)
		.filter(([, entry]) => !entry.coveredBy)
		.map(([file, entry]) => ({
			file,
			entry,
			page: routeExports(file).page,
			path: entry.path(server.fixtures).split('?')[0]!,
		}))
	const ids = Object.values(server.fixtures)
		.map(String)
		.filter((id) => id.length >= 4)

	const signedIn = new HttpClient(server.url)
	// Its own address: the fuzzer's sign-ins are never throttled by the wrong passwords it sends.
	const signIn = () =>
		signedIn.signIn(FUZZ_EMAIL, DEMO_PASSWORD, { 'X-Forwarded-For': '198.18.0.1' })
	await signIn()
	const anonymous = new HttpClient(server.url)
	await anonymous.csrfToken()

	const idFor: Record<string, string> = {
		CASE: server.fixtures.caseId,
		LANE: server.fixtures.laneId,
		DATASET: server.fixtures.datasetId,
		USER: server.fixtures.userId,
		ORG_UNIT: server.fixtures.orgUnitId,
	}
	const resolve = (value: string) => idFor[value] ?? value

	const request = fc.record({
		route: fc.constantFrom(...routes),
		data: fc.boolean(),
		method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'POST', 'POST', 'POST', 'PUT', 'DELETE'),
		intent: fc.constantFrom(...intents),
		queryNames: fc.subarray(Object.keys(plausibleQuery), { maxLength: 8 }),
		fieldNames: fc.subarray(Object.keys(plausibleFields), { maxLength: 14 }),
		// Every value broken the same way, or one value broken, or the route's id, or nothing.
		scope: fc.constantFrom(
			'every value',
			'every value',
			'one value',
			'one value',
			'route id',
			'repeated keys',
			'list position',
		),
		mutation: fc.constantFrom(...mutationNames),
		pick: fc.nat(),
		encoding: fc.constantFrom('form', 'form', 'form', 'multipart', 'json', 'text', 'none'),
		// In a header, the token lets a body of any type through to the action.
		csrf: fc.constantFrom('valid', 'valid', 'valid', 'header', 'missing', 'wrong'),
		anonymous: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
	})

	let requests = 0
	const failures: Array<FuzzFailure> = []
	const statuses = new Map<number, number>()
	await fc.assert(
		fc.asyncProperty(request, async (r) => {
			const client = r.anonymous ? anonymous : signedIn
			const mutate = mutations[r.mutation]!
			let path = r.route.path
			if (r.scope === 'route id') {
				const segments = path.split('/')
				const index = segments.findIndex((segment) => ids.includes(segment))
				if (index > 0) segments[index] = encodePathSegment(mutate(segments[index]!))
				path = segments.join('/')
			}
			if (r.data && r.route.page) path = `${path === '/' ? '/_' : path}.data`
			const build = (
				names: ReadonlyArray<string>,
				plausible: Record<string, string>,
				place: 'query' | 'body',
			) => {
				// An address past Node's 16 KB header limit is refused by Node itself (431): long values go in bodies.
				const mutate =
					place === 'query' && r.mutation === 'long'
						? (value: string) => `${value}${'x'.repeat(1000)}`
						: mutations[r.mutation]!
				const one = names.length ? r.pick % names.length : -1
				const pairs: Array<[string, string]> = names.map((name, index) => {
					const value = resolve(plausible[name]!)
					return [
						name,
						r.scope === 'every value' || (r.scope === 'one value' && index === one)
							? mutate(value)
							: value,
					]
				})
				if (r.scope === 'repeated keys')
					for (const [name, value] of [...pairs]) pairs.push([name, mutate(value)])
				// A list position a parser would allocate an array for: `conditions[99999999].text`.
				if (r.scope === 'list position')
					for (const [name, value] of [...pairs]) pairs.push([`${name}[99999999].text`, value])
				return pairs
			}
			const query = new URLSearchParams(
				r.method === 'GET' || r.pick % 3 === 0 ? build(r.queryNames, plausibleQuery, 'query') : [],
			).toString()
			const url = `${path}${query ? `?${query}` : ''}`
			const headers = new Headers()
			let body: BodyInit | undefined
			if (r.method !== 'GET') {
				const fields: Array<[string, string]> = [
					['intent', r.intent],
					...build(r.fieldNames, plausibleFields, 'body'),
				]
				if (r.csrf === 'header') headers.set(CSRF_HEADER_NAME, await client.csrfToken())
				else if (r.csrf !== 'missing')
					fields.unshift(['csrf', r.csrf === 'valid' ? await client.csrfToken() : 'forged-token'])
				if (r.encoding === 'form') body = new URLSearchParams(fields)
				else if (r.encoding === 'multipart') {
					const form = new FormData()
					for (const [name, value] of fields) form.append(name, value)
					form.append(
						'file',
						new Blob(
							[`use_case_name,problem_solved\n${fields.map(([, value]) => value).join(',')}\n`],
							{ type: 'text/csv' },
						),
						mutate('fuzz.csv'),
					)
					body = form
				} else if (r.encoding === 'json') {
					body = JSON.stringify(Object.fromEntries(fields))
					headers.set('Content-Type', 'application/json')
				} else if (r.encoding === 'text') {
					body = fields.map(([name, value]) => `${name}=${value}`).join('\n')
					headers.set('Content-Type', 'text/plain')
				}
			}
			requests++
			const response = await client
				.fetch(url, { method: r.method, body, headers })
				.catch((error: unknown) => {
					// No answer at all: the connection was dropped, or the server is gone.
					failures.push({
						request: `${r.method} ${url}: ${String(error)} ${String((error as Error).cause ?? '')}`,
						status: 0,
					})
					return null
				})
			if (!response) return
			await response.arrayBuffer().catch(() => undefined)
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
			if (response.status >= 500) {
				failures.push({
					request: `${r.anonymous ? 'anonymous' : 'signed in'} ${r.method} ${url} (${r.encoding}, ${r.scope} ${r.mutation}, intent ${r.intent}, fields ${r.fieldNames.join(' ')})`,
					status: response.status,
				})
			}
			// A generated request may end the fuzzer's session (signing out, revoking its sessions): sign in again.
			if (
				!r.anonymous &&
				(!signedIn.cookies.has('aigt_session') ||
					response.headers.get('Location')?.startsWith('/login'))
			)
				await signIn()
		}),
		{ numRuns: runs, seed, endOnFailure: true },
	)
	const livez = await fetch(`${server.url}/livez`)
	return {
		requests,
		failures,
		statuses: new Map([...statuses].sort(([a], [b]) => a - b)),
		alive: server.alive() && livez.status === 200,
	}
}
