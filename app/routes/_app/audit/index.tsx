import { Link, useSearchParams } from 'react-router'
import { FilterField, FilterForm } from '#app/components/filter-field.tsx'
import { DataTable } from '#app/components/data-table.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { AUDIT_PAGE_SIZE, findAuditEvents } from '#app/modules/audit/audit-query.server.ts'
import { AuditQuerySchema } from '#app/modules/audit/schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Audit log · AI Governance Tracker' }]

export async function loader({ request }: Route.LoaderArgs) {
	const reader = await requireUserWithPermission(request, 'read:audit:any')
	const query = parseOrBadRequest(AuditQuerySchema, searchParamsOf(request))
	const result = await findAuditEvents(query, reader)
	return { query, ...result, pageCount: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) }
}

function summarise(value: unknown) {
	if (value === null || value === undefined) return ''
	const text = JSON.stringify(value)
	return text.length > 160 ? `${text.slice(0, 157)}…` : text
}

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
			<FilterForm label="Filter the audit log" total={total} noun={['event', 'events']}>
				<FilterField
					id="audit-actor"
					name="actor"
					label="Actor (name or e-mail)"
					defaultValue={query.actor}
				/>
				<FilterField
					id="audit-action"
					name="action"
					label="Action"
					defaultValue={query.action}
					anyLabel="All actions"
					options={actions.map((a) => ({ value: a.action, label: `${a.action} (${a.count})` }))}
				/>
				<FilterField
					id="audit-use-case"
					name="useCase"
					label="Use case (tracking id)"
					defaultValue={query.useCase}
					placeholder="CMS-2026-0001"
				/>
				<FilterField
					id="audit-entity-type"
					name="entityType"
					label="Record type"
					defaultValue={query.entityType}
					placeholder="e.g. Dataset"
				/>
				<FilterField
					id="audit-entity-id"
					name="entityId"
					label="Record id"
					defaultValue={query.entityId}
				/>
				<FilterField
					id="audit-from"
					name="from"
					type="date"
					label="From"
					defaultValue={query.from}
				/>
				<FilterField id="audit-to" name="to" type="date" label="To" defaultValue={query.to} />
			</FilterForm>
			<DataTable
				caption="Audit events, newest first"
				className="w-full text-sm"
				rows={events}
				rowKey={(event) => event.id}
				columns={[
					{
						header: 'Time',
						className: 'whitespace-nowrap',
						cell: (event) => formatDateTime(event.createdAt, { seconds: true }),
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
