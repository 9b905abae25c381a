-- CreateEnum
CREATE TYPE "UseCaseStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'WITHDRAWN', 'RETIRED');

-- CreateEnum
CREATE TYPE "WithholdingStatus" AS ENUM ('NO', 'YES_DISCLOSURE_RISK', 'YES_PROHIBITED_BY_LAW', 'OTHER');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('PRE_DEPLOYMENT', 'PILOT', 'DEPLOYED', 'RETIRED');

-- CreateEnum
CREATE TYPE "HighImpactDetermination" AS ENUM ('HIGH_IMPACT', 'PRESUMED_NOT_HIGH_IMPACT', 'NOT_HIGH_IMPACT');

-- CreateEnum
CREATE TYPE "TopicArea" AS ENUM ('ADMINISTRATIVE_FUNCTIONS', 'CYBERSECURITY', 'EMERGENCY_MANAGEMENT', 'ENERGY_ENVIRONMENT', 'GOVERNMENT_BENEFITS_PROCESSING', 'HEALTH_MEDICAL', 'HUMAN_RESOURCES', 'INFORMATION_TECHNOLOGY', 'INTERNATIONAL_AFFAIRS', 'LAW_ENFORCEMENT', 'OTHER', 'PROCUREMENT_FINANCIAL_MANAGEMENT', 'SCIENCE', 'SERVICE_DELIVERY', 'TRANSPORTATION');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('AGENTIC_AI', 'CLASSICAL_ML', 'COMPUTER_VISION', 'GENERATIVE_AI', 'NLP', 'REINFORCEMENT_LEARNING');

-- CreateEnum
CREATE TYPE "ContractingUsage" AS ENUM ('PURCHASED', 'IN_HOUSE', 'CONTRACT_AND_IN_HOUSE');

-- CreateEnum
CREATE TYPE "DecisionRole" AS ENUM ('NONE', 'ASSISTIVE', 'PRINCIPAL_BASIS', 'FULLY_AUTOMATED');

-- CreateEnum
CREATE TYPE "Hosting" AS ENUM ('CMS_DATA_CENTER', 'FEDRAMP_CLOUD', 'VENDOR_API');

-- CreateEnum
CREATE TYPE "DatasetUsage" AS ENUM ('TRAINING', 'EVALUATION', 'OPERATION');

-- CreateEnum
CREATE TYPE "UseCaseContactRole" AS ENUM ('OWNER', 'DEVELOPER', 'PROGRAM_CONTACT');

-- CreateTable
CREATE TABLE "TrackingIdCounter" (
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrackingIdCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "UseCase" (
    "id" TEXT NOT NULL,
    "trackingId" TEXT NOT NULL,
    "status" "UseCaseStatus" NOT NULL DEFAULT 'DRAFT',
    "name" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "contactEmail" TEXT,
    "isWithheld" "WithholdingStatus",
    "stage" "Stage",
    "topicArea" "TopicArea",
    "classification" "Classification",
    "problemSolved" TEXT,
    "benefits" TEXT,
    "systemOutputs" TEXT,
    "contractingUsage" "ContractingUsage",
    "vendorNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decisionRole" "DecisionRole",
    "generativeAi" BOOLEAN,
    "publicFacing" BOOLEAN,
    "hosting" "Hosting",
    "highImpactDetermination" "HighImpactDetermination",
    "answers" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "UseCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UseCaseDataset" (
    "useCaseId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "usages" "DatasetUsage"[],
    "minimumNecessaryJustification" TEXT,

    CONSTRAINT "UseCaseDataset_pkey" PRIMARY KEY ("useCaseId","datasetId")
);

-- CreateTable
CREATE TABLE "UseCaseContact" (
    "useCaseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "UseCaseContactRole" NOT NULL,

    CONSTRAINT "UseCaseContact_pkey" PRIMARY KEY ("useCaseId","userId","role")
);

-- CreateTable
CREATE TABLE "UseCaseVersion" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UseCaseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UseCase_trackingId_key" ON "UseCase"("trackingId");

-- CreateIndex
CREATE INDEX "UseCase_status_idx" ON "UseCase"("status");

-- CreateIndex
CREATE INDEX "UseCase_stage_idx" ON "UseCase"("stage");

-- CreateIndex
CREATE INDEX "UseCase_orgUnitId_idx" ON "UseCase"("orgUnitId");

-- CreateIndex
CREATE INDEX "UseCase_ownerId_idx" ON "UseCase"("ownerId");

-- CreateIndex
CREATE INDEX "UseCase_createdById_idx" ON "UseCase"("createdById");

-- CreateIndex
CREATE INDEX "UseCase_highImpactDetermination_idx" ON "UseCase"("highImpactDetermination");

-- CreateIndex
CREATE INDEX "UseCase_updatedAt_idx" ON "UseCase"("updatedAt");

-- CreateIndex
CREATE INDEX "UseCaseDataset_datasetId_idx" ON "UseCaseDataset"("datasetId");

-- CreateIndex
CREATE INDEX "UseCaseContact_userId_idx" ON "UseCaseContact"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UseCaseVersion_useCaseId_number_key" ON "UseCaseVersion"("useCaseId", "number");

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseDataset" ADD CONSTRAINT "UseCaseDataset_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseDataset" ADD CONSTRAINT "UseCaseDataset_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseContact" ADD CONSTRAINT "UseCaseContact_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseContact" ADD CONSTRAINT "UseCaseContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseVersion" ADD CONSTRAINT "UseCaseVersion_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseVersion" ADD CONSTRAINT "UseCaseVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Snapshots are evidence of what was submitted or decided: the database refuses to change them.
CREATE FUNCTION "use_case_version_is_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'UseCaseVersion is immutable: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "UseCaseVersion_immutable"
  BEFORE UPDATE OR DELETE ON "UseCaseVersion"
  FOR EACH ROW EXECUTE FUNCTION "use_case_version_is_immutable"();
