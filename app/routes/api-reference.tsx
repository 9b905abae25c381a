import { Link } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { apiRoutes } from '#app/api/router.server.ts'
import { openApiDocument } from '#app/api/openapi.ts'
import { appUrlOf, getEnv } from '#app/utils/env.server.ts'
import type { Route } from './+types/api-reference.ts'

export const meta: Route.MetaFunction = () => [{ title: 'API reference · AI Governance Tracker' }]

type Parameter = {
	name: string
	in: string
	required: boolean
	description?: string
	schema: { type?: string; enum?: Array<string>; items?: { enum?: Array<string> } }
}
type Operation = {
	operationId: string
	tags: Array<string>
	summary: string
	description?: string
	'x-required-scope'?: string
	'x-required-permission'?: string | Array<string> | null
	parameters?: Array<Parameter>
	requestBody?: { content: Record<string, { schema: { $ref?: string } }> }
	responses: Record<
		string,
		{ description: string; content?: Record<string, { schema: { $ref?: string; type?: string } }> }
	>
}

/** The reference is generated from the same document as /api/v1/openapi.json; it needs no sign-in. */
export async function loader() {
	const document = openApiDocument(apiRoutes, { serverUrl: appUrlOf(getEnv()) })
	const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
		Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
			path,
			method: method.toUpperCase(),
			operation,
		})),
	)
	const tags = [...new Set(operations.map((o) => o.operation.tags[0] ?? 'Other'))]
	return {
		server: document.servers[0]!.url,
		mcpUrl: `${appUrlOf(getEnv())}/mcp`,
		tags,
		operations,
		problemTypes: document['x-problem-types'],
	}
}

const schemaName = (schema?: { $ref?: string; type?: string }) =>
	schema?.$ref ? schema.$ref.split('/').at(-1) : (schema?.type ?? '')
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

function Code({ children }: { children: string }) {
	// A long line scrolls inside the block; the block takes focus so the keyboard can scroll it too.
	return (
		<pre tabIndex={0} className="max-w-full overflow-x-auto bg-base-lightest p-3 text-sm">
			<code>{children}</code>
		</pre>
	)
}

