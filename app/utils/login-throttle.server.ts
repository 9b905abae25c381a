import { type Tx } from '#app/utils/db/tx.ts'
import { type PrismaClient } from './db.server.ts'

const THROTTLE_WINDOW_MS = 15 * 60 * 1000
// Guessing one account's password from one address stops after five tries. The owner, from their own
// address, is not locked out by someone else's guesses; only guesses spread over four or more
// addresses stop the account everywhere, and no address tries more than thirty passwords.
export const MAX_FAILURES_PER_ACCOUNT_FROM_AN_ADDRESS = 5
export const MAX_FAILURES_PER_ACCOUNT = 20
export const MAX_FAILURES_PER_IP = 30

const accountKey = (email: string) => `account:${email.toLowerCase()}`
const accountFromAddressKey = (email: string, ip: string) =>
	`account:${email.toLowerCase()}|ip:${ip}`
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
	const keys = [accountKey(email), accountFromAddressKey(email, ip), ipKey(ip)] as const
	const reserved = await db.$transaction(async (tx) => {
		// Always in this order: two attempts never wait on each other in a cycle.
		for (const key of keys)
			await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`
		const windowStart = new Date(Date.now() - THROTTLE_WINDOW_MS)
		const [byAccount, byAccountFromAddress, byIp] = [
			await accountFailures(tx, keys[0], windowStart),
			await accountFailures(tx, keys[1], windowStart),
			await addressFailures(tx, keys[2], windowStart),
		]
		if (
			byAccount >= MAX_FAILURES_PER_ACCOUNT ||
			byAccountFromAddress >= MAX_FAILURES_PER_ACCOUNT_FROM_AN_ADDRESS ||
			byIp >= MAX_FAILURES_PER_IP
		)
			return null
		const ids: Array<string> = []
		for (const key of keys)
			ids.push(
				(await tx.loginAttempt.create({ data: { key, succeeded: false }, select: { id: true } }))
					.id,
			)
		return ids
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
