-- Each bad row also keeps the values its problem's text names (the column, what was written, the
-- limit), so the reason can be written again in the reader's language and a console can show
-- them. Rows written before this have none and keep their English reason.
ALTER TABLE import_error ADD COLUMN args jsonb;
