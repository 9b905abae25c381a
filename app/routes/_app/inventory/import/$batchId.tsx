import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect } from 'react'
import {
	data,
	Form,
	Link,
	redirect,
	useNavigation,
	useRevalidator,
	useSearchParams,
} from 'react-router'
import { z } from 'zod'
import { FilterField, optionsOf } from '#app/components/filter-field.tsx'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import {
	decideAllMatches,
	decideMatches,
	discardImport,
	getImportBatch,
	importOrgUnits,
	startImport,
} from '#app/modules/omb-exchange/import.server.ts'
import { importViewFrom } from '#app/modules/omb-exchange/import-view.ts'
import { changedColumns } from '#app/modules/omb-exchange/changed-columns.ts'
import { UnknownComponentSchema } from '#app/modules/org-units/org-unit-schemas.ts'
import { addOrgUnitAlias, createOrgUnit } from '#app/modules/org-units/org-units.server.ts'
import { restartImport } from '#app/modules/jobs/runs.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { userHasPermission } from '#app/utils/permissions.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { orgUnitLabel } from '#app/modules/org-units/org-unit-label.ts'
import { StalledImportNote } from './+stalled-note.tsx'
import type { Route } from './+types/$batchId.ts'

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `${loaderData?.batch.fileName ?? 'Import'} · AI Governance Tracker` },
]

const Params = idParams('batchId')
const IntentSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('start'), previewStamp: z.string().regex(/^[0-9a-f]{64}$/) }),
	z.object({ intent: z.literal('discard') }),
	z.object({ intent: z.literal('restart') }),
	z.object({
		intent: z.literal('decide'),
		row: z.coerce.number().int().min(2).max(1_000_000),
		decision: z.string().trim().min(1).max(40),
	}),
	z.object({ intent: z.literal('decide-all'), choice: z.enum(['SUGGESTED', 'NEW']) }),
])

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'import:inventory:any')
	const { batchId } = parseOrBadRequest(Params, params)
	const result = await getImportBatch(
		batchId,
		importViewFrom(new URL(request.url).searchParams),
	).catch(throwAsResponse)
	const canAddUnits = userHasPermission(user, 'create:org-unit:any')
	const units =
		canAddUnits && result.preview?.unknownComponents.length
			? (await importOrgUnits()).map(({ id, code, name }) => ({ id, code, name }))
			: []
	return { ...result, canAddUnits, units }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'import:inventory:any')
	const { batchId } = parseOrBadRequest(Params, params)
	const formData = await request.formData()
	const requestInfo = context.get(requestInfoContext)
	const component = parseWithZod(formData, { schema: UnknownComponentSchema })
	try {
		if (component.status === 'success') {
			if (!userHasPermission(actor, 'create:org-unit:any'))
				throw new AppError(
					'FORBIDDEN',
					'Only a governance lead or an administrator adds org units.',
				)
			const value = component.value
			if (value.intent === 'map-component')
				await addOrgUnitAlias(actor, value.orgUnitId, value.bureau, requestInfo)
			else
				await createOrgUnit(
					actor,
					{
						parentId: value.parentId,
						shortName: value.shortName,
						name: value.name,
						aliases: [value.bureau],
					},
					requestInfo,
				)
			return redirect(`/inventory/import/${batchId}`)
		}
		if (['map-component', 'create-component'].includes(String(formData.get('intent')))) {
			const messages = Object.values(component.error ?? {})
				.flat()
				.filter(Boolean)
			return data(
				{ error: `The component could not be added: ${messages.join(' ') || 'check the form.'}` },
				{ status: 400 },
			)
		}
		const submission = parseWithZod(formData, { schema: IntentSchema })
		if (submission.status !== 'success')
			return data({ error: 'Choose what to do with the file.' }, { status: 400 })
		const value = submission.value
		if (value.intent === 'start') {
			await startImport(actor, batchId, requestInfo, value.previewStamp)
			return redirect(`/inventory/import/${batchId}`)
		}
		if (value.intent === 'restart') {
			await restartImport(actor, batchId, requestInfo)
			return redirect(`/inventory/import/${batchId}`)
		}
		if (value.intent === 'decide') {
			await decideMatches(actor, batchId, { [String(value.row)]: value.decision }, requestInfo)
			return redirect(`/inventory/import/${batchId}#matches-heading`)
		}
		if (value.intent === 'decide-all') {
			await decideAllMatches(actor, batchId, value.choice, requestInfo)
			return redirect(`/inventory/import/${batchId}#matches-heading`)
		}
		await discardImport(actor, batchId, requestInfo)
		return redirect('/inventory/import?discarded=1')
	} catch (error) {
		if (error instanceof AppError) return data({ error: error.message }, { status: error.status })
		throw error
	}
}

