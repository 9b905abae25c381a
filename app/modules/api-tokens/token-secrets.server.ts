// Generating and hashing the secrets of personal access tokens (node:crypto: server only).
import { createHash, randomBytes } from 'node:crypto'
import { SECRET_LENGTH, TOKEN_PREFIX } from './api-tokens.ts'

const SECRET_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const HINT_LENGTH = 4

/** A new random secret, with the prefix. */
export function generateTokenSecret(): string {
	let secret = ''
	// Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
	while (secret.length < SECRET_LENGTH) {
		for (const byte of randomBytes(64)) {
			if (byte < 248 && secret.length < SECRET_LENGTH) secret += SECRET_ALPHABET[byte % 62]
		}
	}
	return `${TOKEN_PREFIX}${secret}`
}

/** What is stored: the secret's SHA-256 (a long random secret needs no slow hash), hex-encoded. */
export function hashTokenSecret(secret: string): string {
	return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** The first characters after the prefix: enough to tell one's tokens apart, far too few to guess the rest. */
export function tokenHint(secret: string): string {
	return `${TOKEN_PREFIX}${secret.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + HINT_LENGTH)}…`
}
