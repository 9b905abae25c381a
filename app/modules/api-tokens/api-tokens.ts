// Personal access tokens for the REST API and the MCP server: the secret's format, its hash, the
// form that creates one and what each scope allows. Pure and browser-safe: the secret's generation
// and hash are in token-secrets.server.ts.
import { z } from 'zod'

/** Every secret starts with this, so that people, logs and secret scanners recognise one. */
export const TOKEN_PREFIX = 'aigt_pat_'
/** 43 characters from 62: about 256 bits, far beyond guessing. */
export const SECRET_LENGTH = 43
const TOKEN_PATTERN = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${SECRET_LENGTH}}$`)

export const DEFAULT_EXPIRY_DAYS = 90
export const expiryChoices = [7, 30, 90, 180, 365] as const

export const apiTokenScopes = ['READ', 'WRITE'] as const
export type ApiTokenScope = (typeof apiTokenScopes)[number]

export const accessLevels = {
	READ: ['READ'],
	READ_WRITE: ['READ', 'WRITE'],
} as const satisfies Record<string, ReadonlyArray<ApiTokenScope>>
export type AccessLevel = keyof typeof accessLevels

export const accessLevelLabels: Record<AccessLevel, string> = {
	READ: 'Read: search and read the inventory, datasets and policies; evaluate a case (nothing is stored)',
	READ_WRITE:
		'Read and write: also create and edit your drafts, submit and withdraw them, and comment',
}

export function looksLikeToken(value: string): boolean {
	return TOKEN_PATTERN.test(value)
}

export function expiryFrom(now: Date, days: number): Date {
	return new Date(now.getTime() + days * 86_400_000)
}

export const ApiTokenFormSchema = z.object({
	name: z
		.string({
			error: 'Name the token after what will use it, e.g. “Claude Desktop” or “Nightly report”.',
		})
		.trim()
		.min(3, 'Names are at least 3 characters.')
		.max(100, 'Names are at most 100 characters.'),
	access: z
		.enum(['READ', 'READ_WRITE'], { error: 'Choose what the token may do.' })
		.default('READ'),
	expiresInDays: z
		.enum(expiryChoices.map(String) as [string, ...Array<string>], {
			error: 'Choose one of the listed expiry periods (at most a year).',
		})
		.default(String(DEFAULT_EXPIRY_DAYS))
		.transform(Number),
})
export type ApiTokenFormValues = z.infer<typeof ApiTokenFormSchema>

/** Lowercase scope names, as the OpenAPI document, MCP metadata and WWW-Authenticate headers spell them. */
export function scopeNames(scopes: ReadonlyArray<ApiTokenScope>): Array<'read' | 'write'> {
	return scopes.map((scope) => (scope === 'READ' ? 'read' : 'write'))
}

export type TokenState = 'active' | 'expired' | 'revoked'

export function tokenState(
	token: { expiresAt: Date; revokedAt: Date | null },
	now = new Date(),
): TokenState {
	if (token.revokedAt) return 'revoked'
	return token.expiresAt <= now ? 'expired' : 'active'
}
