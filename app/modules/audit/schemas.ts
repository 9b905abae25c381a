import { z } from 'zod'

const isoDate = z.iso.date({ error: 'Use a date such as 2026-04-03.' })

export const AuditQuerySchema = z
	.object({
		actor: z.string().trim().max(254).default(''),
		action: z.string().trim().max(100).regex(/^[a-z_.]*$/, 'Actions look like user.access_changed.').default(''),
		entityType: z.string().trim().max(50).regex(/^[A-Za-z]*$/, 'Entity types are single words such as Dataset.').default(''),
		entityId: z.string().trim().max(40).default(''),
		/** A use case by its tracking id: every event recorded against the case. */
		useCase: z
			.string()
			.trim()
			.toUpperCase()
			.regex(/^(CMS-\d{4}-\d{4,})?$/, 'Use cases are named by tracking id, such as CMS-2026-0001.')
			.default(''),
		from: isoDate.optional(),
		to: isoDate.optional(),
		page: z.coerce.number().int().min(1).max(100_000).default(1),
	})
	.refine((query) => !query.from || !query.to || query.from <= query.to, {
		message: '“From” must not be after “to”.',
		path: ['to'],
	})

export type AuditQuery = z.infer<typeof AuditQuerySchema>
