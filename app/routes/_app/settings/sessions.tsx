import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect, useActionData } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput, FormErrors } from '#app/components/forms.tsx'
import { EndSessionSchema } from '#app/modules/auth/schemas.ts'
import {
	endOtherSessions,
	endOwnSession,
	listOwnSessions,
} from '#app/modules/auth/sessions.server.ts'
import { getSessionCookie } from '#app/utils/session.server.ts'
import { getSessionUser } from '#app/utils/auth.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import type { Route } from './+types/sessions.ts'
import { SettingsNav } from './+settings-nav.tsx'

export const meta: Route.MetaFunction = () => [
	{ title: 'Signed-in sessions · Settings · AI Governance Tracker' },
]

async function requireSignedIn(request: Request) {
	const user = await requireUserWithPermission(request, 'update:profile:own')
	const session = await getSessionUser(request)
	if (!session) throw redirect('/login')
	return { id: user.id, sessionId: session.sessionId }
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireSignedIn(request)
	return { sessions: await listOwnSessions(user.id, user.sessionId) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireSignedIn(request)
	const submission = parseWithZod(await request.formData(), { schema: EndSessionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const requestInfo = context.get(requestInfoContext)
	try {
		if (submission.value.intent === 'end-other-sessions') {
			await endOtherSessions(user, requestInfo)
			return redirect('/settings/sessions')
		}
		const { endedCurrent } = await endOwnSession(user, submission.value.session, requestInfo)
		if (endedCurrent) {
			return redirect('/login?signedOut=1', {
				headers: { 'Set-Cookie': await getSessionCookie().serialize('', { maxAge: 0 }) },
			})
		}
	} catch (error) {
		if (error instanceof AppError && error.code === 'NOT_FOUND')
			return data({ result: submission.reply({ formErrors: [error.message] }) }, { status: 404 })
		throwAsResponse(error)
	}
	return redirect('/settings/sessions')
}

export default function Sessions({ loaderData }: Route.ComponentProps) {
	const actionData = useActionData<typeof action>()
	const errors = actionData?.result.error?.[''] ?? null
	const others = loaderData.sessions.filter((session) => !session.current).length
	return (
		<div className="max-w-3xl space-y-6">
			<h1 className="text-3xl font-bold">Settings</h1>
			<SettingsNav />
			<h2 className="text-xl font-bold">Signed-in sessions</h2>
			<p>
				Where you are signed in now. End any session you do not recognise, then change your
				password.
			</p>
			<FormErrors id="sessions-errors" errors={errors} />
			<DataTable
				caption="Your signed-in sessions"
				rows={loaderData.sessions}
				rowKey={(session) => session.reference}
				columns={[
					{
						header: 'Device',
						cell: (session) => (
							<>
								{session.device}
								{session.current ? <strong className="ml-2">(this session)</strong> : null}
							</>
						),
					},
					{
						header: 'Signed in',
						cell: (session) => formatDateTime(session.createdAt),
					},
					{ header: 'Address', cell: (session) => session.ipAddress ?? 'unknown' },
					{
						header: 'How',
						cell: (session) => (session.method === 'OIDC' ? 'CMS account' : 'Password'),
					},
					{
						header: <span className="sr-only">Action</span>,
						pinned: true,
						cell: (session) => (
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="end-session" />
								<input type="hidden" name="session" value={session.reference} />
								<Button
									variant="secondary"
									aria-label={`End session: ${session.device}, signed in ${formatDateTime(session.createdAt)}${session.current ? ' (this session: signs you out)' : ''}`}
								>
									End
								</Button>
							</Form>
						),
					},
				]}
			/>
			{others > 0 ? (
				<Form method="post">
					<CsrfInput />
					<input type="hidden" name="intent" value="end-other-sessions" />
					<Button variant="danger">End all other sessions ({others})</Button>
				</Form>
			) : null}
		</div>
	)
}
