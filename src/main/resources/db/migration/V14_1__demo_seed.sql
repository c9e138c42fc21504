-- Which demo seeds have run (demo profile only; empty elsewhere): one row per seed, inserted in the
-- transaction that seeds, so a restart or a second node finds the row and seeds nothing. Deleting
-- the row (or the demo's ./data) seeds again on the next start.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

CREATE TABLE dv_demo_seed (
    seed_name  VARCHAR(64)              NOT NULL,
    seeded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dv_demo_seed_pk PRIMARY KEY (seed_name)
);
