import { createContext } from 'react-router'

export type RequestInfo = {
	requestId: string
	ipAddress: string
	userAgent: string | null
	/** The personal access token of a REST API or MCP request: every change it makes is audited with it. */
	apiTokenId?: string
}

/** Set by the HTTP server for every request; read by actions that audit or throttle. */
export const requestInfoContext = createContext<RequestInfo>({
	requestId: 'unknown',
	ipAddress: 'unknown',
	userAgent: null,
})

/** The Content-Security-Policy nonce the HTTP server chose for this response. */
export const cspNonceContext = createContext<string>('')
