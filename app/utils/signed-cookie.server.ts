// A signed cookie's value, verified once: the same cookie string under the same secrets always
// verifies to the same value, so its answer is remembered (keyed by the whole signed string) and
// the next requests that carry it skip the HMAC.
import { type Cookie } from 'react-router'

const MAX_REMEMBERED = 10_000

/** The raw value of the first cookie named `name` in a Cookie header (what the cookie parser reads). */
export function rawCookieValue(header: string | null, name: string): string | null {
	if (!header) return null
	for (const part of header.split(';')) {
		const separator = part.indexOf('=')
		if (separator === -1) continue
		if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim()
	}
	return null
}

/** `cookie.parse`, remembering what each signed string verified to. */
export function rememberingParser(cookie: Cookie) {
	const verified = new Map<string, Promise<unknown>>()
	return function parse(header: string | null): Promise<unknown> {
		const raw = rawCookieValue(header, cookie.name)
		if (raw === null) return cookie.parse(header)
		let value = verified.get(raw)
		if (!value) {
			if (verified.size >= MAX_REMEMBERED) verified.clear()
			value = cookie.parse(`${cookie.name}=${raw}`)
			verified.set(raw, value)
			value.catch(() => verified.delete(raw))
		}
		return value
	}
}
