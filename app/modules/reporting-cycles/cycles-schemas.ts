// The reporting-year forms and addresses.
import { z } from 'zod'
import { multiLineText, wholeNumber } from '#app/utils/input-schemas.ts'
import { ombValueStyles } from '#app/modules/omb-exchange/omb-export.ts'

export const CycleYearParams = z.object({
	year: wholeNumber({ min: 2000, max: 2100, error: 'Reporting years run from 2000 to 2100.' }),
})

export const OpenCycleSchema = z.object({
	year: z
		.number({ error: 'Enter the reporting year, e.g. 2026.' })
		.int('Enter a whole year, e.g. 2026.')
		.min(2000, 'Reporting years run from 2000 to 2100.')
		.max(2100, 'Reporting years run from 2000 to 2100.'),
})

export const CertifyCycleSchema = z.object({
	note: multiLineText({
		error: 'Say what you certify, e.g. that the inventory was reviewed with each component.',
	})
		.min(10, 'Say what you certify in at least 10 characters.')
		.max(2000, 'At most 2,000 characters.'),
	acknowledgeIncomplete: z.boolean().default(false),
})

export const CycleExportQuerySchema = z.object({
	values: z.enum(ombValueStyles).default('selections'),
})
