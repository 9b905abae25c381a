import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createRequestHandler } from '@react-router/express'
import express from 'express'
import helmet from 'helmet'
import { RouterContextProvider } from 'react-router'
import { apiServer, isApiPath } from '#app/api/router.server.ts'
import { mcpRouter } from '#app/mcp/mcp-router.server.ts'
import {
	BACKCHANNEL_LOGOUT_PATH,
	handleBackchannelLogout,
} from '#app/modules/auth/backchannel-logout.server.ts'
import { singleSignOnFormOrigins, warmUpSingleSignOn } from '#app/modules/auth/oidc.server.ts'
import { keepBackgroundWorkStarted } from '#app/modules/jobs/background.server.ts'
import { startReadingKeptFigures } from '#app/modules/dashboards/dashboard.server.ts'
import { isPublicPath } from '#app/modules/public-site/public-paths.ts'
import { publicSnapshotContext } from '#app/modules/public-site/public-snapshot.server.ts'
import { database } from '#app/utils/db.server.ts'
import { appUrlOf, authSettingsOf, cookiesAreSecure, getEnv } from '#app/utils/env.server.ts'
import {
	cspNonceContext,
	type RequestInfo,
	requestInfoContext,
} from '#app/utils/request-context.ts'
import { getSessionSecret } from '#app/utils/secrets.server.ts'
import { requestStartContext } from '#app/utils/server-timing.server.ts'
import { prepareDatabase } from './prepare-database.ts'
import { type PublicLocals, publicSite } from './public-site.ts'
import {
	answerUnhandledErrors,
	limitRequestBodies,
	refuseForeignOrigins,
	runInRequestScope,
} from './request-guards.ts'

export { installProcessSafetyNet } from './request-guards.ts'

// Fail at start-up, with a readable message, on a wrong environment variable or a missing secret.
const env = getEnv()
getSessionSecret()

/** Resolves when migrations (and, on a fresh embedded database, the demo data) are in place. */
export const ready = prepareDatabase()

const auth = authSettingsOf(env)
warmUpSingleSignOn(auth.mode === 'password' ? null : auth.oidc)

// The facts the inventory's counts and the dashboards keep in memory, read in the background.
void ready.then(startReadingKeptFigures, () => null)

// Background jobs and the cache listener, once the database is ready (a failed start-up fails `ready`).
const backgroundWork = ready.then(
	() => keepBackgroundWorkStarted(database, env),
	() => null,
)

/** Stops the background work cleanly; the HTTP server calls it on SIGTERM/SIGINT. */
export async function shutdown() {
	await (await backgroundWork)?.stop()
}

export const app = express()

app.set('trust proxy', env.TRUST_PROXY)
app.use(runInRequestScope)
app.use(
	helmet({
		contentSecurityPolicy: {
			useDefaults: false,
			// Scripts run only from the app's own files or with this response's nonce (React Router's
			// inline hydration scripts carry it); nothing may frame the app or take its forms elsewhere
			// than to the app itself and its identity provider.
			directives: {
				defaultSrc: ["'self'"],
				scriptSrc: [
					"'self'",
					(_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
				],
				styleSrc: ["'self'"],
				imgSrc: ["'self'", 'data:'],
				fontSrc: ["'self'"],
				connectSrc: ["'self'", ...(env.NODE_ENV === 'development' ? ['ws:'] : [])],
				objectSrc: ["'none'"],
				baseUri: ["'none'"],
				frameAncestors: ["'none'"],
				// The identity provider's pages too: signing in or out sends the browser there.
				formAction: ["'self'", () => singleSignOnFormOrigins().join(' ')],
				upgradeInsecureRequests: cookiesAreSecure(env) ? [] : null,
			},
			// Vite's dev server injects scripts of its own; development reports what production enforces.
			reportOnly: env.NODE_ENV === 'development',
		},
		// Helmet's default (no-referrer) makes Chromium send "Origin: null" with plain form posts,
		// which the origin check refuses: forms must work without JavaScript.
		referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
		crossOriginEmbedderPolicy: false,
	}),
)
app.use(refuseForeignOrigins({ appOrigin: env.APP_URL ? new URL(env.APP_URL).origin : undefined }))
app.use(limitRequestBodies)

const requestInfoOf = (req: express.Request, res: express.Response): RequestInfo => ({
	requestId: String(res.locals.requestId ?? randomUUID()),
	ipAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
	userAgent: req.get('user-agent') ?? null,
})

// Back-channel logout: the identity provider posts a signed logout token, server to server. No
// session and no CSRF token: the token's signature is the proof (docs/decisions/025).
app.post(
	BACKCHANNEL_LOGOUT_PATH,
	express.urlencoded({ extended: false, limit: '32kb' }),
	async (req, res, next) => {
		try {
			const body: unknown = req.body
			const token =
				body && typeof body === 'object' && 'logout_token' in body ? body.logout_token : undefined
			const answer = await handleBackchannelLogout(
				auth.mode === 'password' ? null : auth.oidc,
				token,
				requestInfoOf(req, res),
			)
			res.status(answer.status).set('Cache-Control', 'no-store').json(answer.body)
		} catch (error) {
			next(error)
		}
	},
)
// The REST API and the MCP server: bearer tokens, no cookies, JSON bodies under their own limit;
// answered here, before React Router and its cookie CSRF middleware (docs/decisions/023).
const api = apiServer({
	appUrl: appUrlOf(env),
	requestsPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
	mcp: mcpRouter,
})
app.use((req, res, next) => (isApiPath(req.path) ? api(req, res, next) : next()))

// The build as an object, not a function: React Router derives its request handler (route tree,
// matching tables) once, instead of on every request. The dev server reloads this module on change.
const build = await import('virtual:react-router/server-build')

const publicSiteMiddleware = publicSite({
	buildVersion: build.assets.version,
	requestsPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
})
app.use((req, res, next) =>
	isPublicPath(req.path) ? publicSiteMiddleware(req, res, next) : next(),
)

app.use(
	createRequestHandler({
		build,
		getLoadContext(req, res) {
			const context = new RouterContextProvider()
			context.set(requestStartContext, performance.now())
			context.set(requestInfoContext, requestInfoOf(req, res))
			context.set(publicSnapshotContext, (res.locals as PublicLocals).publicSnapshot ?? null)
			context.set(cspNonceContext, res.locals.cspNonce)
			return context
		},
	}),
)
app.use(answerUnhandledErrors)
