const DEFAULT_REDIRECT = '/'

/**
 * Only same-site paths: `/use-cases?x=1` yes; `//evil.example`, `https://…` or `/\evil` no.
 * Characters a Location header cannot carry as they are (spaces, letters beyond ASCII) are
 * percent-encoded, so the redirect that follows a saved action cannot fail.
 */
export function safeRedirect(
	to: FormDataEntryValue | string | null | undefined,
	fallback = DEFAULT_REDIRECT,
) {
	if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return fallback
	if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	if (/[\u0000-\u001f\u007f]/.test(to)) return fallback
	try {
		return to.replace(/[^\u0021-\u007e]/gu, (character) => encodeURIComponent(character))
	} catch {
		// A lone surrogate has no encoding.
		return fallback
	}
}