const dateTime = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'America/New_York',
})

const matchedByLabels: Record<string, string> = {
	TRACKING_ID: 'by tracking id',
	IMPORT_KEY: 'as imported before',
	OMB_ID: 'by OMB id',
	PREVIOUS_OMB_ID: 'by an earlier OMB id',
	NAME: 'by name and bureau',
	CONFIRMED: 'as you confirmed',
}

const outcomeLabels = {
	CREATE: 'New',
	UPDATE: 'Update',
	UNCHANGED: 'Unchanged',
	SKIP: 'Not imported',
	CONFIRM: 'Waiting for your decision',
} as const

function plural(count: number, one: string, many = `${one}s`) {
	return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`
}

type LoaderData = Route.ComponentProps['loaderData']

function ProblemsSection({
	problems,
	batchId,
}: {
	problems: NonNullable<LoaderData['problems']>
	batchId: string
}) {
	const [search] = useSearchParams()
	const hrefWith = (changes: Record<string, string | null>) => {
		const next = new URLSearchParams(search)
		for (const [key, value] of Object.entries(changes)) {
			if (value === null) next.delete(key)
			else next.set(key, value)
		}
		const query = next.toString()
		return `?${query}#problems-heading`
	}
	const filtered = search.get('kind') || search.get('column') || search.get('severity')
	const csvQuery = new URLSearchParams(
		[...search.entries()].filter(([key]) => ['kind', 'column', 'severity'].includes(key)),
	).toString()
	return (
		<section aria-labelledby="problems-heading" className="space-y-4">
			<h2 id="problems-heading" className="text-2xl font-bold">
				Problems in the file
			</h2>
			{problems.total === 0 ? (
				<p>The file has no problems.</p>
			) : (
				<>
					<p>
						{plural(problems.total, 'problem')},{' '}
						{plural(problems.errors, 'of them keeps a row out', 'of them keep rows out')}.{' '}
						<a href={`/inventory/import/${batchId}/problems.csv${csvQuery ? `?${csvQuery}` : ''}`}>
							Download {filtered ? 'these problems' : 'every problem'} (CSV)
						</a>
					</p>
					<DataTable
						caption="By problem and column"
						showCaption
						rows={problems.groups}
						rowKey={(group) => `${group.kind}-${group.column}`}
						rowClassName={(group) => (group.severity === 'ERROR' ? 'bg-error-lighter' : undefined)}
						columns={[
							{
								header: 'Problem',
								cell: (group) => (
									<Link to={hrefWith({ kind: group.kind, column: group.column, page: null })}>
										{group.title}
									</Link>
								),
							},
							{ header: 'Column', className: 'font-mono', cell: (group) => group.column ?? '—' },
							{ header: 'Rows', cell: (group) => group.count.toLocaleString('en-US') },
							{ header: 'Effect', cell: (group) => group.effect },
						]}
					/>
					<Form method="get" className="flex flex-wrap items-end gap-4" preventScrollReset>
						<FilterField
							id="filter-kind"
							name="kind"
							label="Problem"
							defaultValue={search.get('kind') ?? ''}
							anyLabel="Every problem"
							options={[
								...new Map(problems.groups.map((group) => [group.kind, group.title])).entries(),
							].map(([value, label]) => ({ value, label }))}
						/>
						<FilterField
							id="filter-column"
							name="column"
							label="Column"
							defaultValue={search.get('column') ?? ''}
							anyLabel="Every column"
							options={optionsOf(
								[
									...new Set(
										problems.groups
											.map((group) => group.column)
											.filter((column): column is string => column !== null),
									),
								].sort(),
								(column) => column,
							)}
						/>
						<FilterField
							id="filter-severity"
							name="severity"
							label="Effect"
							defaultValue={search.get('severity') ?? ''}
							anyLabel="Any"
							options={[
								{ value: 'ERROR', label: 'Row not imported' },
								{ value: 'WARNING', label: 'Row imported' },
							]}
						/>
						<Button variant="secondary">Show</Button>
						{filtered ? (
							<Link to={hrefWith({ kind: null, column: null, severity: null, page: null })}>
								Show every problem
							</Link>
						) : null}
					</Form>
					<DataTable
						caption={`${plural(problems.filteredTotal, 'problem')}${filtered ? ' shown by the filters' : ''}, row by row`}
						showCaption
						rows={problems.list}
						rowKey={(problem, index) => `${problem.row}-${index}`}
						rowClassName={(problem) =>
							problem.severity === 'ERROR' ? 'bg-error-lighter' : undefined
						}
						columns={[
							{
								header: 'Row',
								cell: (problem) =>
									problem.row === null
										? 'Many'
										: problem.row === 1 && !problem.name
											? 'Header'
											: problem.row,
							},
							{ header: 'Use case', cell: (problem) => problem.name || '—' },
							{
								header: 'Column',
								className: 'font-mono',
								cell: (problem) => problem.column ?? '—',
							},
							{
								header: 'Problem',
								className: 'whitespace-pre-line',
								cell: (problem) => problem.message,
							},
							{ header: 'Effect', cell: (problem) => problem.effect },
						]}
					/>
					<Pagination
						label="Pages of problems"
						page={problems.page}
						pageCount={problems.pageCount}
						hrefFor={(page) => hrefWith({ page: String(page) })}
					/>
				</>
			)}
		</section>
	)
}

