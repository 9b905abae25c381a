import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, redirect, useActionData } from 'react-router'
import { AuthCard } from '#app/components/auth-card.tsx'
import { Button, CsrfInput, FormErrors, TextField } from '#app/components/forms.tsx'
import { NewPasswordFields } from '#app/components/password-fields.tsx'
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
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ChangePasswordSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
	})
	const formErrorId = 'change-password-errors'
	return (
		<AuthCard title="Choose a new password">
			<p className="mt-2">
				{loaderData.name}, an administrator gave you a temporary password. Choose your own password
				to continue.
			</p>
			<Form
				method="post"
				{...getFormProps(form)}
				aria-describedby={form.errors?.length ? formErrorId : undefined}
				className="mt-6 space-y-5"
			>
				<CsrfInput />
				<FormErrors id={formErrorId} errors={form.errors} />
				<TextField
					label="Temporary password"
					field={fields.currentPassword}
					type="password"
					autoComplete="current-password"
				/>
				<NewPasswordFields fields={fields} />
				<Button>Save my new password</Button>
			</Form>
			<Form method="post" action="/logout" className="mt-4">
				<CsrfInput />
				<Button variant="secondary">Sign out</Button>
			</Form>
		</AuthCard>
	)
}
