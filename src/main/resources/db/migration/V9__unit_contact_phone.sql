-- The unit's contact phone (its one-stop desk), printed in the letters sent to citizens (supplement
-- request, apology). An office number, public on the unit's letters, not personal data. Optional:
-- a unit without one gets a letter that names its one-stop desk instead.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

ALTER TABLE dv_unit ADD COLUMN contact_phone VARCHAR(32);
