import { z } from 'zod'

export const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
		.optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
	COOKIE_SECURE: z.enum(['true', 'false']).optional(),
	SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
	MAIL_FROM: z.string().email().default('ai-governance@cms.example'),
	// Where people reach the app: the base of the links in notification e-mail.
	APP_URL: z
		.string()
		.regex(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, 'must be an http:// or https:// address without a query, such as https://ai-governance.cms.gov')
		.transform((url) => url.replace(/\/+$/, ''))
		.optional(),
	SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
	// Requests a minute one address may make to the public site (/public), on average.
	PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
})

export type Env = z.infer<typeof EnvSchema>

/** The app's public base address: APP_URL, or this machine on PORT. */
export function appUrlOf(env: Pick<Env, 'APP_URL' | 'PORT'>) {
	return env.APP_URL ?? `http://localhost:${env.PORT}`
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
		const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
		throw new Error(`Invalid environment variables:\n${problems}`)
	}
	return result.data
}

// An exported-but-empty variable (`DATABASE_URL=`) means "not set", as in most deployment tools.
function withoutEmptyValues(source: Record<string, string | undefined>) {
	return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
}
