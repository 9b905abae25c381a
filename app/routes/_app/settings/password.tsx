import { redirect, useActionData } from 'react-router'
import { z } from 'zod'
import { ChangePasswordForm } from '#app/components/password-fields.tsx'
import { passwordSignInAllowedFor } from '#app/modules/auth/auth-settings.server.ts'
import { changeOwnPassword } from '#app/modules/auth/passwords.server.ts'
import { ChangePasswordSchema } from '#app/modules/auth/schemas.ts'
import { passwordFormAction } from '#app/modules/auth/password-form.server.ts'
import { getSessionUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/password.ts'
import { SettingsNav } from './+settings-nav.tsx'

export const meta: Route.MetaFunction = () => [
	{ title: 'Password · Settings · AI Governance Tracker' },
]

const QuerySchema = z.object({ changed: z.literal('1').optional() })

async function requireSignedIn(request: Request) {
	const user = await requireUserWithPermission(request, 'update:profile:own')
	const session = await getSessionUser(request)
	if (!session) throw redirect('/login')
	return { user, sessionId: session.sessionId }
}

export async function loader({ request }: Route.LoaderArgs) {
	const { user } = await requireSignedIn(request)
	const { changed } = parseOrBadRequest(QuerySchema, searchParamsOf(request))
	const password = await prisma.password.findUnique({
		where: { userId: user.id },
		select: { updatedAt: true },
	})
	return {
		hasPassword: Boolean(password) && passwordSignInAllowedFor(user.email),
		passwordUpdatedAt: password?.updatedAt ?? null,
		changed: changed === '1',
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const { user, sessionId } = await requireSignedIn(request)
	return passwordFormAction(request, ChangePasswordSchema, async (passwords) => {
		await changeOwnPassword({ id: user.id, sessionId }, passwords, context.get(requestInfoContext))
		return redirect('/settings/password?changed=1')
	})
}

export default function PasswordSettings({ loaderData }: Route.ComponentProps) {
	const { hasPassword, changed } = loaderData
	const actionData = useActionData<typeof action>()
	return (
		<div className="max-w-2xl space-y-6">
			<h1 className="text-3xl font-bold">Settings</h1>
			<SettingsNav />
			<h2 className="text-xl font-bold">Password</h2>
			{changed ? (
				<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
					Your password is changed. Your other sessions have been signed out.
				</p>
			) : null}
			{hasPassword ? (
				<ChangePasswordForm
					id="password"
					lastResult={actionData?.result}
					currentLabel="Current password"
					submitLabel="Change password"
					className="space-y-5"
				/>
			) : (
				<p>
					You sign in with your CMS account, so there is no password to manage here. Change it with
					the CMS identity service.
				</p>
			)}
		</div>
	)
}
