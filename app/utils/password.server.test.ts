import { expect, test } from 'vitest'
import { hashPassword, verifyPassword } from './password.server.ts'

test('passwords are stored as Argon2id hashes that verify only the right password', async () => {
	const stored = await hashPassword('correct horse battery staple')
	expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
	expect(stored).not.toContain('correct horse')
	expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true)
	expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false)
})
