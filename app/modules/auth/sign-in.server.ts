import { redirect } from 'react-router'
import { safeRedirect } from '#app/utils/redirect.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { createUserSession, type SignInDetails } from './sessions.server.ts'

/**
 * The response of every sign-in path (password, single sign-on, invitation, reset): a new session
 * through the one session-creation function, then the page the person was going to.
 */
export async function redirectSignedIn(
	userId: string,
	request: RequestInfo,
	to: string | null | undefined,
	details: SignInDetails,
	extraCookies: Array<string> = [],
) {
	const { setCookie } = await createUserSession(userId, request, details)
	const headers = new Headers()
	headers.append('Set-Cookie', setCookie)
	for (const cookie of extraCookies) headers.append('Set-Cookie', cookie)
	return redirect(safeRedirect(to), { headers })
}
