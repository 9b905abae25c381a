-- CreateTable
CREATE TABLE "ImportFile" (
    "batchId" TEXT NOT NULL,
    "encoding" TEXT NOT NULL DEFAULT 'gzip',
    "content" BYTEA NOT NULL,
    "problems" BYTEA NOT NULL,

    CONSTRAINT "ImportFile_pkey" PRIMARY KEY ("batchId")
);

-- The app stores these gzipped: the database need not try to compress them again.
ALTER TABLE "ImportFile" ALTER COLUMN "content" SET STORAGE EXTERNAL, ALTER COLUMN "problems" SET STORAGE EXTERNAL;

-- AddForeignKey
ALTER TABLE "ImportFile" ADD CONSTRAINT "ImportFile_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The stored file and the problem report leave the batch row, which the import's progress updates.
INSERT INTO "ImportFile" ("batchId", "encoding", "content", "problems")
  SELECT "id", 'identity', convert_to("content", 'UTF8'), convert_to("problems"::text, 'UTF8') FROM "ImportBatch";

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "matchDecisions" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "nextRow" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "problemCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "importedById" TEXT;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

UPDATE "ImportBatch" SET "problemCount" = jsonb_array_length("problems");

ALTER TABLE "ImportBatch" DROP COLUMN "content",
DROP COLUMN "problems";

-- AlterTable
ALTER TABLE "OrgUnit" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "OrgUnit_aliases_idx" ON "OrgUnit" USING GIN ("aliases");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CMS's organisation (prisma/seed/org-units.ts): HHS → CMS → its centres and offices, inserted once;
-- administrators keep it from here on. Units that exist keep their names; they gain their aliases.
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS'), 'HHS', 'HHS', 'Department of Health and Human Services', NULL, ARRAY['U.S. Department of Health and Human Services']::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS'), 'HHS/CMS', 'CMS', 'Centers for Medicare & Medicaid Services', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OA'), 'HHS/CMS/OA', 'OA', 'Office of the Administrator', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/CM'), 'HHS/CMS/CM', 'CM', 'Center for Medicare', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/CMCS'), 'HHS/CMS/CMCS', 'CMCS', 'Center for Medicaid and CHIP Services', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/CCIIO'), 'HHS/CMS/CCIIO', 'CCIIO', 'Center for Consumer Information and Insurance Oversight', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/CCSQ'), 'HHS/CMS/CCSQ', 'CCSQ', 'Center for Clinical Standards and Quality', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/CPI'), 'HHS/CMS/CPI', 'CPI', 'Center for Program Integrity', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/CMMI'), 'HHS/CMS/CMMI', 'CMMI', 'Center for Medicare and Medicaid Innovation', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY['CMS Innovation Center', 'Innovation Center']::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OACT'), 'HHS/CMS/OACT', 'OACT', 'Office of the Actuary', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OAGM'), 'HHS/CMS/OAGM', 'OAGM', 'Office of Acquisition and Grants Management', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OBRHI'), 'HHS/CMS/OBRHI', 'OBRHI', 'Office of Burden Reduction and Health Informatics', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OC'), 'HHS/CMS/OC', 'OC', 'Office of Communications', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OEDA'), 'HHS/CMS/OEDA', 'OEDA', 'Office of Enterprise Data and Analytics', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OEOCR'), 'HHS/CMS/OEOCR', 'OEOCR', 'Office of Equal Opportunity and Civil Rights', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OFM'), 'HHS/CMS/OFM', 'OFM', 'Office of Financial Management', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OHC'), 'HHS/CMS/OHC', 'OHC', 'Office of Human Capital', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OHI'), 'HHS/CMS/OHI', 'OHI', 'Office of Hearings and Inquiries', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY['Office of Hearings']::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OIT'), 'HHS/CMS/OIT', 'OIT', 'Office of Information Technology', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OL'), 'HHS/CMS/OL', 'OL', 'Office of Legislation', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OMH'), 'HHS/CMS/OMH', 'OMH', 'Office of Minority Health', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OPOLE'), 'HHS/CMS/OPOLE', 'OPOLE', 'Office of Program Operations and Local Engagement', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OSFLO'), 'HHS/CMS/OSFLO', 'OSFLO', 'Office of Security, Facilities, and Logistics Operations', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OSORA'), 'HHS/CMS/OSORA', 'OSORA', 'Office of Strategic Operations and Regulatory Affairs', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/OSPR'), 'HHS/CMS/OSPR', 'OSPR', 'Office of Strategy, Performance, and Results', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY[]::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/EPRO'), 'HHS/CMS/EPRO', 'EPRO', 'Emergency Preparedness and Response Operations', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY['Office of Emergency Preparedness and Response Operations']::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
INSERT INTO "OrgUnit" ("id", "code", "shortName", "name", "parentId", "aliases") VALUES ('ou_' || md5('HHS/CMS/FCHCO'), 'HHS/CMS/FCHCO', 'FCHCO', 'Federal Coordinated Health Care Office', (SELECT "id" FROM "OrgUnit" WHERE "code" = 'HHS/CMS'), ARRAY['Medicare-Medicaid Coordination Office', 'MMCO']::TEXT[])
  ON CONFLICT ("code") DO UPDATE SET "aliases" = EXCLUDED."aliases";
