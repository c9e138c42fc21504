-- Documents (results, letters, records) of the cases of a unit, with their PDF and its SHA-256,
-- and the per-unit, per-year, per-register counters their numbers come from.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

CREATE TABLE dv_document_counter (
    unit          VARCHAR(64) NOT NULL,
    register_code VARCHAR(16) NOT NULL,
    counter_year  INTEGER     NOT NULL,
    last_number   INTEGER     NOT NULL,
    CONSTRAINT dv_document_counter_pk PRIMARY KEY (unit, register_code, counter_year)
);

CREATE TABLE dv_document (
    id            VARCHAR(36)              NOT NULL,
    unit          VARCHAR(64)              NOT NULL,
    case_ref      VARCHAR(255),
    kind          VARCHAR(32)              NOT NULL,
    register_code VARCHAR(16)              NOT NULL,
    doc_number    INTEGER                  NOT NULL,
    symbol        VARCHAR(32)              NOT NULL,
    doc_year      INTEGER                  NOT NULL,
    title         VARCHAR(500)             NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    content       BYTEA                    NOT NULL,
    sha256        CHAR(64)                 NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dv_document_pk PRIMARY KEY (id),
    -- A backstop for the counter: one number per unit, register and year, ever.
    CONSTRAINT dv_document_number_uk UNIQUE (unit, register_code, doc_year, doc_number),
    CONSTRAINT dv_document_state_ck CHECK (state IN ('DRAFT', 'SIGNED'))
);

CREATE INDEX dv_document_case_idx ON dv_document (case_ref);
