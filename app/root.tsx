import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root.ts'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { useNonce } from './components/nonce.tsx'
import stylesheet from './styles/tailwind.css?url'
import { isPublicPath } from './modules/public-site/public-paths.ts'
import { getSessionUser } from './utils/auth.server.ts'
import { csrfMiddleware, csrfTokenContext } from './utils/csrf.server.ts'
import { databaseOutageMiddleware } from './utils/database-outage.server.ts'
import { formBodyMiddleware } from './utils/form-body.server.ts'
import { permissionsOf } from './utils/permissions.ts'

// The public site reads no session and sets no cookie: its pages are the same for everyone and
// cacheable by browsers and shared caches (it has no forms that post).
const publicRead = (request: Request) =>
	(request.method === 'GET' || request.method === 'HEAD') &&
	isPublicPath(new URL(request.url).pathname)

// The outage middleware comes first: the CSRF check reads the session, and a database that does not
// answer it must give the same 503 ("nothing was saved, try again") as one that fails a loader.
// The form check follows the CSRF check, so that only a page's own forms are read in full.
export const middleware: Route.MiddlewareFunction[] = [
	...databaseOutageMiddleware,
	(args, next) => (publicRead(args.request) ? next() : csrfMiddleware(args, next)),
	formBodyMiddleware,
]

export const links: Route.LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesheet },
	{ rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
	{ rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
	{ rel: 'manifest', href: '/site.webmanifest' },
]

export async function loader({ request, context }: Route.LoaderArgs) {
	if (publicRead(request)) return { user: null, csrfToken: '' }
	const session = await getSessionUser(request)
	const user = session
		? { ...session.user, permissions: permissionsOf(session.user.roles.map((r) => r.role)) }
		: null
	return { user, csrfToken: await context.get(csrfTokenContext)() }
}

export function Layout({ children }: { children: React.ReactNode }) {
	const nonce = useNonce()
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body className="min-h-screen bg-white">
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

export function useRootData() {
	return useRouteLoaderData<typeof loader>('root')
}

export function ErrorBoundary() {
	return (
		<main className="mx-auto max-w-3xl p-8">
			<GeneralErrorBoundary />
		</main>
	)
}
