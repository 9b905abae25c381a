import { expect, test, vi } from 'vitest'

async function sealerWith(secret: string) {
	vi.stubEnv('SESSION_SECRET', secret)
	vi.resetModules()
	return import('./sealed-link.server.ts')
}

test('a sealed link opens with the same secret, not with another, and not once altered', async () => {
	const first = await sealerWith('the first secret, at least thirty-two characters')
	const sealed = first.sealLink('/reset-password/abc123')
	expect(sealed).not.toContain('abc123')
	expect(first.sealLink('/reset-password/abc123')).not.toBe(sealed)
	expect(first.openSealedLink(sealed)).toBe('/reset-password/abc123')
	const [iv, tag, body] = sealed.split('.')
	expect(first.openSealedLink([iv, tag, `${body}A`].join('.'))).toBeNull()
	expect(first.openSealedLink('not sealed')).toBeNull()
	const second = await sealerWith('another secret, also thirty-two characters long')
	expect(second.openSealedLink(sealed)).toBeNull()
	vi.unstubAllEnvs()
})
