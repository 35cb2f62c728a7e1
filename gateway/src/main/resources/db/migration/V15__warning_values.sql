-- A warning keeps the values its sentence names (grades, scores, points), so the sentence can be
-- written in the reader's language; warnings made before keep their English sentence only.
ALTER TABLE early_warning ADD COLUMN detail_args jsonb;
