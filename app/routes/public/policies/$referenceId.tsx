import { data, Link } from 'react-router'
import { z } from 'zod'
import { PolicyReferenceDetails } from '#app/components/policy-reference.tsx'
import { referenceWithChecks } from '#app/modules/policies/library.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import type { Route } from './+types/$referenceId.ts'

const Params = z.object({
	referenceId: z
		.string()
		.max(60)
		.regex(/^[A-Za-z0-9-]+$/, 'Clause ids are letters, digits and dashes.'),
})

export const meta: Route.MetaFunction = ({ matches, location, loaderData }) =>
	publicPageMeta(matches, location, {
		title: loaderData
			? `${loaderData.reference.id}: ${loaderData.reference.title}`
			: 'AI policy reference',
		description: loaderData?.reference.summary ?? 'A reference of the AI policies CMS follows.',
	})

export async function loader({ params, context }: Route.LoaderArgs) {
	const { referenceId } = parseOrBadRequest(Params, params)
	const { pack } = await publicSnapshotOf(context)
	const page = referenceWithChecks(pack, referenceId)
	if (!page)
		throw data({ message: `The policy library has no clause ${referenceId}.` }, { status: 404 })
	const brief = ({ id, title }: { id: string; title: string }) => ({ id, title })
	return {
		reference: page.reference,
		supersededBy: page.supersededBy ? brief(page.supersededBy) : null,
		supersedes: page.supersedes.map(brief),
	}
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
			<PolicyReferenceDetails
				reference={reference}
				supersededBy={supersededBy}
				supersedes={supersedes}
				linkTo={(id) => `/public/policies/${id}`}
			/>
		</div>
	)
}
