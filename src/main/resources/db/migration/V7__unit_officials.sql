-- Units as data: the parent of each unit and its officials who sign for the People's Committee
-- (chairman, vice-chairmen, an acting chairman), with the title each holds. Units, users and their
-- memberships stay in Camunda's identity store (tenants, users, groups); this table adds only what
-- Camunda cannot hold. Managed through PUT /api/units/{code} (administrators), read by
-- identity.UnitOfficials. User ids and titles only, no personal data.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

CREATE TABLE dv_unit (
    unit_code    VARCHAR(64)              NOT NULL,
    parent_code  VARCHAR(64),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(255)             NOT NULL,
    CONSTRAINT dv_unit_pk PRIMARY KEY (unit_code),
    CONSTRAINT dv_unit_not_own_parent CHECK (parent_code IS NULL OR parent_code <> unit_code)
);

CREATE TABLE dv_unit_official (
    unit_code  VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(255) NOT NULL,
    position   VARCHAR(20)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    CONSTRAINT dv_unit_official_pk PRIMARY KEY (unit_code, user_id),
    CONSTRAINT dv_unit_official_unit_fk FOREIGN KEY (unit_code) REFERENCES dv_unit (unit_code) ON DELETE CASCADE,
    CONSTRAINT dv_unit_official_position CHECK (position IN ('CHAIRMAN', 'VICE_CHAIRMAN', 'ACTING_CHAIRMAN'))
);
