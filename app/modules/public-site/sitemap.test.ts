import { expect, test } from 'vitest'
import { buildSitemap } from './sitemap.ts'

test('the sitemap lists the public pages, each policy reference and each use case, as absolute escaped addresses', () => {
	const xml = buildSitemap('https://ai.example.gov', {
		useCaseIds: ['CMS-2026-0001', 'HHS&1'],
		referenceIds: ['M2521-4B-II'],
	})
	expect(xml).toMatch(
		/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
	)
	const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
	expect(locs).toContain('https://ai.example.gov/public')
	expect(locs).toContain('https://ai.example.gov/public/inventory')
	expect(locs).toContain('https://ai.example.gov/public/data-dictionary')
	expect(locs).toContain('https://ai.example.gov/public/policies/M2521-4B-II')
	expect(locs).toContain('https://ai.example.gov/public/inventory/CMS-2026-0001')
	expect(locs).toContain('https://ai.example.gov/public/inventory/HHS%261')
	expect(locs.every((loc) => loc?.startsWith('https://ai.example.gov/public'))).toBe(true)
})
