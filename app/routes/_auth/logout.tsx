import { redirect } from 'react-router'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { readSessionId, revokeSession } from '#app/utils/session.server.ts'
import type { Route } from './+types/logout.ts'

export async function loader() {
	// Signing out changes state, so it only happens through the form's POST.
	return redirect('/')
}

export async function action({ request, context }: Route.ActionArgs) {
	const sessionId = await readSessionId(request)
	if (!sessionId) return redirect('/login')
	const { setCookie } = await revokeSession(sessionId, context.get(requestInfoContext))
	return redirect('/login', { headers: { 'Set-Cookie': setCookie } })
}
