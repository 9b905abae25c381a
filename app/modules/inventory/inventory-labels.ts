// Short, plain labels for every value the inventory filters, counts and charts, shared by the
// inventory page, its CSV and the dashboards so that the same value always reads the same.
import { datasetCategoryLabels } from '#app/modules/datasets/schemas.ts'
import {
	classificationChoices,
	type DatasetSensitivity,
	sensitivityStrictness,
	stageChoices,
	topicAreaChoices,
	useCaseStatusLabels,
} from '#app/modules/use-cases/vocabulary.ts'
import { determinationFilterLabels, type MultiValuedKey } from './inventory-filters.ts'

export const sensitivityShortLabels: Record<DatasetSensitivity, string> = {
	PART2: '42 CFR Part 2',
	FTI: 'Federal tax information',
	PHI: 'PHI (HIPAA)',
	PII: 'PII',
	DEMOGRAPHIC: 'Demographic attributes',
}

const fromChoices = <K extends string>(choices: Record<K, { code: string }>) =>
	Object.fromEntries(
		Object.entries<{ code: string }>(choices).map(([key, choice]) => [key, choice.code]),
	) as Record<K, string>

const topicLabels = Object.fromEntries(
	Object.entries<{ selection: string }>(topicAreaChoices).map(([key, choice]) => [
		key,
		choice.selection,
	]),
) as Record<keyof typeof topicAreaChoices, string>

/** Labels per filter; org units, vendors and tags are labelled by their own names. */
export const facetValueLabels: Partial<Record<MultiValuedKey, Record<string, string>>> = {
	status: useCaseStatusLabels,
	stage: fromChoices(stageChoices),
	determination: determinationFilterLabels,
	datasetCategory: datasetCategoryLabels,
	sensitivity: sensitivityShortLabels,
	topicArea: topicLabels,
	classification: fromChoices(classificationChoices),
}

export const facetTitles: Record<MultiValuedKey, string> = {
	status: 'Status',
	stage: 'Stage',
	determination: 'High-impact determination',
	orgUnit: 'Org unit',
	datasetCategory: 'Dataset category',
	sensitivity: 'Data sensitivity',
	topicArea: 'Topic area',
	classification: 'AI classification',
	vendor: 'Vendor',
	tag: 'Tag',
}

export function facetValueLabel(key: MultiValuedKey, value: string) {
	// Own keys only: a vendor or tag called "constructor" is its own label, not Object.prototype's.
	const labels = facetValueLabels[key]
	return labels && Object.hasOwn(labels, value) ? labels[value]! : value
}

/** The strictest sensitivity a case inherits from its datasets, or null. */
export function strictestOf(sensitivities: ReadonlyArray<DatasetSensitivity>) {
	return sensitivityStrictness.find((s) => sensitivities.includes(s)) ?? null
}

// One formatter for every count on the inventory and dashboards: `toLocaleString` builds a new
// formatter on each call, which showed up in server-render profiles of these pages.
const integerFormat = new Intl.NumberFormat('en-US')
const oneDecimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

export function formatCount(n: number) {
	return integerFormat.format(n)
}

export function formatDays(n: number) {
	return `${oneDecimalFormat.format(n)} ${n === 1 ? 'day' : 'days'}`
}