function UnknownComponents({
	preview,
	canAddUnits,
	units,
	busy,
}: {
	preview: NonNullable<LoaderData['preview']>
	canAddUnits: boolean
	units: LoaderData['units']
	busy: boolean
}) {
	if (preview.unknownComponents.length === 0) return null
	const cms = units.find((unit) => unit.code === 'HHS/CMS')
	return (
		<section aria-labelledby="components-heading" className="space-y-4">
			<h2 id="components-heading" className="text-2xl font-bold">
				Components the tracker does not know
			</h2>
			<p>
				{canAddUnits
					? 'Map each to the org unit it is (the tracker remembers the spelling for later files), or add it as a new unit. The preview then counts its rows in.'
					: 'A governance lead or an administrator maps each to an org unit or adds it under Org units; or correct the file.'}
			</p>
			{preview.unknownComponents.map((component, index) => (
				<div key={component.bureau} className="space-y-3 border border-base-lighter p-4">
					<h3 className="text-lg font-semibold">
						“{component.bureau}”: {plural(component.rows, 'row')} (first on row {component.firstRow}
						)
					</h3>
					{canAddUnits ? (
						<div className="grid gap-6 md:grid-cols-2">
							<Form method="post" className="space-y-2">
								<CsrfInput />
								<input type="hidden" name="intent" value="map-component" />
								<input type="hidden" name="bureau" value={component.bureau} />
								<label htmlFor={`map-${index}`} className="block font-semibold">
									It is this org unit
								</label>
								<select
									id={`map-${index}`}
									name="orgUnitId"
									required
									className="block w-full border border-base-dark px-3 py-2"
								>
									{units.map((unit) => (
										<option key={unit.id} value={unit.id}>
											{orgUnitLabel(unit)}
										</option>
									))}
								</select>
								<Button variant="secondary" disabled={busy}>
									Map to this unit
								</Button>
							</Form>
							<Form method="post" className="space-y-2">
								<CsrfInput />
								<input type="hidden" name="intent" value="create-component" />
								<input type="hidden" name="bureau" value={component.bureau} />
								<label htmlFor={`parent-${index}`} className="block font-semibold">
									Add it as a new unit under
								</label>
								<select
									id={`parent-${index}`}
									name="parentId"
									required
									defaultValue={cms?.id}
									className="block w-full border border-base-dark px-3 py-2"
								>
									{units.map((unit) => (
										<option key={unit.id} value={unit.id}>
											{orgUnitLabel(unit)}
										</option>
									))}
								</select>
								<label htmlFor={`short-${index}`} className="block font-semibold">
									Abbreviation
								</label>
								<input
									id={`short-${index}`}
									name="shortName"
									required
									maxLength={20}
									className="block w-full border border-base-dark px-3 py-2"
								/>
								<label htmlFor={`name-${index}`} className="block font-semibold">
									Full name
								</label>
								<input
									id={`name-${index}`}
									name="name"
									required
									maxLength={200}
									defaultValue={component.bureau.split(/\s*\/\s*/).at(-1)}
									className="block w-full border border-base-dark px-3 py-2"
								/>
								<Button variant="secondary" disabled={busy}>
									Add this unit
								</Button>
							</Form>
						</div>
					) : null}
				</div>
			))}
		</section>
	)
}

