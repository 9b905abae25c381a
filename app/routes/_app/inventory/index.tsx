import { data, Link, redirect, useFetcher, useLocation } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { CsrfInput, FormErrors } from '#app/components/forms.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { useRootData } from '#app/root.tsx'
import { applyBulkAction } from '#app/modules/inventory/inventory-bulk.server.ts'
import {
	BulkActionSchema,
	bulkActionPermissions,
	bulkInput,
	decodeOutcome,
	describeOutcome,
	encodeOutcome,
	inventoryReturnPath,
	MAX_BULK_SELECTION,
} from '#app/modules/inventory/inventory-bulk.ts'
import {
	determinationFilterLabels,
	INVENTORY_PAGE_SIZE,
	inventoryHref,
	inventoryInput,
	InventoryQuerySchema,
	inventorySearchParams,
	type InventoryQuery,
	type InventorySortKey,
	sortDirection,
	sortedBy,
} from '#app/modules/inventory/inventory-filters.ts'
import {
	facetValueLabel,
	sensitivityShortLabels,
	strictestOf,
	formatCount,
} from '#app/modules/inventory/inventory-labels.ts'
import { dataVersionOf } from '#app/modules/data-version/versioned-cache.server.ts'
import {
	inventoryPageAt,
	type InventoryRow,
} from '#app/modules/inventory/inventory-query.server.ts'
import { useCaseStatusLabels } from '#app/modules/use-cases/vocabulary.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels, reviewLanes, rolesGrant } from '#app/utils/permissions.ts'
import { reviewerChoices } from '#app/modules/workflow/lanes.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { ActiveFilters, FilterPanel, type SerializedFacets } from './+filter-panel.tsx'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'AI use case inventory · AI Governance Tracker' },
]

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:inventory:any')
	const url = new URL(request.url)
	const query = parseOrBadRequest(InventoryQuerySchema, inventoryInput(url.searchParams))
	const { rows, facets, orgUnits, pageCount } = await inventoryPageAt(
		user,
		query,
		await dataVersionOf(request),
	).catch(throwAsResponse)
	const { total, ...byFacet } = facets
	return {
		query,
		rows: rows.map(tableRow),
		total,
		facets: {
			total,
			...Object.fromEntries(
				Object.entries(byFacet).map(([key, counts]) => [key, Object.fromEntries(counts)]),
			),
		} as SerializedFacets,
		orgUnits: orgUnits.map(({ code, shortName, name }) => ({ code, shortName, name })),
		pageCount,
		canBulk: rolesGrant(
			user.roles.map((r) => r.role),
			'bulk-update:use-case:any',
		),
		reviewers: rolesGrant(
			user.roles.map((r) => r.role),
			'assign:review:any',
		)
			? (await reviewerChoices()).map(({ id, name, email }) => ({ id, name, email }))
			: [],
		defaultDue: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
		outcome: decodeOutcome(url.searchParams.get('bulkResult')),
	}
}

/** What the table shows of a row, and nothing more: the page carries its data to the browser. */
function tableRow(row: InventoryRow) {
	return {
		id: row.id,
		trackingId: row.trackingId,
		name: row.name,
		tags: row.tags,
		orgUnitCode: row.orgUnitCode,
		orgUnitShortName: row.orgUnitShortName,
		stage: row.stage,
		status: row.status,
		determination: row.determination,
		strictest: strictestOf(row.sensitivities),
		reviewRound: row.reviewRound,
		lanes: row.lanes,
		openLanes: row.openLanes,
		checksBlocked: row.checksBlocked,
		checksFailing: row.checksFailing,
		overdue: row.overdue,
		updatedAt: row.updatedAt,
	}
}

type TableRow = ReturnType<typeof tableRow>

export async function action({ request, context }: Route.ActionArgs) {
	const formData = await request.formData()
	const parsed = BulkActionSchema.safeParse(bulkInput(formData))
	if (!parsed.success) {
		await requireUserWithPermission(request, 'read:inventory:any')
		return data(
			{ error: parsed.error.issues.map((issue) => issue.message).join(' ') },
			{ status: 400 },
		)
	}
	const actor = await requireUserWithPermission(request, bulkActionPermissions[parsed.data.intent])
	try {
		const outcome = await applyBulkAction(actor, parsed.data, context.get(requestInfoContext))
		const back = new URL(inventoryReturnPath(parsed.data.returnTo), 'http://inventory.invalid')
		back.searchParams.set('bulkResult', encodeOutcome(outcome))
		return redirect(`${back.pathname}${back.search}`)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'FORBIDDEN')
			return data({ error: error.message }, { status: error.status })
		throwAsResponse(error)
	}
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeZone: 'America/New_York',
})

