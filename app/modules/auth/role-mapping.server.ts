// The administrator-edited mapping from identity-provider groups to roles. A change applies to each
// person at their next sign-in, when their provider roles are recomputed.
import { Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type ReviewLaneName, type RoleName } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

/** A directory has a few dozen relevant groups at most; the page lists them all. */
export const MAX_GROUP_MAPPINGS = 500

export function listGroupMappings() {
	return prisma.oidcGroupMapping.findMany({
		orderBy: [{ group: 'asc' }, { role: 'asc' }],
		take: MAX_GROUP_MAPPINGS,
		select: { id: true, group: true, role: true, lanes: true, createdAt: true },
	})
}

export async function addGroupMapping(
	actorId: string,
	input: { group: string; role: RoleName; lanes: Array<ReviewLaneName> },
	request: RequestInfo,
) {
	const group = input.group.trim()
	const lanes = input.role === 'REVIEWER' ? [...new Set(input.lanes)] : []
	if (input.role === 'REVIEWER' && lanes.length === 0)
		throw new AppError('INVALID', 'Choose at least one review lane for the reviewer role.')
	const actor = await prisma.user.findUnique({
		where: { id: actorId },
		select: { oidcGroups: true },
	})
	if (actor?.oidcGroups.includes(group)) {
		throw new AppError(
			'FORBIDDEN',
			`You are in ${group} yourself, so mapping it would change your own roles. Ask another administrator.`,
		)
	}
	try {
		await prisma.$transaction(async (tx) => {
			if ((await tx.oidcGroupMapping.count()) >= MAX_GROUP_MAPPINGS)
				throw new AppError('INVALID', `At most ${MAX_GROUP_MAPPINGS} mappings.`)
			const created = await tx.oidcGroupMapping.create({
				data: { group, role: input.role, lanes },
				select: { id: true },
			})
			await recordEvent(tx, {
				actorId,
				action: 'sso.group_mapping_added',
				entityType: 'OidcGroupMapping',
				entityId: created.id,
				after: { group, role: input.role, lanes },
				request,
			})
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new AppError(
				'CONFLICT',
				`The group ${group} already grants that role. Remove it first to change its lanes.`,
			)
		}
		throw error
	}
}

export async function removeGroupMapping(actorId: string, mappingId: string, request: RequestInfo) {
	await prisma.$transaction(async (tx) => {
		const mapping = await tx.oidcGroupMapping.findUnique({
			where: { id: mappingId },
			select: { id: true, group: true, role: true, lanes: true },
		})
		if (!mapping) throw new AppError('NOT_FOUND', 'That mapping was already removed.')
		await tx.oidcGroupMapping.delete({ where: { id: mappingId } })
		await recordEvent(tx, {
			actorId,
			action: 'sso.group_mapping_removed',
			entityType: 'OidcGroupMapping',
			entityId: mappingId,
			before: { group: mapping.group, role: mapping.role, lanes: mapping.lanes },
			request,
		})
	})
}
