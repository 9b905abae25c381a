import { expect, test } from 'vitest'
import {
	classificationChoices,
	highImpactChoices,
	stageChoices,
	topicAreaChoices,
} from '#app/modules/use-cases/vocabulary.ts'
import {
	componentOf,
	matchPublicCases,
	pageOf,
	type PublicCase,
	type PublicRow,
	sortOrders,
	summaryCounts,
	toPublicCase,
} from './public-inventory.ts'
import {
	PUBLIC_PAGE_SIZE,
	publicInventoryInput,
	PublicInventoryQuerySchema,
} from './public-query.ts'

function row(id: string, name: string, fields: Partial<PublicRow> = {}): PublicRow {
	return {
		id,
		use_case_name: name,
		agency_bureau: 'HHS/CMS/OIT',
		development_stage: stageChoices.DEPLOYED.selection,
		topic_area: topicAreaChoices.HEALTH_MEDICAL.selection,
		classification: classificationChoices.CLASSICAL_ML.selection,
		is_high_impact: highImpactChoices.NOT_HIGH_IMPACT.selection,
		problem_solved: '',
		operational_date: '2025-01-01',
		...fields,
	}
}

const rows = [
	row('CMS-2026-0003', 'Claims triage', {
		problem_solved: 'Improper payments found late.',
		agency_bureau: 'HHS/CMS/CPI/DPSI',
	}),
	row('CMS-2026-0001', 'Appeals summarizer', {
		development_stage: stageChoices.PILOT.selection,
		classification: classificationChoices.GENERATIVE_AI.selection,
		operational_date: '2026-02-01',
	}),
	row('CMS-2026-0010', 'call centre chatbot', {
		development_stage: stageChoices.PRE_DEPLOYMENT.selection,
		is_high_impact: '',
		operational_date: '',
		vendor_name: 'Example Vendor, Inc.',
	}),
	row('HHS-1041', 'Beneficiary eligibility screening', {
		is_high_impact: highImpactChoices.HIGH_IMPACT.selection,
		topic_area: topicAreaChoices.GOVERNMENT_BENEFITS_PROCESSING.selection,
		agency_bureau: 'HHS/CMS/CCIIO',
	}),
]
const cases = rows.map((r) => toPublicCase(r) as PublicCase)
const orders = sortOrders(cases)
const view = (search: string) => {
	const { page: _page, ...query } = PublicInventoryQuerySchema.parse(
		publicInventoryInput(new URLSearchParams(search)),
	)
	return matchPublicCases(cases, orders, query)
}
const ids = (search: string) => Array.from(view(search).indexes, (index) => cases[index]?.id)

test('a public row becomes a case keyed by its id, its filters read back from OMB’s selections', () => {
	expect(cases[0]).toMatchObject({
		id: 'CMS-2026-0003',
		stage: 'DEPLOYED',
		topicArea: 'HEALTH_MEDICAL',
		highImpact: 'NOT_HIGH_IMPACT',
		classification: 'CLASSICAL_ML',
		component: 'HHS/CMS/CPI',
	})
	expect(cases[2]?.highImpact).toBe('UNDETERMINED')
	expect(toPublicCase(row('', 'No id'))).toBeNull()
	expect(componentOf('HHS/CMS')).toBe('HHS/CMS')
	expect(componentOf('HHS/CMS/OIT/DDOM/X')).toBe('HHS/CMS/OIT')
})

test('sorts by name (case and numbers as people read them), id, date (undated last) and stage, either way', () => {
	expect(ids('')).toEqual(['CMS-2026-0001', 'HHS-1041', 'CMS-2026-0010', 'CMS-2026-0003'])
	expect(ids('dir=desc')).toEqual(['CMS-2026-0003', 'CMS-2026-0010', 'HHS-1041', 'CMS-2026-0001'])
	expect(ids('sort=id')).toEqual(['CMS-2026-0001', 'CMS-2026-0003', 'CMS-2026-0010', 'HHS-1041'])
	expect(ids('sort=operationalDate&dir=asc')).toEqual([
		'HHS-1041',
		'CMS-2026-0003',
		'CMS-2026-0001',
		'CMS-2026-0010',
	])
	expect(ids('sort=operationalDate')).toEqual([
		'CMS-2026-0001',
		'CMS-2026-0003',
		'HHS-1041',
		'CMS-2026-0010',
	])
	expect(ids('sort=stage')).toEqual(['CMS-2026-0010', 'CMS-2026-0001', 'HHS-1041', 'CMS-2026-0003'])
})

