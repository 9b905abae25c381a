import { data, Link } from 'react-router'
import { z } from 'zod'
import { referenceWithChecks } from '#app/modules/policies/library.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import type { Route } from './+types/$referenceId.ts'

const Params = z.object({ referenceId: z.string().max(60).regex(/^[A-Za-z0-9-]+$/, 'Clause ids are letters, digits and dashes.') })

export const meta: Route.MetaFunction = ({ matches, location, loaderData }) =>
	publicPageMeta(matches, location, {
		title: loaderData ? `${loaderData.reference.id}: ${loaderData.reference.title}` : 'AI policy reference',
		description: loaderData?.reference.summary ?? 'A reference of the AI policies CMS follows.',
	})

export async function loader({ params, context }: Route.LoaderArgs) {
	const { referenceId } = parseOrBadRequest(Params, params)
	const { pack } = await publicSnapshotOf(context)
	const page = referenceWithChecks(pack, referenceId)
	if (!page) throw data({ message: `The policy library has no clause ${referenceId}.` }, { status: 404 })
	const brief = ({ id, title }: { id: string; title: string }) => ({ id, title })
	return { reference: page.reference, supersededBy: page.supersededBy ? brief(page.supersededBy) : null, supersedes: page.supersedes.map(brief) }
}

export default function PublicPolicyReference({ loaderData }: Route.ComponentProps) {
	const { reference, supersededBy, supersedes } = loaderData
	return (
		<div className="max-w-4xl space-y-6">
			<nav aria-label="Breadcrumb">
				<ol className="flex flex-wrap gap-2 text-sm">
					<li>
						<Link to="/public">Home</Link> <span aria-hidden="true">›</span>
					</li>
					<li>
						<Link to="/public/policies">AI policies</Link> <span aria-hidden="true">›</span>
					</li>
					<li aria-current="page">{reference.id}</li>
				</ol>
			</nav>
			<div>
				<p className="font-mono text-base-darker">{reference.id}</p>
				<h1 className="text-3xl font-bold">{reference.title}</h1>
			</div>
			{reference.status === 'SUPERSEDED' ? (
				<p className="border-l-4 border-warning-dark bg-warning-lighter p-3">
					Superseded
					{supersededBy ? (
						<>
							{' '}
							by <Link to={`/public/policies/${supersededBy.id}`}>{`${supersededBy.id}: ${supersededBy.title}`}</Link>
						</>
					) : null}
					. Kept here so that older records remain readable.
				</p>
			) : null}
			<dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
				<dt className="font-semibold">Instrument</dt>
				<dd>{reference.instrument}</dd>
				<dt className="font-semibold">Citation</dt>
				<dd>{reference.citation}</dd>
				<dt className="font-semibold">Effective</dt>
				<dd>
					{reference.effectiveDate}
					{reference.complianceDate ? ` (compliance by ${reference.complianceDate})` : ''}
				</dd>
				<dt className="font-semibold">Official text</dt>
				<dd>
					<a href={reference.link}>{reference.link}</a>
				</dd>
			</dl>
			<section aria-labelledby="summary-heading">
				<h2 id="summary-heading" className="text-xl font-bold">
					In plain words
				</h2>
				<p className="mt-2 text-lg">{reference.summary}</p>
			</section>
			{supersedes.length ? (
				<section aria-labelledby="replaces-heading">
					<h2 id="replaces-heading" className="text-xl font-bold">
						Replaces
					</h2>
					<ul className="mt-2 list-disc pl-6">
						{supersedes.map((earlier) => (
							<li key={earlier.id}>
								<Link to={`/public/policies/${earlier.id}`}>{`${earlier.id}: ${earlier.title}`}</Link>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
