import { z } from 'zod'

/**
 * The optional key field of a create form (see form-submission.server.ts); a form without it (an
 * older page, a script) creates every time.
 */
export const submissionKeySchema = z
	.string()
	.regex(/^[A-Za-z0-9-]{16,64}$/)
	.optional()
