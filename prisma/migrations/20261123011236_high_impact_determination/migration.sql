-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "determinedAt" TIMESTAMP(3),
ADD COLUMN     "determinedById" TEXT;

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_determinedById_fkey" FOREIGN KEY ("determinedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
