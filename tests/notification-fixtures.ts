import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type RoleName } from '#app/utils/permissions.ts'

/** The people a notification test needs, in an empty migrated database. */
export async function createPeople(db: PrismaClient) {
	// The migrations insert CMS's organisation.
	const unit = await db.orgUnit.findUniqueOrThrow({
		where: { code: 'HHS/CMS/CPI' },
		select: { id: true },
	})
	const person = (
		key: string,
		name: string,
		roles: Array<RoleName>,
		extra: { emailNotifications?: boolean; active?: boolean } = {},
	) =>
		db.user.create({
			data: {
				email: `${key}@cms.example`,
				name,
				orgUnitId: unit.id,
				...extra,
				roles: { create: roles.map((role) => ({ role })) },
			},
			select: { id: true, email: true, name: true },
		})
	return {
		unit,
		submitter: await person('submitter', 'Dana Whitfield', ['SUBMITTER']),
		reviewer: await person('reviewer', 'Priya Raman', ['REVIEWER']),
		lead: await person('lead', 'Marcus Oyelaran', ['GOVERNANCE_LEAD']),
		quietLead: await person('quiet-lead', 'Ruth Abernathy', ['GOVERNANCE_LEAD'], {
			emailNotifications: false,
		}),
		formerLead: await person('former-lead', 'Hal Brennan', ['GOVERNANCE_LEAD'], { active: false }),
	}
}

export type People = Awaited<ReturnType<typeof createPeople>>

let nextTracking = 1

export async function createUseCase(
	db: PrismaClient,
	people: People,
	data: {
		status?: 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED_WITH_CONDITIONS' | 'RETIRED' | 'WITHDRAWN'
	} = {},
) {
	const number = String(nextTracking++).padStart(4, '0')
	return db.useCase.create({
		data: {
			trackingId: `CMS-2026-${number}`,
			name: `Claims anomaly triage ${number}`,
			status: data.status ?? 'IN_REVIEW',
			orgUnitId: people.unit.id,
			createdById: people.submitter.id,
			ownerId: people.submitter.id,
		},
		select: { id: true, trackingId: true, name: true },
	})
}
