-- CreateEnum
CREATE TYPE "PolicyPackStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ReevaluationJobStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "PolicyPackVersion" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status" "PolicyPackStatus" NOT NULL,
    "content" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "editedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PolicyPackVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckRun" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "useCaseVersion" INTEGER NOT NULL,
    "packVersion" TEXT NOT NULL,
    "presumedHighImpact" BOOLEAN NOT NULL,
    "requiredLanes" "ReviewLane"[],
    "blocked" BOOLEAN NOT NULL,
    "results" JSONB NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReevaluationJob" (
    "id" TEXT NOT NULL,
    "packVersion" TEXT NOT NULL,
    "status" "ReevaluationJobStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReevaluationJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyPackVersion_version_key" ON "PolicyPackVersion"("version");

-- CreateIndex
CREATE INDEX "PolicyPackVersion_status_publishedAt_idx" ON "PolicyPackVersion"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "CheckRun_packVersion_idx" ON "CheckRun"("packVersion");

-- CreateIndex
CREATE UNIQUE INDEX "CheckRun_useCaseId_useCaseVersion_packVersion_key" ON "CheckRun"("useCaseId", "useCaseVersion", "packVersion");

-- AddForeignKey
ALTER TABLE "PolicyPackVersion" ADD CONSTRAINT "PolicyPackVersion_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRun" ADD CONSTRAINT "CheckRun_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReevaluationJob" ADD CONSTRAINT "ReevaluationJob_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
