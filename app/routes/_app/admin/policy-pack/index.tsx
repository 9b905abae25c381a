import { TableScroll } from '#app/components/table-scroll.tsx'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { ConfirmAction, SuccessAlert } from '#app/components/confirm-action.tsx'
import { packChanges } from '#app/modules/policies/pack-changes.ts'
import { countCasesToReevaluate } from '#app/modules/policies/publish-preview.server.ts'
import { formatMomentDay } from '#app/utils/dates.ts'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { changeDraftPack, currentPolicyPack, getDraftPack, listPackVersions, publishDraftPack } from '#app/modules/policies/packs.server.ts'
import { CHECK_SEVERITIES } from '#app/modules/policies/policy-pack.ts'
import { PackEditorActionSchema } from '#app/modules/policies/schemas.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels, reviewLanes } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Policy pack editor · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const confirming = new URL(request.url).searchParams.get('confirm') === 'publish'
	const [current, draft, versions] = await Promise.all([currentPolicyPack(), getDraftPack(actor.id), listPackVersions()])
	return {
		current: { version: current.version, publishedDate: current.publishedDate },
		draft: { version: draft.version, revision: draft.revision, references: draft.pack.references, checks: draft.pack.checks },
		versions,
		// Before publishing: what changes, and how many use cases are checked again.
		publication: confirming ? { changes: packChanges(current, draft.pack), casesToCheck: await countCasesToReevaluate() } : null,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const submission = parseWithZod(await request.formData(), { schema: PackEditorActionSchema })
	if (submission.status !== 'success') return data({ message: 'The form was not valid; reload and try again.' }, { status: 400 })
	const requestInfo = context.get(requestInfoContext)
	try {
		if (submission.value.intent === 'publish') {
			const { jobId } = await publishDraftPack(actor.id, submission.value.revision, requestInfo)
			return redirect(`/admin/policy-pack/jobs/${jobId}`)
		}
		const { checkId, enabled, severity, lane, revision } = submission.value
		await changeDraftPack(actor.id, revision, { kind: 'check', checkId, settings: { enabled, severity, lane } }, requestInfo)
		return redirect('/admin/policy-pack?saved=1')
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') return data({ message: error.message }, { status: error.status })
		throwAsResponse(error)
	}
}

const selectClass = 'border border-base-dark px-2 py-1'

