import { useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useActionData } from 'react-router'
import { z } from 'zod'
import { DataTable } from '#app/components/data-table.tsx'
import {
	Button,
	CheckboxGroupField,
	CsrfInput,
	SelectField,
	TextField,
	ValidatedForm,
} from '#app/components/forms.tsx'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import { authSettings } from '#app/modules/auth/auth-settings.server.ts'
import {
	addGroupMapping,
	listGroupMappings,
	removeGroupMapping,
} from '#app/modules/auth/role-mapping.server.ts'
import { GroupMappingSchema } from '#app/modules/users/schemas.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import {
	reviewLaneLabels,
	reviewLaneOptions,
	roleLabels,
	roleOptions,
} from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/single-sign-on.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Single sign-on · AI Governance Tracker' }]

const QuerySchema = z.object({ done: z.enum(['added', 'removed']).optional() })

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:user:any')
	const { done } = parseOrBadRequest(QuerySchema, searchParamsOf(request))
	const { mode, oidc, breakGlassAdminEmail } = authSettings()
	return {
		mappings: await listGroupMappings(),
		done: done ?? null,
		mode,
		provider: oidc
			? {
					issuer: oidc.issuer,
					roleClaim: oidc.roleClaim,
					orgUnitClaim: oidc.orgUnitClaim,
					redirectUri: oidc.redirectUri,
					scopes: oidc.scopes,
				}
			: null,
		breakGlassAdminEmail,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:user:any')
	const submission = parseWithZod(await request.formData(), { schema: GroupMappingSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const requestInfo = context.get(requestInfoContext)
	try {
		if (submission.value.intent === 'add') {
			await addGroupMapping(actor.id, submission.value, requestInfo)
			return redirect('/admin/single-sign-on?done=added')
		}
		await removeGroupMapping(actor.id, submission.value.mappingId, requestInfo)
		return redirect('/admin/single-sign-on?done=removed')
	} catch (error) {
		if (error instanceof AppError)
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		throwAsResponse(error)
	}
}

const modeText = {
	password: 'Password sign-in only.',
	both: 'People sign in with their CMS account or with a password.',
	oidc: 'People sign in with their CMS account only; passwords are refused (except the emergency administrator account).',
} as const

export default function SingleSignOn({ loaderData }: Route.ComponentProps) {
	const { mappings, done, mode, provider, breakGlassAdminEmail } = loaderData
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'group-mapping',
		lastResult: actionData?.result,
		constraint: getZodConstraint(GroupMappingSchema),
		defaultValue: { intent: 'add' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: GroupMappingSchema }),
	})
	return (
		<div className="max-w-3xl space-y-6">
			<p>
				<Link to="/admin/users">Users and roles</Link>
			</p>
			<h1 className="text-3xl font-bold">Single sign-on and group mapping</h1>
			{done ? (
				<SuccessAlert>
					{done === 'added' ? 'Mapping added.' : 'Mapping removed.'} It applies to each person the
					next time they sign in.
				</SuccessAlert>
			) : null}
			<section aria-labelledby="provider-heading" className="space-y-2">
				<h2 id="provider-heading" className="text-xl font-bold">
					Identity provider
				</h2>
				<p>{modeText[mode]}</p>
				{provider ? (
					<dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
						<dt className="font-semibold">Issuer</dt>
						<dd className="break-all">{provider.issuer}</dd>
						<dt className="font-semibold">Redirect URI</dt>
						<dd className="break-all">{provider.redirectUri}</dd>
						<dt className="font-semibold">Scopes</dt>
						<dd>{provider.scopes}</dd>
						<dt className="font-semibold">Groups claim</dt>
						<dd>{provider.roleClaim}</dd>
						<dt className="font-semibold">Org unit claim</dt>
						<dd>{provider.orgUnitClaim ?? 'not used'}</dd>
						{breakGlassAdminEmail ? (
							<>
								<dt className="font-semibold">Emergency administrator</dt>
								<dd>{breakGlassAdminEmail}</dd>
							</>
						) : null}
					</dl>
				) : (
					<p>
						No identity provider is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_REDIRECT_URI). The
						mapping below applies once one is.
					</p>
				)}
			</section>
			<section aria-labelledby="mapping-heading" className="space-y-4">
				<h2 id="mapping-heading" className="text-xl font-bold">
					Group mapping
				</h2>
				<p>
					Each time someone signs in, the roles their groups map to replace the roles they had from
					the identity provider. Roles granted by hand on a person’s page are kept apart and never
					changed by sign-in.
				</p>
				{mappings.length === 0 ? (
					<p>
						No mappings yet: people who sign in get no role until one maps their group or an
						administrator grants one.
					</p>
				) : (
					<DataTable
						caption="Groups and the roles they grant"
						rows={mappings}
						rowKey={(mapping) => mapping.id}
						columns={[
							{
								header: 'Group',
								className: 'font-mono break-all',
								cell: (mapping) => mapping.group,
							},
							{ header: 'Role', cell: (mapping) => roleLabels[mapping.role] },
							{
								header: 'Review lanes',
								cell: (mapping) =>
									mapping.lanes.map((lane) => reviewLaneLabels[lane]).join(', ') || '—',
							},
							{
								header: <span className="sr-only">Action</span>,
								pinned: true,
								cell: (mapping) => (
									<Form method="post">
										<CsrfInput />
										<input type="hidden" name="intent" value="remove" />
										<input type="hidden" name="mappingId" value={mapping.id} />
										<Button
											variant="secondary"
											aria-label={`Remove: ${mapping.group} grants ${roleLabels[mapping.role]}`}
										>
											Remove
										</Button>
									</Form>
								),
							},
						]}
					/>
				)}
				<h3 className="text-lg font-bold">Add a mapping</h3>
				<ValidatedForm form={form} className="space-y-5" hidden={{ intent: 'add' }}>
					<TextField
						label="Group"
						hint="Exactly as the identity provider sends it in the groups claim, e.g. CMS-AI-Privacy-Reviewers."
						field={fields.group}
					/>
					<SelectField label="Role" field={fields.role} options={roleOptions} />
					<CheckboxGroupField
						legend="Review lanes (for the reviewer role)"
						field={fields.lanes}
						options={reviewLaneOptions}
					/>
					<Button>Add mapping</Button>
				</ValidatedForm>
			</section>
		</div>
	)
}
