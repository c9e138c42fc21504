-- The unit's agency code (mã định danh of Circular 10/2016/TT-BTTTT, e.g. "000.00.31.H48"): the first
-- part of every dossier code the unit issues (Circular 01/2018/TT-VPCP Art. 19). Public (it is
-- printed on receipts), not personal data. Managed through PUT /api/units/{code}; unique, since two
-- units with one code would issue the same dossier codes. Optional: a unit without one falls back to
-- its tenant id in its dossier codes (see dossier.DossierRegister).
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

ALTER TABLE dv_unit ADD COLUMN agency_code VARCHAR(32);
ALTER TABLE dv_unit ADD CONSTRAINT dv_unit_agency_code_unique UNIQUE (agency_code);