function AwaitingDecision({
	preview,
	busy,
}: {
	preview: NonNullable<LoaderData['preview']>
	busy: boolean
}) {
	if (preview.awaitingDecision.length === 0) return null
	return (
		<section aria-labelledby="matches-heading" className="space-y-4">
			<h2 id="matches-heading" className="text-2xl font-bold">
				Rows that may be use cases the tracker has
			</h2>
			<p>
				These rows found no case by id or by name in their bureau, but look like one. Say which they
				are; until then they are not imported.
			</p>
			<div className="flex flex-wrap gap-4">
				<Form method="post">
					<CsrfInput />
					<input type="hidden" name="intent" value="decide-all" />
					<input type="hidden" name="choice" value="SUGGESTED" />
					<Button variant="secondary" disabled={busy}>
						Each is the use case suggested
					</Button>
				</Form>
				<Form method="post">
					<CsrfInput />
					<input type="hidden" name="intent" value="decide-all" />
					<input type="hidden" name="choice" value="NEW" />
					<Button variant="secondary" disabled={busy}>
						Each is a new use case
					</Button>
				</Form>
			</div>
			<DataTable
				caption="Rows waiting for your decision"
				rows={preview.awaitingDecision}
				rowKey={(row) => row.row}
				columns={[
					{ header: 'Row', cell: (row) => row.row },
					{
						header: 'In the file',
						cell: (row) => (
							<>
								{row.name}
								<span className="block font-mono text-sm">{row.bureau}</span>
							</>
						),
					},
					{
						header: 'In the tracker',
						cell: (row) =>
							row.candidate ? (
								<>
									<Link to={`/use-cases/${row.candidate.id}`}>{row.candidate.trackingId}</Link>{' '}
									{row.candidate.name}
									<span className="block text-sm">
										{row.candidate.orgUnitCode} · {row.candidate.reasons.join(', ')}
										{row.candidate.registered
											? ' · registered in the tracker (its answers are kept)'
											: ''}
									</span>
								</>
							) : null,
					},
					{
						header: 'Decision',
						cell: (row) => (
							<div className="flex flex-wrap gap-2">
								<Form method="post">
									<CsrfInput />
									<input type="hidden" name="intent" value="decide" />
									<input type="hidden" name="row" value={row.row} />
									<input type="hidden" name="decision" value={row.candidate?.id ?? 'NEW'} />
									<Button
										variant="secondary"
										disabled={busy}
										aria-label={`Row ${row.row} is ${row.candidate?.trackingId}`}
									>
										Same use case
									</Button>
								</Form>
								<Form method="post">
									<CsrfInput />
									<input type="hidden" name="intent" value="decide" />
									<input type="hidden" name="row" value={row.row} />
									<input type="hidden" name="decision" value="NEW" />
									<Button
										variant="secondary"
										disabled={busy}
										aria-label={`Row ${row.row} is a new use case`}
									>
										A new one
									</Button>
								</Form>
							</div>
						),
					},
				]}
			/>
		</section>
	)
}

