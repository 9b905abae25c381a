// The public site's downloads: the public OMB file (CSV or JSON, OMB's template selections or its
// CSV shorthand codes) of the inventory as it stands, from the snapshot the pages show, and of a
// certified reporting year, from the year's frozen snapshot through the same public projection.
import { z } from 'zod'
import { streamCycleRows } from '#app/modules/reporting-cycles/cycles.server.ts'
import {
	cmsAgency,
	convertOmbRow,
	type OmbRow,
	type OmbValueStyle,
	publicColumns,
	publicVersionOfRow,
} from '#app/modules/omb-exchange/omb-export.ts'
import { jsonRecords, jsonResponse } from '#app/modules/omb-exchange/omb-export.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type PublicRow } from './public-inventory.ts'
import { publicFileOptions, type PublicSnapshot } from './public-snapshot.server.ts'

export type DownloadEdition = { kind: 'live' } | { kind: 'certified'; year: number }

/** `current` (the inventory as it stands) or a certified reporting year, as the download addresses name them. */
export const EditionParamsSchema = z.object({
	edition: z.union([
		z.literal('current'),
		z.string().regex(/^\d{4}$/, 'The edition is “current” or a reporting year such as 2025.'),
	]),
})

/** The download of an edition, or a 404 for a year that was not certified. */
export async function downloadEdition(edition: string): Promise<DownloadEdition> {
	if (edition === 'current') return { kind: 'live' }
	const year = Number(edition)
	if (!(await isCertifiedYear(year)))
		throw new AppError('NOT_FOUND', `CMS has not published a certified inventory for ${year}.`)
	return { kind: 'certified', year }
}

/** The live public file's rows in the requested style: the snapshot's rows, which are the public export's. */
export async function* liveRows(
	snapshot: PublicSnapshot,
	values: OmbValueStyle,
): AsyncGenerator<PublicRow> {
	for (const row of snapshot.rows)
		yield values === publicFileOptions.values
			? row
			: convertOmbRow(row as OmbRow, publicFileOptions.values, values)
}

/** A reporting year's rows as frozen when the year was opened, through the public projection. */
export async function* certifiedRows(
	year: number,
	values: OmbValueStyle,
): AsyncGenerator<PublicRow> {
	for await (const row of streamCycleRows(year, values)) {
		const published = publicVersionOfRow(row, {
			values,
			publicEmail: publicFileOptions.publicEmail,
			includeIds: publicFileOptions.includeIds,
		})
		if (published) yield published
	}
}

/** Whether a year's submission was certified (only a certified year is published). */
export async function isCertifiedYear(year: number) {
	const cycle = await prisma.inventoryCycle.findUnique({
		where: { year },
		select: { certifiedAt: true },
	})
	return Boolean(cycle?.certifiedAt)
}

function fileName(edition: DownloadEdition, snapshot: PublicSnapshot, extension: 'csv' | 'json') {
	return edition.kind === 'live'
		? `cms-ai-use-case-inventory-${snapshot.year}-current-public.${extension}`
		: `cms-ai-use-case-inventory-${edition.year}-certified-public.${extension}`
}

function rowsOf(edition: DownloadEdition, snapshot: PublicSnapshot, values: OmbValueStyle) {
	return edition.kind === 'live' ? liveRows(snapshot, values) : certifiedRows(edition.year, values)
}

export function publicCsvDownload(
	edition: DownloadEdition,
	snapshot: PublicSnapshot,
	values: OmbValueStyle,
) {
	return csvResponse(
		rowsOf(edition, snapshot, values),
		publicColumns(publicFileOptions.includeIds),
		fileName(edition, snapshot, 'csv'),
		{ bom: true },
	)
}

export function publicJsonDownload(
	edition: DownloadEdition,
	snapshot: PublicSnapshot,
	values: OmbValueStyle,
) {
	const about =
		edition.kind === 'live'
			? { edition: 'current', year: snapshot.year, asOf: snapshot.builtAt.toISOString() }
			: { edition: 'certified', year: edition.year }
	return jsonResponse(
		{
			format: 'OMB 2025 individual AI use case inventory, public version',
			...cmsAgency,
			...about,
			values,
		},
		jsonRecords(rowsOf(edition, snapshot, values), values),
		fileName(edition, snapshot, 'json'),
	)
}