export default function ApiReference({ loaderData }: Route.ComponentProps) {
	const { server, mcpUrl, tags, operations, problemTypes } = loaderData
	return (
		<main id="main-content" className="mx-auto max-w-5xl space-y-10 px-4 py-10">
			<header className="space-y-2">
				<p className="text-sm font-semibold tracking-wide text-base-dark uppercase">
					AI Governance Tracker
				</p>
				<h1 className="text-3xl font-bold">REST API and MCP server reference</h1>
				<p>
					Everything the pages let you do with the inventory, for scripts and AI assistants, with
					the same permissions. The machine-readable description is the{' '}
					<a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>; this page is generated from it.
				</p>
				<nav aria-label="On this page">
					<ul className="flex flex-wrap gap-4">
						<li>
							<a href="#authentication">Authentication</a>
						</li>
						<li>
							<a href="#conventions">Paging, versions, errors</a>
						</li>
						<li>
							<a href="#operations">Operations</a>
						</li>
						<li>
							<a href="#mcp">MCP server</a>
						</li>
					</ul>
				</nav>
			</header>

			<section aria-labelledby="authentication" className="space-y-3">
				<h2 id="authentication" className="text-2xl font-bold">
					Authentication
				</h2>
				<p>
					Create a personal access token under{' '}
					<Link to="/settings/api-tokens">Settings → API tokens</Link>. It is shown once. Send it on
					every request; cookies are not accepted. A token with the <strong>read</strong> scope
					reads and evaluates; <strong>write</strong> also changes your drafts and comments. It acts
					as you: your roles, the cases you are listed on, nothing else.
				</p>
				<Code>{`curl -H "Authorization: Bearer aigt_pat_…" ${server}/use-cases?status=APPROVED`}</Code>
			</section>

			<section aria-labelledby="conventions" className="space-y-3">
				<h2 id="conventions" className="text-2xl font-bold">
					Paging, versions and errors
				</h2>
				<p>
					Lists page with a cursor: pass the <code>next</code> value of a page as{' '}
					<code>cursor</code> for the following one, with the same filters and sort. Changes to a
					use case name the version they were made on: send its ETag back as <code>If-Match</code>{' '}
					(or a <code>version</code> field). A stale version is refused (412 or 409) and nothing is
					overwritten. Each token may make a set number of requests a minute; past it the answer is
					429 with <code>Retry-After</code>.
				</p>
				<p>
					Errors are RFC 9457 problem details (<code>application/problem+json</code>); invalid
					fields are listed in <code>errors</code> with their path.
				</p>
				<DataTable
					caption="Problem types"
					rows={problemTypes}
					rowKey={(type) => type.slug}
					rowId={(type) => `problem-${type.slug}`}
					columns={[
						{ header: 'Status', className: 'font-mono', cell: (type) => type.status },
						{ header: 'Problem', cell: (type) => type.title },
					]}
				/>
			</section>

			<section aria-labelledby="operations" className="space-y-6">
				<h2 id="operations" className="text-2xl font-bold">
					Operations
				</h2>
				<p>
					Addresses are relative to <code>{server}</code>.
				</p>
				{tags.map((tag) => (
					<section key={tag} aria-labelledby={`tag-${slug(tag)}`} className="space-y-4">
						<h3 id={`tag-${slug(tag)}`} className="text-xl font-bold">
							{tag}
						</h3>
						{operations
							.filter((o) => (o.operation.tags[0] ?? 'Other') === tag)
							.map(({ path, method, operation }) => (
								<article
									key={operation.operationId}
									id={operation.operationId}
									aria-labelledby={`${operation.operationId}-title`}
									className="space-y-2 border-l-4 border-primary pl-4"
								>
									<h4 id={`${operation.operationId}-title`} className="font-bold">
										<span className="font-mono">
											{method} {path}
										</span>{' '}
										— {operation.summary}
									</h4>
									{operation.description ? <p>{operation.description}</p> : null}
									<p className="text-sm">
										{operation['x-required-scope'] ? (
											<>
												Scope: <strong>{operation['x-required-scope']}</strong>.{' '}
											</>
										) : (
											'No token needed. '
										)}
										{operation['x-required-permission'] ? (
											<>
												Role permission:{' '}
												<code>{[operation['x-required-permission']].flat().join(' or ')}</code>.
											</>
										) : null}
									</p>
									{operation.parameters?.length ? (
										<DataTable
											caption={`Parameters of ${operation.operationId}`}
											dense
											className="w-full text-sm"
											rows={operation.parameters}
											rowKey={(parameter) => `${parameter.in}-${parameter.name}`}
											columns={[
												{
													header: 'Parameter',
													rowHeader: true,
													className: 'font-mono font-normal',
													cell: (parameter) =>
														`${parameter.name}${parameter.required ? ' (required)' : ''}`,
												},
												{ header: 'In', cell: (parameter) => parameter.in },
												{
													header: 'Values',
													cell: (parameter) => (
														<>
															{parameter.description ? (
																<span className="block">{parameter.description}</span>
															) : null}
															{(parameter.schema.enum ?? parameter.schema.items?.enum)?.join(
																', ',
															) ?? parameter.schema.type}
														</>
													),
												},
											]}
										/>
									) : null}
									{operation.requestBody ? (
										<p className="text-sm">
											Body: <code>{Object.keys(operation.requestBody.content).join(', ')}</code>{' '}
											{schemaName(Object.values(operation.requestBody.content)[0]?.schema)}
										</p>
									) : null}
									<ul className="text-sm">
										{Object.entries(operation.responses).map(([status, response]) => (
											<li key={status}>
												<span className="font-mono">{status}</span> {response.description}
												{response.content
													? ` (${Object.keys(response.content).join(', ')} ${schemaName(Object.values(response.content)[0]?.schema)})`
													: ''}
											</li>
										))}
									</ul>
								</article>
							))}
					</section>
				))}
			</section>

			<section aria-labelledby="mcp" className="space-y-3">
				<h2 id="mcp" className="text-2xl font-bold">
					MCP server
				</h2>
				<p>
					AI assistants connect to <code>{mcpUrl}</code> (Model Context Protocol, Streamable HTTP)
					with the same token in the <code>Authorization</code> header. Tools: search_use_cases,
					get_use_case, find_similar_use_cases, evaluate_use_case, list_policy_references,
					get_policy_reference, inventory_summary, and with the write scope create_draft_use_case
					and add_comment. Resources <code>policy://&lt;clause id&gt;</code> and{' '}
					<code>usecase://&lt;tracking id&gt;</code>; prompt “prepare_use_case_for_submission”. A
					desktop assistant that starts local servers connects through <code>mcp-remote</code>:
				</p>
				<Code>
					{JSON.stringify(
						{
							mcpServers: {
								'cms-ai-governance': {
									command: 'npx',
									args: ['-y', 'mcp-remote', mcpUrl, '--header', 'Authorization:${AIGT_TOKEN}'],
									env: { AIGT_TOKEN: 'Bearer aigt_pat_…' },
								},
							},
						},
						null,
						2,
					)}
				</Code>
				<p>
					The MCP inspector: choose the Streamable HTTP transport, the address above, and add the
					header <code>Authorization: Bearer aigt_pat_…</code>.
				</p>
			</section>
		</main>
	)
}
