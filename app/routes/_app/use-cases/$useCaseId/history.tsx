import { Form, Link } from 'react-router'
import { FilterField } from '#app/components/filter-field.tsx'
import { ChangeTable } from '#app/components/change-table.tsx'
import { VersionDiffQuerySchema } from '#app/modules/use-cases/schemas.ts'
import { fieldAnswerText, fieldLabel } from '#app/modules/use-cases/field-rules.ts'
import {
	getUseCaseForUser,
	listVersions,
	toDocument,
} from '#app/modules/use-cases/use-cases.server.ts'
import { CURRENT_VERSION as CURRENT, versionDiff } from '#app/modules/use-cases/version-diff.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import type { Route } from './+types/history.ts'

const Params = idParams('useCaseId')

export const meta: Route.MetaFunction = () => [
	{ title: 'Use case history · AI Governance Tracker' },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:use-case:any')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const useCase = await getUseCaseForUser(user, useCaseId).catch(throwAsResponse)
	const query = parseOrBadRequest(VersionDiffQuerySchema, searchParamsOf(request))
	const versions = await listVersions(useCaseId)
	const { from, to, changes } = versionDiff(toDocument(useCase), versions, query)
	const diff =
		changes?.map(({ field, before, after }) => ({
			field,
			label: fieldLabel(field),
			before: fieldAnswerText(field, before),
			after: fieldAnswerText(field, after),
		})) ?? null
	return {
		useCase: { id: useCase.id, trackingId: useCase.trackingId, name: useCase.name },
		versions: versions.map(({ snapshot: _snapshot, ...version }) => version),
		from,
		to,
		diff,
	}
}

const reasonLabels: Record<string, string> = {
	SUBMITTED: 'submitted',
	RESUBMITTED: 'resubmitted',
	HIGH_IMPACT_DETERMINATION: 'high-impact determination recorded',
	CHANGES_ANSWERED: 'resubmitted with the requested changes',
	MATERIAL_CHANGE: 'changed materially after approval (review re-opened)',
	EDITED_AFTER_APPROVAL: 'edited after approval',
	DECIDED_APPROVED: 'approved',
	DECIDED_APPROVED_WITH_CONDITIONS: 'approved with conditions',
	DECIDED_REJECTED: 'rejected',
	WAIVER_CHANGED: 'CAIO waiver recorded',
	PRACTICE_EVIDENCE_RECORDED: 'minimum-practice evidence recorded',
	PILOT_CERTIFICATION_CHANGED: 'CAIO pilot certification recorded',
	IMPORTED: 'imported from an inventory file',
}

export default function UseCaseHistory({ loaderData }: Route.ComponentProps) {
	const { useCase, versions, from, to, diff } = loaderData
	const label = (n: number) => (n === CURRENT ? 'Current' : `Version ${n}`)
	const versionOptions = [...versions.map((v) => v.number), CURRENT].map((n) => ({
		value: String(n),
		label: label(n),
	}))
	return (
		<div className="max-w-5xl space-y-6">
			<p>
				<Link to={`/use-cases/${useCase.id}`}>Back to {useCase.trackingId}</Link>
			</p>
			<h1 className="text-3xl font-bold">History of {useCase.name}</h1>
			<section aria-labelledby="versions-heading">
				<h2 id="versions-heading" className="text-xl font-bold">
					Frozen versions
				</h2>
				{versions.length === 0 ? (
					<p>
						Nothing has been submitted yet; versions are frozen at each submission and decision.
					</p>
				) : null}
				<ol className="mt-2 list-decimal space-y-1 pl-6">
					{versions.map((version) => (
						<li key={version.number}>
							Version {version.number}:{' '}
							{reasonLabels[version.reason] ?? version.reason.toLowerCase()} by{' '}
							{version.createdBy.name} on {formatDateTime(version.createdAt)}
						</li>
					))}
				</ol>
			</section>
			<Form method="get" aria-label="Compare versions" className="flex flex-wrap items-end gap-4">
				<FilterField
					id="diff-from"
					name="from"
					label="Compare"
					defaultValue={from}
					options={versionOptions}
				/>
				<FilterField
					id="diff-to"
					name="to"
					label="with"
					defaultValue={to}
					options={versionOptions}
				/>
				<button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white">
					Compare
				</button>
			</Form>
			{diff === null ? (
				<p role="alert">There is no such version of this use case.</p>
			) : diff.length === 0 ? (
				<p>
					{label(from)} and {label(to)} are the same.
				</p>
			) : (
				<ChangeTable
					caption={`What changed from ${label(from)} to ${label(to)}`}
					changes={diff.map((row) => ({
						path: row.field,
						label: row.label,
						before: row.before,
						after: row.after,
					}))}
					beforeHeading={label(from)}
					afterHeading={label(to)}
				/>
			)}
		</div>
	)
}
