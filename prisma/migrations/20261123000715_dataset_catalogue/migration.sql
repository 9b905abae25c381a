-- CreateEnum
CREATE TYPE "DatasetCategory" AS ENUM ('MEDICARE_CLAIMS', 'MEDICAID_CHIP_CLAIMS', 'ENROLLMENT_ELIGIBILITY', 'MARKETPLACE', 'MEDICAL_RECORDS_CLINICAL', 'PROVIDER_DATA', 'QUALITY_MEASURES', 'CONTRACTS_ACQUISITION', 'BUDGET_FINANCIAL', 'ADMINISTRATIVE_HR', 'PUBLIC_OPEN_DATA', 'VENDOR_EXTERNAL');

-- CreateEnum
CREATE TYPE "DatasetSensitivity" AS ENUM ('PII', 'PHI', 'PART2', 'FTI', 'DEMOGRAPHIC');

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "DatasetCategory" NOT NULL,
    "sensitivities" "DatasetSensitivity"[] DEFAULT ARRAY[]::"DatasetSensitivity"[],
    "stewardId" TEXT,
    "orgUnitId" TEXT NOT NULL,
    "sornNumber" TEXT,
    "piaUrl" TEXT,
    "dataUseAgreementRequired" BOOLEAN NOT NULL DEFAULT false,
    "fismaSystem" TEXT,
    "federalDataCatalogUrl" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_slug_key" ON "Dataset"("slug");

-- CreateIndex
CREATE INDEX "Dataset_category_idx" ON "Dataset"("category");

-- CreateIndex
CREATE INDEX "Dataset_orgUnitId_idx" ON "Dataset"("orgUnitId");

-- CreateIndex
CREATE INDEX "Dataset_stewardId_idx" ON "Dataset"("stewardId");

-- CreateIndex
CREATE INDEX "Dataset_sensitivities_idx" ON "Dataset" USING GIN ("sensitivities");

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_stewardId_fkey" FOREIGN KEY ("stewardId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
