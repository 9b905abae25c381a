// /api/v1 dashboards, OMB files and who the token is: the same module calls as the dashboards page
// and the export downloads, each download audited as it is there.
import { z } from 'zod'
import { currentDashboard } from '#app/modules/dashboards/dashboard.server.ts'
import {
	ExportQuerySchema,
	PublicExportQuerySchema,
} from '#app/modules/omb-exchange/omb-export-query.ts'
import {
	cotsCsvDownload,
	type Downloader,
	ombCsvDownload,
	ombJsonDownload,
	publicCsvDownload,
	publicJsonDownload,
} from '#app/modules/omb-exchange/export-downloads.server.ts'
import { scopeNames } from '#app/modules/api-tokens/api-tokens.ts'
import { defineRoute, json } from '../define.ts'
import { DashboardSchema, MeSchema } from './schemas.ts'

const TAG = 'Reports'
const DOWNLOAD = 'A file to save (Content-Disposition: attachment).'

/** A download of the inventory: the same file, under the same audit record, as the export page gives. */
function exportRoute<Q extends z.ZodType>(spec: {
	operationId: string
	file: `${string}.csv` | `${string}.json`
	summary: string
	description?: string
	query: Q
	download: (query: z.output<Q>, by: Downloader) => Promise<Response>
}) {
	return defineRoute({
		operationId: spec.operationId,
		method: 'get',
		path: `/exports/${spec.file}`,
		tag: TAG,
		summary: spec.summary,
		description: spec.description,
		scope: 'read',
		permission: 'export:inventory:any',
		query: spec.query,
		responses: {
			200: {
				description: DOWNLOAD,
				file: spec.file.endsWith('.csv') ? 'text/csv' : 'application/json',
			},
		},
		// `query` is Q's output: TypeScript cannot resolve the route's conditional type for a generic Q.
		handle: ({ query, context }) =>
			spec.download(query as z.output<Q>, {
				actorId: context.caller.user.id,
				request: context.requestInfo,
			}),
	})
}

export const reportRoutes = [
	defineRoute({
		operationId: 'getMe',
		method: 'get',
		path: '/me',
		tag: 'Tokens',
		summary: 'Who the token acts for',
		description:
			'The token’s user and roles, and the token’s scopes and expiry: a quick way to check a token works.',
		scope: 'read',
		permission: null,
		responses: { 200: { description: 'The user and the token.', schema: MeSchema } },
		handle: async ({ context }) => {
			const { user, tokenId, scopes, expiresAt } = context.caller
			return json({
				user: {
					id: user.id,
					name: user.name,
					email: user.email,
					roles: user.roles.map((r) => r.role),
				},
				token: { id: tokenId, scopes: scopeNames(scopes), expiresAt },
			})
		},
	}),
	defineRoute({
		operationId: 'getDashboard',
		method: 'get',
		path: '/dashboard',
		tag: TAG,
		summary: 'The inventory’s dashboard figures',
		description:
			'Counts by stage, determination, component, dataset category and sensitivity; decisions per month; time in each state; overdue work. Submitted cases only, the same for every reader.',
		scope: 'read',
		permission: 'read:dashboard:any',
		responses: {
			200: { description: 'The figures of the dashboards page.', schema: DashboardSchema },
		},
		handle: async () => json(await currentDashboard()),
	}),
	exportRoute({
		operationId: 'exportOmbCsv',
		file: 'omb.csv',
		summary: 'OMB’s 2025 individual use case inventory (CSV)',
		description:
			'Every reported case in OMB’s exact columns; `values=codes` for the template’s shorthand codes. Audited.',
		query: ExportQuerySchema,
		download: ombCsvDownload,
	}),
	exportRoute({
		operationId: 'exportOmbJson',
		file: 'omb.json',
		summary: 'OMB’s 2025 individual use case inventory (JSON)',
		query: ExportQuerySchema,
		download: ombJsonDownload,
	}),
	exportRoute({
		operationId: 'exportPublicCsv',
		file: 'public.csv',
		summary: 'The public inventory (CSV)',
		description:
			'Withheld cases removed and FOIA-sensitive details blanked; `ids=omit` drops the ids, `inbox` sets the public contact.',
		query: PublicExportQuerySchema,
		download: publicCsvDownload,
	}),
	exportRoute({
		operationId: 'exportPublicJson',
		file: 'public.json',
		summary: 'The public inventory (JSON)',
		query: PublicExportQuerySchema,
		download: publicJsonDownload,
	}),
	defineRoute({
		operationId: 'exportCotsCsv',
		method: 'get',
		path: '/exports/cots.csv',
		tag: TAG,
		summary: 'OMB’s consolidated file of common commercial AI tasks (CSV)',
		scope: 'read',
		permission: 'export:inventory:any',
		query: z.object({}),
		responses: { 200: { description: DOWNLOAD, file: 'text/csv' } },
		handle: ({ context }) =>
			cotsCsvDownload({ actorId: context.caller.user.id, request: context.requestInfo }),
	}),
]
