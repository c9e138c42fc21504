-- Dossiers received at the one-stop counter: the read model behind the officials' and the public
-- status API, and the trail of every pause, resume, escalation, apology and outcome.
-- The process instance holds the case's data; this table holds what must be answered quickly and
-- without personal data (only the last four digits of the phone, for the public lookup).
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

CREATE TABLE dv_dossier (
    code                    VARCHAR(40)              NOT NULL,
    unit                    VARCHAR(64)              NOT NULL,
    procedure_code          VARCHAR(64)              NOT NULL,
    channel                 VARCHAR(16)              NOT NULL,
    process_instance_id     VARCHAR(64),
    phone_last4             CHAR(4)                  NOT NULL,
    state                   VARCHAR(32)              NOT NULL,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    appointment_at          TIMESTAMP WITH TIME ZONE,
    first_appointment_at    TIMESTAMP WITH TIME ZONE,
    appointment_moved       BOOLEAN                  NOT NULL,
    result_ready_at         TIMESTAMP WITH TIME ZONE,
    returned_at             TIMESTAMP WITH TIME ZONE,
    outcome                 VARCHAR(16),
    satisfaction            INTEGER,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dv_dossier_pk PRIMARY KEY (code),
    CONSTRAINT dv_dossier_outcome_ck CHECK (outcome IS NULL OR outcome IN ('EARLY', 'ON_TIME', 'LATE')),
    CONSTRAINT dv_dossier_satisfaction_ck CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5)
);

CREATE INDEX dv_dossier_unit_idx ON dv_dossier (unit, received_at);

CREATE TABLE dv_dossier_event (
    id            VARCHAR(36)              NOT NULL,
    dossier_code  VARCHAR(40)              NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type    VARCHAR(32)              NOT NULL,
    actor         VARCHAR(64),
    detail        VARCHAR(1000),
    CONSTRAINT dv_dossier_event_pk PRIMARY KEY (id),
    CONSTRAINT dv_dossier_event_dossier_fk FOREIGN KEY (dossier_code) REFERENCES dv_dossier (code)
);

CREATE INDEX dv_dossier_event_dossier_idx ON dv_dossier_event (dossier_code, occurred_at);
