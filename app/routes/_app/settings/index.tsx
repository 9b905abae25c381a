import { useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect, useActionData } from 'react-router'
import { z } from 'zod'
import { Button, RadioGroupField, ValidatedForm } from '#app/components/forms.tsx'
import {
	getEmailPreference,
	setEmailNotifications,
} from '#app/modules/notifications/notifications.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/index.ts'
import { SettingsNav } from './+settings-nav.tsx'

export const meta: Route.MetaFunction = () => [{ title: 'Settings · AI Governance Tracker' }]

const SettingsSchema = z.object({
	emailNotifications: z.enum(['on', 'off'], {
		error: 'Choose whether to receive notification e-mail.',
	}),
})

const QuerySchema = z.object({ saved: z.literal('1').optional() })

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'update:profile:own')
	const { saved } = parseOrBadRequest(QuerySchema, searchParamsOf(request))
	const preference = await getEmailPreference(prisma, user.id).catch(throwAsResponse)
	return { ...preference, emailConfigured: Boolean(getEnv().SMTP_URL), saved: saved === '1' }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUserWithPermission(request, 'update:profile:own')
	const submission = parseWithZod(await request.formData(), { schema: SettingsSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		await setEmailNotifications(
			prisma,
			user.id,
			submission.value.emailNotifications === 'on',
			context.get(requestInfoContext),
		)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		}
		throwAsResponse(error)
	}
	return redirect('/settings?saved=1')
}

export default function Settings({ loaderData }: Route.ComponentProps) {
	const { email, emailNotifications, emailConfigured, saved } = loaderData
	const actionData = useActionData<typeof action>()
	const [form, fields] = useForm({
		id: 'settings',
		lastResult: actionData?.result,
		defaultValue: { emailNotifications: emailNotifications ? 'on' : 'off' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingsSchema }),
	})
	return (
		<div className="max-w-2xl space-y-6">
			<h1 className="text-3xl font-bold">Settings</h1>
			<SettingsNav />
			{saved ? (
				<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
					Your settings are saved.{' '}
					{emailNotifications
						? `E-mail notifications are on: each notification is also sent to ${email}.`
						: 'E-mail notifications are off: you will see notifications here in the tracker only.'}
				</p>
			) : null}
			<ValidatedForm form={form} className="space-y-6">
				<h2 className="text-xl font-bold">Notifications</h2>
				<p>
					Notifications always appear under <Link to="/notifications">Notifications</Link> in the
					tracker. You can also have each one sent to {email}.
				</p>
				{emailConfigured ? null : (
					<p className="border-l-4 border-warning-dark bg-warning-lighter p-3">
						This tracker is not connected to a mail server at the moment, so no e-mail is sent
						whatever you choose here.
					</p>
				)}
				<RadioGroupField
					legend="Notification e-mail"
					field={fields.emailNotifications}
					options={[
						{ value: 'on', label: 'On: e-mail me each notification' },
						{ value: 'off', label: 'Off: show notifications in the tracker only' },
					]}
				/>
				<Button>Save settings</Button>
			</ValidatedForm>
			<section aria-labelledby="api-heading" className="space-y-2">
				<h2 id="api-heading" className="text-xl font-bold">
					API and AI assistants
				</h2>
				<p>
					Scripts and AI assistants (through the MCP server) can use the tracker as you with a
					personal access token: <Link to="/settings/api-tokens">API tokens</Link>.
				</p>
			</section>
		</div>
	)
}
