// Pages rendered once and sent again while nothing they show has changed (decision 035). React's
// render of a page is a pure function of its address and the data its loaders returned: the loaders
// already answer from read models kept by data version (decision 030), so a repeat view of the same
// page by the same person reaches the render with the very same data. The render was then most of a
// request's cost. Here the page is kept under a digest of everything the render reads (the address
// and every route's loader data: who is signed in, what they may see and do, the CSRF token, the
// cases), so a page is reused only for a render that would produce the same bytes. The values that
// must differ on every request (the CSP nonce, a create form's key) are cut out of the kept page and
// the request's own put in their place.
import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'

/** Thrown while reading loader data that cannot be digested faithfully (a deferred promise, a class instance). */
class NotDigestible extends Error {}

// Markers for what JSON cannot tell apart. Keys beginning with NUL never come from stored data
// (PostgreSQL's text and JSON reject the NUL character), so a marker cannot collide with a record.
const tagged = (tag: string, value: unknown) => ({ [`\u0000${tag}`]: value })

// `raw` is read from the holder rather than the value JSON.stringify passes, so that Dates and
// undefined are seen before their conversion.
function faithful(this: unknown, key: string): unknown {
	const raw = (this as Record<string, unknown>)[key]
	switch (typeof raw) {
		case 'string':
		case 'boolean':
			return raw
		case 'number':
			return Number.isFinite(raw) && !Object.is(raw, -0) ? raw : tagged('n', String(raw))
		case 'undefined':
			return tagged('u', 0)
		case 'bigint':
			return tagged('b', raw.toString())
		case 'object': {
			if (raw === null || Array.isArray(raw)) return raw
			const prototype = Object.getPrototypeOf(raw) as unknown
			if (prototype === Object.prototype || prototype === null) return raw
			if (raw instanceof Date) return tagged('D', raw.getTime())
			if (raw instanceof Map) return tagged('M', [...raw])
			if (raw instanceof Set) return tagged('S', [...raw])
			if (raw instanceof URL) return tagged('U', raw.href)
			if (raw instanceof RegExp) return tagged('R', String(raw))
			if (raw instanceof Error) return tagged('E', [raw.name, raw.message])
			throw new NotDigestible()
		}
		default:
			// Functions, symbols: React Router cannot send them either.
			throw new NotDigestible()
	}
}

// Values a page must carry and no other page may: the CSP nonce, and the key of a create form
// (form-submission.server.ts), fresh on every view so that two views never post as one.
const freshValuesByRequest = new WeakMap<object, Array<string>>()

/** Marks `value` as this request's alone: a kept page gets the request's own value in its place. */
export function freshForThisRequest(context: object, value: string) {
	const values = freshValuesByRequest.get(context)
	if (values) values.push(value)
	else freshValuesByRequest.set(context, [value])
	return value
}

export function freshValuesOf(context: object): ReadonlyArray<string> {
	return freshValuesByRequest.get(context) ?? []
}

const placeholder = (index: number) => `\u0000fresh${index}\u0000`

/**
 * A digest of everything a page's render reads, with the request's fresh values (`fresh`) as
 * placeholders; null when some of it cannot be compared exactly (then the page is rendered every
 * time). Two requests with the same digest render the same markup but for their fresh values.
 */
export function renderInputsDigest(input: {
	method: string
	url: string
	statusCode: number
	loaderData: unknown
	actionData: unknown
	errors: unknown
	fresh: ReadonlyArray<string>
}): string | null {
	// Pages after a form's action, and error pages, are rare and carry one-off data: never kept.
	if (
		input.method !== 'GET' ||
		input.statusCode !== 200 ||
		input.actionData != null ||
		input.errors != null
	)
		return null
	try {
		let data = JSON.stringify(input.loaderData, faithful)
		input.fresh.forEach((value, index) => {
			// As in the page's pieces (`occurrences`): an empty value stands nowhere.
			if (value !== '') data = data.split(value).join(placeholder(index))
		})
		return createHash('sha256')
			.update(input.url)
			.update('\u0000')
			.update(String(input.fresh.length))
			.update('\u0000')
			.update(data)
			.digest('base64url')
	} catch (error) {
		if (error instanceof NotDigestible) return null
		throw error
	}
}

