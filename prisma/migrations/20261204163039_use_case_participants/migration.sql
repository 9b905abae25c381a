-- CreateTable
CREATE TABLE "UseCaseParticipant" (
    "useCaseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UseCaseParticipant_pkey" PRIMARY KEY ("useCaseId","userId")
);

-- CreateIndex
CREATE INDEX "UseCaseParticipant_userId_idx" ON "UseCaseParticipant"("userId");

-- AddForeignKey
ALTER TABLE "UseCaseParticipant" ADD CONSTRAINT "UseCaseParticipant_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseParticipant" ADD CONSTRAINT "UseCaseParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Everyone involved in a case, kept by the database itself: whoever creates or owns it, whoever is
-- ever listed on it, and whoever edits it (the audit events of an edit name them). A person stays
-- involved after leaving the team, so independence cannot be escaped by editing oneself off a case.
CREATE FUNCTION "use_case_participants_from_case"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "UseCaseParticipant" ("useCaseId", "userId")
  VALUES (NEW."id", NEW."createdById"), (NEW."id", NEW."ownerId")
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "UseCase_participants"
  AFTER INSERT OR UPDATE OF "createdById", "ownerId" ON "UseCase"
  FOR EACH ROW EXECUTE FUNCTION "use_case_participants_from_case"();

CREATE FUNCTION "use_case_participants_from_contact"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "UseCaseParticipant" ("useCaseId", "userId")
  VALUES (NEW."useCaseId", NEW."userId")
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "UseCaseContact_participants"
  AFTER INSERT OR UPDATE ON "UseCaseContact"
  FOR EACH ROW EXECUTE FUNCTION "use_case_participants_from_contact"();

CREATE FUNCTION "use_case_participants_from_edit"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "UseCaseParticipant" ("useCaseId", "userId")
  SELECT NEW."entityId", NEW."actorId"
  WHERE EXISTS (SELECT 1 FROM "UseCase" WHERE "id" = NEW."entityId")
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The events of writing a case's content: created, saved, submitted, amended, answered, re-opened by
-- a change, imported. Reviews, decisions and CAIO records are not authorship.
CREATE TRIGGER "AuditEvent_participants"
  AFTER INSERT ON "AuditEvent"
  FOR EACH ROW
  WHEN (NEW."entityType" = 'UseCase' AND NEW."actorId" IS NOT NULL AND NEW."action" IN (
    'use_case.created', 'use_case.updated', 'use_case.submitted', 'use_case.resubmitted',
    'use_case.changes_answered', 'use_case.reopened', 'use_case.imported', 'use_case.import_updated'))
  EXECUTE FUNCTION "use_case_participants_from_edit"();

-- Rows are never changed or removed, except with their case (the foreign key's cascade runs as a
-- nested trigger, so its depth is above 1).
CREATE FUNCTION "use_case_participant_is_kept"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'UseCaseParticipant is kept: a person once involved in a case stays involved (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "UseCaseParticipant_kept"
  BEFORE UPDATE OR DELETE ON "UseCaseParticipant"
  FOR EACH ROW EXECUTE FUNCTION "use_case_participant_is_kept"();

-- The cases that exist already: their creators, owners, contacts and editors.
INSERT INTO "UseCaseParticipant" ("useCaseId", "userId")
SELECT "id", "createdById" FROM "UseCase"
UNION SELECT "id", "ownerId" FROM "UseCase"
UNION SELECT "useCaseId", "userId" FROM "UseCaseContact"
UNION SELECT e."entityId", e."actorId" FROM "AuditEvent" e
  WHERE e."entityType" = 'UseCase' AND e."actorId" IS NOT NULL
    AND e."action" IN ('use_case.created', 'use_case.updated', 'use_case.submitted', 'use_case.resubmitted',
      'use_case.changes_answered', 'use_case.reopened', 'use_case.imported', 'use_case.import_updated')
    AND EXISTS (SELECT 1 FROM "UseCase" u WHERE u."id" = e."entityId")
ON CONFLICT DO NOTHING;