const sortNames: Record<InventorySortKey, string> = {
	updated: 'last update',
	trackingId: 'tracking id',
	name: 'name',
	orgUnit: 'org unit',
	stage: 'stage',
	status: 'status',
	determination: 'high-impact determination',
	sensitivity: 'strictest data sensitivity',
}

function ReviewProgress({ row }: { row: TableRow }) {
	let lanes: string
	if (row.reviewRound === 0) lanes = row.status === 'DRAFT' ? 'Not submitted' : 'No review opened'
	else if (row.lanes === 0) lanes = `Round ${row.reviewRound}: no lane opened`
	else if (row.openLanes === 0) lanes = `All ${row.lanes} lanes decided`
	else lanes = `${row.openLanes} of ${row.lanes} lanes open`
	const checks =
		row.checksBlocked === null
			? 'Not checked'
			: row.checksBlocked
				? 'Checks: blocked'
				: row.checksFailing
					? `${row.checksFailing} checks failing`
					: 'Checks passing'
	return (
		<>
			<span className="block">{lanes}</span>
			<span className="block text-sm text-base-darker">{checks}</span>
			{row.overdue ? (
				<span className="mt-0.5 inline-block rounded bg-error-lighter px-1.5 text-sm font-semibold text-error">
					Overdue
				</span>
			) : null}
		</>
	)
}

function Determination({ row }: { row: TableRow }) {
	if (row.determination === 'PRESUMED_UNDETERMINED') {
		return (
			<>
				<span className="block">Not yet determined</span>
				<span className="block text-sm text-base-darker">presumed high-impact</span>
			</>
		)
	}
	if (row.determination === 'UNDETERMINED') return <>Not yet determined</>
	return <>{determinationFilterLabels[row.determination]}</>
}

function ResultsTable({
	rows,
	query,
	selectable,
}: {
	rows: Array<TableRow>
	query: InventoryQuery
	selectable: boolean
}) {
	const direction = sortDirection(query)
	const sortable = (key: InventorySortKey) => ({
		href: inventoryHref(sortedBy(query, key)),
		active: query.sort === key,
		direction,
	})
	return (
		<DataTable
			caption={`AI use cases in this view, sorted by ${sortNames[query.sort]} (${direction === 'asc' ? 'ascending' : 'descending'}); page ${query.page}.`}
			showCaption
			rows={rows}
			rowKey={(row) => row.id}
			columns={[
				selectable && {
					header: <span className="sr-only">Select</span>,
					cell: (row) => (
						<>
							<input
								id={`select-${row.id}`}
								type="checkbox"
								name="ids"
								value={row.id}
								className="size-5"
							/>
							<label htmlFor={`select-${row.id}`} className="sr-only">
								Select {row.trackingId} {row.name}
							</label>
						</>
					),
				},
				{
					header: 'Tracking id',
					sort: sortable('trackingId'),
					className: 'font-mono whitespace-nowrap',
					cell: (row) => <Link to={`/use-cases/${row.id}`}>{row.trackingId}</Link>,
				},
				{
					header: 'Name',
					sort: sortable('name'),
					cell: (row) => (
						<>
							{row.name}
							{row.tags.length ? (
								<span className="block text-sm text-base-darker">Tags: {row.tags.join(', ')}</span>
							) : null}
						</>
					),
				},
				{
					header: 'Org unit',
					sort: sortable('orgUnit'),
					cell: (row) => (
						<abbr title={row.orgUnitCode} className="no-underline">
							{row.orgUnitShortName}
						</abbr>
					),
				},
				{
					header: 'Stage',
					sort: sortable('stage'),
					cell: (row) => (row.stage ? facetValueLabel('stage', row.stage) : 'Not stated'),
				},
				{
					header: 'Status',
					sort: sortable('status'),
					cell: (row) => useCaseStatusLabels[row.status],
				},
				{
					header: 'High-impact',
					sort: sortable('determination'),
					cell: (row) => <Determination row={row} />,
				},
				{
					header: 'Strictest data sensitivity',
					sort: sortable('sensitivity'),
					cell: (row) => (row.strictest ? sensitivityShortLabels[row.strictest] : 'None'),
				},
				{ header: 'Review progress', cell: (row) => <ReviewProgress row={row} /> },
				{
					header: 'Updated',
					sort: sortable('updated'),
					className: 'whitespace-nowrap',
					cell: (row) => dateFormat.format(new Date(row.updatedAt)),
				},
			]}
		/>
	)
}

type ReviewerChoice = { id: string; name: string; email: string }

const bulkControl = 'mt-1 block max-w-full border border-base-dark px-3 py-2'

