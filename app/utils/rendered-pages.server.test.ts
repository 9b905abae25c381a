import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import {
	createRenderedPages,
	freshForThisRequest,
	freshValuesOf,
	renderInputsDigest,
} from './rendered-pages.server.ts'

const page = (loaderData: unknown, extra: Partial<Parameters<typeof renderInputsDigest>[0]> = {}) =>
	renderInputsDigest({
		method: 'GET',
		url: 'http://localhost/inventory?page=2',
		statusCode: 200,
		loaderData,
		actionData: null,
		errors: null,
		fresh: ['nonce-a'],
		...extra,
	})

describe('the digest of what a render reads', () => {
	test('the same address and data give the same digest; any difference gives another', () => {
		const data = {
			root: { user: { id: 'u1', roles: ['LEADERSHIP'] }, csrfToken: 't1' },
			rows: [1, 2],
		}
		expect(page(data)).toBe(page(structuredClone(data)))
		expect(page(data)).not.toBe(page({ ...data, rows: [1, 3] }))
		expect(page(data)).not.toBe(page({ ...data, root: { ...data.root, csrfToken: 't2' } }))
		expect(page(data)).not.toBe(page(data, { url: 'http://localhost/inventory?page=3' }))
	})

	test('values JSON cannot tell apart still give different digests', () => {
		const pairs: Array<[unknown, unknown]> = [
			[{ m: new Map([['a', 1]]) }, { m: new Map([['a', 2]]) }],
			[{ s: new Set([1]) }, { s: new Set([2]) }],
			[{ d: new Date('2026-01-01T00:00:00Z') }, { d: '2026-01-01T00:00:00.000Z' }],
			[{ a: undefined }, {}],
			[{ n: Number.NaN }, { n: null }],
			[{ n: -0 }, { n: 0 }],
			[{ n: Infinity }, { n: null }],
			[{ b: 1n }, { b: '1' }],
			[{ e: new Error('one') }, { e: new Error('two') }],
		]
		for (const [one, other] of pairs) expect(page(one)).not.toBe(page(other))
	})

	test('data it cannot compare exactly, an action, an error or a post is never kept', () => {
		expect(page({ deferred: Promise.resolve(1) })).toBeNull()
		expect(page({ instance: new (class Thing {})() })).toBeNull()
		expect(page({ f: () => 1 })).toBeNull()
		expect(page({}, { actionData: { route: { ok: true } } })).toBeNull()
		expect(page({}, { errors: { route: new Error('x') } })).toBeNull()
		expect(page({}, { statusCode: 404 })).toBeNull()
		expect(page({}, { method: 'POST' })).toBeNull()
	})

	test("a request's fresh values do not change the digest, wherever they stand", () => {
		const one = page({ form: { submissionKey: 'key-1' } }, { fresh: ['nonce-a', 'key-1'] })
		const two = page({ form: { submissionKey: 'key-2' } }, { fresh: ['nonce-b', 'key-2'] })
		expect(one).toBe(two)
		// A page whose form had no fresh key is another page.
		expect(page({ form: { submissionKey: 'key-3' } }, { fresh: ['nonce-c'] })).not.toBe(one)
	})
})

describe('kept pages', () => {
	const html = (nonce: string, key: string) =>
		Buffer.from(
			`<script nonce="${nonce}">1</script><input name="submissionKey" value="${key}"><script nonce="${nonce}">["submissionKey","${key}"]</script>`,
		)

	test("a kept page carries the request's own nonce and form key in every place", () => {
		const pages = createRenderedPages({ maxBytes: 1_000_000, maxAgeMs: 60_000 })
		pages.keep('digest', html('N1', 'K1'), ['N1', 'K1'])
		expect(pages.take('digest', ['N2', 'K2'])?.toString()).toBe(html('N2', 'K2').toString())
		expect(pages.take('digest', ['N3', 'K3'])?.toString()).toBe(html('N3', 'K3').toString())
		expect(pages.take('other', ['N2', 'K2'])).toBeNull()
		// A request with another number of fresh values is not the same page.
		expect(pages.take('digest', ['N2'])).toBeNull()
	})

	test('fresh values are marked per request', () => {
		const request = {}
		expect(freshValuesOf(request)).toEqual([])
		freshForThisRequest(request, 'k1')
		freshForThisRequest(request, 'k2')
		expect(freshValuesOf(request)).toEqual(['k1', 'k2'])
		expect(freshValuesOf({})).toEqual([])
	})

	test('pages beyond the size bound go, the least recently used first', () => {
		const pages = createRenderedPages({ maxBytes: 800, maxAgeMs: 60_000 })
		const body = (n: number) => Buffer.from(String(n).repeat(90))
		for (let n = 1; n <= 8; n++) pages.keep(`p${n}`, body(n), ['nonce'])
		expect(pages.take('p1', ['nonce'])).not.toBeNull()
		pages.keep('p9', body(9), ['nonce'])
		// p1 was used just now, so p2 is the one that went.
		expect(pages.take('p1', ['nonce'])).not.toBeNull()
		expect(pages.take('p2', ['nonce'])).toBeNull()
		expect(pages.take('p9', ['nonce'])?.toString()).toBe('9'.repeat(90))
	})

	test('a page is rendered again once it is older than its age', async () => {
		const pages = createRenderedPages({ maxBytes: 1_000_000, maxAgeMs: 20 })
		pages.keep('digest', Buffer.from('<p>page</p>'), ['nonce'])
		expect(pages.take('digest', ['nonce'])).not.toBeNull()
		await sleep(40)
		expect(pages.take('digest', ['nonce'])).toBeNull()
	})

	test('requests for a page being rendered wait for that render, each with its own nonce', async () => {
		const pages = createRenderedPages({ maxBytes: 1_000_000, maxAgeMs: 60_000 })
		let renders = 0
		const render = async (nonce: string, key: string) => {
			renders++
			await sleep(10)
			return { html: html(nonce, key), status: 200 }
		}
		const served = await Promise.all(
			[1, 2, 3, 4, 5].map((n) =>
				pages.serve('digest', [`N${n}`, `K${n}`], () => render(`N${n}`, `K${n}`)),
			),
		)
		expect(renders).toBe(1)
		expect(served.filter((page) => page.rendered)).toHaveLength(1)
		for (const [index, page] of served.entries())
			expect(page.html.toString()).toBe(html(`N${index + 1}`, `K${index + 1}`).toString())
	})

	test('a failed render is not kept, and a page that cannot be compared is rendered every time', async () => {
		const pages = createRenderedPages({ maxBytes: 1_000_000, maxAgeMs: 60_000 })
		let renders = 0
		const failing = async () => {
			renders++
			return { html: Buffer.from('<p>Something went wrong</p>'), status: 500 }
		}
		expect((await pages.serve('digest', ['N1'], failing)).status).toBe(500)
		expect((await pages.serve('digest', ['N2'], failing)).rendered).toBe(true)
		const ok = async () => {
			renders++
			return { html: Buffer.from('<p>ok</p>'), status: 200 }
		}
		await pages.serve(null, ['N3'], ok)
		await pages.serve(null, ['N4'], ok)
		expect(renders).toBe(4)
	})
})
