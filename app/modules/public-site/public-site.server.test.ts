// The public site on each database, through its own route loaders: it shows exactly the public OMB
// file (the same rows, the same download bytes), nothing of a withheld case or of a case's
// protected or internal details appears on any page, in any search result or download, and a
// change shows at once because the data version moves.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { RouterContextProvider } from 'react-router'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { ensureShippedPackLoaded } from '#app/modules/policies/pack-admin.server.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { csrfTokenContext } from '#app/utils/csrf.server.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'

const current = vi.hoisted(() => ({ prisma: null as unknown as PrismaClient }))
vi.mock('#app/utils/db.server.ts', () => ({
	get prisma() {
		return current.prisma
	},
}))

const { certifyCycle, openCycle } = await import('#app/modules/reporting-cycles/cycles.server.ts')
const { csvResponse } = await import('#app/utils/csv.server.ts')
const { columnsFor, currentReportingYear, jsonRecords, jsonResponse, streamOmbRows } =
	await import('#app/modules/omb-exchange/omb-export.server.ts')
const { DEFAULT_PUBLIC_EMAIL, cmsAgency, publicColumns } =
	await import('#app/modules/omb-exchange/omb-export.ts')
const { buildPublicSnapshot, forgetPublicSnapshot, currentPublicSnapshot } =
	await import('./public-snapshot.server.ts')
const routes = {
	home: await import('#app/routes/public/index.tsx'),
	inventory: await import('#app/routes/public/inventory/index.tsx'),
	useCase: await import('#app/routes/public/inventory/$useCaseId.tsx'),
	summary: await import('#app/routes/public/summary.tsx'),
	policies: await import('#app/routes/public/policies/index.tsx'),
	policy: await import('#app/routes/public/policies/$referenceId.tsx'),
	downloads: await import('#app/routes/public/downloads/index.tsx'),
	csv: await import('#app/routes/public/downloads/$edition/inventory[.]csv.ts'),
	json: await import('#app/routes/public/downloads/$edition/inventory[.]json.ts'),
	sitemap: await import('#app/routes/public/sitemap[.]xml.ts'),
	root: await import('#app/root.tsx'),
}

const request = { requestId: 'test', ipAddress: '127.0.0.1', userAgent: null }

type Loader = (args: never) => unknown
/** A route loader called as React Router calls it, without the HTTP layer (the snapshot is looked up). */
async function load(
	loader: Loader,
	path: string,
	params: Record<string, string> = {},
): Promise<unknown> {
	try {
		return await loader({
			request: new Request(`http://localhost${path}`),
			params,
			context: new RouterContextProvider(),
		} as never)
	} catch (thrown) {
		return thrown
	}
}

/** The status of what a loader returned or threw: a Response, or React Router's data(…, { status }). */
function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } }).init?.status ?? 200
}

async function text(result: unknown) {
	if (result instanceof Response) return result.text()
	return JSON.stringify(result)
}

async function collect<T>(rows: AsyncIterable<T>) {
	const all: Array<T> = []
	for await (const row of rows) all.push(row)
	return all
}

// What must never reach the public: a withheld case, a case whose withholding is unanswered, a
// draft, and the protected and internal details of a published case.
const secrets = {
	withheldName: 'Narwhal benefit-denial detector',
	withheldProblem: 'narwhal sightings in claims',
	withheldId: 'CMS-2026-9001',
	unansweredName: 'Axolotl appeals triage',
	draftName: 'Pangolin draft idea',
	atoSystem: 'Quokka Secure Enclave',
	contactEmail: 'quokka.team@cms.hhs.gov',
	ownerName: 'Ottoline Quokka',
	ownerEmail: 'ottoline.quokka@cms.example',
	tag: 'quokka-internal-tag',
	comment: 'quokka reviewer remark',
	waiver: 'quokka waiver risk assessment',
}
const publishedName = 'Quokka claims assistant'

