import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect } from 'react'
import { data, Form, Link, redirect, useNavigation, useRevalidator } from 'react-router'
import { z } from 'zod'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { discardImport, getImportBatch, startImport } from '#app/modules/inventory/import.server.ts'
import type { ImportProblem } from '#app/modules/inventory/import-rows.ts'
import { restartImport } from '#app/modules/jobs/runs.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/$batchId.ts'

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.batch.fileName ?? 'Import'} · AI Governance Tracker` }]

const Params = idParams('batchId')
const IntentSchema = z.object({ intent: z.enum(['start', 'discard', 'restart']) })

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'import:inventory:any')
	const { batchId } = parseOrBadRequest(Params, params)
	return getImportBatch(batchId).catch(throwAsResponse)
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'import:inventory:any')
	const { batchId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: IntentSchema })
	if (submission.status !== 'success') return data({ error: 'Choose to import the file or to discard it.' }, { status: 400 })
	try {
		if (submission.value.intent === 'start') {
			await startImport(actor, batchId, context.get(requestInfoContext))
			return redirect(`/inventory/import/${batchId}`)
		}
		if (submission.value.intent === 'restart') {
			await restartImport(actor, batchId, context.get(requestInfoContext))
			return redirect(`/inventory/import/${batchId}`)
		}
		await discardImport(actor, batchId, context.get(requestInfoContext))
		return redirect('/inventory/import?discarded=1')
	} catch (error) {
		if (error instanceof AppError) return data({ error: error.message }, { status: error.status })
		throw error
	}
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' })

// The use-case document's fields by the OMB column (or plain name) a governance lead knows them by.
const fieldNames: Record<string, string> = {
	name: 'use_case_name',
	orgUnit: 'agency_bureau',
	contactEmail: 'contact_email',
	isWithheld: 'is_withheld',
	stage: 'development_stage',
	highImpact: 'is_high_impact / HI_justification',
	topicArea: 'topic_area',
	classification: 'classification',
	problemSolved: 'problem_solved',
	benefits: 'benefits',
	systemOutputs: 'system_outputs',
	operationalDate: 'operational_date',
	contractingUsage: 'contracting_usage',
	vendorNames: 'vendor_name',
	hasAto: 'have_ato',
	atoSystemName: 'system_name_ato',
	dataDescription: 'data_description',
	linkToData: 'link_to_data',
	hasPii: 'has_pii',
	piaUrl: 'pia_url',
	demographicFeatures: 'demographic_features',
	hasCustomCode: 'has_custom_code',
	codeUrl: 'code_url',
	practices: 'minimum practices (hi_*)',
	previousOmbId: 'id',
}

function plural(count: number, one: string, many = `${one}s`) {
	return `${count} ${count === 1 ? one : many}`
}

function ProblemTable({ problems, caption }: { problems: Array<ImportProblem>; caption: string }) {
	if (problems.length === 0) return <p>The file has no problems.</p>
	return (
		<table className="w-full border-collapse text-left">
			<caption className="text-left font-semibold">{caption}</caption>
			<thead>
				<tr className="border-b-2 border-base-darkest">
					<th scope="col" className="py-2 pr-4">Row</th>
					<th scope="col" className="py-2 pr-4">Use case</th>
					<th scope="col" className="py-2 pr-4">Column</th>
					<th scope="col" className="py-2 pr-4">Problem</th>
					<th scope="col" className="py-2">Effect</th>
				</tr>
			</thead>
			<tbody>
				{problems.map((problem, index) => (
					<tr key={`${problem.row}-${index}`} className={`border-b border-base-lighter align-top ${problem.severity === 'ERROR' ? 'bg-error-lighter' : ''}`}>
						<td className="py-2 pr-4">{problem.row === 1 && !problem.name ? 'Header' : (problem.row ?? '—')}</td>
						<td className="py-2 pr-4">{problem.name || '—'}</td>
						<td className="py-2 pr-4 font-mono">{problem.column ?? '—'}</td>
						<td className="py-2 pr-4">{problem.message}</td>
						<td className="py-2">{problem.severity === 'ERROR' ? 'Row not imported' : 'Imported without this answer'}</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

export default function ImportBatchPage({ loaderData, actionData }: Route.ComponentProps) {
	const { batch, preview, previousImport } = loaderData
	const navigation = useNavigation()
	const { revalidate } = useRevalidator()
	useEffect(() => {
		if (batch.status !== 'RUNNING') return
		const timer = setInterval(() => void revalidate(), 1000)
		return () => clearInterval(timer)
	}, [batch.status, revalidate])
	const busy = navigation.state !== 'idle'
	// Unchanged rows are imported too (they change nothing), so a re-import leaves its record.
	const toImport = preview ? preview.counts.CREATE + preview.counts.UPDATE + preview.counts.UNCHANGED : 0
	return (
		<div className="max-w-6xl space-y-8">
			<p>
				<Link to="/inventory/import">Import an inventory file</Link>
			</p>
			<div className="space-y-1">
				<h1 className="text-3xl font-bold">
					{batch.status === 'PREVIEW' ? 'Check before importing: ' : batch.status === 'RUNNING' ? 'Importing ' : 'Import of '}
					{batch.fileName}
				</h1>
				<p className="text-sm text-base-darker">
					{plural(batch.total, 'row')} · uploaded by {batch.startedBy.name} on {dateTime.format(new Date(batch.startedAt))} · SHA-256{' '}
					<span className="font-mono">{batch.fileSha256.slice(0, 12)}</span>
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
							This exact file was imported on {previousImport.finishedAt ? dateTime.format(new Date(previousImport.finishedAt)) : 'an earlier day'} by{' '}
							{previousImport.startedBy.name}. Importing it again creates nothing twice: rows that match their case are left unchanged.
						</p>
					) : null}
					<section aria-labelledby="plan-heading" className="space-y-3">
						<h2 id="plan-heading" className="text-2xl font-bold">
							What the import will do
						</h2>
						<ul className="list-disc pl-6">
							<li>{plural(preview.counts.CREATE, 'new use case')} to create, each submitted for review</li>
							<li>{plural(preview.counts.UPDATE, 'use case')} to update</li>
							<li>{plural(preview.counts.UNCHANGED, 'row')} matching its use case already: unchanged</li>
							<li>{plural(preview.counts.SKIP, 'row')} not imported because of the problems below</li>
						</ul>
						<div className="flex flex-wrap gap-4">
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="start" />
								<Button disabled={busy || toImport === 0}>{toImport === 0 ? 'No row can be imported' : `Import ${plural(toImport, 'use case')}`}</Button>
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
					<section aria-labelledby="problems-heading" className="space-y-3">
						<h2 id="problems-heading" className="text-2xl font-bold">
							Problems in the file
						</h2>
						<ProblemTable problems={batch.problems} caption={`${plural(batch.problems.length, 'problem')}, row by row`} />
					</section>
					<section aria-labelledby="rows-heading" className="space-y-3">
						<h2 id="rows-heading" className="text-2xl font-bold">
							Row by row
						</h2>
						<table className="w-full border-collapse text-left">
							<caption className="sr-only">What happens to each row</caption>
							<thead>
								<tr className="border-b-2 border-base-darkest">
									<th scope="col" className="py-2 pr-4">Row</th>
									<th scope="col" className="py-2 pr-4">Use case</th>
									<th scope="col" className="py-2 pr-4">Bureau</th>
									<th scope="col" className="py-2">What happens</th>
								</tr>
							</thead>
							<tbody>
								{preview.rows.map((row) => (
									<tr key={row.row} className="border-b border-base-lighter align-top">
										<td className="py-2 pr-4">{row.row}</td>
										<td className="py-2 pr-4">{row.name || '—'}</td>
										<td className="py-2 pr-4 font-mono">{row.orgUnit ?? '—'}</td>
										<td className="py-2">
											{row.outcome === 'CREATE' ? 'Create a new use case' : null}
											{row.outcome === 'SKIP' ? 'Not imported' : null}
											{row.outcome === 'UNCHANGED' || row.outcome === 'UPDATE' ? (
												<>
													{row.outcome === 'UPDATE' ? `Update ` : 'Unchanged: '}
													<Link to={`/use-cases/${row.useCaseId}`}>{row.trackingId}</Link>
													{row.outcome === 'UPDATE' ? `: ${row.changed.map((field) => fieldNames[field] ?? field).join(', ')}` : null}
												</>
											) : null}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</section>
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
						<progress id="import-progress" max={batch.total || 1} value={batch.status === 'RUNNING' ? batch.processed : batch.total || 1} className="h-4 w-full" />
						<p role="status">
							{batch.status === 'RUNNING'
								? `${batch.processed} of ${batch.total} rows processed…`
								: batch.status === 'DONE'
									? `Done: ${batch.created} created, ${batch.updated} updated, ${batch.unchanged} unchanged, ${batch.skipped} not imported.`
									: `Stopped after ${batch.processed} of ${batch.total} rows: ${batch.error ?? 'unknown error'}`}
						</p>
						{batch.status === 'FAILED' ? (
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="intent" value="restart" />
								<Button>Continue the import from row {batch.processed + 1}</Button>
							</Form>
						) : null}
						{batch.status === 'DONE' ? (
							<p>
								<Link to="/use-cases">All use cases</Link> · <Link to="/inventory/export">Check and export the inventory</Link> ·{' '}
								<Link to="/inventory/cycles">Reporting years</Link>
							</p>
						) : null}
					</section>
					{batch.status !== 'RUNNING' ? (
						<section aria-labelledby="problems-heading" className="space-y-3">
							<h2 id="problems-heading" className="text-2xl font-bold">
								Problems in the file
							</h2>
							<ProblemTable problems={batch.problems} caption={`${plural(batch.problems.length, 'problem')}, row by row`} />
						</section>
					) : null}
				</>
			)}
		</div>
	)
}
