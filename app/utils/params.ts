import { data } from 'react-router'
import { type z } from 'zod'

/** Route params and search params are user input too: parse them, and answer 400 (not 500) when they are wrong. */
export function parseOrBadRequest<Schema extends z.ZodType>(
	schema: Schema,
	input: unknown,
): z.infer<Schema> {
	const result = schema.safeParse(input)
	if (result.success) return result.data
	const problems = result.error.issues.map(
		(issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`,
	)
	throw data({ message: `The address is not valid (${problems.join('; ')}).` }, { status: 400 })
}

/** Search params as an object; an empty value (a filter left on "All") counts as absent. */
export function searchParamsOf(request: Request) {
	return Object.fromEntries(
		[...new URL(request.url).searchParams].filter(([, value]) => value !== ''),
	)
}
