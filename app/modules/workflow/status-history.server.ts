import { type Prisma } from '#app/generated/prisma/client.ts'
import { type UseCaseStatus } from '#app/generated/prisma/enums.ts'
import { type AuditAction } from '#app/modules/audit/audit-actions.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

type StatusChange = {
	useCaseId: string
	from: UseCaseStatus
	to: UseCaseStatus
	actorId: string | null
	at?: Date
}

/** Every status change is kept with its time, for time-in-state and throughput figures. */
export async function recordStatusChange(tx: Tx, change: StatusChange) {
	await tx.useCaseStatusChange.create({
		data: {
			useCaseId: change.useCaseId,
			fromStatus: change.from,
			toStatus: change.to,
			actorId: change.actorId,
			changedAt: change.at ?? new Date(),
		},
	})
}

/**
 * A person's move of a case to another status: the status history row and the audit event naming
 * why, written together. The event's before/after carry the statuses plus what the move adds.
 */
export async function recordStatusMove(
	tx: Tx,
	move: StatusChange & {
		action: AuditAction
		before?: Record<string, Prisma.InputJsonValue | null>
		after?: Record<string, Prisma.InputJsonValue | null>
		request?: RequestInfo
	},
) {
	await recordStatusChange(tx, move)
	await recordEvent(tx, {
		actorId: move.actorId,
		action: move.action,
		entityType: 'UseCase',
		entityId: move.useCaseId,
		before: { status: move.from, ...move.before },
		after: { status: move.to, ...move.after },
		request: move.request,
	})
}
