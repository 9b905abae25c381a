// A comment on a use case, as the case page's form and the REST API and MCP server send it.
import { z } from 'zod'

export const CommentFormSchema = z.object({
	body: z
		.string({ error: 'Write the comment (at least 3 characters).' })
		.trim()
		.min(3, 'Write the comment (at least 3 characters).')
		.max(5000, 'At most 5,000 characters.'),
	/** The field the comment is about, as a document path such as `practices.testing`. */
	fieldPath: z.string().max(80).regex(/^[A-Za-z.]+$/).optional(),
	/** The comment this one replies to. */
	parentId: z.string().max(40).optional(),
})
