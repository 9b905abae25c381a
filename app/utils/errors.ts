import { data } from 'react-router'

export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID'

const statusOf: Record<AppErrorCode, number> = {
	NOT_FOUND: 404,
	FORBIDDEN: 403,
	CONFLICT: 409,
	INVALID: 400,
}

/** The one error idiom: modules throw AppError; routes turn it into a response with `toResponse`. */
export class AppError extends Error {
	constructor(
		readonly code: AppErrorCode,
		message: string,
		/** The form field the message is about, shown beside it (an `INVALID` answer). */
		readonly field?: string,
	) {
		super(message)
	}

	get status() {
		return statusOf[this.code]
	}
}

/**
 * Prisma's errors for a write that lost a race with another request: a unique value someone else
 * created at the same moment (P2002), or a write conflict or deadlock PostgreSQL resolved by
 * cancelling this transaction (P2034).
 */
export function isConcurrentWriteError(error: unknown) {
	const code =
		typeof error === 'object' && error !== null && 'code' in error
			? (error as { code: unknown }).code
			: null
	return code === 'P2002' || code === 'P2034'
}

export const CONCURRENT_WRITE_MESSAGE =
	'Someone else made a change here at the same moment, so yours was not saved. Reload to see theirs, then try again if it is still needed.'

/**
 * Re-throws anything that is not an AppError; turns an AppError into the matching HTTP error, and a
 * write that lost a race with another request into a 409 rather than a 500.
 */
export function throwAsResponse(error: unknown): never {
	if (error instanceof AppError)
		throw data({ error: error.code, message: error.message }, { status: error.status })
	if (isConcurrentWriteError(error))
		throw data({ error: 'CONFLICT', message: CONCURRENT_WRITE_MESSAGE }, { status: 409 })
	throw error
}

export function invariantResponse(
	condition: unknown,
	message: string,
	status = 404,
): asserts condition {
	if (!condition) throw data({ message }, { status })
}
