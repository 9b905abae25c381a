import { buildSitemap } from '#app/modules/public-site/sitemap.ts'
import { publicSnapshotOf } from '#app/modules/public-site/public-snapshot.server.ts'
import { getEnv, appUrlOf } from '#app/utils/env.server.ts'
import type { Route } from './+types/sitemap[.]xml.ts'

/** Every public page, for search engines. */
export async function loader({ context }: Route.LoaderArgs) {
	const snapshot = await publicSnapshotOf(context)
	const xml = buildSitemap(appUrlOf(getEnv()), {
		useCaseIds: snapshot.cases.map((item) => item.id),
		referenceIds: snapshot.pack.references.map((reference) => reference.id),
	})
	return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