function RowsSection({ preview }: { preview: NonNullable<LoaderData['preview']> }) {
	const [search] = useSearchParams()
	const hrefWith = (changes: Record<string, string | null>) => {
		const next = new URLSearchParams(search)
		for (const [key, value] of Object.entries(changes)) {
			if (value === null) next.delete(key)
			else next.set(key, value)
		}
		return `?${next.toString()}#rows-heading`
	}
	const outcome = search.get('outcome')
	return (
		<section aria-labelledby="rows-heading" className="space-y-3">
			<h2 id="rows-heading" className="text-2xl font-bold">
				Row by row
			</h2>
			<nav aria-label="Rows by what happens to them" className="flex flex-wrap gap-4">
				<Link
					to={hrefWith({ outcome: null, rowsPage: null })}
					aria-current={outcome ? undefined : 'true'}
				>
					Every row
				</Link>
				{(Object.keys(outcomeLabels) as Array<keyof typeof outcomeLabels>).map((key) =>
					preview.counts[key] ? (
						<Link
							key={key}
							to={hrefWith({ outcome: key, rowsPage: null })}
							aria-current={outcome === key ? 'true' : undefined}
						>
							{outcomeLabels[key]} ({preview.counts[key].toLocaleString('en-US')})
						</Link>
					) : null,
				)}
			</nav>
			<DataTable
				caption="What happens to each row"
				rows={preview.rows}
				rowKey={(row) => row.row}
				columns={[
					{ header: 'Row', cell: (row) => row.row },
					{ header: 'Use case', cell: (row) => row.name || '—' },
					{
						header: 'Bureau',
						className: 'font-mono',
						cell: (row) => row.orgUnit ?? row.bureau ?? '—',
					},
					{
						header: 'What happens',
						cell: (row) => (
							<>
								{row.outcome === 'CREATE' ? 'Create a new use case' : null}
								{row.outcome === 'SKIP' ? 'Not imported' : null}
								{row.outcome === 'CONFIRM' ? 'Waiting for your decision' : null}
								{row.outcome === 'UNCHANGED' || row.outcome === 'UPDATE' ? (
									<>
										{row.outcome === 'UPDATE' ? 'Update ' : 'Unchanged: '}
										<Link to={`/use-cases/${row.useCaseId}`}>{row.trackingId}</Link>
										{row.matchedBy ? ` (found ${matchedByLabels[row.matchedBy]})` : null}
										{row.outcome === 'UPDATE' ? `: ${changedColumns(row.changed)}` : null}
									</>
								) : null}
							</>
						),
					},
				]}
			/>
			<Pagination
				label="Pages of rows"
				page={preview.rowsPage}
				pageCount={preview.rowsPageCount}
				hrefFor={(page) => hrefWith({ rowsPage: String(page) })}
			/>
		</section>
	)
}

