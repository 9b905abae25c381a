import { data } from 'react-router'

export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID'

const statusOf: Record<AppErrorCode, number> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID: 400 }

/** The one error idiom: modules throw AppError; routes turn it into a response with `toResponse`. */
export class AppError extends Error {
	constructor(
		readonly code: AppErrorCode,
		message: string,
	) {
		super(message)
	}

	get status() {
		return statusOf[this.code]
	}
}

/** Re-throws anything that is not an AppError; turns an AppError into the matching HTTP error. */
export function throwAsResponse(error: unknown): never {
	if (error instanceof AppError) throw data({ error: error.code, message: error.message }, { status: error.status })
	throw error
}

export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
	if (!condition) throw data({ message }, { status })
}
