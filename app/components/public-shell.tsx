// The public site's frame, after the U.S. Web Design System: the official-site banner (shared with
// the signed-in app), a header
// with the site's sections, and a footer with the accessibility statement and a way to report a
// problem. Works without JavaScript (the banner opens with <details>).
import { Link, NavLink, useLocation } from 'react-router'
import { OfficialBanner } from '#app/components/official-banner.tsx'
import { DEFAULT_PUBLIC_EMAIL } from '#app/modules/omb-exchange/omb-export.ts'

const publicNavigation = [
	{ to: '/public', label: 'Home' },
	{ to: '/public/inventory', label: 'AI use case inventory' },
	{ to: '/public/summary', label: 'Summary' },
	{ to: '/public/policies', label: 'AI policies' },
	{ to: '/public/downloads', label: 'Downloads' },
	{ to: '/public/data-dictionary', label: 'Data dictionary' },
] as const

/** A mailto: address that opens a message to the public inbox naming the page. */
export function reportProblemHref(path: string) {
	const params = new URLSearchParams({ subject: `Problem on the CMS AI inventory site: ${path}` })
	return `mailto:${DEFAULT_PUBLIC_EMAIL}?${params.toString().replace(/\+/g, '%20')}`
}

export function PublicShell({ children }: { children: React.ReactNode }) {
	const location = useLocation()
	return (
		<div className="flex min-h-screen flex-col">
			<a
				href="#main-content"
				className="sr-only bg-primary-darker p-2 text-white focus:not-sr-only focus:absolute focus:top-0 focus:left-0"
			>
				Skip to main content
			</a>
			<OfficialBanner />
			<header className="bg-primary-darker text-white">
				<div className="mx-auto max-w-7xl px-4 py-4">
					<p className="text-xs tracking-wide uppercase">
						Centers for Medicare &amp; Medicaid Services
					</p>
					<p className="text-2xl font-bold">
						<Link to="/public" className="text-white no-underline hover:text-white">
							Artificial Intelligence at CMS
						</Link>
					</p>
				</div>
				<nav aria-label="Public site" className="bg-primary-dark">
					<ul className="mx-auto flex max-w-7xl flex-wrap gap-1 px-4">
						{publicNavigation.map((item) => (
							<li key={item.to}>
								<NavLink
									to={item.to}
									end={item.to === '/public'}
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
				<div className="mx-auto flex max-w-7xl flex-wrap items-start justify-between gap-6 px-4 py-6 text-sm">
					<div className="space-y-1">
						<p className="font-bold">Centers for Medicare &amp; Medicaid Services</p>
						<p>7500 Security Boulevard, Baltimore, MD 21244</p>
						<p>
							Questions about CMS’s use of AI:{' '}
							<a href={`mailto:${DEFAULT_PUBLIC_EMAIL}`}>{DEFAULT_PUBLIC_EMAIL}</a>
						</p>
					</div>
					<nav aria-label="About this site">
						<ul className="space-y-1">
							<li>
								<Link to="/public/accessibility">Accessibility statement</Link>
							</li>
							<li>
								<a href={reportProblemHref(location.pathname)}>Report a problem with this page</a>
							</li>
							<li>
								<a href="https://www.cms.gov/about-cms/web-policies-important-links/web-policies/privacy">
									Privacy policy
								</a>
							</li>
							<li>
								<a href="https://www.cms.gov/vulnerability-disclosure-policy">
									Vulnerability disclosure policy
								</a>
							</li>
							<li>
								<Link to="/login" reloadDocument>
									CMS staff sign-in
								</Link>
							</li>
						</ul>
					</nav>
				</div>
			</footer>
		</div>
	)
}
