// The SQL that says what the inventory shows of a case beyond its own columns: the checks'
// presumption under the current pack, and whether its review is overdue. Shared by the inventory's
// statements, the facts it keeps in memory and the dashboards.
import { Prisma } from '#app/generated/prisma/client.ts'

const sql = Prisma.sql

// The newest published pack: presumptions and check results are read for its version only.
export const currentPackVersion = sql`(SELECT "version" FROM "PolicyPackVersion" WHERE "status" = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1)`

/** Whether the checks presume the case high-impact (M-25-21 §6): its latest check run against the current pack. */
export const presumedHighImpact = sql`COALESCE((SELECT cr."presumedHighImpact" FROM "CheckRun" cr
	WHERE cr."useCaseId" = u."id" AND cr."packVersion" = ${currentPackVersion}
	ORDER BY cr."useCaseVersion" DESC LIMIT 1), false)`

/** OMB's answer, or one of the two undetermined states; the presumption is looked up only for undetermined cases. */
export const determinationBucket = sql`CASE WHEN u."highImpactDetermination" IS NOT NULL THEN u."highImpactDetermination"::text
	WHEN ${presumedHighImpact} THEN 'PRESUMED_UNDETERMINED' ELSE 'UNDETERMINED' END`

/** Review overdue: past its periodic re-review, a lane open past its due date, or a condition unmet past its due date. */
export const overdue = sql`(u."nextReviewDue" < now()
	OR u."id" IN (SELECT l."useCaseId" FROM "LaneReview" l WHERE l."status" = 'OPEN' AND l."dueOn" < now())
	OR u."id" IN (SELECT dc."useCaseId" FROM "DecisionCondition" dc WHERE dc."metAt" IS NULL AND dc."dueOn" < now()))`

/** When the case falls overdue by the clock: the earliest of the above dates (null: nothing is due). */
export const overdueFrom = sql`LEAST(u."nextReviewDue",
	(SELECT min(l."dueOn") FROM "LaneReview" l WHERE l."useCaseId" = u."id" AND l."status" = 'OPEN'),
	(SELECT min(dc."dueOn") FROM "DecisionCondition" dc WHERE dc."useCaseId" = u."id" AND dc."metAt" IS NULL))`
