-- The state of the login throttle and of the public rate limits, shared by every node of a cluster
-- (one node alone would allow N times the limit, and a lock on one node would be none on another).
-- Times are epoch milliseconds of the application's clock. Keys are client addresses and user names
-- cut to 128 characters; rows are removed once they no longer throttle anyone.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

-- Failed logins per key: kind ADDRESS (a client address) or USER (a user name, lower case).
CREATE TABLE dv_login_failure (
    key_kind        VARCHAR(8)   NOT NULL,
    key_value       VARCHAR(128) NOT NULL,
    failures        INTEGER      NOT NULL,
    last_failure_at BIGINT       NOT NULL,
    locked_until    BIGINT       NOT NULL,
    -- when a node last wrote the row (a failure, or a success that forgot the failures)
    changed_at      BIGINT       NOT NULL,
    CONSTRAINT dv_login_failure_pk PRIMARY KEY (key_kind, key_value),
    CONSTRAINT dv_login_failure_kind_ck CHECK (key_kind IN ('ADDRESS', 'USER'))
);

-- The nodes' refresh reads the rows changed since its last look.
CREATE INDEX dv_login_failure_changed_idx ON dv_login_failure (changed_at);

-- Addresses from which a user logged in successfully (the user's own wait and lock do not apply there).
CREATE TABLE dv_login_known_client (
    user_key   VARCHAR(128) NOT NULL,
    address    VARCHAR(128) NOT NULL,
    seen_at    BIGINT       NOT NULL,
    CONSTRAINT dv_login_known_client_pk PRIMARY KEY (user_key, address)
);

CREATE INDEX dv_login_known_client_seen_idx ON dv_login_known_client (seen_at);

-- A token bucket per endpoint family and client address for the public endpoints.
CREATE TABLE dv_rate_bucket (
    family     VARCHAR(32)      NOT NULL,
    client     VARCHAR(128)     NOT NULL,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at BIGINT           NOT NULL,
    CONSTRAINT dv_rate_bucket_pk PRIMARY KEY (family, client)
);

CREATE INDEX dv_rate_bucket_updated_idx ON dv_rate_bucket (updated_at);
