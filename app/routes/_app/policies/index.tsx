import { Link } from 'react-router'
import { z } from 'zod'
import { PolicySearch } from '#app/components/policy-reference.tsx'
import { DataTable } from '#app/components/data-table.tsx'
import { searchReferences } from '#app/modules/policies/library.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { singleLineText } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Policy library · AI Governance Tracker' }]

const Query = z.object({
	q: singleLineText().max(200, 'Searches are at most 200 characters.').default(''),
})

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'read:policy:any')
	const { q } = parseOrBadRequest(Query, searchParamsOf(request))
	const pack = await currentPolicyPack()
	return {
		q,
		pack: { title: pack.title, version: pack.version, publishedDate: pack.publishedDate },
		references: searchReferences(pack, q),
	}
}

export default function PolicyLibrary({ loaderData }: Route.ComponentProps) {
	const { q, pack, references } = loaderData
	return (
		<div className="space-y-6">
			<h1 className="text-3xl font-bold">Policy library</h1>
			<p>
				{pack.title}, published {pack.publishedDate}. Every finding on a use case cites one of these
				clauses.
			</p>
			<PolicySearch label="Search the policy library" q={q} count={references.length} />
			<DataTable
				caption="Policy references"
				rows={references}
				rowKey={(reference) => reference.id}
				columns={[
					{
						header: 'Clause',
						className: 'font-mono',
						cell: (reference) => <Link to={reference.id}>{reference.id}</Link>,
					},
					{ header: 'Title', cell: (reference) => reference.title },
					{ header: 'Instrument', cell: (reference) => reference.instrument },
					{
						header: 'Status',
						cell: (reference) =>
							reference.status === 'SUPERSEDED'
								? `Superseded by ${reference.supersededBy}`
								: 'In force',
					},
					{ header: 'Checks citing it', cell: (reference) => reference.checkCount },
				]}
			/>
		</div>
	)
}
