import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { type SessionUser, userSelect } from '#app/utils/auth.server.ts'
import {
	cachesAreCoherent,
	invalidateEverywhere,
	subscribeToInvalidations,
} from '#app/utils/cache-invalidation.server.ts'
import { mergeRoleGrants } from '#app/utils/permissions.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	accessLevels,
	type ApiTokenFormValues,
	type ApiTokenScope,
	expiryFrom,
	looksLikeToken,
} from './api-tokens.ts'
import { generateTokenSecret, hashTokenSecret, tokenHint } from './token-secrets.server.ts'

export const TOKENS_PAGE_SIZE = 50

const listedTokenSelect = {
	id: true,
	name: true,
	hint: true,
	scopes: true,
	createdAt: true,
	expiresAt: true,
	lastUsedAt: true,
	revokedAt: true,
	revokedBy: { select: { name: true } },
} as const

/** Creates a token for the caller; the secret is returned this once and never stored. */
export async function createApiToken(
	actor: Pick<SessionUser, 'id'>,
	values: ApiTokenFormValues,
	request: RequestInfo,
	now = new Date(),
) {
	const secret = generateTokenSecret()
	const scopes: Array<ApiTokenScope> = [...accessLevels[values.access]]
	const token = await prisma.$transaction(async (tx) => {
		const created = await tx.apiToken.create({
			data: {
				userId: actor.id,
				name: values.name,
				hint: tokenHint(secret),
				secretHash: hashTokenSecret(secret),
				scopes,
				createdAt: now,
				expiresAt: expiryFrom(now, values.expiresInDays),
			},
			select: listedTokenSelect,
		})
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'api_token.created',
			entityType: 'ApiToken',
			entityId: created.id,
			after: { name: created.name, scopes, expiresAt: created.expiresAt.toISOString() },
			request,
		})
		return created
	})
	return { token, secret }
}

export async function listOwnApiTokens(userId: string) {
	return prisma.apiToken.findMany({
		where: { userId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		select: listedTokenSelect,
	})
}

/** Every person's tokens, for administrators: the newest first, optionally only the ones still usable. */
export async function listAllApiTokens(
	query: { page: number; activeOnly: boolean },
	now = new Date(),
) {
	const where = query.activeOnly ? { revokedAt: null, expiresAt: { gt: now } } : {}
	const [total, tokens] = await Promise.all([
		prisma.apiToken.count({ where }),
		prisma.apiToken.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip: (query.page - 1) * TOKENS_PAGE_SIZE,
			take: TOKENS_PAGE_SIZE,
			select: {
				...listedTokenSelect,
				user: { select: { id: true, name: true, email: true, active: true } },
			},
		}),
	])
	return { total, tokens }
}

/**
 * Revokes a token at once. Its owner may revoke it; so may an administrator (`asAdministrator`).
 * Anyone else is told it does not exist, so that token ids cannot be probed.
 */
export async function revokeApiToken(
	actor: Pick<SessionUser, 'id'>,
	tokenId: string,
	options: { asAdministrator: boolean },
	request: RequestInfo,
) {
	await prisma.$transaction(async (tx) => {
		const token = await tx.apiToken.findUnique({
			where: { id: tokenId },
			select: { id: true, userId: true, name: true, revokedAt: true },
		})
		if (!token || (token.userId !== actor.id && !options.asAdministrator))
			throw new AppError('NOT_FOUND', 'No token of yours has this id.')
		if (token.revokedAt) return
		const revoked = await tx.apiToken.updateMany({
			where: { id: tokenId, revokedAt: null },
			data: { revokedAt: new Date(), revokedById: actor.id },
		})
		if (revoked.count === 0) return
		// Every instance forgets the token's remembered authentication as this commits.
		await invalidateEverywhere({ kind: 'api-token', tokenId }, tx)
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'api_token.revoked',
			entityType: 'ApiToken',
			entityId: tokenId,
			before: { name: token.name, ownerId: token.userId },
			after: { revokedBy: actor.id },
			request,
		})
	})
}

/**
 * Revokes every live token of a person, in the caller's transaction: what an administrator's remedy
 * for a compromised account (a temporary password, ending every session) must also stop. Returns
 * how many were revoked.
 */
export async function revokeEveryApiTokenOf(tx: Tx, userId: string, actorId: string) {
	const live = await tx.apiToken.findMany({
		where: { userId, revokedAt: null },
		select: { id: true },
	})
	if (live.length === 0) return 0
	await tx.apiToken.updateMany({
		where: { id: { in: live.map((token) => token.id) }, revokedAt: null },
		data: { revokedAt: new Date(), revokedById: actorId },
	})
	for (const token of live) await invalidateEverywhere({ kind: 'api-token', tokenId: token.id }, tx)
	return live.length
}

