import { useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useActionData } from 'react-router'
import { z } from 'zod'
import { Button, ChoiceGroup, CsrfInput, ErrorList, ValidatedForm } from '#app/components/forms.tsx'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import {
	authSettings,
	emailConfigured,
	passwordSignInAllowedFor,
} from '#app/modules/auth/auth-settings.server.ts'
import { sendPasswordResetLink, setTemporaryPassword } from '#app/modules/auth/passwords.server.ts'
import { resendInvitation } from '#app/modules/users/invitations.server.ts'
import { UserAdminActionSchema } from '#app/modules/users/schemas.ts'
import {
	getUserForAdmin,
	revokeAllSessions,
	updateUserAccess,
} from '#app/modules/users/users.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams, isoTimestamp } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import {
	reviewLaneLabels,
	reviewLaneOptions,
	roleLabels,
	roleOptions,
} from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'
import type { Route } from './+types/$userId.ts'

const Params = idParams('userId')

/** A temporary password or a link to pass on: shown once, in the action's response. */
type Secret = { kind: 'link' | 'password'; value: string } | null

export const meta: Route.MetaFunction = () => [{ title: 'User access · AI Governance Tracker' }]

const QuerySchema = z.object({
	saved: z.literal('1').optional(),
	invited: z.literal('1').optional(),
	done: z.enum(['invitation-sent', 'reset-link-sent', 'sessions-ended']).optional(),
})

export async function loader({ request, params }: Route.LoaderArgs) {
	const actor = await requireUserWithPermission(request, 'manage:user:any')
	const { userId } = parseOrBadRequest(Params, params)
	const query = parseOrBadRequest(QuerySchema, searchParamsOf(request))
	const { user, orgUnits } = await getUserForAdmin(userId).catch(throwAsResponse)
	return {
		user,
		orgUnits,
		notice: (query.invited ? 'invited' : query.saved ? 'saved' : (query.done ?? null)) as
			keyof typeof noticeText | null,
		emailConfigured: emailConfigured(),
		singleSignOn: authSettings().mode !== 'password',
		passwordsAllowed: passwordSignInAllowedFor(user.email),
		isSelf: actor.id === userId,
	}
}

const UpdatedAtSchema = isoTimestamp()

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:user:any')
	const { userId } = parseOrBadRequest(Params, params)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: UserAdminActionSchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), secret: null as Secret }, { status: 400 })
	const requestInfo = context.get(requestInfoContext)
	const value = submission.value
	try {
		switch (value.intent) {
			case 'revoke-sessions':
				await revokeAllSessions(actor.id, userId, requestInfo)
				return redirect(`/admin/users/${userId}?done=sessions-ended`)
			case 'resend-invitation': {
				const { linkToPassOn } = await resendInvitation(actor.id, userId, requestInfo)
				if (linkToPassOn)
					return data({
						result: submission.reply(),
						secret: { kind: 'link', value: new URL(linkToPassOn, request.url).href } as Secret,
					})
				return redirect(`/admin/users/${userId}?done=invitation-sent`)
			}
			case 'send-reset-link':
				await sendPasswordResetLink(actor.id, userId, requestInfo)
				return redirect(`/admin/users/${userId}?done=reset-link-sent`)
			case 'set-temporary-password':
				// Shown once, in this response: never stored in clear, never in an address.
				return data({
					result: submission.reply(),
					secret: {
						kind: 'password',
						value: await setTemporaryPassword(actor.id, userId, requestInfo),
					} as Secret,
				})
			case 'update-access': {
				const expected = UpdatedAtSchema.safeParse(formData.get('updatedAt'))
				if (!expected.success)
					throw new AppError('INVALID', 'The form is missing its version; reload the page.')
				await updateUserAccess(
					actor.id,
					userId,
					{ ...value, expectedUpdatedAt: new Date(expected.data) },
					requestInfo,
				)
				return redirect(`/admin/users/${userId}?saved=1`)
			}
		}
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }), secret: null as Secret },
				{ status: error.status },
			)
		}
		throwAsResponse(error)
	}
}

const noticeText = {
	invited: 'Invitation sent. The account is ready with the roles below.',
	saved: 'Access saved.',
	'invitation-sent': 'Invitation sent again with a new link; the earlier link no longer works.',
	'reset-link-sent': 'Reset link sent by e-mail. It works once, within 30 minutes.',
	'sessions-ended': 'All of this person’s sessions have ended, and their API tokens are revoked.',
} as const

