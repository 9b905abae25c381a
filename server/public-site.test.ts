// The HTTP layer of the public site against a stand-in for the pages: validators, 304s, the cache
// headers of successful responses only, and the rate limit.
import { type AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'

const state = vi.hoisted(() => ({ key: '1-a.2026', fail: false }))
vi.mock('#app/modules/public-site/public-snapshot.server.ts', () => ({
	async currentPublicSnapshot() {
		if (state.fail) throw new Error('database down')
		return { key: state.key }
	},
}))

const { publicSite } = await import('./public-site.ts')

let base = ''
let close = () => {}
beforeAll(async () => {
	const app = express()
	app.set('trust proxy', 'loopback')
	// The pages are React Router's responses, which carry no ETag of Express's own.
	app.set('etag', false)
	app.use(publicSite({ buildVersion: 'build1', requestsPerMinute: 5 }))
	app.get('/public/missing', (_req, res) => {
		res.status(404).send('not here')
	})
	app.get(['/public', '/public/{*rest}'], (req, res) => {
		res
			.set('Cache-Control', 'no-store')
			.send(
				`page ${String(req.path)} ${(res.locals as { publicSnapshot?: { key: string } }).publicSnapshot?.key ?? 'none'}`,
			)
	})
	app.post('/public/form', (_req, res) => {
		res.status(405).send('no')
	})
	const server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	close = () => server.close()
})
afterAll(() => close())

// Each test speaks from its own address, so the rate limit of one does not spill into another.
const from = (address: string, headers: Record<string, string> = {}) => ({
	headers: { 'X-Forwarded-For': address, ...headers },
})

test('a page carries the ETag of its data version and build, and is cacheable for a minute', async () => {
	state.key = '1-a.2026'
	const response = await fetch(`${base}/public/inventory`, from('203.0.113.1'))
	expect(response.status).toBe(200)
	expect(await response.text()).toBe('page /public/inventory 1-a.2026')
	expect(response.headers.get('ETag')).toBe('W/"1-a.2026.build1"')
	expect(response.headers.get('Cache-Control')).toBe(
		'public, max-age=60, stale-while-revalidate=600',
	)
	expect(response.headers.get('Set-Cookie')).toBeNull()
})

test('a client holding the current version gets 304 without the page being built; a new version gets the page', async () => {
	state.key = '1-a.2026'
	const etag = 'W/"1-a.2026.build1"'
	const notModified = await fetch(
		`${base}/public/inventory?q=claims`,
		from('203.0.113.2', { 'If-None-Match': etag }),
	)
	expect(notModified.status).toBe(304)
	expect(notModified.headers.get('ETag')).toBe(etag)
	expect(notModified.headers.get('Cache-Control')).toBe(
		'public, max-age=60, stale-while-revalidate=600',
	)
	state.key = '2-b.2026'
	const changed = await fetch(
		`${base}/public/inventory?q=claims`,
		from('203.0.113.2', { 'If-None-Match': etag }),
	)
	expect(changed.status).toBe(200)
	expect(changed.headers.get('ETag')).toBe('W/"2-b.2026.build1"')
})

test('an error is never cached; without its data the page is still asked for (it shows the error)', async () => {
	state.key = '1-a.2026'
	const missing = await fetch(`${base}/public/missing`, from('203.0.113.3'))
	expect(missing.status).toBe(404)
	expect(missing.headers.get('Cache-Control')).toBe('no-store')
	expect(missing.headers.get('ETag')).toBeNull()
	state.fail = true
	try {
		const down = await fetch(`${base}/public/inventory`, from('203.0.113.3'))
		expect(await down.text()).toBe('page /public/inventory none')
		expect(down.headers.get('Cache-Control')).toBe('no-store')
	} finally {
		state.fail = false
	}
})

test('one address is held to its rate, and told when to come back; others are not', async () => {
	for (let i = 0; i < 5; i++)
		expect((await fetch(`${base}/public`, from('198.51.100.9'))).status).toBe(200)
	const refused = await fetch(`${base}/public`, from('198.51.100.9'))
	expect(refused.status).toBe(429)
	expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
	expect(refused.headers.get('Cache-Control')).toBe('no-store')
	expect(await refused.text()).toMatch(
		/^Too many requests from your address\. Try again in \d+ seconds\.$/,
	)
	expect((await fetch(`${base}/public`, from('198.51.100.10'))).status).toBe(200)
})

test('only reads are cached and limited', async () => {
	const response = await fetch(`${base}/public/form`, { method: 'POST', ...from('203.0.113.4') })
	expect(response.status).toBe(405)
	expect(response.headers.get('ETag')).toBeNull()
})
