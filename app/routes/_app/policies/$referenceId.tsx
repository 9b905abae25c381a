import { data, Link } from 'react-router'
import { z } from 'zod'
import { PolicyReferenceDetails } from '#app/components/policy-reference.tsx'
import { referenceWithChecks } from '#app/modules/policies/library.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { clauseId } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels } from '#app/utils/permissions.ts'
import type { Route } from './+types/$referenceId.ts'

const Params = z.object({ referenceId: clauseId })

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `${loaderData?.reference.id ?? 'Reference'} · Policy library` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'read:policy:any')
	const { referenceId } = parseOrBadRequest(Params, params)
	const page = referenceWithChecks(await currentPolicyPack(), referenceId)
	if (!page)
		throw data({ message: `The policy library has no clause ${referenceId}.` }, { status: 404 })
	return page
}

export default function PolicyReferencePage({ loaderData }: Route.ComponentProps) {
	const { reference, supersededBy, supersedes, checks, routes } = loaderData
	return (
		<div className="max-w-4xl space-y-6">
			<p>
				<Link to="/policies">Policy library</Link>
			</p>
			<PolicyReferenceDetails
				reference={reference}
				supersededBy={supersededBy}
				supersedes={supersedes}
				linkTo={(id) => `/policies/${id}`}
			/>
			<section aria-labelledby="checks-heading" className="space-y-2">
				<h2 id="checks-heading" className="text-xl font-bold">
					Checks that cite this clause
				</h2>
				{checks.length === 0 ? (
					<p>No automated check cites it; reviewers apply it by judgement.</p>
				) : null}
				<ul className="list-disc space-y-1 pl-6">
					{checks.map((check) => (
						<li key={check.id}>
							<span className="font-mono">{check.id}</span>: {check.title} (
							{check.severity.toLowerCase()}, {reviewLaneLabels[check.lane]} lane
							{check.enabled ? '' : ', turned off'})
						</li>
					))}
				</ul>
			</section>
			{routes.length ? (
				<section aria-labelledby="routes-heading" className="space-y-2">
					<h2 id="routes-heading" className="text-xl font-bold">
						Review lanes it requires
					</h2>
					<ul className="list-disc space-y-1 pl-6">
						{routes.map((route) => (
							<li key={route.id}>
								{route.title}: {route.lanes.map((lane) => reviewLaneLabels[lane]).join(', ')}
								{route.enabled ? '' : ' (turned off)'}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
