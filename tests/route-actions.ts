// Calling a route's action the way React Router does for a form post, as a signed-in person: what
// a browser would receive (status, the action's data, or the redirect) without an HTTP server.
import { RouterContextProvider } from 'react-router'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { testRequest } from './app-database.ts'

export type FormValue =
	string | number | boolean | null | undefined | Array<unknown> | { [key: string]: unknown }

/** Flattens values the way a form names its fields (conform): `a.b`, `a[0].b`, repeated keys for lists. */
function toFormData(values: Record<string, FormValue>) {
	const form = new FormData()
	const add = (name: string, value: unknown) => {
		if (value === undefined || value === null || value === false) return
		if (value === true) form.append(name, 'on')
		else if (Array.isArray(value)) {
			value.forEach((item, index) =>
				typeof item === 'object' && item !== null
					? add(`${name}[${index}]`, item)
					: add(name, item),
			)
		} else if (typeof value === 'object') {
			for (const [key, inner] of Object.entries(value)) add(`${name}.${key}`, inner)
		} else form.append(name, String(value))
	}
	for (const [key, value] of Object.entries(values)) add(key, value)
	return form
}

// Route actions return route-specific data and take route-specific generated argument types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionOutcome = { status: number; data: any; location: string | null }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ActionFunction = (args: any) => Promise<unknown>

/** Posts `values` to a route action with this session cookie; never throws (a thrown response is an outcome). */
export async function postAction(
	action: ActionFunction,
	options: {
		path: string
		params: Record<string, string>
		cookie: string
		values: Record<string, FormValue>
	},
): Promise<ActionOutcome> {
	const request = new Request(`http://localhost${options.path}`, {
		method: 'POST',
		headers: { Cookie: options.cookie },
		body: toFormData(options.values),
	})
	const context = new RouterContextProvider()
	context.set(requestInfoContext, testRequest)
	try {
		return outcomeOf(await action({ request, params: options.params, context }))
	} catch (thrown) {
		const outcome = outcomeOf(thrown)
		if (outcome.status === 200 && !(thrown instanceof Response))
			return { status: 500, data: String(thrown), location: null }
		return outcome
	}
}

function outcomeOf(result: unknown): ActionOutcome {
	if (result instanceof Response)
		return { status: result.status, data: null, location: result.headers.get('Location') }
	if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
		const init = (result as { init?: { status?: number } }).init
		return { status: init?.status ?? 200, data: (result as { data: unknown }).data, location: null }
	}
	return { status: 200, data: result, location: null }
}

/** The Cookie header of a fresh session for this person, as the sign-in page would set it. */
export async function sessionCookieFor(userId: string) {
	const { createUserSession } = await import('#app/modules/auth/sessions.server.ts')
	const { setCookie } = await createUserSession(userId, testRequest)
	return setCookie.split(';')[0]!
}
