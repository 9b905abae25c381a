import { Form, Link, useSearchParams } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { ExportPageQuerySchema } from '#app/modules/omb-exchange/omb-export-query.ts'
import {
	checkInventory,
	currentReportingYear,
} from '#app/modules/omb-exchange/omb-export.server.ts'
import { DEFAULT_PUBLIC_EMAIL } from '#app/modules/omb-exchange/omb-export.ts'
import { fieldLabel, questionNameOfOmbColumn } from '#app/modules/use-cases/field-rules.ts'
import { useRootData } from '#app/root.tsx'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Export the inventory · AI Governance Tracker' },
]

const PROBLEMS_PAGE_SIZE = 100

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'export:inventory:any')
	const query = parseOrBadRequest(ExportPageQuerySchema, searchParamsOf(request))
	const check = await checkInventory({ year: currentReportingYear(), values: query.values })
	const pageCount = Math.max(1, Math.ceil(check.problems.length / PROBLEMS_PAGE_SIZE))
	const page = Math.min(query.page, pageCount)
	const { problems, ...summary } = check
	return {
		query: { ...query, page },
		summary,
		pageCount,
		problems: problems.slice((page - 1) * PROBLEMS_PAGE_SIZE, page * PROBLEMS_PAGE_SIZE),
	}
}

const kindLabels = {
	NOT_ALLOWED: 'Not an allowed value',
	MISSING: 'Required for its stage',
	INVALID: 'Malformed',
	CONTRADICTION: 'Contradicts another answer',
} as const

