import { isRouteErrorResponse, Link, useRouteError } from 'react-router'

type ErrorPayload = { message?: string; requiredPermission?: string }

const explanations: Record<number, { title: string; body: string }> = {
	400: {
		title: 'That request could not be read',
		body: 'Something in the address or the form was not valid.',
	},
	403: {
		title: 'You do not have access to this page',
		body: 'Your roles do not allow this. If you need access, ask an administrator.',
	},
	404: {
		title: 'Page not found',
		body: 'There is nothing at this address. It may have moved, or the link may be wrong.',
	},
	405: {
		title: 'That action is not available here',
		body: 'This page does not accept that kind of request.',
	},
	409: {
		title: 'Someone else changed this first',
		body: 'Reload the page to see the latest version.',
	},
	429: { title: 'Too many requests', body: 'Wait a few minutes and try again.' },
	503: {
		title: 'The tracker is temporarily unavailable',
		body: 'Its database is not answering. If you were saving something, your work was not saved: try again in a minute.',
	},
}

/** One error page for the whole app: says what happened and where to go next (`home`: the public site's own). */
export function GeneralErrorBoundary({
	home = '/',
	siteName = 'AI Governance Tracker',
}: {
	home?: string
	siteName?: string
}) {
	const error = useRouteError()
	let status = 500
	let title = 'Something went wrong on our side'
	let body =
		'The error has been logged. Try again, and if it keeps happening tell the governance office.'
	let detail: string | undefined

	if (isRouteErrorResponse(error)) {
		status = error.status
		const known = explanations[status]
		if (known) ({ title, body } = known)
		const payload = error.data as ErrorPayload | string | undefined
		detail = typeof payload === 'string' ? payload : payload?.message
		// A refusal that is not about roles (a case in review, say) leads with its own reason.
		if (status === 403 && detail && typeof payload === 'object' && !payload.requiredPermission) {
			body = detail
			detail = undefined
		}
	} else if (import.meta.env.DEV && error instanceof Error) {
		detail = error.message
	}

	return (
		<section aria-labelledby="error-title" className="space-y-4 py-8">
			<title>{`${title} · ${siteName}`}</title>
			<p className="text-sm font-semibold tracking-wide text-base-dark uppercase">Error {status}</p>
			<h1 id="error-title" className="text-3xl font-bold">
				{title}
			</h1>
			<p className="text-lg">{body}</p>
			{detail && detail !== body ? <p className="text-base-darker">{detail}</p> : null}
			<p>
				<Link to={home}>Go to the home page</Link>
			</p>
		</section>
	)
}
