import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { formatMomentDay } from '#app/utils/dates.ts'
import { DataTable } from '#app/components/data-table.tsx'
import { SuccessAlert } from '#app/components/confirm-action.tsx'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import {
	autoPublishReleases,
	changeDraftPack,
	getDraftPack,
	listPackVersions,
	setAutoPublishReleases,
} from '#app/modules/policies/pack-admin.server.ts'
import { currentPolicyPack } from '#app/modules/policies/packs.server.ts'
import { CHECK_SEVERITIES } from '#app/modules/policies/policy-pack.ts'
import { PackEditorActionSchema } from '#app/modules/policies/schemas.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels, reviewLanes, type ReviewLaneName } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Policy pack editor · AI Governance Tracker' },
]

export async function loader({ request }: Route.LoaderArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const [current, draft, versions, autoPublish] = await Promise.all([
		currentPolicyPack(),
		getDraftPack(actor.id).catch(throwAsResponse),
		listPackVersions(),
		autoPublishReleases(),
	])
	const proposed = versions.find((version) => version.status === 'PROPOSED') ?? null
	return {
		saved: new URL(request.url).searchParams.get('saved') === '1',
		current: { version: current.version, publishedDate: current.publishedDate },
		proposed: proposed ? { version: proposed.version } : null,
		draft: {
			version: draft.version,
			basedOnVersion: draft.basedOnVersion,
			revision: draft.revision,
			references: draft.pack.references,
			checks: draft.pack.checks,
			routes: draft.pack.routes ?? [],
		},
		versions,
		autoPublish,
	}
}

type Rejected =
	| { kind: 'check'; checkId: string; enabled: boolean; severity: string; lane: string }
	| { kind: 'route'; routeId: string; enabled: boolean; lanes: Array<string> }

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:policy:any')
	const submission = parseWithZod(await request.formData(), { schema: PackEditorActionSchema })
	if (submission.status !== 'success') {
		const message =
			Object.values(submission.error ?? {}).flat()[0] ??
			'The form was not valid; reload and try again.'
		return data({ message, rejected: null as Rejected | null }, { status: 400 })
	}
	const requestInfo = context.get(requestInfoContext)
	const value = submission.value
	if (value.intent === 'auto-publish') {
		await setAutoPublishReleases(actor.id, value.enabled, requestInfo)
		return redirect('/admin/policy-pack?saved=1')
	}
	// What the administrator asked for, so a refused change is shown as they set it, not lost.
	const rejected: Rejected =
		value.intent === 'check'
			? {
					kind: 'check',
					checkId: value.checkId,
					enabled: value.enabled,
					severity: value.severity,
					lane: value.lane,
				}
			: { kind: 'route', routeId: value.routeId, enabled: value.enabled, lanes: value.lanes }
	try {
		if (value.intent === 'check') {
			const { checkId, enabled, severity, lane, revision } = value
			await changeDraftPack(
				actor.id,
				revision,
				{ kind: 'check', checkId, settings: { enabled, severity, lane } },
				requestInfo,
			)
		} else {
			const { routeId, enabled, lanes, revision } = value
			await changeDraftPack(
				actor.id,
				revision,
				{ kind: 'route', routeId, settings: { enabled, lanes } },
				requestInfo,
			)
		}
		return redirect('/admin/policy-pack?saved=1')
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data({ message: error.message, rejected }, { status: error.status })
		throwAsResponse(error)
	}
}

const selectClass = 'border border-base-dark px-2 py-1'
const statusWords = {
	DRAFT: 'draft',
	PROPOSED: 'release waiting for publication',
	PUBLISHED: 'published',
} as const