export default function ExportInventory({ loaderData }: Route.ComponentProps) {
	const { query, summary, problems, pageCount } = loaderData
	const [searchParams] = useSearchParams()
	const canImport = useRootData()?.user?.permissions.includes('import:inventory:any')
	const valuesParam = query.values === 'codes' ? '?values=codes' : ''
	const withPage = (page: number) => {
		const next = new URLSearchParams(searchParams)
		next.set('page', String(page))
		return `?${next}`
	}
	const downloads = [
		{
			href: `/inventory/export/omb.csv${valuesParam}`,
			label: 'OMB inventory (CSV)',
			note: 'Every reported use case in OMB’s 36 columns, for submission to OMB. Internal: holds withheld cases and staff e-mail addresses.',
		},
		{
			href: `/inventory/export/omb.json${valuesParam}`,
			label: 'OMB inventory (JSON)',
			note: 'The same rows as JSON; select-multiple answers as lists.',
		},
		{
			href: `/inventory/export/public.csv${valuesParam}`,
			label: 'Public inventory (CSV)',
			note: `For cms.gov/ai: withheld use cases removed, ATO system names blanked, ${DEFAULT_PUBLIC_EMAIL} as the contact.`,
		},
		{
			href: `/inventory/export/public.csv?${new URLSearchParams({ ...(query.values === 'codes' ? { values: 'codes' } : {}), ids: 'omit' })}`,
			label: 'Public inventory without Use Case IDs (CSV)',
			note: 'OMB lets agencies drop the ID column from the public file.',
		},
		{
			href: `/inventory/export/public.json${valuesParam}`,
			label: 'Public inventory (JSON)',
			note: 'The public rows as JSON.',
		},
		{
			href: '/inventory/export/cots.csv',
			label: 'Consolidated COTS reporting (CSV)',
			note: 'OMB’s 20 common commercial tasks: Y or N, products and users, from the cases that qualify.',
		},
		{
			href: `/inventory/export/problems.csv${valuesParam}`,
			label: 'Problems found (CSV)',
			note: 'The list below, to work through outside the tracker.',
		},
	]
	return (
		<div className="space-y-8">
			<p>
				<Link to="/inventory">AI use case inventory</Link>
			</p>
			<div className="space-y-2">
				<h1 className="text-3xl font-bold">Export the {summary.year} inventory</h1>
				<p className="max-w-3xl">
					OMB’s 2025 template reports every AI use case in pre-deployment, pilot, deployment or
					retirement: every case past its draft that was not withdrawn or rejected, each retired
					case once. Check the problems below before you download; the files carry the answers as
					they stand, and nothing is corrected for you.
				</p>
				{canImport ? (
					<p>
						<Link to="/inventory/import">Import an inventory file</Link> ·{' '}
						<Link to="/inventory/cycles">Reporting years</Link>
					</p>
				) : null}
			</div>

			<section aria-labelledby="summary-heading" className="space-y-2">
				<h2 id="summary-heading" className="text-2xl font-bold">
					What the {summary.year} inventory holds
				</h2>
				<ul className="list-disc space-y-1 pl-6">
					<li>
						{summary.individual === 1
							? '1 use case reported individually'
							: `${summary.individual} use cases reported individually`}
					</li>
					<li>
						{summary.consolidated === 1
							? '1 use case in consolidated COTS reporting'
							: `${summary.consolidated} use cases in consolidated COTS reporting`}
					</li>
					<li>
						{summary.withheld === 1
							? '1 use case withheld from the public file'
							: `${summary.withheld} use cases withheld from the public file`}
					</li>
				</ul>
			</section>

			<section aria-labelledby="downloads-heading" className="space-y-3">
				<h2 id="downloads-heading" className="text-2xl font-bold">
					Download
				</h2>
				<Form method="get" className="flex flex-wrap items-end gap-4">
					<fieldset>
						<legend className="font-semibold">Multiple-choice answers as</legend>
						<div className="mt-1 flex flex-wrap gap-4">
							<label className="flex items-center gap-2">
								<input
									type="radio"
									name="values"
									value="selections"
									defaultChecked={query.values === 'selections'}
								/>
								The template’s valid selections (“b) Pilot – …”)
							</label>
							<label className="flex items-center gap-2">
								<input
									type="radio"
									name="values"
									value="codes"
									defaultChecked={query.values === 'codes'}
								/>
								OMB’s CSV shorthand codes (“Pilot”)
							</label>
						</div>
					</fieldset>
					<button
						type="submit"
						className="rounded border-2 border-primary px-4 py-2 font-bold text-primary"
					>
						Check again
					</button>
				</Form>
				<ul className="space-y-2">
					{downloads.map((download) => (
						<li key={download.href}>
							<a href={download.href} className="font-semibold">
								{download.label}
							</a>
							<span className="block text-sm text-base-darker">{download.note}</span>
						</li>
					))}
				</ul>
			</section>

			<section aria-labelledby="problems-heading" className="space-y-3">
				<h2 id="problems-heading" className="text-2xl font-bold">
					Problems to fix before you submit
				</h2>
				{summary.problemCount === 0 ? (
					<p role="status">
						No problems: every reported use case answers what OMB requires for its stage, with
						allowed values.
					</p>
				) : (
					<>
						<p role="status">
							{summary.problemCount === 1 ? '1 problem' : `${summary.problemCount} problems`} in{' '}
							{summary.casesWithProblems === 1
								? '1 use case'
								: `${summary.casesWithProblems} use cases`}
							{summary.truncated ? ' (the first 5,000 are listed; the CSV has them all)' : ''}.
						</p>
						<table className="text-left">
							<caption className="text-left font-semibold">Problems by column</caption>
							<thead>
								<tr className="border-b-2 border-base-darkest">
									<th scope="col" className="py-1 pr-6">
										Question (OMB column)
									</th>
									<th scope="col" className="py-1">
										Problems
									</th>
								</tr>
							</thead>
							<tbody>
								{summary.byColumn.map((entry) => (
									<tr key={entry.column} className="border-b border-base-lighter">
										<td className="py-1 pr-6">
											<ColumnName column={entry.column} />
										</td>
										<td className="py-1">{entry.count}</td>
									</tr>
								))}
							</tbody>
						</table>
						<DataTable
							caption="Problems by use case"
							showCaption
							rows={problems}
							rowKey={(problem, index) => `${problem.useCaseId}-${problem.column}-${index}`}
							columns={[
								{
									header: 'Use case',
									cell: (problem) => (
										<>
											<span className="font-mono">{problem.trackingId}</span>{' '}
											<Link to={`/use-cases/${problem.useCaseId}`}>{problem.name}</Link>
										</>
									),
								},
								{
									header: 'Question (OMB column)',
									cell: (problem) =>
										problem.column ? (
											<ColumnName column={problem.column} />
										) : problem.field ? (
											fieldLabel(problem.field)
										) : (
											'—'
										),
								},
								{ header: 'Kind', cell: (problem) => kindLabels[problem.kind] },
								{ header: 'What is wrong', cell: (problem) => problem.message },
							]}
						/>
						<Pagination page={query.page} pageCount={pageCount} hrefFor={withPage} />
					</>
				)}
			</section>
		</div>
	)
}

/** OMB's column as the form asks it, with OMB's own name for those who read the template. */
function ColumnName({ column }: { column: string }) {
	const question = questionNameOfOmbColumn(column)
	return (
		<>
			{question ? `${question} ` : null}
			<span className="font-mono text-sm">{question ? `(${column})` : column}</span>
		</>
	)
}
