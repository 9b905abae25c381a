// What the HTTP server does before the app sees a request, and the net under everything after:
// the request's scope (for logging a fault against the request that caused it), the origin rule for
// state-changing requests, body limits, and the last-resort handlers that keep the process up.
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes, randomUUID } from 'node:crypto'
import { remember } from '@epic-web/remember'
import { type ErrorRequestHandler, type RequestHandler, type Response } from 'express'
import { describeLimit, policyFor } from '#app/utils/request-policy.ts'

type RequestScope = { requestId: string; method: string; path: string; response: Response }

// Remembered so that the dev server's reloads of this module share one store with the handlers
// the process installed once.
const requestScope = remember('request-scope', () => new AsyncLocalStorage<RequestScope>())

/** Gives every request an id and a scope that faults raised anywhere in its work can be traced to. */
export const runInRequestScope: RequestHandler = (req, res, next) => {
	const requestId = randomUUID()
	res.locals.requestId = requestId
	// A fresh nonce per response, for the Content-Security-Policy's script-src.
	res.locals.cspNonce = randomBytes(16).toString('base64')
	requestScope.run({ requestId, method: req.method, path: req.path, response: res }, next)
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A plain page for answers given before (or instead of) the app: no script, no style, readable anywhere. */
function sendPlainPage(res: Response, status: number, title: string, message: string) {
	res
		.status(status)
		.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
		.send(
			`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · AI Governance Tracker</title></head>` +
				`<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Go to the home page</a></p></main></body></html>`,
		)
}

/**
 * Ends a response the app could not finish: a 500 page when nothing was sent yet, otherwise the
 * connection is cut, so the client sees an incomplete transfer rather than a short answer that
 * looks whole.
 */
function failResponse(res: Response) {
	if (res.writableEnded || res.destroyed) return
	if (res.headersSent) {
		res.destroy()
		return
	}
	sendPlainPage(
		res,
		500,
		'Something went wrong',
		'The server could not answer this request. Nothing you sent was lost; try again in a moment.',
	)
}

function describe(scope: RequestScope | undefined) {
	return scope ? ` in ${scope.method} ${scope.path} (request ${scope.requestId})` : ''
}

/** Express's last error handler: logs the fault with its request, answers 500 (or cuts a started response). */
export const answerUnhandledErrors: ErrorRequestHandler = (error, _req, res, _next) => {
	console.error(`Unhandled error${describe(requestScope.getStore())}:`, error)
	failResponse(res)
}

let safetyNetInstalled = false

/**
 * The process's last resort: an exception or rejection nobody handled is logged against the request
 * whose work raised it, that request is answered 500 (or cut short), and the process stays up for
 * everyone else. Without it Node exits, and one bad request stops the service for every user.
 */
export function installProcessSafetyNet() {
	if (safetyNetInstalled) return
	safetyNetInstalled = true
	for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
		process.on(event, (error: unknown) => {
			const scope = requestScope.getStore()
			console.error(
				`${event === 'uncaughtException' ? 'Uncaught exception' : 'Unhandled promise rejection'}${describe(scope)}; the server keeps running.`,
				error,
			)
			if (scope) failResponse(scope.response)
		})
	}
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * State-changing requests must come from the app's own pages. A browser names the page's origin
 * (`Origin`) and how it relates to this site (`Sec-Fetch-Site`); a form on another site, or on
 * another port of this host (same site, but not same origin, and able to plant cookies here), is
 * refused before anything reads its body. Clients that send neither header are not browsers, so
 * cannot be used for cross-site forgery; they still need the CSRF token or a bearer token.
 */
export function refuseForeignOrigins(options: { appOrigin?: string } = {}): RequestHandler {
	return (req, res, next) => {
		if (SAFE_METHODS.has(req.method)) return next()
		const origin = req.get('Origin')
		const site = req.get('Sec-Fetch-Site')
		const ownOrigins = [`${req.protocol}://${req.get('host')}`, options.appOrigin]
		const foreignOrigin = origin !== undefined && !ownOrigins.includes(origin)
		const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none'
		if (foreignOrigin || foreignSite) {
			return sendPlainPage(
				res,
				403,
				'This form did not come from this site',
				'The tracker accepts changes only from its own pages. Open the page in the tracker and send the form again.',
			)
		}
		next()
	}
}

/**
 * Refuses a body larger than its path's limit (see request-policy.ts) before any of it is read,
 * from its declared length alone. A body sent without a length (chunked) is refused with 411:
 * browsers always state the length of what they send, and Node's parser never lets a body run past
 * the length it states, so no request body the app reads can be larger than its limit.
 */
export const limitRequestBodies: RequestHandler = (req, res, next) => {
	const declared = req.get('Content-Length')
	if (declared === undefined) {
		if (req.get('Transfer-Encoding') === undefined) return next()
		res.set('Connection', 'close')
		return sendPlainPage(
			res,
			411,
			'The request has no length',
			'Send the request with a Content-Length header; bodies of unknown length are not accepted.',
		)
	}
	const { bodyLimit } = policyFor(req.path)
	if (Number(declared) <= bodyLimit) return next()
	// Answered at once, and the connection closed after the answer: the rest of the body is never taken in.
	res.set('Connection', 'close')
	sendPlainPage(
		res,
		413,
		'The request is too large',
		`This page accepts at most ${describeLimit(bodyLimit)}. Nothing was saved; shorten what you send (or choose a smaller file) and try again.`,
	)
}
