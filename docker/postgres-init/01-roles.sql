-- Runs once, when the database volume is created (docker-entrypoint-initdb.d).
-- Two roles, so that the app cannot alter its own audit trail (docs/decisions, README "Security"):
--   governance_owner  owns the database and its tables; the app applies migrations as this role.
--   governance_app    the app's runtime role: reads and writes rows, owns nothing, and may only add
--                     to the audit trail. The app grants it its rights after every migration.
-- Change both passwords (here and in docker-compose.yml) before any real use.
CREATE ROLE governance_owner LOGIN PASSWORD 'governance-owner';
CREATE ROLE governance_app LOGIN PASSWORD 'governance-app';
ALTER DATABASE ai_governance OWNER TO governance_owner;
REVOKE ALL ON DATABASE ai_governance FROM PUBLIC;
GRANT CONNECT ON DATABASE ai_governance TO governance_owner, governance_app;
