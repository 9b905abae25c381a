import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import { z } from 'zod'
import { FilterField, FilterForm } from '#app/components/filter-field.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import {
	listAllApiTokens,
	revokeApiToken,
	TOKENS_PAGE_SIZE,
} from '#app/modules/api-tokens/api-tokens.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { TokenTable } from '../settings/+token-table.tsx'
import type { Route } from './+types/api-tokens.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'API tokens of everyone · AI Governance Tracker' },
]

const QuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(100_000).default(1),
	active: z.enum(['true', 'false']).default('true'),
	revoked: z.literal('1').optional(),
})
const ActionSchema = z.object({ intent: z.literal('revoke'), tokenId: z.string().min(1).max(40) })

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:user:any')
	const query = parseOrBadRequest(QuerySchema, searchParamsOf(request))
	const { total, tokens } = await listAllApiTokens({
		page: query.page,
		activeOnly: query.active === 'true',
	})
	return { ...query, total, tokens, pageCount: Math.max(1, Math.ceil(total / TOKENS_PAGE_SIZE)) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const admin = await requireUserWithPermission(request, 'manage:user:any')
	const submission = parseWithZod(await request.formData(), { schema: ActionSchema })
	if (submission.status !== 'success')
		throw data({ message: 'Choose a token to revoke.' }, { status: 400 })
	await revokeApiToken(
		admin,
		submission.value.tokenId,
		{ asAdministrator: true },
		context.get(requestInfoContext),
	).catch(throwAsResponse)
	return redirect(`/admin/api-tokens?revoked=1`)
}

export default function AllApiTokens({ loaderData }: Route.ComponentProps) {
	const { tokens, total, page, pageCount, active, revoked } = loaderData
	const hrefFor = (p: number) =>
		`/admin/api-tokens?${new URLSearchParams({ active, ...(p > 1 ? { page: String(p) } : {}) })}`
	return (
		<div className="space-y-6">
			<h1 className="text-3xl font-bold">API tokens</h1>
			<p className="max-w-3xl">
				Every person’s personal access tokens for the REST API and the MCP server. A token acts as
				its owner; revoking it stops it at once. Deactivating a person under{' '}
				<Link to="/admin/users">Users and roles</Link> stops all their tokens too.
			</p>
			{revoked ? <SuccessAlert>The token is revoked.</SuccessAlert> : null}
			<FilterForm
				label="Filter tokens"
				submitLabel="Show"
				total={total}
				noun={['token', 'tokens']}
				className="flex flex-wrap items-end gap-2"
			>
				<FilterField
					id="token-filter"
					name="active"
					label="Show"
					defaultValue={active}
					options={[
						{ value: 'true', label: 'Usable tokens only' },
						{ value: 'false', label: 'Every token, with revoked and expired ones' },
					]}
				/>
			</FilterForm>
			{tokens.length ? (
				<TokenTable tokens={tokens} caption="API tokens of every person" showOwner />
			) : null}
			<Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
		</div>
	)
}
