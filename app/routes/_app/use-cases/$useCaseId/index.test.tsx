// @vitest-environment happy-dom
// The case page as a person sees it, rendered by React Router from loader data the test supplies:
// the tabs and status tag, the findings count in words, and what the page offers to whom (the
// decision belongs to the loader's answer, never to the viewer's roles alone).
import { act, cleanup, render, screen, within } from '@testing-library/react'
import { createRoutesStub } from 'react-router'
import { afterEach, expect, test } from 'vitest'
import { evaluateUseCase } from '#app/modules/policies/evaluate.ts'
import { shippedPolicyPack } from '#app/modules/policies/policy-pack.ts'
import { UseCaseDocumentSchema } from '#app/modules/use-cases/use-case-document.ts'
import type { Route } from './+types/index.ts'
import UseCasePage from './index.tsx'

type LoaderData = Route.ComponentProps['loaderData']

const document = UseCaseDocumentSchema.parse({
	trackingId: 'CMS-2026-0042',
	name: 'Marketplace remote identity proofing risk score',
	orgUnit: 'HHS/CMS/CCIIO',
	contactEmail: 'identity.team@cms.hhs.gov',
	isWithheld: 'NO',
	stage: 'DEPLOYED',
	problemSolved: 'Manual identity checks delay Marketplace applications.',
	decisionRole: 'PRINCIPAL_BASIS',
	informedDecisions: ['IDENTITY_ACCESS'],
	affectedParties: ['BENEFICIARIES'],
	highImpact: {},
	practices: { publicConsultation: [] },
})

function loaderData(overrides: Partial<LoaderData> = {}): LoaderData {
	const evaluation = evaluateUseCase(document, {
		pack: shippedPolicyPack(),
		asOf: new Date('2026-06-01T12:00:00Z'),
	})
	return {
		review: {
			round: 1,
			canAssign: false,
			canDecide: false,
			decideWhyNot: 'Every review lane must be decided first.',
			canRetire: false,
			canReReview: false,
			nextReviewDue: null,
			canComment: true,
			lanes: [],
			decisions: [],
			comments: [],
			submissionKey: '00000000-0000-4000-8000-000000000001',
		},
		showsGovernance: false,
		tab: 'overview',
		confirm: undefined,
		changesSinceReview: null,
		evaluation,
		useCase: {
			id: 'case-1',
			status: 'SUBMITTED',
			version: 3,
			owner: { name: 'Dana Whitfield', email: 'submitter@cms.example' },
			orgUnit: {
				code: 'HHS/CMS/CCIIO',
				name: 'Center for Consumer Information and Insurance Oversight',
				shortName: 'CCIIO',
			},
			team: [],
		},
		document,
		duplicates: [],
		canEdit: false,
		canWithdraw: false,
		canDelete: false,
		determination: { canDetermine: false, whyNot: null },
		...overrides,
	}
}

async function renderCasePage(data: LoaderData, path = '/use-cases/case-1') {
	const Stub = createRoutesStub([
		{
			id: 'root',
			path: '/',
			loader: () => ({ user: null }),
			HydrateFallback: () => <p>Loading</p>,
			children: [
				{
					path: 'use-cases/:useCaseId',
					Component: UseCasePage as never,
					loader: () => data,
				},
			],
		},
	])
	// The stub's router loads the data before its first render: let it finish inside act.
	await act(async () => {
		render(<Stub initialEntries={[path]} />)
	})
}

afterEach(cleanup)

test('the case page names the case, shows its status as a tag and its findings in words, on tabs', async () => {
	const data = loaderData()
	await renderCasePage(data)
	const title = await screen.findByRole('heading', {
		level: 1,
		name: 'Marketplace remote identity proofing risk score',
	})
	// The status tag stands under the title, in words.
	expect(within(title.parentElement!).getByText('Submitted')).toBeTruthy()
	const tabs = screen.getByRole('navigation', { name: 'Use case sections' })
	const names = within(tabs)
		.getAllByRole('link')
		.map((link) => link.textContent)
	expect(names[0]).toMatch(/^Overview/)
	const failing = data.evaluation.results.filter((result) => result.status === 'FAIL').length
	expect(failing).toBeGreaterThan(0)
	expect(
		within(tabs).getByRole('link', {
			name: new RegExp(`Findings.*${failing} checks? failing`),
		}),
	).toBeTruthy()
	// Nothing offered that the loader did not allow.
	expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull()
})

test('the edit link and the withdraw and delete choices show only when the loader allows them', async () => {
	await renderCasePage(loaderData({ canEdit: true }))
	expect(await screen.findByRole('link', { name: 'Edit' })).toBeTruthy()
	cleanup()
	await renderCasePage(loaderData({ confirm: 'withdraw', canWithdraw: true }))
	expect(await screen.findByRole('heading', { name: 'Withdraw CMS-2026-0042?' })).toBeTruthy()
	expect(screen.getByRole('button', { name: 'Yes, withdraw it' })).toBeTruthy()
})

test('the decision is offered only when the loader allows it, and otherwise says why not', async () => {
	await renderCasePage(loaderData({ tab: 'review' }), '/use-cases/case-1?tab=review')
	expect(await screen.findByText('Every review lane must be decided first.')).toBeTruthy()
	expect(screen.queryByRole('link', { name: 'Decide' })).toBeNull()
	cleanup()
	const data = loaderData({ tab: 'review' })
	await renderCasePage(
		{ ...data, review: { ...data.review, canDecide: true, decideWhyNot: null } },
		'/use-cases/case-1?tab=review',
	)
	expect((await screen.findByRole('link', { name: 'Decide' })).getAttribute('href')).toBe(
		'/use-cases/case-1/decide',
	)
})