function BulkToolbar({
	rows,
	returnTo,
	error,
	reviewers,
	defaultDue,
}: {
	rows: Array<TableRow>
	returnTo: string
	error: string | null
	reviewers: Array<ReviewerChoice>
	defaultDue: string
}) {
	return (
		<fieldset className="space-y-3 border border-base-lighter bg-base-lightest p-3">
			<legend className="px-1 font-bold">Act on the selected use cases</legend>
			<CsrfInput />
			<input type="hidden" name="returnTo" value={returnTo} />
			{rows.map((row) => (
				<input key={row.id} type="hidden" name="pageIds" value={row.id} />
			))}
			<div className="flex items-center gap-2">
				<input
					id="select-all-on-page"
					type="checkbox"
					name="allOnPage"
					value="on"
					className="size-5"
					onChange={(event) => {
						// Without JavaScript the server reads "all on this page" itself; with it, the ticks show it too.
						const form = event.currentTarget.form
						form?.querySelectorAll<HTMLInputElement>('input[name="ids"]').forEach((box) => {
							box.checked = event.currentTarget.checked
						})
					}}
				/>
				<label htmlFor="select-all-on-page">Select all {rows.length} use cases on this page</label>
			</div>
			<div className="flex flex-wrap items-end gap-3">
				<div>
					<label htmlFor="bulk-tag" className="block font-semibold">
						Tag
					</label>
					<input
						id="bulk-tag"
						name="tag"
						aria-describedby="bulk-tag-hint"
						className="mt-1 block border border-base-dark px-3 py-2"
					/>
					<p id="bulk-tag-hint" className="text-sm text-base-dark">
						Lower-case words and hyphens, e.g. omb-2026.
					</p>
				</div>
				<button
					type="submit"
					name="intent"
					value="add-tag"
					className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark"
				>
					Add tag
				</button>
				<button
					type="submit"
					name="intent"
					value="remove-tag"
					className="rounded border-2 border-primary bg-white px-4 py-2 font-bold text-primary hover:bg-primary-lighter"
				>
					Remove tag
				</button>
				<button
					type="submit"
					name="intent"
					value="export"
					formAction="/inventory/view.csv"
					onClick={(event) => {
						// A download is a plain browser submission to the CSV route, not an in-app navigation.
						const form = event.currentTarget.form
						if (!form) return
						event.preventDefault()
						const action = form.getAttribute('action')
						form.setAttribute('action', '/inventory/view.csv')
						HTMLFormElement.prototype.submit.call(form)
						if (action === null) form.removeAttribute('action')
						else form.setAttribute('action', action)
					}}
					className="rounded border-2 border-primary bg-white px-4 py-2 font-bold text-primary hover:bg-primary-lighter"
				>
					Export selection as CSV
				</button>
			</div>
			{reviewers.length ? (
				<div className="flex flex-wrap items-end gap-3 border-t border-base-lighter pt-3">
					<div>
						<label htmlFor="bulk-lane" className="block font-semibold">
							Review lane
						</label>
						<select id="bulk-lane" name="lane" defaultValue="" className={bulkControl}>
							<option value="">Choose…</option>
							{reviewLanes.map((lane) => (
								<option key={lane} value={lane}>
									{reviewLaneLabels[lane]}
								</option>
							))}
						</select>
					</div>
					<div>
						<label htmlFor="bulk-reviewer" className="block font-semibold">
							Reviewer
						</label>
						<select id="bulk-reviewer" name="assigneeId" defaultValue="" className={bulkControl}>
							<option value="">Choose…</option>
							{reviewers.map((person) => (
								<option key={person.id} value={person.id}>
									{person.name} ({person.email})
								</option>
							))}
						</select>
					</div>
					<div>
						<label htmlFor="bulk-due" className="block font-semibold">
							Due on
						</label>
						<input
							id="bulk-due"
							type="date"
							name="dueOn"
							defaultValue={defaultDue}
							className={bulkControl}
						/>
					</div>
					<button
						type="submit"
						name="intent"
						value="assign-reviewer"
						className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark"
					>
						Assign reviewer
					</button>
				</div>
			) : null}
			<div className="flex flex-wrap items-end gap-3 border-t border-base-lighter pt-3">
				<div>
					<label htmlFor="bulk-reason" className="block font-semibold">
						Why are they retired?
					</label>
					<input id="bulk-reason" name="reason" className={bulkControl} />
				</div>
				<button
					type="submit"
					name="intent"
					value="retire"
					className="rounded bg-error px-4 py-2 font-bold text-white hover:bg-primary-darker"
				>
					Retire
				</button>
			</div>
			<p className="text-sm text-base-dark">
				At most {MAX_BULK_SELECTION} use cases at a time. Each case goes through the review rules
				(independence, status): if one is refused, none changes. Every change is recorded in the
				audit log.
			</p>
			<FormErrors id="bulk-error" errors={error ? [error] : null} takeFocus />
		</fieldset>
	)
}

