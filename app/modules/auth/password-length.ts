// Shared by the forms (in the browser) and the password rules: how long a password must be.
export const MIN_PASSWORD_LENGTH = 15
export const MAX_PASSWORD_LENGTH = 128

/** Characters as people count them (code points after NFKC), not UTF-16 units. */
export function passwordLength(password: string) {
	return [...password.normalize('NFKC')].length
}
