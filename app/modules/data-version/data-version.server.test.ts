// The data version on each database: which writes move it, when the move becomes visible, and that
// writers never deadlock on it.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import {
	dataVersionTables,
	readDataVersion,
	readDataVersionDirectly,
} from './data-version.server.ts'

// Every call below passes its own client; the app's default database must not be opened.
vi.mock('#app/utils/db.server.ts', () => ({ prisma: undefined, database: undefined }))

describe.each(databaseTargets())('the data version on $name', (target) => {
	let database: Database
	let prisma: PrismaClient
	let userId: string
	let orgUnitId: string

	beforeAll(async () => {
		database = await openMigratedDatabase(target)
		prisma = database.prisma
		// The migrations insert CMS's organisation.
		orgUnitId = (
			await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'HHS' }, select: { id: true } })
		).id
		userId = (await prisma.user.create({ data: { email: 'owner@cms.example', name: 'Owner' } })).id
	})
	afterAll(async () => {
		await database?.close()
	})

	const version = async () => (await readDataVersion(prisma)).version
	const useCase = (n: number) => ({
		id: `uc-${n}`,
		trackingId: `CMS-2026-${String(n).padStart(4, '0')}`,
		name: `Case ${n}`,
		orgUnitId,
		createdById: userId,
		ownerId: userId,
	})

	test('the database has a trigger on exactly the tracked tables', async () => {
		const rows = await prisma.$queryRaw<Array<{ table: string }>>`
			SELECT DISTINCT c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
			JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'bump_data_version' ORDER BY 1`
		expect(rows.map((row) => row.table)).toEqual([...dataVersionTables].sort())
	})

	test('a committed write moves the version once, however many rows and tracked tables it touches', async () => {
		const before = await readDataVersion(prisma)
		await prisma.useCase.create({ data: useCase(1) })
		const afterOne = await readDataVersion(prisma)
		expect(afterOne.version).toBe(before.version + 1)
		expect(afterOne.token).not.toBe(before.token)

		await prisma.$transaction(async (tx) => {
			await tx.useCase.createMany({ data: Array.from({ length: 300 }, (_, i) => useCase(100 + i)) })
			await tx.useCase.updateMany({
				where: { id: { startsWith: 'uc-1' } },
				data: { benefits: 'Faster reviews.' },
			})
			await tx.orgUnit.update({ where: { id: orgUnitId }, data: { shortName: 'HHS (department)' } })
		})
		expect(await version()).toBe(afterOne.version + 1)

		// A statement that matches no row changes nothing, so it moves nothing.
		await prisma.useCase.updateMany({ where: { id: 'no-such-case' }, data: { name: 'x' } })
		expect(await version()).toBe(afterOne.version + 1)
	})

	test('read straight through the driver, the version and its token are those Prisma reads', async () => {
		await prisma.useCase.create({ data: useCase(7) })
		const viaPrisma = await readDataVersion(prisma)
		const direct = await readDataVersionDirectly(database)
		expect(direct).toEqual(viaPrisma)
		expect(direct.version).toBeGreaterThan(0)
	})

	test('a transaction that rolls back moves nothing', async () => {
		const before = await version()
		await expect(
			prisma.$transaction(async (tx) => {
				await tx.useCase.create({ data: useCase(2) })
				throw new Error('changed my mind')
			}),
		).rejects.toThrow('changed my mind')
		expect(await version()).toBe(before)
		expect(await prisma.useCase.count({ where: { id: 'uc-2' } })).toBe(0)
	})

	test('writes to tables nothing caches do not move it, nor changes to what no page shows of a person', async () => {
		const before = await version()
		await prisma.user.update({
			where: { id: userId },
			data: { emailNotifications: false, oidcGroups: ['cms-staff'] },
		})
		await prisma.auditEvent.create({
			data: { action: 'test.recorded', entityType: 'Test', entityId: '1' },
		})
		expect(await version()).toBe(before)
		await prisma.user.update({ where: { id: userId }, data: { name: 'Owner, renamed' } })
		expect(await version()).toBe(before + 1)
	})

	test('deleting and truncating tracked tables move it', async () => {
		const before = await version()
		await prisma.useCase.delete({ where: { id: 'uc-1' } })
		expect(await version()).toBe(before + 1)
		await prisma.$executeRawUnsafe('TRUNCATE "InventoryCycleEntry"')
		expect(await version()).toBe(before + 2)
	})

	if (target.name === 'PostgreSQL') {
		test('another connection sees the new version only when the write commits, together with the data', async () => {
			const before = await version()
			let release: () => void = () => {}
			const held = new Promise<void>((resolve) => (release = resolve))
			let written: () => void = () => {}
			const wrote = new Promise<void>((resolve) => (written = resolve))
			const transaction = prisma.$transaction(async (tx) => {
				await tx.useCase.create({ data: useCase(3) })
				written()
				await held
			})
			await wrote
			expect(await version()).toBe(before)
			expect(await prisma.useCase.count({ where: { id: 'uc-3' } })).toBe(0)
			release()
			await transaction
			expect(await version()).toBe(before + 1)
			expect(await prisma.useCase.count({ where: { id: 'uc-3' } })).toBe(1)
		})

		test('two writers that wait on each other’s rows do not deadlock on the version', async () => {
			await prisma.useCase.createMany({ data: [useCase(4), useCase(5)] })
			const before = await version()
			// The first writer changes a tracked row, then waits for a row the second holds; the second
			// holds that row, then changes a tracked row and commits. Were the version moved as each
			// statement ran, the first would hold the version while the second waited for it: a deadlock.
			let firstWrote: () => void = () => {}
			const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve))
			let secondLocked: () => void = () => {}
			const secondHasLocked = new Promise<void>((resolve) => (secondLocked = resolve))
			const first = prisma.$transaction(async (tx) => {
				await tx.useCase.update({ where: { id: 'uc-4' }, data: { benefits: 'first writer' } })
				firstWrote()
				await secondHasLocked
				await tx.user.update({ where: { id: userId }, data: { name: 'First writer' } })
			})
			const second = prisma.$transaction(async (tx) => {
				await firstHasWritten
				await tx.user.update({ where: { id: userId }, data: { name: 'Second writer' } })
				secondLocked()
				await tx.useCase.update({ where: { id: 'uc-5' }, data: { benefits: 'second writer' } })
			})
			await Promise.all([first, second])
			expect(await version()).toBe(before + 2)
			expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe(
				'First writer',
			)
		})
	}
})
