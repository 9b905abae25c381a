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

test('a path with spaces or letters beyond ASCII is kept, encoded, and can stand in a Location header', () => {
	for (const [target, expected] of [
		['/\u3000/x', '/%E3%80%80/x'],
		['/reviews\u3000', '/reviews%E3%80%80'],
		['/use-cases?q=Café claims', '/use-cases?q=Caf%C3%A9%20claims'],
		['/use-cases?q=%E2%9C%93', '/use-cases?q=%E2%9C%93'],
		['/inventory?q=😀', '/inventory?q=%F0%9F%98%80'],
	] as const) {
		const location = safeRedirect(target)
		expect(location, target).toBe(expected)
		expect(() => new Headers({ Location: location })).not.toThrow()
	}
	expect(safeRedirect('/x\ud800y')).toBe('/')
	expect(safeRedirect('/x\u007fy')).toBe('/')
})
