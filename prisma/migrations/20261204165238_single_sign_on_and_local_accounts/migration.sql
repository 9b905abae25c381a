-- CreateEnum
CREATE TYPE "RoleSource" AS ENUM ('MANUAL', 'IDENTITY_PROVIDER');

-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('INVITATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "SignInMethod" AS ENUM ('PASSWORD', 'OIDC');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ACCOUNT_INVITATION';
ALTER TYPE "NotificationKind" ADD VALUE 'PASSWORD_RESET';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailSecretLink" TEXT;

-- AlterTable
ALTER TABLE "Password" ADD COLUMN     "mustChange" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idToken" TEXT,
ADD COLUMN     "method" "SignInMethod" NOT NULL DEFAULT 'PASSWORD',
ADD COLUMN     "oidcSessionId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "invitationAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "invitedAt" TIMESTAMP(3),
ADD COLUMN     "oidcGroups" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "oidcSubject" TEXT;

-- AlterTable
ALTER TABLE "UserRole" DROP CONSTRAINT "UserRole_pkey",
ADD COLUMN     "source" "RoleSource" NOT NULL DEFAULT 'MANUAL',
ADD CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId", "role", "source");

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OidcLoginRequest" (
    "stateHash" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "redirectTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OidcLoginRequest_pkey" PRIMARY KEY ("stateHash")
);

-- CreateTable
CREATE TABLE "OidcGroupMapping" (
    "id" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "role" "RoleName" NOT NULL,
    "lanes" "ReviewLane"[] DEFAULT ARRAY[]::"ReviewLane"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OidcGroupMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "OidcLoginRequest_expiresAt_idx" ON "OidcLoginRequest"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "OidcGroupMapping_group_role_key" ON "OidcGroupMapping"("group", "role");

-- CreateIndex
CREATE INDEX "Session_oidcSessionId_idx" ON "Session"("oidcSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
