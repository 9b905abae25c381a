import { randomUUID } from 'node:crypto'
import { createRequestHandler } from '@react-router/express'
import express from 'express'
import helmet from 'helmet'
import { RouterContextProvider } from 'react-router'
import 'react-router'
import { prepareDatabase } from '#app/utils/db/prepare.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import { getSessionSecret } from '#app/utils/secrets.server.ts'

// Fail at start-up, with a readable message, on a wrong environment variable or a missing secret.
getEnv()
getSessionSecret()

/** Resolves when migrations (and, on a fresh embedded database, the demo data) are in place. */
export const ready = prepareDatabase()

export const app = express()

app.set('trust proxy', 'loopback')
app.use(
	helmet({
		// React Router streams inline hydration scripts; a nonce-based policy is a later step.
		contentSecurityPolicy: false,
		crossOriginEmbedderPolicy: false,
	}),
)

app.use(
	createRequestHandler({
		build: () => import('virtual:react-router/server-build'),
		getLoadContext(req) {
			const context = new RouterContextProvider()
			context.set(requestInfoContext, {
				requestId: randomUUID(),
				ipAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
				userAgent: req.get('user-agent') ?? null,
			})
			return context
		},
	}),
)
