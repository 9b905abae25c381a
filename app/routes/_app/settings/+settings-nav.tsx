import { NavLink } from 'react-router'

const pages = [
	{ to: '/settings', label: 'Notifications', end: true },
	{ to: '/settings/password', label: 'Password', end: false },
	{ to: '/settings/sessions', label: 'Signed-in sessions', end: false },
	{ to: '/settings/api-tokens', label: 'API tokens', end: false },
]

export function SettingsNav() {
	return (
		<nav aria-label="Settings">
			<ul className="flex flex-wrap gap-4 border-b border-base-lighter pb-2">
				{pages.map((page) => (
					<li key={page.to}>
						<NavLink
							to={page.to}
							end={page.end}
							className={({ isActive }) => (isActive ? 'font-bold text-ink no-underline' : '')}
						>
							{page.label}
						</NavLink>
					</li>
				))}
			</ul>
		</nav>
	)
}
