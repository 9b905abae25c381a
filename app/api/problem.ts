// Errors of the REST API as RFC 9457 problem details (`application/problem+json`): a type, a
// title, the status, a detail in plain words and, for invalid input, one entry per field with its
// path (`datasets.0.usages`, the form's and the evaluate CLI's notation) and its JSON Pointer.
import { type z } from 'zod'
import { type AppErrorCode } from '#app/utils/errors.ts'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'
const TYPE_BASE = '/api-reference#problem-'

export type FieldProblem = { path: string; pointer: string; detail: string }

export type Problem = {
	type: string
	title: string
	status: number
	detail: string
	errors?: Array<FieldProblem>
	[extension: string]: unknown
}

const titles: Record<number, { slug: string; title: string }> = {
	400: { slug: 'invalid-request', title: 'The request is not valid' },
	401: { slug: 'unauthenticated', title: 'A valid personal access token is required' },
	403: { slug: 'forbidden', title: 'Not allowed' },
	404: { slug: 'not-found', title: 'Not found' },
	405: { slug: 'method-not-allowed', title: 'Method not allowed' },
	406: { slug: 'not-acceptable', title: 'Not acceptable' },
	409: { slug: 'conflict', title: 'Conflict with the current state' },
	412: { slug: 'precondition-failed', title: 'The resource changed since you read it' },
	413: { slug: 'too-large', title: 'The request body is too large' },
	415: { slug: 'unsupported-media-type', title: 'Send JSON' },
	422: { slug: 'unprocessable', title: 'The request cannot be carried out as it stands' },
	428: { slug: 'precondition-required', title: 'Say which version you are changing' },
	429: { slug: 'too-many-requests', title: 'Too many requests' },
	500: { slug: 'server-error', title: 'Something went wrong on our side' },
	503: { slug: 'unavailable', title: 'Temporarily unavailable' },
}

export function problem(
	status: number,
	detail: string,
	extensions: Record<string, unknown> = {},
): Problem {
	const known = titles[status] ?? titles[500]!
	return { type: `${TYPE_BASE}${known.slug}`, title: known.title, status, detail, ...extensions }
}

/** The problem types the reference page documents, in status order. */
export function problemTypes() {
	return Object.entries(titles).map(([status, { slug, title }]) => ({
		status: Number(status),
		slug,
		title,
	}))
}

function pointerOf(path: ReadonlyArray<PropertyKey>) {
	return `/${path.map((part) => String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
}

export function fieldProblems(
	issues: ReadonlyArray<z.core.$ZodIssue>,
	prefix: ReadonlyArray<PropertyKey> = [],
): Array<FieldProblem> {
	return issues.map((issue) => {
		const path = [...prefix, ...issue.path]
		return {
			path: path.map(String).join('.') || '(body)',
			pointer: pointerOf(path),
			detail: issue.message,
		}
	})
}

export function invalidProblem(
	where: 'body' | 'query' | 'path',
	issues: ReadonlyArray<z.core.$ZodIssue>,
): Problem {
	const errors = fieldProblems(issues)
	const noun = where === 'body' ? 'request body' : where === 'query' ? 'query string' : 'address'
	return problem(
		400,
		`The ${noun} has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}: ${errors.map((e) => `${e.path}: ${e.detail}`).join('; ')}`,
		{ errors },
	)
}

const statusOfCode: Record<AppErrorCode, number> = {
	NOT_FOUND: 404,
	FORBIDDEN: 403,
	CONFLICT: 409,
	INVALID: 400,
}

export function problemOfAppError(code: AppErrorCode, message: string): Problem {
	return problem(statusOfCode[code], message)
}
