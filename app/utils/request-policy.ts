// What each part of the app accepts before any of its code runs: the largest request body, and
// whether requests may authenticate with a bearer token instead of the session cookie. One table,
// read by the HTTP server (body limits, origin checks) and by the CSRF middleware; a new endpoint
// that needs a different rule gets a row here.

const MB = 1024 * 1024

export type RequestPolicy = {
	/** The largest request body accepted, in bytes; a larger one is refused with 413 before it is read. */
	bodyLimit: number
	/**
	 * Whether a request carrying `Authorization: Bearer …` and no cookie is exempt from the session's
	 * CSRF token: it has no ambient credentials a forged cross-site request could borrow. The origin
	 * rules still apply, and a request that does carry cookies is checked like any other.
	 */
	bearerTokens: boolean
	/** Whether state-changing requests carry HTML forms, checked before any action reads them (form-body.server.ts). */
	formBodies: boolean
}

const defaultRequestPolicy: RequestPolicy = {
	bodyLimit: 1 * MB,
	bearerTokens: false,
	formBodies: true,
}

type PolicyRow = {
	/** A path, matched whole (with or without React Router's `.data` suffix) or, with `under`, as a prefix of path segments. */
	path: string
	under?: boolean
	policy: Partial<RequestPolicy>
	why: string
}

const requestPolicies: ReadonlyArray<PolicyRow> = [
	{
		path: '/inventory/import',
		policy: { bodyLimit: 6 * MB },
		why: 'the inventory file upload: the import takes files up to 5 MB, plus the multipart framing',
	},
	{
		path: '/api/v1',
		under: true,
		policy: { bodyLimit: 6 * MB, bearerTokens: true, formBodies: false },
		why: 'the REST API: personal access tokens, and an inventory file may be sent to it',
	},
	{
		path: '/mcp',
		under: true,
		policy: { bodyLimit: 2 * MB, bearerTokens: true, formBodies: false },
		why: 'the MCP server: personal access tokens, JSON-RPC messages',
	},
]

function matches(row: PolicyRow, pathname: string) {
	const path = pathname.replace(/\.data$/, '')
	if (path === row.path) return true
	return row.under === true && path.startsWith(`${row.path}/`)
}

/** The policy for a request path (the first row that matches, else the default). */
export function policyFor(pathname: string): RequestPolicy {
	const row = requestPolicies.find((candidate) => matches(candidate, pathname))
	return { ...defaultRequestPolicy, ...row?.policy }
}

/** A request that authenticates with a bearer token and carries no cookie. */
export function isBearerOnly(headers: { get(name: string): string | null }) {
	return /^Bearer\s+\S/i.test(headers.get('Authorization') ?? '') && !headers.get('Cookie')
}

export function describeLimit(bytes: number) {
	return bytes % MB === 0 ? `${bytes / MB} MB` : `${Math.round(bytes / 1024)} KB`
}