export default function PolicyPackEditor({ loaderData, actionData }: Route.ComponentProps) {
	const { current, draft, versions, publication } = loaderData
	const [searchParams] = useSearchParams()
	return (
		<div className="space-y-8">
			<h1 className="text-3xl font-bold">Policy pack editor</h1>
			{searchParams.get('saved') ? <SuccessAlert>Saved in the draft of pack {draft.version}. It takes effect when you publish it.</SuccessAlert> : null}
			<p>
				In force: pack {current.version} (published {current.publishedDate}). Changes below go into the draft of pack{' '}
				<strong>{draft.version}</strong> and take effect when you publish it; every non-retired use case is then checked again.
			</p>
			{actionData?.message ? (
				<p role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					{actionData.message}
				</p>
			) : null}
			<section aria-labelledby="checks-heading" className="space-y-3">
				<h2 id="checks-heading" className="text-2xl font-bold">Checks</h2>
				<p>The logic of each check is part of the release; here you turn a check off or change its severity and the review lane it requires.</p>
				<TableScroll label="Check settings in the draft pack">
					<table className="w-full border-collapse text-left text-sm">
						<caption className="sr-only">Check settings in the draft pack</caption>
						<thead>
							<tr className="border-b-2 border-base-darkest">
								<th scope="col" className="py-2 pr-3">Check</th>
								<th scope="col" className="py-2 pr-3">Settings</th>
							</tr>
						</thead>
						<tbody>
							{draft.checks.map((check) => (
								<tr key={check.id} className="border-b border-base-lighter align-top">
									<th scope="row" className="py-2 pr-3 font-normal">
										<span className="font-mono">{check.id}</span>
										<br />
										{check.title}
									</th>
									<td className="py-2">
										<Form method="post" aria-label={`Settings for ${check.id}`} className="flex flex-wrap items-center gap-3">
											<CsrfInput />
											<input type="hidden" name="intent" value="check" />
											<input type="hidden" name="revision" value={draft.revision} />
											<input type="hidden" name="checkId" value={check.id} />
											<span className="flex items-center gap-1">
												<input id={`enabled-${check.id}`} type="checkbox" name="enabled" value="on" defaultChecked={check.enabled} className="size-5" />
												<label htmlFor={`enabled-${check.id}`}>On</label>
											</span>
											<label htmlFor={`severity-${check.id}`}>Severity</label>
											<select id={`severity-${check.id}`} name="severity" defaultValue={check.severity} className={selectClass}>
												{CHECK_SEVERITIES.map((severity) => (
													<option key={severity} value={severity}>{severity.toLowerCase()}</option>
												))}
											</select>
											<label htmlFor={`lane-${check.id}`}>Lane</label>
											<select id={`lane-${check.id}`} name="lane" defaultValue={check.lane} className={selectClass}>
												{reviewLanes.map((lane) => (
													<option key={lane} value={lane}>{reviewLaneLabels[lane]}</option>
												))}
											</select>
											<button type="submit" className="rounded border-2 border-primary px-3 py-1 font-bold text-primary">
												Save {check.id}
											</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			</section>
			<section aria-labelledby="references-heading" className="space-y-3">
				<div className="flex flex-wrap items-center justify-between gap-4">
					<h2 id="references-heading" className="text-2xl font-bold">References ({draft.references.length})</h2>
					<Link to="references/new" className="rounded border-2 border-primary px-4 py-2 font-bold no-underline">Add a reference</Link>
				</div>
				<ul className="columns-1 gap-8 md:columns-2">
					{draft.references.map((reference) => (
						<li key={reference.id} className="mb-1 break-inside-avoid">
							<Link to={`references/${reference.id}`}>{reference.id}</Link>: {reference.title}
							{reference.status === 'SUPERSEDED' ? ' (superseded)' : ''}
						</li>
					))}
				</ul>
			</section>
			<section aria-labelledby="publish-heading" className="space-y-3 border-t border-base-lighter pt-6">
				<h2 id="publish-heading" className="text-2xl font-bold">Publish</h2>
				{publication ? (
					<ConfirmAction
						title={`Publish pack ${draft.version}?`}
						intent="publish"
						fields={{ revision: draft.revision }}
						confirmLabel={`Yes, publish pack ${draft.version}`}
						cancelTo="/admin/policy-pack"
					>
						<p>
							It replaces pack {current.version} for every check from now on, and{' '}
							<strong>{publication.casesToCheck === 1 ? '1 use case is' : `${publication.casesToCheck.toLocaleString('en-US')} use cases are`}</strong> checked again
							against it (every case that is not retired); their findings and review lanes may change.
						</p>
						{publication.changes.length ? (
							<>
								<p>What the draft changes:</p>
								<ul className="list-disc pl-6">
									{publication.changes.map((change) => (
										<li key={`${change.kind}-${change.id}`}>
											{change.kind === 'check' ? 'Check' : 'Reference'} {change.id} ({change.title}): {change.what}
										</li>
									))}
								</ul>
							</>
						) : (
							<p>The draft changes no check or reference: publishing only gives the same rules a new version number.</p>
						)}
					</ConfirmAction>
				) : (
					<Link to="?confirm=publish" preventScrollReset className="inline-flex rounded bg-primary px-5 py-2.5 font-bold text-white no-underline hover:bg-primary-dark hover:text-white">
						Publish pack {draft.version}…
					</Link>
				)}
				<h3 className="text-xl font-bold">Versions</h3>
				<ul className="list-disc pl-6">
					{versions.map((version) => (
						<li key={version.id}>
							{version.version}: {version.status === 'PUBLISHED' ? `published ${version.publishedAt ? formatMomentDay(version.publishedAt) : ''}` : 'draft'}
							{version.editedBy ? `, edited by ${version.editedBy.name}` : ''}
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}
