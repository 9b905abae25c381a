import { authSettingsOf, getEnv } from '#app/utils/env.server.ts'

export function authSettings() {
	return authSettingsOf(getEnv())
}

/**
 * Whether this account may sign in with a password: always, unless single sign-on alone is on, when
 * only the break-glass administrator named by BREAK_GLASS_ADMIN_EMAIL may.
 */
export function passwordSignInAllowedFor(email: string) {
	const settings = authSettings()
	return settings.mode !== 'oidc' || settings.breakGlassAdminEmail === email.trim().toLowerCase()
}

export function emailConfigured() {
	return Boolean(getEnv().SMTP_URL)
}
