import { useEffect, useRef } from 'react'
import { Form, Link, NavLink, useLocation } from 'react-router'
import { CsrfInput } from '#app/components/forms.tsx'
import { OfficialBanner } from '#app/components/official-banner.tsx'
import { type KnownPermission, roleLabels, type RoleName } from '#app/utils/permissions.ts'

export type ShellUser = {
	name: string
	email: string
	roles: Array<{ role: RoleName }>
	permissions: Array<KnownPermission>
	orgUnit: { shortName: string } | null
}

/** Sections of the app; each shows only to people whose roles grant its permission. */
export const navigation: Array<{ to: string; label: string; permission: KnownPermission | null }> =
	[
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

/** The app's width on wide screens: tables and side panels use it; reading text keeps its own measure. */
export const SHELL_WIDTH = 'max-w-screen-2xl'

/**
 * After a move to another page inside the app, focus goes to its main heading, so a screen reader
 * announces where the person now is (as a full page load would). A page that moved focus itself
 * (to an alert or an error summary) keeps it.
 */
function useFocusHeadingOnNavigation() {
	const { pathname } = useLocation()
	const first = useRef(true)
	useEffect(() => {
		if (first.current) {
			first.current = false
			return
		}
		const main = document.getElementById('main-content')
		const active = document.activeElement
		if (!main || (active && active !== main && main.contains(active))) return
		const heading = main.querySelector('h1')
		if (!heading) return main.focus()
		heading.setAttribute('tabindex', '-1')
		heading.focus()
	}, [pathname])
}

function NavItems({ items, onNavigate }: { items: typeof navigation; onNavigate?: () => void }) {
	return items.map((item) => (
		<li key={item.to}>
			<NavLink
				to={item.to}
				end={item.to === '/' || item.to === '/use-cases'}
				onClick={onNavigate}
				className={({ isActive }) =>
					`block px-3 py-2 font-semibold text-white no-underline hover:bg-primary-darker hover:text-white ${isActive ? 'border-b-4 border-white sm:border-b-4' : ''}`
				}
			>
				{item.label}
			</NavLink>
		</li>
	))
}

function SignOut() {
	return (
		<Form method="post" action="/logout">
			<CsrfInput />
			<button
				type="submit"
				className="rounded border border-white px-3 py-1.5 font-semibold text-white hover:bg-primary-dark"
			>
				Sign out
			</button>
		</Form>
	)
}

export function AppShell({
	user,
	unreadNotifications = 0,
	children,
}: {
	user: ShellUser
	unreadNotifications?: number
	children: React.ReactNode
}) {
	const items = navigation.filter(
		(item) => item.permission === null || user.permissions.includes(item.permission),
	)
	const menu = useRef<HTMLDetailsElement>(null)
	const { pathname } = useLocation()
	useFocusHeadingOnNavigation()
	// The narrow-screen menu closes when the person has chosen where to go.
	useEffect(() => {
		if (menu.current) menu.current.open = false
	}, [pathname])
	const closeMenu = () => {
		if (menu.current) menu.current.open = false
	}
	const roles = `${user.roles.map((r) => roleLabels[r.role]).join(', ')}${user.orgUnit ? ` · ${user.orgUnit.shortName}` : ''}`
	const accountLinks = (
		<>
			{user.permissions.includes('read:notification:own') ? (
				<Link
					to="/notifications"
					aria-label={notificationsLinkName(unreadNotifications)}
					onClick={closeMenu}
					className="inline-flex items-center gap-2 rounded px-2 py-1.5 font-semibold text-white no-underline hover:bg-primary-dark hover:text-white"
				>
					Notifications
					{unreadNotifications > 0 ? (
						<span
							aria-hidden="true"
							className="min-w-6 rounded-full bg-white px-2 py-0.5 text-center text-xs font-bold text-primary-darker"
						>
							{unreadNotifications > 99 ? '99+' : unreadNotifications}
						</span>
					) : null}
				</Link>
			) : null}
			{user.permissions.includes('update:profile:own') ? (
				<Link
					to="/settings"
					onClick={closeMenu}
					className="rounded px-2 py-1.5 font-semibold text-white no-underline hover:bg-primary-dark hover:text-white"
				>
					Settings
				</Link>
			) : null}
		</>
	)
	return (
		<div className="flex min-h-screen flex-col">
			<a
				href="#main-content"
				className="sr-only bg-primary-darker p-2 text-white focus:not-sr-only focus:absolute focus:top-0 focus:left-0 focus:z-50"
			>
				Skip to main content
			</a>
			<OfficialBanner width={SHELL_WIDTH} />
			<header className="relative bg-primary-darker text-white">
				<div className={`mx-auto flex ${SHELL_WIDTH} items-center justify-between gap-4 px-4 py-3`}>
					<div className="min-w-0">
						<p className="text-xs tracking-wide uppercase">
							Centers for Medicare &amp; Medicaid Services
						</p>
						<p className="text-xl font-bold">
							<Link to="/" className="text-white no-underline hover:text-white">
								AI Governance Tracker
							</Link>
						</p>
					</div>
					<div className="hidden flex-wrap items-center justify-end gap-4 text-sm sm:flex">
						{accountLinks}
						<div className="text-right">
							<p className="font-semibold">{user.name}</p>
							<p>{roles}</p>
						</div>
						<SignOut />
					</div>
					{/* Below 640 px the navigation folds into a Menu button; <details> keeps it working without JavaScript. */}
					<details ref={menu} className="sm:hidden">
						<summary className="inline-flex cursor-pointer list-none items-center gap-2 rounded border border-white px-3 py-1.5 font-semibold [&::-webkit-details-marker]:hidden">
							Menu
							{/* The unread count stays in sight on a phone, where the Notifications link is inside the menu. */}
							{unreadNotifications > 0 && user.permissions.includes('read:notification:own') ? (
								<>
									<span className="sr-only">, {unreadNotifications} unread notifications</span>
									<span
										aria-hidden="true"
										className="min-w-6 rounded-full bg-white px-2 py-0.5 text-center text-xs font-bold text-primary-darker"
									>
										{unreadNotifications > 99 ? '99+' : unreadNotifications}
									</span>
								</>
							) : null}
						</summary>
						<div className="absolute inset-x-0 top-full z-40 space-y-3 bg-primary-darker px-4 pb-4 shadow-lg">
							<nav aria-label="Main" className="border-y border-primary-dark">
								<ul className="py-1">
									<NavItems items={items} onNavigate={closeMenu} />
								</ul>
							</nav>
							<div className="flex flex-wrap items-center gap-2 text-sm">{accountLinks}</div>
							<div className="text-sm">
								<p className="font-semibold">{user.name}</p>
								<p>{roles}</p>
							</div>
							<SignOut />
						</div>
					</details>
				</div>
				<nav aria-label="Main" className="hidden bg-primary-dark sm:block">
					<ul className={`mx-auto flex ${SHELL_WIDTH} flex-wrap gap-1 px-4`}>
						<NavItems items={items} />
					</ul>
				</nav>
			</header>
			<main
				id="main-content"
				tabIndex={-1}
				className={`mx-auto w-full ${SHELL_WIDTH} min-w-0 flex-1 px-4 py-8 focus:outline-none`}
			>
				{children}
			</main>
			<footer className="border-t border-base-lighter bg-base-lightest">
				<div className={`mx-auto ${SHELL_WIDTH} space-y-1 px-4 py-4 text-sm text-base-darker`}>
					<p className="font-bold">
						Centers for Medicare &amp; Medicaid Services · U.S. Department of Health and Human
						Services
					</p>
					<p>
						An official tool for tracking AI use under OMB M-25-21. Times are shown in Eastern time
						(ET).
					</p>
				</div>
			</footer>
		</div>
	)
}
