-- Dashboard sessions, shared by every Concord instance on this database (no sticky sessions needed).
-- Portable SQL for H2 2.x and PostgreSQL 12+.
CREATE TABLE concord_session (
    -- SHA-256 (hex) of the session id: the id itself is only ever in the browser's cookie, so reading
    -- this table (a backup, a support dump) does not yield cookies that open live sessions.
    id_hash     VARCHAR(64)  PRIMARY KEY,
    csrf_token  VARCHAR(64)  NOT NULL,
    -- the ProjectGrant records this session holds, as a JSON array (Jackson)
    grants      VARCHAR(100000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- recency order for the max-sessions cap: larger is more recently used (ties in last_seen are
    -- common at clock resolution, so eviction orders by this instead)
    touched     BIGINT       NOT NULL
);
CREATE SEQUENCE concord_session_touch;
CREATE INDEX concord_session_recency ON concord_session (touched);
CREATE INDEX concord_session_last_seen ON concord_session (last_seen);
CREATE INDEX concord_session_created ON concord_session (created_at);
