import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

// Each function takes the database client, so the same code serves the routes (the app's client)
// and the database tests (a throwaway PGlite or PostgreSQL).

export const NOTIFICATIONS_PAGE_SIZE = 20

export async function countUnread(db: PrismaClient, userId: string) {
	return db.notification.count({ where: { userId, readAt: null } })
}

/** One page of the user's own notifications, newest first. */
export async function listNotifications(db: PrismaClient, userId: string, page: number) {
	const [total, unread, notifications] = await Promise.all([
		db.notification.count({ where: { userId } }),
		countUnread(db, userId),
		db.notification.findMany({
			where: { userId },
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
			take: NOTIFICATIONS_PAGE_SIZE,
			select: { id: true, kind: true, title: true, body: true, createdAt: true, readAt: true },
		}),
	])
	return {
		total,
		unread,
		notifications,
		pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
	}
}

/**
 * Marks one of the user's notifications read and returns where it points. Someone else's
 * notification is answered exactly like a missing one, so ids reveal nothing.
 */
export async function openNotification(db: PrismaClient, userId: string, notificationId: string) {
	const notification = await db.notification.findFirst({
		where: { id: notificationId, userId },
		select: { link: true, readAt: true },
	})
	if (!notification) throw new AppError('NOT_FOUND', 'You have no notification with this id.')
	if (!notification.readAt) {
		await db.notification.updateMany({
			where: { id: notificationId, userId, readAt: null },
			data: { readAt: new Date() },
		})
	}
	return safeRedirect(notification.link, '/notifications')
}

/** Returns how many were marked. */
export async function markAllRead(db: PrismaClient, userId: string) {
	const { count } = await db.notification.updateMany({
		where: { userId, readAt: null },
		data: { readAt: new Date() },
	})
	return count
}

export async function getEmailPreference(db: PrismaClient, userId: string) {
	const user = await db.user.findUnique({
		where: { id: userId },
		select: { email: true, emailNotifications: true },
	})
	if (!user) throw new AppError('NOT_FOUND', 'Your account no longer exists.')
	return user
}

/**
 * The signed-in user turns their notification e-mail on or off. Setting a value (rather than
 * toggling) makes a repeated or concurrent save harmless; a real change is audited.
 */
export async function setEmailNotifications(
	db: PrismaClient,
	userId: string,
	enabled: boolean,
	request?: RequestInfo,
) {
	return db.$transaction(async (tx) => {
		const before = await tx.user.findUnique({
			where: { id: userId },
			select: { emailNotifications: true },
		})
		if (!before) throw new AppError('NOT_FOUND', 'Your account no longer exists.')
		if (before.emailNotifications === enabled) return { changed: false }
		// Only the save that actually flips the value records it, even when two arrive at once.
		const { count } = await tx.user.updateMany({
			where: { id: userId, emailNotifications: before.emailNotifications },
			data: { emailNotifications: enabled },
		})
		if (count === 0) return { changed: false }
		await recordEvent(tx, {
			actorId: userId,
			action: 'user.email_notifications_changed',
			entityType: 'User',
			entityId: userId,
			before: { emailNotifications: before.emailNotifications },
			after: { emailNotifications: enabled },
			request,
		})
		return { changed: true }
	})
}
