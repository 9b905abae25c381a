// The summary page's bars: what CMS uses AI for, counted from the public rows, each bar opening the
// matching view of the public inventory. Pure.
import { type ChartBar } from '#app/modules/dashboards/dashboard-charts.ts'
import {
	classifications,
	highImpactDeterminations,
	stages,
	topicAreas,
} from '#app/modules/use-cases/vocabulary.ts'
import { type PublicSummaryCounts } from './public-inventory.ts'
import {
	classificationLabels,
	type ComponentNames,
	componentLabel,
	highImpactLabels,
	stageLabels,
	topicAreaLabels,
} from './public-labels.ts'
import { publicInventoryHref } from './public-query.ts'

const byCount = (a: ChartBar, b: ChartBar) => b.count - a.count || a.label.localeCompare(b.label)

export function publicSummaryBars(counts: PublicSummaryCounts, components: ComponentNames) {
	const count = (map: ReadonlyMap<string, number>, key: string) => map.get(key) ?? 0
	return {
		stage: stages.map((stage) => ({
			key: stage,
			label: stageLabels[stage],
			count: count(counts.stage, stage),
			href: publicInventoryHref({ stage: [stage] }),
		})),
		highImpact: [...highImpactDeterminations, 'UNDETERMINED' as const].map((value) => ({
			key: value,
			label: highImpactLabels[value],
			count: count(counts.highImpact, value),
			href: publicInventoryHref({ highImpact: [value] }),
		})),
		topicArea: topicAreas
			.map((topic) => ({
				key: topic,
				label: topicAreaLabels[topic],
				count: count(counts.topicArea, topic),
				href: publicInventoryHref({ topicArea: [topic] }),
			}))
			.filter((bar) => bar.count > 0)
			.sort(byCount),
		component: [...counts.component]
			.map(([code, n]) => ({
				key: code,
				label: components.get(code)?.shortName ?? componentLabel(code, components),
				count: n,
				href: publicInventoryHref({ component: [code] }),
			}))
			.sort(byCount),
		classification: classifications
			.map((value) => ({
				key: value,
				label: classificationLabels[value],
				count: count(counts.classification, value),
				href: publicInventoryHref({ classification: [value] }),
			}))
			.filter((bar) => bar.count > 0)
			.sort(byCount),
	} satisfies Record<string, Array<ChartBar>>
}
