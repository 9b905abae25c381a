// The version a request sees and the caches keyed on it, with a version source the test controls.
import { expect, test, vi } from 'vitest'
import { type DataVersion } from './data-version.server.ts'
import { createVersionedCache, freshDataVersion } from './versioned-cache.server.ts'

vi.mock('#app/utils/db.server.ts', () => ({ prisma: undefined, database: undefined }))

const at = (version: number): DataVersion => ({
	version,
	changedAt: new Date(version),
	token: `${version}-x`,
})

/** A version source whose reads answer when the test says, with whatever the version is then. */
function controlledSource() {
	let current = 1
	const pending: Array<() => void> = []
	return {
		reads: 0,
		write() {
			current++
		},
		read(): Promise<DataVersion> {
			this.reads++
			// The database answers with the version as it stands when the read reaches it: now.
			const answer = at(current)
			return new Promise((resolve) => pending.push(() => resolve(answer)))
		},
		answerAll() {
			for (const answer of pending.splice(0)) answer()
		},
	}
}

test('a request never gets a version read before it asked, however many ask at once', async () => {
	const source = controlledSource()
	const read = () => source.read()
	const first = freshDataVersion(read)
	// A write commits while the first read is on its way; a request asking now must see it.
	source.write()
	const second = freshDataVersion(read)
	const third = freshDataVersion(read)
	source.answerAll()
	expect((await first).version).toBe(1)
	// The second and third share one read, started after the first finished (so after they asked).
	await vi.waitFor(() => expect(source.reads).toBe(2))
	source.answerAll()
	expect((await second).version).toBe(2)
	expect((await third).version).toBe(2)
	expect(source.reads).toBe(2)
})

test('a value is computed once per version, shared by those who ask meanwhile, and again when the version moves', async () => {
	const cache = createVersionedCache<string>({ maxEntries: 10 })
	let computations = 0
	const compute = (label: string) => async () => {
		computations++
		return { value: label }
	}
	const [a, b] = await Promise.all([
		cache.get('view', at(1), compute('one')),
		cache.get('view', at(1), compute('not used')),
	])
	expect([a, b, computations]).toEqual(['one', 'one', 1])
	expect(await cache.get('view', at(1), compute('not used'))).toBe('one')
	expect(await cache.get('view', at(2), compute('two'))).toBe('two')
	expect(computations).toBe(2)
	// Other keys are other values.
	expect(await cache.get('other view', at(2), compute('other'))).toBe('other')
})

test('a value that depends on the clock is computed again once its moment has passed', async () => {
	let now = 1_000
	const cache = createVersionedCache<string>({ maxEntries: 10, now: () => now })
	expect(await cache.get('view', at(1), async () => ({ value: 'before', validUntil: 2_000 }))).toBe(
		'before',
	)
	now = 1_999
	expect(await cache.get('view', at(1), async () => ({ value: 'not used' }))).toBe('before')
	now = 2_000
	expect(await cache.get('view', at(1), async () => ({ value: 'after' }))).toBe('after')
})

test('a failed computation is not kept, and the least recently used values go first', async () => {
	const cache = createVersionedCache<string>({ maxEntries: 2 })
	await expect(
		cache.get('view', at(1), async () => Promise.reject(new Error('database away'))),
	).rejects.toThrow('database away')
	expect(await cache.get('view', at(1), async () => ({ value: 'back' }))).toBe('back')
	await cache.get('second', at(1), async () => ({ value: 'second' }))
	await cache.get('view', at(1), async () => ({ value: 'not used' }))
	await cache.get('third', at(1), async () => ({ value: 'third' }))
	expect(cache.size).toBe(2)
	expect(await cache.get('second', at(1), async () => ({ value: 'computed again' }))).toBe(
		'computed again',
	)
})

test('past its moment, a value refreshed behind the clock is served until its recount has finished, and a write is never served late', async () => {
	let now = 1_000
	const cache = createVersionedCache<string>({
		maxEntries: 10,
		now: () => now,
		refreshBehindTheClock: true,
	})
	expect(await cache.get('view', at(1), async () => ({ value: 'before', validUntil: 2_000 }))).toBe(
		'before',
	)
	now = 2_000
	let finish: (value: { value: string; validUntil: number }) => void = () => {}
	let recounts = 0
	const slowRecount = () => {
		recounts++
		return new Promise<{ value: string; validUntil: number }>((resolve) => (finish = resolve))
	}
	// The first request after the moment starts the recount and is not held up by it; nor is the next.
	expect(await cache.get('view', at(1), slowRecount)).toBe('before')
	expect(await cache.get('view', at(1), slowRecount)).toBe('before')
	expect(recounts).toBe(1)
	finish({ value: 'after', validUntil: 3_000 })
	await vi.waitFor(async () =>
		expect(await cache.get('view', at(1), async () => ({ value: 'not used' }))).toBe('after'),
	)
	// Another data version is computed before it is served, past the moment or not.
	now = 3_000
	expect(await cache.get('view', at(2), async () => ({ value: 'written' }))).toBe('written')
})
