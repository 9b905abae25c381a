// The header's unread count, read on every page: a count a few seconds old is as good, so one
// process reuses it briefly and forgets it as soon as it writes or reads that person's notifications.
// Another process may show a count up to UNREAD_REUSE_MS old.
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { countUnread } from './notifications.server.ts'

export const UNREAD_REUSE_MS = 5_000
const recentCounts = new Map<string, { at: number; count: Promise<number> }>()

export function unreadForHeader(db: PrismaClient, userId: string) {
	const now = Date.now()
	const recent = recentCounts.get(userId)
	if (recent && now - recent.at < UNREAD_REUSE_MS) return recent.count
	if (recentCounts.size >= 10_000) recentCounts.clear()
	const count = countUnread(db, userId)
	recentCounts.set(userId, { at: now, count })
	count.catch(() => recentCounts.delete(userId))
	return count
}

export function forgetUnreadCounts(userIds: ReadonlyArray<string>) {
	for (const userId of userIds) recentCounts.delete(userId)
}