for (const target of databaseTargets()) {
	describe(`the public site on ${target.name}`, () => {
		let database: Database
		let prisma: PrismaClient
		const year = currentReportingYear()

		beforeAll(async () => {
			database = await openMigratedDatabase(target)
			prisma = database.prisma
			current.prisma = prisma
			forgetPublicSnapshot()
			await ensureShippedPackLoaded(prisma)
			await seedDemoData(prisma)
			const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS/CMS/CPI' } })
			const owner = await prisma.user.create({
				data: { email: secrets.ownerEmail, name: secrets.ownerName, orgUnitId: unit.id },
			})
			const lead = await prisma.user.findUniqueOrThrow({
				where: { email: 'governance@cms.example' },
			})
			const base = {
				orgUnitId: unit.id,
				createdById: owner.id,
				ownerId: owner.id,
				status: 'SUBMITTED' as const,
				stage: 'DEPLOYED' as const,
				topicArea: 'GOVERNMENT_BENEFITS_PROCESSING' as const,
				classification: 'CLASSICAL_ML' as const,
				contactEmail: secrets.contactEmail,
				problemSolved: 'Claims reviewers spend days on routine checks.',
				submittedAt: new Date(),
				reviewRound: 1,
				tags: [secrets.tag],
				answers: { hasAto: true, atoSystemName: secrets.atoSystem, operationalDate: '2025-06-01' },
			}
			await prisma.useCase.create({
				data: {
					...base,
					trackingId: secrets.withheldId,
					name: secrets.withheldName,
					isWithheld: 'YES_DISCLOSURE_RISK',
					problemSolved: secrets.withheldProblem,
				},
			})
			await prisma.useCase.create({
				data: {
					...base,
					trackingId: 'CMS-2026-9002',
					name: secrets.unansweredName,
					isWithheld: null,
				},
			})
			await prisma.useCase.create({
				data: {
					...base,
					trackingId: 'CMS-2026-9003',
					name: secrets.draftName,
					isWithheld: 'NO',
					status: 'DRAFT',
				},
			})
			const published = await prisma.useCase.create({
				data: { ...base, trackingId: 'CMS-2026-9004', name: publishedName, isWithheld: 'NO' },
			})
			await prisma.comment.create({
				data: { useCaseId: published.id, authorId: lead.id, body: secrets.comment },
			})
			await prisma.waiver.create({
				data: {
					useCaseId: published.id,
					practice: 'MONITORING',
					riskAssessment: secrets.waiver,
					grantedById: lead.id,
					grantedOn: new Date('2026-01-15'),
				},
			})
			// A certified reporting year, frozen with every case in it (the withheld one included).
			await openCycle(lead.id, year, request)
			await certifyCycle(
				lead.id,
				year,
				{ note: 'Certified for the test.', acknowledgeIncomplete: true },
				request,
			)
		}, 300_000)

		afterAll(async () => {
			forgetPublicSnapshot()
			await database?.close()
		})

		test('the pages read exactly the public OMB file: its rows, and its CSV and JSON byte for byte', async () => {
			const snapshot = await buildPublicSnapshot()
			const exported = await collect(
				streamOmbRows({
					year,
					values: 'selections',
					audience: 'PUBLIC',
					includeIds: true,
					publicEmail: DEFAULT_PUBLIC_EMAIL,
				}),
			)
			expect(snapshot.rows).toEqual(exported)
			expect(snapshot.cases.map((item) => item.row)).toEqual(exported)

			for (const values of ['selections', 'codes'] as const) {
				const staff = {
					year,
					values,
					audience: 'PUBLIC' as const,
					includeIds: true,
					publicEmail: DEFAULT_PUBLIC_EMAIL,
				}
				const staffCsv = await (
					await csvResponse(streamOmbRows(staff), columnsFor(staff), 'public.csv', { bom: true })
				).text()
				const publicCsv = (await load(
					routes.csv.loader,
					`/public/downloads/current/inventory.csv?values=${values}`,
					{ edition: 'current' },
				)) as Response
				expect(publicCsv.status).toBe(200)
				expect(await publicCsv.text()).toBe(staffCsv)

				const staffJson = JSON.parse(
					await jsonResponse(
						{ format: 'public' },
						jsonRecords(streamOmbRows(staff), values),
						'public.json',
					).text(),
				) as { useCases: Array<unknown> }
				const publicJson = (await load(
					routes.json.loader,
					`/public/downloads/current/inventory.json?values=${values}`,
					{ edition: 'current' },
				)) as Response
				const body = JSON.parse(await publicJson.text()) as {
					useCases: Array<unknown>
					values: string
					agency: string
				}
				expect(body.useCases).toEqual(staffJson.useCases)
				expect(body).toMatchObject({ values, agency: cmsAgency.agency, edition: 'current', year })
			}

			// A use case's page holds every column of its row, in OMB's order, and nothing else.
			for (const row of exported) {
				const page = (await load(routes.useCase.loader, `/public/inventory/${row.id}`, {
					useCaseId: row.id as string,
				})) as {
					fields: Array<{ column: string; value: string }>
				}
				expect(page.fields.map((field) => field.column)).toEqual(publicColumns(true))
				expect(Object.fromEntries(page.fields.map((field) => [field.column, field.value]))).toEqual(
					row,
				)
			}
		})

		test('the certified year’s files are its frozen rows through the same public projection', async () => {
			const frozen = await prisma.inventoryCycleEntry.findMany({
				where: { cycle: { year } },
				orderBy: { trackingId: 'asc' },
				select: { trackingId: true, row: true },
			})
			expect(frozen.map((entry) => entry.trackingId)).toContain(secrets.withheldId)
			const response = (await load(routes.json.loader, `/public/downloads/${year}/inventory.json`, {
				edition: String(year),
			})) as Response
			const body = JSON.parse(await response.text()) as {
				edition: string
				useCases: Array<Record<string, unknown>>
			}
			expect(body.edition).toBe('certified')
			const published = frozen.filter(
				(entry) => (entry.row as Record<string, string>).is_withheld === 'a) No',
			)
			expect(body.useCases.map((row) => row.id)).toEqual(
				published.map((entry) => (entry.row as Record<string, string>).id),
			)
			for (const row of body.useCases) {
				expect(row).toMatchObject({
					contact_email: DEFAULT_PUBLIC_EMAIL,
					system_name_ato: '',
					is_withheld: 'a) No',
				})
			}
			expect(
				statusOf(
					await load(routes.csv.loader, `/public/downloads/${year + 1}/inventory.csv`, {
						edition: String(year + 1),
					}),
				),
			).toBe(404)
			expect(
				statusOf(
					await load(routes.csv.loader, '/public/downloads/latest/inventory.csv', {
						edition: 'latest',
					}),
				),
			).toBe(400)
		})

		test('nothing withheld, protected or internal appears on any page, in any search or download', async () => {
			// The seed did put the secrets where the tracker keeps them: the full OMB file has them.
			const full = JSON.stringify(
				await collect(streamOmbRows({ year, values: 'selections', audience: 'OMB' })),
			)
			for (const secret of [
				secrets.withheldName,
				secrets.withheldId,
				secrets.unansweredName,
				secrets.atoSystem,
				secrets.contactEmail,
			])
				expect(full).toContain(secret)

			const snapshot = await currentPublicSnapshot()
			const outputs: Array<string> = []
			const add = async (result: unknown) => outputs.push(await text(result))
			await add(await load(routes.home.loader, '/public'))
			const firstPage = (await load(routes.inventory.loader, '/public/inventory')) as {
				pageCount: number
			}
			for (let page = 1; page <= firstPage.pageCount; page++)
				await add(await load(routes.inventory.loader, `/public/inventory?page=${page}`))
			for (const item of snapshot.cases)
				await add(
					await load(routes.useCase.loader, `/public/inventory/${item.id}`, { useCaseId: item.id }),
				)
			await add(await load(routes.summary.loader, '/public/summary'))
			await add(await load(routes.policies.loader, '/public/policies'))
			await add(await load(routes.downloads.loader, '/public/downloads'))
			await add(await load(routes.sitemap.loader, '/public/sitemap.xml'))
			for (const edition of ['current', String(year)]) {
				for (const values of ['selections', 'codes']) {
					await add(
						await load(
							routes.csv.loader,
							`/public/downloads/${edition}/inventory.csv?values=${values}`,
							{ edition },
						),
					)
					await add(
						await load(
							routes.json.loader,
							`/public/downloads/${edition}/inventory.json?values=${values}`,
							{ edition },
						),
					)
				}
			}
			const searches: Array<number> = []
			for (const secret of Object.values(secrets)) {
				const { query: _echoed, ...result } = (await load(
					routes.inventory.loader,
					`/public/inventory?q=${encodeURIComponent(secret)}`,
				)) as { query: unknown; total: number }
				searches.push(result.total)
				await add(result)
			}
			// Asking for the withheld case by its id finds nothing.
			expect(
				statusOf(
					await load(routes.useCase.loader, `/public/inventory/${secrets.withheldId}`, {
						useCaseId: secrets.withheldId,
					}),
				),
			).toBe(404)

			const everything = outputs.join('\n').toLowerCase()
			// Not vacuous: the published case is there, with its public details.
			expect(everything).toContain(publishedName.toLowerCase())
			expect(everything).toContain(DEFAULT_PUBLIC_EMAIL)
			for (const [what, secret] of Object.entries(secrets))
				expect(everything.includes(secret.toLowerCase()), `${what} “${secret}” appears`).toBe(false)
			expect(searches).toEqual(Object.values(secrets).map(() => 0))
		})

		test('a change shows on the next request: withholding a case takes it off every page', async () => {
			const before = (await load(
				routes.inventory.loader,
				`/public/inventory?q=${encodeURIComponent(publishedName)}`,
			)) as { total: number }
			expect(before.total).toBe(1)
			await prisma.useCase.update({
				where: { trackingId: 'CMS-2026-9004' },
				data: { isWithheld: 'OTHER' },
			})
			const after = (await load(
				routes.inventory.loader,
				`/public/inventory?q=${encodeURIComponent(publishedName)}`,
			)) as { total: number }
			expect(after.total).toBe(0)
			expect(
				statusOf(
					await load(routes.useCase.loader, '/public/inventory/CMS-2026-9004', {
						useCaseId: 'CMS-2026-9004',
					}),
				),
			).toBe(404)
		})

		test('public pages look no session up and set no cookie, even for a signed-in visitor', async () => {
			const cookie = 'aigt_session=some-session; aigt_csrf=some-token'
			const publicRequest = new Request('http://localhost/public/inventory', {
				headers: { cookie },
			})
			const findSession = vi.spyOn(prisma.session, 'findUnique')
			const data = await routes.root.loader({
				request: publicRequest,
				params: {},
				context: new RouterContextProvider(),
			} as never)
			expect(data).toEqual({ user: null, csrfToken: '' })
			// The root's middleware, run in order as React Router runs them, around the page.
			type Middleware = (args: never, next: () => Promise<Response>) => Promise<Response>
			const middleware = (args: unknown, page: () => Promise<Response>) =>
				(routes.root.middleware as unknown as Array<Middleware>).reduceRight<
					() => Promise<Response>
				>((next, each) => () => each(args as never, next), page)()
			const response = await middleware(
				{ request: publicRequest, params: {}, context: new RouterContextProvider() },
				async () => new Response('page'),
			)
			expect(response.headers.get('Set-Cookie')).toBeNull()
			expect(findSession).not.toHaveBeenCalled()
			// The app's own pages still get their CSRF cookie when the page asks for its token.
			const appContext = new RouterContextProvider()
			const appResponse = await middleware(
				{ request: new Request('http://localhost/inventory'), params: {}, context: appContext },
				async () => {
					await appContext.get(csrfTokenContext)()
					return new Response('page')
				},
			)
			expect(appResponse.headers.get('Set-Cookie')).toMatch(/^aigt_csrf=/)
		})
	})
}
