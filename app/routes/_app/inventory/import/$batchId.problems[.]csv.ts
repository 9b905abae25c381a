import { importProblemsOf } from '#app/modules/omb-exchange/import.server.ts'
import { importViewFrom } from '#app/modules/omb-exchange/import-view.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { idParams } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/$batchId.problems[.]csv.ts'

const Params = idParams('batchId')
const columns = ['row', 'use_case_name', 'column', 'problem', 'message', 'effect'] as const

/** The import's problems, filtered as on its page, to work through in a spreadsheet. */
export async function loader({ request, params }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'import:inventory:any')
	const { batchId } = parseOrBadRequest(Params, params)
	const { fileName, problems } = await importProblemsOf(
		batchId,
		importViewFrom(new URL(request.url).searchParams),
	).catch(throwAsResponse)
	async function* rows() {
		for (const problem of problems) {
			yield {
				row: problem.row === null ? '' : String(problem.row),
				use_case_name: problem.name,
				column: problem.column ?? '',
				problem: problem.kind,
				message: problem.message,
				effect: problem.effect,
			}
		}
	}
	return csvResponse(rows(), columns, `${fileName.replace(/\.csv$/i, '')}-problems.csv`, {
		bom: true,
	})
}
