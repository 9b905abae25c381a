import { z } from 'zod'

export const EnvSchema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		// 0 asks the system for a free port (the tests start servers so).
		PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
		DATABASE_URL: z
			.string()
			.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
			.optional(),
		// The owner role that applies migrations, when DATABASE_URL's role is a runtime role that owns nothing.
		MIGRATION_DATABASE_URL: z
			.string()
			.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
			.optional(),
		DATA_DIR: z.string().min(1).default('./data'),
		SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
		COOKIE_SECURE: z.enum(['true', 'false']).optional(),
		SMTP_URL: z
			.string()
			.regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
			.optional(),
		MAIL_FROM: z.string().email().default('ai-governance@cms.example'),
		// Where people reach the app: the base of the links in notification e-mail.
		APP_URL: z
			.string()
			.regex(
				/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/,
				'must be an http:// or https:// address without a query, such as https://ai-governance.cms.gov',
			)
			.transform((url) => url.replace(/\/+$/, ''))
			.optional(),
		SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
		// Sign-in: password, single sign-on through OpenID Connect, or both (see docs/decisions/025).
		AUTH_MODE: z.enum(['password', 'oidc', 'both']).optional(),
		OIDC_ISSUER: z
			.string()
			// Exactly as the provider's discovery document states it (Login.gov's ends with a slash, Okta's does not).
			.refine(
				isSafeIssuerUrl,
				'must be an https:// address (http:// only on localhost), such as https://cms.okta.com',
			)
			.optional(),
		OIDC_CLIENT_ID: z.string().max(500).optional(),
		OIDC_CLIENT_SECRET: z.string().max(2000).optional(),
		OIDC_TOKEN_AUTH_METHOD: z
			.enum(['client_secret_basic', 'client_secret_post', 'none'])
			.optional(),
		OIDC_REDIRECT_URI: z
			.string()
			.regex(
				/^https?:\/\/[^/?#\s]+\/[^?#\s]*$/,
				'must be the full address of /auth/oidc/callback, such as https://ai-governance.cms.gov/auth/oidc/callback',
			)
			.optional(),
		OIDC_SCOPES: z
			.string()
			.regex(/(^|\s)openid(\s|$)/, 'must include openid')
			.default('openid email profile'),
		OIDC_ROLE_CLAIM: z.string().min(1).max(200).default('groups'),
		OIDC_ORG_UNIT_CLAIM: z.string().min(1).max(200).optional(),
		OIDC_ACR_VALUES: z.string().max(500).optional(),
		OIDC_POST_LOGOUT_REDIRECT_URI: z
			.string()
			.regex(/^https?:\/\/\S+$/, 'must be an http:// or https:// address')
			.optional(),
		BREAK_GLASS_ADMIN_EMAIL: z.string().trim().toLowerCase().email().optional(),
		// A new deployment's first administrator, prepared at start-up while there is none.
		INITIAL_ADMIN_EMAIL: z.string().trim().toLowerCase().email().optional(),
		INITIAL_ADMIN_NAME: z.string().trim().min(1).max(200).optional(),
		// Requests a minute each personal access token may make to the REST API and the MCP server.
		API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
		// Which proxies' X-Forwarded-For to believe for the client's address (Express "trust proxy").
		TRUST_PROXY: z.string().min(1).default('loopback'),
		// Requests a minute one address may make to the public site (/public), on average.
		PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
		// Server-Timing headers on pages and their data (how long before rendering, and React's render).
		SERVER_TIMING: z.enum(['true', 'false']).optional(),
		// Processes serving one port on PostgreSQL (server/cluster.js): a number, or auto for one per core.
		WEB_CONCURRENCY: z
			.string()
			.regex(
				/^(auto|[1-9]\d?)$/,
				'must be a whole number from 1 to 64, or auto (one process per core)',
			)
			.optional(),
	})
	.superRefine((env, context) => {
		const oidcNamed = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_REDIRECT_URI].some(Boolean)
		if (oidcNamed || env.AUTH_MODE === 'oidc' || env.AUTH_MODE === 'both') {
			for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI'] as const) {
				if (!env[name])
					context.addIssue({
						code: 'custom',
						path: [name],
						message:
							'is required for single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI go together)',
					})
			}
			const method =
				env.OIDC_TOKEN_AUTH_METHOD ?? (env.OIDC_CLIENT_SECRET ? 'client_secret_basic' : 'none')
			if (method !== 'none' && !env.OIDC_CLIENT_SECRET) {
				context.addIssue({
					code: 'custom',
					path: ['OIDC_CLIENT_SECRET'],
					message: `is required with OIDC_TOKEN_AUTH_METHOD=${method}`,
				})
			}
		}
		if (env.AUTH_MODE === 'password' && env.BREAK_GLASS_ADMIN_EMAIL) {
			context.addIssue({
				code: 'custom',
				path: ['BREAK_GLASS_ADMIN_EMAIL'],
				message: 'only means something with AUTH_MODE=oidc',
			})
		}
		if (env.WEB_CONCURRENCY && env.WEB_CONCURRENCY !== '1' && !env.DATABASE_URL) {
			context.addIssue({
				code: 'custom',
				path: ['WEB_CONCURRENCY'],
				message: 'above 1 needs DATABASE_URL: the embedded database is locked to one process',
			})
		}
		if (env.SEED_DEMO_DATA === 'true' && demoDataRefused(env)) {
			context.addIssue({
				code: 'custom',
				path: ['SEED_DEMO_DATA'],
				message: 'demo accounts are never loaded into a production PostgreSQL database',
			})
		}
		if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
			context.addIssue({
				code: 'custom',
				path: ['MIGRATION_DATABASE_URL'],
				message:
					'is the owner role of a PostgreSQL database: set DATABASE_URL (the runtime role) too',
			})
		}
	})