test('search matches every word in any column of the row, ignoring case', () => {
	expect(ids('q=IMPROPER payments')).toEqual(['CMS-2026-0003'])
	expect(ids('q=example vendor')).toEqual(['CMS-2026-0010'])
	expect(ids('q=hhs-1041')).toEqual(['HHS-1041'])
	expect(ids('q=benefits processing')).toEqual(['HHS-1041'])
	expect(ids('q=claims chatbot')).toEqual([])
})

test('filters combine across keys (and) and within a key (or); a component includes the units below it', () => {
	expect(ids('stage=PILOT&stage=PRE_DEPLOYMENT')).toEqual(['CMS-2026-0001', 'CMS-2026-0010'])
	expect(ids('stage=DEPLOYED&highImpact=HIGH_IMPACT')).toEqual(['HHS-1041'])
	expect(ids('component=HHS/CMS/CPI')).toEqual(['CMS-2026-0003'])
	expect(ids('highImpact=UNDETERMINED')).toEqual(['CMS-2026-0010'])
	expect(ids('classification=GENERATIVE_AI')).toEqual(['CMS-2026-0001'])
})

test('each filter’s counts are what choosing its values would give under the other filters', () => {
	const { facets } = view('stage=DEPLOYED&topicArea=HEALTH_MEDICAL')
	// Stage counts ignore the stage filter but keep the topic filter.
	expect(Object.fromEntries(facets.stage)).toEqual({ DEPLOYED: 1, PILOT: 1, PRE_DEPLOYMENT: 1 })
	// Topic counts ignore the topic filter but keep the stage filter.
	expect(Object.fromEntries(facets.topicArea)).toEqual({
		HEALTH_MEDICAL: 1,
		GOVERNMENT_BENEFITS_PROCESSING: 1,
	})
	expect(Object.fromEntries(facets.component)).toEqual({ 'HHS/CMS/CPI': 1 })
})

test('pages hold 25 cases, and a page past the end is empty', () => {
	const many = Array.from(
		{ length: 60 },
		(_, i) =>
			toPublicCase(
				row(`CMS-2026-${String(i + 1).padStart(4, '0')}`, `Case ${i + 1}`),
			) as PublicCase,
	)
	const matches = matchPublicCases(many, sortOrders(many), {
		...PublicInventoryQuerySchema.parse({}),
	})
	expect(pageOf(many, matches, 1)).toMatchObject({ total: 60, pageCount: 3 })
	expect(pageOf(many, matches, 1).cases).toHaveLength(PUBLIC_PAGE_SIZE)
	expect(pageOf(many, matches, 3).cases.map((c) => c.name)).toEqual(
		Array.from({ length: 10 }, (_, i) => `Case ${51 + i}`),
	)
	expect(pageOf(many, matches, 4).cases).toEqual([])
})

test('the summary counts every case once per chart', () => {
	const counts = summaryCounts(cases)
	expect(counts.total).toBe(4)
	expect(Object.fromEntries(counts.stage)).toEqual({ DEPLOYED: 2, PILOT: 1, PRE_DEPLOYMENT: 1 })
	expect(Object.fromEntries(counts.highImpact)).toEqual({
		NOT_HIGH_IMPACT: 2,
		UNDETERMINED: 1,
		HIGH_IMPACT: 1,
	})
	expect(Object.fromEntries(counts.component)).toEqual({
		'HHS/CMS/CPI': 1,
		'HHS/CMS/OIT': 2,
		'HHS/CMS/CCIIO': 1,
	})
})
