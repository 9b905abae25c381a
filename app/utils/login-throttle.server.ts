import { type Tx } from '#app/utils/db/tx.ts'
import { type PrismaClient } from './db.server.ts'

const THROTTLE_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_IP = 30

const accountKey = (email: string) => `account:${email.toLowerCase()}`
const ipKey = (ip: string) => `ip:${ip}`

/** An account's failures since its last success in the window: the owner signing in clears their own count. */
async function accountFailures(tx: Tx, key: string, windowStart: Date) {
	const lastSuccess = await tx.loginAttempt.findFirst({
		where: { key, succeeded: true, createdAt: { gte: windowStart } },
		orderBy: { createdAt: 'desc' },
		select: { createdAt: true },
	})
	return tx.loginAttempt.count({
		where: { key, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart } },
	})
}

/**
 * An address's failures in the window, whatever succeeded in between: one account that signs in
 * from an address must not reset the count of the guesses made from it at other accounts.
 */
async function addressFailures(tx: Tx, key: string, windowStart: Date) {
	return tx.loginAttempt.count({
		where: { key, succeeded: false, createdAt: { gte: windowStart } },
	})
}

export type LoginAttempt =
	{ throttled: true } | { throttled: false; settle(succeeded: boolean): Promise<void> }

/**
 * Reserves the right to check one password, before it is checked. Counting and recording happen
 * in one transaction that holds a lock per account and per address, so concurrent attempts queue:
 * of twenty wrong passwords sent at once against a limit of five, five are checked and fifteen are
 * refused. Each attempt is recorded as a failure until `settle(true)` says it succeeded.
 */
export async function reserveLoginAttempt(
	db: PrismaClient,
	email: string,
	ip: string,
): Promise<LoginAttempt> {
	const keys = { account: accountKey(email), ip: ipKey(ip) }
	const reserved = await db.$transaction(async (tx) => {
		// Always the account first, then the address: two attempts never wait on each other in a cycle.
		for (const key of [keys.account, keys.ip])
			await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`
		const windowStart = new Date(Date.now() - THROTTLE_WINDOW_MS)
		const [byAccount, byIp] = [
			await accountFailures(tx, keys.account, windowStart),
			await addressFailures(tx, keys.ip, windowStart),
		]
		if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) return null
		const account = await tx.loginAttempt.create({
			data: { key: keys.account, succeeded: false },
			select: { id: true },
		})
		const address = await tx.loginAttempt.create({
			data: { key: keys.ip, succeeded: false },
			select: { id: true },
		})
		return [account.id, address.id]
	})
	if (!reserved) return { throttled: true }
	return {
		throttled: false,
		async settle(succeeded) {
			if (succeeded)
				await db.loginAttempt.updateMany({
					where: { id: { in: reserved } },
					data: { succeeded: true },
				})
		},
	}
}
