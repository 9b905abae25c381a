// OpenID Connect Back-Channel Logout 1.0: the identity provider tells the tracker, server to server,
// that a person signed out there; the tracker ends the matching sessions at once, on every instance.
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { forgetSessions } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type OidcSettings } from '#app/utils/env.server.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { type LogoutToken, SingleSignOnError, verifyLogoutToken } from './oidc.server.ts'

export const BACKCHANNEL_LOGOUT_PATH = '/auth/oidc/backchannel-logout'

type Answer = { status: number; body: Record<string, string> }

/** The endpoint's whole behaviour: 200 once sessions are ended, 400 with an OAuth error otherwise. */
export async function handleBackchannelLogout(
	settings: OidcSettings | null,
	logoutToken: unknown,
	request: RequestInfo,
): Promise<Answer> {
	if (!settings)
		return {
			status: 404,
			body: { error: 'not_found', error_description: 'Single sign-on is not configured.' },
		}
	if (typeof logoutToken !== 'string' || logoutToken.length === 0 || logoutToken.length > 16_000) {
		return {
			status: 400,
			body: { error: 'invalid_request', error_description: 'logout_token is required.' },
		}
	}
	let logout: LogoutToken
	try {
		logout = await verifyLogoutToken(settings, logoutToken)
	} catch (error) {
		if (!(error instanceof SingleSignOnError)) throw error
		await recordEvent(prisma, {
			actorId: null,
			action: 'auth.backchannel_logout_refused',
			entityType: 'SingleSignOn',
			entityId: request.requestId,
			after: { reason: error.reason.slice(0, 500) },
			request,
		})
		return { status: 400, body: { error: 'invalid_request', error_description: error.message } }
	}
	await endSessionsForProviderLogout(logout, request)
	return { status: 200, body: {} }
}

/** Ends the single sign-on sessions the token names: the provider session (`sid`), or all of the subject's. */
export async function endSessionsForProviderLogout(logout: LogoutToken, request: RequestInfo) {
	const where = {
		method: 'OIDC' as const,
		revokedAt: null,
		...(logout.oidcSessionId ? { oidcSessionId: logout.oidcSessionId } : {}),
		...(logout.subject ? { user: { oidcSubject: logout.subject } } : {}),
	}
	const userIds = await prisma.$transaction(async (tx) => {
		const sessions = await tx.session.findMany({ where, select: { id: true, userId: true } })
		if (sessions.length === 0) return []
		await tx.session.updateMany({
			where: { id: { in: sessions.map((session) => session.id) }, revokedAt: null },
			data: { revokedAt: new Date(), idToken: null },
		})
		const counts = new Map<string, number>()
		for (const session of sessions)
			counts.set(session.userId, (counts.get(session.userId) ?? 0) + 1)
		for (const [userId, sessionsEnded] of counts) {
			await recordEvent(tx, {
				actorId: userId,
				action: 'auth.backchannel_logout',
				entityType: 'User',
				entityId: userId,
				after: { sessionsEnded, subject: logout.subject, providerSession: logout.oidcSessionId },
				request,
			})
		}
		return [...counts.keys()]
	})
	for (const userId of userIds) forgetSessions({ userId })
	return userIds.length
}
