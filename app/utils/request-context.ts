import { createContext } from 'react-router'

export type RequestInfo = { requestId: string; ipAddress: string; userAgent: string | null }

/** Set by the HTTP server for every request; read by actions that audit or throttle. */
export const requestInfoContext = createContext<RequestInfo>({
	requestId: 'unknown',
	ipAddress: 'unknown',
	userAgent: null,
})
