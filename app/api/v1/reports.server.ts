// /api/v1 dashboards, OMB files and who the token is: the same module calls as the dashboards page
// and the export downloads, each download audited as it is there.
import { z } from 'zod'
import { currentDashboard } from '#app/modules/dashboards/dashboard.server.ts'
import {
	ExportQuerySchema,
	PublicExportQuerySchema,
} from '#app/modules/omb-exchange/omb-export-query.ts'
import { cmsAgency } from '#app/modules/omb-exchange/omb-export.ts'
import {
	columnsFor,
	cotsColumns,
	cotsRows,
	currentReportingYear,
	jsonRecords,
	jsonResponse,
	recordExport,
	streamOmbRows,
} from '#app/modules/omb-exchange/omb-export.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
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
		handle: async ({ query, context }) => {
			const year = currentReportingYear()
			await recordExport(
				context.caller.user.id,
				{ file: 'omb.csv', year, values: query.values },
				context.requestInfo,
			)
			return csvResponse(
				streamOmbRows({ year, values: query.values, audience: 'OMB' }),
				columnsFor({ audience: 'OMB' }),
				`cms-ai-use-case-inventory-${year}${query.values === 'codes' ? '-codes' : ''}.csv`,
				{ bom: true },
			)
		},
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
		handle: async ({ query, context }) => {
			const year = currentReportingYear()
			await recordExport(
				context.caller.user.id,
				{ file: 'omb.json', year, values: query.values },
				context.requestInfo,
			)
			return jsonResponse(
				{
					format: 'OMB 2025 individual AI use case inventory',
					...cmsAgency,
					year,
					values: query.values,
					generatedAt: new Date().toISOString(),
				},
				jsonRecords(streamOmbRows({ year, values: query.values, audience: 'OMB' }), query.values),
				`cms-ai-use-case-inventory-${year}.json`,
			)
		},
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
		handle: async ({ query, context }) => {
			const year = currentReportingYear()
			const includeIds = query.ids === 'include'
			await recordExport(
				context.caller.user.id,
				{ file: 'public.csv', year, values: query.values, includeIds, publicEmail: query.inbox },
				context.requestInfo,
			)
			return csvResponse(
				streamOmbRows({
					year,
					values: query.values,
					audience: 'PUBLIC',
					publicEmail: query.inbox,
					includeIds,
				}),
				columnsFor({ audience: 'PUBLIC', includeIds }),
				`cms-ai-use-case-inventory-${year}-public.csv`,
				{ bom: true },
			)
		},
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
		handle: async ({ query, context }) => {
			const year = currentReportingYear()
			const includeIds = query.ids === 'include'
			await recordExport(
				context.caller.user.id,
				{ file: 'public.json', year, values: query.values, includeIds, publicEmail: query.inbox },
				context.requestInfo,
			)
			return jsonResponse(
				{
					format: 'OMB 2025 individual AI use case inventory, public version',
					...cmsAgency,
					year,
					values: query.values,
					generatedAt: new Date().toISOString(),
				},
				jsonRecords(
					streamOmbRows({
						year,
						values: query.values,
						audience: 'PUBLIC',
						publicEmail: query.inbox,
						includeIds,
					}),
					query.values,
				),
				`cms-ai-use-case-inventory-${year}-public.json`,
			)
		},
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
		handle: async ({ context }) => {
			const year = currentReportingYear()
			await recordExport(context.caller.user.id, { file: 'cots.csv', year }, context.requestInfo)
			const rows = await cotsRows(year)
			return csvResponse(rows, cotsColumns, `cms-ai-consolidated-cots-${year}.csv`, { bom: true })
		},
	}),
]
