-- CreateTable
CREATE TABLE "UseCaseChange" (
    "id" BIGSERIAL NOT NULL,
    "version" BIGINT NOT NULL,
    "useCaseId" TEXT,

    CONSTRAINT "UseCaseChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UseCaseChange_version_idx" ON "UseCaseChange"("version");

-- Records which use case a committed write touched, under the data version that write moved to. These
-- are deferred constraint triggers like "bump_data_version", and their names sort after its
-- triggers' ("…_data_version" < "…_use_case_change"), so at COMMIT the version has already moved and
-- its row is locked by this transaction: the version read here is the one this transaction commits
-- as, and versions are given in commit order. A reader at version B that kept the inventory at
-- version A re-reads exactly the cases logged in (A, B]. The first record of a transaction also
-- removes what is more than 20,000 versions old; a reader further behind reads everything again.
-- See docs/decisions/036-inventory-facts-kept-in-memory.md.
CREATE FUNCTION "record_use_case_change"() RETURNS trigger AS $$
DECLARE
  changed_version BIGINT;
  changed_case TEXT;
BEGIN
  SELECT "version" INTO changed_version FROM "DataVersion" WHERE "id" = 1;
  IF current_setting('app.use_case_change_pruned', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('app.use_case_change_pruned', 'on', true);
    DELETE FROM "UseCaseChange" WHERE "version" < changed_version - 20000;
  END IF;
  IF TG_OP = 'TRUNCATE' OR TG_TABLE_NAME = 'PolicyPackVersion' THEN
    changed_case := NULL;
  ELSIF TG_TABLE_NAME = 'UseCase' AND TG_OP = 'DELETE' THEN
    changed_case := OLD."id";
  ELSIF TG_TABLE_NAME = 'UseCase' THEN
    changed_case := NEW."id";
  ELSIF TG_OP = 'DELETE' THEN
    changed_case := OLD."useCaseId";
  ELSE
    changed_case := NEW."useCaseId";
  END IF;
  INSERT INTO "UseCaseChange" ("version", "useCaseId") VALUES (changed_version, changed_case);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- What the inventory's counts read of a case: the case itself, its open lanes and unmet conditions
-- (when it falls overdue) and its check runs (the presumption); and which pack is current.
DO $$
DECLARE
  tracked TEXT;
BEGIN
  FOREACH tracked IN ARRAY ARRAY['UseCase', 'LaneReview', 'DecisionCondition', 'CheckRun'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "record_use_case_change"()',
      tracked || '_use_case_change', tracked);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "record_use_case_change"()',
      tracked || '_use_case_change_truncate', tracked);
  END LOOP;
END;
$$;

CREATE CONSTRAINT TRIGGER "PolicyPackVersion_use_case_change"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "publishedAt", "version" ON "PolicyPackVersion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "record_use_case_change"();
CREATE TRIGGER "PolicyPackVersion_use_case_change_truncate" AFTER TRUNCATE ON "PolicyPackVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "record_use_case_change"();
