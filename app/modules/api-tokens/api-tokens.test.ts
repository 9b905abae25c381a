import { expect, test } from 'vitest'
import { ApiTokenFormSchema, looksLikeToken, tokenState } from './api-tokens.ts'
import { generateTokenSecret, hashTokenSecret, tokenHint } from './token-secrets.server.ts'

test('a secret is recognisable, long, random, and only its hash is a fixed-length hex digest', () => {
	const secrets = new Set(Array.from({ length: 200 }, () => generateTokenSecret()))
	expect(secrets.size).toBe(200)
	for (const secret of secrets) {
		expect(secret).toMatch(/^aigt_pat_[0-9A-Za-z]{43}$/)
		expect(looksLikeToken(secret)).toBe(true)
		expect(hashTokenSecret(secret)).toMatch(/^[0-9a-f]{64}$/)
		expect(tokenHint(secret)).toBe(`${secret.slice(0, 13)}…`)
	}
	expect(looksLikeToken('ghp_abc')).toBe(false)
	expect(looksLikeToken(`${generateTokenSecret()}x`)).toBe(false)
})

test('a token lasts 90 days unless another listed period up to a year is chosen', () => {
	expect(ApiTokenFormSchema.parse({ name: 'Nightly report' })).toEqual({
		name: 'Nightly report',
		access: 'READ',
		expiresInDays: 90,
	})
	expect(
		ApiTokenFormSchema.parse({ name: 'Claude', access: 'READ_WRITE', expiresInDays: '365' })
			.expiresInDays,
	).toBe(365)
	expect(ApiTokenFormSchema.safeParse({ name: 'Claude', expiresInDays: '366' }).success).toBe(false)
	expect(ApiTokenFormSchema.safeParse({ name: 'x' }).success).toBe(false)
})

test('a token is active until it expires or is revoked', () => {
	const now = new Date('2026-06-01T00:00:00Z')
	expect(tokenState({ expiresAt: new Date('2026-06-02T00:00:00Z'), revokedAt: null }, now)).toBe(
		'active',
	)
	expect(tokenState({ expiresAt: now, revokedAt: null }, now)).toBe('expired')
	expect(tokenState({ expiresAt: new Date('2026-06-02T00:00:00Z'), revokedAt: now }, now)).toBe(
		'revoked',
	)
})
