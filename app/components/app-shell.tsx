import { Form, Link, NavLink } from 'react-router'
import { CsrfInput } from '#app/components/forms.tsx'
import { type KnownPermission, roleLabels, type RoleName } from '#app/utils/permissions.ts'

export type ShellUser = {
	name: string
	email: string
	roles: Array<{ role: RoleName }>
	permissions: Array<KnownPermission>
	orgUnit: { shortName: string } | null
}

/** Sections of the app; each shows only to people whose roles grant its permission. */
export const navigation: Array<{ to: string; label: string; permission: KnownPermission | null }> = [
	{ to: '/', label: 'Home', permission: null },
	{ to: '/use-cases/mine', label: 'My use cases', permission: 'create:use-case:own' },
	{ to: '/use-cases', label: 'All use cases', permission: 'read:use-case:any' },
	{ to: '/inventory', label: 'Inventory', permission: 'read:inventory:any' },
	{ to: '/dashboards', label: 'Dashboards', permission: 'read:dashboard:any' },
	{ to: '/reviews', label: 'Review queue', permission: 'read:review-queue:own' },
	{ to: '/governance', label: 'Governance desk', permission: 'assign:review:any' },
	{ to: '/datasets', label: 'Datasets', permission: 'read:dataset:any' },
	{ to: '/policies', label: 'Policy library', permission: 'read:policy:any' },
	{ to: '/audit', label: 'Audit log', permission: 'read:audit:any' },
	{ to: '/admin/users', label: 'Users and roles', permission: 'manage:user:any' },
	{ to: '/admin/api-tokens', label: 'API tokens', permission: 'manage:user:any' },
	{ to: '/admin/org-units', label: 'Org units', permission: 'manage:org-unit:any' },
	{ to: '/admin/policy-pack', label: 'Policy pack editor', permission: 'manage:policy:any' },
]

/** "Notifications, 3 unread": what a screen reader announces for the header link. */
function notificationsLinkName(unread: number) {
	return `Notifications, ${unread} unread`
}

export function AppShell({ user, unreadNotifications = 0, children }: { user: ShellUser; unreadNotifications?: number; children: React.ReactNode }) {
	const items = navigation.filter((item) => item.permission === null || user.permissions.includes(item.permission))
	return (
		<div className="flex min-h-screen flex-col">
			<a
				href="#main-content"
				className="sr-only bg-primary-darker p-2 text-white focus:not-sr-only focus:absolute focus:top-0 focus:left-0"
			>
				Skip to main content
			</a>
			<header className="bg-primary-darker text-white">
				<div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
					<div>
						<p className="text-xs tracking-wide uppercase">Centers for Medicare &amp; Medicaid Services</p>
						<p className="text-xl font-bold">AI Governance Tracker</p>
					</div>
					<div className="flex flex-wrap items-center gap-4 text-sm">
						{user.permissions.includes('read:notification:own') ? (
							<Link
								to="/notifications"
								aria-label={notificationsLinkName(unreadNotifications)}
								className="inline-flex items-center gap-2 rounded px-2 py-1.5 font-semibold text-white no-underline hover:bg-primary-dark hover:text-white"
							>
								Notifications
								{unreadNotifications > 0 ? (
									<span aria-hidden="true" className="min-w-6 rounded-full bg-white px-2 py-0.5 text-center text-xs font-bold text-primary-darker">
										{unreadNotifications > 99 ? '99+' : unreadNotifications}
									</span>
								) : null}
							</Link>
						) : null}
						{user.permissions.includes('update:profile:own') ? (
							<Link to="/settings" className="rounded px-2 py-1.5 font-semibold text-white no-underline hover:bg-primary-dark hover:text-white">
								Settings
							</Link>
						) : null}
						<div className="text-right">
							<p className="font-semibold">{user.name}</p>
							<p>
								{user.roles.map((r) => roleLabels[r.role]).join(', ')}
								{user.orgUnit ? ` · ${user.orgUnit.shortName}` : ''}
							</p>
						</div>
						<Form method="post" action="/logout">
							<CsrfInput />
							<button type="submit" className="rounded border border-white px-3 py-1.5 font-semibold hover:bg-primary-dark">
								Sign out
							</button>
						</Form>
					</div>
				</div>
				<nav aria-label="Main" className="bg-primary-dark">
					<ul className="mx-auto flex max-w-7xl flex-wrap gap-1 px-4">
						{items.map((item) => (
							<li key={item.to}>
								<NavLink
									to={item.to}
									end={item.to === '/' || item.to === '/use-cases'}
									className={({ isActive }) =>
										`block px-3 py-2 font-semibold text-white no-underline hover:bg-primary-darker hover:text-white ${isActive ? 'border-b-4 border-white' : ''}`
									}
								>
									{item.label}
								</NavLink>
							</li>
						))}
					</ul>
				</nav>
			</header>
			<main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
				{children}
			</main>
			<footer className="border-t border-base-lighter bg-base-lightest">
				<p className="mx-auto max-w-7xl px-4 py-4 text-sm text-base-darker">
					An official tool of the U.S. Department of Health and Human Services for tracking AI use under OMB M-25-21.
				</p>
			</footer>
		</div>
	)
}
