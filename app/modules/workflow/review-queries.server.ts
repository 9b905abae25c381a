// What the review pages read: a reviewer's queue, the governance lead's desk, a case's decisions
// and its activity. Each is a handful of indexed queries, never one per row.
import { type Prisma } from '#app/generated/prisma/client.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { addDays, isoDay } from '#app/modules/policies/checks/case-facts.ts'
import { waiverValidUntil } from '#app/modules/policies/checks/minimum-practices.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type ReviewLaneName } from '#app/utils/permissions.ts'
import { fieldAnswerText, fieldLabel } from '#app/modules/use-cases/field-rules.ts'
import { valueAt } from '#app/modules/use-cases/question-kinds.ts'
import {
	type UseCaseDocument,
	UseCaseDocumentSchema,
} from '#app/modules/use-cases/use-case-document.ts'
import { changedFields } from '#app/modules/use-cases/use-case-mapping.ts'

const QUEUE_LIMIT = 200
const DAY = 24 * 60 * 60 * 1000

const queueLaneSelect = {
	id: true,
	lane: true,
	status: true,
	dueOn: true,
	assignedAt: true,
	revision: true,
	useCase: {
		select: {
			id: true,
			trackingId: true,
			name: true,
			status: true,
			highImpactDetermination: true,
			orgUnit: { select: { shortName: true } },
		},
	},
	assignee: { select: { name: true } },
} as const satisfies Prisma.LaneReviewSelect

/** Cases this person is independent of: never listed on, never wrote any of (see isInvolvedIn). */
const independentOf = (userId: string): Prisma.UseCaseWhereInput => ({
	createdById: { not: userId },
	ownerId: { not: userId },
	contacts: { none: { userId } },
	participants: { none: { userId } },
})

const inReview: Prisma.UseCaseWhereInput = {
	status: { in: ['SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED'] },
}

/**
 * An overdue review lane, the one definition every page counts (the desk, the home page, the
 * dashboards): open or waiting on requested changes, past its due date, on a case still in review.
 */
export const overdueLaneWhere = (now: Date): Prisma.LaneReviewWhereInput => ({
	status: { in: ['OPEN', 'CHANGES_REQUESTED'] },
	dueOn: { lt: now },
	useCase: inReview,
})

/** The reviewer's queue: lanes assigned to them, open lanes they could claim, and what is overdue. */
export async function reviewQueue(user: SessionUser) {
	const heldLanes = user.roles.some((r) => r.role === 'GOVERNANCE_LEAD')
		? undefined
		: [...new Set(user.roles.filter((r) => r.role === 'REVIEWER').flatMap((r) => r.lanes))]
	const now = new Date()
	const assignedToMe = {
		assigneeId: user.id,
		status: { in: ['OPEN' as const, 'CHANGES_REQUESTED' as const] },
	}
	const [assigned, noLongerMine, claimable] = await Promise.all([
		prisma.laneReview.findMany({
			where: { ...assignedToMe, useCase: { ...inReview, ...independentOf(user.id) } },
			orderBy: [{ dueOn: 'asc' }, { assignedAt: 'asc' }],
			take: QUEUE_LIMIT,
			select: queueLaneSelect,
		}),
		// Lanes given to them before they were listed on the case: theirs no longer, for the lead to reassign.
		prisma.laneReview.findMany({
			where: { ...assignedToMe, useCase: { ...inReview, NOT: independentOf(user.id) } },
			orderBy: { assignedAt: 'asc' },
			take: QUEUE_LIMIT,
			select: {
				id: true,
				lane: true,
				useCase: { select: { id: true, trackingId: true, name: true } },
			},
		}),
		prisma.laneReview.findMany({
			where: {
				assigneeId: null,
				status: 'OPEN',
				...(heldLanes ? { lane: { in: heldLanes as Array<ReviewLaneName> } } : {}),
				useCase: { ...inReview, ...independentOf(user.id) },
			},
			orderBy: { createdAt: 'asc' },
			take: QUEUE_LIMIT,
			select: queueLaneSelect,
		}),
	])
	// Only lanes of each case's current round are live; earlier rounds' rows are history.
	return {
		assigned: assigned.map((lane) => ({
			...lane,
			overdue: lane.dueOn !== null && lane.dueOn < now,
		})),
		noLongerMine,
		claimable,
		overdueCount: assigned.filter((lane) => lane.dueOn !== null && lane.dueOn < now).length,
	}
}

