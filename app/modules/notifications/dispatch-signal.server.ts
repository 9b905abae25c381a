// The one link between code that writes notifications and the e-mail jobs that send them (see
// notification-jobs.server.ts). Kept on globalThis so that a module reloaded by the dev server still
// reaches the running queue; with no queue running (tests, scripts) every request is a no-op.

type DispatchRequester = (delayMs: number) => void

const REQUESTER = Symbol.for('ai-governance-tracker.email-dispatch-requester')
type Holder = { [REQUESTER]?: DispatchRequester | null }

export function setEmailDispatchRequester(requester: DispatchRequester | null) {
	;(globalThis as Holder)[REQUESTER] = requester
}

/**
 * Asks for a pass of the e-mail outbox now. Call it after the transaction that wrote
 * the notifications has committed: it never throws and never waits for the mail server.
 */
export function requestEmailDispatch() {
	request(0)
}

/**
 * `notify` cannot see when the caller's transaction commits, so it asks for a few passes shortly
 * afterwards; whichever runs after the commit sends the mail. A caller that calls
 * `requestEmailDispatch()` after committing makes these redundant; the every-minute schedule is the
 * backstop for both.
 */
const AFTER_NOTIFY_DISPATCH_DELAYS_MS = [250, 2_000, 10_000] as const

export function requestEmailDispatchSoon() {
	for (const delay of AFTER_NOTIFY_DISPATCH_DELAYS_MS) request(delay)
}

function request(delayMs: number) {
	try {
		;(globalThis as Holder)[REQUESTER]?.(delayMs)
	} catch {
		// Sending e-mail must never fail the request that asked for it; the schedule retries.
	}
}
