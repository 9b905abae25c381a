import { useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import { z } from 'zod'
import {
	Button,
	RadioGroupField,
	SelectField,
	TextField,
	ValidatedForm,
} from '#app/components/forms.tsx'
import {
	accessLevelLabels,
	ApiTokenFormSchema,
	DEFAULT_EXPIRY_DAYS,
	expiryChoices,
} from '#app/modules/api-tokens/api-tokens.ts'
import {
	createApiToken,
	listOwnApiTokens,
	revokeApiToken,
} from '#app/modules/api-tokens/api-tokens.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { SettingsNav } from './+settings-nav.tsx'
import type { Route } from './+types/api-tokens.ts'
import { TokenTable } from './+token-table.tsx'

export const meta: Route.MetaFunction = () => [{ title: 'API tokens · AI Governance Tracker' }]

const ActionSchema = z.discriminatedUnion('intent', [
	ApiTokenFormSchema.extend({ intent: z.literal('create') }),
	z.object({ intent: z.literal('revoke'), tokenId: z.string().min(1).max(40) }),
])

const QuerySchema = z.object({ revoked: z.literal('1').optional() })

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'update:profile:own')
	const { revoked } = parseOrBadRequest(QuerySchema, searchParamsOf(request))
	return { tokens: await listOwnApiTokens(user.id), revoked: revoked === '1' }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUserWithPermission(request, 'update:profile:own')
	const submission = parseWithZod(await request.formData(), { schema: ActionSchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), created: null }, { status: 400 })
	const requestInfo = context.get(requestInfoContext)
	if (submission.value.intent === 'revoke') {
		await revokeApiToken(
			user,
			submission.value.tokenId,
			{ asAdministrator: false },
			requestInfo,
		).catch(throwAsResponse)
		return redirect('/settings/api-tokens?revoked=1')
	}
	try {
		const { token, secret } = await createApiToken(user, submission.value, requestInfo)
		// The secret is in this one response only: never cached, never stored.
		return data(
			{
				result: submission.reply({ resetForm: true }),
				created: { name: token.name, secret, expiresAt: token.expiresAt },
			},
			{ headers: { 'Cache-Control': 'no-store' } },
		)
	} catch (error) {
		if (error instanceof AppError && error.code === 'INVALID') {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }), created: null },
				{ status: 400 },
			)
		}
		throwAsResponse(error)
	}
}

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'America/New_York' })

export default function ApiTokens({ loaderData, actionData }: Route.ComponentProps) {
	const { tokens, revoked } = loaderData
	const created = actionData?.created ?? null
	const [form, fields] = useForm({
		id: 'new-api-token',
		lastResult: actionData?.result,
		defaultValue: { access: 'READ', expiresInDays: String(DEFAULT_EXPIRY_DAYS) },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
	})
	return (
		<div className="max-w-5xl space-y-6">
			<h1 className="text-3xl font-bold">API tokens</h1>
			<SettingsNav />
			<p className="max-w-3xl">
				A personal access token lets a script or an AI assistant use the tracker as you: the{' '}
				<Link to="/api-reference">REST API</Link> and the MCP server at <code>/mcp</code> see and do
				exactly what your roles let you do on these pages, and nothing more. Send it as{' '}
				<code>Authorization: Bearer &lt;token&gt;</code>. Revoke a token as soon as you no longer
				need it.
			</p>
			{created ? (
				<section
					aria-labelledby="new-token-heading"
					role="status"
					className="space-y-2 border-l-4 border-success bg-success-lighter p-4"
				>
					<h2 id="new-token-heading" className="text-xl font-bold">
						Your new token “{created.name}”
					</h2>
					<p>
						Copy it now: it is shown only this once and cannot be seen again. It expires on{' '}
						{day.format(new Date(created.expiresAt))}.
					</p>
					<label htmlFor="new-token-secret" className="block font-semibold">
						Token
					</label>
					<input
						id="new-token-secret"
						readOnly
						value={created.secret}
						onFocus={(event) => event.currentTarget.select()}
						className="block w-full border border-base-dark bg-white px-3 py-2 font-mono"
					/>
				</section>
			) : null}
			{revoked ? (
				<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
					The token is revoked: anything still using it is refused from now on.
				</p>
			) : null}
			<section aria-labelledby="create-heading" className="space-y-4">
				<h2 id="create-heading" className="text-2xl font-bold">
					Create a token
				</h2>
				<ValidatedForm form={form} className="max-w-2xl space-y-5" hidden={{ intent: 'create' }}>
					<TextField
						label="Name"
						hint="What will use it, e.g. “Claude Desktop” or “Nightly inventory report”."
						field={fields.name}
					/>
					<RadioGroupField
						legend="Access"
						field={fields.access}
						options={Object.entries(accessLevelLabels).map(([value, label]) => ({ value, label }))}
					/>
					<SelectField
						label="Expires after"
						field={fields.expiresInDays}
						placeholder="Choose a period"
						options={expiryChoices.map((days) => ({
							value: String(days),
							label: days === 365 ? '1 year' : `${days} days`,
						}))}
					/>
					<Button>Create token</Button>
				</ValidatedForm>
			</section>
			<section aria-labelledby="tokens-heading" className="space-y-4">
				<h2 id="tokens-heading" className="text-2xl font-bold">
					Your tokens
				</h2>
				{tokens.length === 0 ? (
					<p>You have no tokens.</p>
				) : (
					<TokenTable tokens={tokens} caption="Your API tokens" />
				)}
			</section>
		</div>
	)
}
