// Administrators keep CMS's organisation: every change is audited, made over the version read, and
// rewrites the codes under the unit while the old code keeps finding it. On each database.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Database } from '#app/utils/db/database.server.ts'
import { orgUnits as seeded } from '#prisma/seed/org-units.ts'
import { seedDemoData } from '#prisma/seed/seed.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'

const current = vi.hoisted(() => ({ prisma: null as unknown as PrismaClient }))
vi.mock('#app/utils/db.server.ts', () => ({
	get prisma() {
		return current.prisma
	},
}))

const { addOrgUnitAlias, changeOrgUnit, createOrgUnit } = await import('./org-units.server.ts')
const { importOrgUnits } = await import('#app/modules/omb-exchange/import.server.ts')
const { resolveBureau } = await import('#app/modules/omb-exchange/import-rows.ts')

const request = { requestId: 'test', ipAddress: '127.0.0.1', userAgent: null }

for (const target of databaseTargets()) {
	describe(`on ${target.name}`, () => {
		let database: Database
		let prisma: PrismaClient
		let admin: { id: string }
		const unit = (code: string) =>
			prisma.orgUnit.findUniqueOrThrow({
				where: { code },
				select: {
					id: true,
					code: true,
					version: true,
					aliases: true,
					active: true,
					parentId: true,
				},
			})

		beforeAll(async () => {
			database = await openMigratedDatabase(target)
			prisma = database.prisma
			current.prisma = prisma
			await seedDemoData(prisma)
			admin = await prisma.user.findUniqueOrThrow({
				where: { email: 'admin@cms.example' },
				select: { id: true },
			})
		})
		afterAll(async () => {
			await database?.close()
		})

		test('a migrated database holds CMS’s whole organisation, once', async () => {
			const codes = (await prisma.orgUnit.findMany({ select: { code: true } }))
				.map((row) => row.code)
				.sort()
			expect(codes).toEqual(seeded.map((row) => row.code).sort())
			expect((await unit('HHS/CMS/FCHCO')).aliases).toContain(
				'Medicare-Medicaid Coordination Office',
			)
		})

		test('add, rename (codes below follow, the old code still finds it), move, and a stale version refused', async () => {
			const cms = await unit('HHS/CMS')
			await createOrgUnit(
				admin,
				{ parentId: cms.id, shortName: 'DSAC', name: 'Digital Service at CMS' },
				request,
			)
			const dsac = await unit('HHS/CMS/DSAC')
			await createOrgUnit(
				admin,
				{ parentId: dsac.id, shortName: 'ENG', name: 'Engineering' },
				request,
			)
			await expect(
				createOrgUnit(admin, { parentId: cms.id, shortName: 'dsac', name: 'Again' }, request),
			).rejects.toThrow(/already exists/)

			await changeOrgUnit(
				admin,
				dsac.id,
				{
					intent: 'rename',
					version: dsac.version,
					shortName: 'DSC',
					name: 'Digital Service Center',
				},
				request,
			)
			await expect(
				changeOrgUnit(
					admin,
					dsac.id,
					{ intent: 'rename', version: dsac.version, shortName: 'X', name: 'Lost update' },
					request,
				),
			).rejects.toThrow(/changed this org unit after you opened it/)
			expect(
				await prisma.orgUnit.findUnique({
					where: { code: 'HHS/CMS/DSC/ENG' },
					select: { aliases: true },
				}),
			).toEqual({ aliases: ['HHS/CMS/DSAC/ENG'] })
			const units = await importOrgUnits()
			expect(resolveBureau('HHS/CMS/DSAC', units).orgUnit?.code).toBe('HHS/CMS/DSC')
			expect(resolveBureau('Digital Service at CMS', units).orgUnit?.code).toBe('HHS/CMS/DSC')

			const renamed = await unit('HHS/CMS/DSC')
			const oit = await unit('HHS/CMS/OIT')
			await changeOrgUnit(
				admin,
				renamed.id,
				{ intent: 'move', version: renamed.version, parentId: oit.id },
				request,
			)
			expect(
				await prisma.orgUnit.count({
					where: { code: { in: ['HHS/CMS/OIT/DSC', 'HHS/CMS/OIT/DSC/ENG'] } },
				}),
			).toBe(2)
			const moved = await unit('HHS/CMS/OIT/DSC')
			await expect(
				changeOrgUnit(
					admin,
					oit.id,
					{ intent: 'move', version: (await unit('HHS/CMS/OIT')).version, parentId: moved.id },
					request,
				),
			).rejects.toThrow(/under itself/)
			expect(
				await prisma.auditEvent.count({
					where: {
						entityType: 'OrgUnit',
						action: { in: ['org_unit.created', 'org_unit.renamed', 'org_unit.moved'] },
					},
				}),
			).toBe(4)
		})

		test('merging moves use cases, people, datasets and units to the other unit, which takes its names; deactivating needs no active units below', async () => {
			const obrhi = await unit('HHS/CMS/OBRHI')
			const oeda = await unit('HHS/CMS/OEDA')
			const person = await prisma.user.findFirstOrThrow({ select: { id: true } })
			await prisma.user.update({ where: { id: person.id }, data: { orgUnitId: obrhi.id } })
			await changeOrgUnit(
				admin,
				obrhi.id,
				{ intent: 'merge', version: obrhi.version, targetId: oeda.id },
				request,
			)
			expect(await unit('HHS/CMS/OBRHI')).toMatchObject({ active: false })
			expect(
				await prisma.user.findUniqueOrThrow({
					where: { id: person.id },
					select: { orgUnitId: true },
				}),
			).toEqual({ orgUnitId: oeda.id })
			expect((await unit('HHS/CMS/OEDA')).aliases).toEqual(
				expect.arrayContaining([
					'HHS/CMS/OBRHI',
					'OBRHI',
					'Office of Burden Reduction and Health Informatics',
				]),
			)
			expect(resolveBureau('CMS/OBRHI', await importOrgUnits()).orgUnit?.code).toBe('HHS/CMS/OEDA')

			const oit = await unit('HHS/CMS/OIT')
			await expect(
				changeOrgUnit(admin, oit.id, { intent: 'deactivate', version: oit.version }, request),
			).rejects.toThrow(/active unit/)
			const eng = await unit('HHS/CMS/OIT/DSC/ENG')
			await changeOrgUnit(admin, eng.id, { intent: 'deactivate', version: eng.version }, request)
			expect((await unit('HHS/CMS/OIT/DSC/ENG')).active).toBe(false)
			await expect(addOrgUnitAlias(admin, eng.id, 'Engineering team', request)).rejects.toThrow(
				/active/,
			)
			expect(
				await prisma.auditEvent.count({
					where: { action: { in: ['org_unit.merged', 'org_unit.deactivated'] } },
				}),
			).toBe(2)
		})
	})
}
