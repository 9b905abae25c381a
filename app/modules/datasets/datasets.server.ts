import { type Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { refreshDatasetCopies } from '#app/modules/use-cases/dataset-copies.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { rolesGrant } from '#app/utils/permissions.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import {
	type DatasetCategoryKey,
	type DatasetFormValues,
	type DatasetSensitivityKey,
} from './schemas.ts'

export const DATASETS_PAGE_SIZE = 25

export type DatasetListFilters = {
	q: string
	category?: DatasetCategoryKey
	sensitivity?: DatasetSensitivityKey
	page: number
}

// Prisma's `has` on an enum array sends a scalar where PGlite's adapter expects an array
// ("malformed array literal"), so the sensitivity filter is resolved to ids with plain SQL.
async function idsWithSensitivity(sensitivity: DatasetSensitivityKey) {
	const rows = await prisma.$queryRaw<Array<{ id: string }>>`
		SELECT id FROM "Dataset" WHERE ${sensitivity}::"DatasetSensitivity" = ANY("sensitivities")`
	return rows.map((row) => row.id)
}

async function whereFor(
	filters: Omit<DatasetListFilters, 'page'>,
): Promise<Prisma.DatasetWhereInput> {
	return {
		...(filters.q
			? {
					OR: [
						{ name: { contains: filters.q, mode: 'insensitive' } },
						{ description: { contains: filters.q, mode: 'insensitive' } },
						{ sornNumber: { contains: filters.q } },
						{ fismaSystem: { contains: filters.q, mode: 'insensitive' } },
					],
				}
			: {}),
		...(filters.category ? { category: filters.category } : {}),
		...(filters.sensitivity ? { id: { in: await idsWithSensitivity(filters.sensitivity) } } : {}),
	}
}

export async function listDatasets(filters: DatasetListFilters) {
	const where = await whereFor(filters)
	const [total, datasets, byCategory] = await Promise.all([
		prisma.dataset.count({ where }),
		prisma.dataset.findMany({
			where,
			orderBy: { name: 'asc' },
			skip: (filters.page - 1) * DATASETS_PAGE_SIZE,
			take: DATASETS_PAGE_SIZE,
			select: {
				id: true,
				name: true,
				category: true,
				sensitivities: true,
				sornNumber: true,
				orgUnit: { select: { shortName: true } },
				steward: { select: { name: true } },
			},
		}),
		// Counts per category for the filter, under the other filters.
		prisma.dataset.groupBy({
			by: ['category'],
			where: await whereFor({ ...filters, category: undefined }),
			_count: { _all: true },
		}),
	])
	const categoryCounts = Object.fromEntries(
		byCategory.map((row) => [row.category, row._count._all]),
	) as Partial<Record<DatasetCategoryKey, number>>
	return { total, datasets, categoryCounts }
}

export async function getDataset(datasetId: string) {
	const dataset = await prisma.dataset.findUnique({
		where: { id: datasetId },
		select: {
			id: true,
			name: true,
			description: true,
			category: true,
			sensitivities: true,
			sornNumber: true,
			piaUrl: true,
			dataUseAgreementRequired: true,
			fismaSystem: true,
			federalDataCatalogUrl: true,
			version: true,
			updatedAt: true,
			orgUnitId: true,
			orgUnit: { select: { code: true, name: true } },
			stewardId: true,
			steward: { select: { name: true, email: true } },
		},
	})
	if (!dataset) throw new AppError('NOT_FOUND', 'No dataset has this id.')
	return dataset
}

/** The use cases that touch a dataset: submitted ones for everyone, drafts only for people on them. */
export async function listUseCasesTouching(datasetId: string, userId: string) {
	const links = await prisma.useCaseDataset.findMany({
		where: {
			datasetId,
			useCase: {
				status: { not: 'WITHDRAWN' },
				OR: [
					{ status: { not: 'DRAFT' } },
					{ createdById: userId },
					{ ownerId: userId },
					{ contacts: { some: { userId } } },
				],
			},
		},
		orderBy: { useCase: { trackingId: 'asc' } },
		select: {
			usages: true,
			useCase: { select: { id: true, trackingId: true, name: true, status: true, stage: true } },
		},
	})
	return links.map((link) => ({ ...link.useCase, usages: link.usages }))
}

