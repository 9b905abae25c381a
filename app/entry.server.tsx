import { performance } from 'node:perf_hooks'
import { Writable } from 'node:stream'
import { renderToPipeableStream } from 'react-dom/server'
import {
	type EntryContext,
	type HandleDataRequestFunction,
	type HandleErrorFunction,
	type RouterContextProvider,
	ServerRouter,
} from 'react-router'
import { NonceProvider } from './components/nonce.tsx'
import {
	createRenderedPages,
	freshValuesOf,
	type RenderedPage,
	renderInputsDigest,
} from './utils/rendered-pages.server.ts'
import { cspNonceContext } from './utils/request-context.ts'
import { serverTimingEnabled, serverTimingValue } from './utils/server-timing.server.ts'

export const streamTimeout = 5_000

// Pages and their data are personal (who is signed in, what they may see): no cache may keep them.
const NOT_STORED = 'no-store'

// Pages rendered for the very same inputs (address and loader data) are sent again, not rendered
// again (decision 035). 64 MB holds about a thousand pages; a page is rendered afresh after a minute
// at most, for the few things that the clock alone changes on screen.
const renderedPages = createRenderedPages({ maxBytes: 64 * 1024 * 1024, maxAgeMs: 60_000 })

/**
 * Pages are rendered whole, then sent as one body. No page defers data (every loader has finished
 * before rendering starts), so streaming the shell early would win nothing, while React's many small
 * chunks each cost a trip through the web stream, gzip and a socket write.
 */
export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: RouterContextProvider,
) {
	const renderStart = performance.now()
	responseHeaders.set('Cache-Control', NOT_STORED)
	// https://httpwg.org/specs/rfc9110.html#HEAD
	if (request.method.toUpperCase() === 'HEAD') {
		return new Response(null, { status: responseStatusCode, headers: responseHeaders })
	}
	// The Content-Security-Policy allows only scripts carrying this request's nonce: React's and
	// React Router's inline scripts get it here, the root layout's <Scripts> through NonceProvider.
	const nonce = loadContext.get(cspNonceContext)
	const handlerContext = routerContext.staticHandlerContext
	const fresh = [nonce, ...freshValuesOf(loadContext)]
	const digest = renderInputsDigest({
		method: request.method.toUpperCase(),
		url: request.url,
		statusCode: responseStatusCode,
		loaderData: handlerContext.loaderData,
		actionData: handlerContext.actionData,
		errors: handlerContext.errors,
		fresh,
	})
	const page = await renderedPages.serve(digest, fresh, () =>
		render(request, responseStatusCode, routerContext, nonce),
	)
	responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
	if (serverTimingEnabled())
		responseHeaders.set('Server-Timing', serverTimingValue(loadContext, renderStart, page.rendered))
	return new Response(page.html, { headers: responseHeaders, status: page.status })
}

function render(
	request: Request,
	responseStatusCode: number,
	routerContext: EntryContext,
	nonce: string,
): Promise<RenderedPage> {
	return new Promise((resolve, reject) => {
		let allReady = false
		// Abort the rendering after `streamTimeout`, leaving it time to flush the rejected boundaries.
		const timeout = setTimeout(() => abort(), streamTimeout + 1000)
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<ServerRouter context={routerContext} url={request.url} nonce={nonce} />
			</NonceProvider>,
			{
				nonce,
				onAllReady() {
					allReady = true
					const chunks: Array<Buffer> = []
					const body = new Writable({
						write(chunk: Buffer | string, _encoding, callback) {
							chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
							callback()
						},
						final(callback) {
							clearTimeout(timeout)
							resolve({ html: Buffer.concat(chunks), status: responseStatusCode })
							callback()
						},
					})
					pipe(body)
				},
				onShellError(error: unknown) {
					clearTimeout(timeout)
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Errors before everything was ready reject and are logged by React Router; these came after.
					if (allReady) console.error(error)
				},
			},
		)
	})
}

export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
	if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', NOT_STORED)
	if (serverTimingEnabled())
		response.headers.set('Server-Timing', serverTimingValue(context, performance.now(), false))
	return response
}

export const handleError: HandleErrorFunction = (error, { request }) => {
	// A request the client abandoned is not a fault of the app.
	if (request.signal.aborted) return
	console.error(error)
}
