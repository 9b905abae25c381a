import { expect, test } from 'vitest'
import {
	publicInventoryHref,
	publicInventoryInput,
	PublicInventoryQuerySchema,
	publicSortedBy,
} from './public-query.ts'

const parse = (search: string) =>
	PublicInventoryQuerySchema.safeParse(publicInventoryInput(new URLSearchParams(search)))

test('an empty address is the whole inventory by name, page 1', () => {
	expect(parse('').data).toEqual({
		q: '',
		stage: [],
		topicArea: [],
		highImpact: [],
		classification: [],
		component: [],
		sort: 'name',
		page: 1,
	})
})

test('repeated filters are several values; blanks and unknown keys (React Router’s own) are ignored', () => {
	const query = parse(
		'stage=PILOT&stage=DEPLOYED&topicArea=&q=%20claims%20&component=hhs/cms/oit&_routes=root&index',
	)
	expect(query.data).toMatchObject({
		q: 'claims',
		stage: ['PILOT', 'DEPLOYED'],
		topicArea: [],
		component: ['HHS/CMS/OIT'],
	})
})

test('a wrong value is refused with the value and the choices', () => {
	const result = parse('stage=LIVE')
	expect(result.success).toBe(false)
	expect(result.error?.issues[0]?.message).toBe(
		'“LIVE” is not a stage; use one of PRE_DEPLOYMENT, PILOT, DEPLOYED, RETIRED.',
	)
	expect(parse('page=0').success).toBe(false)
	expect(parse('sort=owner').success).toBe(false)
	expect(parse('component=<script>').success).toBe(false)
	expect(parse(`q=${'x'.repeat(201)}`).success).toBe(false)
	// Two values for a single-valued key is a broken address, not a choice to guess.
	expect(parse('sort=name&sort=id').success).toBe(false)
})

test('a view’s address keeps only what differs from the defaults, and reads back as the same view', () => {
	const query = PublicInventoryQuerySchema.parse({
		q: 'fraud',
		stage: ['DEPLOYED'],
		highImpact: ['HIGH_IMPACT', 'UNDETERMINED'],
		sort: 'operationalDate',
		page: 2,
	})
	const href = publicInventoryHref(query)
	expect(href).toBe(
		'/public/inventory?q=fraud&stage=DEPLOYED&highImpact=HIGH_IMPACT&highImpact=UNDETERMINED&sort=operationalDate&page=2',
	)
	expect(parse(new URL(href, 'http://x').search).data).toEqual(query)
	expect(publicInventoryHref({})).toBe('/public/inventory')
})

test('sorting by a column starts in its natural direction, a second click reverses it, and goes back to page 1', () => {
	const query = PublicInventoryQuerySchema.parse({ page: 3 })
	const byDate = publicSortedBy(query, 'operationalDate')
	expect(byDate).toMatchObject({ sort: 'operationalDate', dir: 'desc', page: 1 })
	expect(publicSortedBy(byDate, 'operationalDate').dir).toBe('asc')
	expect(publicSortedBy(query, 'name').dir).toBe('desc')
})
