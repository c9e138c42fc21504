-- The citizen's own rating, kept apart from the satisfaction the officer records at the return step
-- (dv_dossier.satisfaction), so that neither overwrites the other. One per dossier: the first rating
-- is kept (the application writes it only where citizen_rating IS NULL).
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.

ALTER TABLE dv_dossier ADD COLUMN citizen_rating INTEGER;
ALTER TABLE dv_dossier ADD COLUMN citizen_rated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dv_dossier ADD CONSTRAINT dv_dossier_citizen_rating_ck
    CHECK (citizen_rating IS NULL OR citizen_rating BETWEEN 1 AND 5);

-- Repair what the old behaviour did: a public rating (a RATED event without actor) overwrote the
-- officer's entry. The citizen keeps the first rating given; the officer's entry is restored from
-- the RATED event the officer's return step wrote (or emptied when there was none).
UPDATE dv_dossier SET
    citizen_rating = (SELECT CAST(e.detail AS INTEGER) FROM dv_dossier_event e
        WHERE e.dossier_code = dv_dossier.code AND e.event_type = 'RATED' AND e.actor IS NULL
        ORDER BY e.id FETCH FIRST 1 ROWS ONLY),
    citizen_rated_at = (SELECT e.occurred_at FROM dv_dossier_event e
        WHERE e.dossier_code = dv_dossier.code AND e.event_type = 'RATED' AND e.actor IS NULL
        ORDER BY e.id FETCH FIRST 1 ROWS ONLY),
    satisfaction = (SELECT CAST(e.detail AS INTEGER) FROM dv_dossier_event e
        WHERE e.dossier_code = dv_dossier.code AND e.event_type = 'RATED' AND e.actor IS NOT NULL
        ORDER BY e.id DESC FETCH FIRST 1 ROWS ONLY)
WHERE EXISTS (SELECT 1 FROM dv_dossier_event e
    WHERE e.dossier_code = dv_dossier.code AND e.event_type = 'RATED' AND e.actor IS NULL);
