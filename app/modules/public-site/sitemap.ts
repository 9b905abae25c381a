// The public site's sitemap (sitemaps.org 0.9): its pages, each use case and each policy reference.
// Pure. A sitemap holds at most 50,000 addresses; past that, the use cases are left to the
// inventory's pages, which link every one.

const MAX_URLS = 50_000

export const publicStaticPaths = [
	'/public',
	'/public/inventory',
	'/public/summary',
	'/public/policies',
	'/public/downloads',
	'/public/data-dictionary',
	'/public/accessibility',
] as const

const escapeXml = (text: string) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')

export function buildSitemap(
	siteUrl: string,
	content: { useCaseIds: ReadonlyArray<string>; referenceIds: ReadonlyArray<string> },
) {
	const paths: Array<string> = [
		...publicStaticPaths,
		...content.referenceIds.map((id) => `/public/policies/${encodeURIComponent(id)}`),
		...content.useCaseIds.map((id) => `/public/inventory/${encodeURIComponent(id)}`),
	].slice(0, MAX_URLS)
	const urls = paths.map((path) => `<url><loc>${escapeXml(`${siteUrl}${path}`)}</loc></url>`)
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}
