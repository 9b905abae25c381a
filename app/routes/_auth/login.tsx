import { useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
	data,
	Form,
	useActionData,
	useLoaderData,
	useNavigation,
	useSearchParams,
} from 'react-router'
import { z } from 'zod'
import { Button, CsrfInput, TextField, ValidatedForm } from '#app/components/forms.tsx'
import { authSettings, passwordSignInAllowedFor } from '#app/modules/auth/auth-settings.server.ts'
import { redirectSignedIn } from '#app/modules/auth/sign-in.server.ts'
import { LoginSchema } from '#app/modules/users/schemas.ts'
import { authenticator, InvalidCredentialsError, requireAnonymous } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { reserveLoginAttempt } from '#app/utils/login-throttle.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/login.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Sign in · AI Governance Tracker' }]

const LoginQuery = z.object({
	redirectTo: z.string().max(2000).optional(),
	// The break-glass administrator's way to the password form when single sign-on alone is on.
	method: z.literal('password').optional(),
	signedOut: z.literal('1').optional(),
})

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	const query = parseOrBadRequest(LoginQuery, searchParamsOf(request))
	const { mode, oidc } = authSettings()
	return {
		singleSignOn: Boolean(oidc) && mode !== 'password',
		passwordForm: mode !== 'oidc' || query.method === 'password',
		emergencyOnly: mode === 'oidc',
		signedOut: query.signedOut === '1',
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	await requireAnonymous(request)
	const submission = parseWithZod(await request.clone().formData(), { schema: LoginSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const requestInfo = context.get(requestInfoContext)
	const { email, redirectTo } = submission.value

	if (!passwordSignInAllowedFor(email)) {
		return data(
			{
				result: submission.reply({
					formErrors: ['Password sign-in is turned off here. Sign in with your CMS account.'],
					hideFields: ['password'],
				}),
			},
			{ status: 403 },
		)
	}

	const attempt = await reserveLoginAttempt(prisma, email, requestInfo.ipAddress)
	if (attempt.throttled) {
		return data(
			{
				result: submission.reply({
					formErrors: ['Too many sign-in attempts. Wait 15 minutes, then try again.'],
					hideFields: ['password'],
				}),
			},
			{ status: 429 },
		)
	}

	try {
		const { userId } = await authenticator.authenticate('password', request)
		await attempt.settle(true)
		return await redirectSignedIn(userId, requestInfo, redirectTo, {
			method: 'PASSWORD',
			via: 'password',
		})
	} catch (error) {
		if (error instanceof Response) throw error
		if (!(error instanceof InvalidCredentialsError)) throw error
		return data(
			{ result: submission.reply({ formErrors: [error.message], hideFields: ['password'] }) },
			{ status: 400 },
		)
	}
}

export default function LoginPage() {
	const { singleSignOn, passwordForm, emergencyOnly, signedOut } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData?.result,
		constraint: getZodConstraint(LoginSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
	})

	return (
		<main className="flex min-h-screen items-start justify-center bg-base-lightest px-4 py-16">
			<div className="w-full max-w-md border border-base-lighter bg-white p-8 shadow-sm">
				<p className="text-sm font-semibold tracking-wide text-base-dark uppercase">
					Centers for Medicare &amp; Medicaid Services
				</p>
				<h1 className="mt-1 text-3xl font-bold">AI Governance Tracker</h1>
				<p className="mt-2 text-base-darker">
					Sign in to register, review and report CMS AI use cases.
				</p>
				{signedOut ? (
					<p role="status" className="mt-4 border-l-4 border-success bg-success-lighter p-3">
						You are signed out.
					</p>
				) : null}
				{singleSignOn ? (
					<Form method="post" action="/auth/oidc" className="mt-6">
						<CsrfInput />
						<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
						<Button className="w-full justify-center">Sign in with CMS account</Button>
						<p className="mt-2 text-sm text-base-dark">
							Uses your agency identity (PIV card or multi-factor sign-in).
						</p>
					</Form>
				) : null}
				{passwordForm ? (
					<>
						{singleSignOn ? (
							<h2 className="mt-8 border-t border-base-lighter pt-6 text-lg font-bold">
								{emergencyOnly ? 'Emergency administrator sign-in' : 'Or sign in with a password'}
							</h2>
						) : null}
						<ValidatedForm
							form={form}
							focusErrors
							className="mt-6 space-y-5"
							hidden={{ redirectTo: searchParams.get('redirectTo') ?? '' }}
						>
							<TextField
								label="E-mail address"
								field={fields.email}
								type="email"
								autoComplete="username"
							/>
							<TextField
								label="Password"
								field={fields.password}
								type="password"
								autoComplete="current-password"
							/>
							<Button
								disabled={navigation.state === 'submitting'}
								variant={singleSignOn ? 'secondary' : 'primary'}
							>
								{navigation.state === 'submitting' ? 'Signing in…' : 'Sign in'}
							</Button>
						</ValidatedForm>
					</>
				) : null}
			</div>
		</main>
	)
}
