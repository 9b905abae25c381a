// The exports' read of the cases a year reports, one page at a time, in one SQL statement.
//
// Prisma's nested read of the same page (`exportSelect`: the case, its org unit, owner, waivers,
// pilot certification, review lanes, practice records and datasets) issues a query per relation and
// joins them in JavaScript: 8.5 s of this process's CPU and 12.3 s in all for 85,000 cases, against
// 2.0 s and 5.0 s here, where PostgreSQL builds each case as one JSON object. The result has the
// type `exportSelect` gives, and a test reads every demo case both ways and expects the same objects,
// so a field added to `exportSelect` and not here fails that test.
import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { useCaseSelect } from '#app/modules/use-cases/use-case-record.server.ts'
import { type Tx } from '#app/utils/db/tx.ts'
import { reportedStatuses } from './omb-scope.ts'

/**
 * `useCaseSelect` less who is listed on the case and who recorded the determination: `toDocument`
 * reads neither. A test checks that the document is the same as from the full select, so a change
 * to `toDocument` cannot go unnoticed.
 */
export const exportSelect = {
	...useCaseSelect,
	contacts: false,
	participants: false,
	determinedBy: false,
} as const satisfies Prisma.UseCaseSelect

export type ExportedUseCase = Prisma.UseCaseGetPayload<{ select: typeof exportSelect }>

const sql = Prisma.sql

// Each case as JSON. Timestamps come out as ISO text without a zone (Prisma keeps them in UTC),
// DATE columns as YYYY-MM-DD: `revive` turns both back into the Date objects Prisma returns.
const exportedCaseJson = sql`json_build_object(
	'id', u."id", 'trackingId', u."trackingId", 'status', u."status", 'name', u."name",
	'version', u."version", 'createdAt', u."createdAt", 'updatedAt', u."updatedAt",
	'submittedAt', u."submittedAt", 'createdById', u."createdById", 'ownerId', u."ownerId",
	'contactEmail', u."contactEmail", 'isWithheld', u."isWithheld", 'stage', u."stage",
	'topicArea', u."topicArea", 'classification', u."classification",
	'problemSolved', u."problemSolved", 'benefits', u."benefits", 'systemOutputs', u."systemOutputs",
	'contractingUsage', u."contractingUsage", 'vendorNames', u."vendorNames",
	'decisionRole', u."decisionRole", 'generativeAi', u."generativeAi",
	'publicFacing', u."publicFacing", 'hosting', u."hosting",
	'highImpactDetermination', u."highImpactDetermination", 'answers', u."answers",
	'orgUnitId', u."orgUnitId",
	'orgUnit', json_build_object('code', o."code", 'name', o."name", 'shortName', o."shortName"),
	'owner', json_build_object('name', owner."name", 'email', owner."email"),
	'determinedAt', u."determinedAt", 'reviewRound', u."reviewRound", 'decidedAt', u."decidedAt",
	'nextReviewDue', u."nextReviewDue",
	'waivers', COALESCE((
		SELECT json_agg(json_build_object('practice', w."practice", 'grantedOn', w."grantedOn",
			'expiresOn', w."expiresOn", 'reportedToOmbOn', w."reportedToOmbOn",
			'recertifiedOn', w."recertifiedOn", 'revokedOn', w."revokedOn")
			ORDER BY w."grantedOn", w."createdAt")
		FROM "Waiver" w WHERE w."useCaseId" = u."id"), '[]'),
	'pilotCertifications', COALESCE((
		SELECT json_agg(json_build_object('certifiedOn', p."certifiedOn", 'endsOn', p."endsOn",
			'scaleLimit', p."scaleLimit"))
		FROM (SELECT * FROM "PilotCertification" p WHERE p."useCaseId" = u."id" AND p."revokedOn" IS NULL
			ORDER BY p."certifiedOn" DESC LIMIT 1) p), '[]'),
	'laneReviews', COALESCE((
		SELECT json_agg(json_build_object('lane', l."lane", 'status', l."status",
			'assigneeId', l."assigneeId") ORDER BY l."round", l."lane")
		FROM "LaneReview" l WHERE l."useCaseId" = u."id"), '[]'),
	'practiceRecords', COALESCE((
		SELECT json_agg(json_build_object('practice', r."practice", 'evidenceUrl', r."evidenceUrl",
			'documentedOn', r."documentedOn") ORDER BY r."practice")
		FROM "PracticeRecord" r WHERE r."useCaseId" = u."id"), '[]'),
	'datasets', COALESCE((
		SELECT json_agg(json_build_object('usages', d."usages",
			'minimumNecessaryJustification', d."minimumNecessaryJustification",
			'dataset', json_build_object('id', s."id", 'name', s."name", 'category', s."category",
				'sensitivities', s."sensitivities", 'sornNumber', s."sornNumber", 'piaUrl', s."piaUrl",
				'dataUseAgreementRequired', s."dataUseAgreementRequired",
				'fismaSystem', s."fismaSystem")) ORDER BY s."name")
		FROM "UseCaseDataset" d JOIN "Dataset" s ON s."id" = d."datasetId"
		WHERE d."useCaseId" = u."id"), '[]')
)::text`

