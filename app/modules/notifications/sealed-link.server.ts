// A single-use link waiting in the e-mail outbox is sealed (AES-256-GCM, key derived from
// SESSION_SECRET): someone who reads the database alone cannot use it. Erased once the e-mail is settled.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { getSessionSecret } from '#app/utils/secrets.server.ts'

let key: Buffer | undefined
function sealingKey() {
	key ??= Buffer.from(
		hkdfSync('sha256', getSessionSecret(), 'ai-governance-tracker', 'notification e-mail link', 32),
	)
	return key
}

export function sealLink(link: string): string {
	const iv = randomBytes(12)
	const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv)
	const sealed = Buffer.concat([cipher.update(link, 'utf8'), cipher.final()])
	return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.')
}

/** The link, or null when it was sealed with another secret (SESSION_SECRET changed) or altered. */
export function openSealedLink(value: string): string | null {
	const [iv, tag, sealed] = value.split('.').map((part) => Buffer.from(part, 'base64url'))
	if (!iv || !tag || !sealed) return null
	try {
		const decipher = createDecipheriv('aes-256-gcm', sealingKey(), iv)
		decipher.setAuthTag(tag)
		return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8')
	} catch {
		return null
	}
}
