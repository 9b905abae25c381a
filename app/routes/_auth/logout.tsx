import { redirect } from 'react-router'
import { authSettings } from '#app/modules/auth/auth-settings.server.ts'
import { endSessionUrl } from '#app/modules/auth/oidc.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { revokeSession } from '#app/modules/auth/sessions.server.ts'
import { readSessionId } from '#app/utils/session.server.ts'
import type { Route } from './+types/logout.ts'

export async function loader() {
	// Signing out changes state, so it only happens through the form's POST.
	return redirect('/')
}

export async function action({ request, context }: Route.ActionArgs) {
	const sessionId = await readSessionId(request)
	if (!sessionId) return redirect('/login')
	const { setCookie, idToken } = await revokeSession(sessionId, context.get(requestInfoContext))
	// Signed in through the identity provider: end that session too (RP-initiated logout), which
	// sends the browser back to the sign-in page.
	const { oidc } = authSettings()
	const providerLogout = oidc ? await endSessionUrl(oidc, idToken) : null
	return redirect(providerLogout ?? '/login?signedOut=1', { headers: { 'Set-Cookie': setCookie } })
}
