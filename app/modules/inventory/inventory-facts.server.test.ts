import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import {
	type DashboardFacts,
	dashboardFacts,
} from '#app/modules/dashboards/dashboard-facts.server.ts'
import { computeDashboard, keptFigures } from '#app/modules/dashboards/dashboard.server.ts'
import { readDataVersion } from '#app/modules/data-version/data-version.server.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import {
	CHANGE_LOG_VERSIONS,
	type FollowedValue,
	type Follower,
	followChanges,
} from '#app/modules/data-version/change-log.server.ts'
import { inventoryInput, type InventoryQuery, InventoryQuerySchema } from './inventory-filters.ts'
import { type FactsTable } from './inventory-facts.ts'
import { inventoryFacts } from './inventory-facts.server.ts'
import { findInventoryPage, listOrgUnits } from './inventory-query.server.ts'

// Every call below passes its own client; the app's default database must not be opened.
vi.mock('#app/utils/db.server.ts', () => ({ prisma: undefined, database: undefined }))

const query = (search = ''): InventoryQuery =>
	InventoryQuerySchema.parse(inventoryInput(new URLSearchParams(search)))

// Views that set every kind of filter, alone and together, as the inventory's links do.
const views = [
	'',
	'status=APPROVED',
	'status=IN_REVIEW&status=SUBMITTED',
	'stage=DEPLOYED',
	'determination=HIGH_IMPACT',
	'determination=PRESUMED_UNDETERMINED&determination=UNDETERMINED',
	'orgUnit=HHS%2FCMS',
	'orgUnit=HHS%2FCMS%2FCCIIO&datasetCategory=MEDICARE_CLAIMS',
	'sensitivity=PHI&stage=PILOT',
	'datasetCategory=MARKETPLACE&datasetCategory=MEDICAID_CHIP_CLAIMS',
	'overdue=true',
	'overdue=true&status=APPROVED',
	'tag=omb-2025',
	'vendor=ServiceNow',
	'topicArea=HEALTH_MEDICAL&classification=GENERATIVE_AI',
	'status=APPROVED&determination=HIGH_IMPACT&sensitivity=PHI&overdue=true',
]

