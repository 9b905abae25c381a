// The <meta> of a public page: its title, a description for search engines, and the Open Graph
// tags that link previews read. Pure.
export const PUBLIC_SITE_NAME = 'Artificial Intelligence at CMS'

/**
 * `siteUrl` is the app's public address (APP_URL): Open Graph wants absolute addresses, and the
 * page's own (`path`) is its canonical one.
 */
export function publicMeta({
	title,
	description,
	path,
	siteUrl,
}: {
	title: string
	description: string
	path: string
	siteUrl: string | undefined
}) {
	const fullTitle = `${title} · ${PUBLIC_SITE_NAME}`
	const absolute = (href: string) => (siteUrl ? `${siteUrl}${href}` : href)
	return [
		{ title: fullTitle },
		{ name: 'description', content: description },
		{ property: 'og:title', content: title },
		{ property: 'og:description', content: description },
		{ property: 'og:type', content: 'website' },
		{ property: 'og:site_name', content: PUBLIC_SITE_NAME },
		{ property: 'og:url', content: absolute(path) },
		{ property: 'og:image', content: absolute('/icon-512.png') },
		{ property: 'og:image:alt', content: 'The CMS AI inventory logo' },
		{ tagName: 'link', rel: 'canonical', href: absolute(path) },
		{ name: 'twitter:card', content: 'summary' },
	]
}
