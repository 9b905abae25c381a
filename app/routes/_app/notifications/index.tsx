import { data, Form, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import { Button, CsrfInput } from '#app/components/forms.tsx'
import { Pagination } from '#app/components/pagination.tsx'
import { listNotifications, markAllRead } from '#app/modules/notifications/notifications.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { pageNumber, wholeNumber } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest, searchParamsOf } from '#app/utils/params.ts'
import { forgetUnreadCounts } from '#app/modules/notifications/unread-badge.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { formatDateTime } from '#app/utils/dates.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [{ title: 'Notifications · AI Governance Tracker' }]

const QuerySchema = z.object({
	page: pageNumber(10_000),
	marked: wholeNumber({ min: 0, error: 'marked is a count.' }).optional(),
})

const ActionSchema = z.object({ intent: z.literal('mark-all-read') })

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:notification:own')
	const query = parseOrBadRequest(QuerySchema, searchParamsOf(request))
	return { query, ...(await listNotifications(prisma, user.id, query.page)) }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUserWithPermission(request, 'update:notification:own')
	const form = Object.fromEntries(await request.formData())
	const parsed = ActionSchema.safeParse(form)
	if (!parsed.success) throw data({ message: 'This form does not do that.' }, { status: 400 })
	const marked = await markAllRead(prisma, user.id)
	await forgetUnreadCounts(prisma, [user.id])
	return redirect(`/notifications?marked=${marked}`)
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
	const { query, total, unread, notifications, pageCount } = loaderData
	const [searchParams] = useSearchParams()
	const withPage = (page: number) => {
		const next = new URLSearchParams(searchParams)
		next.delete('marked')
		next.set('page', String(page))
		return `?${next}`
	}
	return (
		<div className="max-w-4xl space-y-6">
			<div className="flex flex-wrap items-center justify-between gap-4">
				<h1 className="text-3xl font-bold">Notifications</h1>
				{unread > 0 ? (
					<Form method="post">
						<CsrfInput />
						<input type="hidden" name="intent" value="mark-all-read" />
						<Button variant="secondary">Mark all as read</Button>
					</Form>
				) : null}
			</div>
			{query.marked !== undefined ? (
				<p role="status" className="border-l-4 border-success bg-success-lighter p-3">
					{query.marked === 1
						? 'Marked 1 notification as read.'
						: `Marked ${query.marked} notifications as read.`}
				</p>
			) : null}
			<p>
				{total === 0
					? 'You have no notifications yet. You will be told here when a case you are involved in needs you.'
					: `${unread} unread of ${total}. Newest first; opening one marks it read.`}
			</p>
			{notifications.length > 0 ? (
				<ol
					aria-label="Your notifications, newest first"
					className="divide-y divide-base-lighter border-y border-base-lighter"
				>
					{notifications.map((notification) => {
						const isUnread = notification.readAt === null
						return (
							<li
								key={notification.id}
								className={`py-4 pr-4 pl-3 ${isUnread ? 'border-l-4 border-primary bg-primary-lighter' : 'border-l-4 border-transparent'}`}
							>
								<Form method="post" action={`/notifications/${notification.id}`}>
									<CsrfInput />
									<button
										type="submit"
										className={`text-left text-lg text-primary underline hover:text-primary-dark ${isUnread ? 'font-bold' : 'font-semibold'}`}
									>
										{notification.title}
									</button>
								</Form>
								<p className="mt-1 whitespace-pre-line">{notification.body}</p>
								<p className="mt-1 text-sm text-base-darker">
									{isUnread ? (
										<strong className="text-primary-darker">Unread</strong>
									) : (
										<span>Read</span>
									)}
									{' · '}
									<time dateTime={new Date(notification.createdAt).toISOString()}>
										{formatDateTime(notification.createdAt)}
									</time>
								</p>
							</li>
						)
					})}
				</ol>
			) : null}
			<Pagination page={query.page} pageCount={pageCount} hrefFor={withPage} />
		</div>
	)
}
