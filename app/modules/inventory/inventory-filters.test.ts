import { describe, expect, test } from 'vitest'
import {
	determinationFilterValues,
	hasFilters,
	inventoryHref,
	inventoryInput,
	InventoryQuerySchema,
	inventorySearchParams,
	orgUnitMatches,
	sortDirection,
	sortedBy,
	toggleFilterValue,
} from './inventory-filters.ts'

const parse = (search: string) =>
	InventoryQuerySchema.safeParse(inventoryInput(new URLSearchParams(search)))
const parsed = (search: string) => {
	const result = parse(search)
	if (!result.success) throw new Error(result.error.message)
	return result.data
}
const problems = (search: string) => {
	const result = parse(search)
	return result.success
		? []
		: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('reading the address', () => {
	test('an empty address is every case, newest change first, page 1', () => {
		expect(parsed('')).toEqual({
			q: '',
			status: [],
			stage: [],
			determination: [],
			orgUnit: [],
			datasetCategory: [],
			sensitivity: [],
			topicArea: [],
			classification: [],
			vendor: [],
			tag: [],
			overdue: false,
			sort: 'updated',
			dir: undefined,
			page: 1,
		})
	})

	test('repeated parameters are several values of one filter', () => {
		const query = parsed(
			'status=APPROVED&status=IN_REVIEW&stage=DEPLOYED&sensitivity=PHI&sensitivity=PART2',
		)
		expect(query.status).toEqual(['APPROVED', 'IN_REVIEW'])
		expect(query.stage).toEqual(['DEPLOYED'])
		expect(query.sensitivity).toEqual(['PHI', 'PART2'])
	})

	test('blank fields from the form count as absent', () => {
		expect(parsed('q=&status=&orgUnit=&page=')).toEqual(parsed(''))
	})

	test('the search is trimmed; org units are upper-cased; tags lower-cased', () => {
		const query = parsed('q=%20identity%20proofing%20&orgUnit=hhs/cms/cciio&tag=OMB-2026')
		expect(query.q).toBe('identity proofing')
		expect(query.orgUnit).toEqual(['HHS/CMS/CCIIO'])
		expect(query.tag).toEqual(['omb-2026'])
	})

	test('both undetermined states can be asked for, apart from OMB’s three answers', () => {
		expect(determinationFilterValues).toEqual([
			'HIGH_IMPACT',
			'PRESUMED_NOT_HIGH_IMPACT',
			'NOT_HIGH_IMPACT',
			'PRESUMED_UNDETERMINED',
			'UNDETERMINED',
		])
		expect(
			parsed('determination=PRESUMED_UNDETERMINED&determination=UNDETERMINED').determination,
		).toEqual(['PRESUMED_UNDETERMINED', 'UNDETERMINED'])
	})

	test('overdue is on only when it says true', () => {
		expect(parsed('overdue=true').overdue).toBe(true)
		expect(parsed('overdue=false').overdue).toBe(false)
	})

	test('keys the inventory does not know are ignored (React Router adds its own)', () => {
		expect(parsed('index=&_routes=routes%2F_app%2Finventory%2Findex')).toEqual(parsed(''))
	})
})

describe('bad values are named, never guessed', () => {
	test('an unknown status, stage or determination names the value and the choices', () => {
		expect(problems('status=APROVED')).toEqual([
			expect.stringMatching(/^status\.0: “APROVED” is not a status; use one of DRAFT, SUBMITTED/),
		])
		expect(problems('stage=production')[0]).toMatch(/^stage\.0: “production” is not a stage/)
		expect(problems('determination=maybe')[0]).toMatch(/high-impact determination/)
	})

	test('a malformed org unit, tag, sort, direction or page', () => {
		expect(problems('orgUnit=CMS%20office')[0]).toMatch(/slash paths such as HHS\/CMS\/CCIIO/)
		expect(problems('tag=not%20a%20tag')[0]).toMatch(/lower-case letters, digits and hyphens/)
		expect(problems('sort=owner')[0]).toMatch(/^sort: Sort by one of updated, trackingId/)
		expect(problems('dir=up')[0]).toMatch(/dir is asc or desc/)
		expect(problems('page=0')[0]).toMatch(/Pages run from 1 to 100,000/)
		expect(problems('page=two')[0]).toMatch(/^page: /)
		expect(problems('overdue=yes')[0]).toMatch(/overdue is true or false/)
	})

	test('two values for a single-valued key is an error, not a choice', () => {
		expect(problems('sort=name&sort=stage')).toHaveLength(1)
	})

	test('a search longer than 200 characters', () => {
		expect(problems(`q=${'a'.repeat(201)}`)[0]).toMatch(/at most 200 characters/)
	})
})

describe('writing the address', () => {
	test('a view round-trips through its address', () => {
		const query = parsed(
			'q=claims&status=APPROVED&status=IN_REVIEW&orgUnit=HHS/CMS/CPI&overdue=true&sort=name&dir=desc&page=3',
		)
		expect(parsed(inventorySearchParams(query).toString())).toEqual(query)
	})

	test('defaults are left out, so the same view has one address', () => {
		expect(inventoryHref(parsed(''))).toBe('/inventory')
		expect(inventoryHref(parsed('sort=updated&dir=desc&page=1'))).toBe('/inventory')
		expect(inventoryHref({ stage: ['PILOT'] })).toBe('/inventory?stage=PILOT')
		expect(
			inventoryHref({ determination: ['HIGH_IMPACT'], datasetCategory: ['MEDICARE_CLAIMS'] }),
		).toBe('/inventory?determination=HIGH_IMPACT&datasetCategory=MEDICARE_CLAIMS')
	})

	test('switching a filter value on or off goes back to page 1', () => {
		const query = parsed('status=APPROVED&page=4')
		expect(toggleFilterValue(query, 'status', 'REJECTED')).toMatchObject({
			status: ['APPROVED', 'REJECTED'],
			page: 1,
		})
		expect(toggleFilterValue(query, 'status', 'APPROVED')).toMatchObject({ status: [], page: 1 })
	})

	test('sorting: dates newest first, text A to Z, and a second click reverses', () => {
		expect(sortDirection({ sort: 'updated', dir: undefined })).toBe('desc')
		expect(sortDirection({ sort: 'name', dir: undefined })).toBe('asc')
		const byName = sortedBy(parsed('page=2'), 'name')
		expect(byName).toMatchObject({ sort: 'name', dir: 'asc', page: 1 })
		expect(sortedBy(byName, 'name')).toMatchObject({ sort: 'name', dir: 'desc' })
		expect(inventoryHref(sortedBy(parsed(''), 'updated'))).toBe('/inventory?dir=asc')
	})

	test('hasFilters ignores sort and page', () => {
		expect(hasFilters(parsed('sort=name&page=2'))).toBe(false)
		expect(hasFilters(parsed('overdue=true'))).toBe(true)
		expect(hasFilters(parsed('tag=omb-2026'))).toBe(true)
	})
})

test('an org unit matches itself and the units below it, not its siblings', () => {
	expect(orgUnitMatches('HHS/CMS', 'HHS/CMS/CCIIO')).toBe(true)
	expect(orgUnitMatches('HHS/CMS/CCIIO', 'HHS/CMS/CCIIO')).toBe(true)
	expect(orgUnitMatches('HHS/CMS/CM', 'HHS/CMS/CMCS')).toBe(false)
	expect(orgUnitMatches('HHS/CMS/CCIIO', 'HHS/CMS')).toBe(false)
})
