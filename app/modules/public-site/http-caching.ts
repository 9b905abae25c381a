// HTTP caching of the public pages: one validator per data version and build, and the conditional
// request that answers 304 when the client already holds it. Pure, tested beside it.

/** Browsers and shared caches keep a page for a minute, then may show it while they revalidate it. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

/**
 * The ETag of every public response built from one snapshot by one build of the app. Weak: the
 * same data gives equivalent pages, not byte-identical ones (compression, streaming).
 */
export function publicEtag(snapshotKey: string, buildVersion: string) {
	return `W/"${`${snapshotKey}.${buildVersion}`.replace(/[^A-Za-z0-9._-]/g, '_')}"`
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 §13.1.2 asks), or is "*". */
export function ifNoneMatchHas(header: string | undefined | null, etag: string) {
	if (!header) return false
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
	const wanted = opaque(etag)
	return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted)
}
