import { Outlet } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PublicShell } from '#app/components/public-shell.tsx'
import { PUBLIC_SITE_NAME } from '#app/modules/public-site/public-meta.ts'
import { getEnv } from '#app/utils/env.server.ts'
import type { Route } from './+types/_layout.ts'

// The public site: no sign-in, no session, the same page for everyone (see server/public-site.ts).
export function loader() {
	return { siteUrl: getEnv().APP_URL }
}

// Nothing here changes between the site's pages.
export const shouldRevalidate = () => false

export default function PublicLayout(_: Route.ComponentProps) {
	return (
		<PublicShell>
			<Outlet />
		</PublicShell>
	)
}

export function ErrorBoundary() {
	return (
		<PublicShell>
			<GeneralErrorBoundary home="/public" siteName={PUBLIC_SITE_NAME} />
		</PublicShell>
	)
}
