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
	defineRoute({
		operationId: 'exportOmbCsv',
		method: 'get',
		path: '/exports/omb.csv',
		tag: TAG,
		summary: 'OMB’s 2025 individual use case inventory (CSV)',
		description:
			'Every reported case in OMB’s exact columns; `values=codes` for the template’s shorthand codes. Audited.',
		scope: 'read',
		permission: 'export:inventory:any',
		query: ExportQuerySchema,
		responses: { 200: { description: DOWNLOAD, file: 'text/csv' } },
		handle: ({ query, context }) =>
			ombCsvDownload(query, { actorId: context.caller.user.id, request: context.requestInfo }),
	}),
	defineRoute({
		operationId: 'exportOmbJson',
		method: 'get',
		path: '/exports/omb.json',
		tag: TAG,
		summary: 'OMB’s 2025 individual use case inventory (JSON)',
		scope: 'read',
		permission: 'export:inventory:any',
		query: ExportQuerySchema,
		responses: { 200: { description: DOWNLOAD, file: 'application/json' } },
		handle: ({ query, context }) =>
			ombJsonDownload(query, { actorId: context.caller.user.id, request: context.requestInfo }),
	}),
	defineRoute({
		operationId: 'exportPublicCsv',
		method: 'get',
		path: '/exports/public.csv',
		tag: TAG,
		summary: 'The public inventory (CSV)',
		description:
			'Withheld cases removed and FOIA-sensitive details blanked; `ids=omit` drops the ids, `inbox` sets the public contact.',
		scope: 'read',
		permission: 'export:inventory:any',
		query: PublicExportQuerySchema,
		responses: { 200: { description: DOWNLOAD, file: 'text/csv' } },
		handle: ({ query, context }) =>
			publicCsvDownload(query, { actorId: context.caller.user.id, request: context.requestInfo }),
	}),
	defineRoute({
		operationId: 'exportPublicJson',
		method: 'get',
		path: '/exports/public.json',
		tag: TAG,
		summary: 'The public inventory (JSON)',
		scope: 'read',
		permission: 'export:inventory:any',
		query: PublicExportQuerySchema,
		responses: { 200: { description: DOWNLOAD, file: 'application/json' } },
		handle: ({ query, context }) =>
			publicJsonDownload(query, { actorId: context.caller.user.id, request: context.requestInfo }),
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
