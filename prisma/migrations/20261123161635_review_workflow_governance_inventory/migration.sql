-- CreateEnum
CREATE TYPE "UseCaseSource" AS ENUM ('TRACKER', 'IMPORT');

-- CreateEnum
CREATE TYPE "LaneStatus" AS ENUM ('OPEN', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "LaneOrigin" AS ENUM ('CHECKS', 'LEAD');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED');

-- CreateEnum
CREATE TYPE "MinimumPracticeName" AS ENUM ('TESTING', 'IMPACT_ASSESSMENT', 'MONITORING', 'TRAINING', 'FAILSAFE', 'APPEAL', 'PUBLIC_CONSULTATION');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('SUBMITTED', 'ASSIGNED', 'CHANGES_REQUESTED', 'RESUBMITTED', 'LANE_DECIDED', 'DECIDED', 'MENTIONED', 'COMMENTED', 'DUE_SOON', 'OVERDUE', 'REOPENED');

-- CreateEnum
CREATE TYPE "EmailDelivery" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEW', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "datasetCategories" "DatasetCategory"[] DEFAULT ARRAY[]::"DatasetCategory"[],
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "nextReviewDue" TIMESTAMP(3),
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "reviewRound" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sensitivities" "DatasetSensitivity"[] DEFAULT ARRAY[]::"DatasetSensitivity"[],
ADD COLUMN     "source" "UseCaseSource" NOT NULL DEFAULT 'TRACKER',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "LaneReview" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "lane" "ReviewLane" NOT NULL,
    "origin" "LaneOrigin" NOT NULL DEFAULT 'CHECKS',
    "status" "LaneStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "assignedById" TEXT,
    "assignedAt" TIMESTAMP(3),
    "dueOn" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "note" TEXT,
    "decidedOnVersion" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LaneReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "useCaseVersion" INTEGER NOT NULL,
    "snapshotNumber" INTEGER NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionCondition" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "metAt" TIMESTAMP(3),
    "metById" TEXT,
    "metNote" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DecisionCondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "fieldPath" TEXT,
    "lane" "ReviewLane",
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UseCaseStatusChange" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "fromStatus" "UseCaseStatus" NOT NULL,
    "toStatus" "UseCaseStatus" NOT NULL,
    "actorId" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UseCaseStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Waiver" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "practice" "MinimumPracticeName" NOT NULL,
    "riskAssessment" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "grantedOn" DATE NOT NULL,
    "expiresOn" DATE,
    "reportedToOmbOn" DATE,
    "recertifiedOn" DATE,
    "revokedOn" DATE,
    "revokedById" TEXT,
    "revocationReason" TEXT,
    "revocationReportedOn" DATE,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Waiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotCertification" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "certifiedById" TEXT NOT NULL,
    "certifiedOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "scaleLimit" TEXT NOT NULL,
    "optOut" TEXT,
    "revokedOn" DATE,
    "revokedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PilotCertification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeRecord" (
    "useCaseId" TEXT NOT NULL,
    "practice" "MinimumPracticeName" NOT NULL,
    "evidenceUrl" TEXT,
    "ownerId" TEXT,
    "documentedOn" DATE,
    "note" TEXT,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PracticeRecord_pkey" PRIMARY KEY ("useCaseId","practice")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "useCaseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailStatus" "EmailDelivery" NOT NULL DEFAULT 'SKIPPED',
    "emailAttempts" INTEGER NOT NULL DEFAULT 0,
    "emailSentAt" TIMESTAMP(3),
    "emailError" TEXT,
    "dedupeKey" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryCycle" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "certifiedById" TEXT,
    "certifiedAt" TIMESTAMP(3),
    "certificationNote" TEXT,

    CONSTRAINT "InventoryCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryCycleEntry" (
    "cycleId" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "trackingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "UseCaseStatus" NOT NULL,
    "stage" "Stage",
    "row" JSONB NOT NULL,
    "missing" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "InventoryCycleEntry_pkey" PRIMARY KEY ("cycleId","useCaseId")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "content" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LaneReview_assigneeId_status_idx" ON "LaneReview"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "LaneReview_lane_status_idx" ON "LaneReview"("lane", "status");

-- CreateIndex
CREATE INDEX "LaneReview_status_dueOn_idx" ON "LaneReview"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "LaneReview_useCaseId_round_lane_key" ON "LaneReview"("useCaseId", "round", "lane");

-- CreateIndex
CREATE INDEX "Decision_useCaseId_decidedAt_idx" ON "Decision"("useCaseId", "decidedAt");

-- CreateIndex
CREATE INDEX "Decision_decidedAt_idx" ON "Decision"("decidedAt");

-- CreateIndex
CREATE INDEX "DecisionCondition_useCaseId_idx" ON "DecisionCondition"("useCaseId");

-- CreateIndex
CREATE INDEX "DecisionCondition_metAt_dueOn_idx" ON "DecisionCondition"("metAt", "dueOn");

-- CreateIndex
CREATE INDEX "DecisionCondition_ownerId_metAt_idx" ON "DecisionCondition"("ownerId", "metAt");

-- CreateIndex
CREATE INDEX "Comment_useCaseId_createdAt_idx" ON "Comment"("useCaseId", "createdAt");

-- CreateIndex
CREATE INDEX "UseCaseStatusChange_useCaseId_changedAt_idx" ON "UseCaseStatusChange"("useCaseId", "changedAt");

-- CreateIndex
CREATE INDEX "UseCaseStatusChange_toStatus_changedAt_idx" ON "UseCaseStatusChange"("toStatus", "changedAt");

-- CreateIndex
CREATE INDEX "Waiver_useCaseId_idx" ON "Waiver"("useCaseId");

-- CreateIndex
CREATE INDEX "Waiver_revokedOn_grantedOn_idx" ON "Waiver"("revokedOn", "grantedOn");

-- CreateIndex
CREATE INDEX "PilotCertification_useCaseId_idx" ON "PilotCertification"("useCaseId");

-- CreateIndex
CREATE INDEX "PilotCertification_endsOn_idx" ON "PilotCertification"("endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_emailStatus_createdAt_idx" ON "Notification"("emailStatus", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryCycle_year_key" ON "InventoryCycle"("year");

-- CreateIndex
CREATE INDEX "InventoryCycleEntry_cycleId_trackingId_idx" ON "InventoryCycleEntry"("cycleId", "trackingId");

-- CreateIndex
CREATE UNIQUE INDEX "UseCase_importKey_key" ON "UseCase"("importKey");

-- CreateIndex
CREATE INDEX "UseCase_topicArea_idx" ON "UseCase"("topicArea");

-- CreateIndex
CREATE INDEX "UseCase_classification_idx" ON "UseCase"("classification");

-- CreateIndex
CREATE INDEX "UseCase_nextReviewDue_idx" ON "UseCase"("nextReviewDue");

-- CreateIndex
CREATE INDEX "UseCase_tags_idx" ON "UseCase" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "UseCase_datasetCategories_idx" ON "UseCase" USING GIN ("datasetCategories");

-- CreateIndex
CREATE INDEX "UseCase_sensitivities_idx" ON "UseCase" USING GIN ("sensitivities");

-- CreateIndex
CREATE INDEX "UseCase_vendorNames_idx" ON "UseCase" USING GIN ("vendorNames");

-- AddForeignKey
ALTER TABLE "LaneReview" ADD CONSTRAINT "LaneReview_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaneReview" ADD CONSTRAINT "LaneReview_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaneReview" ADD CONSTRAINT "LaneReview_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaneReview" ADD CONSTRAINT "LaneReview_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionCondition" ADD CONSTRAINT "DecisionCondition_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionCondition" ADD CONSTRAINT "DecisionCondition_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionCondition" ADD CONSTRAINT "DecisionCondition_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionCondition" ADD CONSTRAINT "DecisionCondition_metById_fkey" FOREIGN KEY ("metById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseStatusChange" ADD CONSTRAINT "UseCaseStatusChange_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseStatusChange" ADD CONSTRAINT "UseCaseStatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Waiver" ADD CONSTRAINT "Waiver_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotCertification" ADD CONSTRAINT "PilotCertification_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotCertification" ADD CONSTRAINT "PilotCertification_certifiedById_fkey" FOREIGN KEY ("certifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotCertification" ADD CONSTRAINT "PilotCertification_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRecord" ADD CONSTRAINT "PracticeRecord_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRecord" ADD CONSTRAINT "PracticeRecord_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRecord" ADD CONSTRAINT "PracticeRecord_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryCycle" ADD CONSTRAINT "InventoryCycle_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryCycle" ADD CONSTRAINT "InventoryCycle_certifiedById_fkey" FOREIGN KEY ("certifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryCycleEntry" ADD CONSTRAINT "InventoryCycleEntry_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "InventoryCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryCycleEntry" ADD CONSTRAINT "InventoryCycleEntry_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill the copies of the linked datasets' categories and sensitivities for existing cases.
UPDATE "UseCase" u SET
  "datasetCategories" = COALESCE((
    SELECT array_agg(DISTINCT d."category") FROM "UseCaseDataset" l JOIN "Dataset" d ON d."id" = l."datasetId" WHERE l."useCaseId" = u."id"
  ), ARRAY[]::"DatasetCategory"[]),
  "sensitivities" = COALESCE((
    SELECT array_agg(DISTINCT s) FROM "UseCaseDataset" l JOIN "Dataset" d ON d."id" = l."datasetId" CROSS JOIN LATERAL unnest(d."sensitivities") AS s WHERE l."useCaseId" = u."id"
  ), ARRAY[]::"DatasetSensitivity"[]);

-- Full-text search for the inventory: name, problem, outputs and vendors. Prisma does not model
-- expression indexes (and its schema diff leaves them alone); queries call the same function so
-- the planner uses the index. Declared IMMUTABLE because its result depends only on its arguments.
CREATE FUNCTION "use_case_search_document"(name TEXT, problem TEXT, outputs TEXT, vendors TEXT[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english'::regconfig,
    coalesce(name, '') || ' ' || coalesce(problem, '') || ' ' || coalesce(outputs, '') || ' ' || coalesce(array_to_string(vendors, ' '), ''))
$$;

CREATE INDEX "UseCase_search_idx" ON "UseCase" USING GIN ("use_case_search_document"("name", "problemSolved", "systemOutputs", "vendorNames"));
