// The HTTP server: Vite's dev middleware in development, the built app in production.
import compression from 'compression'
import express from 'express'

const production = process.env.NODE_ENV === 'production'
const port = Number.parseInt(process.env.PORT || '3000', 10)
const host = process.env.HOST || '0.0.0.0'

const server = express()
server.disable('x-powered-by')
server.use(compression())

// Stops the app's background work (reminders, notification e-mail) before the process exits.
let shutdownApp = async () => {}

if (production) {
	server.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
	server.use(express.static('build/client', { maxAge: '1h' }))
	const build = await import('./build/server/index.js')
	await build.ready
	shutdownApp = build.shutdown
	server.use(build.app)
} else {
	const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
	server.use(vite.middlewares)
	const initial = await vite.ssrLoadModule('./server/app.ts')
	await initial.ready
	shutdownApp = initial.shutdown
	server.use(async (req, res, next) => {
		try {
			const source = await vite.ssrLoadModule('./server/app.ts')
			return await source.app(req, res, next)
		} catch (error) {
			if (error instanceof Error) vite.ssrFixStacktrace(error)
			next(error)
		}
	})
}

const listener = server.listen(port, host, () => {
	console.log(`AI Governance Tracker listening on http://localhost:${port}`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		const closed = new Promise((resolve) => listener.close(resolve))
		Promise.allSettled([closed, shutdownApp()]).then(() => process.exit(0))
		setTimeout(() => process.exit(0), 3000).unref()
	})
}
