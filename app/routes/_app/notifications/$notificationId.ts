import { redirect } from 'react-router'
import { openNotification } from '#app/modules/notifications/notifications.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { forgetUnreadCounts } from '#app/modules/notifications/unread-badge.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/$notificationId.ts'

const Params = idParams('notificationId')

/** Opening a notification is a POST (it marks it read); a plain visit goes to the list. */
export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'read:notification:own')
	return redirect('/notifications')
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUserWithPermission(request, 'update:notification:own')
	const { notificationId } = parseOrBadRequest(Params, params)
	const link = await openNotification(prisma, user.id, notificationId).catch(throwAsResponse)
	await forgetUnreadCounts(prisma, [user.id])
	return redirect(link)
}
