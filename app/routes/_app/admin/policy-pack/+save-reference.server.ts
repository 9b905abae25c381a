import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { changeDraftPack } from '#app/modules/policies/pack-admin.server.ts'
import { ReferenceFormSchema } from '#app/modules/policies/schemas.ts'
import { AppError, throwAsResponse } from '#app/utils/errors.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'

/**
 * Saves the reference form into the draft pack: a new reference, or the one the address names.
 * A refusal (a stale revision, a clause id taken) comes back on the form with the answers kept.
 */
export async function saveReference(
	actorId: string,
	formData: FormData,
	requestInfo: RequestInfo,
	existingId?: string,
) {
	const submission = parseWithZod(formData, { schema: ReferenceFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { revision, ...reference } = submission.value
	try {
		await changeDraftPack(
			actorId,
			revision,
			existingId === undefined
				? { kind: 'reference', isNew: true, reference }
				: { kind: 'reference', isNew: false, reference: { ...reference, id: existingId } },
			requestInfo,
		)
	} catch (error) {
		if (error instanceof AppError && error.code !== 'NOT_FOUND')
			return data(
				{ result: submission.reply({ formErrors: [error.message] }) },
				{ status: error.status },
			)
		throwAsResponse(error)
	}
	return redirect('/admin/policy-pack?saved=1')
}
