-- A case page is kept under the data version with the people ever involved in the case (who wrote part
-- of it or was listed on it), which decides who may review or decide it; recording one moves the
-- version too (docs/decisions/030-read-models-cached-by-data-version.md).
CREATE CONSTRAINT TRIGGER "UseCaseParticipant_data_version" AFTER INSERT OR UPDATE OR DELETE ON "UseCaseParticipant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "UseCaseParticipant_data_version_truncate" AFTER TRUNCATE ON "UseCaseParticipant" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
