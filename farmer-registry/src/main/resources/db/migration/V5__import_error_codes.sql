-- Each bad row of an import keeps the stable code of its problem beside the English reason,
-- so a console can switch on it or word it in the official's language. Rows written before
-- this have none.
ALTER TABLE import_error ADD COLUMN code varchar(100);
