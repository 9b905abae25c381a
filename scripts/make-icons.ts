// Renders public/favicon.svg into the PNG icons and favicon.ico that browsers and phones ask for:
// `npx tsx scripts/make-icons.ts` after changing the SVG. Uses the same Chromium as the e2e tests.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'

const root = path.resolve(import.meta.dirname, '..')
const svg = readFileSync(path.join(root, 'public/favicon.svg'), 'utf8')
const sizes = {
	'favicon-32.png': 32,
	'apple-touch-icon.png': 180,
	'icon-192.png': 192,
	'icon-512.png': 512,
} as const

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu'],
})
const rendered = new Map<string, Buffer>()
try {
	for (const [name, size] of Object.entries(sizes)) {
		const page = await browser.newPage({ viewport: { width: size, height: size } })
		await page.setContent(
			`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
		)
		rendered.set(name, await page.screenshot({ omitBackground: true }))
		await page.close()
	}
} finally {
	await browser.close()
}
for (const [name, png] of rendered)
	if (name !== 'favicon-32.png') writeFileSync(path.join(root, 'public', name), png)

// favicon.ico: one 32×32 image stored as PNG, which every current browser reads.
const png = rendered.get('favicon-32.png') as Buffer
const header = Buffer.alloc(22)
header.writeUInt16LE(0, 0) // reserved
header.writeUInt16LE(1, 2) // type: icon
header.writeUInt16LE(1, 4) // one image
header.writeUInt8(32, 6) // width
header.writeUInt8(32, 7) // height
header.writeUInt8(0, 8) // no palette
header.writeUInt8(0, 9) // reserved
header.writeUInt16LE(1, 10) // colour planes
header.writeUInt16LE(32, 12) // bits per pixel
header.writeUInt32LE(png.length, 14) // image size
header.writeUInt32LE(22, 18) // image offset
writeFileSync(path.join(root, 'public/favicon.ico'), Buffer.concat([header, png]))
console.log(
	`Wrote ${[...rendered.keys()].filter((n) => n !== 'favicon-32.png').join(', ')} and favicon.ico in public/.`,
)