export default function EditUserAccess({ loaderData }: Route.ComponentProps) {
	const { user, orgUnits, notice, emailConfigured, singleSignOn, passwordsAllowed, isSelf } =
		loaderData
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'user-access',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: UserAdminActionSchema }),
	})
	const grantedRoles = new Set(user.roles.map((r) => r.role))
	const lanes = new Set(user.roles.find((r) => r.role === 'REVIEWER')?.lanes ?? [])

	return (
		<div className="max-w-2xl space-y-6">
			<p>
				<Link to="/admin/users">All users</Link>
			</p>
			<h1 className="text-3xl font-bold">{user.name}</h1>
			<p>{user.email}</p>
			{notice ? <SuccessAlert>{noticeText[notice]}</SuccessAlert> : null}
			{actionData?.secret ? (
				<div role="status" className="border-l-4 border-success bg-success-lighter p-3">
					{actionData.secret.kind === 'password' ? (
						<p>
							Temporary password (shown only now; they must choose their own when they next sign
							in): <strong className="font-mono">{actionData.secret.value}</strong>
						</p>
					) : (
						<p>
							E-mail is not set up here, so give them this invitation link yourself (shown only
							now): <strong className="font-mono break-all">{actionData.secret.value}</strong>
						</p>
					)}
				</div>
			) : null}
			<section aria-labelledby="sign-in-heading" className="space-y-2">
				<h2 id="sign-in-heading" className="text-xl font-bold">
					Sign-in
				</h2>
				<ul className="list-disc space-y-1 pl-6">
					{user.invitedAt ? (
						<li>
							{user.invitationAcceptedAt
								? `Invited ${formatDateTime(user.invitedAt)}; accepted ${formatDateTime(user.invitationAcceptedAt)}.`
								: `Invited ${formatDateTime(user.invitedAt)}; not yet accepted.`}
						</li>
					) : null}
					{singleSignOn ? (
						<li>
							{user.oidcSubject
								? 'Linked to a CMS account (single sign-on).'
								: 'Not yet signed in with a CMS account.'}
						</li>
					) : null}
					<li>
						{user.hasPassword
							? user.mustChangePassword
								? 'Has a temporary password, to be changed at next sign-in.'
								: 'Has a password.'
							: 'Has no password.'}
					</li>
					<li>Open sessions: {user._count.sessions}</li>
				</ul>
				<div className="flex flex-wrap gap-3 pt-2">
					{user.invitedAt && !user.invitationAcceptedAt ? (
						<Form method="post">
							<CsrfInput />
							<input type="hidden" name="intent" value="resend-invitation" />
							<Button variant="secondary">Send the invitation again</Button>
						</Form>
					) : null}
					{passwordsAllowed && emailConfigured ? (
						<Form method="post">
							<CsrfInput />
							<input type="hidden" name="intent" value="send-reset-link" />
							<Button variant="secondary">E-mail a password reset link</Button>
						</Form>
					) : null}
					{passwordsAllowed ? (
						<Form method="post">
							<CsrfInput />
							<input type="hidden" name="intent" value="set-temporary-password" />
							<Button variant="secondary">Set a temporary password</Button>
						</Form>
					) : null}
					<Form method="post">
						<CsrfInput />
						<input type="hidden" name="intent" value="revoke-sessions" />
						<Button variant="secondary">Sign this user out everywhere</Button>
					</Form>
				</div>
			</section>
			<h2 className="text-xl font-bold">Access</h2>
			{isSelf ? (
				<p className="border-l-4 border-warning-dark bg-warning-lighter p-3">
					This is your own account: you can change your org unit and e-mail notifications, but not
					your roles, lanes or activity. Another administrator must.
				</p>
			) : null}
			<ValidatedForm
				form={form}
				className="space-y-6"
				hidden={{ intent: 'update-access', updatedAt: new Date(user.updatedAt).toISOString() }}
			>
				<div className="flex items-center gap-2">
					<input
						id="active"
						type="checkbox"
						name="active"
						value="on"
						defaultChecked={user.active}
						className="size-5"
					/>
					<label htmlFor="active" className="font-semibold">
						Account active (a deactivated account cannot sign in and its sessions end)
					</label>
				</div>
				<div>
					<label htmlFor="orgUnitId" className="block font-semibold">
						Org unit
					</label>
					<select
						id="orgUnitId"
						name="orgUnitId"
						defaultValue={user.orgUnitId ?? ''}
						className="mt-1 block w-full border border-base-dark px-3 py-2"
					>
						<option value="">Choose…</option>
						{orgUnits.map((unit) => (
							<option key={unit.id} value={unit.id}>
								{orgUnitLabel(unit)}
							</option>
						))}
					</select>
					<ErrorList errors={fields.orgUnitId?.errors} />
				</div>
				{user.providerRoles.length ? (
					<div>
						<h3 className="font-semibold">Roles from the CMS identity provider</h3>
						<p className="text-sm text-base-dark">
							From their directory groups; refreshed each time they sign in. Change them in the
							directory, or in the group mapping.
						</p>
						<ul className="mt-1 list-disc pl-6">
							{user.providerRoles.map((grant) => (
								<li key={grant.role}>
									{roleLabels[grant.role]}
									{grant.lanes.length
										? ` (${grant.lanes.map((lane) => reviewLaneLabels[lane]).join(', ')})`
										: ''}
								</li>
							))}
						</ul>
					</div>
				) : null}
				<ChoiceGroup
					type="checkbox"
					id="role"
					name="roles"
					legend="Roles granted here"
					options={roleOptions}
					selected={grantedRoles}
					errors={fields.roles?.errors}
				/>
				<ChoiceGroup
					type="checkbox"
					id="lane"
					name="lanes"
					legend="Review lanes (for the reviewer role)"
					options={reviewLaneOptions}
					selected={lanes}
				/>
				<div className="flex items-center gap-2">
					<input
						id="emailNotifications"
						type="checkbox"
						name="emailNotifications"
						value="on"
						defaultChecked={user.emailNotifications}
						className="size-5"
					/>
					<label htmlFor="emailNotifications">Send e-mail notifications</label>
				</div>
				<Button>Save access</Button>
			</ValidatedForm>
		</div>
	)
}
