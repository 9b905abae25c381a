import { useActionData } from 'react-router'
import { z } from 'zod'
import { AuthCard } from '#app/components/auth-card.tsx'
import { ChoosePasswordForm } from '#app/components/choose-password-form.tsx'
import { findPasswordReset, resetPasswordWithToken } from '#app/modules/auth/passwords.server.ts'
import { ChoosePasswordSchema } from '#app/modules/auth/schemas.ts'
import { passwordFormAction } from '#app/modules/auth/password-form.server.ts'
import { redirectSignedIn } from '#app/modules/auth/sign-in.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/reset-password.$token.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Choose a new password · AI Governance Tracker' },
]

const Params = z.object({ token: z.string().min(1).max(200) })

export async function loader({ params }: Route.LoaderArgs) {
	const { token } = parseOrBadRequest(Params, params)
	// Opening the link uses nothing up: only saving a new password does.
	return findPasswordReset(token).catch(throwAsResponse)
}

export async function action({ params, request, context }: Route.ActionArgs) {
	const { token } = parseOrBadRequest(Params, params)
	const requestInfo = context.get(requestInfoContext)
	return passwordFormAction(request, ChoosePasswordSchema, async ({ newPassword }) => {
		const { userId } = await resetPasswordWithToken(token, newPassword, requestInfo)
		// Every earlier session of the account has ended; this one is new.
		return redirectSignedIn(userId, requestInfo, '/settings/password?changed=1', {
			method: 'PASSWORD',
			via: 'password-reset',
		})
	})
}

export default function ResetPassword({ loaderData }: Route.ComponentProps) {
	const actionData = useActionData<typeof action>()
	return (
		<AuthCard title="Choose a new password">
			<p className="mt-2">
				For {loaderData.name} ({loaderData.email}). Saving it signs you out everywhere else.
			</p>
			<ChoosePasswordForm
				id="reset-password"
				email={loaderData.email}
				lastResult={actionData?.result}
				submitLabel="Save new password"
			/>
		</AuthCard>
	)
}