/** The governance lead's desk: everything waiting on the CAIO's office, most urgent first. */
export async function governanceDesk(now = new Date()) {
	const soon = new Date(now.getTime() + 30 * DAY)
	const [
		awaitingAssignment,
		readyToDecide,
		reReviewsDue,
		conditions,
		waivers,
		pilots,
		overdueLanes,
		totals,
	] = await Promise.all([
		prisma.useCase.findMany({
			where: { ...inReview, laneReviews: { some: { assigneeId: null, status: 'OPEN' } } },
			orderBy: { submittedAt: 'asc' },
			take: QUEUE_LIMIT,
			select: {
				id: true,
				trackingId: true,
				name: true,
				status: true,
				submittedAt: true,
				reviewRound: true,
				laneReviews: {
					where: { assigneeId: null, status: 'OPEN' },
					select: { lane: true, round: true },
				},
			},
		}),
		// Every lane of the current round decided (or none needed): one query, whatever the inventory's size.
		prisma.$queryRaw<
			Array<{
				id: string
				trackingId: string
				name: string
				submittedAt: Date | null
				total: bigint
			}>
		>`
			SELECT u."id", u."trackingId", u."name", u."submittedAt", count(*) OVER () AS "total"
			FROM "UseCase" u
			WHERE u."status" IN ('SUBMITTED', 'IN_REVIEW')
				AND NOT EXISTS (SELECT 1 FROM "LaneReview" l WHERE l."useCaseId" = u."id" AND l."round" = u."reviewRound" AND l."status" IN ('OPEN', 'CHANGES_REQUESTED'))
			ORDER BY u."submittedAt" ASC NULLS LAST, u."id" ASC
			LIMIT ${QUEUE_LIMIT}`,
		prisma.useCase.findMany({
			where: {
				status: { in: ['APPROVED', 'APPROVED_WITH_CONDITIONS'] },
				nextReviewDue: { lte: soon },
			},
			orderBy: { nextReviewDue: 'asc' },
			take: QUEUE_LIMIT,
			select: {
				id: true,
				trackingId: true,
				name: true,
				nextReviewDue: true,
				highImpactDetermination: true,
			},
		}),
		prisma.decisionCondition.findMany({
			where: { metAt: null },
			orderBy: { dueOn: 'asc' },
			take: QUEUE_LIMIT,
			select: {
				id: true,
				text: true,
				dueOn: true,
				owner: { select: { name: true } },
				useCase: { select: { id: true, trackingId: true, name: true } },
			},
		}),
		prisma.waiver.findMany({
			where: { revokedOn: null },
			orderBy: { grantedOn: 'asc' },
			take: 1000,
			select: {
				id: true,
				practice: true,
				grantedOn: true,
				expiresOn: true,
				recertifiedOn: true,
				reportedToOmbOn: true,
				useCase: { select: { id: true, trackingId: true, name: true } },
			},
		}),
		prisma.pilotCertification.findMany({
			where: { revokedOn: null, endsOn: { lte: soon } },
			orderBy: { endsOn: 'asc' },
			take: QUEUE_LIMIT,
			select: {
				id: true,
				endsOn: true,
				scaleLimit: true,
				useCase: { select: { id: true, trackingId: true, name: true, stage: true, status: true } },
			},
		}),
		prisma.laneReview.findMany({
			where: overdueLaneWhere(now),
			orderBy: { dueOn: 'asc' },
			take: QUEUE_LIMIT,
			select: queueLaneSelect,
		}),
		// How many there are in all, where a list shows only the first QUEUE_LIMIT.
		Promise.all([
			prisma.useCase.count({
				where: { ...inReview, laneReviews: { some: { assigneeId: null, status: 'OPEN' } } },
			}),
			prisma.decisionCondition.count({ where: { metAt: null } }),
			prisma.laneReview.count({ where: overdueLaneWhere(now) }),
			prisma.useCase.count({
				where: {
					status: { in: ['APPROVED', 'APPROVED_WITH_CONDITIONS'] },
					nextReviewDue: { lte: soon },
				},
			}),
		]),
	])
	const awaitingDecision = readyToDecide.map(({ total: _total, ...c }) => c)
	// The same rules the checks apply: a waiver lapses at its expiry or 12 months after its last
	// (re-)certification, and OMB hears of it within 30 days of the grant.
	const today = isoDay(now)
	const waiverItems = waivers
		.map((waiver) => {
			const grantedOn = isoDay(waiver.grantedOn)
			const lapses = waiverValidUntil({
				practice: waiver.practice,
				grantedOn,
				expiresOn: waiver.expiresOn ? isoDay(waiver.expiresOn) : undefined,
				recertifiedOn: waiver.recertifiedOn ? isoDay(waiver.recertifiedOn) : undefined,
			})
			const ombDue = addDays(grantedOn, 30)
			const unreported = !waiver.reportedToOmbOn
			return {
				...waiver,
				lapses,
				ombDue,
				ombOverdue: unreported && ombDue < today,
				ombDueSoon: unreported && ombDue >= today,
			}
		})
		.filter(
			(waiver) => waiver.lapses <= addDays(today, 60) || waiver.ombOverdue || waiver.ombDueSoon,
		)
		.sort((a, b) => a.lapses.localeCompare(b.lapses))
	return {
		limit: QUEUE_LIMIT,
		totals: {
			awaitingAssignment: totals[0],
			awaitingDecision: Number(readyToDecide[0]?.total ?? 0),
			conditions: totals[1],
			overdueLanes: totals[2],
			reReviewsDue: totals[3],
		},
		awaitingAssignment,
		awaitingDecision,
		reReviewsDue: reReviewsDue.map((c) => ({
			...c,
			overdue: c.nextReviewDue !== null && c.nextReviewDue < now,
		})),
		conditions: conditions.map((c) => ({ ...c, overdue: c.dueOn < now })),
		waivers: waiverItems.map((w) => ({ ...w, lapsed: w.lapses < today })),
		pilots: pilots.map((p) => ({ ...p, ended: p.endsOn < now })),
		overdueLanes,
	}
}

