import { expect, test } from 'vitest'
import { safeRedirect } from './redirect.ts'

test('local paths are kept', () => {
	expect(safeRedirect('/use-cases?status=DRAFT')).toBe('/use-cases?status=DRAFT')
	expect(safeRedirect('/admin/users')).toBe('/admin/users')
})

test('anything that could leave the site falls back to the home page', () => {
	for (const target of [
		'https://evil.example',
		'//evil.example',
		'/\\evil.example',
		'javascript:alert(1)',
		'evil',
		'',
		'/\nfoo',
	]) {
		expect(safeRedirect(target), target).toBe('/')
	}
	expect(safeRedirect(null)).toBe('/')
	expect(safeRedirect(undefined, '/home')).toBe('/home')
})
