const DEFAULT_REDIRECT = '/'

/** Only same-site paths: `/use-cases?x=1` yes; `//evil.example`, `https://…` or `/\evil` no. */
export function safeRedirect(
	to: FormDataEntryValue | string | null | undefined,
	fallback = DEFAULT_REDIRECT,
) {
	if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return fallback
	if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	if (/[\u0000-\u001f]/.test(to)) return fallback
	return to
}
