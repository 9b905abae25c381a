import { revokeEveryApiTokenOf } from '#app/modules/api-tokens/api-tokens.server.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { endSessions } from '#app/modules/auth/sessions.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { forgetSessions } from '#app/utils/auth.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type ReviewLaneName, type RoleName } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

export const USERS_PAGE_SIZE = 50

export async function listUsers({ query, page }: { query: string; page: number }) {
	const where = query
		? {
				OR: [
					{ name: { contains: query, mode: 'insensitive' as const } },
					{ email: { contains: query, mode: 'insensitive' as const } },
				],
			}
		: {}
	const [total, users] = await Promise.all([
		prisma.user.count({ where }),
		prisma.user.findMany({
			where,
			orderBy: { name: 'asc' },
			skip: (page - 1) * USERS_PAGE_SIZE,
			take: USERS_PAGE_SIZE,
			select: {
				id: true,
				name: true,
				email: true,
				active: true,
				orgUnit: { select: { shortName: true } },
				invitedAt: true,
				invitationAcceptedAt: true,
				roles: { select: { role: true, lanes: true, source: true } },
			},
		}),
	])
	return { total, users }
}

export async function getUserForAdmin(userId: string) {
	const [user, orgUnits] = await Promise.all([
		prisma.user.findUnique({
			where: { id: userId },
			select: {
				id: true,
				name: true,
				email: true,
				active: true,
				emailNotifications: true,
				orgUnitId: true,
				updatedAt: true,
				oidcSubject: true,
				invitedAt: true,
				invitationAcceptedAt: true,
				password: { select: { mustChange: true, updatedAt: true } },
				roles: { select: { role: true, lanes: true, source: true }, orderBy: { role: 'asc' } },
				_count: {
					select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } },
				},
			},
		}),
		prisma.orgUnit.findMany({
			orderBy: { code: 'asc' },
			select: { id: true, code: true, name: true },
		}),
	])
	if (!user) throw new AppError('NOT_FOUND', 'No user has this id.')
	const { roles, password, ...rest } = user
	return {
		user: {
			...rest,
			// Roles granted here by hand, and roles from the identity provider's groups (read-only: they
			// are replaced at every sign-in).
			roles: roles.filter((grant) => grant.source === 'MANUAL'),
			providerRoles: roles.filter((grant) => grant.source === 'IDENTITY_PROVIDER'),
			hasPassword: Boolean(password),
			mustChangePassword: Boolean(password?.mustChange),
		},
		orgUnits,
	}
}

export type UserAccessChange = {
	active: boolean
	orgUnitId: string
	roles: Array<RoleName>
	lanes: Array<ReviewLaneName>
	emailNotifications: boolean
	expectedUpdatedAt: Date
}

/** The roles and lanes as one comparable value. */
function accessOf(roles: ReadonlyArray<{ role: RoleName; lanes: ReadonlyArray<ReviewLaneName> }>) {
	return JSON.stringify(
		roles.map(({ role, lanes }) => [role, role === 'REVIEWER' ? [...lanes].sort() : []]).sort(),
	)
}

/**
 * An administrator changes another person's roles, lanes, unit and activity. Separation of duties:
 * nobody changes their own roles or lanes or deactivates themselves (an administrator could
 * otherwise make themselves governance lead); another administrator must.
 */
export async function updateUserAccess(
	actorId: string,
	userId: string,
	change: UserAccessChange,
	request: RequestInfo,
) {
	await prisma.$transaction(async (tx) => {
		const before = await tx.user.findUnique({
			where: { id: userId },
			select: {
				active: true,
				orgUnitId: true,
				emailNotifications: true,
				updatedAt: true,
				roles: { where: { source: 'MANUAL' }, select: { role: true, lanes: true } },
			},
		})
		if (!before) throw new AppError('NOT_FOUND', 'No user has this id.')
		if (actorId === userId) {
			const requested = change.roles.map((role) => ({ role, lanes: change.lanes }))
			if (accessOf(requested) !== accessOf(before.roles) || !change.active) {
				throw new AppError(
					'FORBIDDEN',
					'Nobody changes their own roles or lanes, or deactivates themselves: ask another administrator.',
				)
			}
		}
		const orgUnit = await tx.orgUnit.findUnique({
			where: { id: change.orgUnitId },
			select: { id: true },
		})
		if (!orgUnit) throw new AppError('INVALID', 'That org unit does not exist.')
		// Optimistic lock: the write only happens if nobody saved this user since the form was loaded.
		const updated = await tx.user.updateMany({
			where: { id: userId, updatedAt: change.expectedUpdatedAt },
			data: {
				active: change.active,
				orgUnitId: change.orgUnitId,
				emailNotifications: change.emailNotifications,
			},
		})
		if (updated.count === 0) {
			throw new AppError(
				'CONFLICT',
				'Someone else changed this user while you were editing. Reload to see their changes, then apply yours again.',
			)
		}
		// Only the roles granted by hand: those from the identity provider follow its groups.
		await tx.userRole.deleteMany({ where: { userId, source: 'MANUAL' } })
		await tx.userRole.createMany({
			data: change.roles.map((role) => ({
				userId,
				role,
				lanes: role === 'REVIEWER' ? change.lanes : [],
			})),
		})
		if (!change.active) {
			await tx.session.updateMany({
				where: { userId, revokedAt: null },
				data: { revokedAt: new Date() },
			})
		}
		await recordEvent(tx, {
			actorId,
			action: 'user.access_changed',
			entityType: 'User',
			entityId: userId,
			before: {
				active: before.active,
				orgUnitId: before.orgUnitId,
				emailNotifications: before.emailNotifications,
				roles: before.roles,
			},
			after: {
				active: change.active,
				orgUnitId: change.orgUnitId,
				emailNotifications: change.emailNotifications,
				roles: change.roles.map((role) => ({
					role,
					lanes: role === 'REVIEWER' ? change.lanes : [],
				})),
			},
			request,
		})
		// The person's new roles (or deactivation) apply to their very next request, on every instance.
		await forgetSessions({ userId }, tx)
	})
}

export async function revokeAllSessions(actorId: string, userId: string, request: RequestInfo) {
	return prisma.$transaction(async (tx) => {
		const revokedSessions = await endSessions(tx, userId, null)
		// A token signs in as the person too: ending every session ends every way in.
		const revokedApiTokens = await revokeEveryApiTokenOf(tx, userId, actorId)
		await recordEvent(tx, {
			actorId,
			action: 'user.sessions_revoked',
			entityType: 'User',
			entityId: userId,
			after: { revokedSessions, revokedApiTokens },
			request,
		})
		await forgetSessions({ userId }, tx)
		return revokedSessions
	})
}
