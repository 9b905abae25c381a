// The one link between code that writes notifications and the background loop that e-mails them.
// Kept on globalThis so that a module reloaded by the dev server still reaches the running loop;
// with no loop running (tests, scripts) every request is a no-op.

type DispatchRequester = (delayMs: number) => void

const REQUESTER = Symbol.for('ai-governance-tracker.email-dispatch-requester')
type Holder = { [REQUESTER]?: DispatchRequester | null }

export function setEmailDispatchRequester(requester: DispatchRequester | null) {
	;(globalThis as Holder)[REQUESTER] = requester
}

/**
 * Asks the background loop to send pending e-mail now. Call it after the transaction that wrote
 * the notifications has committed: it never throws and never waits for the mail server.
 */
export function requestEmailDispatch() {
	request(0)
}

/**
 * `notify` cannot see when the caller's transaction commits, so it asks for a few passes shortly
 * afterwards; whichever runs after the commit sends the mail. A caller that calls
 * `requestEmailDispatch()` after committing makes these redundant; the loop's minute tick is the
 * backstop for both.
 */
export const AFTER_NOTIFY_DISPATCH_DELAYS_MS = [250, 2_000, 10_000] as const

export function requestEmailDispatchSoon() {
	for (const delay of AFTER_NOTIFY_DISPATCH_DELAYS_MS) request(delay)
}

function request(delayMs: number) {
	try {
		;(globalThis as Holder)[REQUESTER]?.(delayMs)
	} catch {
		// Sending e-mail must never fail the request that asked for it; the loop's tick retries.
	}
}
