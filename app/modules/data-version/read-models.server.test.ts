// The inventory, the dashboards and the case pages kept under the data version, on each database:
// nobody is shown what they may not see, whoever asked first; a change shows at the next request, on
// this process and on another one sharing the database; the clock alone makes cases overdue.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { openAppDatabase, testRequest } from '#tests/app-database.ts'
import { databaseTargets } from '#tests/db-targets.ts'
import { inventoryInput, InventoryQuerySchema } from '#app/modules/inventory/inventory-filters.ts'

/** The modules one app process holds: a fresh module graph, so its caches are its own. */
async function processOfTheApp() {
	vi.resetModules()
	const versions = await import('./versioned-cache.server.ts')
	const inventory = await import('#app/modules/inventory/inventory-query.server.ts')
	const dashboards = await import('#app/modules/dashboards/dashboard.server.ts')
	const cases = await import('#app/modules/use-cases/case-view.server.ts')
	const { openableBy } = await import('#app/modules/use-cases/use-cases.server.ts')
	const orgUnits = await import('#app/modules/org-units/org-units.server.ts')
	const home = await import('#app/modules/home/your-work.server.ts')
	return {
		orgUnits,
		/** "Your work" on the home page of a submitter. */
		async drafts(submitter: { id: string }) {
			const user = {
				...submitter,
				name: 'A submitter',
				email: 'submitter@cms.example',
				orgUnit: null,
				roles: [{ role: 'SUBMITTER' as const, lanes: [] }],
			}
			const work = await home.yourWork(user, await versions.freshDataVersion())
			return work.submitter!.cases.map((c) => c.name).sort()
		},
		async page(viewer: { id: string }, search = '') {
			const query = InventoryQuerySchema.parse(inventoryInput(new URLSearchParams(search)))
			return inventory.inventoryPageAt(viewer, query, await versions.freshDataVersion())
		},
		/** The names in a slice of the view, as the REST API and the MCP search read it. */
		async sliceNames(viewer: { id: string }, search = '', limit = 25) {
			const query = InventoryQuerySchema.parse(inventoryInput(new URLSearchParams(search)))
			const slice = await inventory.inventorySliceAt(
				viewer,
				query,
				{ after: null, limit },
				await versions.freshDataVersion(),
			)
			return slice.rows.map((row) => row.name).sort()
		},
		async names(viewer: { id: string }, search = '') {
			return (await this.page(viewer, search)).rows.map((row) => row.name).sort()
		},
		async dashboard() {
			return dashboards.dashboardAt(await versions.freshDataVersion())
		},
		/** The case as its page shows it to `viewer`, or NOT_FOUND. */
		async caseFor(viewer: { id: string }, useCaseId: string) {
			const view = await cases.caseViewAt(useCaseId, await versions.freshDataVersion())
			openableBy(viewer, view?.useCase ?? null)
			return view!
		},
	}
}

