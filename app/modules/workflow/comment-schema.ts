// A comment on a use case, as the case page's form and the REST API and MCP server send it.
import { z } from 'zod'
import { multiLineText, recordId } from '#app/utils/input-schemas.ts'

const bodyMessage = 'Write the comment (at least 3 characters).'

export const CommentFormSchema = z.object({
	body: multiLineText({ error: bodyMessage })
		.min(3, bodyMessage)
		.max(5000, 'At most 5,000 characters.'),
	/** The field the comment is about, as a document path such as `practices.testing`. */
	fieldPath: z
		.string()
		.max(80)
		.regex(/^[A-Za-z][A-Za-z0-9.]*$/)
		.optional(),
	/** The comment this one replies to. */
	parentId: recordId().optional(),
})
