import { Prisma } from '#app/generated/prisma/client.ts'
import { type Tx } from '#app/utils/db/tx.ts'

/**
 * Recomputes the copies of the linked datasets' categories and sensitivities on these cases, so the
 * inventory filters and counts them from one row. Called whenever links or a dataset change.
 */
export async function refreshDatasetCopies(
	tx: Tx,
	where: { useCaseIds: Array<string> } | { datasetId: string },
) {
	const scope =
		'datasetId' in where
			? Prisma.sql`u."id" IN (SELECT "useCaseId" FROM "UseCaseDataset" WHERE "datasetId" = ${where.datasetId})`
			: where.useCaseIds.length
				? Prisma.sql`u."id" IN (${Prisma.join(where.useCaseIds)})`
				: Prisma.sql`FALSE`
	await tx.$executeRaw`
		UPDATE "UseCase" u SET
			"datasetCategories" = COALESCE((
				SELECT array_agg(DISTINCT d."category" ORDER BY d."category") FROM "UseCaseDataset" l JOIN "Dataset" d ON d."id" = l."datasetId"
				WHERE l."useCaseId" = u."id"
			), ARRAY[]::"DatasetCategory"[]),
			"sensitivities" = COALESCE((
				SELECT array_agg(DISTINCT s ORDER BY s) FROM "UseCaseDataset" l JOIN "Dataset" d ON d."id" = l."datasetId"
				CROSS JOIN LATERAL unnest(d."sensitivities") AS s WHERE l."useCaseId" = u."id"
			), ARRAY[]::"DatasetSensitivity"[])
		WHERE ${scope}`
}
