import { type MiddlewareFunction, data } from 'react-router'
import { policyFor } from './request-policy.ts'

/**
 * The highest list position a form field may name (`conditions[999].text`). The longest list a form
 * holds is a case's 100 datasets; a form parser builds an array as long as the highest position it
 * is given, so `conditions[99999999].text` in an 85-byte body would fill the server's memory.
 */
export const MAX_FORM_LIST_INDEX = 999

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

export function isFormBody(request: Request) {
	const contentType = (request.headers.get('Content-Type') ?? '').toLowerCase()
	return FORM_TYPES.some((type) => contentType.startsWith(type))
}

const formsRead = new WeakMap<Request, Promise<FormData | null>>()

/**
 * The request's form as the middlewares see it (the CSRF check, then the form check): read from a
 * clone once per request, whatever its size, and left unread for the action. Null when the body is
 * not a form or cannot be read.
 */
export function peekForm(request: Request): Promise<FormData | null> {
	let form = formsRead.get(request)
	if (!form) {
		form = isFormBody(request)
			? request
					.clone()
					.formData()
					.catch(() => null)
			: Promise.resolve(null)
		formsRead.set(request, form)
	}
	return form
}

/** What is wrong with a page's form submission before any action reads it, or null when nothing is. */
export async function formBodyProblem(
	request: Request,
): Promise<{ status: 400 | 415; message: string } | null> {
	if (!isFormBody(request))
		return {
			status: 415,
			message: 'The pages of this site take forms only. Scripts use the REST API at /api/v1.',
		}
	const form = await peekForm(request)
	if (!form)
		return {
			status: 400,
			message: 'The form could not be read. Reload the page and try again.',
		}
	for (const name of form.keys()) {
		for (const [, position] of name.matchAll(/\[(\d+)\]/g)) {
			if (Number(position) > MAX_FORM_LIST_INDEX)
				return {
					status: 400,
					message: `The form names a list position past ${MAX_FORM_LIST_INDEX} (${name.slice(0, 80)}). Reload the page and try again.`,
				}
		}
	}
	return null
}

/**
 * Every state-changing request to a page must carry a form the page's action can read: a body of
 * another type, a broken multipart body or an absurd list position is answered 415 or 400 here,
 * instead of failing (or exhausting memory) inside the action. The REST API and MCP, which take
 * JSON, are exempt by their request policy.
 */
export const formBodyMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
	if (SAFE_METHODS.has(request.method)) return next()
	if (!policyFor(new URL(request.url).pathname).formBodies) return next()
	const problem = await formBodyProblem(request)
	if (problem)
		throw data({ error: 'Bad request', message: problem.message }, { status: problem.status })
	return next()
}
