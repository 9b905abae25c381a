import { data } from 'react-router'
import { type SessionUser, requireUser } from './auth.server.ts'
import { type KnownPermission, rolesGrant } from './permissions.ts'

/**
 * Every loader and action that needs a user calls this: it signs the caller in (redirect) and
 * refuses with 403 when none of their roles grants the permission.
 */
export async function requireUserWithPermission(
	request: Request,
	permission: KnownPermission,
): Promise<SessionUser> {
	const user = await requireUser(request)
	if (
		!rolesGrant(
			user.roles.map((r) => r.role),
			permission,
		)
	) {
		throw data(
			{
				error: 'Forbidden',
				requiredPermission: permission,
				message: `Your roles do not allow this (${permission}).`,
			},
			{ status: 403 },
		)
	}
	return user
}
