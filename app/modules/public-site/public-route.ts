// What every public page's meta function reads from the public layout's loader.
import { publicMeta } from './public-meta.ts'

export const PUBLIC_LAYOUT_ID = 'routes/public/_layout'

type Match = { id: string; loaderData?: unknown } | undefined

export function siteUrlOf(matches: ReadonlyArray<Match>) {
	const layout = matches.find((match) => match?.id === PUBLIC_LAYOUT_ID)
	return (layout?.loaderData as { siteUrl?: string } | undefined)?.siteUrl
}

export function publicPageMeta(
	matches: ReadonlyArray<Match>,
	location: { pathname: string; search: string },
	page: { title: string; description: string },
) {
	return publicMeta({
		...page,
		path: `${location.pathname}${location.search}`,
		siteUrl: siteUrlOf(matches),
	})
}
