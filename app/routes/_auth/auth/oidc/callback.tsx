import { data, Link } from 'react-router'
import { authSettings } from '#app/modules/auth/auth-settings.server.ts'
import {
	clearSingleSignOnCookie,
	completeSingleSignOn,
	SingleSignOnError,
} from '#app/modules/auth/oidc.server.ts'
import { redirectSignedIn } from '#app/modules/auth/sign-in.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/callback.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Sign-in did not complete · AI Governance Tracker' },
]

/** The identity provider sends the browser back here with a code (or an error). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const { oidc, mode } = authSettings()
	if (!oidc || mode === 'password')
		throw data({ message: 'Single sign-on is not set up here.' }, { status: 404 })
	const requestInfo = context.get(requestInfoContext)
	const clearCookie = await clearSingleSignOnCookie()
	try {
		const signedIn = await completeSingleSignOn(oidc, request, requestInfo)
		return await redirectSignedIn(
			signedIn.userId,
			requestInfo,
			signedIn.redirectTo,
			{
				method: 'OIDC',
				via: 'single-sign-on',
				oidcSessionId: signedIn.oidcSessionId,
				idToken: signedIn.idToken,
			},
			[clearCookie],
		)
	} catch (error) {
		if (!(error instanceof SingleSignOnError)) throw error
		return data({ message: error.message }, { status: 401, headers: { 'Set-Cookie': clearCookie } })
	}
}

export default function SingleSignOnRefused({ loaderData }: Route.ComponentProps) {
	return (
		<main className="flex min-h-screen items-start justify-center bg-base-lightest px-4 py-16">
			<div className="w-full max-w-md border border-base-lighter bg-white p-8 shadow-sm">
				<h1 className="text-2xl font-bold">Sign-in did not complete</h1>
				<p role="alert" className="mt-4 border-l-4 border-error bg-error-lighter p-3">
					{loaderData.message}
				</p>
				<p className="mt-6">
					<Link to="/login">Back to the sign-in page</Link>
				</p>
			</div>
		</main>
	)
}
