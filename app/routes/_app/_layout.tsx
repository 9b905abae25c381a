import { Outlet } from 'react-router'
import { AppShell } from '#app/components/app-shell.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useRootData } from '#app/root.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import type { Route } from './+types/_layout.ts'

export async function loader({ request }: Route.LoaderArgs) {
	await requireUser(request)
	return null
}

export default function AppLayout() {
	const root = useRootData()
	if (!root?.user) return null
	return (
		<AppShell user={root.user}>
			<Outlet />
		</AppShell>
	)
}

export function ErrorBoundary() {
	const root = useRootData()
	if (!root?.user) return <GeneralErrorBoundary />
	return (
		<AppShell user={root.user}>
			<GeneralErrorBoundary />
		</AppShell>
	)
}
