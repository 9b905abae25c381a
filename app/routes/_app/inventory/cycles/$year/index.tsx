import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput, ErrorList, FormErrors, TextAreaField } from '#app/components/forms.tsx'
import {
	CertifyCycleSchema,
	CycleYearParams,
} from '#app/modules/reporting-cycles/cycles-schemas.ts'
import { certifyCycle, getCycle } from '#app/modules/reporting-cycles/cycles.server.ts'
import { missingColumn, stageLabel } from '#app/modules/reporting-cycles/cycles.ts'
import { useRootData } from '#app/root.tsx'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = ({ loaderData }) => [
	{ title: `${loaderData?.cycle.year ?? 'Reporting year'} inventory · AI Governance Tracker` },
]

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'read:inventory:any')
	const { year } = parseOrBadRequest(CycleYearParams, params)
	return getCycle(year).catch(throwAsResponse)
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'manage:cycle:any')
	const { year } = parseOrBadRequest(CycleYearParams, params)
	const submission = parseWithZod(await request.formData(), { schema: CertifyCycleSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const outcome = await certifyCycle(
			actor.id,
			year,
			submission.value,
			context.get(requestInfoContext),
		)
		if (outcome.status === 'invalid')
			return data(
				{ result: submission.reply({ fieldErrors: outcome.fieldErrors }) },
				{ status: 400 },
			)
		return redirect(`/inventory/cycles/${year}`)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND') {
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		}
		throwAsResponse(error)
	}
}

const dateTime = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'America/New_York',
})

type Listed = { useCaseId: string; trackingId: string; name: string }

function CaseLink({ entry }: { entry: Listed }) {
	return (
		<>
			<span className="font-mono">{entry.trackingId}</span>{' '}
			<Link to={`/use-cases/${entry.useCaseId}`}>{entry.name}</Link>
		</>
	)
}

function ChangeList({
	id,
	title,
	items,
	empty,
}: {
	id: string
	title: string
	items: Array<{ key: string; entry: Listed; detail?: string }>
	empty: string
}) {
	return (
		<section aria-labelledby={id} className="space-y-2">
			<h3 id={id} className="text-xl font-bold">
				{title} ({items.length})
			</h3>
			{items.length === 0 ? (
				<p>{empty}</p>
			) : (
				<ul className="list-disc space-y-1 pl-6">
					{items.map((item) => (
						<li key={item.key}>
							<CaseLink entry={item.entry} />
							{item.detail ? <span>: {item.detail}</span> : null}
						</li>
					))}
				</ul>
			)}
		</section>
	)
}

function CertifyForm({
	incompleteCount,
	lastResult,
}: {
	incompleteCount: number
	lastResult?: SubmissionResult<Array<string>>
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'certify-cycle',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CertifyCycleSchema }),
	})
	const acknowledge = fields.acknowledgeIncomplete
	return (
		<Form method="post" {...getFormProps(form)} className="space-y-4">
			<CsrfInput />
			<FormErrors id={form.errorId} errors={form.errors} />
			<TextAreaField
				label="Certification note"
				hint="What you certify and on what basis, e.g. that each component reviewed its use cases. It is kept with your name and the time."
				field={fields.note}
			/>
			{incompleteCount > 0 ? (
				<div>
					<div className="flex items-center gap-2">
						<input
							{...getInputProps(acknowledge, { type: 'checkbox', value: 'on' })}
							key={acknowledge.key}
							aria-describedby={acknowledge.errors?.length ? `${acknowledge.id}-error` : undefined}
							className="size-5"
						/>
						<label htmlFor={acknowledge.id}>
							I certify knowing that{' '}
							{incompleteCount === 1 ? '1 use case lacks' : `${incompleteCount} use cases lack`}{' '}
							columns OMB requires for their stage
						</label>
					</div>
					<ErrorList id={`${acknowledge.id}-error`} errors={acknowledge.errors} />
				</div>
			) : null}
			<Button disabled={navigation.state !== 'idle'}>Certify the submission</Button>
		</Form>
	)
}

