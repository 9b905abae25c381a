// Turns the dashboards' aggregate rows into the bars and series the charts and their tables show,
// each bar with the inventory view it stands for. Pure, tested beside it.
import {
	datasetCategories,
	sensitivityStrictness,
	stages,
	useCaseStatuses,
	type UseCaseStatus,
} from '#app/modules/use-cases/vocabulary.ts'
import {
	determinationFilterValues,
	inventoryHref,
	orgUnitMatches,
	type MultiValuedKey,
} from '#app/modules/inventory/inventory-filters.ts'
import { facetValueLabel } from '#app/modules/inventory/inventory-labels.ts'

export type ChartBar = { key: string; label: string; count: number; href: string }

type Counts = ReadonlyMap<string, number>

function barsFor(
	key: MultiValuedKey,
	values: ReadonlyArray<string>,
	counts: Counts,
	options: { keepEmpty?: boolean } = {},
): Array<ChartBar> {
	return values
		.map((value) => ({
			key: value,
			label: facetValueLabel(key, value),
			count: counts.get(value) ?? 0,
			href: inventoryHref({ [key]: [value] }),
		}))
		.filter((bar) => options.keepEmpty || bar.count > 0)
}

export function stageBars(counts: Counts) {
	return barsFor('stage', stages, counts, { keepEmpty: true })
}

export function determinationBars(counts: Counts) {
	return barsFor('determination', determinationFilterValues, counts, { keepEmpty: true })
}

export function datasetCategoryBars(counts: Counts) {
	return barsFor('datasetCategory', datasetCategories, counts).sort((a, b) => b.count - a.count)
}

/** Strictest first, then the cases that touch no sensitive data (not a filter: no link of its own). */
export function sensitivityBars(counts: Counts, none: number): Array<ChartBar> {
	return [
		...barsFor('sensitivity', sensitivityStrictness, counts, { keepEmpty: true }),
		{ key: 'NONE', label: 'No sensitive data', count: none, href: inventoryHref({}) },
	]
}

/**
 * Cases per CMS component (the children of HHS/CMS, as OMB's Bureau/Component column reports
 * them), each counting the units below it; cases filed at HHS/CMS itself show as "CMS-wide".
 */
export function componentBars(
	countsByOrgUnit: Counts,
	units: ReadonlyArray<{ code: string; shortName: string }>,
	parent = 'HHS/CMS',
): Array<ChartBar> {
	const depth = parent.split('/').length + 1
	const components = units.filter(
		(unit) => unit.code.startsWith(`${parent}/`) && unit.code.split('/').length === depth,
	)
	const bars = components.map((unit) => ({
		key: unit.code,
		label: unit.shortName,
		count: [...countsByOrgUnit].reduce(
			(sum, [code, n]) => (orgUnitMatches(unit.code, code) ? sum + n : sum),
			0,
		),
		href: inventoryHref({ orgUnit: [unit.code] }),
	}))
	const atParent = countsByOrgUnit.get(parent) ?? 0
	if (atParent > 0)
		bars.push({
			key: parent,
			label: 'CMS-wide',
			count: atParent,
			href: inventoryHref({ orgUnit: [parent] }),
		})
	return bars
		.filter((bar) => bar.count > 0)
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
}

export const decisionOutcomes = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'] as const
export type DecisionOutcome = (typeof decisionOutcomes)[number]
export type MonthOfDecisions = { month: string; label: string; total: number } & Record<
	DecisionOutcome,
	number
>

/** The last `months` calendar months up to `asOf` (UTC), oldest first, with months that saw no decision as zeros. */
export function throughputSeries(
	rows: ReadonlyArray<{ month: string; outcome: string; count: number }>,
	asOf: Date,
	months = 12,
): Array<MonthOfDecisions> {
	const labelFormat = new Intl.DateTimeFormat('en-US', {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC',
	})
	const series: Array<MonthOfDecisions> = []
	for (let back = months - 1; back >= 0; back--) {
		const first = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - back, 1))
		const month = first.toISOString().slice(0, 7)
		const entry: MonthOfDecisions = {
			month,
			label: labelFormat.format(first),
			total: 0,
			APPROVED: 0,
			APPROVED_WITH_CONDITIONS: 0,
			REJECTED: 0,
		}
		for (const row of rows) {
			if (row.month !== month || !(decisionOutcomes as ReadonlyArray<string>).includes(row.outcome))
				continue
			entry[row.outcome as DecisionOutcome] += row.count
			entry.total += row.count
		}
		series.push(entry)
	}
	return series
}

export type TimeInState = {
	status: UseCaseStatus
	label: string
	medianDays: number
	stays: number
	href: string
}

/** Median days per state, in the workflow's order; states nobody has left yet are left out. */
export function timeInStateBars(
	rows: ReadonlyArray<{ status: string; medianDays: number; stays: number }>,
): Array<TimeInState> {
	return useCaseStatuses.flatMap((status) => {
		const row = rows.find((r) => r.status === status)
		if (!row || row.stays === 0) return []
		return [
			{
				status,
				label: facetValueLabel('status', status),
				medianDays: Math.round(row.medianDays * 10) / 10,
				stays: row.stays,
				href: inventoryHref({ status: [status] }),
			},
		]
	})
}
