import { Link } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { publicDictionary } from '#app/modules/public-site/public-dictionary.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import type { Route } from './+types/data-dictionary.ts'

export const meta: Route.MetaFunction = ({ matches, location }) =>
	publicPageMeta(matches, location, {
		title: 'Data dictionary of the AI use case inventory',
		description:
			'What each of the 36 columns of CMS’s public AI use case inventory means, its type and its valid values, after OMB’s 2025 data dictionary.',
	})

export default function PublicDataDictionary() {
	return (
		<div className="max-w-4xl space-y-6">
			<div className="space-y-2">
				<h1 className="text-3xl font-bold">Data dictionary</h1>
				<p>
					The columns of the public inventory <Link to="/public/downloads">downloads</Link> and of
					each use case’s page, in the order of OMB’s 2025 individual use case inventory.
					Multiple-choice columns hold OMB’s valid selections (the files with shorthand codes hold
					the code instead); columns with several choices separate them with “; ” in the CSV with
					selections, list them as <code>['…', '…']</code> in the CSV with codes, and as arrays in
					JSON.
				</p>
			</div>
			<nav aria-label="Columns">
				<ol className="columns-1 list-decimal pl-6 sm:columns-2">
					{publicDictionary.map((entry) => (
						<li key={entry.column}>
							<a href={`#column-${entry.column}`} className="font-mono text-sm">
								{entry.column}
							</a>
						</li>
					))}
				</ol>
			</nav>
			{publicDictionary.map((entry, index) => (
				<section
					key={entry.column}
					id={`column-${entry.column}`}
					aria-labelledby={`column-${entry.column}-heading`}
					className="space-y-2 border-t border-base-lighter pt-4"
				>
					<h2 id={`column-${entry.column}-heading`} className="text-xl font-bold">
						{index + 1}. <code>{entry.column}</code>: {entry.label}
					</h2>
					<p>
						<span className="font-semibold">Type:</span> {entry.type}
					</p>
					<p>{entry.description}</p>
					{entry.publicNote ? (
						<p className="border-l-4 border-primary bg-primary-lighter p-2">{entry.publicNote}</p>
					) : null}
					{entry.choices ? (
						<DataTable
							caption={`Valid values of ${entry.column}`}
							dense
							className="w-full text-sm"
							rows={entry.choices}
							rowKey={(choice) => choice.selection}
							columns={[
								{ header: 'Valid selection', cell: (choice) => choice.selection },
								{ header: 'Shorthand code', cell: (choice) => choice.code },
							]}
						/>
					) : null}
				</section>
			))}
		</div>
	)
}
