import { useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect, useActionData } from 'react-router'
import {
	Button,
	CheckboxGroupField,
	SelectField,
	TextField,
	ValidatedForm,
} from '#app/components/forms.tsx'
import { authSettings, emailConfigured } from '#app/modules/auth/auth-settings.server.ts'
import { inviteUser } from '#app/modules/users/invitations.server.ts'
import { InviteUserSchema } from '#app/modules/users/schemas.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneOptions, roleOptions } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'
import type { Route } from './+types/new.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Invite a person · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:user:any')
	const orgUnits = await prisma.orgUnit.findMany({
		orderBy: { code: 'asc' },
		select: { id: true, code: true, name: true },
	})
	return { orgUnits, mode: authSettings().mode, emailConfigured: emailConfigured() }
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:user:any')
	const submission = parseWithZod(await request.formData(), { schema: InviteUserSchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), linkToPassOn: null }, { status: 400 })
	let invited: Awaited<ReturnType<typeof inviteUser>>
	try {
		invited = await inviteUser(actor.id, submission.value, context.get(requestInfoContext))
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }), linkToPassOn: null },
				{ status: error.status },
			)
		}
		throwAsResponse(error)
	}
	// Without e-mail, the administrator passes the link on: shown once, here, never stored in clear.
	if (invited.linkToPassOn)
		return data({
			result: submission.reply({ resetForm: true }),
			linkToPassOn: new URL(invited.linkToPassOn, request.url).href,
			invitedId: invited.userId,
		})
	return redirect(`/admin/users/${invited.userId}?invited=1`)
}

export default function InvitePerson({ loaderData }: Route.ComponentProps) {
	const { orgUnits, mode, emailConfigured } = loaderData
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'invite',
		lastResult: actionData?.result,
		constraint: getZodConstraint(InviteUserSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteUserSchema }),
	})
	const howTheySignIn =
		mode === 'oidc'
			? 'They sign in with their CMS account; the tracker recognises them by this e-mail address the first time.'
			: mode === 'both'
				? 'The e-mail has a link to choose a password (it works once, for 7 days); they can also sign in with their CMS account, matched by this e-mail address the first time.'
				: 'The e-mail has a link to choose a password; it works once, for 7 days.'
	return (
		<div className="max-w-2xl space-y-6">
			<p>
				<Link to="/admin/users">All users</Link>
			</p>
			<h1 className="text-3xl font-bold">Invite a person</h1>
			<p>
				Set up their account with the roles they need, and the tracker e-mails them an invitation.{' '}
				{howTheySignIn}
			</p>
			{actionData?.linkToPassOn ? (
				<div role="status" className="border-l-4 border-success bg-success-lighter p-3">
					<p className="font-bold">
						The account is ready, but e-mail is not set up here, so nothing was sent.
					</p>
					<p className="mt-2">Give the person this link yourself; it is shown only now:</p>
					<p className="mt-2 break-all font-mono">{actionData.linkToPassOn}</p>
					<p className="mt-2">
						<Link to={`/admin/users/${actionData.invitedId}`}>Open their account</Link>
					</p>
				</div>
			) : null}
			{!emailConfigured && !actionData?.linkToPassOn ? (
				<p className="border-l-4 border-warning-dark bg-warning-lighter p-3">
					E-mail is not set up here (SMTP_URL): after you invite someone, you will see the link to
					give them yourself.
				</p>
			) : null}
			<ValidatedForm form={form} className="space-y-6">
				<TextField label="Full name" field={fields.name} autoComplete="off" />
				<TextField
					label="E-mail address"
					hint="Their CMS e-mail address, as the CMS identity service knows it."
					field={fields.email}
					type="email"
					autoComplete="off"
				/>
				<SelectField
					label="Org unit"
					field={fields.orgUnitId}
					options={orgUnits.map((unit) => ({
						value: unit.id,
						label: orgUnitLabel(unit),
					}))}
				/>
				<CheckboxGroupField legend="Roles" field={fields.roles} options={roleOptions} />
				<CheckboxGroupField
					legend="Review lanes (for the reviewer role)"
					field={fields.lanes}
					options={reviewLaneOptions}
				/>
				<Button>Send invitation</Button>
			</ValidatedForm>
		</div>
	)
}