export default function ImportBatchPage({ loaderData, actionData }: Route.ComponentProps) {
	const { batch, preview, problems, previousImport, canAddUnits, units } = loaderData
	const navigation = useNavigation()
	const { revalidate } = useRevalidator()
	useEffect(() => {
		if (batch.status !== 'RUNNING') return
		const timer = setInterval(() => void revalidate(), 1000)
		return () => clearInterval(timer)
	}, [batch.status, revalidate])
	const busy = navigation.state !== 'idle' && navigation.formMethod === 'POST'
	// Unchanged rows are imported too (they change nothing), so a re-import leaves its record.
	const toImport = preview
		? preview.counts.CREATE + preview.counts.UPDATE + preview.counts.UNCHANGED
		: 0
	const otherAgencyRows = preview
		? preview.otherAgencies.reduce((sum, other) => sum + other.rows, 0)
		: 0
	return (
		<div className="max-w-6xl space-y-8">
			<p>
				<Link to="/inventory/import">Import an inventory file</Link>
			</p>
			<div className="space-y-1">
				<h1 className="text-3xl font-bold">
					{batch.status === 'PREVIEW'
						? 'Check before importing: '
						: batch.status === 'RUNNING'
							? 'Importing '
							: 'Import of '}
					{batch.fileName}
				</h1>
				<p className="text-sm text-base-darker">
					{plural(batch.total, 'row')} of HHS
					{otherAgencyRows ? ` (and ${plural(otherAgencyRows, 'row')} of other agencies)` : ''} ·
					uploaded by {batch.startedBy.name} on {dateTime.format(new Date(batch.startedAt))} ·
					SHA-256 <span className="font-mono">{batch.fileSha256.slice(0, 12)}</span>
				</p>
			</div>
			{actionData?.error ? (
				<div role="alert" className="border-l-4 border-error bg-error-lighter p-3 font-semibold">
					{actionData.error}
				</div>
			) : null}

			{preview ? (
				<>
					{previousImport ? (
						<p className="border-l-4 border-primary bg-primary-lighter p-3">
							This exact file was imported on{' '}
							{previousImport.finishedAt
								? dateTime.format(new Date(previousImport.finishedAt))
								: 'an earlier day'}{' '}
							by {previousImport.startedBy.name}. Importing it again creates nothing twice: rows
							that match their case are left unchanged.
						</p>
					) : null}
					<section aria-labelledby="plan-heading" className="space-y-3">
						<h2 id="plan-heading" className="text-2xl font-bold">
							What the import will do
						</h2>
						<ul className="list-disc pl-6">
							<li>
								{plural(preview.counts.CREATE, 'new use case')} to create, each submitted for review
							</li>
							<li>{plural(preview.counts.UPDATE, 'use case')} to update</li>
							<li>
								{plural(preview.counts.UNCHANGED, 'row')} matching its use case already: unchanged
							</li>
							{preview.counts.CONFIRM ? (
								<li>
									{plural(preview.counts.CONFIRM, 'row')} that may be a use case the tracker has:
									not imported until you decide
								</li>
							) : null}
							<li>
								{plural(preview.counts.SKIP, 'row')} of HHS not imported because of the problems
								below
							</li>
							{preview.otherAgencies.length ? (
								<li>
									{plural(otherAgencyRows, 'row')} of{' '}
									{plural(preview.otherAgencies.length, 'other agency', 'other agencies')}: not
									imported (one line each below)
								</li>
							) : null}
						</ul>
						<p className="text-sm">
							An empty cell never clears an answer the tracker holds; to remove an answer, change it
							on the use case. The import applies this preview: if a use case it updates changes
							first, nothing is imported and the preview is worked out again.
						</p>
						<div className="flex flex-wrap gap-4">
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="start" />
								<input type="hidden" name="previewStamp" value={preview.stamp} />
								<Button disabled={busy || toImport === 0}>
									{toImport === 0
										? 'No row can be imported'
										: `Import ${plural(toImport, 'use case')}`}
								</Button>
							</Form>
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="discard" />
								<Button variant="secondary" disabled={busy}>
									Discard this file
								</Button>
							</Form>
						</div>
					</section>
					<UnknownComponents
						preview={preview}
						canAddUnits={canAddUnits}
						units={units}
						busy={busy}
					/>
					<AwaitingDecision preview={preview} busy={busy} />
					{problems ? <ProblemsSection problems={problems} batchId={batch.id} /> : null}
					<RowsSection preview={preview} />
				</>
			) : (
				<>
					<section aria-labelledby="progress-heading" className="space-y-3">
						<h2 id="progress-heading" className="text-2xl font-bold">
							Progress
						</h2>
						<label htmlFor="import-progress" className="block font-semibold">
							Rows processed
						</label>
						<progress
							id="import-progress"
							max={batch.total || 1}
							value={batch.status === 'RUNNING' ? batch.processed : batch.total || 1}
							className="h-4 w-full"
						/>
						<p role="status">
							{batch.status === 'RUNNING'
								? `${batch.processed} of ${batch.total} rows processed…`
								: batch.status === 'DONE'
									? `Done: ${batch.created} created, ${batch.updated} updated, ${batch.unchanged} unchanged, ${batch.skipped} not imported.`
									: `Stopped after ${batch.processed} of ${batch.total} rows: ${batch.error ?? 'unknown error'}`}
						</p>
						{batch.status === 'RUNNING' ? <StalledImportNote processed={batch.processed} /> : null}
						{batch.status === 'FAILED' ? (
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="restart" />
								<Button>Continue the import from row {batch.processed + 1}</Button>
							</Form>
						) : null}
						{batch.status === 'DONE' ? (
							<p>
								<Link to="/use-cases">All use cases</Link> ·{' '}
								<Link to="/inventory/export">Check and export the inventory</Link> ·{' '}
								<Link to="/inventory/cycles">Reporting years</Link>
							</p>
						) : null}
					</section>
					{problems ? <ProblemsSection problems={problems} batchId={batch.id} /> : null}
				</>
			)}
		</div>
	)
}
