import { type Prisma } from '#app/generated/prisma/client.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { type AuditAction } from './audit-actions.ts'

export type AuditEventInput = {
	actorId: string | null
	action: AuditAction
	entityType: string
	entityId: string
	before?: Prisma.InputJsonValue | null
	after?: Prisma.InputJsonValue | null
	request?: RequestInfo
}

/**
 * Every state change calls this inside the same transaction as the change itself, so the trail
 * and the data can never disagree.
 */
export async function recordEvent(tx: Tx, event: AuditEventInput) {
	await tx.auditEvent.create({
		data: {
			actorId: event.actorId,
			action: event.action,
			entityType: event.entityType,
			entityId: event.entityId,
			before: event.before ?? undefined,
			after: event.after ?? undefined,
			requestId: event.request?.requestId,
			ipAddress: event.request?.ipAddress,
			apiTokenId: event.request?.apiTokenId,
		},
	})
}
