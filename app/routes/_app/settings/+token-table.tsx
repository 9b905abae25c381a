import { Form } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { type ApiTokenScope, tokenState } from '#app/modules/api-tokens/api-tokens.ts'
import { formatDateTime, formatMomentDay } from '#app/utils/dates.ts'

export type ListedToken = {
	id: string
	name: string
	hint: string
	scopes: Array<ApiTokenScope>
	createdAt: Date | string
	expiresAt: Date | string
	lastUsedAt: Date | string | null
	revokedAt: Date | string | null
	revokedBy: { name: string } | null
	user?: { name: string; email: string; active: boolean }
}

const stateLabels = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const

/** The tokens as a table, each usable one with a revoke button (a form that posts intent=revoke). */
export function TokenTable({
	tokens,
	caption,
	showOwner = false,
}: {
	tokens: Array<ListedToken>
	caption: string
	showOwner?: boolean
}) {
	const rows = tokens.map((token) => ({
		...token,
		state: tokenState({
			expiresAt: new Date(token.expiresAt),
			revokedAt: token.revokedAt ? new Date(token.revokedAt) : null,
		}),
	}))
	return (
		<DataTable
			caption={caption}
			rows={rows}
			rowKey={(token) => token.id}
			columns={[
				{ header: 'Name', rowHeader: true, cell: (token) => token.name },
				showOwner && {
					header: 'Owner',
					cell: (token) =>
						token.user ? (
							<>
								{token.user.name}{' '}
								<span className="text-sm text-base-dark">
									({token.user.email}
									{token.user.active ? '' : ', deactivated'})
								</span>
							</>
						) : null,
				},
				{ header: 'Token', className: 'font-mono text-sm', cell: (token) => token.hint },
				{
					header: 'Access',
					cell: (token) => (token.scopes.includes('WRITE') ? 'Read and write' : 'Read'),
				},
				{ header: 'Created', cell: (token) => formatMomentDay(token.createdAt) },
				{ header: 'Expires', cell: (token) => formatMomentDay(token.expiresAt) },
				{
					header: 'Last used',
					cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'),
				},
				{
					header: 'Status',
					cell: (token) => (
						<>
							{stateLabels[token.state]}
							{token.state === 'revoked' && token.revokedBy ? (
								<span className="block text-sm text-base-dark">by {token.revokedBy.name}</span>
							) : null}
						</>
					),
				},
				{
					header: <span className="sr-only">Actions</span>,
					pinned: true,
					cell: (token) =>
						token.state === 'active' ? (
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="revoke" />
								<input type="hidden" name="tokenId" value={token.id} />
								<Button variant="danger" aria-label={`Revoke ${token.name}`}>
									Revoke
								</Button>
							</Form>
						) : null,
				},
			]}
		/>
	)
}
