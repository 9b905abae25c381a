// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { createRoutesStub, data } from 'react-router'
import { afterEach, expect, test } from 'vitest'
import { GeneralErrorBoundary } from './error-boundary.tsx'

afterEach(cleanup)

async function renderRefusal(payload: Record<string, string>) {
	const Stub = createRoutesStub([
		{
			path: '/',
			loader: () => {
				throw data(payload, { status: 403 })
			},
			Component: () => <p>Never shown</p>,
			HydrateFallback: () => <p>Loading</p>,
			ErrorBoundary: GeneralErrorBoundary,
		},
	])
	await act(async () => {
		render(<Stub initialEntries={['/']} />)
	})
}

test('a refusal for want of a role says so and where to ask', async () => {
	await renderRefusal({
		requiredPermission: 'manage:users',
		message: 'Your roles do not allow this (manage:users).',
	})
	expect(await screen.findByRole('heading', { name: 'You do not have access to this page' }))
	expect(screen.getByText(/ask an administrator/)).toBeTruthy()
})

test('a refusal for another reason leads with that reason, not with roles', async () => {
	await renderRefusal({
		message: 'This use case is in review, so it cannot be edited now.',
	})
	expect(await screen.findByText('This use case is in review, so it cannot be edited now.'))
	expect(screen.queryByText(/Your roles do not allow this/)).toBeNull()
})
