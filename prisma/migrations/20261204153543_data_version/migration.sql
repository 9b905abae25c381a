-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row, from the start: readers never see "no version".
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- Moves the data version on, once per transaction, when the transaction commits. The triggers below
-- are deferred constraint triggers: they run at COMMIT, after every statement of the transaction, so
-- the row lock on "DataVersion" is the last lock a writer takes and is held only while it commits
-- (two writers can never deadlock on it), and the new version becomes visible exactly when the data
-- it stands for does. A rolled-back transaction moves nothing. The transaction-local setting keeps a
-- bulk insert of thousands of rows to one update. See docs/decisions/022-data-version.md.
CREATE FUNCTION "bump_data_version"() RETURNS trigger AS $$
BEGIN
  IF current_setting('app.data_version_bumped', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('app.data_version_bumped', 'on', true);
    INSERT INTO "DataVersion" ("id", "version", "changedAt") VALUES (1, 1, clock_timestamp())
      ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1, "changedAt" = clock_timestamp();
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The tables the public site reads (the public OMB projection, the reporting years, the policy
-- library). app/modules/data-version/data-version.server.ts lists the same tables; a test checks
-- that the database and the list agree.
DO $$
DECLARE
  tracked TEXT;
BEGIN
  FOREACH tracked IN ARRAY ARRAY['UseCase', 'OrgUnit', 'UseCaseDataset', 'Dataset', 'Waiver', 'PilotCertification', 'LaneReview', 'InventoryCycle', 'InventoryCycleEntry', 'PolicyPackVersion'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"()',
      tracked || '_data_version', tracked);
    -- TRUNCATE has no row triggers (so none deferred): it moves the version as it runs.
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"()',
      tracked || '_data_version_truncate', tracked);
  END LOOP;
END;
$$;
