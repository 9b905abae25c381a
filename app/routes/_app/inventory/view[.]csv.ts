import { data } from 'react-router'
import { z } from 'zod'
import {
	determinationFilterLabels,
	inventoryInput,
	type InventoryQuery,
	InventoryQuerySchema,
} from '#app/modules/inventory/inventory-filters.ts'
import {
	facetValueLabel,
	sensitivityShortLabels,
	strictestOf,
} from '#app/modules/inventory/inventory-labels.ts'
import {
	type InventoryRow,
	streamInventoryRows,
} from '#app/modules/inventory/inventory-query.server.ts'
import {
	MAX_BULK_SELECTION,
	bulkInput,
	selectedIds,
} from '#app/modules/inventory/inventory-bulk.ts'
import { useCaseStatusLabels } from '#app/modules/use-cases/vocabulary.ts'
import type { SessionUser } from '#app/utils/auth.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { throwAsResponse } from '#app/utils/errors.ts'
import { recordId } from '#app/utils/input-schemas.ts'
import { parseOrBadRequest } from '#app/utils/params.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import type { Route } from './+types/view[.]csv.ts'

const columns = [
	'tracking_id',
	'name',
	'org_unit',
	'stage',
	'status',
	'high_impact',
	'strictest_sensitivity',
	'sensitivities',
	'dataset_categories',
	'topic_area',
	'classification',
	'vendors',
	'tags',
	'review_round',
	'lanes_open',
	'lanes_total',
	'review_overdue',
	'checks',
	'next_review_due',
	'updated_at',
	'url',
] as const

function csvRow(
	row: InventoryRow,
	origin: string,
): Record<(typeof columns)[number], string | number> {
	const strictest = strictestOf(row.sensitivities)
	return {
		tracking_id: row.trackingId,
		name: row.name,
		org_unit: row.orgUnitCode,
		stage: row.stage ? facetValueLabel('stage', row.stage) : '',
		status: useCaseStatusLabels[row.status],
		high_impact: determinationFilterLabels[row.determination],
		strictest_sensitivity: strictest ? sensitivityShortLabels[strictest] : '',
		sensitivities: row.sensitivities.map((s) => sensitivityShortLabels[s]).join('; '),
		dataset_categories: row.datasetCategories
			.map((c) => facetValueLabel('datasetCategory', c))
			.join('; '),
		topic_area: row.topicArea ? facetValueLabel('topicArea', row.topicArea) : '',
		classification: row.classification ? facetValueLabel('classification', row.classification) : '',
		vendors: row.vendorNames.join('; '),
		tags: row.tags.join('; '),
		review_round: row.reviewRound,
		lanes_open: row.openLanes,
		lanes_total: row.lanes,
		review_overdue: row.overdue ? 'yes' : 'no',
		checks:
			row.checksBlocked === null
				? 'not checked'
				: row.checksBlocked
					? 'blocked'
					: row.checksFailing
						? `${row.checksFailing} failing`
						: 'passing',
		next_review_due: row.nextReviewDue
			? new Date(row.nextReviewDue).toISOString().slice(0, 10)
			: '',
		updated_at: new Date(row.updatedAt).toISOString(),
		url: `${origin}/use-cases/${row.id}`,
	}
}

async function viewCsv(
	user: SessionUser,
	request: Request,
	query: InventoryQuery,
	ids?: Array<string>,
	name = 'inventory-view',
) {
	const origin = new URL(request.url).origin
	const rows = streamInventoryRows(user, query, { ids })
	const stamp = new Date().toISOString().slice(0, 10)
	return csvResponse(
		(async function* () {
			for await (const row of rows) yield csvRow(row, origin)
		})(),
		columns,
		`${name}-${stamp}.csv`,
	).catch(throwAsResponse)
}

/** The rows of an inventory view, exactly as filtered and sorted on screen, all pages. */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUserWithPermission(request, 'read:inventory:any')
	const query = parseOrBadRequest(InventoryQuerySchema, {
		...inventoryInput(new URL(request.url).searchParams),
		page: undefined,
	})
	return viewCsv(user, request, query)
}

const SelectionSchema = z.object({
	ids: z
		.array(recordId())
		.max(MAX_BULK_SELECTION, `Select at most ${MAX_BULK_SELECTION} use cases at a time.`),
})

/** "Export selection as CSV" from the inventory's bulk actions: the ticked rows, in the view's order. */
export async function action({ request }: Route.ActionArgs) {
	const user = await requireUserWithPermission(request, 'bulk-update:use-case:any')
	const form = bulkInput(await request.formData())
	const ids = selectedIds({
		ids: form.ids as Array<string>,
		pageIds: form.pageIds as Array<string>,
		allOnPage: form.allOnPage === 'on' ? 'on' : undefined,
	})
	const { ids: valid } = parseOrBadRequest(SelectionSchema, { ids })
	if (valid.length === 0)
		throw data({ message: 'Select at least one use case to export.' }, { status: 400 })
	const returnTo = typeof form.returnTo === 'string' ? form.returnTo : ''
	const view = parseOrBadRequest(InventoryQuerySchema, {
		...inventoryInput(new URLSearchParams(returnTo.replace(/^\?/, ''))),
		page: undefined,
	})
	return viewCsv(
		user,
		request,
		{ ...InventoryQuerySchema.parse({}), sort: view.sort, dir: view.dir },
		valid,
		'inventory-selection',
	)
}
