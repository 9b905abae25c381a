import { Form, Link } from 'react-router'
import { z } from 'zod'
import { TableScroll } from '#app/components/table-scroll.tsx'
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
			<Form
				method="get"
				role="search"
				aria-label="Search the policy library"
				className="flex items-end gap-2"
			>
				<div>
					<label htmlFor="policy-q" className="block font-semibold">
						Search clauses
					</label>
					<input
						id="policy-q"
						name="q"
						defaultValue={q}
						className="mt-1 border border-base-dark px-3 py-2"
					/>
				</div>
				<button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white">
					Search
				</button>
			</Form>
			<p aria-live="polite">
				{references.length === 1 ? '1 reference' : `${references.length} references`}
			</p>
			<TableScroll label="Policy references">
				<table className="w-full border-collapse text-left">
					<caption className="sr-only">Policy references</caption>
					<thead>
						<tr className="border-b-2 border-base-darkest">
							<th scope="col" className="py-2 pr-4">
								Clause
							</th>
							<th scope="col" className="py-2 pr-4">
								Title
							</th>
							<th scope="col" className="py-2 pr-4">
								Instrument
							</th>
							<th scope="col" className="py-2 pr-4">
								Status
							</th>
							<th scope="col" className="py-2">
								Checks citing it
							</th>
						</tr>
					</thead>
					<tbody>
						{references.map((reference) => (
							<tr key={reference.id} className="border-b border-base-lighter align-top">
								<td className="py-2 pr-4 font-mono">
									<Link to={reference.id}>{reference.id}</Link>
								</td>
								<td className="py-2 pr-4">{reference.title}</td>
								<td className="py-2 pr-4">{reference.instrument}</td>
								<td className="py-2 pr-4">
									{reference.status === 'SUPERSEDED'
										? `Superseded by ${reference.supersededBy}`
										: 'In force'}
								</td>
								<td className="py-2">{reference.checkCount}</td>
							</tr>
						))}
					</tbody>
				</table>
			</TableScroll>
		</div>
	)
}
