import { z } from 'zod'
import { isoDay, pageNumber, singleLineText } from '#app/utils/input-schemas.ts'

const isoDate = isoDay()

export const AuditQuerySchema = z
	.object({
		actor: singleLineText().max(254, 'At most 254 characters.').default(''),
		action: singleLineText()
			.max(100)
			.regex(/^[a-z_.]*$/, 'Actions look like user.access_changed.')
			.default(''),
		entityType: singleLineText()
			.max(50)
			.regex(/^[A-Za-z]*$/, 'Entity types are single words such as Dataset.')
			.default(''),
		entityId: singleLineText()
			.max(64, 'Record ids are at most 64 characters.')
			.regex(/^[A-Za-z0-9_:.-]*$/, 'Record ids are letters, digits and - _ : .')
			.default(''),
		/** A use case by its tracking id: every event recorded against the case. */
		useCase: singleLineText()
			.toUpperCase()
			.regex(/^(CMS-\d{4}-\d{4,})?$/, 'Use cases are named by tracking id, such as CMS-2026-0001.')
			.default(''),
		from: isoDate.optional(),
		to: isoDate.optional(),
		page: pageNumber(),
	})
	.refine((query) => !query.from || !query.to || query.from <= query.to, {
		message: '“From” must not be after “to”.',
		path: ['to'],
	})

export type AuditQuery = z.infer<typeof AuditQuerySchema>