describe.each(databaseTargets())('the inventory facts kept in memory on $name', (target) => {
	let database: Database
	let leadership: { id: string }
	let dashboardRecords: Follower<DashboardFacts>

	beforeAll(async () => {
		database = await openMigratedDatabase(target)
		const { ensureShippedPackLoaded } = await import('#app/modules/policies/pack-admin.server.ts')
		const { seedDemoData } = await import('#prisma/seed/seed.server.ts')
		await ensureShippedPackLoaded(database.prisma)
		await seedDemoData(database.prisma)
		leadership = await database.prisma.user.findUniqueOrThrow({
			where: { email: 'leadership@cms.example' },
			select: { id: true },
		})
		dashboardRecords = followChanges(database.prisma, dashboardFacts)
	}, 240_000)
	afterAll(async () => {
		await database?.close()
	})

	/** What a follower keeps at the current version, waiting out its first read. */
	async function settled<T>(follower: Follower<T>) {
		const version = await readDataVersion(database.prisma)
		for (;;) {
			const kept = await follower.at(version)
			if (kept) return { kept, version: version.version }
			await new Promise((resolve) => setTimeout(resolve, 10))
		}
	}

	/**
	 * Every view counted from the facts and in SQL (leadership has no drafts: exactly the submitted
	 * cases), and the dashboards from the kept records and in SQL.
	 */
	async function expectCountsAsInSql(keeper: Follower<FactsTable>) {
		const { kept, version } = await settled(keeper)
		expect(kept.version).toBe(version)
		const orgUnits = await listOrgUnits(database.prisma)
		for (const view of views) {
			const inSql = await findInventoryPage(leadership, query(view), database.prisma)
			const fromFacts = kept.value.count(query(view), orgUnits, Date.now())
			expect({ view, counts: fromFacts }).toStrictEqual({ view, counts: inSql.facets })
		}
		await settled(dashboardRecords)
		const asOf = new Date()
		const figures = await keptFigures(
			{ inventory: keeper, dashboards: dashboardRecords },
			{ version },
			orgUnits,
		)
		expect(Object.keys(figures).sort()).toEqual(['counts', 'practicesLate', 'timeInState'])
		const fromMemory = await computeDashboard(database.prisma, asOf, async () => figures)
		expect(fromMemory).toStrictEqual(await computeDashboard(database.prisma, asOf))
		return kept
	}

	const changesAt = async (version: number) =>
		database.prisma.useCaseChange.findMany({
			where: { version: BigInt(version) },
			select: { useCaseId: true },
		})

	test('count every view as SQL does, and follow each kind of write by re-reading only the cases it touched', async () => {
		const keeper = followChanges(database.prisma, inventoryFacts)
		const first = await expectCountsAsInSql(keeper)
		expect(first.value.size).toBeGreaterThan(20)
		expect(first.lastRead).toBe('all')

		const [approved, undetermined, withLanes, withCondition] = await Promise.all([
			database.prisma.useCase.findFirstOrThrow({
				where: { status: 'APPROVED' },
				orderBy: { trackingId: 'asc' },
			}),
			database.prisma.useCase.findFirstOrThrow({
				where: { status: { not: 'DRAFT' }, highImpactDetermination: null, checkRuns: { some: {} } },
				orderBy: { trackingId: 'asc' },
			}),
			database.prisma.useCase.findFirstOrThrow({
				where: { laneReviews: { some: {} }, status: { not: 'DRAFT' } },
				orderBy: { trackingId: 'desc' },
			}),
			database.prisma.decisionCondition.findFirstOrThrow({ where: { metAt: null } }),
		])

		// The case's own columns: a new tag, a vendor and a stage.
		await database.prisma.useCase.update({
			where: { id: approved.id },
			data: { tags: { push: 'omb-2025' }, vendorNames: ['ServiceNow'], stage: 'PILOT' },
		})
		const afterEdit = await readDataVersion(database.prisma)
		expect(await changesAt(afterEdit.version)).toEqual([{ useCaseId: approved.id }])
		const edited = await expectCountsAsInSql(keeper)
		// Only the changed case was read again.
		expect(edited.lastRead).toBe(1)

		// A lane falls due, a condition is met, the checks stop presuming a case high-impact.
		await database.prisma.laneReview.updateMany({
			where: { useCaseId: withLanes.id },
			data: { status: 'OPEN', dueOn: new Date(Date.now() - 86_400_000) },
		})
		await database.prisma.decisionCondition.update({
			where: { id: withCondition.id },
			data: { metAt: new Date() },
		})
		const presumed = await database.prisma.checkRun.findFirstOrThrow({
			where: { useCaseId: undetermined.id },
			orderBy: { useCaseVersion: 'desc' },
		})
		await database.prisma.checkRun.update({
			where: { id: presumed.id },
			data: { presumedHighImpact: !presumed.presumedHighImpact },
		})
		const lateAndPresumed = await expectCountsAsInSql(keeper)
		expect(lateAndPresumed.lastRead).toBe(
			new Set([withLanes.id, withCondition.useCaseId, undetermined.id]).size,
		)

		// Back to a draft: it leaves the shared counts. A draft submitted joins them.
		const draft = await database.prisma.useCase.findFirstOrThrow({ where: { status: 'DRAFT' } })
		await database.prisma.$transaction([
			database.prisma.useCase.update({ where: { id: approved.id }, data: { status: 'DRAFT' } }),
			database.prisma.useCase.update({ where: { id: draft.id }, data: { status: 'SUBMITTED' } }),
			database.prisma.useCaseStatusChange.create({
				data: { useCaseId: draft.id, fromStatus: 'DRAFT', toStatus: 'SUBMITTED' },
			}),
		])
		const moved = await expectCountsAsInSql(keeper)
		expect(moved.value.has(approved.id)).toBe(false)
		expect(moved.value.has(draft.id)).toBe(true)

		// A published pack changes every presumption: the log says "everything", and all is read again.
		const pack = await database.prisma.policyPackVersion.findFirstOrThrow({
			where: { status: 'PUBLISHED' },
			orderBy: { publishedAt: 'desc' },
		})
		await database.prisma.policyPackVersion.update({
			where: { id: pack.id },
			data: { publishedAt: new Date() },
		})
		const published = await readDataVersion(database.prisma)
		expect(await changesAt(published.version)).toEqual([{ useCaseId: null }])
		const reread = await expectCountsAsInSql(keeper)
		expect(reread.lastRead).toBe('all')
	})

	test('the log keeps the last versions only, and a process further behind reads everything again', async () => {
		const keeper = followChanges(database.prisma, inventoryFacts)
		await expectCountsAsInSql(keeper)
		await database.prisma
			.$executeRaw`UPDATE "DataVersion" SET "version" = "version" + ${CHANGE_LOG_VERSIONS + 5} WHERE "id" = 1`
		const someCase = await database.prisma.useCase.findFirstOrThrow({
			where: { status: 'APPROVED' },
		})
		await database.prisma.useCase.update({
			where: { id: someCase.id },
			data: { tags: { push: 'long-after' } },
		})
		const { version } = await readDataVersion(database.prisma)
		const oldest = await database.prisma.useCaseChange.aggregate({ _min: { version: true } })
		expect(Number(oldest._min.version)).toBeGreaterThanOrEqual(version - CHANGE_LOG_VERSIONS)
		const kept = await expectCountsAsInSql(keeper)
		expect(kept.lastRead).toBe('all')
	})

	test('a failed catch-up fails no request: the value is dropped, the caller counts in SQL, and it is read whole again', async () => {
		let failing = true
		let fullReads = 0
		const flaky: FollowedValue<{ reread: number }> = {
			readAll: async () => {
				fullReads++
				return { reread: 0 }
			},
			readCases: async (_client, ids) => {
				if (failing) throw new Error('The database went away in the middle of a catch-up')
				return (value) => {
					value.reread += ids.length
				}
			},
		}
		const follower = followChanges(database.prisma, flaky, { retryAfterMs: 0 })
		await settled(follower)
		const someCase = await database.prisma.useCase.findFirstOrThrow({
			where: { status: 'APPROVED' },
		})
		await database.prisma.useCase.update({
			where: { id: someCase.id },
			data: { tags: { push: 'after-a-failure' } },
		})
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
		try {
			expect(await follower.at(await readDataVersion(database.prisma))).toBeNull()
			expect(errors).toHaveBeenCalledOnce()
		} finally {
			errors.mockRestore()
		}
		failing = false
		const { kept } = await settled(follower)
		expect(kept.lastRead).toBe('all')
		expect(fullReads).toBe(2)
	})
})