export type Env = z.infer<typeof EnvSchema>

function isSafeIssuerUrl(value: string) {
	try {
		const url = new URL(value)
		if (url.search || url.hash) return false
		if (url.protocol === 'https:') return true
		// An identity provider on this machine (tests, local development) cannot be intercepted.
		return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
	} catch {
		return false
	}
}

export type AuthMode = 'password' | 'oidc' | 'both'

export type OidcSettings = {
	issuer: string
	clientId: string
	clientSecret: string | null
	tokenAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'none'
	redirectUri: string
	scopes: string
	roleClaim: string
	orgUnitClaim: string | null
	acrValues: string | null
	postLogoutRedirectUri: string
}

/**
 * How people sign in. Without AUTH_MODE: password alone, or password and single sign-on side by
 * side when an identity provider is configured.
 */
export function authSettingsOf(env: Env): {
	mode: AuthMode
	oidc: OidcSettings | null
	breakGlassAdminEmail: string | null
} {
	const oidc: OidcSettings | null =
		env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI
			? {
					issuer: env.OIDC_ISSUER,
					clientId: env.OIDC_CLIENT_ID,
					clientSecret: env.OIDC_CLIENT_SECRET ?? null,
					tokenAuthMethod:
						env.OIDC_TOKEN_AUTH_METHOD ?? (env.OIDC_CLIENT_SECRET ? 'client_secret_basic' : 'none'),
					redirectUri: env.OIDC_REDIRECT_URI,
					scopes: env.OIDC_SCOPES,
					roleClaim: env.OIDC_ROLE_CLAIM,
					orgUnitClaim: env.OIDC_ORG_UNIT_CLAIM ?? null,
					acrValues: env.OIDC_ACR_VALUES ?? null,
					postLogoutRedirectUri:
						env.OIDC_POST_LOGOUT_REDIRECT_URI ?? `${appUrlOf(env)}/login?signedOut=1`,
				}
			: null
	const mode = env.AUTH_MODE ?? (oidc ? 'both' : 'password')
	return {
		mode,
		oidc,
		breakGlassAdminEmail: mode === 'oidc' ? (env.BREAK_GLASS_ADMIN_EMAIL ?? null) : null,
	}
}

/**
 * Demo accounts share a published password: a production deployment on PostgreSQL never gets them,
 * whatever SEED_DEMO_DATA or `npm run db:seed` asks.
 */
export function demoDataRefused(env: Pick<Env, 'NODE_ENV' | 'DATABASE_URL'>) {
	return env.NODE_ENV === 'production' && Boolean(env.DATABASE_URL)
}

/** The app's public base address: APP_URL, or this machine on PORT. */
export function appUrlOf(env: Pick<Env, 'APP_URL' | 'PORT'>) {
	return env.APP_URL ?? `http://localhost:${env.PORT}`
}

/** Whether cookies carry the Secure flag (and pages ask browsers to upgrade insecure requests). */
export function cookiesAreSecure(env: Pick<Env, 'COOKIE_SECURE' | 'NODE_ENV'>) {
	return env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : env.NODE_ENV === 'production'
}

let parsed: Env | undefined

/** Validates the environment once; a bad value stops start-up with a clear message. */
export function getEnv(): Env {
	parsed ??= readEnv(process.env)
	return parsed
}

export function readEnv(source: Record<string, string | undefined>): Env {
	const result = EnvSchema.safeParse(withoutEmptyValues(source))
	if (!result.success) {
		const problems = result.error.issues
			.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
			.join('\n')
		throw new Error(`Invalid environment variables:\n${problems}`)
	}
	return result.data
}

// An exported-but-empty variable (`DATABASE_URL=`) means "not set", as in most deployment tools.
function withoutEmptyValues(source: Record<string, string | undefined>) {
	return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
}
