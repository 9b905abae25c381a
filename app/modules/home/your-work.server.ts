// "Your work" on the home page: what waits on this person, by the roles they hold. A handful of
// indexed queries per role, each list short and linked to the page that has the rest, kept per
// person and data version (docs/decisions/030-read-models-cached-by-data-version.md): the home page
// is every sign-in's first page, and the leadership's counts run over every case.
import { type SessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { type DataVersion } from '#app/modules/data-version/data-version.server.ts'
import { createVersionedCache } from '#app/modules/data-version/versioned-cache.server.ts'
import { nextClockChange } from '#app/modules/dashboards/dashboard.server.ts'
import {
	governanceDesk,
	overdueLaneWhere,
	reviewQueue,
} from '#app/modules/workflow/review-queries.server.ts'

const SHOWN = 5

type YourWork = Awaited<ReturnType<typeof readYourWork>>

const workByPerson = createVersionedCache<YourWork>({ maxEntries: 2_000 })

/**
 * What waits on `user` as of `version` (read by the caller first). Kept until the next write or
 * until the clock alone changes it (a lane falling due, a new day). The administrator's figures are
 * read afresh: a deactivation does not move the data version.
 */
export async function yourWork(user: SessionUser, version: DataVersion) {
	const grants = user.roles
		.map((grant) => `${grant.role}/${[...grant.lanes].sort().join('+')}`)
		.sort()
		.join(',')
	const [work, admin] = await Promise.all([
		workByPerson.get(`${user.id}:${grants}`, version, async () => {
			const validUntil = await nextClockChange()
			return { value: await readYourWork(user), validUntil }
		}),
		rolesGrant(
			user.roles.map((r) => r.role),
			'manage:user:any',
		)
			? adminFigures()
			: null,
	])
	return { ...work, admin }
}

function adminFigures() {
	return Promise.all([
		prisma.user.count({ where: { active: true } }),
		prisma.policyPackVersion.findFirst({
			where: { status: 'DRAFT' },
			select: { version: true, updatedAt: true },
		}),
	]).then(([activeUsers, draftPack]) => ({ activeUsers, draftPack }))
}

async function readYourWork(user: SessionUser) {
	const roles = user.roles.map((r) => r.role)
	const listed = {
		OR: [
			{ createdById: user.id },
			{ ownerId: user.id },
			{ contacts: { some: { userId: user.id } } },
		],
	}
	const [submitter, reviewer, lead, leadership] = await Promise.all([
		rolesGrant(roles, 'create:use-case:own')
			? Promise.all([
					prisma.useCase.findMany({
						where: { ...listed, status: { in: ['DRAFT', 'CHANGES_REQUESTED'] } },
						orderBy: [{ status: 'asc' }, { updatedAt: 'desc' }],
						take: SHOWN,
						select: { id: true, trackingId: true, name: true, status: true, updatedAt: true },
					}),
					prisma.useCase.count({
						where: { ...listed, status: { in: ['DRAFT', 'CHANGES_REQUESTED'] } },
					}),
					prisma.useCase.count({
						where: { ...listed, status: { in: ['SUBMITTED', 'IN_REVIEW'] } },
					}),
				]).then(([cases, total, inReview]) => ({ cases, total, inReview }))
			: null,
		rolesGrant(roles, 'read:review-queue:own') && !rolesGrant(roles, 'assign:review:any')
			? reviewQueue(user).then((queue) => ({
					assigned: queue.assigned.slice(0, SHOWN),
					assignedTotal: queue.assigned.length,
					overdue: queue.overdueCount,
					claimable: queue.claimable.slice(0, SHOWN),
					claimableTotal: queue.claimable.length,
				}))
			: null,
		rolesGrant(roles, 'assign:review:any')
			? governanceDesk().then((desk) => ({
					readyToDecide: desk.awaitingDecision.slice(0, SHOWN),
					readyTotal: desk.totals.awaitingDecision,
					awaitingAssignment: desk.totals.awaitingAssignment,
					overdueLanes: desk.overdueLanes.slice(0, SHOWN),
					overdueTotal: desk.totals.overdueLanes,
					overdueConditions: desk.conditions.filter((condition) => condition.overdue).length,
				}))
			: null,
		rolesGrant(roles, 'read:dashboard:any') && !rolesGrant(roles, 'assign:review:any')
			? Promise.all([
					prisma.useCase.count({
						where: { status: { in: ['SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED'] } },
					}),
					prisma.useCase.count({
						where: { status: { in: ['APPROVED', 'APPROVED_WITH_CONDITIONS'] } },
					}),
					prisma.useCase.count({
						where: {
							highImpactDetermination: 'HIGH_IMPACT',
							status: { notIn: ['WITHDRAWN', 'RETIRED'] },
						},
					}),
					prisma.laneReview.count({ where: overdueLaneWhere(new Date()) }),
				]).then(([inReview, approved, highImpact, overdueReviews]) => ({
					inReview,
					approved,
					highImpact,
					overdueReviews,
				}))
			: null,
	])
	return { submitter, reviewer, lead, leadership }
}
