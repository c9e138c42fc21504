-- Delegates, listeners and the task-list panel find a dossier by its process instance on every step
-- (DossierRegister.findByProcessInstance). Without an index that look-up read the whole register:
-- unnoticed with a few hundred dossiers, a full scan of a province's year (~200,000 rows) per step.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode.
CREATE INDEX dv_dossier_instance_idx ON dv_dossier (process_instance_id);
