import { prisma } from './db.server.ts'

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_IP = 30

const accountKey = (email: string) => `account:${email.toLowerCase()}`
const ipKey = (ip: string) => `ip:${ip}`

async function failuresSince(key: string, windowStart: Date) {
	const lastSuccess = await prisma.loginAttempt.findFirst({
		where: { key, succeeded: true, createdAt: { gte: windowStart } },
		orderBy: { createdAt: 'desc' },
		select: { createdAt: true },
	})
	return prisma.loginAttempt.count({
		where: { key, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart } },
	})
}

/** Whether this e-mail or this address has failed too often lately; checked before any password is. */
export async function isLoginThrottled(email: string, ip: string) {
	const windowStart = new Date(Date.now() - THROTTLE_WINDOW_MS)
	const [byAccount, byIp] = await Promise.all([
		failuresSince(accountKey(email), windowStart),
		failuresSince(ipKey(ip), windowStart),
	])
	return byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean) {
	await prisma.loginAttempt.createMany({
		data: [
			{ key: accountKey(email), succeeded },
			{ key: ipKey(ip), succeeded },
		],
	})
}
