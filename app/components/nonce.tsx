import { createContext, useContext } from 'react'

// The Content-Security-Policy nonce of the page being rendered on the server. The browser hides
// nonces from scripts, so on the client the value is empty and nothing needs it.
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce() {
	return useContext(NonceContext)
}
