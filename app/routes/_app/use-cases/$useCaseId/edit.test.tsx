// @vitest-environment happy-dom
// The intake form as a person uses it, rendered by React Router over loader data and an action the
// test supplies: the sections as a task list, saves that each build on the version the last one
// answered (two quick clicks never conflict with each other), and refused answers shown by their
// questions and in the error summary.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRoutesStub } from 'react-router'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import type { Route } from './+types/edit.ts'
import EditUseCasePage from './edit.tsx'

type LoaderData = Route.ComponentProps['loaderData']

const document = UseCaseDocumentSchema.parse({
	trackingId: 'CMS-2026-0017',
	name: 'Home health claims outlier finder',
	orgUnit: 'HHS/CMS/CPI',
	contactEmail: 'submitter@cms.example',
	stage: 'PILOT',
	problemSolved: 'Outlier home health claims are found by hand, months after payment.',
	highImpact: {},
	practices: { publicConsultation: [] },
})

const loaderData: LoaderData = {
	evaluation: evaluateUseCase(document, {
		pack: shippedPolicyPack(),
		asOf: new Date('2026-06-01T12:00:00Z'),
	}),
	useCase: {
		id: 'case-17',
		trackingId: 'CMS-2026-0017',
		status: 'DRAFT',
		version: 3,
		updatedAt: '2026-06-01T12:00:00.000Z',
	},
	document,
	datasetsWithUsage: [],
	team: [],
	duplicates: [],
	orgUnits: [{ code: 'HHS/CMS/CPI', name: 'Center for Program Integrity' }],
	datasetOptions: [],
	requestedChanges: [],
}

type Answer = Record<string, unknown>

/** Renders the edit page; `answer` is what its action answers to each post, given the posted form. */
async function renderEditPage(answer: (form: FormData) => Answer | Promise<Answer>) {
	const Stub = createRoutesStub([
		{
			id: 'root',
			path: '/',
			loader: () => ({ user: null }),
			HydrateFallback: () => <p>Loading</p>,
			children: [
				{
					path: 'use-cases/:useCaseId/edit',
					Component: EditUseCasePage as never,
					loader: () => loaderData,
					action: async ({ request }) => answer(await request.formData()),
				},
			],
		},
	])
	await act(async () => {
		render(<Stub initialEntries={['/use-cases/case-17/edit']} />)
	})
}

// The findings preview is an endpoint of its own (findings-preview.ts), asked for by plain fetch
// outside the router. Here it answers as it does while an answer is half typed, so no request leaves
// the test for a port where nothing listens.
beforeEach(() => {
	vi.stubGlobal('fetch', async () => {
		return new Response(JSON.stringify({ evaluation: null }), {
			status: 422,
			headers: { 'Content-Type': 'application/json' },
		})
	})
})
afterEach(() => {
	cleanup()
	vi.unstubAllGlobals()
})

test('the form opens on its first section, with every section listed in a task list', async () => {
	await renderEditPage(() => ({}))
	expect(await screen.findByRole('heading', { level: 2, name: 'About the use case' })).toBeTruthy()
	const sections = screen.getByRole('navigation', { name: 'Sections of the form' })
	const names = within(sections)
		.getAllByRole('link')
		.map((link) => link.textContent ?? '')
	expect(names[0]).toMatch(/^Step 1 of 6: About the use case/)
	expect(names.at(-1)).toMatch(/^Step 6 of 6: Check your answers and submit/)
	expect((screen.getByLabelText(/Use case name/) as HTMLInputElement).value).toBe(
		'Home health claims outlier finder',
	)
})

test('a link above the form says what the findings ask and leads to them (they come after the form below the widest layout)', async () => {
	await renderEditPage(() => ({}))
	const link = await screen.findByRole('link', { name: /^Policy findings: \d+ / })
	expect(link.getAttribute('href')).toBe('#findings-heading')
	const findingsHeading = screen.getByRole('heading', { level: 2, name: 'Policy findings' })
	expect(findingsHeading.id).toBe('findings-heading')
	expect(
		link.compareDocumentPosition(findingsHeading) & Node.DOCUMENT_POSITION_FOLLOWING,
	).toBeTruthy()
})

test('two quick saves: the second is sent over the version the first answered, and the page says which version it saved', async () => {
	const postedVersions: Array<string> = []
	let version = 3
	await renderEditPage((form) => {
		postedVersions.push(String(form.get('version')))
		version++
		return { outcome: 'saved', version, savedAt: '2026-06-01T12:00:00.000Z', next: null }
	})
	const user = userEvent.setup()
	const save = await screen.findByRole('button', { name: 'Save draft' })
	await user.click(save)
	await user.click(save)
	await waitFor(() => expect(postedVersions).toEqual(['3', '4']))
	await waitFor(() =>
		expect(screen.getByRole('status').textContent).toMatch(/^Draft saved at .+ \(version 5\)\.$/),
	)
	expect(screen.queryByText(/Someone saved this use case/)).toBeNull()
})

test('a refused answer is shown by its question and in the error summary, and the other answers are kept', async () => {
	await renderEditPage(() => ({
		outcome: 'invalid',
		result: {
			status: 'error',
			error: {
				'': ['Some answers need fixing; see the messages by each question.'],
				contactEmail: ['Enter an e-mail address.'],
			},
		},
	}))
	const user = userEvent.setup()
	await user.click(await screen.findByRole('button', { name: 'Save draft' }))
	const summary = await screen.findByRole('heading', { name: /There (is a|are) problems?/ })
	const box = summary.closest('div')!
	expect(within(box).getByRole('link', { name: /Enter an e-mail address\./ })).toBeTruthy()
	const email = screen.getByLabelText(/Contact e-mail for the inventory/)
	expect(email.getAttribute('aria-invalid')).toBe('true')
	expect((screen.getByLabelText(/Use case name/) as HTMLInputElement).value).toBe(
		'Home health claims outlier finder',
	)
})

test('checking the answers shows each choice in words, never its stored key', async () => {
	await renderEditPage(() => ({}))
	const user = userEvent.setup()
	const sections = await screen.findByRole('navigation', { name: 'Sections of the form' })
	await user.click(within(sections).getByRole('link', { name: /Check your answers/ }))
	const stage = (await screen.findAllByText('Stage')).find((term) => term.tagName === 'DT')!
	const answer = stage.nextElementSibling?.textContent ?? ''
	expect(answer).toMatch(/^Pilot/)
	expect(answer).not.toBe('PILOT')
})

test('after a save that found problems, an answer found wrong on leaving its field is shown by the field, not added to the summary', async () => {
	await renderEditPage(() => ({
		outcome: 'invalid',
		result: {
			status: 'error',
			error: { benefits: ['Describe the expected benefits for the mission or the public.'] },
		},
	}))
	const user = userEvent.setup()
	await user.click(await screen.findByRole('button', { name: 'Save draft' }))
	const heading = await screen.findByRole('heading', { name: /There (is a|are) problems?/ })
	const box = heading.closest('div')!
	const email = screen.getByLabelText(/Contact e-mail for the inventory/)
	await user.clear(email)
	await user.type(email, 'dana.whitfield@cms')
	await user.tab()
	await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'))
	expect(within(box).queryByRole('link', { name: /e-mail address/ })).toBeNull()
	expect(within(box).getByRole('link', { name: /expected benefits/ })).toBeTruthy()
})
