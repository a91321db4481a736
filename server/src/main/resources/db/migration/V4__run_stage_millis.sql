-- Where a finished run's time went: milliseconds per stage, e.g. 'CLAIMED=2,READING_METADATA=41,...,PUBLISHING=310'
-- (RunContext.stageMillis, written when the run succeeds). Portable SQL for H2 2.x and PostgreSQL 12+.
ALTER TABLE concord_run ADD COLUMN stage_millis VARCHAR(400);
