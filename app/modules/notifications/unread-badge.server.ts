// The header's unread count, read on every page: a count a few seconds old is as good, so each
// instance reuses it briefly, while it is listening for announcements, and every instance forgets
// it as soon as anyone writes or reads that person's notifications (cache-invalidation.server.ts).
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import {
	cachesAreCoherent,
	invalidateEverywhere,
	subscribeToInvalidations,
} from '#app/utils/cache-invalidation.server.ts'
import { countUnread } from './notifications.server.ts'

const UNREAD_REUSE_MS = 5_000
const recentCounts = new Map<string, { at: number; count: Promise<number> }>()

subscribeToInvalidations('unread-counts', (invalidation) => {
	if (invalidation.kind === 'unread')
		for (const userId of invalidation.userIds) recentCounts.delete(userId)
	else if (invalidation.kind === 'all') recentCounts.clear()
})

export function unreadForHeader(db: PrismaClient, userId: string) {
	const now = Date.now()
	const recent = recentCounts.get(userId)
	if (recent && now - recent.at < UNREAD_REUSE_MS && cachesAreCoherent()) return recent.count
	if (recentCounts.size >= 10_000) recentCounts.clear()
	const count = countUnread(db, userId)
	recentCounts.set(userId, { at: now, count })
	count.catch(() => recentCounts.delete(userId))
	return count
}

/** Every instance forgets these people's counts; pass the transaction that changed them, if any. */
export async function forgetUnreadCounts(via: Tx | PrismaClient, userIds: ReadonlyArray<string>) {
	if (userIds.length) await invalidateEverywhere({ kind: 'unread', userIds: [...userIds] }, via)
}
