// Local passwords: a person changes their own; an administrator sends a reset link or sets a
// temporary password that must be changed at the next sign-in. Every change ends other sessions.
import { randomBytes } from 'node:crypto'
import { revokeEveryApiTokenOf } from '#app/modules/api-tokens/api-tokens.server.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { forgetSessions } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { reserveLoginAttempt } from '#app/utils/login-throttle.server.ts'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	consumeAccountToken,
	expireAccountTokens,
	findUsableToken,
	issueAccountToken,
	TOKEN_LIFETIME_MS,
} from './account-tokens.server.ts'
import { emailConfigured, passwordSignInAllowedFor } from './auth-settings.server.ts'
import { endSessions } from './sessions.server.ts'
import { passwordProblem } from './password-policy.ts'

function checkNewPassword(password: string, person: { email: string; name: string }) {
	const problem = passwordProblem(password, person)
	if (problem) throw new AppError('INVALID', problem)
}

export async function changeOwnPassword(
	user: { id: string; sessionId: string },
	input: { currentPassword: string; newPassword: string },
	request: RequestInfo,
) {
	const account = await prisma.user.findUnique({
		where: { id: user.id },
		select: { email: true, name: true, password: { select: { hash: true, mustChange: true } } },
	})
	if (!account?.password || !passwordSignInAllowedFor(account.email)) {
		throw new AppError(
			'INVALID',
			'Your account signs in through your CMS account, so it has no password here.',
		)
	}
	// The current password is a sign-in secret: guessing it here counts against the same limits as the sign-in form.
	const attempt = await reserveLoginAttempt(prisma, account.email, request.ipAddress)
	if (attempt.throttled)
		throw new AppError('INVALID', 'Too many wrong passwords. Wait 15 minutes, then try again.')
	if (!(await verifyPassword(account.password.hash, input.currentPassword))) {
		throw new AppError('INVALID', 'Your current password is not right.')
	}
	await attempt.settle(true)
	if (input.currentPassword === input.newPassword)
		throw new AppError('INVALID', 'Choose a new password that differs from the current one.')
	checkNewPassword(input.newPassword, account)
	const hash = await hashPassword(input.newPassword)
	await prisma.$transaction(async (tx) => {
		await tx.password.update({ where: { userId: user.id }, data: { hash, mustChange: false } })
		const otherSessionsEnded = await endSessions(tx, user.id, user.sessionId)
		const linksExpired = await expireAccountTokens(tx, user.id, ['INVITATION', 'PASSWORD_RESET'])
		await recordEvent(tx, {
			actorId: user.id,
			action: 'auth.password_changed',
			entityType: 'User',
			entityId: user.id,
			after: {
				temporaryPasswordReplaced: account.password!.mustChange,
				otherSessionsEnded,
				linksExpired,
			},
			request,
		})
	})
	forgetSessions({ userId: user.id })
}

async function passwordAccount(userId: string) {
	const account = await prisma.user.findUnique({
		where: { id: userId },
		select: { id: true, email: true, name: true, active: true },
	})
	if (!account) throw new AppError('NOT_FOUND', 'No user has this id.')
	if (!account.active)
		throw new AppError('INVALID', 'This account is deactivated; activate it first.')
	if (!passwordSignInAllowedFor(account.email)) {
		throw new AppError(
			'INVALID',
			'People sign in through their CMS account here, so this account cannot have a password.',
		)
	}
	return account
}

/** An administrator e-mails a single-use reset link that works for 30 minutes. */
export async function sendPasswordResetLink(actorId: string, userId: string, request: RequestInfo) {
	if (!emailConfigured())
		throw new AppError(
			'INVALID',
			'E-mail is not set up (SMTP_URL), so no link can be sent. Set a temporary password instead.',
		)
	const account = await passwordAccount(userId)
	await prisma.$transaction(async (tx) => {
		const token = await issueAccountToken(tx, {
			userId,
			purpose: 'PASSWORD_RESET',
			createdById: actorId,
		})
		await notify(
			tx,
			[userId],
			{
				kind: 'PASSWORD_RESET',
				title: 'Choose a new password for the AI Governance Tracker',
				body: `An administrator sent you this link to choose a new password. It works once, within ${TOKEN_LIFETIME_MS.PASSWORD_RESET / 60_000} minutes.`,
				link: '/settings',
				secretLink: `/reset-password/${token}`,
			},
			{ email: true },
		)
		await recordEvent(tx, {
			actorId,
			action: 'user.password_reset_link_sent',
			entityType: 'User',
			entityId: userId,
			after: { email: account.email, expiresInMinutes: TOKEN_LIFETIME_MS.PASSWORD_RESET / 60_000 },
			request,
		})
	})
}

/**
 * An administrator sets a temporary password, shown to them once; the person must choose their own
 * at the next sign-in, and their open sessions and API tokens end now.
 */
export async function setTemporaryPassword(actorId: string, userId: string, request: RequestInfo) {
	await passwordAccount(userId)
	// 20 characters from a 64-character alphabet: 120 bits, never on any list.
	const temporaryPassword = randomBytes(15).toString('base64url')
	const hash = await hashPassword(temporaryPassword)
	await prisma.$transaction(async (tx) => {
		await tx.password.upsert({
			where: { userId },
			create: { userId, hash, mustChange: true },
			update: { hash, mustChange: true },
		})
		const sessionsEnded = await endSessions(tx, userId, null)
		const apiTokensRevoked = await revokeEveryApiTokenOf(tx, userId, actorId)
		const linksExpired = await expireAccountTokens(tx, userId, ['INVITATION', 'PASSWORD_RESET'])
		await recordEvent(tx, {
			actorId,
			action: 'user.temporary_password_set',
			entityType: 'User',
			entityId: userId,
			after: { sessionsEnded, apiTokensRevoked, linksExpired },
			request,
		})
	})
	forgetSessions({ userId })
	return temporaryPassword
}

/** Who a reset link is for, without using it up (the page shows whose password changes). */
export async function findPasswordReset(token: string) {
	const { user } = await findUsableToken(token, 'PASSWORD_RESET')
	return { email: user.email, name: user.name }
}

/** Uses a reset link: the new password replaces the old, and every session of the account ends. */
export async function resetPasswordWithToken(
	token: string,
	newPassword: string,
	request: RequestInfo,
) {
	const { tokenId, user } = await findUsableToken(token, 'PASSWORD_RESET')
	if (!passwordSignInAllowedFor(user.email))
		throw new AppError(
			'INVALID',
			'People sign in with their CMS account here: sign in from the sign-in page.',
		)
	checkNewPassword(newPassword, user)
	const hash = await hashPassword(newPassword)
	await prisma.$transaction(async (tx) => {
		await consumeAccountToken(tx, tokenId, 'PASSWORD_RESET')
		await tx.password.upsert({
			where: { userId: user.id },
			create: { userId: user.id, hash },
			update: { hash, mustChange: false },
		})
		const sessionsEnded = await endSessions(tx, user.id, null)
		await recordEvent(tx, {
			actorId: user.id,
			action: 'auth.password_reset',
			entityType: 'User',
			entityId: user.id,
			after: { sessionsEnded },
			request,
		})
	})
	forgetSessions({ userId: user.id })
	return { userId: user.id }
}