/** Every decision on a case, newest first, with its conditions. */
export async function decisionsOf(useCaseId: string) {
	return prisma.decision.findMany({
		where: { useCaseId },
		orderBy: { decidedAt: 'desc' },
		select: {
			id: true,
			round: true,
			outcome: true,
			note: true,
			decidedAt: true,
			useCaseVersion: true,
			snapshotNumber: true,
			decidedBy: { select: { name: true } },
			conditions: {
				orderBy: { dueOn: 'asc' },
				select: {
					id: true,
					text: true,
					dueOn: true,
					metAt: true,
					metNote: true,
					revision: true,
					ownerId: true,
					owner: { select: { name: true } },
					metBy: { select: { name: true } },
				},
			},
		},
	})
}

export const ACTIVITY_PAGE_SIZE = 100

/** The case's activity: its audit events (every workflow event is recorded against the case). */
export async function activityOf(useCaseId: string, page: number) {
	const where = { entityType: 'UseCase', entityId: useCaseId }
	const [total, events] = await Promise.all([
		prisma.auditEvent.count({ where }),
		prisma.auditEvent.findMany({
			where,
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
			skip: (page - 1) * ACTIVITY_PAGE_SIZE,
			take: ACTIVITY_PAGE_SIZE,
			select: {
				id: true,
				createdAt: true,
				action: true,
				before: true,
				after: true,
				actor: { select: { name: true } },
			},
		}),
	])
	return { total, events }
}

/**
 * What changed in a case since this person last decided one of its review lanes: the submission
 * they judged (the last version frozen before their decision) against the case as it stands.
 * Null when they have not reviewed it before.
 */
export async function changesSinceLastReview(
	userId: string,
	useCaseId: string,
	current: UseCaseDocument,
) {
	const lastDecision = await prisma.laneReview.findFirst({
		where: { useCaseId, decidedById: userId, decidedAt: { not: null } },
		orderBy: { decidedAt: 'desc' },
		select: { lane: true, round: true, status: true, decidedAt: true },
	})
	if (!lastDecision?.decidedAt) return null
	const reviewed = await prisma.useCaseVersion.findFirst({
		where: { useCaseId, createdAt: { lte: lastDecision.decidedAt } },
		orderBy: { number: 'desc' },
		select: { number: true, snapshot: true },
	})
	if (!reviewed) return null
	const before = UseCaseDocumentSchema.parse(reviewed.snapshot)
	return {
		lane: lastDecision.lane,
		round: lastDecision.round,
		decidedAt: lastDecision.decidedAt,
		versionNumber: reviewed.number,
		changes: changedFields(before, current).map((path) => ({
			path,
			label: fieldLabel(path),
			before: fieldAnswerText(path, valueAt(before, path)),
			after: fieldAnswerText(path, valueAt(current, path)),
		})),
	}
}

/** What the reviewers asked the submitter to change in the case's current round, lane by lane. */
export async function requestedChangesOf(useCaseId: string, round: number) {
	return prisma.laneReview.findMany({
		where: { useCaseId, round, status: 'CHANGES_REQUESTED' },
		orderBy: { decidedAt: 'asc' },
		select: { lane: true, note: true, decidedBy: { select: { name: true } } },
	})
}
