import { describe, expect, test } from 'vitest'
import { DEMO_PASSWORD } from '#prisma/seed/demo-accounts.ts'
import { MIN_PASSWORD_LENGTH, passwordLength, passwordProblem } from './password-policy.ts'

describe('NIST SP 800-63B password rules', () => {
	test('at least 15 characters, counted as people count them', () => {
		expect(passwordProblem('correct horse b')).toBeNull()
		expect(passwordProblem('correct horse')).toMatch(/at least 15 characters \(this has 13\)/)
		expect(passwordLength('ééééé')).toBe(5)
		expect(passwordLength('e\u0301e\u0301')).toBe(2)
		expect(MIN_PASSWORD_LENGTH).toBe(15)
	})

	test('no composition rules: lower-case words with spaces, any printable character, and unicode are all fine', () => {
		expect(passwordProblem('granite lantern orchard')).toBeNull()
		expect(passwordProblem('ремонт крыши весной')).toBeNull()
		expect(passwordProblem('  spaces  count  too  ')).toBeNull()
		expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/)
	})

	test('common and breached passwords are refused, with or without decoration', () => {
		for (const password of [
			'passwordpassword',
			'1qaz2wsx3edc4rfv',
			'Password123456789',
			'!!!!monkey20262026',
			'qwertyqwertyqwerty',
			'P@ssw0rd12345678',
			'iloveyou iloveyou',
		]) {
			expect(passwordProblem(password), password).toMatch(/common or breached/)
		}
	})

	test('repetition and sequences are refused', () => {
		for (const password of [
			'aaaaaaaaaaaaaaaa',
			'abcabcabcabcabcabc',
			'abcdefghijklmnop',
			'123456789012345',
			'987654321098765',
			'ababababababababab',
		]) {
			expect(passwordProblem(password), password).not.toBeNull()
		}
	})

	test('the demo password is refused, since it is published', () => {
		expect(passwordProblem(DEMO_PASSWORD)).toMatch(/demo password/)
	})

	test('the person’s name, e-mail or the service name, lightly decorated, are refused; a passphrase that contains a name is not', () => {
		const context = { email: 'dana.whitfield@cms.hhs.gov', name: 'Dana Whitfield' }
		expect(passwordProblem('danawhitfield2026!', context)).toMatch(/your name, your e-mail/)
		expect(passwordProblem('dana.whitfield@cms.hhs.gov', context)).toMatch(/your name, your e-mail/)
		expect(passwordProblem('AI Governance Tracker 1', context)).toMatch(/name of this service/)
		expect(passwordProblem('dana walks the dog past seven oaks', context)).toBeNull()
	})
})
