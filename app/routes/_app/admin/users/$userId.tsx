import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useActionData } from 'react-router'
import { Button, CsrfInput, ErrorList, FormErrors } from '#app/components/forms.tsx'
import { UserAdminActionSchema } from '#app/modules/users/schemas.ts'
import { getUserForAdmin, revokeAllSessions, updateUserAccess } from '#app/modules/users/users.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams, isoTimestamp } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels, reviewLanes, roleLabels, roleNames } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/$userId.ts'

const Params = idParams('userId')

export const meta: Route.MetaFunction = () => [{ title: 'User access · AI Governance Tracker' }]

export async function loader({ request, params }: Route.LoaderArgs) {
	const actor = await requireUserWithPermission(request, 'manage:user:any')
	const { userId } = parseOrBadRequest(Params, params)
	return { ...(await getUserForAdmin(userId).catch(throwAsResponse)), isSelf: actor.id === userId }
}

const UpdatedAtSchema = isoTimestamp()

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:user:any')
	const { userId } = parseOrBadRequest(Params, params)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: UserAdminActionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const requestInfo = context.get(requestInfoContext)
	try {
		if (submission.value.intent === 'revoke-sessions') {
			await revokeAllSessions(actor.id, userId, requestInfo)
		} else {
			const expected = UpdatedAtSchema.safeParse(formData.get('updatedAt'))
			if (!expected.success) throw new AppError('INVALID', 'The form is missing its version; reload the page.')
			await updateUserAccess(actor.id, userId, { ...submission.value, expectedUpdatedAt: new Date(expected.data) }, requestInfo)
		}
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data({ result: submission.reply({ formErrors: [error.message] }) }, { status: error.status })
		}
		throwAsResponse(error)
	}
	return redirect(`/admin/users/${userId}?saved=1`)
}

export default function EditUserAccess({ loaderData }: Route.ComponentProps) {
	const { user, orgUnits, isSelf } = loaderData
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({ id: 'user-access', lastResult: actionData?.result, onValidate: ({ formData }) => parseWithZod(formData, { schema: UserAdminActionSchema }) })
	const grantedRoles = new Set(user.roles.map((r) => r.role))
	const lanes = new Set(user.roles.find((r) => r.role === 'REVIEWER')?.lanes ?? [])
	const formErrorId = 'user-access-errors'

	return (
		<div className="max-w-2xl space-y-6">
			<p>
				<Link to="/admin/users">All users</Link>
			</p>
			<h1 className="text-3xl font-bold">{user.name}</h1>
			<p>{user.email}</p>
			{isSelf ? (
				<p className="border-l-4 border-warning-dark bg-warning-lighter p-3">
					This is your own account: you can change your org unit and e-mail notifications, but not your roles, lanes or activity. Another
					administrator must.
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? formErrorId : undefined} className="space-y-6">
				<CsrfInput />
				<input type="hidden" name="intent" value="update-access" />
				<input type="hidden" name="updatedAt" value={new Date(user.updatedAt).toISOString()} />
				<FormErrors id={formErrorId} errors={form.errors} />
				<div className="flex items-center gap-2">
					<input id="active" type="checkbox" name="active" value="on" defaultChecked={user.active} className="size-5" />
					<label htmlFor="active" className="font-semibold">
						Account active (a deactivated account cannot sign in and its sessions end)
					</label>
				</div>
				<div>
					<label htmlFor="orgUnitId" className="block font-semibold">
						Org unit
					</label>
					<select id="orgUnitId" name="orgUnitId" defaultValue={user.orgUnitId ?? ''} className="mt-1 block w-full border border-base-dark px-3 py-2">
						<option value="">Choose…</option>
						{orgUnits.map((unit) => (
							<option key={unit.id} value={unit.id}>
								{unit.code} — {unit.name}
							</option>
						))}
					</select>
					<ErrorList errors={fields.orgUnitId?.errors} />
				</div>
				<fieldset>
					<legend className="font-semibold">Roles</legend>
					{roleNames.map((role) => (
						<div key={role} className="mt-2 flex items-center gap-2">
							<input id={`role-${role}`} type="checkbox" name="roles" value={role} defaultChecked={grantedRoles.has(role)} className="size-5" />
							<label htmlFor={`role-${role}`}>{roleLabels[role]}</label>
						</div>
					))}
					<ErrorList errors={fields.roles?.errors} />
				</fieldset>
				<fieldset>
					<legend className="font-semibold">Review lanes (for the reviewer role)</legend>
					{reviewLanes.map((lane) => (
						<div key={lane} className="mt-2 flex items-center gap-2">
							<input id={`lane-${lane}`} type="checkbox" name="lanes" value={lane} defaultChecked={lanes.has(lane)} className="size-5" />
							<label htmlFor={`lane-${lane}`}>{reviewLaneLabels[lane]}</label>
						</div>
					))}
				</fieldset>
				<div className="flex items-center gap-2">
					<input id="emailNotifications" type="checkbox" name="emailNotifications" value="on" defaultChecked={user.emailNotifications} className="size-5" />
					<label htmlFor="emailNotifications">Send e-mail notifications</label>
				</div>
				<Button>Save access</Button>
			</Form>
			<Form method="post" className="border-t border-base-lighter pt-6">
				<CsrfInput />
				<input type="hidden" name="intent" value="revoke-sessions" />
				<p className="mb-2">Open sessions: {user._count.sessions}</p>
				<Button variant="secondary">Sign this user out everywhere</Button>
			</Form>
		</div>
	)
}
