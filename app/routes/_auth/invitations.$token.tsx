import { Link, useActionData } from 'react-router'
import { z } from 'zod'
import { AuthCard } from '#app/components/auth-card.tsx'
import { ChoosePasswordForm } from '#app/components/choose-password-form.tsx'
import { authSettings } from '#app/modules/auth/auth-settings.server.ts'
import { ChoosePasswordSchema } from '#app/modules/auth/schemas.ts'
import { passwordFormAction } from '#app/modules/auth/password-form.server.ts'
import { redirectSignedIn } from '#app/modules/auth/sign-in.server.ts'
import { acceptInvitation, findInvitation } from '#app/modules/users/invitations.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/invitations.$token.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Accept your invitation · AI Governance Tracker' },
]

const Params = z.object({ token: z.string().min(1).max(200) })

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireAnonymous(request)
	const { token } = parseOrBadRequest(Params, params)
	const { mode } = authSettings()
	// Opening the link (as a mail scanner does) uses nothing up: only choosing a password does.
	const invitation = await findInvitation(token).catch(throwAsResponse)
	return { ...invitation, singleSignOn: mode === 'both' }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	await requireAnonymous(request)
	const { token } = parseOrBadRequest(Params, params)
	const requestInfo = context.get(requestInfoContext)
	return passwordFormAction(request, ChoosePasswordSchema, async ({ newPassword }) => {
		const { userId } = await acceptInvitation(token, newPassword, requestInfo)
		return redirectSignedIn(userId, requestInfo, '/', { method: 'PASSWORD', via: 'invitation' })
	})
}

export default function AcceptInvitation({ loaderData }: Route.ComponentProps) {
	const actionData = useActionData<typeof action>()
	return (
		<AuthCard title="Welcome to the AI Governance Tracker">
			<p className="mt-2">
				{loaderData.name}, an administrator has set up your account ({loaderData.email}) with the
				roles you need. Choose a password to finish.
			</p>
			<ChoosePasswordForm
				id="accept-invitation"
				email={loaderData.email}
				lastResult={actionData?.result}
				submitLabel="Choose password and sign in"
			/>
			{loaderData.singleSignOn ? (
				<p className="mt-6 border-t border-base-lighter pt-4">
					You can also <Link to="/login">sign in with your CMS account</Link> instead, without a
					password.
				</p>
			) : null}
		</AuthCard>
	)
}
