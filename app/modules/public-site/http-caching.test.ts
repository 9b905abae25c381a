import { expect, test } from 'vitest'
import { ifNoneMatchHas, publicEtag } from './http-caching.ts'

test('the ETag names the snapshot and the build, as a weak validator of safe characters', () => {
	expect(publicEtag('37-mx95u48c.2026', 'd167edf5')).toBe('W/"37-mx95u48c.2026.d167edf5"')
	expect(publicEtag('1-a.2026', 'x"y')).toBe('W/"1-a.2026.x_y"')
	expect(publicEtag('2-a.2026', 'b')).not.toBe(publicEtag('1-a.2026', 'b'))
})

test('If-None-Match matches the ETag weakly, in a list, or as *', () => {
	const etag = 'W/"37-a.2026.b"'
	expect(ifNoneMatchHas(etag, etag)).toBe(true)
	expect(ifNoneMatchHas('"37-a.2026.b"', etag)).toBe(true)
	expect(ifNoneMatchHas('W/"36-a.2026.b", W/"37-a.2026.b"', etag)).toBe(true)
	expect(ifNoneMatchHas('*', etag)).toBe(true)
	expect(ifNoneMatchHas('W/"36-a.2026.b"', etag)).toBe(false)
	expect(ifNoneMatchHas(undefined, etag)).toBe(false)
	expect(ifNoneMatchHas('', etag)).toBe(false)
})