export default function PolicyPackEditor({ loaderData, actionData }: Route.ComponentProps) {
	const { saved, current, proposed, draft, versions, autoPublish } = loaderData
	const rejected = actionData?.rejected ?? null
	return (
		<div className="space-y-8">
			<h1 className="text-3xl font-bold">Policy pack editor</h1>
			{saved ? (
				<SuccessAlert>
					Your change is saved in the draft of pack {draft.version}. It takes effect when you
					publish the draft.
				</SuccessAlert>
			) : null}
			<p>
				In force: pack {current.version} (published {current.publishedDate}). Changes below go into
				the draft of pack <strong>{draft.version}</strong> (started from{' '}
				{draft.basedOnVersion ?? current.version}) and take effect when you publish it; every
				non-retired use case is then checked again.
			</p>
			{actionData?.message ? (
				<p role="alert" className="border-l-4 border-error bg-error-lighter p-3">
					{actionData.message}
				</p>
			) : null}
			{proposed ? (
				<section
					aria-labelledby="release-heading"
					className="space-y-3 border-l-4 border-primary bg-primary-lighter p-4"
				>
					<h2 id="release-heading" className="text-2xl font-bold">
						Release {proposed.version} is waiting for publication
					</h2>
					<p>
						This version of the tracker ships policy pack {proposed.version}. It takes effect only
						when an administrator publishes it; review what it changes first.
					</p>
					<Link
						to={`publish/${proposed.version}`}
						className="inline-block rounded bg-primary px-4 py-2 font-bold text-white no-underline"
					>
						Review release {proposed.version}
					</Link>
				</section>
			) : null}
			<section aria-labelledby="releases-heading" className="space-y-3">
				<h2 id="releases-heading" className="text-2xl font-bold">
					New releases
				</h2>
				<Form method="post" className="flex flex-wrap items-center gap-3">
					<CsrfInput />
					<input type="hidden" name="intent" value="auto-publish" />
					<span className="flex items-center gap-2">
						<input
							id="auto-publish"
							type="checkbox"
							name="enabled"
							value="on"
							defaultChecked={autoPublish}
							className="size-5"
						/>
						<label htmlFor="auto-publish">
							Publish a new release automatically when the tracker starts (otherwise it waits for an
							administrator)
						</label>
					</span>
					<Button variant="secondary">Save setting</Button>
				</Form>
			</section>
			<section aria-labelledby="checks-heading" className="space-y-3">
				<h2 id="checks-heading" className="text-2xl font-bold">
					Checks
				</h2>
				<p>
					The logic of each check is part of the release; here you turn a check off or change its
					severity and the review lane it requires.
				</p>
				<DataTable
					caption="Check settings in the draft pack"
					className="w-full text-sm"
					rows={draft.checks}
					rowKey={(check) => check.id}
					columns={[
						{
							header: 'Check',
							rowHeader: true,
							cell: (check) => (
								<>
									<span className="font-mono">{check.id}</span>
									<br />
									{check.title}
								</>
							),
						},
						{
							header: 'Settings',
							cell: (check) => {
								const mine =
									rejected?.kind === 'check' && rejected.checkId === check.id ? rejected : null
								return (
									<DraftRowForm
										label={`Settings for ${check.id}`}
										intent="check"
										revision={draft.revision}
										target={{ checkId: check.id }}
										submitLabel={`Save ${check.id}`}
										rejected={mine !== null}
										className="flex flex-wrap items-center gap-3"
									>
										<span className="flex items-center gap-1">
											<input
												id={`enabled-${check.id}`}
												type="checkbox"
												name="enabled"
												value="on"
												defaultChecked={mine ? mine.enabled : check.enabled}
												className="size-5"
											/>
											<label htmlFor={`enabled-${check.id}`}>On</label>
										</span>
										<label htmlFor={`severity-${check.id}`}>Severity</label>
										<select
											id={`severity-${check.id}`}
											name="severity"
											defaultValue={mine ? mine.severity : check.severity}
											className={selectClass}
										>
											{CHECK_SEVERITIES.map((severity) => (
												<option key={severity} value={severity}>
													{severity.toLowerCase()}
												</option>
											))}
										</select>
										<label htmlFor={`lane-${check.id}`}>Lane</label>
										<select
											id={`lane-${check.id}`}
											name="lane"
											defaultValue={mine ? mine.lane : check.lane}
											className={selectClass}
										>
											{reviewLanes.map((lane) => (
												<option key={lane} value={lane}>
													{reviewLaneLabels[lane]}
												</option>
											))}
										</select>
									</DraftRowForm>
								)
							},
						},
					]}
				/>
			</section>
			<section aria-labelledby="routes-heading" className="space-y-3">
				<h2 id="routes-heading" className="text-2xl font-bold">
					Review lanes always required
				</h2>
				<p>
					A routing rule requires its lanes whenever its condition holds, whatever the submitter
					answered and whatever the checks find. The conditions are part of the release; here you
					choose the lanes (for example the board representative your agency names for civil
					rights).
				</p>
				<ul className="space-y-4">
					{draft.routes.map((route) => {
						const mine =
							rejected?.kind === 'route' && rejected.routeId === route.id ? rejected : null
						const chosen = new Set<string>(mine ? mine.lanes : route.lanes)
						return (
							<li key={route.id} className="border border-base-lighter p-3">
								<DraftRowForm
									label={`Lanes for ${route.id}`}
									intent="route"
									revision={draft.revision}
									target={{ routeId: route.id }}
									submitLabel={`Save ${route.id}`}
									rejected={mine !== null}
									className="space-y-2"
								>
									<fieldset>
										<legend className="font-semibold">
											<span className="font-mono">{route.id}</span>: {route.title} (cites{' '}
											{route.clauseIds.join(', ')})
										</legend>
										<div className="mt-2 flex flex-wrap gap-4">
											{reviewLanes.map((lane: ReviewLaneName) => (
												<span key={lane} className="flex items-center gap-1">
													<input
														id={`route-${route.id}-${lane}`}
														type="checkbox"
														name="lanes"
														value={lane}
														defaultChecked={chosen.has(lane)}
														className="size-5"
													/>
													<label htmlFor={`route-${route.id}-${lane}`}>
														{reviewLaneLabels[lane]}
													</label>
												</span>
											))}
											<span className="flex items-center gap-1">
												<input
													id={`route-${route.id}-enabled`}
													type="checkbox"
													name="enabled"
													value="on"
													defaultChecked={mine ? mine.enabled : route.enabled}
													className="size-5"
												/>
												<label htmlFor={`route-${route.id}-enabled`}>Rule on</label>
											</span>
										</div>
									</fieldset>
								</DraftRowForm>
							</li>
						)
					})}
				</ul>
			</section>
			<section aria-labelledby="references-heading" className="space-y-3">
				<div className="flex flex-wrap items-center justify-between gap-4">
					<h2 id="references-heading" className="text-2xl font-bold">
						References ({draft.references.length})
					</h2>
					<Link
						to="references/new"
						className="rounded border-2 border-primary px-4 py-2 font-bold no-underline"
					>
						Add a reference
					</Link>
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
			<section
				aria-labelledby="publish-heading"
				className="space-y-3 border-t border-base-lighter pt-6"
			>
				<h2 id="publish-heading" className="text-2xl font-bold">
					Publish
				</h2>
				<p>
					Before anything is published you see what changes from the pack in force and how many use
					cases are checked again.
				</p>
				<Link
					to={`publish/${draft.version}`}
					className="inline-block rounded bg-primary px-4 py-2 font-bold text-white no-underline"
				>
					Review and publish draft {draft.version}
				</Link>
				<h3 className="text-xl font-bold">Versions</h3>
				<ul className="list-disc pl-6">
					{versions.map((version) => (
						<li key={version.id}>
							{version.version} ({version.origin === 'RELEASE' ? 'release' : 'local edition'}):{' '}
							{version.status === 'PUBLISHED'
								? `published ${version.publishedAt ? formatMomentDay(version.publishedAt) : '—'}`
								: statusWords[version.status]}
							{version.editedBy ? `, edited by ${version.editedBy.name}` : ''}
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}

/** One check's or routing rule's settings in the draft, saved against the draft's revision. */
function DraftRowForm({
	label,
	intent,
	revision,
	target,
	submitLabel,
	rejected,
	className,
	children,
}: {
	label: string
	intent: 'check' | 'route'
	revision: number
	target: { checkId: string } | { routeId: string }
	submitLabel: string
	rejected: boolean
	className: string
	children: React.ReactNode
}) {
	return (
		<Form method="post" aria-label={label} className={className}>
			<CsrfInput />
			<input type="hidden" name="intent" value={intent} />
			<input type="hidden" name="revision" value={revision} />
			{Object.entries(target).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			{children}
			<button
				type="submit"
				className="rounded border-2 border-primary px-3 py-1 font-bold text-primary"
			>
				{submitLabel}
			</button>
			{rejected ? (
				<span className="ml-3 font-semibold text-error">Not saved: see the message above.</span>
			) : null}
		</Form>
	)
}
