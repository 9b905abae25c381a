// Single-use links sent by e-mail. The token travels only in the e-mail; the database keeps its
// SHA-256, so reading the database (or a backup) gives nobody a working link.
import { createHash, randomBytes } from 'node:crypto'
import { type AccountTokenPurpose } from '#app/generated/prisma/enums.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
	PASSWORD_RESET: 30 * 60 * 1000,
	INVITATION: 7 * 24 * 60 * 60 * 1000,
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

/** Only the shape a token can have: anything else is refused before the database is asked. */
function isTokenShaped(token: string) {
	return /^[A-Za-z0-9_-]{43}$/.test(token)
}

/** A new link for this person and purpose; the earlier unused ones stop working. */
export async function issueAccountToken(
	tx: Tx,
	input: { userId: string; purpose: AccountTokenPurpose; createdById: string | null },
) {
	const now = new Date()
	await tx.accountToken.updateMany({
		where: { userId: input.userId, purpose: input.purpose, usedAt: null, expiresAt: { gt: now } },
		data: { expiresAt: now },
	})
	const token = randomBytes(32).toString('base64url')
	await tx.accountToken.create({
		data: {
			userId: input.userId,
			purpose: input.purpose,
			tokenHash: hashToken(token),
			createdAt: now,
			expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
			createdById: input.createdById,
		},
	})
	return token
}

/**
 * Ends every unused link of these purposes: the person accepted their invitation another way, or
 * their password was replaced (a link waiting in a mailbox someone else reads must not outlive it).
 */
export async function expireAccountTokens(
	tx: Tx,
	userId: string,
	purposes: ReadonlyArray<AccountTokenPurpose>,
) {
	const now = new Date()
	const { count } = await tx.accountToken.updateMany({
		where: { userId, purpose: { in: [...purposes] }, usedAt: null, expiresAt: { gt: now } },
		data: { expiresAt: now },
	})
	return count
}

const EXPIRED: Record<AccountTokenPurpose, string> = {
	PASSWORD_RESET:
		'This reset link has expired or has already been used. Ask an administrator for a new one.',
	INVITATION:
		'This invitation link has expired or has already been used. Ask an administrator to send it again.',
}

/** The person a still-usable link belongs to; reading it does not use it up. */
export async function findUsableToken(token: string, purpose: AccountTokenPurpose) {
	if (!isTokenShaped(token)) throw new AppError('NOT_FOUND', EXPIRED[purpose])
	const found = await prisma.accountToken.findUnique({
		where: { tokenHash: hashToken(token) },
		select: {
			id: true,
			purpose: true,
			usedAt: true,
			expiresAt: true,
			user: { select: { id: true, email: true, name: true, active: true } },
		},
	})
	if (
		!found ||
		found.purpose !== purpose ||
		found.usedAt ||
		found.expiresAt <= new Date() ||
		!found.user.active
	) {
		throw new AppError('NOT_FOUND', EXPIRED[purpose])
	}
	return { tokenId: found.id, user: found.user }
}

/** Uses the link up, once: of two submissions racing, one wins and the other is refused. */
export async function consumeAccountToken(tx: Tx, tokenId: string, purpose: AccountTokenPurpose) {
	const now = new Date()
	const used = await tx.accountToken.updateMany({
		where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
		data: { usedAt: now },
	})
	if (used.count !== 1) throw new AppError('NOT_FOUND', EXPIRED[purpose])
}
