-- Sorting the inventory by name or by strictest data sensitivity reads a page from an index instead
-- of sorting every visible case. Expression indexes are not modelled by Prisma (its schema diff
-- leaves them alone); the expressions match the inventory query's ORDER BY exactly.
CREATE INDEX "UseCase_name_sort_idx" ON "UseCase" (lower("name"), "id");

CREATE INDEX "UseCase_sensitivity_sort_idx" ON "UseCase" ((CASE
  WHEN 'PART2' = ANY("sensitivities") THEN 1
  WHEN 'FTI' = ANY("sensitivities") THEN 2
  WHEN 'PHI' = ANY("sensitivities") THEN 3
  WHEN 'PII' = ANY("sensitivities") THEN 4
  WHEN 'DEMOGRAPHIC' = ANY("sensitivities") THEN 5
  ELSE 6 END), "id");
