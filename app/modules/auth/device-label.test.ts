import { expect, test } from 'vitest'
import { deviceLabel } from './device-label.ts'

test('a browser and system a person recognises, from common User-Agent headers', () => {
	expect(
		deviceLabel(
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
		),
	).toBe('Edge on Windows')
	expect(
		deviceLabel(
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
		),
	).toBe('Safari on macOS')
	expect(
		deviceLabel('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'),
	).toBe('Firefox on Linux')
	expect(
		deviceLabel(
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1',
		),
	).toBe('Chrome on iOS')
	expect(
		deviceLabel(
			'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
		),
	).toBe('Chrome on Android')
	expect(deviceLabel(null)).toBe('Unknown device')
	expect(deviceLabel('something else')).toBe('Unknown device')
})
