import { Form } from 'react-router'
import { TableScroll } from '#app/components/table-scroll.tsx'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { type ApiTokenScope, tokenState } from '#app/modules/api-tokens/api-tokens.ts'

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

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'America/New_York' })
const dayTime = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'America/New_York',
})

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
	return (
		<TableScroll label={caption}>
			<table className="w-full border-collapse text-left">
				<caption className="sr-only">{caption}</caption>
				<thead>
					<tr className="border-b-2 border-base-darkest">
						<th scope="col" className="py-2 pr-4">
							Name
						</th>
						{showOwner ? (
							<th scope="col" className="py-2 pr-4">
								Owner
							</th>
						) : null}
						<th scope="col" className="py-2 pr-4">
							Token
						</th>
						<th scope="col" className="py-2 pr-4">
							Access
						</th>
						<th scope="col" className="py-2 pr-4">
							Created
						</th>
						<th scope="col" className="py-2 pr-4">
							Expires
						</th>
						<th scope="col" className="py-2 pr-4">
							Last used
						</th>
						<th scope="col" className="py-2 pr-4">
							Status
						</th>
						<th scope="col" className="py-2">
							<span className="sr-only">Actions</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{tokens.map((token) => {
						const state = tokenState({
							expiresAt: new Date(token.expiresAt),
							revokedAt: token.revokedAt ? new Date(token.revokedAt) : null,
						})
						return (
							<tr key={token.id} className="border-b border-base-lighter align-top">
								<th scope="row" className="py-2 pr-4 font-normal">
									{token.name}
								</th>
								{showOwner && token.user ? (
									<td className="py-2 pr-4">
										{token.user.name}{' '}
										<span className="text-sm text-base-dark">
											({token.user.email}
											{token.user.active ? '' : ', deactivated'})
										</span>
									</td>
								) : null}
								<td className="py-2 pr-4 font-mono text-sm">{token.hint}</td>
								<td className="py-2 pr-4">
									{token.scopes.includes('WRITE') ? 'Read and write' : 'Read'}
								</td>
								<td className="py-2 pr-4">{day.format(new Date(token.createdAt))}</td>
								<td className="py-2 pr-4">{day.format(new Date(token.expiresAt))}</td>
								<td className="py-2 pr-4">
									{token.lastUsedAt ? dayTime.format(new Date(token.lastUsedAt)) : 'Never'}
								</td>
								<td className="py-2 pr-4">
									{stateLabels[state]}
									{state === 'revoked' && token.revokedBy ? (
										<span className="block text-sm text-base-dark">by {token.revokedBy.name}</span>
									) : null}
								</td>
								<td className="py-2">
									{state === 'active' ? (
										<Form method="post">
											<CsrfInput />
											<input type="hidden" name="intent" value="revoke" />
											<input type="hidden" name="tokenId" value={token.id} />
											<Button variant="danger" aria-label={`Revoke ${token.name}`}>
												Revoke
											</Button>
										</Form>
									) : null}
								</td>
							</tr>
						)
					})}
				</tbody>
			</table>
		</TableScroll>
	)
}
