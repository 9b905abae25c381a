// @vitest-environment happy-dom
// What a screen-reader or keyboard user meets in every table of the app: a named scrolling box,
// the caption, column headers, the row's naming cell announced as a row header, and only the
// columns that apply to the viewer.
import { cleanup, render, screen, within } from '@testing-library/react'
import { createRoutesStub } from 'react-router'
import { afterEach, expect, test } from 'vitest'
import { DataTable } from './data-table.tsx'

afterEach(cleanup)

const lanes = [
	{ id: 'a', lane: 'Privacy', reviewer: 'Pat Privacy', due: '12 Dec 2026' },
	{ id: 'b', lane: 'Security', reviewer: null, due: '15 Dec 2026' },
]

test('names the table and its scrolling box, heads the columns and lets each row name itself', () => {
	render(
		<DataTable
			caption="Review lanes of round 1"
			rows={lanes}
			rowKey={(row) => row.id}
			columns={[
				{ header: 'Lane', rowHeader: true, cell: (row) => row.lane },
				{ header: 'Reviewer', cell: (row) => row.reviewer ?? 'Unassigned' },
				{ header: 'Due', cell: (row) => row.due, className: 'whitespace-nowrap' },
			]}
		/>,
	)
	const region = screen.getByRole('region', { name: 'Review lanes of round 1' })
	expect(region.tabIndex).toBe(0)
	const table = within(region).getByRole('table', { name: 'Review lanes of round 1' })
	expect(
		within(table)
			.getAllByRole('columnheader')
			.map((cell) => cell.textContent),
	).toEqual(['Lane', 'Reviewer', 'Due'])
	expect(
		within(table)
			.getAllByRole('rowheader')
			.map((cell) => cell.textContent),
	).toEqual(['Privacy', 'Security'])
	const security = within(table).getByRole('row', { name: /Security/ })
	expect(
		within(security)
			.getAllByRole('cell')
			.map((cell) => cell.textContent),
	).toEqual(['Unassigned', '15 Dec 2026'])
})

test('leaves out the columns that do not apply and shows the caption when asked', () => {
	const showOwner = false
	render(
		<DataTable
			caption="Changed checks"
			showCaption
			rows={lanes}
			rowKey={(row) => row.id}
			columns={[
				{ header: 'Lane', cell: (row) => row.lane },
				showOwner && { header: 'Owner', cell: (row) => row.reviewer },
				{ header: <span className="sr-only">Actions</span>, cell: () => <button>Claim</button> },
			]}
		/>,
	)
	const table = screen.getByRole('table', { name: 'Changed checks' })
	expect(table.querySelector('caption')?.className).not.toContain('sr-only')
	expect(within(table).getAllByRole('columnheader')).toHaveLength(2)
	expect(within(table).getAllByRole('button', { name: 'Claim' })).toHaveLength(2)
})

test('a sortable column links to its order and says which order the list is in; rows can carry an anchor', async () => {
	const Stub = createRoutesStub([
		{
			path: '/inventory',
			Component: () => (
				<DataTable
					caption="AI use cases in this view"
					rows={lanes}
					rowKey={(row) => row.id}
					rowId={(row) => `lane-${row.id}`}
					columns={[
						{
							header: 'Lane',
							sort: { href: '/inventory?sort=lane&dir=desc', active: true, direction: 'asc' },
							cell: (row) => row.lane,
						},
						{
							header: 'Due',
							sort: { href: '/inventory?sort=due', active: false, direction: 'asc' },
							cell: (row) => row.due,
						},
					]}
				/>
			),
		},
	])
	render(<Stub initialEntries={['/inventory']} />)
	const [lane, due] = await screen.findAllByRole('columnheader')
	expect(lane?.getAttribute('aria-sort')).toBe('ascending')
	expect(due?.hasAttribute('aria-sort')).toBe(false)
	expect(within(lane!).getByRole('link', { name: /Lane/ }).getAttribute('href')).toBe(
		'/inventory?sort=lane&dir=desc',
	)
	expect(within(due!).getByRole('link', { name: /Due/ }).getAttribute('href')).toBe(
		'/inventory?sort=due',
	)
	expect(document.getElementById('lane-b')?.textContent).toContain('Security')
})
