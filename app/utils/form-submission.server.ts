// Creating things exactly once per form: a page hands each create form a fresh key, and a post
// whose key was already used (a retry after a timeout or a lost response, a double click, the same
// post reaching two instances) is answered with what the first post created, without creating,
// auditing or notifying again.
import { randomUUID } from 'node:crypto'
import { type Tx } from '#app/utils/db/tx.ts'
import { AppError } from './errors.ts'
import { freshForThisRequest } from './rendered-pages.server.ts'

/**
 * A fresh key for a page's create form: each page load gets its own, a page sent again from the
 * rendered pages (decision 035) too. `context` is the loader's.
 */
export function newSubmissionKey(context: object) {
	return freshForThisRequest(context, randomUUID())
}

/** How long a key is remembered: a retry comes within minutes, never weeks. */
export const SUBMISSION_KEY_RETENTION_DAYS = 30

/**
 * Runs `create` (which returns the new record's id) unless this key was used already; then returns
 * the id the first post created. Call it inside the transaction that creates the record, after the
 * checks that decide whether the person may create it. Of two posts with one key at the same
 * moment, the second waits for the first and then finds its record.
 */
export async function createOnce(
	tx: Tx,
	submission: { key: string | undefined; userId: string },
	create: () => Promise<string>,
) {
	const { key, userId } = submission
	if (!key) return { id: await create(), repeated: false }
	const claimed = await tx.formSubmission.createMany({
		data: [{ key, userId }],
		skipDuplicates: true,
	})
	if (claimed.count === 0) {
		const first = await tx.formSubmission.findUnique({
			where: { key },
			select: { userId: true, entityId: true },
		})
		if (!first?.entityId || first.userId !== userId)
			throw new AppError(
				'CONFLICT',
				'This form was already sent. Reload the page to see what it created.',
			)
		return { id: first.entityId, repeated: true }
	}
	const id = await create()
	await tx.formSubmission.update({ where: { key }, data: { entityId: id } })
	return { id, repeated: false }
}
