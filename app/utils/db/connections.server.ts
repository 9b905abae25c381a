import { type PGlite, type Transaction } from '@electric-sql/pglite'
import type pg from 'pg'
import { type MigrationConnection } from './migrations.server.ts'

export function pgliteMigrationConnection(db: PGlite | Transaction): MigrationConnection {
	return {
		async exec(sql) {
			await db.exec(sql)
		},
		async query<Row>(sql: string, params: Array<unknown> = []) {
			const result = await db.query<Row>(sql, params)
			return result.rows
		},
		async transaction(work) {
			if (!('transaction' in db)) throw new Error('Nested transactions are not supported')
			await db.transaction((tx) => work(pgliteMigrationConnection(tx)))
		},
	}
}

export function postgresMigrationConnection(
	client: pg.Client | pg.PoolClient,
): MigrationConnection {
	return {
		async exec(sql) {
			await client.query(sql)
		},
		async query<Row>(sql: string, params: Array<unknown> = []) {
			const result = await client.query(sql, params)
			return result.rows as Array<Row>
		},
		async transaction(work) {
			await client.query('BEGIN')
			try {
				await work(this)
				await client.query('COMMIT')
			} catch (error) {
				await client.query('ROLLBACK')
				throw error
			}
		},
	}
}