export default function CyclePage({ loaderData, actionData }: Route.ComponentProps) {
	const { cycle, entryCount, incompleteCount, incomplete, difference, droppedReasons } = loaderData
	const user = useRootData()?.user
	const canManage = user?.permissions.includes('manage:cycle:any')
	const canExport = user?.permissions.includes('export:inventory:any')
	return (
		<div className="max-w-5xl space-y-8">
			<p>
				<Link to="/inventory/cycles">Reporting years</Link>
			</p>
			<div className="space-y-2">
				<h1 className="text-3xl font-bold">{cycle.year} AI use case inventory</h1>
				<p>
					Snapshot of {entryCount === 1 ? '1 use case' : `${entryCount} use cases`} frozen on{' '}
					{dateTime.format(new Date(cycle.openedAt))} by {cycle.openedBy.name}.
				</p>
				{canExport ? (
					<p>
						Download the snapshot as OMB’s inventory:{' '}
						<a href={`/inventory/cycles/${cycle.year}/omb.csv`}>valid selections (CSV)</a> ·{' '}
						<a href={`/inventory/cycles/${cycle.year}/omb.csv?values=codes`}>
							shorthand codes (CSV)
						</a>
					</p>
				) : null}
			</div>

			<section aria-labelledby="certification-heading" className="space-y-3">
				<h2 id="certification-heading" className="text-2xl font-bold">
					Certification
				</h2>
				{cycle.certifiedAt ? (
					<div role="status" className="space-y-1 border-l-4 border-success bg-success-lighter p-3">
						<p className="font-semibold">
							Certified by {cycle.certifiedBy?.name ?? '—'} on{' '}
							{dateTime.format(new Date(cycle.certifiedAt))}.
						</p>
						<p>{cycle.certificationNote}</p>
						<p className="text-sm">Certification is final.</p>
					</div>
				) : canManage ? (
					<CertifyForm incompleteCount={incompleteCount} lastResult={actionData?.result} />
				) : (
					<p>Not yet certified.</p>
				)}
			</section>

			<section aria-labelledby="difference-heading" className="space-y-4">
				<h2 id="difference-heading" className="text-2xl font-bold">
					{difference
						? `Since the ${difference.previousYear} inventory`
						: 'Since the previous year'}
				</h2>
				{difference ? (
					<>
						<p>
							{difference.unchangedCount === 1
								? '1 use case is'
								: `${difference.unchangedCount} use cases are`}{' '}
							reported again at the same stage.
						</p>
						<ChangeList
							id="added-heading"
							title="Added"
							empty="No use case was added."
							items={difference.added.map((entry) => ({
								key: entry.useCaseId,
								entry,
								detail: stageLabel(entry.stage),
							}))}
						/>
						<ChangeList
							id="retired-heading"
							title="Retired"
							empty="No use case retired."
							items={difference.retired.map(({ entry, previousStage }) => ({
								key: entry.useCaseId,
								entry,
								detail: `was ${stageLabel(previousStage)}`,
							}))}
						/>
						<ChangeList
							id="stage-heading"
							title="Moved stage"
							empty="No use case moved stage."
							items={difference.stageChanged.map(({ entry, previousStage }) => ({
								key: entry.useCaseId,
								entry,
								detail: `${stageLabel(previousStage)} → ${stageLabel(entry.stage)}`,
							}))}
						/>
						<ChangeList
							id="dropped-heading"
							title="No longer reported"
							empty="Every use case reported last year is reported again."
							items={difference.dropped.map((entry) => ({
								key: entry.useCaseId,
								entry,
								detail: droppedReasons[entry.useCaseId],
							}))}
						/>
					</>
				) : (
					<p>
						This is the first reporting year opened in the tracker, so there is no earlier snapshot
						to compare with.
					</p>
				)}
			</section>

			<section aria-labelledby="incomplete-heading" className="space-y-3">
				<h2 id="incomplete-heading" className="text-2xl font-bold">
					Missing what OMB requires for their stage ({incompleteCount})
				</h2>
				{incompleteCount === 0 ? (
					<p>Every use case in the snapshot answers every column OMB requires for its stage.</p>
				) : (
					<DataTable
						caption="Use cases missing required columns, as frozen in the snapshot"
						rows={incomplete}
						rowKey={(entry) => entry.useCaseId}
						columns={[
							{ header: 'Use case', cell: (entry) => <CaseLink entry={entry} /> },
							{ header: 'Stage', cell: (entry) => stageLabel(entry.stage) },
							{
								header: 'Missing columns',
								className: 'font-mono text-sm',
								cell: (entry) => entry.missing.map(missingColumn).join(', '),
							},
						]}
					/>
				)}
				{incompleteCount > incomplete.length ? (
					<p>The first {incomplete.length} are listed.</p>
				) : null}
			</section>
		</div>
	)
}
