// The findings the edit form's unsaved answers would give, for the live preview on the edit page
// (asked for with a plain fetch, see +live-findings.ts), as JSON.
import { parseWithZod } from '@conform-to/zod/v4'
import { UseCaseFormSchema } from '#app/modules/use-cases/schemas.ts'
import { previewEvaluation } from '#app/modules/use-cases/use-cases.server.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/findings-preview.ts'

const Params = idParams('useCaseId')

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUserWithPermission(request, 'update:use-case:own')
	const { useCaseId } = parseOrBadRequest(Params, params)
	const submission = parseWithZod(await request.formData(), { schema: UseCaseFormSchema })
	// Half-typed answers (a link without https://, say) are shown by the form; the preview waits for them.
	if (submission.status !== 'success') return Response.json({ evaluation: null }, { status: 422 })
	try {
		return Response.json({ evaluation: await previewEvaluation(user, useCaseId, submission.value) })
	} catch (error) {
		if (error instanceof AppError && error.code === 'INVALID')
			return Response.json({ evaluation: null }, { status: 422 })
		throwAsResponse(error)
	}
}
