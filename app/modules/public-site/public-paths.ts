// Which addresses belong to the public transparency site. Pure: the HTTP layer (caching, rate
// limit) and the root route (no session, no cookie) ask the same question.

/** /public, everything under it, and React Router's data requests for them (/public.data, /public/….data). */
export function isPublicPath(pathname: string) {
	return pathname === '/public' || pathname === '/public.data' || pathname.startsWith('/public/')
}