export default function Inventory({ loaderData, actionData }: Route.ComponentProps) {
	const {
		query,
		rows,
		total,
		facets,
		orgUnits,
		pageCount,
		canBulk,
		outcome,
		reviewers,
		defaultDue,
	} = loaderData
	const user = useRootData()?.user
	const location = useLocation()
	const bulk = useFetcher<typeof action>()
	const exportParams = inventorySearchParams({ ...query, page: 1 })
	const can = (permission: Parameters<typeof rolesGrant>[1]) =>
		user
			? rolesGrant(
					user.roles.map((r) => r.role),
					permission,
				)
			: false
	const first = (query.page - 1) * INVENTORY_PAGE_SIZE + 1
	const table = <ResultsTable rows={rows} query={query} selectable={canBulk} />
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-start justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold">AI use case inventory</h1>
					<p className="mt-1 max-w-3xl">
						Every AI use case at CMS: what it does, on what data, how risky it is, and where its
						review stands. Filter, sort and share the address of any view.
					</p>
				</div>
				<nav aria-label="Reporting to OMB" className="flex flex-wrap gap-2">
					{can('export:inventory:any') ? (
						<Link
							to="/inventory/export"
							className="rounded border-2 border-primary px-3 py-1.5 font-bold no-underline"
						>
							OMB export
						</Link>
					) : null}
					{can('import:inventory:any') ? (
						<Link
							to="/inventory/import"
							className="rounded border-2 border-primary px-3 py-1.5 font-bold no-underline"
						>
							Import
						</Link>
					) : null}
					{can('manage:cycle:any') ? (
						<Link
							to="/inventory/cycles"
							className="rounded border-2 border-primary px-3 py-1.5 font-bold no-underline"
						>
							Inventory cycles
						</Link>
					) : null}
				</nav>
			</div>
			{outcome ? (
				<p role="status" className="border-l-4 border-success bg-success-lighter p-3 font-semibold">
					{describeOutcome(outcome)}
				</p>
			) : null}
			<div className="flex flex-col gap-8 lg:flex-row">
				<aside className="lg:w-72 lg:shrink-0">
					<a href="#results" className="mb-3 inline-block font-semibold lg:hidden">
						Skip the filters to the {total === 1 ? 'result' : `${formatCount(total)} results`}
					</a>
					<FilterPanel query={query} facets={facets} orgUnits={orgUnits} />
				</aside>
				<section
					id="results"
					tabIndex={-1}
					aria-labelledby="results-heading"
					className="min-w-0 flex-1 space-y-4"
				>
					<div className="flex flex-wrap items-center justify-between gap-3">
						<h2 id="results-heading" className="text-xl font-bold" aria-live="polite">
							{total === 1 ? '1 use case' : `${formatCount(total)} use cases`}
							{total > 0 && rows.length > 0 ? (
								<span className="font-normal text-base-darker">
									{' '}
									(showing {formatCount(first)}–{formatCount(first + rows.length - 1)})
								</span>
							) : null}
						</h2>
						<a
							href={`/inventory/view.csv${exportParams.size ? `?${exportParams}` : ''}`}
							className="rounded border-2 border-primary px-4 py-2 font-bold no-underline"
							download
						>
							Download this view (CSV)
						</a>
					</div>
					<ActiveFilters query={query} />
					{rows.length === 0 ? (
						<p className="border-l-4 border-base-light bg-base-lightest p-3">
							{total === 0
								? 'No use case matches this view. Remove a filter or search for something else.'
								: 'This page is past the end of the results.'}
						</p>
					) : canBulk ? (
						// A fetcher's form: a refused action leaves the page as it was (the view, the ticked
						// cases, the tag or reason typed) with the reason beside the buttons; one that is
						// done redirects to the view with its outcome.
						<bulk.Form
							key={location.search}
							method="post"
							action="/inventory?index"
							className="space-y-3"
						>
							<BulkToolbar
								rows={rows}
								returnTo={location.search}
								error={bulk.data?.error ?? actionData?.error ?? null}
								reviewers={reviewers}
								defaultDue={defaultDue}
							/>
							{table}
						</bulk.Form>
					) : (
						table
					)}
					<Pagination
						page={query.page}
						pageCount={pageCount}
						hrefFor={(page) => inventoryHref({ ...query, page })}
						resultsId="results"
					/>
				</section>
			</div>
		</div>
	)
}
