// The inventory's download files, each audited as it is handed out: the same for the export page's
// links and for the REST API, so both give the same file under the same record.
import { csvResponse } from '#app/utils/csv.server.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { type ExportQuery, type PublicExportQuery } from './omb-export-query.ts'
import {
	columnsFor,
	cotsColumns,
	cotsRows,
	currentReportingYear,
	jsonRecords,
	jsonResponse,
	recordExport,
	streamOmbRows,
} from './omb-export.server.ts'
import { cmsAgency } from './omb-export.ts'

/** Who takes the file, for the audit trail. */
export type Downloader = { actorId: string; request: RequestInfo }

const about = (format: string, year: number, values: ExportQuery['values']) => ({
	format,
	...cmsAgency,
	year,
	values,
	generatedAt: new Date().toISOString(),
})

/** OMB's 2025 individual use case inventory, every reported case, as CSV. */
export async function ombCsvDownload({ values }: ExportQuery, by: Downloader) {
	const year = currentReportingYear()
	await recordExport(by.actorId, { file: 'omb.csv', year, values }, by.request)
	return csvResponse(
		streamOmbRows({ year, values, audience: 'OMB' }),
		columnsFor({ audience: 'OMB' }),
		`cms-ai-use-case-inventory-${year}${values === 'codes' ? '-codes' : ''}.csv`,
		{ bom: true },
	)
}

/** The same inventory as JSON: OMB's columns as keys, select-multiple answers as arrays. */
export async function ombJsonDownload({ values }: ExportQuery, by: Downloader) {
	const year = currentReportingYear()
	await recordExport(by.actorId, { file: 'omb.json', year, values }, by.request)
	return jsonResponse(
		about('OMB 2025 individual AI use case inventory', year, values),
		jsonRecords(streamOmbRows({ year, values, audience: 'OMB' }), values),
		`cms-ai-use-case-inventory-${year}.json`,
	)
}

/** Records a public file's export and says which rows it holds. */
async function recordPublicExport(query: PublicExportQuery, file: string, by: Downloader) {
	const year = currentReportingYear()
	const includeIds = query.ids === 'include'
	const options = {
		year,
		values: query.values,
		audience: 'PUBLIC' as const,
		publicEmail: query.inbox,
		includeIds,
	}
	await recordExport(
		by.actorId,
		{ file, year, values: query.values, includeIds, publicEmail: query.inbox },
		by.request,
	)
	return { year, includeIds, options }
}

/** The public inventory for cms.gov/ai: withheld cases removed, protected details blanked, the public inbox as contact. */
export async function publicCsvDownload(query: PublicExportQuery, by: Downloader) {
	const { year, includeIds, options } = await recordPublicExport(query, 'public.csv', by)
	return csvResponse(
		streamOmbRows(options),
		columnsFor({ audience: 'PUBLIC', includeIds }),
		`cms-ai-use-case-inventory-${year}-public.csv`,
		{ bom: true },
	)
}

/** The public inventory as JSON. */
export async function publicJsonDownload(query: PublicExportQuery, by: Downloader) {
	const { year, options } = await recordPublicExport(query, 'public.json', by)
	return jsonResponse(
		about('OMB 2025 individual AI use case inventory, public version', year, query.values),
		jsonRecords(streamOmbRows(options), query.values),
		`cms-ai-use-case-inventory-${year}-public.json`,
	)
}

/** OMB's consolidated reporting of the 20 common commercial AI tasks: one row per task. */
export async function cotsCsvDownload(by: Downloader) {
	const year = currentReportingYear()
	await recordExport(by.actorId, { file: 'cots.csv', year }, by.request)
	const rows = await cotsRows(year)
	return csvResponse(rows, cotsColumns, `cms-ai-consolidated-cots-${year}.csv`, { bom: true })
}
