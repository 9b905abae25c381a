import { useCallback, useSyncExternalStore } from 'react'

/**
 * Whether a CSS media query matches, following it as the window changes. The server, and the
 * browser until the page's script takes over, answer `serverAnswer`: pages render for a wide screen
 * first and adjust on a narrow one.
 */
export function useMediaQuery(query: string, serverAnswer: boolean) {
	const subscribe = useCallback(
		(onChange: () => void) => {
			const list = window.matchMedia(query)
			list.addEventListener('change', onChange)
			return () => list.removeEventListener('change', onChange)
		},
		[query],
	)
	return useSyncExternalStore(
		subscribe,
		() => window.matchMedia(query).matches,
		() => serverAnswer,
	)
}
