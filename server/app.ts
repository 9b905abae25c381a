import { randomUUID } from 'node:crypto'
import { createRequestHandler } from '@react-router/express'
import express from 'express'
import helmet from 'helmet'
import { RouterContextProvider } from 'react-router'
import 'react-router'
import { createSmtpMailer } from '#app/modules/notifications/email-dispatch.server.ts'
import { startNotificationLoop } from '#app/modules/notifications/notification-loop.server.ts'
import { isPublicPath } from '#app/modules/public-site/public-paths.ts'
import { publicSnapshotContext } from '#app/modules/public-site/public-snapshot.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { prepareDatabase } from '#app/utils/db/prepare.server.ts'
import { appUrlOf, getEnv } from '#app/utils/env.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { getSessionSecret } from '#app/utils/secrets.server.ts'
import { type PublicLocals, publicSite } from './public-site.ts'

// Fail at start-up, with a readable message, on a wrong environment variable or a missing secret.
const env = getEnv()
getSessionSecret()

/** Resolves when migrations (and, on a fresh embedded database, the demo data) are in place. */
export const ready = prepareDatabase()

// Reminders and notification e-mail, once the database is ready (a failed start-up fails `ready`).
const notificationLoop = ready.then(
	() =>
		startNotificationLoop({
			db: prisma,
			mailer: env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : null,
			appUrl: appUrlOf(env),
		}),
	() => null,
)

/** Stops the background work cleanly; the HTTP server calls it on SIGTERM/SIGINT. */
export async function shutdown() {
	await (await notificationLoop)?.stop()
}

export const app = express()

app.set('trust proxy', 'loopback')
app.use(
	helmet({
		// React Router streams inline hydration scripts; a nonce-based policy is a later step.
		contentSecurityPolicy: false,
		// Helmet's default (no-referrer) makes Chromium send "Origin: null" with plain form posts,
		// which React Router refuses: forms must work without JavaScript.
		referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
		crossOriginEmbedderPolicy: false,
	}),
)

// The build as an object, not a function: React Router derives its request handler (route tree,
// matching tables) once, instead of on every request. The dev server reloads this module on change.
const build = await import('virtual:react-router/server-build')

const publicSiteMiddleware = publicSite({ buildVersion: build.assets.version, requestsPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE })
app.use((req, res, next) => (isPublicPath(req.path) ? publicSiteMiddleware(req, res, next) : next()))

app.use(
	createRequestHandler({
		build,
		getLoadContext(req, res) {
			const context = new RouterContextProvider()
			context.set(requestInfoContext, {
				requestId: randomUUID(),
				ipAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
				userAgent: req.get('user-agent') ?? null,
			})
			context.set(publicSnapshotContext, (res.locals as PublicLocals).publicSnapshot ?? null)
			return context
		},
	}),
)
