import { Link } from 'react-router'
import { formatCount } from '#app/modules/inventory/inventory-labels.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = ({ matches, location }) =>
	publicPageMeta(matches, location, {
		title: 'Download the AI use case inventory',
		description:
			'CMS’s public AI use case inventory as CSV and JSON in OMB’s 2025 format: as it stands today, and as certified for the reporting year.',
	})

export async function loader({ context }: Route.LoaderArgs) {
	const snapshot = await publicSnapshotOf(context)
	return {
		year: snapshot.year,
		count: snapshot.rows.length,
		certified: snapshot.certified
			? {
					year: snapshot.certified.year,
					certifiedOn: snapshot.certified.certifiedAt.toISOString().slice(0, 10),
				}
			: null,
	}
}

function Files({ edition, label }: { edition: string; label: string }) {
	const base = `/public/downloads/${edition}/inventory`
	return (
		<ul className="list-disc space-y-1 pl-6">
			<li>
				<a href={`${base}.csv`} download>
					{label}, CSV
				</a>{' '}
				(OMB’s template selections, such as “c) Deployed – …”)
			</li>
			<li>
				<a href={`${base}.json`} download>
					{label}, JSON
				</a>
			</li>
			<li>
				<a href={`${base}.csv?values=codes`} download>
					{label}, CSV with OMB’s shorthand codes
				</a>{' '}
				(such as “Deployed”, as in OMB’s consolidated file)
			</li>
			<li>
				<a href={`${base}.json?values=codes`} download>
					{label}, JSON with OMB’s shorthand codes
				</a>
			</li>
		</ul>
	)
}

export default function PublicDownloads({ loaderData }: Route.ComponentProps) {
	const { year, count, certified } = loaderData
	return (
		<div className="max-w-3xl space-y-8">
			<div className="space-y-2">
				<h1 className="text-3xl font-bold">Download the AI use case inventory</h1>
				<p>
					The public version of CMS’s AI use case inventory in the format of OMB’s 2025 individual
					use case inventory: one row per use case, OMB’s 36 columns in OMB’s order. Use cases
					withheld from public reporting are left out, the ATO system name is left blank, and the
					contact is CMS’s public inbox. The{' '}
					<Link to="/public/data-dictionary">data dictionary</Link> says what each column holds.
				</p>
				<p>
					CSV files are UTF-8 with a byte-order mark and Windows line endings, as OMB’s own files
					are, so that spreadsheet programs read them correctly.
				</p>
			</div>
			<section aria-labelledby="current-heading" className="space-y-2">
				<h2 id="current-heading" className="text-2xl font-bold">
					The inventory as it stands today
				</h2>
				<p>
					{formatCount(count)} use cases reported for {year}, read from CMS’s AI governance system
					when you download them: the same rows as the{' '}
					<Link to="/public/inventory">inventory pages</Link>.
				</p>
				<Files edition="current" label={`Current ${year} inventory`} />
			</section>
			<section aria-labelledby="certified-heading" className="space-y-2">
				<h2 id="certified-heading" className="text-2xl font-bold">
					The certified inventory
				</h2>
				{certified ? (
					<>
						<p>
							The {certified.year} inventory as CMS certified its submission to OMB on{' '}
							{certified.certifiedOn}: the use cases as they stood when the reporting year was
							opened.
						</p>
						<Files
							edition={String(certified.year)}
							label={`Certified ${certified.year} inventory`}
						/>
					</>
				) : (
					<p>No reporting year has been certified yet.</p>
				)}
			</section>
		</div>
	)
}
