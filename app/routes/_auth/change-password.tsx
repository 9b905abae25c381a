import { Form, redirect, useActionData } from 'react-router'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { ChangePasswordForm } from '#app/components/password-fields.tsx'
import { changeOwnPassword } from '#app/modules/auth/passwords.server.ts'
import { ChangePasswordSchema } from '#app/modules/auth/schemas.ts'
import { passwordFormAction } from '#app/modules/auth/password-form.server.ts'
import { getSessionUser } from '#app/utils/auth.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/change-password.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Choose a new password · AI Governance Tracker' },
]

/** After an administrator set a temporary password: nothing else opens until the person picks their own. */
async function requireTemporaryPasswordSession(request: Request) {
	const session = await getSessionUser(request)
	if (!session) throw redirect('/login')
	if (!session.mustChangePassword) throw redirect('/settings/password')
	return session
}

export async function loader({ request }: Route.LoaderArgs) {
	const session = await requireTemporaryPasswordSession(request)
	return { name: session.user.name }
}

export async function action({ request, context }: Route.ActionArgs) {
	const session = await requireTemporaryPasswordSession(request)
	return passwordFormAction(request, ChangePasswordSchema, async (passwords) => {
		await changeOwnPassword(
			{ id: session.user.id, sessionId: session.sessionId },
			passwords,
			context.get(requestInfoContext),
		)
		return redirect('/settings/password?changed=1')
	})
}

export default function ChangeTemporaryPassword({ loaderData }: Route.ComponentProps) {
	const actionData = useActionData<typeof action>()
	return (
		<AuthCard title="Choose a new password">
			<p className="mt-2">
				{loaderData.name}, an administrator gave you a temporary password. Choose your own password
				to continue.
			</p>
			<ChangePasswordForm
				id="change-password"
				lastResult={actionData?.result}
				currentLabel="Temporary password"
				submitLabel="Save my new password"
				className="mt-6 space-y-5"
			/>
			<Form method="post" action="/logout" className="mt-4">
				<CsrfInput />
				<Button variant="secondary">Sign out</Button>
			</Form>
		</AuthCard>
	)
}
