import { type Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type AuditQuery } from './schemas.ts'

export const AUDIT_PAGE_SIZE = 50

/** Who reads the trail: drafts are private to the people on them, in the audit log as everywhere else. */
export type AuditReader = { id: string }

/**
 * The events about drafts this reader may not see: of drafts they are not listed on, and of drafts
 * deleted since (only their own events remain visible). The rule the rest of the app applies to
 * drafts (listUseCases, the inventory) applied to the trail, its page and its CSV alike.
 */
async function hiddenDraftEvents(reader: AuditReader): Promise<Array<Prisma.AuditEventWhereInput>> {
	const [othersDrafts, deleted] = await Promise.all([
		prisma.useCase.findMany({
			where: {
				status: 'DRAFT',
				NOT: {
					OR: [
						{ createdById: reader.id },
						{ ownerId: reader.id },
						{ contacts: { some: { userId: reader.id } } },
					],
				},
			},
			select: { id: true },
		}),
		prisma.auditEvent.findMany({
			where: { entityType: 'UseCase', action: 'use_case.deleted' },
			select: { entityId: true },
		}),
	])
	return [
		{ entityType: 'UseCase', entityId: { in: othersDrafts.map((draft) => draft.id) } },
		{
			entityType: 'UseCase',
			entityId: { in: deleted.map((event) => event.entityId) },
			OR: [{ actorId: null }, { actorId: { not: reader.id } }],
		},
	]
}

async function whereFor(
	query: AuditQuery,
	reader: AuditReader,
): Promise<Prisma.AuditEventWhereInput> {
	const useCase = query.useCase
		? await prisma.useCase.findUnique({
				where: { trackingId: query.useCase },
				select: { id: true },
			})
		: null
	const createdAt: Prisma.DateTimeFilter = {}
	if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00.000Z`)
	if (query.to)
		createdAt.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000)
	return {
		NOT: await hiddenDraftEvents(reader),
		...(query.actor
			? {
					actor: {
						OR: [
							{ email: { contains: query.actor, mode: 'insensitive' } },
							{ name: { contains: query.actor, mode: 'insensitive' } },
						],
					},
				}
			: {}),
		...(query.action ? { action: { startsWith: query.action } } : {}),
		...(query.entityType ? { entityType: query.entityType } : {}),
		...(query.entityId ? { entityId: query.entityId } : {}),
		// An unknown tracking id matches nothing rather than everything.
		...(query.useCase ? { AND: [{ entityType: 'UseCase' }, { entityId: useCase?.id ?? '' }] } : {}),
		...(query.from || query.to ? { createdAt } : {}),
	}
}

const eventSelect = {
	id: true,
	createdAt: true,
	action: true,
	entityType: true,
	entityId: true,
	before: true,
	after: true,
	requestId: true,
	ipAddress: true,
	actor: { select: { name: true, email: true } },
} as const satisfies Prisma.AuditEventSelect

export async function findAuditEvents(query: AuditQuery, reader: AuditReader) {
	const where = await whereFor(query, reader)
	const visible = { NOT: where.NOT }
	const [total, events, actions] = await Promise.all([
		prisma.auditEvent.count({ where }),
		prisma.auditEvent.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip: (query.page - 1) * AUDIT_PAGE_SIZE,
			take: AUDIT_PAGE_SIZE,
			select: eventSelect,
		}),
		prisma.auditEvent.groupBy({
			by: ['action'],
			where: visible,
			orderBy: { action: 'asc' },
			_count: { _all: true },
		}),
	])
	return {
		total,
		events,
		actions: actions.map((a) => ({ action: a.action, count: a._count._all })),
	}
}

/** Every matching event, oldest first, read in batches so an export never holds the whole log in memory. */
export async function* streamAuditEvents(query: AuditQuery, reader: AuditReader, batchSize = 1000) {
	const where = await whereFor(query, reader)
	let cursor: string | undefined
	for (;;) {
		const batch = await prisma.auditEvent.findMany({
			where,
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
			take: batchSize,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: eventSelect,
		})
		yield* batch
		if (batch.length < batchSize) return
		cursor = batch.at(-1)?.id
	}
}
