// Liveness: the process is up and serving HTTP. It touches nothing else (no database, no session),
// so an orchestrator restarts the app only when the app itself is stuck; /healthz is readiness.
const body = JSON.stringify({ status: 'ok' })

export function loader() {
	return new Response(body, {
		headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
	})
}
