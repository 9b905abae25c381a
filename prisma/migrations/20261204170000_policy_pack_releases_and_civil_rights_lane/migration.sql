-- CreateEnum
CREATE TYPE "PolicyPackOrigin" AS ENUM ('RELEASE', 'LOCAL');

-- AlterEnum
ALTER TYPE "Hosting" ADD VALUE 'CONTRACTOR_DATA_CENTER' AFTER 'CMS_DATA_CENTER';

-- AlterEnum
ALTER TYPE "PolicyPackStatus" ADD VALUE 'PROPOSED' AFTER 'DRAFT';

-- AlterEnum
ALTER TYPE "ReviewLane" ADD VALUE 'CIVIL_RIGHTS' AFTER 'LEGAL';

-- AlterTable
ALTER TABLE "PolicyPackVersion" ADD COLUMN     "basedOnVersion" TEXT,
ADD COLUMN     "openDraft" BOOLEAN,
ADD COLUMN     "origin" "PolicyPackOrigin" NOT NULL DEFAULT 'LOCAL';

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyPackVersion_openDraft_key" ON "PolicyPackVersion"("openDraft");

-- AddForeignKey
ALTER TABLE "AppSetting" ADD CONSTRAINT "AppSetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The pack loaded from the repository at start-up is a release; packs published from the editor are
-- local editions. An open draft becomes the one open draft, based on the pack in force.
UPDATE "PolicyPackVersion" SET "origin" = 'RELEASE' WHERE "editedById" IS NULL AND "version" ~ '^[0-9]{4}\.[0-9]+$';

UPDATE "PolicyPackVersion"
SET "openDraft" = true,
    "basedOnVersion" = (SELECT p."version" FROM "PolicyPackVersion" p WHERE p."status" = 'PUBLISHED' ORDER BY p."publishedAt" DESC LIMIT 1)
WHERE "id" = (SELECT d."id" FROM "PolicyPackVersion" d WHERE d."status" = 'DRAFT' ORDER BY d."updatedAt" DESC LIMIT 1);
