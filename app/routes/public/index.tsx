import { Form, Link } from 'react-router'
import { formatCount } from '#app/modules/inventory/inventory-labels.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicSnapshotOf, publicSummary } from '#app/modules/public-site/public-snapshot.server.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = ({ matches, location }) =>
	publicPageMeta(matches, location, {
		title: 'How CMS uses artificial intelligence',
		description:
			'The Centers for Medicare & Medicaid Services’ public inventory of AI use cases, its AI policies, and the inventory as CSV and JSON, always current.',
	})

export async function loader({ context }: Route.LoaderArgs) {
	const snapshot = await publicSnapshotOf(context)
	const summary = publicSummary(snapshot)
	return {
		total: summary.total,
		deployed: summary.stage.get('DEPLOYED') ?? 0,
		highImpact: summary.highImpact.get('HIGH_IMPACT') ?? 0,
		year: snapshot.year,
		certifiedYear: snapshot.certified?.year ?? null,
	}
}

export default function PublicHome({ loaderData }: Route.ComponentProps) {
	const { total, deployed, highImpact, year, certifiedYear } = loaderData
	return (
		<div className="space-y-8">
			<div className="max-w-3xl space-y-3">
				<h1 className="text-4xl font-bold">How CMS uses artificial intelligence</h1>
				<p className="text-lg">
					The Centers for Medicare &amp; Medicaid Services (CMS) publishes every AI use case it may
					disclose, as OMB Memorandum M-25-21 requires of federal agencies. This inventory is read
					straight from CMS’s AI governance system, so it is always current; use cases withheld from
					public reporting are not listed, and details whose disclosure could cause harm are left
					blank.
				</p>
			</div>
			<Form
				method="get"
				action="/public/inventory"
				role="search"
				aria-label="Search the AI use case inventory"
				className="flex max-w-2xl items-end gap-2"
			>
				<div className="flex-1">
					<label htmlFor="home-q" className="block font-semibold">
						Search AI use cases
					</label>
					<input
						id="home-q"
						name="q"
						type="search"
						className="mt-1 w-full border border-base-dark px-3 py-2"
					/>
				</div>
				<button
					type="submit"
					className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark"
				>
					Search
				</button>
			</Form>
			<ul className="grid max-w-3xl grid-cols-1 gap-3 sm:grid-cols-3" aria-label="Key figures">
				<li className="border border-base-lighter p-4">
					<Link to="/public/inventory" className="block no-underline">
						<span className="block text-3xl font-bold">{formatCount(total)}</span>
						<span className="block">AI use cases in the {year} inventory</span>
					</Link>
				</li>
				<li className="border border-base-lighter p-4">
					<Link to="/public/inventory?stage=DEPLOYED" className="block no-underline">
						<span className="block text-3xl font-bold">{formatCount(deployed)}</span>
						<span className="block">deployed</span>
					</Link>
				</li>
				<li className="border border-base-lighter p-4">
					<Link to="/public/inventory?highImpact=HIGH_IMPACT" className="block no-underline">
						<span className="block text-3xl font-bold">{formatCount(highImpact)}</span>
						<span className="block">high-impact</span>
					</Link>
				</li>
			</ul>
			<section aria-labelledby="sections-heading" className="max-w-3xl space-y-3">
				<h2 id="sections-heading" className="text-2xl font-bold">
					On this site
				</h2>
				<ul className="list-disc space-y-2 pl-6">
					<li>
						<Link to="/public/inventory">The AI use case inventory</Link>: search and filter every
						public use case, and open each one.
					</li>
					<li>
						<Link to="/public/summary">Summary</Link>: what CMS uses AI for, by stage, topic,
						component and high-impact status, as charts and tables.
					</li>
					<li>
						<Link to="/public/policies">AI policies</Link>: the executive orders, laws and OMB
						memoranda CMS checks every use case against, clause by clause.
					</li>
					<li>
						<Link to="/public/downloads">Downloads</Link>: the inventory as CSV and JSON in OMB’s
						format
						{certifiedYear
							? `, for the certified ${certifiedYear} inventory and as it stands today`
							: ', as it stands today'}
						, with a <Link to="/public/data-dictionary">data dictionary</Link>.
					</li>
				</ul>
			</section>
		</div>
	)
}
