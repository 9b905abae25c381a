// Sign-in throttling on each database: the limit holds under concurrent guesses, and a success
// from an address does not wipe out the guesses made from it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database } from '#app/utils/db/database.server.ts'
import { databaseTargets, openMigratedDatabase } from '#tests/db-targets.ts'
import {
	MAX_FAILURES_PER_ACCOUNT,
	MAX_FAILURES_PER_ACCOUNT_FROM_AN_ADDRESS,
	MAX_FAILURES_PER_IP,
	reserveLoginAttempt,
} from './login-throttle.server.ts'

for (const target of databaseTargets()) {
	describe(`sign-in throttling on ${target.name}`, () => {
		let database: Database
		beforeAll(async () => {
			database = await openMigratedDatabase(target)
		}, 120_000)
		afterAll(async () => {
			await database?.close()
		})

		test('twenty wrong passwords sent at once from one address: exactly the limit are checked, the rest refused; the owner elsewhere is not locked out', async () => {
			const attempts = await Promise.all(
				Array.from({ length: 20 }, () =>
					reserveLoginAttempt(database.prisma, 'target@cms.example', '198.51.100.1'),
				),
			)
			expect(attempts.filter((attempt) => !attempt.throttled)).toHaveLength(
				MAX_FAILURES_PER_ACCOUNT_FROM_AN_ADDRESS,
			)
			expect(
				(await reserveLoginAttempt(database.prisma, 'TARGET@cms.example', '198.51.100.1'))
					.throttled,
			).toBe(true)
			// Five wrong passwords from an attacker's address no longer lock the owner out of their account.
			const owner = await reserveLoginAttempt(database.prisma, 'target@cms.example', '203.0.113.9')
			expect(owner.throttled).toBe(false)
		})

		test('guesses at one account spread over many addresses stop it everywhere at the account’s limit', async () => {
			let checked = 0
			for (let address = 1; address <= 10; address++)
				for (let guess = 0; guess < MAX_FAILURES_PER_ACCOUNT_FROM_AN_ADDRESS; guess++)
					if (
						!(
							await reserveLoginAttempt(database.prisma, 'spread@cms.example', `192.0.2.${address}`)
						).throttled
					)
						checked++
			expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT)
			expect(
				(await reserveLoginAttempt(database.prisma, 'spread@cms.example', '192.0.2.200')).throttled,
			).toBe(true)
		})

		test('the owner signing in clears their account’s count, not their address’s', async () => {
			const ip = '198.51.100.20'
			for (let index = 0; index < MAX_FAILURES_PER_ACCOUNT_FROM_AN_ADDRESS - 1; index++)
				await reserveLoginAttempt(database.prisma, 'owner@cms.example', ip)
			const success = await reserveLoginAttempt(database.prisma, 'owner@cms.example', ip)
			if (success.throttled) throw new Error('the last try under the limit was refused')
			await success.settle(true)
			// The account starts again: more tries are allowed.
			expect((await reserveLoginAttempt(database.prisma, 'owner@cms.example', ip)).throttled).toBe(
				false,
			)
		})

		test('guesses at many accounts from one address stay counted after an account signs in from it', async () => {
			const ip = '198.51.100.30'
			for (let index = 0; index < MAX_FAILURES_PER_IP - 1; index++) {
				expect(
					(await reserveLoginAttempt(database.prisma, `guess-${index}@cms.example`, ip)).throttled,
				).toBe(false)
			}
			const own = await reserveLoginAttempt(database.prisma, 'attacker-own-account@cms.example', ip)
			if (own.throttled) throw new Error('refused too early')
			await own.settle(true)
			expect(
				(await reserveLoginAttempt(database.prisma, 'guess-next@cms.example', ip)).throttled,
			).toBe(false)
			expect(
				(await reserveLoginAttempt(database.prisma, 'guess-after@cms.example', ip)).throttled,
			).toBe(true)
			// Another address is not affected.
			expect(
				(await reserveLoginAttempt(database.prisma, 'guess-after@cms.example', '198.51.100.31'))
					.throttled,
			).toBe(false)
		})
	})
}
