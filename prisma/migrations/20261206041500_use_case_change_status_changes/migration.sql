-- The dashboards keep each case's stays in a status (time in state) in memory too, caught up from the
-- change log like the inventory's facts (docs/decisions/036-inventory-facts-kept-in-memory.md): a
-- status change logs its use case.
CREATE CONSTRAINT TRIGGER "UseCaseStatusChange_use_case_change"
  AFTER INSERT OR UPDATE OR DELETE ON "UseCaseStatusChange"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "record_use_case_change"();
CREATE TRIGGER "UseCaseStatusChange_use_case_change_truncate" AFTER TRUNCATE ON "UseCaseStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION "record_use_case_change"();
