import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

export async function loader() {
	throw new Response('Not found', { status: 404 })
}

export async function action() {
	throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
	return null
}

export function ErrorBoundary() {
	return (
		<main className="mx-auto max-w-3xl p-8">
			<GeneralErrorBoundary />
		</main>
	)
}
