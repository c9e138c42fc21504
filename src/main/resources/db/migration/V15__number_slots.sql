-- Numbers of a register (dv_document_counter) that are handed out but not yet used: the free slots.
-- A number is minted in a very short transaction of its own (the counter's row lock is held only
-- for the increment) that also inserts it here; the caller's transaction then claims the lowest
-- free slot (SELECT ... FOR UPDATE SKIP LOCKED) and deletes it. If that transaction rolls back or
-- its node dies, the delete is undone and the next caller takes the number: no gap, no duplicate
-- (see document.DocumentNumbering). Only free numbers are kept; a used one lives on the document or
-- dossier that carries it.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

CREATE TABLE dv_number_slot (
    unit          VARCHAR(64)              NOT NULL,
    register_code VARCHAR(16)              NOT NULL,
    counter_year  INTEGER                  NOT NULL,
    slot_number   INTEGER                  NOT NULL,
    minted_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT dv_number_slot_pk PRIMARY KEY (unit, register_code, counter_year, slot_number)
);