/**
 * The cases a year's inventory reports, in SQL: every status past the draft that was not withdrawn
 * or rejected, less the retired cases an earlier year's snapshot already reported as retired.
 */
function reportedIn(year: number) {
	return sql`u."status"::text IN (${Prisma.join(reportedStatuses)})
		AND NOT ((u."stage" = 'RETIRED' OR u."status" = 'RETIRED') AND EXISTS (
			SELECT 1 FROM "InventoryCycleEntry" e JOIN "InventoryCycle" c ON c."id" = e."cycleId"
			WHERE e."useCaseId" = u."id" AND e."stage" = 'RETIRED' AND c."year" < ${year}))`
}

type Stored<T> = T extends Date
	? string
	: T extends Array<infer Item>
		? Array<Stored<Item>>
		: T extends Record<string, unknown>
			? { [Key in keyof T]: Stored<T[Key]> }
			: T

// Timestamps without a zone are UTC; a DATE's "YYYY-MM-DD" is read as UTC midnight by Date.
const timestamp = (value: string | null) => (value === null ? null : new Date(`${value}Z`))
const day = (value: string | null) => (value === null ? null : new Date(value))

function revive(stored: Stored<ExportedUseCase>): ExportedUseCase {
	return {
		...stored,
		createdAt: new Date(`${stored.createdAt}Z`),
		updatedAt: new Date(`${stored.updatedAt}Z`),
		submittedAt: timestamp(stored.submittedAt),
		determinedAt: timestamp(stored.determinedAt),
		decidedAt: timestamp(stored.decidedAt),
		nextReviewDue: timestamp(stored.nextReviewDue),
		waivers: stored.waivers.map((waiver) => ({
			...waiver,
			grantedOn: new Date(waiver.grantedOn),
			expiresOn: day(waiver.expiresOn),
			reportedToOmbOn: day(waiver.reportedToOmbOn),
			recertifiedOn: day(waiver.recertifiedOn),
			revokedOn: day(waiver.revokedOn),
		})),
		pilotCertifications: stored.pilotCertifications.map((pilot) => ({
			...pilot,
			certifiedOn: new Date(pilot.certifiedOn),
			endsOn: new Date(pilot.endsOn),
		})),
		practiceRecords: stored.practiceRecords.map((record) => ({
			...record,
			documentedOn: day(record.documentedOn),
		})),
	}
}

/** Up to `take` of the year's reported cases after `after` (a tracking id), in tracking-id order. */
export async function readReportedPage(
	client: PrismaClient | Tx,
	options: { year: number; after: string | undefined; take: number },
): Promise<Array<ExportedUseCase>> {
	const rows = await client.$queryRaw<Array<{ useCase: string }>>(sql`
		SELECT ${exportedCaseJson} AS "useCase"
		FROM "UseCase" u
		JOIN "OrgUnit" o ON o."id" = u."orgUnitId"
		JOIN "User" owner ON owner."id" = u."ownerId"
		WHERE ${reportedIn(options.year)}
			${options.after === undefined ? Prisma.empty : sql`AND u."trackingId" > ${options.after}`}
		ORDER BY u."trackingId"
		LIMIT ${options.take}`)
	return rows.map((row) => revive(JSON.parse(row.useCase) as Stored<ExportedUseCase>))
}
