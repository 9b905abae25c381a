import { streamAuditEvents } from '#app/modules/audit/audit-query.server.ts'
import { AuditQuerySchema } from '#app/modules/audit/schemas.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/events[.]csv.ts'

const auditColumns = [
	'time',
	'actor',
	'action',
	'entity_type',
	'entity_id',
	'before',
	'after',
	'request_id',
	'ip_address',
]

export async function loader({ request }: Route.LoaderArgs) {
	const reader = await requireUserWithPermission(request, 'read:audit:any')
	const query = parseOrBadRequest(AuditQuerySchema, searchParamsOf(request))
	const stamp = new Date().toISOString().slice(0, 10)
	return csvResponse(
		(async function* () {
			for await (const event of streamAuditEvents(query, reader)) {
				yield {
					time: event.createdAt.toISOString(),
					actor: event.actor ? `${event.actor.name} <${event.actor.email}>` : 'system',
					action: event.action,
					entity_type: event.entityType,
					entity_id: event.entityId,
					before: event.before === null ? '' : JSON.stringify(event.before),
					after: event.after === null ? '' : JSON.stringify(event.after),
					request_id: event.requestId ?? '',
					ip_address: event.ipAddress ?? '',
				}
			}
		})(),
		auditColumns,
		`audit-log-${stamp}.csv`,
	)
}
