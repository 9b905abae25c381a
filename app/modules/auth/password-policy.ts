// Password rules of NIST SP 800-63B (rev. 4, §3.1.1.2) for a password that is the only factor:
// at least 15 characters, no composition rules (no "one digit, one symbol"), every printable
// character and space allowed, and a blocklist of common, breached and context-specific values.
import { dictionary } from '@zxcvbn-ts/language-common'
import { DEMO_PASSWORD } from '#prisma/seed/demo-accounts.ts'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from './password-length.ts'

export { MIN_PASSWORD_LENGTH, passwordLength } from './password-length.ts'

// zxcvbn-ts's list of about 49,000 passwords most often found in breach corpora.
const commonPasswords = new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()))

const LEET: Record<string, string> = {
	'0': 'o',
	'1': 'l',
	'3': 'e',
	'4': 'a',
	'5': 's',
	'7': 't',
	'@': 'a',
	$: 's',
	'!': 'i',
}

export type PasswordContext = {
	email?: string | null
	name?: string | null
}

/**
 * Why a new password is refused, in words for the person choosing it, or null when it is fine.
 * The demo password is refused for every account: demo accounts get it from the seed, never here.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
	const length = passwordLength(password)
	if (length < MIN_PASSWORD_LENGTH) {
		return `Use at least ${MIN_PASSWORD_LENGTH} characters (this has ${length}). A few unrelated words with spaces are easy to remember and hard to guess.`
	}
	if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`
	if (password === DEMO_PASSWORD)
		return 'That is the demo password, which is published. Choose a password of your own.'
	if (isCommon(password))
		return 'That password is on a list of common or breached passwords that attackers try first. Choose another.'
	if (isRepetitiveOrSequential(password))
		return 'That password repeats or follows a sequence (such as aaaa or 1234…). Choose something less predictable.'
	if (containsContext(password, context))
		return 'Do not use your name, your e-mail address or the name of this service in your password.'
	return null
}

function isCommon(password: string) {
	const lower = password.normalize('NFKC').toLowerCase()
	const candidates = new Set<string>([lower, lower.replace(/\s+/g, '')])
	for (const value of [...candidates]) {
		// "Password123456!" and "!!monkey2026" are a common password with decoration.
		candidates.add(value.replace(/^[\d\W_]+|[\d\W_]+$/g, ''))
		candidates.add([...value].map((character) => LEET[character] ?? character).join(''))
	}
	for (const value of candidates) {
		if (value.length === 0) continue
		if (commonPasswords.has(value)) return true
		// "passwordpassword", "qwertyqwertyqwerty": one common password said again.
		const unit = repeatedUnit(value)
		if (unit && commonPasswords.has(unit)) return true
	}
	return false
}

function repeatedUnit(value: string) {
	const match = /^(.+?)\1+$/.exec(value)
	return match ? match[1] : null
}

function isRepetitiveOrSequential(password: string) {
	const characters = [...password.toLowerCase()]
	if (new Set(characters).size <= 3) return true
	const unit = repeatedUnit(password.toLowerCase())
	if (unit && [...unit].length <= 4) return true
	return isSequence(characters, 1) || isSequence(characters, -1)
}

/** "abcdefghijklmnop", "123456789012345", "987654321098765": each character one step from the last. */
function isSequence(characters: Array<string>, direction: 1 | -1) {
	return characters.every((character, index) => {
		const previous = characters[index - 1]
		if (previous === undefined) return true
		if (/\d/.test(previous) && /\d/.test(character))
			return (Number(previous) + direction + 10) % 10 === Number(character)
		return (previous.codePointAt(0) ?? 0) + direction === character.codePointAt(0)
	})
}

function containsContext(password: string, context: PasswordContext) {
	const lower = password.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
	const words = ['aigovernancetracker', 'governancetracker']
	const email = context.email?.trim().toLowerCase()
	if (email) {
		words.push(email)
		const local = email.split('@')[0]
		if (local && local.length >= 4) words.push(local.replace(/[._+-]/g, ''))
	}
	const name = context.name?.trim().toLowerCase().replace(/\s+/g, '')
	if (name && name.length >= 4) words.push(name)
	// A password that is mostly a context word plus decoration; a long passphrase that merely
	// contains a first name stays allowed.
	return words.some(
		(word) => word.length > 0 && lower.includes(word) && lower.length - word.length < 8,
	)
}
