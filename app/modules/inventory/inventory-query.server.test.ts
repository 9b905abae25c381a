import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { sessionUserByEmail } from '#tests/app-database.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import { computeDashboard } from '#app/modules/dashboards/dashboard.server.ts'
import { overdueLaneWhere } from '#app/modules/workflow/review-queries.server.ts'
import { applyBulkAction } from './inventory-bulk.server.ts'
import {
	INVENTORY_PAGE_SIZE,
	inventoryInput,
	type InventoryQuery,
	InventoryQuerySchema,
} from './inventory-filters.ts'
import { findInventoryPage, streamInventoryRows } from './inventory-query.server.ts'

// Every call below passes its own client; the app's default database must not be opened.
vi.mock('#app/utils/db.server.ts', () => ({ prisma: undefined, database: undefined }))

const query = (search = ''): InventoryQuery =>
	InventoryQuerySchema.parse(inventoryInput(new URLSearchParams(search)))

async function seeded(database: Database) {
	const { ensureShippedPackLoaded } = await import('#app/modules/policies/pack-admin.server.ts')
	const { seedDemoData } = await import('#prisma/seed/seed.server.ts')
	await ensureShippedPackLoaded(database.prisma)
	await seedDemoData(database.prisma)
}

async function tableCounts(database: Database) {
	const p = database.prisma
	return {
		users: await p.user.count(),
		useCases: await p.useCase.count(),
		versions: await p.useCaseVersion.count(),
		lanes: await p.laneReview.count(),
		decisions: await p.decision.count(),
		conditions: await p.decisionCondition.count(),
		waivers: await p.waiver.count(),
		statusChanges: await p.useCaseStatusChange.count(),
		checkRuns: await p.checkRun.count(),
		auditEvents: await p.auditEvent.count(),
	}
}

