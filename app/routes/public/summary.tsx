import { Link } from 'react-router'
import { z } from 'zod'
import { BarCard } from '#app/components/charts.tsx'
import { formatCount } from '#app/modules/inventory/inventory-labels.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import { publicSnapshotOf, publicSummary } from '#app/modules/public-site/public-snapshot.server.ts'
import { publicSummaryBars } from '#app/modules/public-site/public-summary.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import type { Route } from './+types/summary.ts'

const chartIds = ['stage', 'high-impact', 'topic', 'component', 'classification'] as const
const SummaryQuery = z.object({
	table: z
		.array(z.enum(chartIds, { error: `Tables exist for ${chartIds.join(', ')}.` }))
		.max(chartIds.length),
})

export const meta: Route.MetaFunction = ({ matches, location }) =>
	publicPageMeta(matches, location, {
		title: 'What CMS uses AI for',
		description:
			'CMS’s public AI use cases counted by stage of development, high-impact status, topic area, component and kind of AI, as charts and tables.',
	})

export async function loader({ request, context }: Route.LoaderArgs) {
	parseOrBadRequest(SummaryQuery, { table: new URL(request.url).searchParams.getAll('table') })
	const snapshot = await publicSnapshotOf(context)
	const counts = publicSummary(snapshot)
	return {
		total: counts.total,
		year: snapshot.year,
		bars: publicSummaryBars(counts, snapshot.components),
	}
}

export default function PublicSummary({ loaderData }: Route.ComponentProps) {
	const { total, year, bars } = loaderData
	return (
		<div className="space-y-6">
			<div className="max-w-3xl space-y-2">
				<h1 className="text-3xl font-bold">What CMS uses AI for</h1>
				<p>
					The {formatCount(total)} use cases of CMS’s public AI inventory for {year}, counted from
					the same rows as the <Link to="/public/inventory">inventory</Link> and the{' '}
					<Link to="/public/downloads">downloads</Link>. Every chart has a table view; every bar and
					row opens the matching use cases.
				</p>
			</div>
			<div className="grid gap-4 xl:grid-cols-2">
				<BarCard
					id="stage"
					title="Use cases by stage of development"
					description="OMB’s four stages, from pre-deployment to retired."
					bars={bars.stage}
				/>
				<BarCard
					id="high-impact"
					title="Use cases by high-impact status"
					description="High-impact as defined by OMB Memorandum M-25-21: AI whose output is a principal basis for decisions with legal or similarly significant effects on people."
					bars={bars.highImpact}
				/>
				<BarCard
					id="topic"
					title="Use cases by topic area"
					description="The topic each use case is closest to."
					bars={bars.topicArea}
				/>
				<BarCard
					id="component"
					title="Use cases by CMS component"
					description="The center or office responsible for each use case."
					bars={bars.component}
				/>
				<BarCard
					id="classification"
					title="Use cases by kind of AI"
					description="OMB’s AI classification closest to each use case."
					bars={bars.classification}
				/>
			</div>
		</div>
	)
}
