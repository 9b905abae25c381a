import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { type EntryContext, type HandleDataRequestFunction, type HandleErrorFunction, type RouterContextProvider, ServerRouter } from 'react-router'
import { NonceProvider } from './components/nonce.tsx'
import { cspNonceContext } from './utils/request-context.ts'

export const streamTimeout = 5_000

// Pages and their data are personal (who is signed in, what they may see): no cache may keep them.
const NOT_STORED = 'no-store'

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: RouterContextProvider,
) {
	responseHeaders.set('Cache-Control', NOT_STORED)
	// https://httpwg.org/specs/rfc9110.html#HEAD
	if (request.method.toUpperCase() === 'HEAD') {
		return new Response(null, { status: responseStatusCode, headers: responseHeaders })
	}
	// The Content-Security-Policy allows only scripts carrying this request's nonce: React's and
	// React Router's inline scripts get it here, the root layout's <Scripts> through NonceProvider.
	const nonce = loadContext.get(cspNonceContext)

	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		const userAgent = request.headers.get('user-agent')
		// Bots and SPA mode wait for all content before responding.
		const readyOption = (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
		// Abort the rendering stream after `streamTimeout`, leaving it time to flush the rejected boundaries.
		let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000)

		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<ServerRouter context={routerContext} url={request.url} nonce={nonce} />
			</NonceProvider>,
			{
				nonce,
				[readyOption]() {
					shellRendered = true
					const body = new PassThrough({
						final(callback) {
							clearTimeout(timeoutId)
							timeoutId = undefined
							callback()
						},
					})
					responseHeaders.set('Content-Type', 'text/html')
					pipe(body)
					resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Errors in the shell reject and are logged by React Router; these came after it.
					if (shellRendered) console.error(error)
				},
			},
		)
	})
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
	if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', NOT_STORED)
	return response
}

export const handleError: HandleErrorFunction = (error, { request }) => {
	// A request the client abandoned is not a fault of the app.
	if (request.signal.aborted) return
	console.error(error)
}
