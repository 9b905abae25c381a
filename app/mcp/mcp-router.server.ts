// /mcp over Streamable HTTP, stateless: each POST is authenticated with a personal access token,
// throttled per token, and answered by a server built for that caller. The resource-server part of
// the MCP authorization spec: a 401 names the protected resource metadata, published below.
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import express from 'express'
import {
	MCP_PATH,
	type ApiServerOptions,
	requestInfoOf,
	sendProblem,
	withinRate,
} from '#app/api/router.server.ts'
import { problem } from '#app/api/problem.ts'
import { createMcpServer } from './mcp-server.server.ts'

const METADATA_PATH = '/.well-known/oauth-protected-resource'

export const mcpRouter: NonNullable<ApiServerOptions['mcp']> = ({
	appUrl,
	authenticate,
	throttle,
}) => {
	const router = express.Router()
	const resource = `${appUrl}${MCP_PATH}`
	const resourceMetadata = `${appUrl}${METADATA_PATH}${MCP_PATH}`

	// RFC 9728 protected resource metadata. Tokens are personal access tokens issued by the tracker
	// itself (Settings → API tokens), so no OAuth authorization server is listed.
	const metadata = {
		resource,
		resource_name: 'CMS AI Governance Tracker (MCP)',
		bearer_methods_supported: ['header'],
		scopes_supported: ['read', 'write'],
		resource_documentation: `${appUrl}/api-reference#mcp`,
	}
	router.get([METADATA_PATH, `${METADATA_PATH}${MCP_PATH}`], (_req, res) => {
		res.set('Cache-Control', 'public, max-age=3600').json(metadata)
	})

	router.all(MCP_PATH, async (req, res, next) => {
		try {
			const caller = await authenticate(req, res, { resourceMetadata })
			if (!caller || !withinRate(throttle, caller, res)) return
			// Stateless: no session to resume (GET) or end (DELETE).
			if (req.method !== 'POST')
				return sendProblem(
					res,
					problem(405, 'This MCP server is stateless: send JSON-RPC messages with POST.'),
					{ Allow: 'POST' },
				)
			const server = createMcpServer(caller, requestInfoOf(req, caller))
			const transport = new StreamableHTTPServerTransport({
				sessionIdGenerator: undefined,
				enableJsonResponse: true,
			})
			res.on('close', () => {
				void transport.close()
				void server.close()
			})
			await server.connect(transport)
			await transport.handleRequest(req, res, req.body)
		} catch (error) {
			next(error)
		}
	})
	return router
}
