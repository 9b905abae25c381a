import { Form, Link, useSearchParams } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { AUDIT_PAGE_SIZE, findAuditEvents } from '#app/modules/audit/audit-query.server.ts'
import { AuditQuerySchema } from '#app/modules/audit/schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Audit log · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const reader = await requireUserWithPermission(request, 'read:audit:any')
	const query = parseOrBadRequest(AuditQuerySchema, searchParamsOf(request))
	const result = await findAuditEvents(query, reader)
	return { query, ...result, pageCount: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) }
}

const dateTime = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeStyle: 'medium',
	timeZone: 'America/New_York',
})

function summarise(value: unknown) {
	if (value === null || value === undefined) return ''
	const text = JSON.stringify(value)
	return text.length > 160 ? `${text.slice(0, 157)}…` : text
}

const inputClass = 'mt-1 block max-w-full border border-base-dark px-3 py-2'

export default function AuditLog({ loaderData }: Route.ComponentProps) {
	const { query, total, events, actions, pageCount } = loaderData
	const [searchParams] = useSearchParams()
	const withPage = (page: number) => {
		const next = new URLSearchParams(searchParams)
		next.set('page', String(page))
		return `?${next}`
	}
	const exportParams = new URLSearchParams(searchParams)
	exportParams.delete('page')
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl font-bold">Audit log</h1>
				<a
					href={`/audit/events.csv?${exportParams}`}
					className="rounded border-2 border-primary px-4 py-2 font-bold no-underline"
				>
					Download these events as CSV
				</a>
			</div>
			<p>
				Every change in the tracker, as recorded in the same transaction as the change. Events
				cannot be edited or deleted.
			</p>
			<Form
				method="get"
				aria-label="Filter the audit log"
				className="flex flex-wrap items-end gap-4"
			>
				<div>
					<label htmlFor="audit-actor" className="block font-semibold">
						Actor (name or e-mail)
					</label>
					<input id="audit-actor" name="actor" defaultValue={query.actor} className={inputClass} />
				</div>
				<div>
					<label htmlFor="audit-action" className="block font-semibold">
						Action
					</label>
					<select
						id="audit-action"
						name="action"
						defaultValue={query.action}
						className={inputClass}
					>
						<option value="">All actions</option>
						{actions.map((a) => (
							<option key={a.action} value={a.action}>
								{a.action} ({a.count})
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="audit-use-case" className="block font-semibold">
						Use case (tracking id)
					</label>
					<input
						id="audit-use-case"
						name="useCase"
						defaultValue={query.useCase}
						placeholder="CMS-2026-0001"
						className={inputClass}
					/>
				</div>
				<div>
					<label htmlFor="audit-entity-type" className="block font-semibold">
						Record type
					</label>
					<input
						id="audit-entity-type"
						name="entityType"
						defaultValue={query.entityType}
						placeholder="e.g. Dataset"
						className={inputClass}
					/>
				</div>
				<div>
					<label htmlFor="audit-entity-id" className="block font-semibold">
						Record id
					</label>
					<input
						id="audit-entity-id"
						name="entityId"
						defaultValue={query.entityId}
						className={inputClass}
					/>
				</div>
				<div>
					<label htmlFor="audit-from" className="block font-semibold">
						From
					</label>
					<input
						id="audit-from"
						name="from"
						type="date"
						defaultValue={query.from}
						className={inputClass}
					/>
				</div>
				<div>
					<label htmlFor="audit-to" className="block font-semibold">
						To
					</label>
					<input
						id="audit-to"
						name="to"
						type="date"
						defaultValue={query.to}
						className={inputClass}
					/>
				</div>
				<button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white">
					Apply
				</button>
			</Form>
			<p aria-live="polite">{total === 1 ? '1 event' : `${total} events`}</p>
			<DataTable
				caption="Audit events, newest first"
				className="w-full text-sm"
				rows={events}
				rowKey={(event) => event.id}
				columns={[
					{
						header: 'Time (Eastern)',
						className: 'whitespace-nowrap',
						cell: (event) => dateTime.format(new Date(event.createdAt)),
					},
					{ header: 'Actor', cell: (event) => (event.actor ? event.actor.name : 'System') },
					{ header: 'Action', className: 'font-mono', cell: (event) => event.action },
					{
						header: 'Record',
						cell: (event) => (
							<Link to={`?entityType=${event.entityType}&entityId=${event.entityId}`}>
								{event.entityType} {event.entityId}
							</Link>
						),
					},
					{
						header: 'Change',
						className: 'font-mono break-all',
						cell: (event) => (
							<>
								{event.before ? <p>Before: {summarise(event.before)}</p> : null}
								{event.after ? <p>After: {summarise(event.after)}</p> : null}
							</>
						),
					},
				]}
			/>
			<Pagination page={query.page} pageCount={pageCount} hrefFor={withPage} />
		</div>
	)
}
