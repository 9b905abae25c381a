import { Outlet, type ShouldRevalidateFunction, useRouteLoaderData } from 'react-router'
import { AppShell } from '#app/components/app-shell.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { unreadForHeader } from '#app/modules/notifications/unread-badge.server.ts'
import { useRootData } from '#app/root.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { userHasPermission } from '#app/utils/permissions.ts'
import type { Route } from './+types/_layout.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const unreadNotifications = userHasPermission(user, 'read:notification:own')
		? await unreadForHeader(prisma, user.id)
		: 0
	return { unreadNotifications }
}

// The unread count in the header stays current on every page, not only after a form is sent.
export const shouldRevalidate: ShouldRevalidateFunction = () => true

function useUnreadNotifications() {
	return useRouteLoaderData<typeof loader>('routes/_app/_layout')?.unreadNotifications ?? 0
}

export default function AppLayout() {
	const root = useRootData()
	const unread = useUnreadNotifications()
	if (!root?.user) return null
	return (
		<AppShell user={root.user} unreadNotifications={unread}>
			<Outlet />
		</AppShell>
	)
}

export function ErrorBoundary() {
	const root = useRootData()
	const unread = useUnreadNotifications()
	if (!root?.user) return <GeneralErrorBoundary />
	return (
		<AppShell user={root.user} unreadNotifications={unread}>
			<GeneralErrorBoundary />
		</AppShell>
	)
}