describe.each(databaseTargets())('read models kept per data version on $name', (target) => {
	let database: Database
	let one: Awaited<ReturnType<typeof processOfTheApp>>
	let other: Awaited<ReturnType<typeof processOfTheApp>>
	let orgUnitId: string
	let reader: { id: string }
	let secondReader: { id: string }
	let author: { id: string }
	let caseNumber = 0

	const createCase = async (values: {
		name: string
		status?: 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW'
		by?: { id: string }
		tags?: Array<string>
		orgUnitId?: string
	}) => {
		caseNumber++
		const by = values.by ?? author
		return database.prisma.useCase.create({
			data: {
				trackingId: `CMS-2026-${String(caseNumber).padStart(4, '0')}`,
				name: values.name,
				status: values.status ?? 'SUBMITTED',
				orgUnitId: values.orgUnitId ?? orgUnitId,
				createdById: by.id,
				ownerId: by.id,
				tags: values.tags ?? [],
				reviewRound: values.status === 'IN_REVIEW' ? 1 : 0,
				contacts: { create: { userId: by.id, role: 'OWNER' } },
			},
			select: { id: true },
		})
	}

	beforeAll(async () => {
		database = await openAppDatabase(target)
		const { ensureShippedPackLoaded } = await import('#app/modules/policies/pack-admin.server.ts')
		await ensureShippedPackLoaded(database.prisma)
		// The migrations create CMS's org units.
		orgUnitId = (
			await database.prisma.orgUnit.findUniqueOrThrow({
				where: { code: 'HHS' },
				select: { id: true },
			})
		).id
		const person = (email: string) =>
			database.prisma.user.create({
				data: { email, name: email.split('@')[0]! },
				select: { id: true },
			})
		reader = await person('reader@cms.example')
		secondReader = await person('second.reader@cms.example')
		author = await person('author@cms.example')
		await createCase({ name: 'Claims triage' })
		await createCase({ name: 'Call centre summarizer' })
		await createCase({ name: 'Author’s private draft', status: 'DRAFT' })
		one = await processOfTheApp()
		other = await processOfTheApp()
	})
	afterAll(async () => {
		await database?.close()
	})

	test('a draft shows to the people listed on it only, whoever asked for the same view first', async () => {
		// The author first, so that what they see is what a careless cache would hand to the next person.
		expect(await one.names(author)).toEqual([
			'Author’s private draft',
			'Call centre summarizer',
			'Claims triage',
		])
		expect((await one.page(author)).facets.status.get('DRAFT')).toBe(1)
		expect(await one.names(reader)).toEqual(['Call centre summarizer', 'Claims triage'])
		expect((await one.page(reader)).facets.status.get('DRAFT')).toBeUndefined()
		expect((await one.page(reader)).facets.total).toBe(2)
		expect(await one.names(reader, 'status=DRAFT')).toEqual([])
		expect(await one.names(author, 'status=DRAFT')).toEqual(['Author’s private draft'])
		// The API's and MCP's slices of a view likewise.
		expect(await one.sliceNames(author, 'q=draft')).toEqual(['Author’s private draft'])
		expect(await one.sliceNames(reader, 'q=draft')).toEqual([])
		expect(await one.sliceNames(secondReader)).toEqual(['Call centre summarizer', 'Claims triage'])
		expect(await one.sliceNames(author)).toEqual([
			'Author’s private draft',
			'Call centre summarizer',
			'Claims triage',
		])
		// And the other way round: someone without drafts first, then the author.
		expect(await other.names(secondReader, 'q=draft')).toEqual([])
		expect(await other.names(author, 'q=draft')).toEqual(['Author’s private draft'])
		expect(await other.names(secondReader, 'q=draft')).toEqual([])
	})

	test('a change shows at the very next request, on this process and on another one', async () => {
		const { id } = await createCase({ name: 'Fraud screening', tags: ['omb-2026'] })
		expect(await one.names(reader, 'tag=omb-2026')).toEqual(['Fraud screening'])
		expect(await other.names(reader, 'tag=omb-2026')).toEqual(['Fraud screening'])
		expect(await other.sliceNames(reader, 'tag=omb-2026')).toEqual(['Fraud screening'])
		// Any write path at all: here a statement no module of the app made.
		await database.prisma.useCase.update({
			where: { id },
			data: { name: 'Fraud screening, renamed', tags: ['omb-2025'] },
		})
		expect(await one.names(reader, 'tag=omb-2026')).toEqual([])
		expect(await other.names(reader, 'tag=omb-2025')).toEqual(['Fraud screening, renamed'])
		expect(await other.sliceNames(reader, 'tag=omb-2026')).toEqual([])
		expect((await other.page(secondReader, 'tag=omb-2025')).facets.tag.get('omb-2025')).toBe(1)
		// A draft submitted is everyone's to see at once.
		const draft = await database.prisma.useCase.findFirstOrThrow({
			where: { status: 'DRAFT' },
			select: { id: true },
		})
		expect(await one.names(reader)).not.toContain('Author’s private draft')
		await database.prisma.useCase.update({ where: { id: draft.id }, data: { status: 'SUBMITTED' } })
		expect(await one.names(reader)).toContain('Author’s private draft')
		await database.prisma.useCase.update({ where: { id: draft.id }, data: { status: 'DRAFT' } })
		expect(await other.names(secondReader)).not.toContain('Author’s private draft')
	})

	test('the home page’s work shows a new draft at the next request, on this process and on another one', async () => {
		const before = await one.drafts(author)
		expect(await other.drafts(author)).toEqual(before)
		expect(await one.drafts(reader)).toEqual([])
		const { id } = await createCase({ name: 'Appeals letter drafting', status: 'DRAFT' })
		expect(await one.drafts(author)).toEqual([...before, 'Appeals letter drafting'].sort())
		expect(await other.drafts(author)).toEqual([...before, 'Appeals letter drafting'].sort())
		// Someone else's draft is not their work.
		expect(await one.drafts(reader)).toEqual([])
		await database.prisma.useCase.update({ where: { id }, data: { status: 'SUBMITTED' } })
		expect(await other.drafts(author)).toEqual(before)
	})

	test('the dashboards count a change at the next request', async () => {
		const before = (await one.dashboard()).total
		expect((await other.dashboard()).total).toBe(before)
		await createCase({ name: 'Encounter data quality agent' })
		expect((await one.dashboard()).total).toBe(before + 1)
		expect((await other.dashboard()).total).toBe(before + 1)
	})

	test('a case page shows a new comment at once, and someone else’s draft to nobody else', async () => {
		const { id } = await createCase({ name: 'Appeals summarizer' })
		expect((await other.caseFor(reader, id)).comments).toEqual([])
		await database.prisma.comment.create({
			data: { useCaseId: id, authorId: author.id, body: 'Which model version?' },
		})
		expect((await other.caseFor(reader, id)).comments.map((comment) => comment.body)).toEqual([
			'Which model version?',
		])
		const draft = await database.prisma.useCase.findFirstOrThrow({
			where: { status: 'DRAFT' },
			select: { id: true },
		})
		expect((await one.caseFor(author, draft.id)).useCase.name).toBe('Author’s private draft')
		await expect(one.caseFor(reader, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
		await expect(one.caseFor(reader, 'no-such-case')).rejects.toMatchObject({ code: 'NOT_FOUND' })
	})

	test('a case becomes overdue when its lane falls due, with no write in between', async () => {
		const { id } = await createCase({ name: 'Prior authorization assistant', status: 'IN_REVIEW' })
		const dueOn = new Date(Date.now() + 1_500)
		await database.prisma.laneReview.create({
			data: { useCaseId: id, round: 1, lane: 'PRIVACY', dueOn },
		})
		expect(await one.names(reader, 'overdue=true')).toEqual([])
		expect((await one.page(reader, 'q=authorization')).rows[0]?.overdue).toBe(false)
		expect((await one.caseFor(reader, id)).lanes[0]?.overdue).toBe(false)
		expect((await one.dashboard()).overdueLanes).toEqual([])
		// The moment passes; nothing is written. The case page shows it at once; the inventory's views
		// and the dashboards once the recount their first read after the moment started has finished.
		await new Promise((resolve) =>
			setTimeout(resolve, Math.max(0, dueOn.getTime() - Date.now()) + 50),
		)
		expect((await one.caseFor(reader, id)).lanes[0]?.overdue).toBe(true)
		await vi.waitFor(async () =>
			expect(await one.names(reader, 'overdue=true')).toEqual(['Prior authorization assistant']),
		)
		await vi.waitFor(async () =>
			expect((await one.page(reader, 'q=authorization')).rows[0]?.overdue).toBe(true),
		)
		await vi.waitFor(async () =>
			expect((await one.dashboard()).overdueLanes).toEqual([{ lane: 'PRIVACY', count: 1 }]),
		)
	})

	test('an administrator’s change to the org units shows at the next request, on every process', async () => {
		const codes = async (process: typeof one) =>
			(await process.page(reader)).orgUnits.map((unit) => unit.code)
		expect(await codes(one)).not.toContain('HHS/OIT')
		expect(await codes(other)).not.toContain('HHS/OIT')
		const unit = await one.orgUnits.createOrgUnit(
			author,
			{ parentId: orgUnitId, shortName: 'OIT', name: 'Office of Information Technology' },
			testRequest,
		)
		expect(await codes(one)).toContain('HHS/OIT')
		expect(await codes(other)).toContain('HHS/OIT')
		await createCase({ name: 'Help desk ticket router', orgUnitId: unit.id })
		expect(
			(await other.page(reader, 'orgUnit=HHS/OIT')).rows.map((row) => row.orgUnitShortName),
		).toEqual(['OIT'])
		const { version } = await database.prisma.orgUnit.findUniqueOrThrow({
			where: { id: unit.id },
			select: { version: true },
		})
		await one.orgUnits.changeOrgUnit(
			author,
			unit.id,
			{
				intent: 'rename',
				version,
				shortName: 'OCIO',
				name: 'Office of the Chief Information Officer',
			},
			testRequest,
		)
		// The other process made no change itself, yet filters by the new code and shows the new name.
		expect(
			(await other.page(reader, 'orgUnit=HHS/OCIO')).rows.map((row) => row.orgUnitShortName),
		).toEqual(['OCIO'])
		expect(await codes(other)).not.toContain('HHS/OIT')
	})

	test('someone recorded as having worked on a case may not decide it, from the very next page', async () => {
		const { isInvolvedIn } = await import('#app/modules/use-cases/use-cases.server.ts')
		const { id } = await createCase({ name: 'Provider directory checker', status: 'IN_REVIEW' })
		// Checked against the current pack, as every submitted case is: its page is kept until the data change.
		const { evaluation, useCase } = await one.caseFor(reader, id)
		await database.prisma.checkRun.create({
			data: {
				useCaseId: id,
				useCaseVersion: useCase.version,
				packVersion: evaluation.packVersion,
				presumedHighImpact: evaluation.presumedHighImpact,
				requiredLanes: [],
				blocked: evaluation.blocked,
				results: JSON.parse(JSON.stringify(evaluation)),
			},
		})
		expect((await one.caseFor(reader, id)).stored).not.toBeNull()
		expect(isInvolvedIn(reader, (await one.caseFor(reader, id)).useCase)).toBe(false)
		expect(isInvolvedIn(reader, (await other.caseFor(reader, id)).useCase)).toBe(false)
		await database.prisma.useCaseParticipant.create({ data: { useCaseId: id, userId: reader.id } })
		expect(isInvolvedIn(reader, (await one.caseFor(reader, id)).useCase)).toBe(true)
		expect(isInvolvedIn(reader, (await other.caseFor(reader, id)).useCase)).toBe(true)
	})
})
