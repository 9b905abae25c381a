// The authorization matrix, over HTTP against the production server: every route module × every
// role (and anonymous) × its loader and its action, documents and React Router's `.data` requests.
// A route inventory read from React Router's own route manifest fails when a route module has no
// entry in tests/route-matrix.ts, so a new route cannot ship without saying who may use it.
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { roleNames } from '#app/utils/permissions.ts'
import { HttpClient } from '#tests/http-client.ts'
import {
	accountFor,
	authorizationMatrix,
	everyone,
	expected,
	type Fixtures,
	outcomeOf,
	prepareRouteFixtures,
	routeExports,
	type Who,
} from '#tests/route-matrix.ts'
import { startTestServer, type TestServer } from '#tests/test-server.ts'

function routeFiles(): Array<string> {
	type Node = { file: string; children?: Array<Node> }
	const manifest = JSON.parse(
		execFileSync('npx', ['react-router', 'routes', '--json'], { encoding: 'utf8' }),
	) as Array<Node>
	const files: Array<string> = []
	const walk = (nodes: Array<Node>) =>
		nodes.forEach((node) => (files.push(node.file), walk(node.children ?? [])))
	walk(manifest)
	return files
}

describe('the route inventory', () => {
	test('every route module in React Router’s manifest has an entry in the authorization matrix, for exactly its loader and action', () => {
		const files = routeFiles()
		expect(files.length).toBeGreaterThan(40)
		expect(Object.keys(authorizationMatrix).sort()).toEqual([...files].sort())
		for (const file of files) {
			const entry = authorizationMatrix[file]!
			if (entry.coveredBy) continue
			const module = routeExports(file)
			expect({
				file,
				loader: entry.loader !== undefined,
				action: entry.action !== undefined,
			}).toEqual({ file, loader: module.loader, action: module.action })
		}
	})
})

describe('the authorization matrix', () => {
	let server: TestServer<Fixtures>
	const clients = new Map<Who, HttpClient>()

	beforeAll(async () => {
		server = await startTestServer({ kind: 'embedded' }, prepareRouteFixtures)
		clients.set('ANONYMOUS', new HttpClient(server.url))
		for (const role of roleNames) {
			const client = new HttpClient(server.url)
			await client.signIn(accountFor(role).email)
			clients.set(role, client)
		}
	}, 240_000)

	afterAll(async () => {
		await server?.stop()
	})

	for (const [file, entry] of Object.entries(authorizationMatrix)) {
		if (entry.coveredBy) continue
		const page = routeExports(file).page
		test(`${file}: every role, loader and action${page ? ', documents and .data' : ''}`, async () => {
			const path = entry.path(server.fixtures)
			const [pathname, search] = path.split('?')
			const dataPath = `${pathname === '/' ? '/_' : pathname}.data${search ? `?${search}` : ''}`
			const seen: Array<string> = []
			const want: Array<string> = []
			for (const who of everyone) {
				// Signing out ends the session: that probe gets a session of its own.
				const client =
					file === 'routes/_auth/logout.tsx' && who !== 'ANONYMOUS'
						? await freshClient(who)
						: clients.get(who)!
				if (entry.loader) {
					const wanted = expected(entry.loader, who)
					for (const [address, data] of page
						? ([
								[path, false],
								[dataPath, true],
							] as const)
						: ([[path, false]] as const)) {
						seen.push(`${who} GET ${address} → ${await outcomeOf(await client.get(address), data)}`)
						want.push(`${who} GET ${address} → ${wanted}`)
					}
				}
				for (const probe of entry.action ?? []) {
					const wanted = expected(probe.access, who)
					for (const [address, data] of page
						? ([
								[path, false],
								[dataPath, true],
							] as const)
						: ([[path, false]] as const)) {
						const poster =
							file === 'routes/_auth/logout.tsx' && who !== 'ANONYMOUS'
								? await freshClient(who)
								: client
						const body = Object.fromEntries(
							Object.entries(probe.body).map(([name, value]) => [
								name,
								value === 'LANE' ? server.fixtures.laneId : value,
							]),
						)
						const label = `${who} POST ${address} ${JSON.stringify(probe.body)}`
						seen.push(`${label} → ${await outcomeOf(await poster.post(address, body), data)}`)
						want.push(`${label} → ${wanted}`)
					}
				}
			}
			const wrong = seen.flatMap((line, index) =>
				line === want[index] ? [] : [`${line} (expected ${want[index]!.split(' → ').at(-1)})`],
			)
			expect(wrong, `${file}:\n${wrong.join('\n')}`).toEqual([])
		})
	}

	async function freshClient(role: Who) {
		const client = new HttpClient(server.url)
		if (role !== 'ANONYMOUS') await client.signIn(accountFor(role).email)
		return client
	}
})
