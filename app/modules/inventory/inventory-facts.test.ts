import { describe, expect, test } from 'vitest'
import { inventoryInput, type InventoryQuery, InventoryQuerySchema } from './inventory-filters.ts'
import { type CaseFacts, FactsTable } from './inventory-facts.ts'

const query = (search = ''): InventoryQuery =>
	InventoryQuerySchema.parse(inventoryInput(new URLSearchParams(search)))

const orgUnits = [
	{ id: 'u-cms', code: 'HHS/CMS' },
	{ id: 'u-cciio', code: 'HHS/CMS/CCIIO' },
	{ id: 'u-cciio-x', code: 'HHS/CMS/CCIIOX' },
]
const now = Date.parse('2026-12-06T12:00:00Z')

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
	status: 'APPROVED',
	stage: 'DEPLOYED',
	determination: 'HIGH_IMPACT',
	orgUnitId: 'u-cms',
	datasetCategories: [],
	sensitivities: [],
	topicArea: null,
	classification: null,
	vendorNames: [],
	tags: [],
	overdueFrom: null,
	...overrides,
})

const plain = (counts: ReturnType<FactsTable['count']>) =>
	Object.fromEntries(
		Object.entries(counts).map(([key, value]) => [
			key,
			value instanceof Map ? Object.fromEntries(value) : value,
		]),
	)

describe('counting the inventory from the kept facts', () => {
	test('each facet is counted under all the other filters, not its own', () => {
		const table = new FactsTable()
		table.set('a', facts({ status: 'APPROVED', stage: 'DEPLOYED' }))
		table.set('b', facts({ status: 'IN_REVIEW', stage: 'DEPLOYED' }))
		table.set('c', facts({ status: 'APPROVED', stage: 'PILOT' }))
		const counts = plain(table.count(query('status=APPROVED&stage=DEPLOYED'), orgUnits, now))
		expect(counts.total).toBe(1)
		// Status under the stage filter only; stage under the status filter only.
		expect(counts.status).toEqual({ APPROVED: 1, IN_REVIEW: 1 })
		expect(counts.stage).toEqual({ DEPLOYED: 1, PILOT: 1 })
	})

	test('a blank never matches a choice and is not counted as a value', () => {
		const table = new FactsTable()
		table.set('a', facts({ stage: null, topicArea: null }))
		table.set('b', facts({ stage: 'PILOT', topicArea: 'HEALTH_MEDICAL' }))
		const counts = plain(table.count(query('stage=PILOT'), orgUnits, now))
		expect(counts.total).toBe(1)
		expect(counts.stage).toEqual({ PILOT: 1 })
		expect(counts.topicArea).toEqual({ HEALTH_MEDICAL: 1 })
	})

	test('an org unit holds the units below it, not units that merely share its prefix', () => {
		const table = new FactsTable()
		table.set('a', facts({ orgUnitId: 'u-cms' }))
		table.set('b', facts({ orgUnitId: 'u-cciio' }))
		table.set('c', facts({ orgUnitId: 'u-cciio-x' }))
		expect(table.count(query('orgUnit=HHS%2FCMS%2FCCIIO'), orgUnits, now).total).toBe(1)
		expect(table.count(query('orgUnit=HHS%2FCMS'), orgUnits, now).total).toBe(3)
		expect(plain(table.count(query(), orgUnits, now)).orgUnit).toEqual({
			'HHS/CMS': 1,
			'HHS/CMS/CCIIO': 1,
			'HHS/CMS/CCIIOX': 1,
		})
	})

	test('datasets count a case once per value; vendors and tags once per entry, as SQL does', () => {
		const table = new FactsTable()
		table.set(
			'a',
			facts({
				sensitivities: ['PHI', 'PHI', 'PII'],
				vendorNames: ['Acme', 'Acme'],
				tags: ['x'],
			}),
		)
		const counts = plain(table.count(query(), orgUnits, now))
		expect(counts.sensitivity).toEqual({ PHI: 1, PII: 1 })
		expect(counts.vendor).toEqual({ Acme: 2 })
		expect(table.count(query('vendor=Acme&tag=y'), orgUnits, now).total).toBe(0)
		expect(table.count(query('sensitivity=PII&sensitivity=FTI'), orgUnits, now).total).toBe(1)
	})

	test('overdue by the clock: due before now, never when nothing is due', () => {
		const table = new FactsTable()
		table.set('late', facts({ overdueFrom: now - 1 }))
		table.set('due-later', facts({ overdueFrom: now + 60_000 }))
		table.set('nothing-due', facts({ overdueFrom: null }))
		expect(plain(table.count(query(), orgUnits, now)).overdue).toEqual({ true: 1 })
		expect(table.count(query('overdue=true'), orgUnits, now).total).toBe(1)
		expect(table.count(query('overdue=true'), orgUnits, now + 120_000).total).toBe(2)
		table.delete('late')
		table.delete('due-later')
		expect(plain(table.count(query(), orgUnits, now)).overdue).toEqual({ true: 0 })
	})

	test('replacing, deleting and re-adding cases past the first thousand slots', () => {
		const table = new FactsTable()
		for (let i = 0; i < 2500; i++) table.set(`case-${i}`, facts({ tags: [`t${i % 3}`] }))
		for (let i = 0; i < 2500; i += 2) table.delete(`case-${i}`)
		table.set('case-1', facts({ status: 'RETIRED', tags: [] }))
		for (let i = 0; i < 10; i++) table.set(`new-${i}`, facts({ status: 'SUBMITTED' }))
		const counts = plain(table.count(query(), orgUnits, now))
		expect(table.size).toBe(1260)
		expect(counts.total).toBe(1260)
		expect(counts.status).toEqual({ APPROVED: 1249, RETIRED: 1, SUBMITTED: 10 })
		expect(counts.tag).toEqual({ t0: 417, t1: 416, t2: 416 })
		expect(table.has('case-0')).toBe(false)
	})

	test('more distinct values than 16 bits hold is refused, never counted as another value', () => {
		const table = new FactsTable()
		for (let i = 0; i < 0xffff; i++) table.set(`case-${i}`, facts({ orgUnitId: `unit-${i}` }))
		expect(() => table.set('one-more', facts({ orgUnitId: 'one-unit-too-many' }))).toThrow(
			/16 bits/,
		)
		expect(table.count(query(), orgUnits, now).total).toBe(0xffff)
	})
})