describe.each(databaseTargets())('the inventory on $name with the demo data', (target) => {
	let database: Database
	let leadership: { id: string }
	let owner: { id: string }
	let lead: Awaited<ReturnType<typeof sessionUserByEmail>>

	beforeAll(async () => {
		database = await openMigratedDatabase(target)
		await seeded(database)
		const byEmail = async (email: string) =>
			database.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
		leadership = await byEmail('leadership@cms.example')
		owner = await byEmail('thomas.brennan@cms.example')
		lead = await sessionUserByEmail(database, 'governance@cms.example')
	}, 240_000)
	afterAll(async () => {
		await database?.close()
	})

	const page = (viewer: { id: string }, search = '') =>
		findInventoryPage(viewer, query(search), database.prisma)
	const names = async (viewer: { id: string }, search = '') =>
		(await page(viewer, search)).rows.map((row) => row.name)

	test('seeding again changes nothing', async () => {
		const before = await tableCounts(database)
		expect(before.useCases).toBeGreaterThanOrEqual(28)
		await seeded(database)
		expect(await tableCounts(database)).toEqual(before)
	})

	test('drafts are visible only to the people listed on them', async () => {
		const forLeadership = await page(leadership)
		const forOwner = await page(owner)
		expect(forLeadership.facets.status.get('DRAFT')).toBeUndefined()
		expect(forOwner.facets.status.get('DRAFT')).toBe(1)
		expect(forOwner.facets.total).toBe(forLeadership.facets.total + 1)
		expect(await names(owner, 'status=DRAFT')).toEqual([
			'Medicare Part C/D Plan Oversight of AI Used for Prior Authorization and Utilization Management',
		])
		expect(await names(leadership, 'status=DRAFT')).toEqual([])
	})

	test('high-impact cases touching claims data in one office', async () => {
		const result = await page(
			leadership,
			'determination=HIGH_IMPACT&datasetCategory=MEDICARE_CLAIMS&orgUnit=HHS/CMS/CMMI',
		)
		expect(result.rows.map((row) => row.name)).toEqual([
			'WISeR Model prior-authorization technology',
		])
		expect(result.facets.total).toBe(1)
		const [wiser] = result.rows
		expect(wiser).toMatchObject({
			status: 'APPROVED_WITH_CONDITIONS',
			stage: 'DEPLOYED',
			orgUnitCode: 'HHS/CMS/CMMI',
			overdue: true,
			checksBlocked: expect.any(Boolean),
		})
		expect(wiser!.checksFailing).toBeGreaterThan(0)
	})

	test('each facet is counted under all the other filters, not its own', async () => {
		const all = await page(leadership)
		const deployed = await page(leadership, 'stage=DEPLOYED')
		// The stage facet ignores the stage filter: choosing another stage shows what it would give.
		expect(Object.fromEntries(deployed.facets.stage)).toEqual(Object.fromEntries(all.facets.stage))
		// Other facets obey it, and their counts add up to the total.
		const statusSum = [...deployed.facets.status.values()].reduce((a, b) => a + b, 0)
		expect(statusSum).toBe(deployed.facets.total)
		expect(deployed.facets.total).toBe(all.facets.stage.get('DEPLOYED'))
		expect(deployed.rows.every((row) => row.stage === 'DEPLOYED')).toBe(true)
		// The five determination states never overlap.
		const determinationSum = [...all.facets.determination.values()].reduce((a, b) => a + b, 0)
		expect(determinationSum).toBe(all.facets.total)
	})

	test('an org unit includes the units below it', async () => {
		const everything = await page(leadership)
		expect((await page(leadership, 'orgUnit=HHS/CMS')).facets.total).toBe(everything.facets.total)
		expect((await page(leadership, 'orgUnit=HHS')).facets.total).toBe(everything.facets.total)
		expect(await names(leadership, 'orgUnit=HHS/CMS/CMCS&sort=name')).toEqual([
			'Medicaid renewal coverage-loss forecasting for state technical assistance',
			'T-MSIS Prima',
		])
	})

	test('full-text search over name, problem, outputs and vendor; and tracking ids', async () => {
		expect(await names(leadership, 'q=identity proofing')).toContain(
			'iVeri-Fi (Test): remote identity proofing decision service',
		)
		expect(await names(leadership, 'q=Oddball')).toEqual(['Medicare AI Drug Search'])
		expect(await names(leadership, 'q=cms-2025-0002')).toEqual([
			'Agent/Broker Fraud Analysis (ABCQI)',
		])
		expect(await names(leadership, 'q=zzzqqq')).toEqual([])
	})

	test('review overdue: lanes past due, re-reviews past due, conditions past due', async () => {
		const overdue = await names(leadership, 'overdue=true&sort=name')
		expect(overdue).toEqual(
			expect.arrayContaining([
				'Medicare AI Drug Search',
				'Eligibility & Enrollment Medicare Online (ELMO) Chatbot',
				'Enhanced Direct Enrollment Outlier Detection',
				'WISeR Model prior-authorization technology',
			]),
		)
		expect(overdue).not.toContain('Contract Invoice Analyzer Assistant')
		// Every row says yes or no, including a case with no periodic re-review date at all.
		const { rows } = await page(leadership)
		expect(rows.some((row) => row.nextReviewDue === null)).toBe(true)
		expect(rows.every((row) => typeof row.overdue === 'boolean')).toBe(true)
	})

	test('undetermined cases are told apart by the presumption', async () => {
		const presumed = await names(leadership, 'determination=PRESUMED_UNDETERMINED')
		expect(presumed).toContain('Applicant qualification pre-screening assistant')
		const plain = await names(leadership, 'determination=UNDETERMINED')
		expect(plain).toContain('T-MSIS Prima')
		expect(plain).not.toContain('Applicant qualification pre-screening assistant')
	})

	/** Every page of a view, in order. */
	async function allNames(viewer: { id: string }, search: string) {
		const all: Array<string> = []
		for (let number = 1; ; number++) {
			const rows = await names(viewer, `${search}&page=${number}`)
			if (rows.length === 0) return all
			all.push(...rows)
		}
	}

	test('sorted, paged and streamed in the same order', async () => {
		const byName = await allNames(leadership, 'sort=name')
		expect(byName.length).toBeGreaterThan(INVENTORY_PAGE_SIZE)
		expect(byName).toEqual(
			[...byName].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en')),
		)
		const reversed = await allNames(leadership, 'sort=name&dir=desc')
		expect(reversed).toEqual([...byName].reverse())
		const streamed: Array<string> = []
		for await (const row of streamInventoryRows(leadership, query('sort=name'), {
			batchSize: 7,
			client: database.prisma,
		}))
			streamed.push(row.name)
		expect(streamed).toEqual(byName)
		const past = await page(leadership, 'page=9')
		expect(past.rows).toEqual([])
	})

	test('an unknown org unit is a clear error, not an empty page', async () => {
		await expect(page(leadership, 'orgUnit=HHS/CMS/NOPE')).rejects.toMatchObject({
			code: 'INVALID',
			message: expect.stringMatching(/HHS\/CMS\/NOPE/),
		})
	})

	test('bulk tagging changes each case once, audited, in one transaction', async () => {
		const targets = (await page(leadership, 'stage=DEPLOYED&sort=trackingId')).rows.slice(0, 2)
		const ids = targets.map((row) => row.id)
		const request = { requestId: 'test', ipAddress: '127.0.0.1', userAgent: null }
		const action = {
			intent: 'add-tag' as const,
			tag: 'bulk-test',
			ids,
			pageIds: [] as Array<string>,
			returnTo: '',
		}
		expect(await applyBulkAction(lead, action, request, database.prisma)).toEqual({
			intent: 'add-tag',
			tag: 'bulk-test',
			changed: 2,
			unchanged: 0,
		})
		expect(await applyBulkAction(lead, action, request, database.prisma)).toMatchObject({
			changed: 0,
			unchanged: 2,
		})
		expect((await page(leadership, 'tag=bulk-test')).rows.map((row) => row.id).sort()).toEqual(
			[...ids].sort(),
		)
		const events = await database.prisma.auditEvent.count({
			where: { action: 'use_case.tag_added', entityId: { in: ids } },
		})
		expect(events).toBe(2)
		// Someone else's draft cannot be touched, and nothing of the batch changes.
		const draft = await database.prisma.useCase.findFirstOrThrow({
			where: { status: 'DRAFT' },
			select: { id: true },
		})
		await expect(
			applyBulkAction(
				lead,
				{ ...action, tag: 'other', ids: [ids[0]!, draft.id] },
				request,
				database.prisma,
			),
		).rejects.toMatchObject({ code: 'NOT_FOUND' })
		expect((await page(leadership, 'tag=other')).facets.total).toBe(0)
		await applyBulkAction(
			lead,
			{ ...action, intent: 'remove-tag' as const },
			request,
			database.prisma,
		)
		expect((await page(leadership, 'tag=bulk-test')).facets.total).toBe(0)
	})

	test('bulk assignment and retirement go through the review rules, all or nothing', async () => {
		const request = { requestId: 'test', ipAddress: '127.0.0.1', userAgent: null }
		const reviewer = await database.prisma.user.findUniqueOrThrow({
			where: { email: 'reviewer@cms.example' },
			select: { id: true },
		})
		const open = (await page(leadership, 'status=SUBMITTED&status=IN_REVIEW&sort=trackingId')).rows
			.slice(0, 2)
			.map((row) => row.id)
		expect(open).toHaveLength(2)
		const selection = { pageIds: [] as Array<string>, returnTo: '' }
		// The security lane: no open demo case has decided it yet (privacy lanes may be decided already).
		const assign = {
			intent: 'assign-reviewer' as const,
			lane: 'SECURITY' as const,
			assigneeId: reviewer.id,
			dueOn: '2027-01-15',
			ids: open,
			...selection,
		}
		expect(await applyBulkAction(lead, assign, request, database.prisma)).toEqual({
			intent: 'assign-reviewer',
			changed: 2,
			unchanged: 0,
		})
		for (const useCaseId of open) {
			const useCase = await database.prisma.useCase.findUniqueOrThrow({
				where: { id: useCaseId },
				select: { reviewRound: true, status: true },
			})
			const lane = await database.prisma.laneReview.findFirstOrThrow({
				where: { useCaseId, round: Math.max(useCase.reviewRound, 1), lane: 'SECURITY' },
			})
			expect(lane.assigneeId).toBe(reviewer.id)
			expect(useCase.status).not.toBe('SUBMITTED')
		}
		// Retiring needs approved cases: one case in review in the selection refuses the whole selection.
		const approved = (await page(leadership, 'status=APPROVED&sort=trackingId')).rows
			.slice(0, 2)
			.map((row) => row.id)
		expect(approved.length).toBeGreaterThan(0)
		const retire = {
			intent: 'retire' as const,
			reason: 'Replaced by the enterprise platform.',
			...selection,
		}
		await expect(
			applyBulkAction(lead, { ...retire, ids: [...approved, open[0]!] }, request, database.prisma),
		).rejects.toMatchObject({
			code: 'CONFLICT',
			message: expect.stringMatching(/^CMS-\d{4}-\d{4}: .*Nothing was changed\.$/),
		})
		expect(
			await database.prisma.useCase.count({ where: { id: { in: approved }, status: 'RETIRED' } }),
		).toBe(0)
		expect(
			await applyBulkAction(lead, { ...retire, ids: approved }, request, database.prisma),
		).toEqual({ intent: 'retire', changed: approved.length, unchanged: 0 })
		expect(
			await database.prisma.useCase.count({
				where: { id: { in: approved }, status: 'RETIRED', stage: 'RETIRED' },
			}),
		).toBe(approved.length)
	})

	test('the dashboards agree with the inventory and show the late work', async () => {
		const dashboard = await computeDashboard(database.prisma)
		const inventory = await page(leadership)
		expect(dashboard.total).toBe(inventory.facets.total)
		// Overdue review lanes by the one definition the desk and the home page count.
		const overdueLanes = await database.prisma.laneReview.count({
			where: overdueLaneWhere(new Date()),
		})
		expect(overdueLanes).toBeGreaterThan(0)
		expect(dashboard.overdueLanes.reduce((sum, lane) => sum + lane.count, 0)).toBe(overdueLanes)
		expect(dashboard.byStage.reduce((sum, bar) => sum + bar.count, 0)).toBe(
			[...inventory.facets.stage.values()].reduce((a, b) => a + b, 0),
		)
		for (const bar of dashboard.byDetermination)
			expect(bar.count).toBe(inventory.facets.determination.get(bar.key) ?? 0)
		const cmmi = dashboard.byComponent.find((bar) => bar.label === 'CMMI')
		expect(cmmi).toMatchObject({ count: 2, href: '/inventory?orgUnit=HHS%2FCMS%2FCMMI' })
		expect(dashboard.practicesLate.map((c) => c.name)).toEqual([
			'WISeR Model prior-authorization technology',
		])
		expect(dashboard.practicesLate[0]!.failing.length).toBeGreaterThan(0)
		expect(dashboard.waiversExpiring).toEqual([
			expect.objectContaining({
				name: 'WISeR Model prior-authorization technology',
				practice: 'PUBLIC_CONSULTATION',
			}),
		])
		expect(dashboard.overdueConditions.map((c) => c.name).sort()).toEqual([
			'Enhanced Direct Enrollment Outlier Detection',
			'WISeR Model prior-authorization technology',
		])
		expect(dashboard.overdueLaneCases.map((c) => c.name)).toContain('Medicare AI Drug Search')
		const decisions = await database.prisma.decision.count()
		expect(dashboard.throughput.reduce((sum, month) => sum + month.total, 0)).toBe(decisions)
		expect(dashboard.timeInState.map((s) => s.status)).toEqual(
			expect.arrayContaining(['SUBMITTED', 'IN_REVIEW']),
		)
		expect(dashboard.timeInState.every((s) => s.medianDays > 0)).toBe(true)
	})
})