/** Administrators edit any dataset; a steward edits the datasets they steward. */
export function canEditDataset(user: SessionUser, dataset: { stewardId: string | null }) {
	const roles = user.roles.map((r) => r.role)
	return (
		rolesGrant(roles, 'update:dataset:any') ||
		(dataset.stewardId === user.id && rolesGrant(roles, 'update:dataset:own'))
	)
}

/** The units a record can be filed under: the active ones, and the one it is under now (which may have been deactivated). */
export async function listOrgUnitOptions(currentId?: string | null) {
	return prisma.orgUnit.findMany({
		where: { OR: [{ active: true }, ...(currentId ? [{ id: currentId }] : [])] },
		orderBy: { code: 'asc' },
		select: { id: true, code: true, name: true },
	})
}

async function resolveReferences(tx: Prisma.TransactionClient, values: DatasetFormValues) {
	const orgUnit = await tx.orgUnit.findUnique({
		where: { id: values.orgUnitId },
		select: { id: true },
	})
	if (!orgUnit) throw new AppError('INVALID', 'That org unit does not exist.')
	if (!values.stewardEmail) return { orgUnitId: orgUnit.id, stewardId: null }
	const steward = await tx.user.findUnique({
		where: { email: values.stewardEmail },
		select: { id: true, active: true },
	})
	if (!steward || !steward.active)
		throw new AppError('INVALID', `No active user has the e-mail ${values.stewardEmail}.`)
	return { orgUnitId: orgUnit.id, stewardId: steward.id }
}

function slugify(name: string) {
	return name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80)
}

function fieldsOf(values: DatasetFormValues) {
	return {
		name: values.name,
		description: values.description,
		category: values.category,
		sensitivities: [...new Set(values.sensitivities)],
		sornNumber: values.sornNumber ?? null,
		piaUrl: values.piaUrl ?? null,
		dataUseAgreementRequired: values.dataUseAgreementRequired,
		fismaSystem: values.fismaSystem ?? null,
		federalDataCatalogUrl: values.federalDataCatalogUrl ?? null,
	}
}

export async function createDataset(
	actorId: string,
	values: DatasetFormValues,
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const references = await resolveReferences(tx, values)
		const base = slugify(values.name) || 'dataset'
		const taken = await tx.dataset.count({ where: { slug: { startsWith: base } } })
		const dataset = await tx.dataset.create({
			data: { ...fieldsOf(values), ...references, slug: taken ? `${base}-${taken + 1}` : base },
			select: { id: true },
		})
		await recordEvent(tx, {
			actorId,
			action: 'dataset.created',
			entityType: 'Dataset',
			entityId: dataset.id,
			after: { ...fieldsOf(values), ...references },
			request,
		})
		return dataset
	})
}

export async function updateDataset(
	actor: SessionUser,
	datasetId: string,
	values: DatasetFormValues,
	expectedVersion: number,
	request: RequestInfo,
) {
	return prisma.$transaction(async (tx) => {
		const before = await tx.dataset.findUnique({ where: { id: datasetId } })
		if (!before) throw new AppError('NOT_FOUND', 'No dataset has this id.')
		if (!canEditDataset(actor, before)) {
			throw new AppError('FORBIDDEN', 'Only administrators and this dataset’s steward can edit it.')
		}
		const references = await resolveReferences(tx, values)
		const updated = await tx.dataset.updateMany({
			where: { id: datasetId, version: expectedVersion },
			data: { ...fieldsOf(values), ...references, version: { increment: 1 } },
		})
		if (updated.count === 0) {
			throw new AppError(
				'CONFLICT',
				'Someone else saved this dataset after you opened it. Your changes are still in the form: review the latest version (reload in another tab), then save again.',
			)
		}
		await refreshDatasetCopies(tx, { datasetId })
		const { createdAt: _c, updatedAt: _u, version: _v, id: _id, slug: _s, ...beforeFields } = before
		await recordEvent(tx, {
			actorId: actor.id,
			action: 'dataset.updated',
			entityType: 'Dataset',
			entityId: datasetId,
			before: beforeFields,
			after: { ...fieldsOf(values), ...references },
			request,
		})
	})
}
