// What the export addresses accept: ?values=codes for OMB's shorthand codes, and for the public
// file ?ids=omit (drop the Use Case ID column) and ?inbox=<address> (another public contact).
import { z } from 'zod'
import { pageNumber } from '#app/utils/input-schemas.ts'
import { DEFAULT_PUBLIC_EMAIL, ombValueStyles } from './omb-export.ts'

export const ExportQuerySchema = z.object({
	values: z.enum(ombValueStyles).default('selections'),
})

export type ExportQuery = z.infer<typeof ExportQuerySchema>

export const PublicExportQuerySchema = ExportQuerySchema.extend({
	ids: z.enum(['include', 'omit']).default('include'),
	inbox: z
		.email('The public inbox must be an e-mail address.')
		.max(254)
		.default(DEFAULT_PUBLIC_EMAIL),
})

export type PublicExportQuery = z.infer<typeof PublicExportQuerySchema>

export const ExportPageQuerySchema = ExportQuerySchema.extend({
	page: pageNumber(10_000),
})
