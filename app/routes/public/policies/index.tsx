import { Link } from 'react-router'
import { z } from 'zod'
import { PolicySearch } from '#app/components/policy-reference.tsx'
import { DataTable } from '#app/components/data-table.tsx'
import { searchReferences } from '#app/modules/policies/library.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import type { Route } from './+types/index.ts'

const Query = z.object({
	q: z.string().trim().max(200, 'Searches are at most 200 characters.').default(''),
})

export const meta: Route.MetaFunction = ({ matches, location }) =>
	publicPageMeta(matches, location, {
		title: 'AI policies CMS follows',
		description:
			'The executive orders, laws and OMB memoranda CMS checks every AI use case against, clause by clause, with what superseded what.',
	})

export async function loader({ request, context }: Route.LoaderArgs) {
	const { q } = parseOrBadRequest(Query, searchParamsOf(request))
	const { pack } = await publicSnapshotOf(context)
	return {
		q,
		pack: { title: pack.title, version: pack.version, publishedDate: pack.publishedDate },
		references: searchReferences(pack, q).map(
			({ id, title, instrument, status, supersededBy }) => ({
				id,
				title,
				instrument,
				status,
				supersededBy,
			}),
		),
	}
}

export default function PublicPolicies({ loaderData }: Route.ComponentProps) {
	const { q, pack, references } = loaderData
	return (
		<div className="space-y-6">
			<div className="max-w-3xl space-y-2">
				<h1 className="text-3xl font-bold">AI policies CMS follows</h1>
				<p>
					CMS checks every AI use case against these references: {pack.title} (version{' '}
					{pack.version}, published {pack.publishedDate}). A reference that was replaced, such as
					Executive Order 14110 by Executive Order 14179, stays here marked as superseded, so that
					older records remain readable.
				</p>
			</div>
			<PolicySearch label="Search the AI policies" q={q} count={references.length} />
			<DataTable
				caption="Policy references"
				rows={references}
				rowKey={(reference) => reference.id}
				columns={[
					{
						header: 'Clause',
						className: 'font-mono',
						cell: (reference) => (
							<Link to={`/public/policies/${reference.id}`}>{reference.id}</Link>
						),
					},
					{ header: 'Title', cell: (reference) => reference.title },
					{ header: 'Instrument', cell: (reference) => reference.instrument },
					{
						header: 'Status',
						cell: (reference) =>
							reference.status === 'SUPERSEDED' && reference.supersededBy ? (
								<>
									Superseded by{' '}
									<Link to={`/public/policies/${reference.supersededBy}`}>
										{reference.supersededBy}
									</Link>
								</>
							) : (
								'In force'
							),
					},
				]}
			/>
		</div>
	)
}
