// Seed helpers shared by start-up (demo data on a fresh embedded database), `npm run db:seed`
// and the end-to-end tests, so the demo and the tests build records the same way.
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { cmsDatasets } from './cms-datasets.ts'
import { demoAccounts, type UserSeed } from './demo-accounts.ts'
import { seedDemoUseCases } from './demo-use-cases.ts'
import { orgUnits } from './org-units.ts'

export { DEMO_PASSWORD, demoAccounts } from './demo-accounts.ts'

/**
 * Adds any unit of CMS's organisation that is missing (a migrated database already has them all);
 * a unit administrators renamed, moved or merged is left as they left it.
 */
export async function seedOrgUnits(prisma: PrismaClient) {
	const idByCode = new Map<string, string>()
	for (const unit of orgUnits) {
		const parentId = unit.parentCode ? idByCode.get(unit.parentCode) : undefined
		if (unit.parentCode && !parentId) {
			throw new Error(`Org unit ${unit.code} is listed before its parent ${unit.parentCode}`)
		}
		const saved = await prisma.orgUnit.upsert({
			where: { code: unit.code },
			create: {
				code: unit.code,
				shortName: unit.shortName,
				name: unit.name,
				parentId,
				aliases: 'aliases' in unit ? [...unit.aliases] : [],
			},
			update: {},
			select: { id: true },
		})
		idByCode.set(unit.code, saved.id)
	}
	return idByCode
}

export async function createUser(prisma: PrismaClient, seed: UserSeed) {
	const orgUnit = await prisma.orgUnit.findUnique({
		where: { code: seed.orgUnitCode },
		select: { id: true },
	})
	if (!orgUnit) throw new Error(`Unknown org unit ${seed.orgUnitCode}`)
	const hash = await hashPassword(seed.password)
	return prisma.$transaction(async (tx) => {
		const user = await tx.user.create({
			data: {
				email: seed.email.toLowerCase(),
				name: seed.name,
				orgUnitId: orgUnit.id,
				password: { create: { hash } },
				roles: { create: seed.roles.map((r) => ({ role: r.role, lanes: [...(r.lanes ?? [])] })) },
			},
			select: { id: true, email: true, name: true },
		})
		await recordEvent(tx, {
			actorId: null,
			action: 'user.created',
			entityType: 'User',
			entityId: user.id,
			after: {
				email: user.email,
				name: user.name,
				roles: seed.roles.map((r) => ({ role: r.role, lanes: [...(r.lanes ?? [])] })),
				orgUnit: seed.orgUnitCode,
				source: 'seed',
			},
		})
		return user
	})
}

/** The catalogue of real CMS datasets; keyed by slug, so running it twice changes nothing. */
export async function seedDatasets(prisma: PrismaClient, orgUnitIds: Map<string, string>) {
	for (const { slug, sornNote: _note, ownerOrgUnit, sensitivities, ...fields } of cmsDatasets) {
		const orgUnitId = orgUnitIds.get(ownerOrgUnit)
		if (!orgUnitId) throw new Error(`Dataset ${slug} names an unknown org unit ${ownerOrgUnit}`)
		const data = { ...fields, sensitivities: [...sensitivities], orgUnitId }
		await prisma.dataset.upsert({
			where: { slug },
			create: { slug, ...data },
			update: {},
			select: { id: true },
		})
	}
}

export async function seedDemoData(prisma: PrismaClient) {
	const orgUnitIds = await seedOrgUnits(prisma)
	await seedDatasets(prisma, orgUnitIds)
	for (const account of demoAccounts) {
		const exists = await prisma.user.findUnique({
			where: { email: account.email },
			select: { id: true },
		})
		if (!exists) await createUser(prisma, account)
	}
	// After the accounts: the demo cases name the reviewer and the governance lead in their workflow records.
	await seedDemoUseCases(prisma, createUser)
}
