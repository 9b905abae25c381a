import { data, Link, useLocation } from 'react-router'
import { z } from 'zod'
import { reportProblemHref } from '#app/components/public-shell.tsx'
import {
	DEFAULT_PUBLIC_EMAIL,
	publicBlankedColumns,
	type OmbColumn,
} from '#app/modules/omb-exchange/omb-export.ts'
import { publicDictionary } from '#app/modules/public-site/public-dictionary.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import type { Route } from './+types/$useCaseId.ts'

// Any text: the id is only looked up, and ids imported from earlier inventories follow other agencies' styles.
const Params = z.object({
	useCaseId: z.string().min(1).max(120, 'Use case IDs are at most 120 characters.'),
})

export const meta: Route.MetaFunction = ({ matches, location, loaderData }) =>
	publicPageMeta(matches, location, {
		title: loaderData
			? `${loaderData.fields.find((f) => f.column === 'use_case_name')?.value ?? 'AI use case'} (${loaderData.id})`
			: 'AI use case',
		description:
			loaderData?.fields.find((f) => f.column === 'problem_solved')?.value ||
			'An AI use case in the public inventory of the Centers for Medicare & Medicaid Services.',
	})

export async function loader({ params, context }: Route.LoaderArgs) {
	const { useCaseId } = parseOrBadRequest(Params, params)
	const snapshot = await publicSnapshotOf(context)
	const item = snapshot.byId.get(useCaseId)
	if (!item)
		throw data({ message: `The public inventory has no use case ${useCaseId}.` }, { status: 404 })
	// Exactly the public file's columns, in OMB's order, with the file's values.
	const fields = publicDictionary
		.filter((entry) => entry.column in item.row)
		.map((entry) => ({
			column: entry.column,
			label: entry.label,
			value: item.row[entry.column] ?? '',
		}))
	return { id: item.id, fields, year: snapshot.year }
}

const blanked = new Set<OmbColumn>(publicBlankedColumns)
const linkColumns = new Set<OmbColumn>(['link_to_data', 'pia_url', 'code_url'])
const webAddress = /^https?:\/\/[^\s]+$/i

function FieldValue({ column, value }: { column: OmbColumn; value: string }) {
	if (value === '') {
		return (
			<span className="text-base-darker">
				{blanked.has(column) ? 'Not published in the public inventory' : 'Not reported'}
			</span>
		)
	}
	if (column === 'contact_email') return <a href={`mailto:${value}`}>{value}</a>
	if (linkColumns.has(column) && webAddress.test(value)) return <a href={value}>{value}</a>
	return <span className="whitespace-pre-line">{value}</span>
}

export default function PublicUseCase({ loaderData }: Route.ComponentProps) {
	const { id, fields, year } = loaderData
	const location = useLocation()
	const name = fields.find((field) => field.column === 'use_case_name')?.value ?? id
	return (
		<div className="max-w-4xl space-y-6">
			<nav aria-label="Breadcrumb">
				<ol className="flex flex-wrap gap-2 text-sm">
					<li>
						<Link to="/public">Home</Link> <span aria-hidden="true">›</span>
					</li>
					<li>
						<Link to="/public/inventory">AI use case inventory</Link>{' '}
						<span aria-hidden="true">›</span>
					</li>
					<li aria-current="page">{id}</li>
				</ol>
			</nav>
			<div>
				<p className="font-mono text-base-darker">{id}</p>
				<h1 className="text-3xl font-bold">{name}</h1>
				<p className="mt-2">
					This use case’s entry in CMS’s public AI use case inventory for {year}: every column of
					OMB’s inventory file, as the <Link to="/public/downloads">downloads</Link> hold it. What
					each column means is in the <Link to="/public/data-dictionary">data dictionary</Link>.
				</p>
			</div>
			<dl className="grid grid-cols-1 gap-x-6 gap-y-3 border-t border-base-lighter pt-4 sm:grid-cols-[minmax(12rem,22rem)_minmax(0,1fr)]">
				{fields.map((field) => (
					<div key={field.column} className="contents">
						<dt className="font-semibold">
							{field.label}
							<span className="block font-mono text-xs font-normal text-base-darker">
								{field.column}
							</span>
						</dt>
						<dd className="border-b border-base-lighter pb-3 sm:border-b-0">
							<FieldValue column={field.column} value={field.value} />
						</dd>
					</div>
				))}
			</dl>
			<p>
				Questions about this use case:{' '}
				<a href={`mailto:${DEFAULT_PUBLIC_EMAIL}`}>{DEFAULT_PUBLIC_EMAIL}</a>. Something wrong on
				this page? <a href={reportProblemHref(location.pathname)}>Report a problem</a>.
			</p>
		</div>
	)
}
