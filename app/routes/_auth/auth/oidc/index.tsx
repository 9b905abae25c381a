import { data, redirect } from 'react-router'
import { z } from 'zod'
import { authSettings } from '#app/modules/auth/auth-settings.server.ts'
import { SingleSignOnError, startSingleSignOn } from '#app/modules/auth/oidc.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import type { Route } from './+types/index.ts'

const StartSchema = z.object({ redirectTo: z.string().max(2000).optional() })

export async function loader() {
	// Leaving for the identity provider starts from the sign-in page's button (a POST).
	return redirect('/login')
}

/** "Sign in with CMS account": off to the identity provider with a fresh state, nonce and PKCE challenge. */
export async function action({ request }: Route.ActionArgs) {
	await requireAnonymous(request)
	const { oidc, mode } = authSettings()
	if (!oidc || mode === 'password')
		throw data({ message: 'Single sign-on is not set up here.' }, { status: 404 })
	const form = StartSchema.safeParse(Object.fromEntries(await request.formData()))
	try {
		const { authorizationUrl, setCookie } = await startSingleSignOn(
			oidc,
			form.success ? form.data.redirectTo : undefined,
		)
		return redirect(authorizationUrl, { headers: { 'Set-Cookie': setCookie } })
	} catch (error) {
		if (error instanceof SingleSignOnError) throw data({ message: error.message }, { status: 503 })
		throw error
	}
}
