-- Webapp sessions (Camunda's login, its CSRF token) in the database instead of the servlet
-- container, so that every node of a cluster serves every request: Spring Session JDBC's own
-- schema (schema-postgresql.sql of spring-session-jdbc 3.5), under our table prefix
-- (spring.session.jdbc.table-name). Created here, not by Spring's initializer (initialize-schema: never).
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

CREATE TABLE dv_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT dv_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX dv_session_ix1 ON dv_session (session_id);
CREATE INDEX dv_session_ix2 ON dv_session (expiry_time);
CREATE INDEX dv_session_ix3 ON dv_session (principal_name);

CREATE TABLE dv_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT dv_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT dv_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES dv_session (primary_id)
        ON DELETE CASCADE
);
