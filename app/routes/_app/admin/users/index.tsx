import { Link } from 'react-router'
import { z } from 'zod'
import { FilterField, FilterForm } from '#app/components/filter-field.tsx'
import { DataTable } from '#app/components/data-table.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { listUsers, USERS_PAGE_SIZE } from '#app/modules/users/users.server.ts'
import { pageNumber, singleLineText } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { reviewLaneLabels, roleLabels } from '#app/utils/permissions.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Users and roles · AI Governance Tracker' }]

const UserListQuery = z.object({
	q: singleLineText().max(200, 'Searches are at most 200 characters.').default(''),
	page: pageNumber(),
})

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'manage:user:any')
	const { q, page } = parseOrBadRequest(UserListQuery, searchParamsOf(request))
	const { total, users } = await listUsers({ query: q, page })
	return { q, page, total, users, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) }
}

export default function UsersPage({ loaderData }: Route.ComponentProps) {
	const { q, page, total, users, pageCount } = loaderData
	return (
		<div className="space-y-6">
			<div className="flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl font-bold">Users and roles</h1>
				<Link
					to="new"
					className="rounded bg-primary px-4 py-2 font-bold text-white no-underline hover:bg-primary-dark hover:text-white"
				>
					Invite a person
				</Link>
			</div>
			<p>
				Roles can also come from the CMS identity provider’s groups:{' '}
				<Link to="/admin/single-sign-on">single sign-on and group mapping</Link>.
			</p>
			<FilterForm
				label="Search users"
				submitLabel="Search"
				total={total}
				noun={['user', 'users']}
				className="flex flex-wrap items-end gap-2"
			>
				<FilterField id="user-search" name="q" label="Search by name or e-mail" defaultValue={q} />
			</FilterForm>
			<DataTable
				caption="Users, their org units and roles"
				rows={users}
				rowKey={(user) => user.id}
				columns={[
					{ header: 'Name', cell: (user) => <Link to={user.id}>{user.name}</Link> },
					{ header: 'E-mail', cell: (user) => user.email },
					{ header: 'Org unit', cell: (user) => user.orgUnit?.shortName ?? '—' },
					{
						header: 'Roles',
						cell: (user) =>
							user.roles
								.map((r) => {
									const label = r.lanes.length
										? `${roleLabels[r.role]} (${r.lanes.map((l) => reviewLaneLabels[l]).join(', ')})`
										: roleLabels[r.role]
									return r.source === 'IDENTITY_PROVIDER' ? `${label}, from CMS groups` : label
								})
								.join('; '),
					},
					{
						header: 'Status',
						cell: (user) =>
							!user.active
								? 'Deactivated'
								: user.invitedAt && !user.invitationAcceptedAt
									? 'Invited'
									: 'Active',
					},
				]}
			/>
			<Pagination
				page={page}
				pageCount={pageCount}
				hrefFor={(target) => `?${new URLSearchParams({ q, page: String(target) })}`}
			/>
		</div>
	)
}