export type TokenCaller = {
	tokenId: string
	scopes: Array<ApiTokenScope>
	expiresAt: Date
	user: SessionUser
}

export type TokenRejection = 'malformed' | 'unknown' | 'revoked' | 'expired' | 'inactive'

// Writing the last use on every request would serialise a busy token's requests on one row: it is
// written at most once a minute per token and process, without holding up the request.
const LAST_USE_PRECISION_MS = 60_000
const lastUseWritten = new Map<string, number>()

function noteUse(tokenId: string, now: Date) {
	const written = lastUseWritten.get(tokenId)
	if (written !== undefined && now.getTime() - written < LAST_USE_PRECISION_MS) return
	if (lastUseWritten.size > 10_000) lastUseWritten.clear()
	lastUseWritten.set(tokenId, now.getTime())
	prisma.apiToken
		.update({ where: { id: tokenId }, data: { lastUsedAt: now }, select: { id: true } })
		.catch(() => lastUseWritten.delete(tokenId))
}

async function readToken(secretHash: string) {
	return prisma.apiToken.findUnique({
		where: { secretHash },
		select: {
			id: true,
			scopes: true,
			expiresAt: true,
			revokedAt: true,
			user: { select: { ...userSelect, active: true } },
		},
	})
}

type TokenRow = Awaited<ReturnType<typeof readToken>>

// A token's row is remembered for a few seconds, as sessions are (auth.server.ts): a revocation, a
// deactivation or a change of roles is announced to every instance, which forget it at once; an
// instance not listening for announcements reuses nothing; and a request that may change something
// (any method but GET and HEAD, with a token that has the write scope) reads the token afresh.
export const TOKEN_REUSE_MS = 5_000
const MAX_REMEMBERED_TOKENS = 10_000
const recentTokens = new Map<
	string,
	{ at: number; tokenId: string | null; userId: string | null; token: Promise<TokenRow> }
>()

subscribeToInvalidations('api-tokens', (invalidation) => {
	if (invalidation.kind === 'all') recentTokens.clear()
	else if (invalidation.kind === 'api-token' || invalidation.kind === 'user') {
		for (const [hash, entry] of recentTokens) {
			const about =
				invalidation.kind === 'user'
					? entry.userId === invalidation.userId
					: entry.tokenId === invalidation.tokenId
			if (about || entry.tokenId === null) recentTokens.delete(hash)
		}
	}
})

async function lookUpToken(secretHash: string, readOnly: boolean, now: number): Promise<TokenRow> {
	const recent = recentTokens.get(secretHash)
	if (recent && now - recent.at < TOKEN_REUSE_MS && cachesAreCoherent()) {
		const token = await recent.token
		if (readOnly || !token?.scopes.includes('WRITE')) return token
	}
	const token = readToken(secretHash)
	if (recentTokens.size >= MAX_REMEMBERED_TOKENS) {
		for (const [hash, entry] of recentTokens)
			if (now - entry.at >= TOKEN_REUSE_MS) recentTokens.delete(hash)
	}
	const entry: {
		at: number
		tokenId: string | null
		userId: string | null
		token: Promise<TokenRow>
	} = { at: now, tokenId: null, userId: null, token }
	recentTokens.set(secretHash, entry)
	token.then(
		(found) => {
			entry.tokenId = found?.id ?? null
			entry.userId = found?.user.id ?? null
		},
		() => recentTokens.delete(secretHash),
	)
	return token
}

/**
 * The person a bearer secret acts for: read from the database, or remembered for a few seconds
 * while every instance hears of revocations and changes of access (see `lookUpToken`), so that
 * revoking a token or deactivating its owner takes effect on the very next request, on every
 * instance. `readOnly`: the request cannot change anything (GET or HEAD).
 */
export async function authenticateApiToken(
	secret: string,
	now = new Date(),
	options: { readOnly?: boolean } = {},
): Promise<{ caller: TokenCaller } | { rejected: TokenRejection }> {
	if (!looksLikeToken(secret)) return { rejected: 'malformed' }
	const token = await lookUpToken(hashTokenSecret(secret), options.readOnly ?? false, now.getTime())
	if (!token) return { rejected: 'unknown' }
	if (token.revokedAt) return { rejected: 'revoked' }
	if (token.expiresAt <= now) return { rejected: 'expired' }
	if (!token.user.active) return { rejected: 'inactive' }
	noteUse(token.id, now)
	const { active: _active, roles, ...user } = token.user
	// The same roles a session would carry: granted by hand and from the directory, merged per role.
	return {
		caller: {
			tokenId: token.id,
			scopes: token.scopes,
			expiresAt: token.expiresAt,
			user: { ...user, roles: mergeRoleGrants(roles) },
		},
	}
}
