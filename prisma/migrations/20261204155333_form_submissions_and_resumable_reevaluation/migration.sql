-- AlterTable
ALTER TABLE "ReevaluationJob" ADD COLUMN     "resumeAfterId" TEXT;

-- CreateTable
CREATE TABLE "FormSubmission" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "entityId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmission_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");
