// Plain labels for the values the public site filters, counts and charts. Pure.
import {
	classificationChoices,
	type OmbChoice,
	stageChoices,
	topicAreaChoices,
} from '#app/modules/use-cases/vocabulary.ts'
import { type PublicFilterKey, type PublicHighImpact } from './public-query.ts'

const codes = <K extends string>(choices: Record<K, OmbChoice>) =>
	Object.fromEntries(
		Object.entries<OmbChoice>(choices).map(([key, choice]) => [key, choice.code]),
	) as Record<K, string>

export const stageLabels = codes(stageChoices)

export const topicAreaLabels = Object.fromEntries(
	Object.entries<OmbChoice>(topicAreaChoices).map(([key, choice]) => [key, choice.selection]),
) as Record<keyof typeof topicAreaChoices, string>

export const highImpactLabels: Record<PublicHighImpact, string> = {
	HIGH_IMPACT: 'High-impact',
	PRESUMED_NOT_HIGH_IMPACT: 'Presumed high-impact, determined not high-impact',
	NOT_HIGH_IMPACT: 'Not high-impact',
	UNDETERMINED: 'Not yet determined',
}

export const classificationLabels = codes(classificationChoices)

export type ComponentNames = ReadonlyMap<string, { shortName: string; name: string }>

export function componentLabel(code: string, components: ComponentNames) {
	const unit = components.get(code)
	if (!unit) return code
	return unit.shortName === unit.name ? unit.name : `${unit.shortName} — ${unit.name}`
}

export const publicFilterTitles: Record<PublicFilterKey, string> = {
	stage: 'Stage of development',
	topicArea: 'Topic area',
	highImpact: 'High-impact',
	classification: 'Kind of AI',
	component: 'CMS component',
}

export function publicFilterValueLabel(
	key: PublicFilterKey,
	value: string,
	components: ComponentNames,
) {
	switch (key) {
		case 'stage':
			return stageLabels[value as keyof typeof stageLabels] ?? value
		case 'topicArea':
			return topicAreaLabels[value as keyof typeof topicAreaLabels] ?? value
		case 'highImpact':
			return highImpactLabels[value as PublicHighImpact] ?? value
		case 'classification':
			return classificationLabels[value as keyof typeof classificationLabels] ?? value
		case 'component':
			return componentLabel(value, components)
	}
}
