import { hash, verify } from '@node-rs/argon2'

// @node-rs/argon2 defaults to Argon2id with OWASP's recommended cost; kept explicit here.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string) {
	return hash(password, options)
}

export function verifyPassword(passwordHash: string, password: string) {
	return verify(passwordHash, password)
}

// Verified against when the e-mail is unknown, so that an unknown account and a wrong password
// take the same time and cannot be told apart.
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash() {
	decoyHash ??= hashPassword('decoy password that matches no account')
	return decoyHash
}
