-- The signed-in inventory, the dashboards and the case pages are cached under the data version too
-- (docs/decisions/030-read-models-cached-by-data-version.md), so the tables they read move it as
-- well: check runs (findings, the high-impact presumption), who is listed on a case (who sees a
-- draft), decisions and their conditions (overdue, the dashboards), status changes (time in state),
-- comments (the case page) and people's names and e-mail addresses (shown beside lanes, conditions
-- and comments; a sign-in that records the identity provider's groups moves nothing).
-- app/modules/data-version/data-version.server.ts lists every tracked table; a test checks that the
-- database agrees.
DO $$
DECLARE
  tracked TEXT;
BEGIN
  FOREACH tracked IN ARRAY ARRAY['CheckRun', 'UseCaseContact', 'Decision', 'DecisionCondition', 'UseCaseStatusChange', 'Comment'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"()',
      tracked || '_data_version', tracked);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"()',
      tracked || '_data_version_truncate', tracked);
  END LOOP;
END;
$$;

CREATE CONSTRAINT TRIGGER "User_data_version" AFTER INSERT OR UPDATE OF "name", "email" OR DELETE ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "User_data_version_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
