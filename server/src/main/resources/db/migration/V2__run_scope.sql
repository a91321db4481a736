-- Run scope: a run analyses every record of its project (scope '') or the records of one REDCap data
-- access group (scope = REDCap's unique group name, e.g. 'site_a'). Portable SQL for H2 2.x and PostgreSQL 12+.
ALTER TABLE concord_run ADD COLUMN scope VARCHAR(100) DEFAULT '' NOT NULL;

-- queued_slot keeps one QUEUED run per (project, scope): it now holds the project id for a project-wide
-- run (as before, so runs queued before this migration keep their slot) and '<project id>:<scope>' for a
-- group's run. Project ids never contain ':' (they are configuration keys), so the two cannot collide.
ALTER TABLE concord_run ALTER COLUMN queued_slot SET DATA TYPE VARCHAR(210);

-- history per scope and "last published run of this scope" (unchanged-input dedup)
CREATE INDEX concord_run_project_scope ON concord_run (project_id, scope, id);