/** A rendered page in pieces, with the index of the fresh value that stood between each two. */
type KeptPage = {
	pieces: Array<Buffer<ArrayBuffer>>
	between: Array<number>
	freshCount: number
	bytes: number
}

export type RenderedPage = { html: Buffer<ArrayBuffer>; status: number }

export type RenderedPages = {
	/**
	 * The page for `digest` (from `renderInputsDigest`) with this request's `fresh` values: the kept
	 * one, or the one being rendered for the same digest when it is done, or `render`ed now (and
	 * kept if it rendered whole). A null digest is always rendered.
	 */
	serve(
		digest: string | null,
		fresh: ReadonlyArray<string>,
		render: () => Promise<RenderedPage>,
	): Promise<RenderedPage & { rendered: boolean }>
	/** The page kept for `digest`, with this request's `fresh` values in place of those it was rendered with. */
	take(digest: string, fresh: ReadonlyArray<string>): Buffer<ArrayBuffer> | null
	keep(digest: string, html: Buffer<ArrayBuffer>, fresh: ReadonlyArray<string>): void
}

/** Where each of `values` stands in `html`, in the order they stand. */
function occurrences(html: Buffer, values: ReadonlyArray<string>) {
	const found: Array<{ at: number; length: number; index: number }> = []
	values.forEach((value, index) => {
		if (value === '') return
		const needle = Buffer.from(value)
		for (let at = html.indexOf(needle); at !== -1; at = html.indexOf(needle, at + needle.length))
			found.push({ at, length: needle.length, index })
	})
	return found.sort((a, b) => a.at - b.at)
}

/**
 * At most `maxBytes` of pages, the least recently used dropped first. A page is kept at most
 * `maxAgeMs`: a few components show what the clock says (a condition's "overdue", a default due
 * date), so a kept page is rendered again after a while even when its data did not change.
 */
export function createRenderedPages(options: {
	maxBytes: number
	maxAgeMs: number
}): RenderedPages {
	const pages = new LRUCache<string, KeptPage>({
		maxSize: options.maxBytes,
		sizeCalculation: (page) => Math.max(1, page.bytes),
		ttl: options.maxAgeMs,
		// A page older than its age is never served, even if the cache has not swept it yet.
		allowStale: false,
	})
	// Renders under way, by digest: the same page asked for again meanwhile (twenty requests at once
	// for a page nobody has seen yet) waits for that render instead of rendering it once more.
	const underWay = new Map<string, Promise<unknown>>()
	const pagesKept: RenderedPages = {
		async serve(digest, fresh, render) {
			if (digest === null) return { ...(await render()), rendered: true }
			const kept = pagesKept.take(digest, fresh)
			if (kept) return { html: kept, status: 200, rendered: false }
			const pending = underWay.get(digest)
			if (pending) {
				await pending.catch(() => undefined)
				const done = pagesKept.take(digest, fresh)
				if (done) return { html: done, status: 200, rendered: false }
			}
			const rendering = render()
			underWay.set(digest, rendering)
			try {
				const page = await rendering
				// A render that failed part-way answers 500 and is not kept.
				if (page.status === 200) pagesKept.keep(digest, page.html, fresh)
				return { ...page, rendered: true }
			} finally {
				if (underWay.get(digest) === rendering) underWay.delete(digest)
			}
		},
		take(digest, fresh) {
			const kept = pages.get(digest)
			if (!kept || kept.freshCount !== fresh.length) return null
			if (kept.pieces.length === 1) return kept.pieces[0]!
			const values = fresh.map((value) => Buffer.from(value))
			const parts: Array<Buffer<ArrayBuffer>> = [kept.pieces[0]!]
			kept.between.forEach((index, at) => parts.push(values[index]!, kept.pieces[at + 1]!))
			return Buffer.concat(parts)
		},
		keep(digest, html, fresh) {
			if (html.byteLength > options.maxBytes / 8) return
			const pieces: Array<Buffer<ArrayBuffer>> = []
			const between: Array<number> = []
			let from = 0
			for (const { at, length, index } of occurrences(html, fresh)) {
				// Overlapping matches cannot happen between random values; a page where they do is not kept.
				if (at < from) return
				pieces.push(html.subarray(from, at))
				between.push(index)
				from = at + length
			}
			pieces.push(html.subarray(from))
			pages.set(digest, { pieces, between, freshCount: fresh.length, bytes: html.byteLength })
		},
	}
	return pagesKept
}
